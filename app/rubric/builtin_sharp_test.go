// Tests the built-in rubric's sharper rules: neutral scale labels, countable
// top anchors without evaluative words, situational questions that never
// demand past experience, the seed's project kinds, a screen checklist
// without mirrored flags, and calibration samples on the scale.

package rubric

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestBuiltinScaleLabelsAreNeutral(t *testing.T) {
	got := mustDecodeBuiltin(t).Scale.Labels
	want := []string{"Not shown", "Partly", "Meets the bar", "Exceeds"}
	if !slices.Equal(got, want) {
		t.Errorf("scale labels %q, want %q", got, want)
	}
	// Seniority words grade the person, not the answer.
	seniority := regexp.MustCompile(`(?i)\b(junior|mid|senior|staff|principal|lead|expert|novice)\b`)
	for _, l := range got {
		if seniority.MatchString(l) {
			t.Errorf("scale label %q names a seniority", l)
		}
	}
}

// topAnchor is "Shows at least k of these n behaviours: (1) …; (2) …; … (n) …."
var topAnchor = regexp.MustCompile(`^Shows at least (\d+) of these (\d+) behaviours: (.+)\.$`)

func TestBuiltinTopAnchorsCountBehaviours(t *testing.T) {
	r := mustDecodeBuiltin(t)
	for _, c := range r.Competencies {
		for _, q := range c.Questions {
			a := q.Anchors[len(q.Anchors)-1]
			m := topAnchor.FindStringSubmatch(a)
			if m == nil {
				t.Errorf("%s: top anchor is not \"Shows at least k of these n behaviours: (1) …\": %q", q.ID, a)
				continue
			}
			k, _ := strconv.Atoi(m[1])
			n, _ := strconv.Atoi(m[2])
			items := strings.Split(m[3], "; ")
			for i, item := range items {
				if !strings.HasPrefix(item, "("+strconv.Itoa(i+1)+") ") {
					t.Errorf("%s: behaviour %d is not numbered (%d): %q", q.ID, i+1, i+1, item)
				}
			}
			if len(items) != n {
				t.Errorf("%s: says %d behaviours, lists %d", q.ID, n, len(items))
			}
			if n < 4 || n > 7 || k < 2 || k >= n {
				t.Errorf("%s: at least %d of %d; want 4–7 behaviours and 2 ≤ k < n", q.ID, k, n)
			}
		}
	}
}

// evaluative are words that grade without describing what was heard.
var evaluative = regexp.MustCompile(`(?i)\b(good|better|best|strong(er|est|ly)?|clear(er|est|ly)?|solid(ly)?|great(er|est|ly)?|excellent(ly)?|poor(ly)?|weak(er|est|ly|ness)?|well)\b`)

func TestBuiltinAnchorsHaveNoEvaluativeWords(t *testing.T) {
	offenders := evaluativeOffenders(mustDecodeBuiltin(t))
	if len(offenders) > 0 {
		t.Errorf("anchors with evaluative words (describe the behaviour instead):\n  %s", strings.Join(offenders, "\n  "))
	}
}

// The rule's own check: it finds what it is meant to find.
func TestEvaluativeOffendersFindsThem(t *testing.T) {
	r := mustDecodeBuiltin(t)
	r.Competencies[0].Questions[0].Anchors[1] = "Gives a clear answer."
	r.Competencies[2].Questions[1].Anchors[3] = "Strongly argues for retries."
	got := evaluativeOffenders(r)
	if len(got) != 2 || !strings.Contains(got[0], `"clear"`) || !strings.Contains(got[1], `"Strongly"`) {
		t.Errorf("offenders = %q", got)
	}
}

func evaluativeOffenders(r Rubric) []string {
	var out []string
	for _, c := range r.Competencies {
		for _, q := range c.Questions {
			for i, a := range q.Anchors {
				if words := evaluative.FindAllString(a, -1); words != nil {
					out = append(out, q.ID+" anchor "+strconv.Itoa(r.Scale.Min+i)+": "+strings.Join(quoteAll(words), ", "))
				}
			}
		}
	}
	return out
}

func quoteAll(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = strconv.Quote(w)
	}
	return out
}

