// Tests the built-in rubric: it decodes strictly and validates, its scale, tracks,
// competencies, questions and screen are complete, and it is in the project's own words.

package rubric

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// builtinCoreIDs are the competencies every track uses.
var builtinCoreIDs = []string{
	"prompting-model-choice",
	"cost-tokens",
	"errors-rate-limits",
	"evaluation",
	"tools-structured-output",
	"retrieval-finetuning",
	"monitoring-caching",
	"learning-new-apis",
}

var builtinTrackIDs = []string{"conversational", "content", "production", "devtools", "search", "multimodal"}

var builtinKebab = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// builtinSeedPath is the hiring guide the rubric is based on, outside the repo.
var builtinSeedPath = filepath.Join("..", "..", "..", "shared", "seed", "hiring-openai-developers.txt")

func mustDecodeBuiltin(t *testing.T) Rubric {
	t.Helper()
	r, err := decodeBuiltin(builtinJSON)
	if err != nil {
		t.Fatalf("builtin.json does not decode strictly: %v", err)
	}
	return r
}

func TestBuiltinDecodesStrictly(t *testing.T) {
	r := mustDecodeBuiltin(t)
	if r.Format != FormatV1 {
		t.Errorf("format = %q, want %q", r.Format, FormatV1)
	}
	if r.Name != BuiltinName {
		t.Errorf("name = %q, want %q", r.Name, BuiltinName)
	}
	if strings.TrimSpace(r.Description) == "" {
		t.Error("rubric description is empty")
	}
	if got := Builtin(); !reflect.DeepEqual(got, r) {
		t.Error("Builtin() differs from the decoded embedded file")
	}
}

// The strict decoder is what makes typos in builtin.json fail; prove it does.
func TestBuiltinDecoderRejectsMistakes(t *testing.T) {
	good := fmt.Sprintf(`{"format":%q,"name":%q,"scale":{"min":1,"max":2,"labels":["a","b"]},"competencies":[]}`, FormatV1, BuiltinName)
	if _, err := decodeBuiltin([]byte(good)); err != nil {
		t.Fatalf("minimal rubric rejected: %v", err)
	}
	bad := map[string]string{
		"unknown field":   strings.Replace(good, `"competencies"`, `"competences"`, 1),
		"nested typo":     strings.Replace(good, `"labels"`, `"label"`, 1),
		"trailing data":   good + `{}`,
		"wrong format":    strings.Replace(good, FormatV1, "hirebench.rubric/v0", 1),
		"wrong name":      strings.Replace(good, BuiltinName, "Something else", 1),
		"not json":        `format: x`,
		"truncated input": good[:len(good)-1],
	}
	for name, in := range bad {
		if _, err := decodeBuiltin([]byte(in)); err == nil {
			t.Errorf("%s: decoded without error", name)
		}
	}
}

func TestBuiltinScale(t *testing.T) {
	s := mustDecodeBuiltin(t).Scale
	if s.Min != 1 || s.Max != 4 {
		t.Errorf("scale = %d..%d, want 1..4", s.Min, s.Max)
	}
	if s.Levels() < MinLevels || s.Levels() > MaxLevels {
		t.Errorf("scale has %d levels, outside %d..%d", s.Levels(), MinLevels, MaxLevels)
	}
	if len(s.Labels) != s.Levels() {
		t.Fatalf("scale has %d labels for %d levels", len(s.Labels), s.Levels())
	}
	seen := map[string]bool{}
	for i, l := range s.Labels {
		if strings.TrimSpace(l) == "" {
			t.Errorf("scale label %d is empty", i)
		}
		if len(l) > MaxTitle {
			t.Errorf("scale label %d is longer than %d", i, MaxTitle)
		}
		if seen[l] {
			t.Errorf("scale label %q repeated", l)
		}
		seen[l] = true
	}
}

func TestBuiltinTracks(t *testing.T) {
	r := mustDecodeBuiltin(t)
	if len(r.Tracks) != len(builtinTrackIDs) {
		t.Errorf("%d tracks, want %d", len(r.Tracks), len(builtinTrackIDs))
	}
	perTrack := map[string]int{}
	for _, c := range r.Competencies {
		perTrack[c.Track]++
	}
	known := map[string]bool{}
	for _, tr := range r.Tracks {
		known[tr.ID] = true
		if strings.TrimSpace(tr.Name) == "" || strings.TrimSpace(tr.Description) == "" {
			t.Errorf("track %q lacks a name or description", tr.ID)
		}
	}
	for _, id := range builtinTrackIDs {
		if !known[id] {
			t.Errorf("track %q missing", id)
			continue
		}
		if perTrack[id] < 1 {
			t.Errorf("track %q has no competency of its own", id)
		}
	}
	for _, c := range r.Competencies {
		if c.Track != "" && !known[c.Track] {
			t.Errorf("competency %q names unknown track %q", c.ID, c.Track)
		}
	}
}

