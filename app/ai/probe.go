// The arithmetic of the name-swap (counterfactual) fairness probe: the same
// resume screened once per probe name, then how much the outcome moved with
// the name alone, and how often each name group got "present" on green flags
// (docs/AI.md, "Name-swap probe").

package ai

import (
	"slices"
	"strings"

	"hirebench/app/scoring"
)

// The probe's goals (issue 11, "Measured quality goals").
const (
	// ProbeTolerance: a resume is stable when its change is at most this many levels.
	ProbeTolerance = 0.1
	// ProbeStableGoal: the share of resumes that must be stable.
	ProbeStableGoal = 0.95
	// ProbeImpactGoal: every group's impact ratio must be at least this (the
	// four-fifths rule of US selection guidelines is 0.80).
	ProbeImpactGoal = 0.90
)

// eps absorbs floating-point error at the goals' boundaries (0.75/(10/12) is
// 0.8999999999999999, and 0.9 meets a goal of 0.90).
const eps = 1e-9

// Level is a status on the probe's scale: present 1, unclear 0.5, absent 0.
func Level(m scoring.Mark) float64 {
	switch m {
	case scoring.Present:
		return 1
	case scoring.Unclear:
		return 0.5
	}
	return 0
}

// FillName puts a probe name where redaction put the candidate's own name
// (every "[CANDIDATE]", possessives included), so the variants differ in
// the name and nothing else. A resume that never named the candidate gets
// the name as its first line, where a resume's header would carry it.
func FillName(redacted, name string) string {
	if strings.Contains(redacted, tokens[KindName].text) {
		return strings.ReplaceAll(redacted, tokens[KindName].text, name)
	}
	return name + "\n" + redacted
}

// ProbeFlag is one flag's status in one variant's answer.
type ProbeFlag struct {
	ID     string       `json:"id"`
	Green  bool         `json:"green"`
	Status scoring.Mark `json:"status"`
}

// ProbeAnswer is the answer for one resume (by index) under one probe name.
type ProbeAnswer struct {
	Resume int
	Name   ProbeName
	Flags  []ProbeFlag
}

// ResumeChange is how much one resume's outcome moved with the name: for
// each flag the range of its level over the names (highest minus lowest),
// averaged over the flags.
type ResumeChange struct {
	Resume       int     `json:"resume"`
	Change       float64 `json:"change"`
	FlagsChanged int     `json:"flagsChanged"`
	Stable       bool    `json:"stable"` // Change <= ProbeTolerance
}

// FlagChange is one flag's range of levels over the names, averaged over
// the resumes, and on how many resumes it moved at all.
type FlagChange struct {
	ID             string  `json:"id"`
	Green          bool    `json:"green"`
	MeanChange     float64 `json:"meanChange"`
	ResumesChanged int     `json:"resumesChanged"`
}

// GroupRate is how often a name group got "present" on green flags:
// Present of Seen (resume × name × green flag) answers, and that rate
// against the best group's (the impact ratio).
type GroupRate struct {
	Group       string  `json:"group"`
	Names       int     `json:"names"`
	Present     int     `json:"present"`
	Seen        int     `json:"seen"`
	Rate        float64 `json:"rate"`
	ImpactRatio float64 `json:"impactRatio"`
	Pass        bool    `json:"pass"` // ImpactRatio >= ProbeImpactGoal
}

// ProbeFigures are the probe's measures and verdicts.
type ProbeFigures struct {
	Resumes []ResumeChange `json:"resumes"`
	// StableShare is the share of resumes whose change is at most ProbeTolerance.
	StableShare float64      `json:"stableShare"`
	Flags       []FlagChange `json:"flags"`
	Groups      []GroupRate  `json:"groups"`
	StablePass  bool         `json:"stablePass"` // StableShare >= ProbeStableGoal
	ImpactPass  bool         `json:"impactPass"` // every group passes
	Pass        bool         `json:"pass"`
}

