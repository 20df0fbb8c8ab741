// Rubric drafts: the editor autosaves what an author types as their draft of
// the rubric (one per rubric and author, kept in the workspace), so leaving
// the editor never loses an edit; the draft becomes a version only when its
// author publishes it, and publishing removes it in the same transaction.

package interviews

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"hirebench/app/model"
	"hirebench/app/rubric"
	"hirebench/storage"
)

// RubricDraft is an author's unpublished edit of a rubric.
type RubricDraft struct {
	RubricID    int64         `json:"rubricId"` // 0: a rubric not created yet
	RubricName  string        `json:"rubricName"`
	AuthorName  string        `json:"authorName"`
	Content     rubric.Rubric `json:"content"`
	BaseVersion int           `json:"baseVersion"` // the version it was started from (0: a new rubric)
	// Stale: a newer version was published after the draft was started
	// (by someone else, or a bundle), which publishing the draft would follow.
	Stale     bool   `json:"stale"`
	UpdatedAt string `json:"updatedAt"`
	// Note is what the editor says about the draft.
	Note string `json:"note"`
}

// DraftNote is what the editor says about a draft it holds.
const DraftNote = "Draft saved — Publish to make it the version interviews use."

func draftOf(d storage.RubricDraft) *RubricDraft {
	out := &RubricDraft{RubricID: d.RubricID, RubricName: d.RubricName, AuthorName: d.AuthorName, Content: d.Content,
		BaseVersion: d.BaseVersion, UpdatedAt: d.UpdatedAt, Note: DraftNote}
	if d.RubricID == 0 {
		out.Note = "Draft saved — Publish to create the rubric, so interview plans can use it."
	}
	if d.RubricID != 0 && d.BaseSHA256 != d.LatestSHA256 {
		out.Stale = true
		// A version no scorecard used yet is changed in place, keeping its number.
		changed := fmt.Sprintf("Version %d was published after you started this draft from version %d", d.LatestVersion, d.BaseVersion)
		if d.LatestVersion == d.BaseVersion {
			changed = fmt.Sprintf("Version %d was changed after you started this draft", d.BaseVersion)
		}
		out.Note = DraftNote + " " + changed + ": check it before you publish."
	}
	return out
}

// draftAuthor refuses an actor without a profile: drafts are kept per author.
func draftAuthor(actor model.Profile) error {
	if actor.ID == 0 {
		return fmt.Errorf("rubric drafts are kept per profile; sign in to edit rubrics: %w", model.ErrConflict)
	}
	return nil
}

// RubricDraft returns actor's draft of a rubric (0: of a new rubric), or nil
// when they have none.
func (s *Service) RubricDraft(ctx context.Context, rubricID int64, actor model.Profile) (*RubricDraft, error) {
	if err := draftAuthor(actor); err != nil {
		return nil, err
	}
	d, err := s.store.RubricDraft(ctx, rubricID, actor.ID)
	if errors.Is(err, model.ErrNotFound) {
		if rubricID != 0 {
			if _, err := s.store.LatestRubric(ctx, rubricID); err != nil {
				return nil, err // an unknown rubric is not found, not draftless
			}
		}
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return draftOf(d), nil
}

// RubricDrafts lists the drafts of one author (authorID 0: everyone's), newest first.
func (s *Service) RubricDrafts(ctx context.Context, authorID int64) ([]RubricDraft, error) {
	list, err := s.store.RubricDrafts(ctx, authorID)
	if err != nil {
		return nil, err
	}
	out := make([]RubricDraft, len(list))
	for i, d := range list {
		out[i] = *draftOf(d)
	}
	return out, nil
}

// SaveRubricDraft keeps r as actor's draft of a rubric (0: of a new one).
// A draft may be incomplete: it is checked only when published. A draft
// that says exactly what the latest version says is no draft: it is
// removed and nil returned. The built-in and archived rubrics take none.
func (s *Service) SaveRubricDraft(ctx context.Context, rubricID int64, r rubric.Rubric, actor model.Profile) (*RubricDraft, error) {
	if err := draftAuthor(actor); err != nil {
		return nil, err
	}
	if b, err := json.Marshal(r); err != nil {
		return nil, err
	} else if len(b) > rubric.MaxFileSize {
		return nil, model.Invalid("rubric", "the draft is %d KiB; a rubric holds at most %d KiB", len(b)>>10, rubric.MaxFileSize>>10)
	}
	var out *RubricDraft
	err := s.store.Write(ctx, func(tx *storage.Tx) error {
		d := storage.RubricDraft{RubricID: rubricID, AuthorID: actor.ID, Content: r}
		if rubricID != 0 {
			cur, err := tx.LatestRubric(rubricID)
			if err != nil {
				return err
			}
			switch {
			case cur.Builtin:
				return fmt.Errorf("the built-in rubric is read-only; duplicate it to edit: %w", model.ErrConflict)
			case cur.ArchivedAt != "":
				return fmt.Errorf("rubric %q is archived; restore it to edit: %w", cur.Content.Name, model.ErrConflict)
			case samePublished(r, cur.SHA256):
				return tx.DeleteRubricDraft(rubricID, actor.ID)
			}
			d.BaseVersion, d.BaseSHA256 = cur.Version, cur.SHA256
		}
		if err := tx.PutRubricDraft(d); err != nil {
			return err
		}
		stored, err := tx.RubricDraft(rubricID, actor.ID)
		if err != nil {
			return err
		}
		out = draftOf(stored)
		return nil
	})
	return out, err
}

// samePublished says whether r, published, would be the version whose hash is sum.
func samePublished(r rubric.Rubric, sum string) bool {
	b, err := json.Marshal(r)
	if err != nil {
		return false
	}
	var c rubric.Rubric // a copy: publishing tidies it
	if err := json.Unmarshal(b, &c); err != nil {
		return false
	}
	if c.Format == "" {
		c.Format = rubric.FormatV1
	}
	rubric.Normalize(&c)
	_, got, err := storage.EncodeRubric(c)
	return err == nil && got == sum
}

// DiscardRubricDraft drops actor's draft of a rubric (0: of a new one), if any.
func (s *Service) DiscardRubricDraft(ctx context.Context, rubricID int64, actor model.Profile) error {
	if err := draftAuthor(actor); err != nil {
		return err
	}
	return s.store.Write(ctx, func(tx *storage.Tx) error { return tx.DeleteRubricDraft(rubricID, actor.ID) })
}

// PublishNewRubric validates and creates the rubric actor drafted in the
// editor, removing their draft of a new rubric with it.
func (s *Service) PublishNewRubric(ctx context.Context, r rubric.Rubric, actor model.Profile) (rubric.Version, error) {
	if err := checkRubric(&r); err != nil {
		return rubric.Version{}, err
	}
	return s.store.CreateRubricFromDraft(ctx, r, actor)
}
