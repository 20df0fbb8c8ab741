// Candidate rules in the tracking service: creating and editing candidates, notes,
// applying to roles, stage moves, the board, and attached files checked by type.

package tracking

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"hirebench/app/files"
	"hirebench/app/model"
	"hirebench/app/resumetext"
)

// CreateCandidate validates a new candidate and saves them, applied to
// roleIDs. An email already on file returns *model.DuplicateEmailError.
func (s *Service) CreateCandidate(ctx context.Context, in model.CandidateInput, roleIDs []int64, actor model.Profile) (model.Candidate, error) {
	c := model.Candidate{CandidateInput: in}
	c.Normalize()
	if err := c.Validate(); err != nil {
		return model.Candidate{}, err
	}
	roleIDs = slices.Compact(slices.Sorted(slices.Values(roleIDs)))
	for _, id := range roleIDs {
		if _, err := s.store.GetRole(ctx, id); errors.Is(err, model.ErrNotFound) {
			return model.Candidate{}, model.Invalid("roleId", "role %d does not exist", id)
		}
	}
	return s.store.CreateCandidate(ctx, c, roleIDs, actor)
}

// UpdateCandidate applies the set fields of patch (autosave sends one at a
// time) as actor's change. An edit made from an older version than the
// stored one (patch.Version, when set) is refused with a
// *model.ChangedError: someone changed the record since it was loaded.
func (s *Service) UpdateCandidate(ctx context.Context, id int64, patch model.CandidatePatch, actor model.Profile) (model.Candidate, error) {
	return s.store.UpdateCandidate(ctx, id, patch.Version, actor, func(c *model.Candidate) error {
		patch.Apply(&c.CandidateInput)
		c.Normalize()
		return c.Validate()
	})
}

// FindByEmail returns the candidate holding an email, for the duplicate hint
// shown while typing; ErrNotFound when nobody has it.
func (s *Service) FindByEmail(ctx context.Context, email string) (model.Candidate, error) {
	c := model.Candidate{CandidateInput: model.CandidateInput{Email: email}}
	c.Normalize()
	if c.Email == "" {
		return model.Candidate{}, fmt.Errorf("email: %w", model.ErrNotFound)
	}
	return s.store.FindByEmail(ctx, c.Email)
}

// Detail returns a candidate with applications, notes, history and files.
func (s *Service) Detail(ctx context.Context, id int64) (model.CandidateDetail, error) {
	return s.store.CandidateDetail(ctx, id)
}

// List returns one page of the candidates table.
func (s *Service) List(ctx context.Context, f model.CandidateFilter) (model.CandidatePage, error) {
	if len(f.Query) > 500 {
		return model.CandidatePage{}, model.Invalid("query", "search text is limited to 500 characters")
	}
	return s.store.ListCandidates(ctx, f)
}

// Facets lists tags and sources for the filters.
func (s *Service) Facets(ctx context.Context) (model.Facets, error) { return s.store.Facets(ctx) }

// SetArchived archives or restores a candidate (actor's change); nothing is deleted.
func (s *Service) SetArchived(ctx context.Context, id int64, archived bool, actor model.Profile) (model.Candidate, error) {
	return s.store.SetArchived(ctx, id, archived, actor)
}

// AddNote appends a note signed by actor.
func (s *Service) AddNote(ctx context.Context, candidateID int64, body string, actor model.Profile) (model.Note, error) {
	body, err := model.NoteBody(body)
	if err != nil {
		return model.Note{}, err
	}
	return s.store.AddNote(ctx, candidateID, body, actor)
}

// Apply applies a candidate to another role.
func (s *Service) Apply(ctx context.Context, candidateID, roleID int64, actor model.Profile) (model.Application, error) {
	return s.store.Apply(ctx, candidateID, roleID, actor)
}

// Move moves an application to a stage. Rejecting needs a reason from the
// workspace's list; other stages take none. fromStageID is the stage the
// mover saw it in (0: wherever it is): when someone moved it since, the
// move is refused with a *model.ChangedError.
func (s *Service) Move(ctx context.Context, applicationID, fromStageID, stageID int64, reason string, actor model.Profile) (model.Application, error) {
	st, err := s.store.GetStage(ctx, stageID)
	if errors.Is(err, model.ErrNotFound) {
		return model.Application{}, model.Invalid("stageId", "stage %d does not exist (it may have been deleted); reload the board", stageID)
	}
	if err != nil {
		return model.Application{}, err
	}
	reason = model.OneLine(reason)
	if st.Kind == model.StageRejected {
		if reason, err = s.checkReason(ctx, reason); err != nil {
			return model.Application{}, err
		}
	}
	return s.store.MoveApplicationNoted(ctx, applicationID, fromStageID, stageID, reason, "", actor)
}

