// The pipeline and rubric-draft commands: create a role with its own stages,
// add a stage (before the closing ones), reject a candidate with a reason and
// a note, and list the rubric drafts nobody has published yet.

package cli

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"hirebench/app/model"
	"hirebench/app/tracking"
)

func (c *command) rolesCreate(args []string) error {
	fs := newFlags("roles create")
	var in model.RoleInput
	var stages multi
	fs.StringVar(&in.Title, "title", "", "the role's title (required)")
	fs.StringVar(&in.Team, "team", "", "team")
	fs.StringVar(&in.Location, "location", "", "location")
	status := fs.String("status", "open", "open, on_hold or closed")
	fs.Var(&stages, "stage", "a pipeline stage, in order (repeatable; default "+strings.Join(tracking.DefaultStages(), ", ")+")")
	asJSON := fs.Bool("json", false, "print the new role as JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	in.Status = model.RoleStatus(*status)
	names := []string(stages)
	if len(names) == 0 {
		names = tracking.DefaultStages()
	}
	r, err := c.svc.CreateRoleWithStages(c.ctx, in, names)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(c.out, r)
	}
	fmt.Fprintf(c.out, "created role %d %q: %s\n", r.ID, r.Title, pipeline(r))
	return nil
}

func (c *command) rolesAddStage(args []string) error {
	fs := newFlags("roles add-stage")
	role := fs.String("role", "", "role id or title (required)")
	name := fs.String("name", "", "the new stage's name (required)")
	asJSON := fs.Bool("json", false, "print the role as JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *role == "" {
		return usageError{fmt.Errorf("give --role R")}
	}
	r, err := c.svc.ResolveRole(c.ctx, *role)
	if err != nil {
		return err
	}
	if r, err = c.svc.AddStage(c.ctx, r.ID, *name); err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(c.out, r)
	}
	fmt.Fprintf(c.out, "role %d %q: %s\n", r.ID, r.Title, pipeline(r))
	return nil
}

// pipeline is a role's stages in order, "Applied → … → Rejected".
func pipeline(r model.Role) string {
	names := make([]string, len(r.Stages))
	for i, st := range r.Stages {
		names[i] = st.Name
	}
	return strings.Join(names, " → ")
}

func (c *command) candidatesReject(args []string) error {
	fs := newFlags("candidates reject")
	id := fs.Int64("candidate", 0, "candidate id (see candidates list; required)")
	role := fs.String("role", "", "role id or title (required)")
	reason := fs.String("reason", "", "a reason from the workspace's list (required)")
	note := fs.String("note", "", "a free-text note kept beside the reason")
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
	a, err := c.svc.Reject(c.ctx, appID, 0, *reason, *note, c.by)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(c.out, a)
	}
	fmt.Fprintf(c.out, "rejected candidate %d for %q: %s\n", *id, a.RoleTitle, a.RejectionReason)
	return nil
}

func (c *command) rubricDrafts(args []string) error {
	fs := newFlags("rubric drafts")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	list, err := c.iv.RubricDrafts(c.ctx, 0)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(c.out, list)
	}
	tw := tabwriter.NewWriter(c.out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "RUBRIC\tNAME\tAUTHOR\tFROM\tUPDATED\tSTATE")
	for _, d := range list {
		name, from, state := d.RubricName, fmt.Sprintf("v%d", d.BaseVersion), "draft"
		if d.RubricID == 0 {
			name, from = d.Content.Name+" (new)", "-"
		}
		if d.Stale {
			state = "draft; a newer version was published since"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", d.RubricID, name, d.AuthorName, from, d.UpdatedAt, state)
	}
	return tw.Flush()
}

// applicationIn is the id of candidateID's application to role (an id or a
// title); "role" is invalid when they have not applied to it.
func (c *command) applicationIn(candidateID int64, role string) (int64, error) {
	r, err := c.svc.ResolveRole(c.ctx, role)
	if err != nil {
		return 0, err
	}
	d, err := c.svc.Detail(c.ctx, candidateID)
	if err != nil {
		return 0, err
	}
	for _, a := range d.Applications {
		if a.RoleID == r.ID {
			return a.ID, nil
		}
	}
	return 0, model.Invalid("role", "candidate %d has not applied to %q", candidateID, r.Title)
}
