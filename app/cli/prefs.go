// profiles prefs: an interviewer's runner preferences, read or set over the
// same service the window uses.

package cli

import (
	"fmt"

	"hirebench/app/interviews"
)

func (c *command) profilesPrefs(args []string) error {
	fs := newFlags("profiles prefs")
	ref := fs.String("profile", "", "profile id or name")
	advance := fs.String("advance", "", "on or off: move to the next question after scoring")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *ref == "" {
		return usageError{fmt.Errorf("give --profile PROFILE")}
	}
	p, err := c.resolveProfile(*ref)
	if err != nil {
		return err
	}
	prefs, err := c.iv.RunnerPrefs(c.ctx, p)
	if err != nil {
		return err
	}
	switch *advance {
	case "":
	case "on", "off":
		prefs.AdvanceAfterScore = *advance == "on"
		if prefs, err = c.iv.SetRunnerPrefs(c.ctx, p, prefs); err != nil {
			return err
		}
	default:
		return usageError{fmt.Errorf("--advance %q: give on or off", *advance)}
	}
	if *asJSON {
		return writeJSON(c.out, struct {
			Profile string `json:"profile"`
			interviews.RunnerPrefs
		}{p.Name, prefs})
	}
	fmt.Fprintf(c.out, "%s: move to the next question after scoring: %s\n", p.Name, onOff(prefs.AdvanceAfterScore))
	return nil
}

func onOff(b bool) string {
	if b {
		return "on"
	}
	return "off"
}
