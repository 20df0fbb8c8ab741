// The window's Privacy facade: erasing or anonymising a candidate, the
// subject access export, the retention policy and its review, and the audit
// log. The rules (who may, what is due) are app/privacy's.

package app

import (
	"context"
	"fmt"
	"io"
	"path/filepath"

	"hirebench/app/model"
	"hirebench/app/privacy"
	"hirebench/app/scoring"
)

// Privacy is bound to the window.
type Privacy struct {
	svc *privacy.Service
	ws  *Workspace
	rt  Shell
}

func NewPrivacy(svc *privacy.Service, ws *Workspace, rt Shell) *Privacy {
	return &Privacy{svc: svc, ws: ws, rt: rt}
}

// Rights says whether the current profile may export everything held about
// a candidate and set the retention policy, and whether it erases, with
// Go's sentences when it may not.
func (p *Privacy) Rights() (privacy.Rights, error) {
	return withActor(p.ws, func(a model.Profile) (privacy.Rights, error) {
		return p.svc.RightsOf(context.Background(), scoring.ExporterOf(a))
	})
}

// Erase erases ("erase") or anonymises ("anonymise") one candidate, in the
// workspace and its automatic snapshots; the result says which copies
// outside the data folder may still hold them.
func (p *Privacy) Erase(candidateID int64, action string) (privacy.Result, error) {
	return withActor(p.ws, func(a model.Profile) (privacy.Result, error) {
		return p.svc.Erase(context.Background(), candidateID, privacy.Action(action), a, scoring.ExporterOf(a))
	})
}

// SubjectResult says which file the subject access export was written to,
// by its name alone (as BackUpNow does): the folders above it can hold
// people's names. Saved is false when the dialog was closed.
type SubjectResult struct {
	Saved       bool   `json:"saved"`
	Name        string `json:"name"`
	Records     int    `json:"records"`
	Attachments int    `json:"attachments"`
}

// ExportSubject gathers everything held about a candidate, then asks where
// to save it as a zip (JSON and the attachments).
func (p *Privacy) ExportSubject(candidateID int64) (SubjectResult, error) {
	return withActor(p.ws, func(a model.Profile) (SubjectResult, error) {
		// Gathered first: who may not, or a candidate gone, is told before a dialog opens.
		sub, err := p.svc.GatherSubject(context.Background(), candidateID, scoring.ExporterOf(a))
		if err != nil {
			return SubjectResult{}, err
		}
		// No name in the suggestion: file names end up in recent-file lists.
		path, err := p.rt.savePath("Export everything held about a candidate", fmt.Sprintf("subject-access-%d.zip", candidateID), "*.zip", "Zip archive")
		if err != nil || path == "" {
			return SubjectResult{}, err
		}
		if err := saveTo(context.Background(), p.ws, path, func(w io.Writer) error { return sub.WriteZip(w) }); err != nil {
			return SubjectResult{}, err
		}
		return SubjectResult{Saved: true, Name: filepath.Base(path), Records: sub.Records, Attachments: sub.Attachments}, nil
	})
}

// Retention is the retention policy and the candidates it makes due.
func (p *Privacy) Retention() (privacy.Review, error) {
	return signedIn(p.ws, func() (privacy.Review, error) { return p.svc.Retention(context.Background()) })
}

// SetRetention sets the policy to months (0 turns it off) and returns the
// review under it.
func (p *Privacy) SetRetention(months int) (privacy.Review, error) {
	return withActor(p.ws, func(a model.Profile) (privacy.Review, error) {
		if err := p.svc.SetRetention(context.Background(), months, scoring.ExporterOf(a)); err != nil {
			return privacy.Review{}, err
		}
		return p.svc.Retention(context.Background())
	})
}

// ApplyRetention erases or anonymises the reviewed candidates together;
// each must still be due.
func (p *Privacy) ApplyRetention(candidateIDs []int64, action string) (privacy.Result, error) {
	return withActor(p.ws, func(a model.Profile) (privacy.Result, error) {
		return p.svc.ApplyRetention(context.Background(), candidateIDs, privacy.Action(action), a, scoring.ExporterOf(a))
	})
}

// AuditLog lists who erased or anonymised which candidate and when, newest
// first (nothing of the people).
func (p *Privacy) AuditLog() ([]privacy.AuditEntry, error) {
	return signedIn(p.ws, func() ([]privacy.AuditEntry, error) { return p.svc.AuditLog(context.Background(), 500) })
}
