// Package cli is hirebench's headless command line: the same binary as the
// desktop app, no window and no display needed. Errors are one line on stderr
// and a non-zero exit code.
package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"text/tabwriter"

	"hirebench/app/demo"
	"hirebench/app/interviews"
	"hirebench/app/model"
	"hirebench/app/platform"
	"hirebench/app/scoring"
	"hirebench/app/tracking"
	"hirebench/app/transfer"
	"hirebench/storage"
)

// Options are the global flags, which come before the command.
type Options struct {
	DataDir string
	// DB is a postgres:// URL naming a shared workspace (--db, else
	// HIREBENCH_DB; docs/TEAM.md); "" is the SQLite file in DataDir. It may
	// hold a password: nothing prints or logs it.
	DB      string
	Command []string

	dbFrom string // where DB came from, for its error: "--db" or "HIREBENCH_DB"
}

// Exit codes.
const (
	ExitOK    = 0
	ExitError = 1 // the command ran and failed (bad value, not found, storage)
	ExitUsage = 2 // unknown command or flag
)

// DefaultDataDir is this system's per-user folder (platform.DataDir: %APPDATA%
// on Windows, ~/Library/Application Support on macOS, $XDG_DATA_HOME or
// ~/.local/share elsewhere), else a folder in the temp folder.
func DefaultDataDir() string {
	home, _ := os.UserHomeDir()
	if d := platform.DataDir(runtime.GOOS, os.Getenv, home); d != "" {
		return d
	}
	return filepath.Join(os.TempDir(), "hirebench")
}

// DatabasePath is the workspace file inside a data folder.
func DatabasePath(dataDir string) string { return filepath.Join(dataDir, "workspace.db") }

