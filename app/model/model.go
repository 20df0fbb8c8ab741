// Package model holds hirebench's domain types, their validation rules and the
// sentinel errors every layer shares. It imports neither Wails nor database/sql.
package model

// Timestamps cross the Wails bridge and the database as RFC 3339 UTC strings
// with millisecond precision, so the generated TypeScript stays typed and
// lexical order equals time order.
const TimeLayout = "2006-01-02T15:04:05.000Z07:00"

// Profile is a local person using this laptop; stage moves and notes record it.
type Profile struct {
	ID          int64  `json:"id"`
	Name        string `json:"name"`
	IsRecruiter bool   `json:"isRecruiter"`
	CreatedAt   string `json:"createdAt"`
	// Protected: switching to this profile asks for its passphrase.
	Protected bool `json:"protected"`
}

type RoleStatus string

const (
	RoleOpen   RoleStatus = "open"
	RoleOnHold RoleStatus = "on_hold"
	RoleClosed RoleStatus = "closed"
)

// StageKind separates the ordered pipeline from the terminal Rejected stage,
// which always sits last and asks for a reason.
type StageKind string

const (
	StageActive   StageKind = "active"
	StageRejected StageKind = "rejected"
)

type Stage struct {
	ID       int64     `json:"id"`
	RoleID   int64     `json:"roleId"`
	Name     string    `json:"name"`
	Position int       `json:"position"`
	Kind     StageKind `json:"kind"`
	// Count is the number of live (not archived) candidates in the stage.
	Count int `json:"count"`
}

type Role struct {
	ID        int64      `json:"id"`
	Title     string     `json:"title"`
	Team      string     `json:"team"`
	Location  string     `json:"location"`
	Status    RoleStatus `json:"status"`
	Stages    []Stage    `json:"stages"`
	CreatedAt string     `json:"createdAt"`
	UpdatedAt string     `json:"updatedAt"`
}

// Candidate is a person in the workspace: the fields a recruiter fills in
// (CandidateInput, the one list of them) and the workspace's bookkeeping.
type Candidate struct {
	ID int64 `json:"id"`
	CandidateInput
	CreatedAt string `json:"createdAt"`
	UpdatedAt string `json:"updatedAt"`
	// ArchivedAt is empty for live candidates.
	ArchivedAt string `json:"archivedAt"`
	// Version counts the changes to the record (from 1); an edit sent with
	// the version it was made from is refused once another change came
	// first (ChangedError). ChangedBy names who made the latest one.
	Version   int64  `json:"version"`
	ChangedBy string `json:"changedBy"`
}

// Application is one candidate applied to one role, sitting in one stage.
type Application struct {
	ID              int64     `json:"id"`
	CandidateID     int64     `json:"candidateId"`
	RoleID          int64     `json:"roleId"`
	RoleTitle       string    `json:"roleTitle"`
	StageID         int64     `json:"stageId"`
	StageName       string    `json:"stageName"`
	StageKind       StageKind `json:"stageKind"`
	RejectionReason string    `json:"rejectionReason"`
	CreatedAt       string    `json:"createdAt"`
	// EnteredStageAt is when the application last changed stage.
	EnteredStageAt string `json:"enteredStageAt"`
}

type Note struct {
	ID          int64  `json:"id"`
	CandidateID int64  `json:"candidateId"`
	AuthorID    int64  `json:"authorId"`
	AuthorName  string `json:"authorName"`
	Body        string `json:"body"`
	CreatedAt   string `json:"createdAt"`
}

// StageEvent is one line of an application's history. Stage and actor names
// are copied at the time of the move so renames and deletions keep history true.
type StageEvent struct {
	ID            int64  `json:"id"`
	ApplicationID int64  `json:"applicationId"`
	RoleTitle     string `json:"roleTitle"`
	FromStage     string `json:"fromStage"`
	ToStage       string `json:"toStage"`
	ActorName     string `json:"actorName"`
	Reason        string `json:"reason"`
	Note          string `json:"note"` // a rejection's free text, beside the reason
	At            string `json:"at"`
}

