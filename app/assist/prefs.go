// The window's own AI switches, kept in the workspace apart from Settings:
// whether the window offers AI at all (off until a recruiter turns it on)
// and whose preview of which feature is no longer asked for. The CLI's
// `ai` commands ignore them: running one is its own opt-in.

package assist

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"

	"hirebench/app/ai"
	"hirebench/app/model"
	"hirebench/storage"
)

const prefsKey = "ai.window"

// Prefs are the window's switches.
type Prefs struct {
	Enabled bool `json:"enabled"`
	// NoPreview lists, per profile id, the features whose preview that
	// person said not to show again: each person's own key (ownPrefsKey),
	// else what older versions kept here.
	NoPreview map[string][]string `json:"noPreview,omitempty"`
}

// Features is every feature the window can preview.
var Features = []string{ai.FeatureScreen, ai.FeatureSummary, ai.FeatureFollowUp}

func loadPrefs(ctx context.Context, store *storage.Store) (Prefs, error) {
	raw, err := store.Setting(ctx, prefsKey)
	if err != nil || raw == "" {
		return Prefs{}, err
	}
	var p Prefs
	if err := json.Unmarshal([]byte(raw), &p); err != nil {
		return Prefs{}, fmt.Errorf("the saved AI switches cannot be read: %w", err)
	}
	return p, nil
}

// ownPrefsKey holds one person's NoPreview list apart from the window's
// switch: on a shared workspace the server lets each person write their
// own "prefs.<what>.<profile id>" settings and leaves the rest to recruiters
// (migration 0022's settings_own_prefs).
func ownPrefsKey(profileID int64) string {
	return "prefs.ai." + strconv.FormatInt(profileID, 10)
}

// loadPrefsFor is loadPrefs with who's own preview choices, which replace
// any kept in the window's switches by older versions.
func loadPrefsFor(ctx context.Context, store *storage.Store, who int64) (Prefs, error) {
	p, err := loadPrefs(ctx, store)
	if err != nil {
		return p, err
	}
	raw, err := store.Setting(ctx, ownPrefsKey(who))
	if err != nil || raw == "" {
		return p, err
	}
	var list []string
	if err := json.Unmarshal([]byte(raw), &list); err != nil {
		return Prefs{}, fmt.Errorf("the saved AI preview choices cannot be read: %w", err)
	}
	if p.NoPreview == nil {
		p.NoPreview = map[string][]string{}
	}
	p.NoPreview[strconv.FormatInt(who, 10)] = list
	return p, nil
}

// saveOwnPrefs keeps who's preview choices under their own key (an empty
// list too, so it outweighs an older entry in the window's switches).
func saveOwnPrefs(ctx context.Context, store *storage.Store, who int64, p Prefs) error {
	list := p.NoPreview[strconv.FormatInt(who, 10)]
	if list == nil {
		list = []string{}
	}
	b, err := json.Marshal(list)
	if err != nil {
		return err
	}
	return store.PutSetting(ctx, ownPrefsKey(who), string(b))
}

func savePrefs(ctx context.Context, store *storage.Store, p Prefs) error {
	b, err := json.Marshal(p)
	if err != nil {
		return err
	}
	return store.PutSetting(ctx, prefsKey, string(b))
}

// AskFirst says whether profile sees the preview before feature is sent.
func (p Prefs) AskFirst(profileID int64, feature string) bool {
	return !slices.Contains(p.NoPreview[strconv.FormatInt(profileID, 10)], feature)
}

// setAskFirst records profile's choice about feature's preview.
func (p *Prefs) setAskFirst(profileID int64, feature string, ask bool) error {
	if !slices.Contains(Features, feature) {
		return model.Invalid("feature", "%q is not an AI feature of the window", feature)
	}
	who := strconv.FormatInt(profileID, 10)
	list := slices.DeleteFunc(slices.Clone(p.NoPreview[who]), func(f string) bool { return f == feature })
	if !ask {
		list = append(list, feature)
	}
	if p.NoPreview == nil {
		p.NoPreview = map[string][]string{}
	}
	if len(list) == 0 {
		delete(p.NoPreview, who)
	} else {
		p.NoPreview[who] = list
	}
	return nil
}
