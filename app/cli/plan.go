// The plan and profile commands: `rounds assign`, `weights coverage` (the share
// needed to rank), `profiles list` and `profiles unprotect`.

package cli

import (
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"

	"hirebench/app/model"
	"hirebench/app/scoring"
)

// roundsAssign reassigns one candidate's round (or, with --plan, returns it
// to the plan's interviewers).
func (c *command) roundsAssign(args []string) error {
	fs := newFlags("rounds assign")
	role := fs.String("role", "", "role id or title")
	cand := fs.String("candidate", "", "candidate email or id")
	round := fs.String("round", "", "round name (see the role's interview plan)")
	var who multi
	fs.Var(&who, "interviewer", "profile id or name (repeatable)")
	usePlan := fs.Bool("plan", false, "go back to the plan's interviewers")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *role == "" || *cand == "" || *round == "" || (len(who) == 0) == !*usePlan {
		return usageError{fmt.Errorf("give --role, --candidate, --round and either --interviewer NAME (repeatable) or --plan")}
	}
	r, err := c.svc.ResolveRole(c.ctx, *role)
	if err != nil {
		return err
	}
	candidateID, err := c.resolveCandidate(*cand)
	if err != nil {
		return err
	}
	rounds, err := c.iv.Rounds(c.ctx, r.ID)
	if err != nil {
		return err
	}
	var target scoring.Round
	var names []string
	for _, x := range rounds {
		names = append(names, x.Name)
		if strings.EqualFold(x.Name, strings.TrimSpace(*round)) {
			target = x
		}
	}
	if target.ID == 0 {
		return fmt.Errorf("role %q has no round %q (rounds: %s): %w", r.Title, *round, strings.Join(names, ", "), model.ErrNotFound)
	}
	d, err := c.svc.Detail(c.ctx, candidateID)
	if err != nil {
		return err
	}
	var appID int64
	for _, a := range d.Applications {
		if a.RoleID == r.ID {
			appID = a.ID
		}
	}
	if appID == 0 {
		return fmt.Errorf("candidate %d has not applied to %q: %w", candidateID, r.Title, model.ErrNotFound)
	}
	ids := []int64{}
	for _, ref := range who {
		p, err := c.resolveProfile(ref)
		if err != nil {
			return err
		}
		ids = append(ids, p.ID)
	}
	if err := c.iv.AssignRound(c.ctx, appID, target.ID, ids, c.actor); err != nil {
		return err
	}
	list, err := c.iv.CandidateRounds(c.ctx, candidateID, c.actor)
	if err != nil {
		return err
	}
	for _, cr := range list {
		if cr.ApplicationID == appID && cr.Round.ID == target.ID {
			var got []string
			for _, p := range cr.Interviewers {
				got = append(got, p.Name)
			}
			how := "as planned"
			if cr.Reassigned {
				how = "reassigned"
			}
			fmt.Fprintf(c.out, "%s for %s: %s (%s)\n", target.Name, d.Candidate.Name, model.JoinAnd(got), how)
		}
	}
	return nil
}

// resolveCandidate finds a candidate by id or email.
func (c *command) resolveCandidate(ref string) (int64, error) {
	ref = strings.TrimSpace(ref)
	if id, err := strconv.ParseInt(ref, 10, 64); err == nil {
		if _, err := c.svc.Detail(c.ctx, id); err != nil {
			return 0, err
		}
		return id, nil
	}
	cand, err := c.svc.FindByEmail(c.ctx, ref)
	if err != nil {
		return 0, err
	}
	return cand.ID, nil
}

// coverage prints or sets the coverage a candidate needs to be ranked.
func (c *command) coverage(args []string) error {
	fs := newFlags("weights coverage")
	set := fs.String("set", "", "the share of the plan (0–1) a candidate's answers must carry to be ranked")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *set != "" {
		v, err := strconv.ParseFloat(*set, 64)
		if err != nil {
			return usageError{fmt.Errorf("--set %q is not a number; give a share from 0 to 1, like 0.8", *set)}
		}
		if err := c.iv.SetCoverageThreshold(c.ctx, v, c.actor); err != nil {
			return err
		}
	}
	v, err := c.iv.CoverageThreshold(c.ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.out, "coverage needed to rank: %s\n", percent(v))
	return nil
}

// profilesList lists the workspace's profiles.
func (c *command) profilesList(args []string) error {
	fs := newFlags("profiles list")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	ps, err := c.svc.Profiles(c.ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(c.out, ps)
	}
	tw := tabwriter.NewWriter(c.out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tRECRUITER\tPASSPHRASE")
	for _, p := range ps {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\n", p.ID, p.Name, yes(p.IsRecruiter), yes(p.Protected))
	}
	return tw.Flush()
}

func yes(b bool) string {
	if b {
		return "yes"
	}
	return ""
}

// profilesUnprotect removes a forgotten passphrase.
func (c *command) profilesUnprotect(args []string) error {
	fs := newFlags("profiles unprotect")
	ref := fs.String("profile", "", "profile id or name")
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
	if _, err := c.svc.ResetPassphrase(c.ctx, p.ID); err != nil {
		return err
	}
	fmt.Fprintf(c.out, "%s's profile no longer asks for a passphrase\n", p.Name)
	return nil
}