// ParseGlobal reads the global flags; what remains is the command.
func ParseGlobal(args []string) (Options, error) {
	fs := flag.NewFlagSet("hirebench", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	dataDir := fs.String("data-dir", "", "workspace folder")
	db := fs.String("db", "", "postgres:// URL of a shared workspace")
	if err := fs.Parse(args); err != nil {
		return Options{}, err
	}
	o := Options{DataDir: *dataDir, DB: *db, Command: fs.Args(), dbFrom: "--db"}
	// --db "" chooses the local workspace even when HIREBENCH_DB is set.
	dbGiven := false
	fs.Visit(func(f *flag.Flag) { dbGiven = dbGiven || f.Name == "db" })
	if !dbGiven {
		o.DB, o.dbFrom = os.Getenv(EnvDB), EnvDB
	}
	o.DB = strings.TrimSpace(o.DB) // a variable read from a file keeps its newline
	if err := o.checkDB(); err != nil {
		return Options{}, err
	}
	if o.DataDir == "" {
		o.DataDir = DefaultDataDir()
	}
	abs, err := filepath.Abs(o.DataDir)
	if err != nil {
		return o, fmt.Errorf("--data-dir %q: %w", o.DataDir, err)
	}
	o.DataDir = abs
	return o, nil
}

// Run executes a command and returns the process exit code.
func Run(ctx context.Context, o Options, version string, stdout, stderr io.Writer) int {
	fail := func(code int, format string, args ...any) int {
		// One line, even when the message quotes raw input (a flag name, a path).
		msg := strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(fmt.Sprintf(format, args...))
		fmt.Fprintln(stderr, "hirebench: "+msg)
		return code
	}
	// Ctrl-C or SIGTERM cancels the command, so a file being written is
	// removed, not left half-written; a second one stops it at once.
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	context.AfterFunc(ctx, func() { stop() })
	cmd := o.Command
	if len(cmd) == 0 {
		return fail(ExitUsage, "no command given (run 'hirebench help')")
	}
	switch cmd[0] {
	case "help", "-h", "--help":
		fmt.Fprintf(stdout, usage, DefaultDataDir())
		return ExitOK
	case "version":
		if len(cmd) > 1 {
			return fail(ExitUsage, "version takes no arguments")
		}
		fmt.Fprintf(stdout, "hirebench %s (schema %d)\n", version, storage.SchemaVersion())
		return ExitOK
	case "push", "pull":
		// Two workspaces at once, not the one store opened below (app/cli/push.go).
		return copyCommand(ctx, o, cmd[0], cmd[1:], stdout, fail)
	case "login", "logout":
		// They touch only the OS keyring, so the server need not be reachable (app/cli/login.go).
		if err := o.checkDB(); err != nil {
			return fail(ExitUsage, "%v", err)
		}
		var err error
		if cmd[0] == "login" {
			err = LoginCommand(o.DB, cmd[1:], os.Stdin, stdout)
		} else {
			err = LogoutCommand(o.DB, cmd[1:], stdout)
		}
		var ue usageError
		switch {
		case errors.As(err, &ue):
			return fail(ExitUsage, "%s: %v", cmd[0], err)
		case err != nil:
			return fail(ExitError, "%s: %s", cmd[0], Describe(err))
		}
		return ExitOK
	case "stats":
		return statsCommand(cmd[1:], stdout, fail)
	case "composite":
		return compositeCommand(cmd[1:], stdout, fail)
	case "fairness":
		if !wantsRole(cmd[1:]) { // --role reads the workspace: app/cli/fairness_role.go
			return fairnessCommand(cmd[1:], stdout, fail) // app/cli/fairness.go
		}
	case "validity":
		if !wantsRole(cmd[1:]) { // --role reads the workspace: app/cli/outcomes.go
			return validityCommand(cmd[1:], stdout, fail) // app/cli/validity.go
		}
	case "rubric":
		if len(cmd) > 1 && cmd[1] == "validate" {
			return rubricValidate(cmd[2:], stdout, stderr, fail)
		}
		if len(cmd) > 1 && cmd[1] == "export" && slices.Contains(cmd[2:], "--builtin") {
			return rubricExportBuiltin(cmd[2:], stdout, fail)
		}
	}
	known := commands()
	name := cmd[0]
	if len(cmd) > 1 && !strings.HasPrefix(cmd[1], "-") {
		name += " " + cmd[1]
	}
	if cmd[0] == "restore" {
		name = "restore" // what follows is a FILE, not a subcommand
	}
	if _, ok := known[name]; !ok {
		return fail(ExitUsage, "unknown command %q (run 'hirebench help')", strings.Join(cmd, " "))
	}
	args := cmd[len(strings.Fields(name)):]
	if err := o.checkDB(); err != nil {
		return fail(ExitUsage, "%v", err)
	}
	if o.refusedHere(name, args) {
		return fail(ExitError, "%s: %v", name, storage.ErrSQLiteOnly)
	}

	store, err := OpenStore(ctx, o)
	if err != nil {
		return fail(ExitError, "%s", Describe(err))
	}
	defer store.Close()
	c, err := newCommand(ctx, store, stdout, version)
	if err != nil {
		return fail(ExitError, "%s", Describe(err))
	}
	if err := known[name](c, args); err != nil {
		var ue usageError
		if errors.As(err, &ue) {
			return fail(ExitUsage, "%s: %v", name, err)
		}
		return fail(ExitError, "%s: %s", name, Describe(err))
	}
	return ExitOK
}

// commands maps each workspace command to its implementation.
func commands() map[string]func(*command, []string) error {
	return map[string]func(*command, []string) error{
		"demo":               (*command).demo,
		"roles list":         (*command).rolesList,
		"roles create":       (*command).rolesCreate,      // app/cli/pipeline.go
		"roles add-stage":    (*command).rolesAddStage,    // app/cli/pipeline.go
		"candidates reject":  (*command).candidatesReject, // app/cli/pipeline.go
		"rubric drafts":      (*command).rubricDrafts,     // app/cli/pipeline.go
		"candidates list":    (*command).candidatesList,
		"candidates add":     (*command).candidatesAdd,
		"rubric list":        (*command).rubricList,
		"rubric export":      (*command).rubricExport,
		"rubric import":      (*command).rubricImport,
		"import candidates":  (*command).importCandidates,
		"bundle export":      (*command).bundleExport,
		"bundle import":      (*command).bundleImport,
		"export xlsx":        func(c *command, a []string) error { return c.export("xlsx", a) },
		"debrief":            (*command).debrief,
		"weights list":       (*command).weightsList,
		"weights set":        (*command).weightsSet,
		"weights coverage":   (*command).coverage,
		"rounds assign":      (*command).roundsAssign,
		"profiles list":      (*command).profilesList,
		"init":               (*command).teamInit,  // app/cli/team.go
		"people add":         (*command).peopleAdd, // app/cli/team.go
		"profiles unprotect": (*command).profilesUnprotect,
		"profiles prefs":     (*command).profilesPrefs, // app/cli/prefs.go
		"backup":             (*command).backupSave,
		"backup snapshots":   (*command).backupSnapshots,
		"restore":            (*command).restore,
		"export csv":         func(c *command, a []string) error { return c.export("csv", a) },

		// Undo (app/cli/undo.go).
		"candidates undo-move": (*command).candidatesUndoMove,

		// Privacy (app/cli/privacy.go).
		"candidates erase":     (*command).candidatesErase,
		"candidates retention": (*command).candidatesRetention,
		"export subject":       (*command).exportSubject,
		"privacy audit":        (*command).privacyAudit,

		// Self-identification and the fairness report (app/cli/fairness_selfid.go, fairness_role.go).
		"candidates self-id": (*command).candidatesSelfID,
		"self-id categories": (*command).selfIDCategories,
		"fairness":           (*command).fairnessRole,

		// Outcomes after a hire and the Validity report (app/cli/outcomes.go).
		"candidates outcome": (*command).candidatesOutcome,
		"validity":           (*command).validityRole,

		// Calibration drills (app/cli/practice.go).
		"practice samples": (*command).practiceSamples,
		"practice score":   (*command).practiceScore,
		"practice status":  (*command).practiceStatus,

		// The structured, blind resume screen (app/cli/screen.go).
		"screen save":      (*command).screenSave,
		"screen revisions": (*command).screenRevisions,
		"screen agreement": (*command).screenAgreement,

		// A resume file's text (app/cli/resumetext.go).
		"candidates resume-text": (*command).candidatesResumeText,

		// AI assist (app/cli/ai.go).
		"ai screen": (*command).aiScreen,
		"ai usage":  (*command).aiUsage,
		"ai price":  (*command).aiPrice,
		"ai budget": (*command).aiBudget,
		"ai probe":  (*command).aiProbe, // app/cli/ai_probe.go

		// AI quality and a model per task (app/cli/ai_quality.go).
		"ai quality":  (*command).aiQuality,
		"ai settings": (*command).aiSettings,

		// The AI second rater (app/cli/ai_rate.go).
		"ai rate":      (*command).aiRate,
		"ai agreement": (*command).aiAgreement,

		// Streamed AI help (app/cli/ai_summary.go).
		"ai summary":   (*command).aiSummary,
		"ai followups": (*command).aiFollowUps,
	}
}

type usageError struct{ error }

// Describe turns an error into one line of user text.
func Describe(err error) string {
	var dup *model.DuplicateEmailError
	var ve *model.ValidationError
	switch {
	case errors.Is(err, context.Canceled):
		return "interrupted"
	case errors.Is(err, storage.ErrSQLiteOnly): // without storage's words for what it refused
		return storage.ErrSQLiteOnly.Error()
	case storage.RefusedByServer(err): // a grant or a policy of the shared workspace said no
		return "the shared workspace's server does not let this login do that; a recruiter can"
	case errors.As(err, &dup):
		return fmt.Sprintf("a candidate with email %s already exists (id %d, %s)", dup.Email, dup.ExistingID, dup.ExistingName)
	case errors.As(err, &ve):
		return ve.Error()
	case errors.Is(err, model.ErrConflict): // a refusal says why; the sentinel's word adds nothing
		return strings.TrimSuffix(err.Error(), ": "+model.ErrConflict.Error())
	default:
		return err.Error()
	}
}

type command struct {
	ctx     context.Context
	svc     *tracking.Service
	iv      *interviews.Service
	bundles *transfer.Service
	store   *storage.Store
	where   string // the workspace, in a sentence: its file, or the shared one
	out     io.Writer
	version string           // the app's, stamped into workbooks and bundles
	owner   scoring.Exporter // who exports: the data folder's owner, or a shared workspace's signed-in person
	actor   model.Profile    // who acts where the app asks for the recruiter (commandLine, or that person)
	by      model.Profile    // whom changes are recorded as (tracking.CommandLine, or that person)
}

// newCommand is a command's view of the open workspace, acting as whoever
// runs it: the data folder's owner, or on a shared workspace the person
// whose login this is (the command line then acts and exports as them).
func newCommand(ctx context.Context, store *storage.Store, out io.Writer, version string) (*command, error) {
	iv := interviews.New(store)
	if _, err := iv.EnsureBuiltin(ctx); err != nil {
		return nil, err
	}
	c := &command{ctx: ctx, svc: tracking.New(store), iv: iv, bundles: transfer.New(store), store: store,
		where: store.Path(), out: out, version: version, owner: owner, actor: commandLine, by: tracking.CommandLine}
	if store.Shared() {
		c.where = "the shared PostgreSQL workspace"
	}
	p, ok, err := store.SignedIn(ctx)
	if ok {
		c.owner, c.actor, c.by = scoring.ExporterOf(p), p, p
	}
	return c, err
}

// owner is who the command line exports as: whoever runs it owns the data
// folder and could read the database file directly (scoring.MayExport).
var owner = scoring.Exporter{Owner: true}

// commandLine acts for the owner where the app asks for the recruiter
// (weights of an interview plan); changes are recorded as "command line".
var commandLine = model.Profile{Name: tracking.CommandLine.Name, IsRecruiter: true}

func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		return usageError{err}
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Errorf("unexpected argument %q", fs.Arg(0))}
	}
	return nil
}

