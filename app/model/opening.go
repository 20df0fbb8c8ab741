package model

// Opening is everything the window's first screen needs, in one answer:
// who may use the app, who resumes (or which protected profile must be
// unlocked first), the roles and the first role's board. The window gets
// it inside its page, so it paints its first screen without a call to Go.
type Opening struct {
	Profiles []Profile `json:"profiles"`
	// Profile resumes; nil when nobody has chosen who they are yet, or
	// when LockedID names a protected profile whose passphrase comes first.
	Profile  *Profile `json:"profile"`
	LockedID int64    `json:"lockedId"`
	// SignedIn: on a shared workspace the login says who Profile is, so
	// the window offers no other profile to switch to.
	SignedIn bool `json:"signedIn"`
	// Roles and Board only for someone signed in: a locked workspace shows
	// nothing of its roles.
	Roles []Role `json:"roles"`
	// Board is the first role's board, each column's first page; nil
	// without roles.
	Board *Board `json:"board"`
}
