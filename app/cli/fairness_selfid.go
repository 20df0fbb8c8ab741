// `candidates self-id` records or shows a person's voluntary
// self-identification; `self-id categories` lists the categories and their
// answers, and changes them (--set, --remove). The command line acts as the
// data folder's owner (app/selfid).

package cli

import (
	"fmt"
	"slices"
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
		answers, err = svc.Of(c.ctx, c.owner, cid)
	} else {
		answers, err = svc.Record(c.ctx, c.owner, cid, set)
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

// categoryFlags collects repeated --set "NAME=ANSWER|ANSWER|…" in order.
type categoryFlags []selfid.Category

func (s *categoryFlags) String() string { return "" }
func (s *categoryFlags) Set(v string) error {
	name, opts, ok := strings.Cut(v, "=")
	if !ok || strings.TrimSpace(name) == "" || strings.TrimSpace(opts) == "" {
		return fmt.Errorf("--set %q: write NAME=ANSWER|ANSWER|… (\"Prefer not to say\" is always offered)", v)
	}
	cat := selfid.Category{Name: strings.TrimSpace(name)}
	for _, o := range strings.Split(opts, "|") {
		cat.Options = append(cat.Options, strings.TrimSpace(o))
	}
	*s = append(*s, cat)
	return nil
}

// listFlags collects a repeated flag's values.
type listFlags []string

func (s *listFlags) String() string     { return "" }
func (s *listFlags) Set(v string) error { *s = append(*s, strings.TrimSpace(v)); return nil }

func (c *command) selfIDCategories(args []string) error {
	fs := newFlags("self-id categories")
	var set categoryFlags
	var remove listFlags
	fs.Var(&set, "set", `NAME=ANSWER|ANSWER|… adds a category or replaces its answers (repeat)`)
	fs.Var(&remove, "remove", "NAME removes a category: its answers stay stored but are no longer asked or reported (repeat)")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	svc := selfid.New(c.store)
	cats, err := svc.Categories(c.ctx)
	if err != nil {
		return err
	}
	if len(set) > 0 || len(remove) > 0 {
		if cats, err = edited(cats, set, remove); err != nil {
			return err
		}
		if cats, err = svc.SetCategories(c.ctx, c.owner, cats); err != nil {
			return err
		}
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

// edited applies --set (replace by name, case-insensitively, else append)
// and --remove to the current categories; selfid checks the result.
func edited(cats, set []selfid.Category, remove []string) ([]selfid.Category, error) {
	out := slices.Clone(cats)
	for _, s := range set {
		if i := slices.IndexFunc(out, func(c selfid.Category) bool { return strings.EqualFold(c.Name, s.Name) }); i >= 0 {
			out[i].Options = s.Options
		} else {
			out = append(out, s)
		}
	}
	for _, name := range remove {
		i := slices.IndexFunc(out, func(c selfid.Category) bool { return strings.EqualFold(c.Name, name) })
		if i < 0 {
			return nil, usageError{fmt.Errorf("--remove %q: no such category (see self-id categories)", name)}
		}
		out = slices.Delete(out, i, i+1)
	}
	return out, nil
}

func cmpOr(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}
