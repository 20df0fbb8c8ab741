// Normalises a rubric and validates it against every rule of the v1 format,
// reporting each problem at its field path.

package rubric

import (
	"fmt"
	"math"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"hirebench/app/model"
)

// idPattern is kebab-case: lowercase letters and digits in words joined by
// single hyphens ("api-design", "q1").
var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Normalize trims surrounding white space from every text of r, drops the
// invisible format characters names and texts never keep (model.OneLine,
// model.MultiLine) and drops empty follow-ups and red flags. Nothing else changes: weights stay as
// given, and empty labels and anchors stay in place for Validate to report
// (they are positional). Slices are copied before they are changed, so a
// rubric sharing slices with r (a built-in, a cached version) is untouched.
func Normalize(r *Rubric) {
	r.Format = strings.TrimSpace(r.Format)
	r.Name = title(r.Name)
	r.Description = prose(r.Description)
	r.Scale.Labels = trimAll(r.Scale.Labels, title)

	if r.Tracks != nil {
		tracks := make([]Track, len(r.Tracks))
		for i, t := range r.Tracks {
			t.ID = strings.TrimSpace(t.ID)
			t.Name = title(t.Name)
			t.Description = prose(t.Description)
			tracks[i] = t
		}
		r.Tracks = tracks
	}

	if r.Competencies != nil {
		comps := make([]Competency, len(r.Competencies))
		for i, c := range r.Competencies {
			c.ID = strings.TrimSpace(c.ID)
			c.Name = title(c.Name)
			c.Description = prose(c.Description)
			c.Track = strings.TrimSpace(c.Track)
			if c.Questions != nil {
				qs := make([]Question, len(c.Questions))
				for j, q := range c.Questions {
					q.ID = strings.TrimSpace(q.ID)
					q.Prompt = prose(q.Prompt)
					q.Probes = prose(q.Probes)
					q.FollowUps = dropEmpty(q.FollowUps)
					q.RedFlags = dropEmpty(q.RedFlags)
					q.Anchors = trimAll(q.Anchors, prose)
					q.Kind = QuestionKind(strings.TrimSpace(string(q.Kind)))
					if q.Samples != nil {
						samples := make([]Sample, len(q.Samples))
						for k, smp := range q.Samples {
							smp.Answer = prose(smp.Answer)
							samples[k] = smp
						}
						q.Samples = samples
					}
					qs[j] = q
				}
				c.Questions = qs
			}
			comps[i] = c
		}
		r.Competencies = comps
	}

	if r.Screen != nil {
		screen := make([]ScreenFlag, len(r.Screen))
		for i, f := range r.Screen {
			f.ID = strings.TrimSpace(f.ID)
			f.Kind = FlagKind(strings.TrimSpace(string(f.Kind)))
			f.Text = prose(f.Text)
			f.Hint = prose(f.Hint)
			screen[i] = f
		}
		r.Screen = screen
	}
}

// title is a name or label trimmed and without the invisible format
// characters (bidi overrides, zero-width spaces) that model.OneLine drops
// from every name; control characters stay for Validate to report.
func title(s string) string { return strings.TrimSpace(model.DropInvisible(s, false)) }

// prose is a longer text trimmed and without the invisible characters
// model.MultiLine drops.
func prose(s string) string { return strings.TrimSpace(model.DropInvisible(s, true)) }

// trimAll returns a copy of list with each item tidied, keeping its length.
func trimAll(list []string, tidy func(string) string) []string {
	if list == nil {
		return nil
	}
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = tidy(s)
	}
	return out
}

