// Checks a bundle's content before import: well-formed records, links that
// resolve, uids and role plans. Each scorecard's hashes, binding and answers
// are VerifyScorecards' (verify.go).

package bundle

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"path"
	"regexp"
	"strings"
	"unicode/utf8"

	"hirebench/app/files"
	"hirebench/app/model"
	"hirebench/app/rubric"
	"hirebench/app/scoring"
)

var (
	sha256Hex = regexp.MustCompile(`^[0-9a-f]{64}$`)
	uidHex    = regexp.MustCompile(`^[0-9a-f]{32}$`)
)

const (
	maxFileName = 255
	maxMimeType = 200
	maxRefLen   = 100
)

// Rubric decodes the version's content.
func (v RubricVersion) Rubric() (rubric.Rubric, error) {
	var r rubric.Rubric
	err := json.Unmarshal(v.Content, &r)
	return r, err
}

// ContentSHA256 is the hash of the content in its compact stored form.
func ContentSHA256(content []byte) (compact []byte, sum string, err error) {
	var buf bytes.Buffer
	if err := json.Compact(&buf, content); err != nil {
		return nil, "", err
	}
	h := sha256.Sum256(buf.Bytes())
	return buf.Bytes(), hex.EncodeToString(h[:]), nil
}

// checker collects every structural problem of a bundle.
type checker struct {
	problems []string
	more     int // found beyond the first maxProblems, only counted
}

// add notes a problem. Past the first maxProblems it is only counted: a
// hostile bundle of a million bad records would otherwise hold millions of
// messages nobody reads.
func (c *checker) add(format string, args ...any) {
	if len(c.problems) >= maxProblems {
		c.more++
		return
	}
	c.problems = append(c.problems, fmt.Sprintf(format, args...))
}

// time checks a timestamp and returns it in the stored form.
func (c *checker) time(what, s string, required bool) string {
	if s == "" && !required {
		return ""
	}
	t, err := model.ParseTime(s)
	if err != nil {
		c.add("%s: %q is not a date and time", what, clip(s))
		return s
	}
	return t
}

// verbatimTime checks a timestamp a hash covers; it is kept as written.
func (c *checker) verbatimTime(what, s string) {
	if _, err := model.ParseTime(s); err != nil {
		c.add("%s: %q is not a date and time", what, clip(s))
	}
}

func (c *checker) text(what, s string, required bool, limit int) {
	if required && s == "" {
		c.add("%s is missing", what)
	} else if required && !model.Visible(s) {
		c.add("%s has no visible characters", what)
	}
	if n := utf8.RuneCountInString(s); n > limit {
		c.add("%s is %d characters long; the limit is %d", what, n, limit)
	}
}

func clip(s string) string {
	if utf8.RuneCountInString(s) <= 40 {
		return s
	}
	return string([]rune(s)[:39]) + "…"
}

