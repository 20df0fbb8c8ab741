// Package privacy is the candidates' privacy service: erasing or anonymising a
// person on request or by the retention policy (in the workspace and in its
// automatic snapshots), saying which copies outside the data folder may
// still hold them, exporting everything held about one person, and the audit
// log of who did which. Who may do it is decided here (May).
package privacy

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"hirebench/app/model"
	"hirebench/app/scoring"
	"hirebench/storage"
)

// Service runs the privacy rules over one workspace.
type Service struct {
	store   *storage.Store
	dataDir string
	// backups says when a backup was last saved outside the data folder
	// (nil: not known), for the sentence about such copies, and holds
	// snapshots off while an erasure runs.
	backups Backups
	// loc is the time zone dates are said in (the computer's).
	loc *time.Location
}

// New serves the workspace store; its data folder (snapshots included) is
// the folder holding the database file.
func New(store *storage.Store) *Service {
	return &Service{store: store, dataDir: filepath.Dir(store.Path()), loc: time.Local}
}

// Backups is what erasure needs of app/backup's service.
type Backups interface {
	// LastSaved is when a backup was last saved outside the data folder ("" if never).
	LastSaved(ctx context.Context) (string, error)
	// Paused runs fn while no snapshot of this process runs or starts, so
	// a snapshot copied before an erasure cannot land in the folder after
	// the snapshots were rewritten.
	Paused(fn func() error) error
}

// WithBackups gives the service the workspace's backup service (the same
// one that takes the snapshots), so an erasure can say whether a backup
// saved outside may hold the person and no snapshot races it.
func (s *Service) WithBackups(b Backups) *Service {
	s.backups = b
	return s
}

// Action is what happens to each candidate.
type Action string

const (
	// Erase deletes the person and every record about them.
	Erase Action = "erase"
	// Anonymise keeps their applications, stage history and submitted
	// scores (for calibration and pipeline figures) under an anonymous
	// name, and removes everything that says who they were.
	Anonymise Action = "anonymise"
)

func (a Action) check() error {
	if a != Erase && a != Anonymise {
		return model.Invalid("action", "choose erase or anonymise")
	}
	return nil
}

// May is the rule: erasing, anonymising, exporting everything held about a
// person and setting the retention policy are the recruiter's (and the data
// folder owner's at the command line), since they reach every
// interviewer's scorecards.
func May(who scoring.Exporter) error {
	if who.IsRecruiter || who.Owner {
		return nil
	}
	return fmt.Errorf("only the recruiter erases or anonymises candidates, exports everything held about one, or sets the retention policy: %w", model.ErrConflict)
}

// Rights is what the current profile may do here, with the sentence to
// show when it may not.
type Rights struct {
	Manage     bool   `json:"manage"`
	ManageNote string `json:"manageNote"`
	// Erase: also erase and anonymise, which on a shared workspace only its
	// owner's login does (storage.ErrOwnerErases).
	Erase     bool   `json:"erase"`
	EraseNote string `json:"eraseNote"`
}

// RightsOf answers May for the window, and whether this login erases.
func (s *Service) RightsOf(ctx context.Context, who scoring.Exporter) (Rights, error) {
	if err := May(who); err != nil {
		note := model.RefusalSentence(err)
		return Rights{ManageNote: note, EraseNote: note}, nil
	}
	switch err := s.store.ErasesHere(ctx); {
	case errors.Is(err, storage.ErrOwnerErases):
		return Rights{Manage: true, EraseNote: model.RefusalSentence(err)}, nil
	case err != nil:
		return Rights{}, err
	}
	return Rights{Manage: true, Erase: true}, nil
}

// Result says what an erasure did.
type Result struct {
	Action     Action `json:"action"`
	Candidates int    `json:"candidates"`
	// Counts is how many records of each kind went or were cleared.
	Counts    map[string]int `json:"counts"`
	Snapshots Snapshots      `json:"snapshots"`
	// NoSnapshots: the workspace has none (a shared one), so Snapshots
	// says nothing.
	NoSnapshots bool `json:"noSnapshots"`
	// Outside says which copies outside the data folder may still hold them.
	Outside string `json:"outside"`
	// Warning is set when something could not be made clean at once.
	Warning string `json:"warning,omitempty"`
}

