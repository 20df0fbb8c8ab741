// What undoing an action needs to know of it: a stage deletion's receipt.

package model

// StageDeletion is what deleting a stage did: the role after it, and what
// undoing it needs (the stage's name and place, where its candidates went,
// which they were and when they moved). The window keeps it for the toast's
// Undo; the tracking service checks it against the workspace before acting.
type StageDeletion struct {
	Role Role `json:"role"`
	// Stage is the deleted stage's name; Index its place among the role's
	// active stages, from 0.
	Stage string `json:"stage"`
	Index int    `json:"index"`
	// MovedTo is the stage its candidates went to (0 when it held none);
	// Moved their applications; At when they moved (their history's time).
	MovedTo int64   `json:"movedTo"`
	Moved   []int64 `json:"moved"`
	At      string  `json:"at"`
}