// check validates the bundle's content and the links between its parts,
// normalizing candidate fields and timestamps in place (timestamps a hash
// covers are kept verbatim). fileSize reports the stored size of an
// attachment's bytes, or false when the bundle lacks them. It lists the
// first maxProblems problems and counts the rest.
func (b *Bundle) check(fileSize func(sha string) (int64, bool)) (problems []string, more int) {
	c := &checker{}

	// Rubrics.
	rubricRefs := map[string]bool{}
	versions := map[string]bool{}
	builtins := 0
	for i := range b.Rubrics {
		r := &b.Rubrics[i]
		what := fmt.Sprintf("rubric %q", clip(r.Name))
		if r.Ref == "" || len(r.Ref) > maxRefLen {
			c.add("%s has no usable ref", what)
		} else if rubricRefs[r.Ref] {
			c.add("rubric ref %q appears twice", r.Ref)
		}
		rubricRefs[r.Ref] = true
		r.Name = model.OneLine(r.Name)
		c.text(what+": name", r.Name, true, rubric.MaxTitle)
		if r.Builtin {
			builtins++
		}
		if len(r.Versions) == 0 {
			c.add("%s has no versions", what)
		}
		last := 0
		for j := range r.Versions {
			v := &r.Versions[j]
			vwhat := fmt.Sprintf("%s version %d", what, v.Version)
			if v.Version <= last {
				c.add("%s: versions must be numbered upwards from 1", vwhat)
			}
			last = v.Version
			v.CreatedAt = c.time(vwhat+": createdAt", v.CreatedAt, true)
			compact, sum, err := ContentSHA256(v.Content)
			if err != nil {
				c.add("%s: content is not JSON", vwhat)
				continue
			}
			if sum != v.SHA256 {
				c.add("%s: content does not match its sha256", vwhat)
				continue
			}
			v.Content = compact
			content, err := v.Rubric()
			if err != nil {
				c.add("%s: content is not a rubric: %v", vwhat, err)
				continue
			}
			// Not the full rubric.Validate: rules may tighten in later
			// releases, and a version scored against must still travel.
			if content.Format != rubric.FormatV1 || content.Name == "" || content.Scale.Max <= content.Scale.Min {
				c.add("%s: content is not a %s rubric with a name and a scale", vwhat, rubric.FormatV1)
				continue
			}
			versions[v.SHA256] = true
		}
	}
	if builtins > 1 {
		c.add("%d rubrics claim to be the built-in one", builtins)
	}

	// Roles, stages, rounds.
	type roleInfo struct {
		stages map[string]bool
		rounds map[string]bool
	}
	roles := map[string]*roleInfo{}
	roleUIDs, roundUIDs, candUIDs := map[string]string{}, map[string]string{}, map[string]string{}
	for i := range b.Roles {
		r := &b.Roles[i]
		in := model.RoleInput{Title: r.Title, Team: r.Team, Location: r.Location, Status: model.RoleStatus(r.Status)}
		in.Normalize()
		what := fmt.Sprintf("role %q", clip(in.Title))
		if err := in.Validate(); err != nil {
			c.add("%s: %v", what, err)
		}
		r.Title, r.Team, r.Location, r.Status = in.Title, in.Team, in.Location, string(in.Status)
		key := strings.ToLower(r.Title)
		if roles[key] != nil {
			c.add("%s appears twice", what)
			continue
		}
		info := &roleInfo{stages: map[string]bool{}, rounds: map[string]bool{}}
		roles[key] = info
		c.uids(what, r.UIDs, roleUIDs)
		r.CreatedAt = c.time(what+": createdAt", r.CreatedAt, true)
		r.UpdatedAt = c.time(what+": updatedAt", r.UpdatedAt, true)
		active, rejected := 0, 0
		for j := range r.Stages {
			st := &r.Stages[j]
			name, err := model.StageName(st.Name)
			if err != nil {
				c.add("%s: stage %q: %v", what, clip(st.Name), err)
				continue
			}
			st.Name = name
			switch model.StageKind(st.Kind) {
			case model.StageActive:
				active++
			case model.StageRejected:
				rejected++
			default:
				c.add("%s: stage %q has unknown kind %q", what, name, clip(st.Kind))
			}
			if info.stages[strings.ToLower(name)] {
				c.add("%s: stage %q appears twice", what, name)
			}
			info.stages[strings.ToLower(name)] = true
		}
		if active == 0 || rejected > 1 || len(r.Stages) > model.MaxStages {
			c.add("%s: a pipeline has 1 to %d stages and at most one Rejected stage", what, model.MaxStages)
		}
		for j := range r.Rounds {
			rd := &r.Rounds[j]
			rd.Name = model.OneLine(rd.Name)
			rwhat := fmt.Sprintf("%s: round %q", what, clip(rd.Name))
			c.text(rwhat+": name", rd.Name, true, 200)
			c.uids(rwhat, rd.UIDs, roundUIDs)
			if info.rounds[strings.ToLower(rd.Name)] {
				c.add("%s appears twice", rwhat)
			}
			info.rounds[strings.ToLower(rd.Name)] = true
			if !rubricRefs[rd.RubricRef] {
				c.add("%s refers to rubric %q, which the bundle does not hold", rwhat, clip(rd.RubricRef))
			}
			if rd.DurationMin < 5 || rd.DurationMin > 480 {
				c.add("%s: duration must be 5 to 480 minutes", rwhat)
			}
			rd.Competencies = nonNil(rd.Competencies)
			rd.Interviewers = nonNil(rd.Interviewers)
			for k, p := range rd.Interviewers {
				name, err := model.ProfileName(p)
				if err != nil {
					c.add("%s: interviewer: %v", rwhat, err)
				}
				rd.Interviewers[k] = name
			}
		}
		c.plan(what, r)
	}

	// Candidates, applications, attachments.
	cands := map[string]*Candidate{}
	emails, unnamed := map[string]bool{}, map[string]bool{}
	for i := range b.Candidates {
		cd := &b.Candidates[i]
		m := cd.CandidateInput
		m.Normalize()
		what := fmt.Sprintf("candidate %q", clip(m.Name))
		if m.Email != "" {
			what = "candidate " + clip(m.Email)
		}
		if err := m.Validate(); err != nil {
			c.add("%s: %v", what, err)
		}
		cd.CandidateInput = m
		c.uids(what, cd.UIDs, candUIDs)
		cd.CreatedAt = c.time(what+": createdAt", cd.CreatedAt, true)
		cd.UpdatedAt = c.time(what+": updatedAt", cd.UpdatedAt, true)
		cd.ArchivedAt = c.time(what+": archivedAt", cd.ArchivedAt, false)
		if cd.Ref == "" || len(cd.Ref) > maxRefLen {
			c.add("%s has no usable ref", what)
		} else if cands[cd.Ref] != nil {
			c.add("candidate ref %q appears twice", cd.Ref)
		}
		cands[cd.Ref] = cd
		if cd.Email != "" {
			if emails[cd.Email] {
				c.add("%s appears twice", what)
			}
			emails[cd.Email] = true
		} else {
			key := strings.ToLower(cd.Name) + "\x00" + cd.CreatedAt
			if unnamed[key] {
				c.add("%s (no email, created %s) appears twice", what, cd.CreatedAt)
			}
			unnamed[key] = true
		}
		applied := map[string]bool{}
		for j := range cd.Applications {
			a := &cd.Applications[j]
			awhat := fmt.Sprintf("%s: application to %q", what, clip(a.RoleTitle))
			role := roles[strings.ToLower(model.OneLine(a.RoleTitle))]
			if role == nil {
				c.add("%s: the bundle holds no such role", awhat)
			} else if !role.stages[strings.ToLower(model.OneLine(a.StageName))] {
				c.add("%s: the role has no stage %q", awhat, clip(a.StageName))
			}
			a.RoleTitle, a.StageName = model.OneLine(a.RoleTitle), model.OneLine(a.StageName)
			a.RejectionReason = model.OneLine(a.RejectionReason)
			c.text(awhat+": rejection reason", a.RejectionReason, false, model.MaxShortText)
			if applied[strings.ToLower(a.RoleTitle)] {
				c.add("%s appears twice", awhat)
			}
			applied[strings.ToLower(a.RoleTitle)] = true
			a.CreatedAt = c.time(awhat+": createdAt", a.CreatedAt, true)
			a.EnteredStageAt = c.time(awhat+": enteredStageAt", a.EnteredStageAt, true)
			for k := range a.Assignments {
				as := &a.Assignments[k]
				as.Round = model.OneLine(as.Round)
				if role != nil && !role.rounds[strings.ToLower(as.Round)] {
					c.add("%s: assignment to round %q, which the role's plan does not hold", awhat, clip(as.Round))
				}
				for l, p := range as.Interviewers {
					name, err := model.ProfileName(p)
					if err != nil {
						c.add("%s: round %q: interviewer: %v", awhat, clip(as.Round), err)
					}
					as.Interviewers[l] = name
				}
			}
		}
		for j := range cd.Attachments {
			f := &cd.Attachments[j]
			fwhat := fmt.Sprintf("%s: attachment %q", what, clip(f.FileName))
			if f.FileName == "" || f.FileName != path.Base(f.FileName) || strings.ContainsAny(f.FileName, `/\`) || len(f.FileName) > maxFileName {
				c.add("%s: unusable file name", fwhat)
			}
			c.text(fwhat+": type", f.MimeType, true, maxMimeType)
			f.Text = model.MultiLine(f.Text)
			c.text(fwhat+": text", f.Text, false, model.MaxResumeText)
			f.CreatedAt = c.time(fwhat+": createdAt", f.CreatedAt, true)
			if !sha256Hex.MatchString(f.SHA256) {
				c.add("%s: sha256 %q is not a SHA-256", fwhat, clip(f.SHA256))
				continue
			}
			size, ok := fileSize(f.SHA256)
			switch {
			case !ok:
				c.add("%s: the bundle lacks %s%s", fwhat, AttachmentsDir, f.SHA256)
			case size != f.Size:
				c.add("%s: size %d does not match its file (%d bytes)", fwhat, f.Size, size)
			case size > MaxAttachmentBytes:
				c.add("%s", files.TooBig(fwhat, size, MaxAttachmentBytes, "attachments"))
			}
		}
	}

	// Scorecards: links and form. Whether each one matches its hash is
	// VerifyScorecards' job.
	uids := map[string]bool{}
	for i := range b.Scorecards {
		s := &b.Scorecards[i]
		what := s.Label()
		if !uidHex.MatchString(s.UID) {
			c.add("scorecard %q: uid must be 32 lowercase hex digits", clip(s.UID))
		} else if uids[s.UID] {
			c.add("%s appears twice", what)
		}
		uids[s.UID] = true
		s.RoleTitle, s.RoundName = model.OneLine(s.RoleTitle), model.OneLine(s.RoundName)
		cd := cands[s.CandidateRef]
		role := roles[strings.ToLower(s.RoleTitle)]
		switch {
		case cd == nil:
			c.add("%s refers to candidate %q, which the bundle does not hold", what, clip(s.CandidateRef))
		case role == nil:
			c.add("%s refers to role %q, which the bundle does not hold", what, clip(s.RoleTitle))
		default:
			applied := false
			for _, a := range cd.Applications {
				applied = applied || strings.EqualFold(a.RoleTitle, s.RoleTitle)
			}
			if !applied {
				c.add("%s: the candidate has no application to %q in the bundle", what, clip(s.RoleTitle))
			}
			if !role.rounds[strings.ToLower(s.RoundName)] {
				c.add("%s refers to round %q, which role %q does not have in the bundle", what, clip(s.RoundName), clip(s.RoleTitle))
			}
		}
		if _, err := model.ProfileName(s.AuthorName); err != nil || s.AuthorName != model.OneLine(s.AuthorName) {
			c.add("%s: unusable author name", what)
		}
		if !versions[s.RubricSHA256] {
			c.add("%s was scored with rubric version %s, which the bundle does not hold", what, clip(s.RubricSHA256))
		}
		if !sha256Hex.MatchString(s.SHA256) {
			c.add("%s: sha256 is not a SHA-256", what)
		}
		if rubric.RecommendationLabel(rubric.Recommendation(s.Recommendation)) == "" {
			c.add("%s: recommendation %q is not one of strong_no, no, yes, strong_yes", what, clip(s.Recommendation))
		}
		if s.ElapsedMs < 0 {
			s.ElapsedMs = 0
		}
		s.StartedAt = c.time(what+": startedAt", s.StartedAt, true)
		c.verbatimTime(what+": submittedAt", s.SubmittedAt)
		c.sealing(what, s.HashVersion, s.Binding)
		if s.BindingSHA256 != "" && !sha256Hex.MatchString(s.BindingSHA256) {
			c.add("%s: bindingSha256 is not a SHA-256", what)
		}
		for j, r := range s.Revisions {
			rwhat := fmt.Sprintf("%s: amendment %d", what, r.Revision)
			if r.Revision != j+1 {
				c.add("%s: amendments must be numbered 1, 2, 3…", rwhat)
			}
			if _, err := model.ProfileName(r.AuthorName); err != nil || r.AuthorName != model.OneLine(r.AuthorName) {
				c.add("%s: unusable author name", rwhat)
			}
			c.text(rwhat+": reason", r.Reason, true, scoring.MaxAmendReason)
			if rubric.RecommendationLabel(rubric.Recommendation(r.Recommendation)) == "" {
				c.add("%s: recommendation %q is not one of strong_no, no, yes, strong_yes", rwhat, clip(r.Recommendation))
			}
			if !sha256Hex.MatchString(r.SHA256) {
				c.add("%s: sha256 is not a SHA-256", rwhat)
			}
			c.verbatimTime(rwhat+": createdAt", r.CreatedAt)
			c.sealing(rwhat, r.HashVersion, r.Binding)
		}
	}
	return c.problems, c.more
}

// plan checks a role's weights, weight history and fixed plan (v2).
func (c *checker) plan(what string, r *Role) {
	okWeight := func(w float64) bool { return w > 0 && w <= rubric.MaxWeight }
	seen := map[[2]string]bool{}
	for _, w := range r.Weights {
		k := [2]string{w.CompetencyID, w.QuestionID}
		switch {
		case w.CompetencyID == "" || len(w.CompetencyID) > rubric.MaxID || len(w.QuestionID) > rubric.MaxID:
			c.add("%s: a weight names no usable competency or question", what)
		case !okWeight(w.Weight):
			c.add("%s: weight of %s is %v; weights are greater than 0 and at most %g", what, clip(w.CompetencyID+"/"+w.QuestionID), w.Weight, rubric.MaxWeight)
		case seen[k]:
			c.add("%s: weight of %s appears twice", what, clip(w.CompetencyID+"/"+w.QuestionID))
		}
		seen[k] = true
	}
	for i := range r.WeightChanges {
		ch := &r.WeightChanges[i]
		cwhat := fmt.Sprintf("%s: weight change %d", what, i+1)
		ch.Label, ch.ActorName = model.OneLine(ch.Label), model.OneLine(ch.ActorName)
		ch.Reason = model.MultiLine(ch.Reason)
		c.text(cwhat+": label", ch.Label, true, rubric.MaxText)
		c.text(cwhat+": by", ch.ActorName, true, 200)
		c.text(cwhat+": reason", ch.Reason, false, 2000)
		ch.ChangedAt = c.time(cwhat+": changedAt", ch.ChangedAt, true)
		if !okWeight(ch.New) {
			c.add("%s: new weight %v is out of range", cwhat, ch.New)
		}
	}
	if len(r.PlanSnapshot) == 0 {
		return
	}
	r.PlanFixedAt = c.time(what+": planFixedAt", r.PlanFixedAt, true)
	var plan []scoring.PlanQuestion
	if err := json.Unmarshal(r.PlanSnapshot, &plan); err != nil || len(plan) == 0 || len(plan) > rubric.MaxCompetencies*rubric.MaxQuestions {
		c.add("%s: planSnapshot is not a list of plan questions", what)
	}
}