// Snapshots is what became of the automatic snapshots in the data folder.
type Snapshots struct {
	Rewritten int `json:"rewritten"` // held the person; rewritten without them
	Dropped   int `json:"dropped"`   // could not be rewritten, so deleted
	Unchanged int `json:"unchanged"` // never held them
}

// CandidateByEmail finds the candidate with email (as typed: trimmed and
// lowercased like every stored email).
func (s *Service) CandidateByEmail(ctx context.Context, email string) (int64, error) {
	email = strings.ToLower(strings.TrimSpace(email))
	if email == "" {
		return 0, model.Invalid("email", "give the candidate's email")
	}
	c, err := s.store.FindByEmail(ctx, email)
	if errors.Is(err, model.ErrNotFound) {
		// The address stays out of the message: it may end up in a log.
		return 0, fmt.Errorf("no candidate has that email: %w", model.ErrNotFound)
	}
	return c.ID, err
}

// Erase erases or anonymises one candidate on request.
func (s *Service) Erase(ctx context.Context, candidateID int64, action Action, actor model.Profile, who scoring.Exporter) (Result, error) {
	if err := May(who); err != nil {
		return Result{}, err
	}
	if err := action.check(); err != nil {
		return Result{}, err
	}
	return s.erase(ctx, []int64{candidateID}, action, "request", "", actor)
}

// erase runs the erasure in the workspace, then in every automatic
// snapshot, and records on the audit rows what became of the snapshots.
// dueBefore (retention): each must still be due under that cutoff when the
// erasure runs, else nothing changes (*storage.NotDueError).
func (s *Service) erase(ctx context.Context, ids []int64, action Action, why, dueBefore string, actor model.Profile) (Result, error) {
	e := storage.Erasure{Action: storage.EraseAction(action), Why: why, Actor: actor, DueBefore: dueBefore}
	if s.backups == nil {
		return s.eraseNow(ctx, ids, e)
	}
	var res Result
	err := s.backups.Paused(func() error {
		var err error
		res, err = s.eraseNow(ctx, ids, e)
		return err
	})
	return res, err
}

// eraseNow is erase with snapshots held off (or none being taken here).
func (s *Service) eraseNow(ctx context.Context, ids []int64, e storage.Erasure) (Result, error) {
	done, err := s.store.EraseCandidates(ctx, ids, e)
	res := Result{Action: Action(e.Action), Candidates: len(done), Counts: map[string]int{}}
	switch {
	case errors.Is(err, storage.ErrNotScrubbed) || errors.Is(err, storage.ErrLogBusy):
		// The erasure is saved: what could not be made clean at once is
		// said, and the snapshots are still rewritten. The cause is
		// SQLite's (disk full, busy), no one's data; the ids say whose.
		slog.Warn("an erasure could not clear everything at once", "candidates", ids, "err", err)
		for _, after := range []error{storage.ErrNotScrubbed, storage.ErrLogBusy} {
			if errors.Is(err, after) {
				res.Warning = strings.TrimSpace(res.Warning + " " + model.Sentence(after.Error()))
			}
		}
	case err != nil:
		return Result{}, err
	}
	people := make([]storage.Person, len(done))
	audits := make([]int64, len(done))
	first := time.Now()
	for i, d := range done {
		people[i], audits[i] = d.Person, d.AuditID
		for k, n := range d.Counts {
			res.Counts[k] += n
		}
		if t, err := time.Parse(model.TimeLayout, d.Person.CreatedAt); err == nil && t.Before(first) {
			first = t
		}
	}
	if s.store.Shared() { // no data folder, no snapshots: the server's copies are its own
		res.NoSnapshots, res.Outside = true, s.outsideServer(len(done), first)
		return res, nil
	}
	var snapErr error
	res.Snapshots, snapErr = s.rewriteSnapshots(ctx, people, e)
	if err := dropLeftovers(s.dataDir); err != nil && snapErr == nil {
		snapErr = err
	}
	if err := s.store.RecordSnapshots(ctx, audits, res.Snapshots.Rewritten, res.Snapshots.Dropped); err != nil && snapErr == nil {
		snapErr = err
	}
	if snapErr != nil {
		res.Warning = strings.TrimSpace(res.Warning + " " + model.Sentence(snapErr.Error()))
	}
	res.Outside = s.outside(ctx, len(done), first)
	return res, nil
}