// dropEmpty returns the tidied, non-empty items of list; nil when none is left.
func dropEmpty(list []string) []string {
	var out []string
	for _, s := range list {
		if s = prose(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// Validate checks r against every rule of the v1 format and returns nil or a
// *model.ValidationError listing every problem, each under the JSON path of
// its field ("competencies[2].questions[0].anchors"). It expects a
// normalized rubric: untrimmed text counts its spaces.
func Validate(r Rubric) error {
	c := &checker{}
	c.rubric(r)
	return c.v.Err()
}

type checker struct {
	v model.ValidationError
	// scaleUnknown is set by Decode when the scale itself could not be
	// read: its range is then neither checked nor used to count anchors.
	scaleUnknown bool
}

func (c *checker) add(field, format string, args ...any) {
	c.v.Add(field, format, args...)
}

func (c *checker) rubric(r Rubric) {
	switch r.Format {
	case FormatV1:
	case "":
		c.add("format", "required: must be %q", FormatV1)
	default:
		c.add("format", "unsupported format %q; this version of hirebench reads %q", r.Format, FormatV1)
	}
	c.title("name", r.Name, true)
	c.text("description", r.Description, false)

	levels, ok := c.scale(r.Scale)
	if !ok {
		levels = 0 // unknown: anchor counts are not checked against it
	}
	trackIDs := c.tracks(r.Tracks)
	c.competencies(r, levels, trackIDs)
	c.screen(r.Screen)
}

// scale checks the range and labels; it returns the number of levels and
// whether the range is usable for counting labels and anchors.
func (c *checker) scale(s Scale) (int, bool) {
	if c.scaleUnknown {
		for i, label := range s.Labels {
			c.title(fmt.Sprintf("scale.labels[%d]", i), label, true)
		}
		return 0, false
	}
	if s.Min < 0 {
		c.add("scale.min", "must be 0 or more, not %d", s.Min)
	}
	// float64 so that absurd bounds cannot overflow the subtraction.
	levels := float64(s.Max) - float64(s.Min) + 1
	ok := false
	switch {
	case s.Max <= s.Min:
		c.add("scale.max", "must be greater than min (%d); a scale needs %d–%d levels", s.Min, MinLevels, MaxLevels)
	case levels < MinLevels || levels > MaxLevels:
		c.add("scale.max", "a %d–%d scale has %.0f levels; a scale needs %d–%d levels", s.Min, s.Max, levels, MinLevels, MaxLevels)
	default:
		ok = true
	}
	n := int(levels)
	switch {
	case ok && len(s.Labels) != n:
		c.add("scale.labels", "%d %s for a %s scale (needs %d)", len(s.Labels), model.Plural(len(s.Labels), "label", "labels"), scaleRange(s), n)
	case !ok && len(s.Labels) > MaxLevels:
		c.add("scale.labels", "%d labels; a scale has at most %d levels", len(s.Labels), MaxLevels)
	case !ok && len(s.Labels) == 0:
		c.add("scale.labels", "required: one label per level")
	}
	seen := map[string]int{}
	for i, label := range s.Labels {
		path := fmt.Sprintf("scale.labels[%d]", i)
		if !c.title(path, label, true) {
			continue
		}
		key := strings.ToLower(label)
		if j, dup := seen[key]; dup {
			c.add(path, "%q repeats scale.labels[%d]; labels must differ", label, j)
			continue
		}
		seen[key] = i
	}
	return n, ok
}

func scaleRange(s Scale) string { return fmt.Sprintf("%d–%d", s.Min, s.Max) }

func (c *checker) tracks(tracks []Track) map[string]bool {
	if len(tracks) > MaxTracks {
		c.add("tracks", "%d tracks; the limit is %d", len(tracks), MaxTracks)
	}
	ids := map[string]bool{}
	seen := map[string]string{}
	for i, t := range tracks {
		path := fmt.Sprintf("tracks[%d]", i)
		c.uniqueID(path, t.ID, seen)
		if t.ID != "" {
			ids[t.ID] = true
		}
		c.title(path+".name", t.Name, true)
		c.text(path+".description", t.Description, false)
	}
	return ids
}

func (c *checker) competencies(r Rubric, levels int, trackIDs map[string]bool) {
	switch n := len(r.Competencies); {
	case n == 0:
		c.add("competencies", "needs at least 1 competency")
	case n > MaxCompetencies:
		c.add("competencies", "%d competencies; the limit is %d", n, MaxCompetencies)
	}
	compIDs := map[string]string{}
	questionIDs := map[string]string{} // across the whole rubric
	for i, comp := range r.Competencies {
		path := fmt.Sprintf("competencies[%d]", i)
		c.uniqueID(path, comp.ID, compIDs)
		c.title(path+".name", comp.Name, true)
		c.text(path+".description", comp.Description, false)
		if comp.Track != "" && !trackIDs[comp.Track] {
			c.add(path+".track", "unknown track %q; %s", comp.Track, knownTracks(r.Tracks))
		}
		c.weight(path+".weight", comp.Weight)
		switch n := len(comp.Questions); {
		case n == 0:
			c.add(path+".questions", "needs at least 1 question")
		case n > MaxQuestions:
			c.add(path+".questions", "%d questions; the limit is %d", n, MaxQuestions)
		}
		for j, q := range comp.Questions {
			c.question(fmt.Sprintf("%s.questions[%d]", path, j), q, r.Scale, levels, questionIDs)
		}
	}
}

func knownTracks(tracks []Track) string {
	var ids []string
	for _, t := range tracks {
		if t.ID != "" {
			ids = append(ids, fmt.Sprintf("%q", t.ID))
		}
	}
	if len(ids) == 0 {
		return "the rubric defines no tracks (leave track empty for a core competency)"
	}
	return "the rubric's tracks are " + strings.Join(ids, ", ")
}

func (c *checker) question(path string, q Question, s Scale, levels int, ids map[string]string) {
	c.uniqueID(path, q.ID, ids)
	c.text(path+".prompt", q.Prompt, true)
	c.text(path+".probes", q.Probes, false)
	c.list(path+".followUps", q.FollowUps, "follow-ups")
	c.list(path+".redFlags", q.RedFlags, "red flags")
	c.weight(path+".weight", q.Weight)
	switch {
	case levels > 0 && len(q.Anchors) != levels:
		c.add(path+".anchors", "%d %s for a %s scale (needs %d)", len(q.Anchors), model.Plural(len(q.Anchors), "anchor", "anchors"), scaleRange(s), levels)
	case levels == 0 && len(q.Anchors) > MaxLevels:
		c.add(path+".anchors", "%d anchors; a scale has at most %d levels", len(q.Anchors), MaxLevels)
	case levels == 0 && len(q.Anchors) == 0:
		c.add(path+".anchors", "required: one anchor per level of the scale")
	}
	for i, a := range q.Anchors {
		c.text(fmt.Sprintf("%s.anchors[%d]", path, i), a, true)
	}
	switch q.Kind {
	case "", Situational, Behavioural:
	default:
		c.add(path+".kind", "%q is not a kind; use %q or %q, or leave it out", q.Kind, Situational, Behavioural)
	}
	c.samples(path+".samples", q.Samples, s, levels > 0)
}

// samples checks calibration answers: each needs its text and a reference
// level on the scale (checked only when the scale's range is known).
func (c *checker) samples(path string, samples []Sample, s Scale, scaleKnown bool) {
	if len(samples) > MaxSamples {
		c.add(path, "%d samples; the limit is %d", len(samples), MaxSamples)
	}
	for i, smp := range samples {
		p := fmt.Sprintf("%s[%d]", path, i)
		if scaleKnown && (smp.Level < s.Min || smp.Level > s.Max) {
			c.add(p+".level", "%d is not on the %s scale", smp.Level, scaleRange(s))
		}
		c.text(p+".answer", smp.Answer, true)
	}
}

func (c *checker) list(path string, items []string, what string) {
	if len(items) > MaxListItems {
		c.add(path, "%d %s; the limit is %d", len(items), what, MaxListItems)
	}
	for i, s := range items {
		c.text(fmt.Sprintf("%s[%d]", path, i), s, true)
	}
}

func (c *checker) screen(flags []ScreenFlag) {
	if len(flags) > MaxScreenFlags {
		c.add("screen", "%d checklist items; the limit is %d", len(flags), MaxScreenFlags)
	}
	perKind := map[FlagKind]int{}
	seen := map[string]string{}
	for i, f := range flags {
		path := fmt.Sprintf("screen[%d]", i)
		c.uniqueID(path, f.ID, seen)
		switch f.Kind {
		case GreenFlag, RedFlag:
			perKind[f.Kind]++
		case "":
			c.add(path+".kind", "required: %q or %q", GreenFlag, RedFlag)
		default:
			c.add(path+".kind", "%q is not a kind; use %q or %q", f.Kind, GreenFlag, RedFlag)
		}
		c.text(path+".text", f.Text, true)
		c.text(path+".hint", f.Hint, false)
	}
	for _, k := range []FlagKind{GreenFlag, RedFlag} {
		if perKind[k] > MaxListItems {
			c.add("screen", "%d %s flags; the limit is %d of each kind", perKind[k], k, MaxListItems)
		}
	}
}

// uniqueID checks the id of the item at path and records it in seen (id →
// path of the first item holding it).
func (c *checker) uniqueID(path, id string, seen map[string]string) {
	field := path + ".id"
	switch {
	case id == "":
		c.add(field, "must not be empty")
		return
	case !utf8.ValidString(id):
		c.add(field, "is not valid UTF-8")
		return
	case utf8.RuneCountInString(id) > MaxID:
		c.add(field, "is %d characters long; the limit is %d", utf8.RuneCountInString(id), MaxID)
	case !idPattern.MatchString(id):
		c.add(field, "%q is not a valid id; use lowercase letters, digits and single hyphens, like \"api-design\"", id)
	}
	if first, dup := seen[id]; dup {
		c.add(field, "id %q is already used by %s", id, first)
		return
	}
	seen[id] = path
}

func (c *checker) weight(path string, w float64) {
	switch {
	case math.IsNaN(w) || math.IsInf(w, 0):
		c.add(path, "must be a finite number")
	case w <= 0:
		c.add(path, "must be greater than 0, not %g (leave it out for the default %g)", w, DefaultWeight)
	case w > MaxWeight:
		c.add(path, "must be at most %g, not %g", MaxWeight, w)
	}
}

// title checks a one-line text (names, labels): at most MaxTitle
// characters, no control characters at all. It reports whether the text is
// present and well formed.
func (c *checker) title(path, s string, required bool) bool {
	return c.str(path, s, required, MaxTitle, false)
}

// text checks a long text (prompts, anchors, descriptions, list items): at
// most MaxText characters; line breaks and tabs are allowed.
func (c *checker) text(path, s string, required bool) bool {
	return c.str(path, s, required, MaxText, true)
}

func (c *checker) str(path, s string, required bool, limit int, multiline bool) bool {
	if s == "" {
		if required {
			c.add(path, "must not be empty")
		}
		return !required
	}
	if !utf8.ValidString(s) {
		c.add(path, "is not valid UTF-8")
		return false
	}
	if required && !model.Visible(s) {
		c.add(path, "has no visible characters")
		return false
	}
	good := true
	if n := utf8.RuneCountInString(s); n > limit {
		c.add(path, "is %d characters long; the limit is %d", n, limit)
		good = false
	}
	for _, r := range s {
		if !unicode.IsControl(r) || multiline && (r == '\n' || r == '\t') {
			continue
		}
		if !multiline && (r == '\n' || r == '\r') {
			c.add(path, "must be a single line")
		} else {
			c.add(path, "contains a control character (U+%04X)", r)
		}
		good = false
		break
	}
	return good
}
