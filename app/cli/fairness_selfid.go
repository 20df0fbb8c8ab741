// `candidates self-id` records or shows a person's voluntary
// self-identification; `self-id categories` lists the categories and their
// answers. The command line acts as the data folder's owner (app/selfid).

package cli

import (
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"

	"hirebench/app/selfid"
)

// setFlags collects repeated --set CATEGORY=ANSWER.
type setFlags map[string]string

func (s setFlags) String() string { return "" }
func (s setFlags) Set(v string) error {
	k, val, ok := strings.Cut(v, "=")
	if !ok || strings.TrimSpace(k) == "" {
		return fmt.Errorf("--set %q: write CATEGORY=ANSWER (an empty ANSWER clears it)", v)
	}
	s[strings.TrimSpace(k)] = strings.TrimSpace(val)
	return nil
}

func (c *command) candidatesSelfID(args []string) error {
	fs := newFlags("candidates self-id")
	id := fs.String("candidate", "", "the candidate's id")
	set := setFlags{}
	fs.Var(set, "set", "CATEGORY=ANSWER (repeat; an empty ANSWER clears it); without --set, show the answers")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	cid, err := strconv.ParseInt(*id, 10, 64)
	if err != nil || cid < 1 {
		return usageError{fmt.Errorf("give --candidate ID (a number; see candidates list)")}
	}
	svc := selfid.New(c.store)
	var answers []selfid.Answer
	if len(set) == 0 {
		answers, err = svc.Of(c.ctx, owner, cid)
	} else {
		answers, err = svc.Record(c.ctx, owner, cid, set)
	}
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(c.out, answers)
	}
	tw := tabwriter.NewWriter(c.out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "CATEGORY\tANSWER")
	for _, a := range answers {
		fmt.Fprintf(tw, "%s\t%s\n", a.Category, cmpOr(a.Answer, "—"))
	}
	return tw.Flush()
}

func (c *command) selfIDCategories(args []string) error {
	fs := newFlags("self-id categories")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	cats, err := selfid.New(c.store).Categories(c.ctx)
	if err != nil {
		return err
	}
	type shown struct {
		Name    string   `json:"name"`
		Offered []string `json:"offered"`
	}
	out := make([]shown, len(cats))
	for i, cat := range cats {
		out[i] = shown{cat.Name, cat.Offered()}
	}
	if *asJSON {
		return writeJSON(c.out, out)
	}
	for _, s := range out {
		fmt.Fprintf(c.out, "%s: %s\n", s.Name, strings.Join(s.Offered, " | "))
	}
	return nil
}

func cmpOr(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}