// outside is the sentence about copies the app cannot reach: backups saved
// with "Back up now" or `backup --out`, and bundles, made after the first
// of the people was added.
func (s *Service) outside(ctx context.Context, n int, since time.Time) string {
	who := "this person"
	if n != 1 {
		who = fmt.Sprintf("these %d candidates", n)
	}
	bundles := fmt.Sprintf("Bundles exported and copies of the data folder made since %s may still hold %s too: delete them, or erase %s there.",
		s.day(since), who, who)
	if s.backups == nil {
		return fmt.Sprintf("Backups you saved yourself since %s may still hold %s. ", s.day(since), who) + bundles
	}
	last, err := s.backups.LastSaved(ctx)
	at, perr := time.Parse(model.TimeLayout, last)
	switch {
	case err != nil || (last != "" && perr != nil):
		return fmt.Sprintf("Backups you saved yourself since %s may still hold %s. ", s.day(since), who) + bundles
	case last == "":
		return "No backup was saved outside the data folder with Back up now. " + bundles
	case at.Before(since):
		return fmt.Sprintf("No backup saved outside the data folder holds %s: the last one, on %s, was made before. ", who, s.day(at)) + bundles
	}
	return fmt.Sprintf("Backups saved outside the data folder between %s and %s (the last one) may still hold %s: delete them, or restore each and erase there. ",
		s.day(since), s.day(at), who) + bundles
}

// outsideServer is outside for a shared workspace: what the server keeps
// until it vacuums, in its backups and write-ahead log archive, and the
// laptops' copies.
func (s *Service) outsideServer(n int, since time.Time) string {
	who := "this person"
	if n != 1 {
		who = fmt.Sprintf("these %d candidates", n)
	}
	return fmt.Sprintf("The server reuses the space of the erased records when it vacuums them (by itself, usually within minutes); "+
		"until then its files, and its backups and archived write-ahead log until they expire, may still hold %s: its "+
		"administrator knows which. Offline copies pulled to laptops and bundles exported since %s may still hold %s too: "+
		"delete them, or erase %s there.", who, s.day(since), who, who)
}

func (s *Service) day(t time.Time) string { return t.In(s.loc).Format("2 January 2006") }

// AuditEntry is one candidate erased or anonymised: who, when, how many
// records of each kind; nothing of the person.
type AuditEntry struct {
	ID          int64          `json:"id"`
	Action      Action         `json:"action"`
	Why         string         `json:"why"` // request or retention
	CandidateID int64          `json:"candidateId"`
	Counts      map[string]int `json:"counts"`
	ActorID     int64          `json:"actorId"`
	ActorName   string         `json:"actorName"`
	At          string         `json:"at"`
	Snapshots   Snapshots      `json:"snapshots"`
}

// AuditLog lists the latest erasures, newest first.
func (s *Service) AuditLog(ctx context.Context, limit int) ([]AuditEntry, error) {
	if limit <= 0 || limit > 10_000 {
		limit = 500
	}
	log, err := s.store.AuditLog(ctx, limit)
	out := make([]AuditEntry, len(log))
	for i, a := range log {
		out[i] = AuditEntry{ID: a.ID, Action: Action(a.Action), Why: a.Why, CandidateID: a.CandidateID, Counts: a.Counts,
			ActorID: a.ActorID, ActorName: a.ActorName, At: a.At,
			Snapshots: Snapshots{Rewritten: a.SnapshotsRewritten, Dropped: a.SnapshotsDropped}}
	}
	return out, err
}

// unique keeps the first of each id, in order.
func unique(ids []int64) []int64 {
	out := []int64{}
	for _, id := range ids {
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}
