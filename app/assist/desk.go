// The window's AI desk: who may change what (recruiters the settings and
// the key; anyone signed in asks for suggestions), the on/off switch, the
// key, the per-person preview choice and the per-candidate human-only
// switch. The app's AI facade is a thin layer over it.

package assist

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"hirebench/app/ai"
	"hirebench/app/interviews"
	"hirebench/app/model"
	"hirebench/storage"
)

// Desk serves the window.
type Desk struct {
	store   *storage.Store
	screens *interviews.Service
	keys    *KeyStore
	http    *http.Client
	opts    []Option
	now     func() time.Time
}

// NewDesk serves the window over store; opts apply to every suggestion's service.
func NewDesk(store *storage.Store, screens *interviews.Service, keys *KeyStore, opts ...Option) *Desk {
	return &Desk{store: store, screens: screens, keys: keys, http: &http.Client{}, opts: opts, now: time.Now}
}

// MayManage: the AI settings and the API key are the recruiter's (they
// spend the workspace's money and decide where resumes go).
func MayManage(who model.Profile) error {
	if who.IsRecruiter {
		return nil
	}
	return fmt.Errorf("only the recruiter switches AI help on or off, changes its settings or the API key: %w", model.ErrConflict)
}

// Rights is what the current profile may do here, with the sentence to
// show when it may not.
type Rights struct {
	Manage     bool   `json:"manage"`
	ManageNote string `json:"manageNote"`
}

// RightsOf answers MayManage for the window.
func RightsOf(who model.Profile) Rights {
	if err := MayManage(who); err != nil {
		return Rights{ManageNote: model.RefusalSentence(err)}
	}
	return Rights{Manage: true}
}

// Status is what the AI dialog shows.
type Status struct {
	Enabled  bool     `json:"enabled"`
	Settings Settings `json:"settings"`
	Key      KeyState `json:"key"`
	// AskFirst: the current person sees the preview before a resume screen is sent.
	AskFirst bool   `json:"askFirst"`
	Rights   Rights `json:"rights"`
	// Tasks are the tasks that take a model, with their defaults (settings.go).
	Tasks []Task `json:"tasks"`
}

// Status reads everything the dialog shows.
func (d *Desk) Status(ctx context.Context, who model.Profile) (Status, error) {
	s, err := LoadSettings(ctx, d.store)
	if err != nil {
		return Status{}, err
	}
	p, err := loadPrefsFor(ctx, d.store, who.ID)
	if err != nil {
		return Status{}, err
	}
	return Status{Enabled: p.Enabled, Settings: s, Key: d.keys.State(), AskFirst: p.AskFirst(who.ID, ai.FeatureScreen),
		Rights: RightsOf(who), Tasks: Tasks}, nil
}

// SetEnabled switches AI help in the window on or off.
func (d *Desk) SetEnabled(ctx context.Context, who model.Profile, on bool) (Status, error) {
	if err := MayManage(who); err != nil {
		return Status{}, err
	}
	if err := d.changePrefs(ctx, func(p *Prefs) error { p.Enabled = on; return nil }); err != nil {
		return Status{}, err
	}
	return d.Status(ctx, who)
}

// SaveSettings checks and stores the settings; a price whose numbers
// changed (or a new one) is dated today.
func (d *Desk) SaveSettings(ctx context.Context, who model.Profile, s Settings) (Status, error) {
	if err := MayManage(who); err != nil {
		return Status{}, err
	}
	old, err := LoadSettings(ctx, d.store)
	if err != nil {
		return Status{}, err
	}
	today := d.now().Format(time.DateOnly)
	for i, p := range s.Prices {
		if was, ok := ai.PriceOf(old.Prices, p.Model); !ok || was.Model != p.Model ||
			was.InputPerMTok != p.InputPerMTok || was.OutputPerMTok != p.OutputPerMTok {
			s.Prices[i].AsOf = today
		} else {
			s.Prices[i].AsOf = was.AsOf
		}
	}
	if err := SaveSettings(ctx, d.store, s); err != nil {
		return Status{}, err
	}
	return d.Status(ctx, who)
}

// SaveKey keeps the key (keyring, else memory until hirebench closes).
func (d *Desk) SaveKey(ctx context.Context, who model.Profile, key string) (Status, error) {
	if err := MayManage(who); err != nil {
		return Status{}, err
	}
	if _, err := d.keys.Save(key); err != nil {
		return Status{}, err
	}
	return d.Status(ctx, who)
}

// ForgetKey removes the saved key.
func (d *Desk) ForgetKey(ctx context.Context, who model.Profile) (Status, error) {
	if err := MayManage(who); err != nil {
		return Status{}, err
	}
	if _, err := d.keys.Forget(); err != nil {
		return Status{}, err
	}
	return d.Status(ctx, who)
}