func TestBuiltinCoreCompetencies(t *testing.T) {
	r := mustDecodeBuiltin(t)
	byID := map[string]Competency{}
	for _, c := range r.Competencies {
		byID[c.ID] = c
	}
	for _, id := range builtinCoreIDs {
		c, ok := byID[id]
		if !ok {
			t.Errorf("core competency %q missing", id)
			continue
		}
		if c.Track != "" {
			t.Errorf("core competency %q has track %q, want none", id, c.Track)
		}
	}
}

// The recruiter's cheat-sheet questions must sit in the matching competency.
func TestBuiltinCheatSheetQuestions(t *testing.T) {
	r := mustDecodeBuiltin(t)
	want := map[string]string{
		"rate-limits":           "errors-rate-limits",
		"model-tier-tradeoff":   "prompting-model-choice",
		"output-format-control": "tools-structured-output",
	}
	for qid, cid := range want {
		c, _, ok := r.FindQuestion(qid)
		if !ok {
			t.Errorf("cheat-sheet question %q missing", qid)
			continue
		}
		if c.ID != cid {
			t.Errorf("question %q is in %q, want %q", qid, c.ID, cid)
		}
	}
}

func TestBuiltinCompetenciesAndQuestions(t *testing.T) {
	r := mustDecodeBuiltin(t)
	levels := r.Scale.Levels()
	if len(r.Competencies) > MaxCompetencies {
		t.Errorf("%d competencies, limit %d", len(r.Competencies), MaxCompetencies)
	}
	for _, c := range r.Competencies {
		if strings.TrimSpace(c.Name) == "" || len(c.Name) > MaxTitle {
			t.Errorf("competency %q: name empty or longer than %d", c.ID, MaxTitle)
		}
		if strings.TrimSpace(c.Description) == "" {
			t.Errorf("competency %q: no description", c.ID)
		}
		if c.Weight <= 0 || c.Weight > MaxWeight {
			t.Errorf("competency %q: weight %v outside (0, %v]", c.ID, c.Weight, MaxWeight)
		}
		if len(c.Questions) < 2 || len(c.Questions) > MaxQuestions {
			t.Errorf("competency %q: %d questions, want 2..%d", c.ID, len(c.Questions), MaxQuestions)
		}
		heavier := false
		for _, q := range c.Questions {
			where := c.ID + "/" + q.ID
			if strings.TrimSpace(q.Prompt) == "" {
				t.Errorf("%s: no prompt", where)
			}
			if strings.TrimSpace(q.Probes) == "" {
				t.Errorf("%s: no probes", where)
			}
			if q.Weight <= 0 || q.Weight > MaxWeight {
				t.Errorf("%s: weight %v outside (0, %v]", where, q.Weight, MaxWeight)
			}
			if q.Weight != DefaultWeight {
				heavier = true
			}
			if n := len(q.FollowUps); n < 1 || n > 3 {
				t.Errorf("%s: %d follow-ups, want 1..3", where, n)
			}
			if n := len(q.RedFlags); n < 1 || n > 3 {
				t.Errorf("%s: %d red flags, want 1..3", where, n)
			}
			for _, list := range [][]string{q.FollowUps, q.RedFlags} {
				for i, s := range list {
					if strings.TrimSpace(s) == "" {
						t.Errorf("%s: list item %d is empty", where, i)
					}
				}
			}
			if len(q.Anchors) != levels {
				t.Errorf("%s: %d anchors, want %d (one per level)", where, len(q.Anchors), levels)
			}
			seen := map[string]bool{}
			for i, a := range q.Anchors {
				if strings.TrimSpace(a) == "" {
					t.Errorf("%s: anchor for level %d is empty", where, r.Scale.Min+i)
				}
				key := builtinNormalise(a)
				if seen[key] {
					t.Errorf("%s: anchor for level %d repeats another level", where, r.Scale.Min+i)
				}
				seen[key] = true
			}
		}
		// A question weighted above the default must be explained.
		if heavier && !strings.Contains(strings.ToLower(c.Description), "weight") {
			t.Errorf("competency %q weights a question differently but its description does not say why", c.ID)
		}
	}
}