// pastExperience are phrasings that make a level depend on having done the
// thing before rather than on the reasoning in the answer.
var pastExperience = regexp.MustCompile(`(?i)\b(has|have|had) (already )?(done|shipped|led|built|operated|managed|owned|used|worked on)\b|\b(done|shipped|led|built|run|ran|operated|used) (it |this |one |that |them )?before\b|\bin the past\b|\bprevious(ly)?\b|\bactually (achieved|did|ran)\b|\ba real (case|budget|incident|project|example)\b|\bthey (ran|achieved|removed|shipped|built|led|operated)\b|\bfrom experience\b|\byears of\b`)

func TestBuiltinSituationalTopAnchorsNeedNoPastExperience(t *testing.T) {
	r := mustDecodeBuiltin(t)
	situational := 0
	for _, c := range r.Competencies {
		for _, q := range c.Questions {
			if q.Kind != Situational && q.Kind != Behavioural {
				t.Errorf("%s: kind %q, want situational or behavioural", q.ID, q.Kind)
				continue
			}
			if q.Kind != Situational {
				continue
			}
			situational++
			top := q.Anchors[len(q.Anchors)-1]
			if m := pastExperience.FindAllString(top, -1); m != nil {
				t.Errorf("%s is situational but its top anchor asks for past experience: %q", q.ID, m)
			}
		}
	}
	if situational < 10 {
		t.Errorf("%d situational questions; the check would prove little", situational)
	}
	// The pattern catches what the old built-in said.
	for _, old := range []string{"can describe a real budget they ran and how it went", "quotes savings they actually achieved", "Has shipped one before"} {
		if !pastExperience.MatchString(old) {
			t.Errorf("pattern misses %q", old)
		}
	}
}

// The seed's project kinds each have a track with its own competency, and
// learning an unfamiliar API is asked of every hire.
func TestBuiltinCoversTheSeedsProjectKinds(t *testing.T) {
	r := mustDecodeBuiltin(t)
	want := map[string][]string{ // track → words its name or description must hold
		"multimodal": {"image", "speech"},
		"devtools":   {"code", "review"},
		"search":     {"semantic search", "embeddings"},
	}
	for _, tr := range r.Tracks {
		words, ok := want[tr.ID]
		if !ok {
			continue
		}
		delete(want, tr.ID)
		text := strings.ToLower(tr.Name + " " + tr.Description)
		for _, w := range words {
			if !strings.Contains(text, w) {
				t.Errorf("track %q does not mention %q", tr.ID, w)
			}
		}
	}
	for id := range want {
		t.Errorf("track %q missing", id)
	}
	c, q, ok := r.FindQuestion("unfamiliar-api-ramp-up")
	if !ok || c.Track != "" || !strings.Contains(q.Prompt, "never used") {
		t.Errorf("the question on learning an unfamiliar API is missing or not core: %+v", q)
	}
}

// mirroredFlags are the checklist's former green/red pairs, each one fact
// counted twice (once present, once absent); only the green one may stay.
var mirroredFlags = [][2]string{
	{"shipped-to-real-users", "prototype-only"},
	{"quantified-cost-savings", "silent-on-cost"},
	{"varied-project-kinds", "one-use-case"},
	{"transferable-architecture", "api-trivia-focus"},
}

func TestBuiltinScreenNoMirroredFlags(t *testing.T) {
	kinds := map[string]FlagKind{}
	for _, f := range mustDecodeBuiltin(t).Screen {
		kinds[f.ID] = f.Kind
	}
	for _, p := range mirroredFlags {
		if kinds[p[0]] != GreenFlag {
			t.Errorf("green flag %q missing: the fact must still be counted once", p[0])
		}
		if _, ok := kinds[p[1]]; ok {
			t.Errorf("red flag %q is the negation of green flag %q: one fact counted twice", p[1], p[0])
		}
	}
}

func TestBuiltinCalibrationSamples(t *testing.T) {
	r := mustDecodeBuiltin(t)
	full := 0
	for _, c := range r.Competencies {
		for _, q := range c.Questions {
			levels := map[int]bool{}
			for _, s := range q.Samples {
				levels[s.Level] = true
			}
			if len(q.Samples) > 0 && len(levels) < r.Scale.Levels() {
				t.Errorf("%s: samples cover %d of %d levels", q.ID, len(levels), r.Scale.Levels())
			}
			if len(levels) == r.Scale.Levels() {
				full++
			}
		}
	}
	if full < 8 {
		t.Errorf("%d questions have a sample at every level, want at least 8", full)
	}
}