// SetAskFirst records whether the current person sees feature's preview
// before sending ("don't ask again", and back).
func (d *Desk) SetAskFirst(ctx context.Context, who model.Profile, feature string, ask bool) (Status, error) {
	p, err := loadPrefsFor(ctx, d.store, who.ID)
	if err != nil {
		return Status{}, err
	}
	if err := p.setAskFirst(who.ID, feature, ask); err != nil {
		return Status{}, err
	}
	if err := saveOwnPrefs(ctx, d.store, who.ID, p); err != nil {
		return Status{}, err
	}
	return d.Status(ctx, who)
}

func (d *Desk) changePrefs(ctx context.Context, change func(*Prefs) error) error {
	p, err := loadPrefs(ctx, d.store)
	if err != nil {
		return err
	}
	if err := change(&p); err != nil {
		return err
	}
	return savePrefs(ctx, d.store, p)
}

// Offer is what the window may offer for one candidate.
type Offer struct {
	CandidateID int64 `json:"candidateId"`
	// Enabled: AI help is switched on in this workspace.
	Enabled bool `json:"enabled"`
	// HumanOnly: no AI for this candidate.
	HumanOnly bool `json:"humanOnly"`
	// HumanOnlyNote is why the current person may not switch human-only
	// off ("" when they may).
	HumanOnlyNote string `json:"humanOnlyNote"`
	// Suggest: "Suggest with AI" is offered (on, and not human-only).
	Suggest bool `json:"suggest"`
	// AskFirst: show the preview before sending.
	AskFirst bool `json:"askFirst"`
}

// Offer says what the window offers for a candidate.
func (d *Desk) Offer(ctx context.Context, who model.Profile, candidateID int64) (Offer, error) {
	off, err := d.store.HumanOnly(ctx, candidateID)
	if err != nil {
		return Offer{}, err
	}
	p, err := loadPrefsFor(ctx, d.store, who.ID)
	if err != nil {
		return Offer{}, err
	}
	o := Offer{CandidateID: candidateID, Enabled: p.Enabled, HumanOnly: off, Suggest: p.Enabled && !off,
		AskFirst: p.AskFirst(who.ID, ai.FeatureScreen)}
	if err := mayLiftHumanOnly(who); err != nil {
		o.HumanOnlyNote = model.RefusalSentence(err)
	}
	return o, nil
}

// mayLiftHumanOnly: anyone may keep AI away from a candidate; letting it
// back is the recruiter's call (the candidate may have asked).
func mayLiftHumanOnly(who model.Profile) error {
	if who.IsRecruiter {
		return nil
	}
	return fmt.Errorf("only the recruiter lets AI help back for a candidate marked human only: %w", model.ErrConflict)
}

// SetHumanOnly switches AI off (on = true) or back on for a candidate.
func (d *Desk) SetHumanOnly(ctx context.Context, who model.Profile, candidateID int64, on bool) (Offer, error) {
	if !on {
		if err := mayLiftHumanOnly(who); err != nil {
			return Offer{}, err
		}
	}
	if err := d.store.SetHumanOnly(ctx, candidateID, on); err != nil {
		return Offer{}, err
	}
	return d.Offer(ctx, who, candidateID)
}

// enabled refuses when the window's AI help is off.
func (d *Desk) enabled(ctx context.Context) error {
	p, err := loadPrefs(ctx, d.store)
	if err != nil {
		return err
	}
	if !p.Enabled {
		return ErrOff
	}
	return nil
}

// ErrOff: the window offers no AI until a recruiter switches it on.
var ErrOff = fmt.Errorf("AI help is off in this workspace; the recruiter can switch it on under AI…: %w", model.ErrConflict)

// refusal turns what went wrong on the AI side into a refusal the window
// shows as it is; the workspace's own errors pass through unchanged.
func refusal(err error) error {
	var f ai.Failure
	var budget *BudgetError
	var ve *model.ValidationError
	switch {
	case err == nil, errors.As(err, &ve), errors.Is(err, model.ErrNotFound), errors.Is(err, model.ErrConflict):
		return err
	case errors.As(err, &f):
		return fmt.Errorf("%s: %w", f.Plain(), model.ErrConflict)
	case errors.As(err, &budget):
		return fmt.Errorf("%s: %w", budget.Error(), model.ErrConflict)
	case errors.Is(err, ErrNoKey), errors.Is(err, ErrNoEndpoint):
		return fmt.Errorf("no API key is set up: the recruiter saves one under AI…: %w", model.ErrConflict)
	case errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("%s: %w", ai.Failure{Timeout: true}.Plain(), model.ErrConflict)
	case errors.As(err, new(*ai.OutputError)), isReplyError(err):
		return fmt.Errorf("%s: %w", err.Error(), model.ErrConflict)
	}
	return err
}