func TestBuiltinIDs(t *testing.T) {
	r := mustDecodeBuiltin(t)
	seen := map[string]string{}
	check := func(kind, id string) {
		if !builtinKebab.MatchString(id) || len(id) > MaxID {
			t.Errorf("%s id %q is not kebab-case of at most %d characters", kind, id, MaxID)
		}
		if prev, dup := seen[id]; dup {
			t.Errorf("%s id %q already used by a %s", kind, id, prev)
		}
		seen[id] = kind
	}
	for _, tr := range r.Tracks {
		check("track", tr.ID)
	}
	for _, c := range r.Competencies {
		check("competency", c.ID)
		for _, q := range c.Questions {
			check("question", q.ID)
		}
	}
	for _, f := range r.Screen {
		check("screen flag", f.ID)
	}
}

func TestBuiltinScreen(t *testing.T) {
	r := mustDecodeBuiltin(t)
	if len(r.Screen) > MaxScreenFlags {
		t.Errorf("%d screen flags, limit %d", len(r.Screen), MaxScreenFlags)
	}
	count := map[FlagKind]int{}
	for _, f := range r.Screen {
		count[f.Kind]++
		if f.Kind != GreenFlag && f.Kind != RedFlag {
			t.Errorf("screen flag %q: kind %q", f.ID, f.Kind)
		}
		if strings.TrimSpace(f.Text) == "" || len(f.Text) > MaxTitle {
			t.Errorf("screen flag %q: text empty or longer than %d", f.ID, MaxTitle)
		}
		if strings.TrimSpace(f.Hint) == "" {
			t.Errorf("screen flag %q: no hint", f.ID)
		}
	}
	// Few red flags: most were mirrors of green ones (TestBuiltinScreenNoMirroredFlags).
	for k, least := range map[FlagKind]int{GreenFlag: 5, RedFlag: 1} {
		if count[k] < least {
			t.Errorf("%d %s screen flags, want at least %d", count[k], k, least)
		}
		if count[k] > MaxListItems {
			t.Errorf("%d %s screen flags, limit %d", count[k], k, MaxListItems)
		}
	}
}

func TestBuiltinTextLimits(t *testing.T) {
	for _, s := range builtinStrings(mustDecodeBuiltin(t)) {
		if len(s.text) > MaxText {
			t.Errorf("%s is %d bytes, limit %d", s.where, len(s.text), MaxText)
		}
		if s.text != strings.TrimSpace(s.text) {
			t.Errorf("%s has surrounding white space", s.where)
		}
	}
}

// The built-in must pass the package's own validator unchanged and already
// be in normalized form, like any rubric a user imports.
func TestBuiltinPassesValidate(t *testing.T) {
	r := Builtin()
	n := Builtin()
	Normalize(&n)
	if !reflect.DeepEqual(n, r) {
		t.Error("builtin.json is not normalized: Normalize changes it")
	}
	if err := Validate(r); err != nil {
		t.Errorf("Validate(Builtin()) = %v", err)
	}
}

func TestBuiltinReturnsIndependentCopies(t *testing.T) {
	want := mustDecodeBuiltin(t)
	a := Builtin()
	a.Name = "changed"
	a.Scale.Labels[0] = "changed"
	a.Tracks[0].Description = "changed"
	a.Competencies[0].Questions[0].Anchors[0] = "changed"
	a.Competencies[0].Questions[0].RedFlags[0] = "changed"
	a.Competencies[0].Questions[0].FollowUps = append(a.Competencies[0].Questions[0].FollowUps[:0], "changed")
	a.Competencies[1].Weight = 42
	a.Screen[0].Text = "changed"
	a.Competencies = a.Competencies[:1]
	b := Builtin()
	if !reflect.DeepEqual(b, want) {
		t.Fatal("mutating one Builtin() result changed the next one")
	}
	if b.Competencies[0].Questions[0].Anchors[0] == "changed" {
		t.Fatal("Builtin() results share anchor storage")
	}
}

// builtinString is one piece of rubric text and where it sits.
type builtinString struct{ where, text string }

