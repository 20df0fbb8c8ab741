// candidates undo-move: undo a candidate's last stage change in a role (a
// move or a rejection), as the window's toast does (tracking.UndoMove).

package cli

import (
	"fmt"
)

func (c *command) candidatesUndoMove(args []string) error {
	fs := newFlags("candidates undo-move")
	id := fs.Int64("candidate", 0, "candidate id (see candidates list; required)")
	role := fs.String("role", "", "role id or title (required)")
	asJSON := fs.Bool("json", false, "print the application as JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *id == 0 || *role == "" {
		return usageError{fmt.Errorf("give --candidate ID and --role R")}
	}
	appID, err := c.applicationIn(*id, *role)
	if err != nil {
		return err
	}
	a, err := c.svc.UndoMove(c.ctx, appID, "", c.by)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(c.out, a)
	}
	fmt.Fprintf(c.out, "candidate %d is back in %q for %q\n", *id, a.StageName, a.RoleTitle)
	return nil
}
