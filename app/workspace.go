// Package app holds the thin structs bound to the Wails window: each method
// validates its input, calls one service and returns a typed result or a
// UserError. No SQL and no business rules live here.
package app

import (
	"context"
	"sync"

	"hirebench/app/model"
	"hirebench/app/tracking"
	"hirebench/storage"
)

// Workspace is the app shell: facts about the workspace and who is using it.
type Workspace struct {
	svc     *tracking.Service
	store   *storage.Store
	dataDir string
	rt      Shell

	mu      sync.Mutex
	current model.Profile
	// onSwitch are run when the current profile changes to another (or to
	// nobody): what one person chose must not serve the next.
	onSwitch []func()
}

// Info is what the About box and the footer show.
type Info struct {
	Version       string `json:"version"`
	DataDir       string `json:"dataDir"`
	DatabasePath  string `json:"databasePath"`
	SchemaVersion int    `json:"schemaVersion"`
}

func NewWorkspace(svc *tracking.Service, store *storage.Store, dataDir string, rt Shell) *Workspace {
	return &Workspace{svc: svc, store: store, dataDir: dataDir, rt: rt}
}

// Info describes this build and workspace.
func (w *Workspace) Info() Info {
	return Info{Version: Version, DataDir: w.dataDir, DatabasePath: w.store.Path(), SchemaVersion: storage.SchemaVersion()}
}

// Profiles lists the people who use this laptop.
func (w *Workspace) Profiles() ([]model.Profile, error) {
	return result(w.svc.Profiles(context.Background()))
}

// CurrentProfile returns who is using the app; a not_found error means the
// first-launch "who are you" screen should show, a locked error that the
// last profile is protected and its passphrase must be entered first.
func (w *Workspace) CurrentProfile() (model.Profile, error) {
	p, err := w.svc.Resume(context.Background(), w.unlockedID())
	if err == nil {
		w.setActor(p)
	}
	return result(p, err)
}

// CreateProfile adds a person and switches to them.
func (w *Workspace) CreateProfile(name string, recruiter bool) (model.Profile, error) {
	p, err := w.svc.CreateProfile(context.Background(), name, recruiter, true, w.session())
	if err == nil {
		w.setActor(p)
	}
	return result(p, err)
}

// SwitchProfile makes another profile current; a protected one needs its
// passphrase ("" for the others).
func (w *Workspace) SwitchProfile(id int64, passphrase string) (model.Profile, error) {
	p, err := w.svc.SwitchProfile(context.Background(), id, passphrase)
	if err == nil {
		w.setActor(p)
	}
	return result(p, err)
}

// SetPassphrase protects the current profile or changes its passphrase;
// current is the passphrase in force, if any.
func (w *Workspace) SetPassphrase(current, next string) (model.Profile, error) {
	return withActor(w, func(a model.Profile) (model.Profile, error) {
		p, err := w.svc.SetPassphrase(context.Background(), a, current, next)
		if err == nil {
			w.setActor(p)
		}
		return p, err
	})
}

// RemovePassphrase takes the protection off the current profile.
func (w *Workspace) RemovePassphrase(current string) (model.Profile, error) {
	return withActor(w, func(a model.Profile) (model.Profile, error) {
		p, err := w.svc.RemovePassphrase(context.Background(), a, current)
		if err == nil {
			w.setActor(p)
		}
		return p, err
	})
}

// SignOut ends this window's session ("someone else" is about to choose
// or create a profile): nothing is done as the previous profile until then.
func (w *Workspace) SignOut() { w.setActor(model.Profile{}) }

// Flushed is called by the frontend once pending edits are saved after the
// window asked to close.
func (w *Workspace) Flushed() { w.rt.flushed() }

// session is who this window is working as (zero before a profile is
// chosen or unlocked).
func (w *Workspace) session() model.Profile {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.current
}

// unlockedID is the profile this window already switched to or created,
// so a reload does not ask for its passphrase again.
func (w *Workspace) unlockedID() int64 {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.current.ID
}

func (w *Workspace) setActor(p model.Profile) {
	w.mu.Lock()
	switched := w.current.ID != p.ID
	w.current = p
	hooks := w.onSwitch
	w.mu.Unlock()
	if switched {
		for _, fn := range hooks {
			fn()
		}
	}
}

// onProfileSwitch runs fn whenever the current profile changes to another
// one or to nobody (signing out); not when the same profile is saved again.
func (w *Workspace) onProfileSwitch(fn func()) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.onSwitch = append(w.onSwitch, fn)
}

// actor is who stage moves and notes are recorded as.
func (w *Workspace) actor() (model.Profile, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.current.ID == 0 {
		return model.Profile{}, model.Invalid("profile", "choose who you are (top right) before making changes")
	}
	return w.current, nil
}

// signedIn runs fn only while someone is signed in: a window where nobody
// chose who they are, or a locked one, changes nothing.
func signedIn[T any](w *Workspace, fn func() (T, error)) (T, error) {
	return withActor(w, func(model.Profile) (T, error) { return fn() })
}

// signedInDo is signedIn for actions that return only an error.
func signedInDo(w *Workspace, fn func() error) error {
	_, err := signedIn(w, func() (struct{}, error) { return struct{}{}, fn() })
	return err
}

// withActor runs fn as the current profile.
func withActor[T any](w *Workspace, fn func(model.Profile) (T, error)) (T, error) {
	a, err := w.actor()
	if err != nil {
		var zero T
		return zero, userError(err)
	}
	return result(fn(a))
}