// builtinStrings lists every human-readable string in a rubric.
func builtinStrings(r Rubric) []builtinString {
	var out []builtinString
	add := func(where, text string) {
		if text != "" {
			out = append(out, builtinString{where, text})
		}
	}
	add("name", r.Name)
	add("description", r.Description)
	for i, l := range r.Scale.Labels {
		add(fmt.Sprintf("scale label %d", i), l)
	}
	for _, tr := range r.Tracks {
		add("track "+tr.ID+" name", tr.Name)
		add("track "+tr.ID+" description", tr.Description)
	}
	for _, c := range r.Competencies {
		add(c.ID+" name", c.Name)
		add(c.ID+" description", c.Description)
		for _, q := range c.Questions {
			w := c.ID + "/" + q.ID
			add(w+" prompt", q.Prompt)
			add(w+" probes", q.Probes)
			for i, s := range q.FollowUps {
				add(fmt.Sprintf("%s follow-up %d", w, i), s)
			}
			for i, s := range q.RedFlags {
				add(fmt.Sprintf("%s red flag %d", w, i), s)
			}
			for i, s := range q.Anchors {
				add(fmt.Sprintf("%s anchor %d", w, i), s)
			}
			for i, s := range q.Samples {
				add(fmt.Sprintf("%s sample %d", w, i), s.Answer)
			}
		}
	}
	for _, f := range r.Screen {
		add("screen "+f.ID+" text", f.Text)
		add("screen "+f.ID+" hint", f.Hint)
	}
	return out
}

// builtinNormalise lowercases and collapses white space.
func builtinNormalise(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

var builtinListMarker = regexp.MustCompile(`^\d+\.\s+`)

// builtinNeedle normalises a fragment of the guide and strips list markers
// and surrounding quotes and punctuation.
func builtinNeedle(s string) string {
	s = builtinNormalise(s)
	s = builtinListMarker.ReplaceAllString(s, "")
	return strings.TrimFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

var (
	builtinQuoted    = regexp.MustCompile(`"([^"]+)"`)
	builtinSeparator = regexp.MustCompile(` - |: `)
)

// builtinSeedNeedles returns the fragments of the guide the rubric must not
// reproduce: every line over 25 characters, every part of a line split at
// " - " or ": " over 25 characters, and every cheat-sheet cell or quoted
// phrase over 15 characters.
func builtinSeedNeedles(seed string) []string {
	set := map[string]bool{}
	add := func(s string, min int) {
		if n := builtinNeedle(s); len(n) > min {
			set[n] = true
		}
	}
	for _, line := range strings.Split(seed, "\n") {
		line = strings.TrimSpace(line)
		add(line, 25)
		if strings.HasPrefix(line, "|") {
			for _, cell := range strings.Split(line, "|") {
				add(cell, 15)
			}
		}
		for _, m := range builtinQuoted.FindAllStringSubmatch(line, -1) {
			add(m[1], 15)
		}
		for _, part := range builtinSeparator.Split(line, -1) {
			add(part, 25)
		}
	}
	out := make([]string, 0, len(set))
	for n := range set {
		out = append(out, n)
	}
	return out
}

// builtinWords splits text into lowercase words, ignoring punctuation.
func builtinWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// The rubric is written in the project's own words: no sentence, table cell
// or quoted phrase of the source guide may appear in it, nor any run of
// builtinRunWords consecutive words from one line of the guide.
const builtinRunWords = 7

func TestBuiltinOwnWords(t *testing.T) {
	data, err := os.ReadFile(builtinSeedPath)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("source guide %s not found (it lives outside the repo); own-words check skipped", builtinSeedPath)
	}
	if err != nil {
		t.Fatal(err)
	}
	needles := builtinSeedNeedles(string(data))
	if len(needles) < 50 {
		t.Fatalf("only %d fragments taken from %s; is the file the hiring guide?", len(needles), builtinSeedPath)
	}
	texts := builtinStrings(mustDecodeBuiltin(t))
	for _, s := range texts {
		hay := builtinNormalise(s.text)
		for _, n := range needles {
			if strings.Contains(hay, n) {
				t.Errorf("%s copies the guide verbatim: %q", s.where, n)
			}
		}
	}

	runs := map[string]bool{}
	for _, line := range strings.Split(string(data), "\n") {
		w := builtinWords(line)
		for i := 0; i+builtinRunWords <= len(w); i++ {
			runs[strings.Join(w[i:i+builtinRunWords], " ")] = true
		}
	}
	for _, s := range texts {
		w := builtinWords(s.text)
		for i := 0; i+builtinRunWords <= len(w); i++ {
			if run := strings.Join(w[i:i+builtinRunWords], " "); runs[run] {
				t.Errorf("%s repeats %d words of the guide: %q", s.where, builtinRunWords, run)
			}
		}
	}
}