// multi collects a repeatable flag.
type multi []string

func (m *multi) String() string     { return strings.Join(*m, ",") }
func (m *multi) Set(v string) error { *m = append(*m, v); return nil }

func (c *command) demo(args []string) error {
	if err := parse(newFlags("demo"), args); err != nil {
		return err
	}
	seeded, err := demo.Seed(c.ctx, c.store)
	if err != nil {
		return err
	}
	if seeded {
		fmt.Fprintf(c.out, "demo workspace seeded in %s\n", c.where)
	} else {
		fmt.Fprintf(c.out, "workspace already has data; demo not seeded (%s)\n", c.where)
	}
	return nil
}

func (c *command) rolesList(args []string) error {
	fs := newFlags("roles list")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	roles, err := c.svc.Roles(c.ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(c.out, roles)
	}
	tw := tabwriter.NewWriter(c.out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tTITLE\tTEAM\tSTATUS\tCANDIDATES")
	for _, r := range roles {
		n := 0
		for _, s := range r.Stages {
			n += s.Count
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%d\n", r.ID, r.Title, r.Team, r.Status, n)
	}
	return tw.Flush()
}

func (c *command) candidatesList(args []string) error {
	fs := newFlags("candidates list")
	asJSON := fs.Bool("json", false, "print JSON")
	role := fs.String("role", "", "only candidates applied to this role (id or title)")
	query := fs.String("query", "", "full-text search")
	archived := fs.Bool("archived", false, "include archived candidates")
	if err := parse(fs, args); err != nil {
		return err
	}
	f := model.CandidateFilter{Query: *query, IncludeArchived: *archived, Sort: "name", Limit: 500}
	if *role != "" {
		r, err := c.svc.ResolveRole(c.ctx, *role)
		if err != nil {
			return err
		}
		f.RoleID = r.ID
	}
	var rows []model.CandidateRow
	for {
		page, err := c.svc.List(c.ctx, f)
		if err != nil {
			return err
		}
		rows = append(rows, page.Rows...)
		if len(page.Rows) == 0 || (!page.AtLeast && len(rows) >= page.Total) { // AtLeast: a search counted up to this page only
			break
		}
		f.Offset = len(rows)
	}
	if rows == nil {
		rows = []model.CandidateRow{}
	}
	if *asJSON {
		return writeJSON(c.out, rows)
	}
	tw := tabwriter.NewWriter(c.out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tEMAIL\tAPPLICATIONS")
	for _, r := range rows {
		apps := make([]string, len(r.Applications))
		for i, a := range r.Applications {
			apps[i] = a.RoleTitle + ": " + a.StageName
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\n", r.ID, r.Name, r.Email, strings.Join(apps, "; "))
	}
	return tw.Flush()
}

func (c *command) candidatesAdd(args []string) error {
	fs := newFlags("candidates add")
	var in model.CandidateInput
	var roles, tags multi
	fs.StringVar(&in.Name, "name", "", "full name (required)")
	fs.StringVar(&in.Email, "email", "", "email address")
	fs.StringVar(&in.Phone, "phone", "", "phone number")
	fs.StringVar(&in.Source, "source", "", "where the candidate came from")
	fs.Var(&roles, "role", "role id or title (repeatable)")
	fs.Var(&tags, "tag", "tag (repeatable)")
	asJSON := fs.Bool("json", false, "print the new candidate as JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	in.Tags = tags
	var ids []int64
	for _, ref := range roles {
		r, err := c.svc.ResolveRole(c.ctx, ref)
		if err != nil {
			return err
		}
		ids = append(ids, r.ID)
	}
	cand, err := c.svc.CreateCandidate(c.ctx, in, ids, c.by)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(c.out, cand)
	}
	fmt.Fprintf(c.out, "added candidate %d: %s\n", cand.ID, cand.Name)
	return nil
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
