// Team mode commands (issue 15): init sets up a shared PostgreSQL
// workspace's schema and grants; people add gives a person a login of their
// own and the profile it signs in as (docs/TEAM.md).

package cli

import (
	"fmt"
	"io"
	"os"
)

// passwordInput is where --password-stdin reads; tests replace it.
var passwordInput io.Reader = os.Stdin

// teamInit: opening the workspace already brought its schema up to date;
// what is left are the people's grants.
func (c *command) teamInit(args []string) error {
	fs := newFlags("init")
	asJSON := fs.Bool("json", false, "print the result as JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	g, err := c.svc.InitTeam(c.ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(c.out, g)
	}
	fmt.Fprintf(c.out, "the shared workspace is ready; people's logins belong to the role %s (add them with: hirebench --db URL people add)\n", g.PeopleRole)
	return nil
}

func (c *command) peopleAdd(args []string) error {
	fs := newFlags("people add")
	name := fs.String("name", "", "the person's name as the team reads it (required)")
	login := fs.String("login", "", "their database login (required): lower-case letters, digits, _ . -")
	recruiter := fs.Bool("recruiter", false, "a recruiter: sees every submitted scorecard and exports")
	fromStdin := fs.Bool("password-stdin", false, "read the password from the first line of standard input (else one is generated and printed once)")
	asJSON := fs.Bool("json", false, "print the person as JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *name == "" || *login == "" {
		return usageError{fmt.Errorf("give --name N and --login L")}
	}
	password := ""
	if *fromStdin {
		var err error
		if password, err = readPassword(passwordInput); err != nil { // app/cli/login.go: one line, bounded
			return usageError{fmt.Errorf("--password-stdin: %w", err)}
		}
	}
	p, err := c.svc.AddPerson(c.ctx, *name, *login, password, *recruiter)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(c.out, p)
	}
	kind := "an interviewer"
	if p.Profile.IsRecruiter {
		kind = "a recruiter"
	}
	fmt.Fprintf(c.out, "added %s (profile %d), %s, signing in as %s\n", p.Profile.Name, p.Profile.ID, kind, p.Login)
	if p.GeneratedPassword != "" {
		fmt.Fprintf(c.out, "password (shown once; hand it over in person, or store it with the person's keyring): %s\n", p.GeneratedPassword)
	}
	return nil
}