type Attachment struct {
	ID          int64  `json:"id"`
	CandidateID int64  `json:"candidateId"`
	FileName    string `json:"fileName"`
	MimeType    string `json:"mimeType"`
	Size        int64  `json:"size"`
	// HasText tells whether searchable text was extracted and kept with the
	// file (not when it became the resume text: ResumeFilled).
	HasText   bool   `json:"hasText"`
	CreatedAt string `json:"createdAt"`
	// Only in Attach's answer: the file's text became the candidate's resume
	// text (they had none), for a person to check; or why no text was read.
	ResumeFilled bool   `json:"resumeFilled,omitempty"`
	TextProblem  string `json:"textProblem,omitempty"`
}

// CandidateDetail is everything the detail screen shows.
type CandidateDetail struct {
	Candidate    Candidate     `json:"candidate"`
	Applications []Application `json:"applications"`
	Notes        []Note        `json:"notes"`
	History      []StageEvent  `json:"history"`
	Attachments  []Attachment  `json:"attachments"`
}

// BoardCard is a candidate's application as shown on a kanban column.
type BoardCard struct {
	ApplicationID   int64    `json:"applicationId"`
	CandidateID     int64    `json:"candidateId"`
	Name            string   `json:"name"`
	Email           string   `json:"email"`
	Source          string   `json:"source"`
	Tags            []string `json:"tags"`
	RejectionReason string   `json:"rejectionReason"`
	EnteredStageAt  string   `json:"enteredStageAt"`
}

type BoardColumn struct {
	Stage Stage       `json:"stage"`
	Cards []BoardCard `json:"cards"`
	// More is how many of the stage's candidates are not in Cards; Next how
	// many of them "Show more" adds (0 once a column shows all it may).
	More int `json:"more"`
	Next int `json:"next"`
}

type Board struct {
	Role    Role          `json:"role"`
	Columns []BoardColumn `json:"columns"`
}

// TextSpan is a piece of a search snippet; Match marks the words that hit.
// Spans instead of HTML keep candidate text from ever being rendered as markup.
type TextSpan struct {
	Text  string `json:"text"`
	Match bool   `json:"match"`
}

// SearchHit says which field matched and shows the matching words in context.
type SearchHit struct {
	Field   string     `json:"field"`
	Snippet []TextSpan `json:"snippet"`
}

// AppSummary is the compact "role: stage" shown in the candidates table.
type AppSummary struct {
	ApplicationID int64     `json:"applicationId"`
	RoleID        int64     `json:"roleId"`
	RoleTitle     string    `json:"roleTitle"`
	StageID       int64     `json:"stageId"`
	StageName     string    `json:"stageName"`
	StageKind     StageKind `json:"stageKind"`
}

type CandidateRow struct {
	ID           int64        `json:"id"`
	Name         string       `json:"name"`
	Email        string       `json:"email"`
	Source       string       `json:"source"`
	Location     string       `json:"location"`
	Tags         []string     `json:"tags"`
	Applications []AppSummary `json:"applications"`
	UpdatedAt    string       `json:"updatedAt"`
	ArchivedAt   string       `json:"archivedAt"`
	Hits         []SearchHit  `json:"hits"`
}

type CandidatePage struct {
	Rows []CandidateRow `json:"rows"`
	// Total counts the matching candidates. With AtLeast, counting stopped
	// after this page (a search matching many: the table shows "50+").
	Total   int  `json:"total"`
	AtLeast bool `json:"atLeast"`
	// Archived counts the archived candidates a search also matches, left
	// out because archived ones are not shown ("1 archived match — show");
	// counted for a search matching few, else 0.
	Archived int `json:"archived"`
}

// CandidateFilter drives the candidates table. Zero values mean "any".
type CandidateFilter struct {
	Query           string `json:"query"`
	RoleID          int64  `json:"roleId"`
	StageID         int64  `json:"stageId"`
	Tag             string `json:"tag"`
	Source          string `json:"source"`
	IncludeArchived bool   `json:"includeArchived"`
	// Sort is one of name, email, source, updated, created; relevance when searching.
	Sort   string `json:"sort"`
	Desc   bool   `json:"desc"`
	Limit  int    `json:"limit"`
	Offset int    `json:"offset"`
}

// Facets lists the values the table's filters offer.
type Facets struct {
	Tags    []string `json:"tags"`
	Sources []string `json:"sources"`
}