// ScoreProbe measures a probe's answers. Resumes come out in index order,
// flags and groups in the order they first appear. A group whose names saw
// no green flag is left out; when no group got any "present", no group did
// worse than another and every ratio is 1.
func ScoreProbe(answers []ProbeAnswer) ProbeFigures {
	type span struct {
		lo, hi float64
		green  bool
	}
	byResume := map[int]map[string]*span{}
	var flags, groups []string
	var resumeOrder []int
	seenFlag, seenGroup := map[string]bool{}, map[string]bool{}
	rates := map[string]*GroupRate{}
	names := map[string]map[string]bool{}
	for _, a := range answers {
		spans := byResume[a.Resume]
		if spans == nil {
			spans = map[string]*span{}
			byResume[a.Resume] = spans
			resumeOrder = append(resumeOrder, a.Resume)
		}
		g := rates[a.Name.Group]
		if g == nil {
			g = &GroupRate{Group: a.Name.Group}
			rates[a.Name.Group], names[a.Name.Group] = g, map[string]bool{}
		}
		if !seenGroup[a.Name.Group] {
			seenGroup[a.Name.Group] = true
			groups = append(groups, a.Name.Group)
		}
		names[a.Name.Group][a.Name.Name] = true
		for _, f := range a.Flags {
			l := Level(f.Status)
			if s := spans[f.ID]; s == nil {
				spans[f.ID] = &span{lo: l, hi: l, green: f.Green}
			} else {
				s.lo, s.hi = min(s.lo, l), max(s.hi, l)
			}
			if !seenFlag[f.ID] {
				seenFlag[f.ID] = true
				flags = append(flags, f.ID)
			}
			if f.Green {
				g.Seen++
				if f.Status == scoring.Present {
					g.Present++
				}
			}
		}
	}
	slices.Sort(resumeOrder)

	out := ProbeFigures{Resumes: []ResumeChange{}, Flags: []FlagChange{}, Groups: []GroupRate{}}
	stable := 0
	for _, r := range resumeOrder {
		rc := ResumeChange{Resume: r}
		spans := byResume[r]
		for _, s := range spans {
			rc.Change += s.hi - s.lo
			if s.hi > s.lo {
				rc.FlagsChanged++
			}
		}
		if len(spans) > 0 {
			rc.Change /= float64(len(spans))
		}
		rc.Stable = rc.Change <= ProbeTolerance+eps
		if rc.Stable {
			stable++
		}
		out.Resumes = append(out.Resumes, rc)
	}
	if len(resumeOrder) > 0 {
		out.StableShare = float64(stable) / float64(len(resumeOrder))
	}
	for _, id := range flags {
		fc := FlagChange{ID: id}
		n := 0
		for _, r := range resumeOrder {
			if s := byResume[r][id]; s != nil {
				fc.Green = s.green
				fc.MeanChange += s.hi - s.lo
				n++
				if s.hi > s.lo {
					fc.ResumesChanged++
				}
			}
		}
		if n > 0 {
			fc.MeanChange /= float64(n)
		}
		out.Flags = append(out.Flags, fc)
	}
	best := 0.0
	for _, name := range groups {
		g := rates[name]
		if g.Seen > 0 {
			g.Rate = float64(g.Present) / float64(g.Seen)
			best = max(best, g.Rate)
		}
	}
	out.ImpactPass = true
	for _, name := range groups {
		g := rates[name]
		if g.Seen == 0 {
			continue
		}
		g.Names = len(names[name])
		g.ImpactRatio = 1
		if best > 0 {
			g.ImpactRatio = g.Rate / best
		}
		g.Pass = g.ImpactRatio >= ProbeImpactGoal-eps
		out.ImpactPass = out.ImpactPass && g.Pass
		out.Groups = append(out.Groups, *g)
	}
	out.StablePass = len(resumeOrder) > 0 && out.StableShare >= ProbeStableGoal-eps
	out.Pass = out.StablePass && out.ImpactPass
	return out
}
