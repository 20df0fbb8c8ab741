// What leaves the machine from scorecard notes: the candidate's identity
// (ai.Redact) and the names of everyone in the workspace, interviewers by
// the label the summary cites them by (ai.Pseudonymise).

package assist

import (
	"context"

	"hirebench/app/ai"
	"hirebench/app/model"
)

// person is someone notes may name and the label that stands for them.
type person struct {
	id          int64
	name, label string
}

// aliases are the names taken out of notes: named by their label, every
// other profile of the workspace as ai.SomeColleague.
func (s *Service) aliases(ctx context.Context, named []person) ([]ai.Alias, error) {
	profiles, err := s.store.ListProfiles(ctx)
	if err != nil {
		return nil, err
	}
	label := map[int64]string{}
	var out []ai.Alias
	for _, p := range named {
		label[p.id] = p.label
		out = append(out, ai.Alias{Name: p.name, Label: p.label})
	}
	for _, p := range profiles {
		l, ok := label[p.ID]
		if !ok {
			l = ai.SomeColleague
		}
		out = append(out, ai.Alias{Name: p.Name, Label: l}) // today's name; cards keep the name at the time
	}
	return out, nil
}

// redactNotes takes the candidate's identity and then people's names out
// of text, adding what it replaced to kinds.
func redactNotes(text string, c model.Candidate, aliases []ai.Alias, kinds map[string]int) string {
	r := ai.Redact(text, identity(c))
	for k, n := range r.Kinds {
		kinds[k] += n
	}
	out, n := ai.Pseudonymise(r.Text, aliases)
	if n > 0 {
		kinds[ai.KindInterviewer] += n
	}
	return out
}