// A board column shows its oldest BoardPage arrivals, and BoardPage more
// each time someone asks, up to BoardMost: a stage of thousands is worked
// through search and the candidates table, and a board that rendered every
// card took seconds to appear at 100k candidates.
const (
	BoardPage = 50
	BoardMost = 1000
)

// Board returns a role's kanban board; shown maps a stage id to how many
// cards its column shows now (absent: a first page).
func (s *Service) Board(ctx context.Context, roleID int64, shown map[int64]int) (model.Board, error) {
	b, err := s.store.Board(ctx, roleID, func(st model.Stage) int {
		return min(max(shown[st.ID], BoardPage), BoardMost)
	})
	for i, c := range b.Columns {
		b.Columns[i].Next = min(c.More, BoardPage, BoardMost-len(c.Cards))
	}
	return b, err
}

// Attach stores a resume or other file. PDF, DOCX and TXT are accepted and
// checked against their content; their text is extracted (app/resumetext)
// and becomes searchable. When the candidate has no resume text yet, the
// extracted text becomes it, for a person to check and correct on the
// resume screen (Attachment.ResumeFilled); text a person typed is never
// replaced. A PDF or DOCX whose text cannot be read is still attached, and
// Attachment.TextProblem says why in plain words.
func (s *Service) Attach(ctx context.Context, candidateID int64, fileName string, data []byte, actor model.Profile) (model.Attachment, error) {
	fileName = filepath.Base(strings.TrimSpace(fileName))
	if fileName == "." || fileName == "/" || fileName == "" {
		return model.Attachment{}, model.Invalid("file", "the file has no name")
	}
	if len(data) > model.MaxAttachment {
		return model.Attachment{}, model.Invalid("file", "%s", files.TooBig(fileName, int64(len(data)), model.MaxAttachment, "attachments"))
	}
	if len(data) == 0 {
		return model.Attachment{}, model.Invalid("file", "%s is empty", fileName)
	}
	mime, text, problem, err := fileText(fileName, data)
	if err != nil {
		return model.Attachment{}, err
	}
	a, err := s.store.AddResumeAttachment(ctx, candidateID, fileName, mime, data, text, actor)
	a.TextProblem = problem
	return a, err
}

// fileText checks a file to attach and reads its text. A text file that
// cannot be read is refused (it is its text); a PDF or DOCX is kept all
// the same, with the problem in words.
func fileText(name string, data []byte) (mime, text, problem string, err error) {
	if mime, err = sniff(name, data); err != nil {
		return "", "", "", err
	}
	text, err = resumetext.Extract(name, data)
	switch {
	case err == nil:
		return mime, text, "", nil
	case resumetext.Kind(name) == "txt":
		return "", "", "", model.Invalid("file", "%s", err.Error())
	}
	return mime, "", err.Error(), nil
}

// ResumeTextOf extracts a file's text for a person to check (the command
// line's `candidates resume-text`); "" when it holds none (a scanned PDF).
// Nothing is stored.
func ResumeTextOf(name string, data []byte) (text string, err error) {
	name = filepath.Base(name)
	if _, err := sniff(name, data); err != nil {
		return "", err
	}
	text, err = resumetext.Extract(name, data)
	if err != nil {
		return "", model.Invalid("file", "%s", err.Error())
	}
	return text, nil
}

// Attachment returns a stored file.
func (s *Service) Attachment(ctx context.Context, id int64) (model.Attachment, []byte, error) {
	return s.store.Attachment(ctx, id)
}

// DeleteAttachment removes a stored file.
func (s *Service) DeleteAttachment(ctx context.Context, id int64) error {
	return s.store.DeleteAttachment(ctx, id)
}

// sniff checks a file's kind against its name and content; its text is
// resumetext's.
func sniff(name string, data []byte) (mime string, err error) {
	ext := strings.ToLower(filepath.Ext(name))
	switch ext {
	case ".pdf":
		if !bytes.HasPrefix(data, []byte("%PDF-")) {
			return "", model.Invalid("file", "%s is named .pdf but is not a PDF", name)
		}
		return "application/pdf", nil
	case ".docx":
		if !bytes.HasPrefix(data, []byte("PK\x03\x04")) {
			return "", model.Invalid("file", "%s is named .docx but is not a Word document", name)
		}
		return "application/vnd.openxmlformats-officedocument.wordprocessingml.document", nil
	case ".txt", ".md":
		return "text/plain; charset=utf-8", nil
	default:
		return "", model.Invalid("file", "%s cannot be attached: only PDF, DOCX and TXT files can be attached", name)
	}
}
