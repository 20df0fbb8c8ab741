// hirebench is an offline desktop hiring workbench. With no command it opens
// the window; with a command (see `hirebench help`) it runs headless.
package main

import (
	"context"
	"embed"
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/logger"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"

	"hirebench/app"
	"hirebench/app/assist"
	"hirebench/app/backup"
	"hirebench/app/cli"
	"hirebench/app/interviews"
	"hirebench/app/platform"
	"hirebench/app/privacy"
	"hirebench/app/privacy/logfile"
	"hirebench/app/tracking"
	"hirebench/app/transfer"
	"hirebench/storage"
)

//go:embed all:frontend/dist
var assets embed.FS

var generatingBindings = false

func main() {
	opts, err := cli.ParseGlobal(os.Args[1:])
	if err != nil || len(opts.Command) > 0 {
		platform.AttachConsole() // Windows: print to the terminal the command was typed in
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "hirebench: %v (run 'hirebench help')\n", err)
		os.Exit(cli.ExitUsage)
	}
	if len(opts.Command) > 0 {
		os.Exit(cli.Run(context.Background(), opts, app.Version, os.Stdout, os.Stderr))
	}
	if err := runWindow(opts); err != nil {
		fmt.Fprintf(os.Stderr, "hirebench: %v\n", err)
		os.Exit(cli.ExitError)
	}
}

// runWindow opens the workspace the options name (the local file, or a
// shared one on PostgreSQL: cli.OpenStore) and shows it in the window.
func runWindow(opts cli.Options) error {
	if generatingBindings {
		tmp, err := os.MkdirTemp("", "hirebench-bindings-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		opts.DataDir, opts.DB = tmp, ""
	}
	dataDir := opts.DataDir
	store, err := cli.OpenStore(context.Background(), opts)
	if err != nil {
		return err
	}
	defer store.Close()
	svc := tracking.New(store)
	iv := interviews.New(store)
	if _, err := iv.EnsureBuiltin(context.Background()); err != nil {
		return err
	}
	rt := &app.Runtime{}
	live, stopLive := context.WithCancel(context.Background())
	defer stopLive()               // runs before the earlier-deferred store.Close
	app.StartLive(live, store, rt) // PostgreSQL only: on SQLite it ends at once
	ws := app.NewWorkspace(svc, store, dataDir, rt)
	// One backup service: it takes the snapshots (one a few seconds after the
	// window opens, then hourly while the workspace changed), and erasure
	// holds them off. Deferred calls run last first: stop, close, then the store.
	// A shared workspace on PostgreSQL has no file to copy: its server keeps
	// the backups, and a snapshot would only fail every hour.
	backups := backup.New(store)
	defer backups.Close()
	snapshots, stop := context.WithCancel(context.Background())
	defer stop()
	if !opts.Shared() {
		go backups.Auto(snapshots, 5*time.Second, time.Hour)
	}
	if closeLog, err := logfile.Install(dataDir, os.Stderr, slog.LevelInfo); err == nil {
		defer closeLog()
	}
	slog.Info("workspace opened", "schema", storage.SchemaVersion(), "shared", opts.Shared())

	return wails.Run(&options.App{
		Title:     "hirebench",
		Width:     1280,
		Height:    800,
		MinWidth:  900,
		MinHeight: 600,
		AssetServer: &assetserver.Options{
			Assets: assets,
			// The page carries the first screen's data: no call to Go before it paints.
			Middleware: app.OpeningPage(ws),
		},
		BackgroundColour: &options.RGBA{R: 248, G: 249, B: 251, A: 255},
		OnStartup:        rt.Startup,
		OnBeforeClose:    rt.BeforeClose,
		Bind: []any{
			ws,
			app.NewRoles(svc, ws),
			app.NewCandidates(svc, ws, rt),
			app.NewInterviews(iv, ws, rt),
			app.NewExports(iv, ws, rt),
			app.NewTransfer(svc, transfer.New(store), ws, rt),
			app.NewBackups(backups, iv, ws, rt),
			app.NewPrivacy(privacy.New(store).WithBackups(backups), ws, rt),
			// AI help: off until a recruiter switches it on; the key from
			// OPENAI_API_KEY, the OS keyring or, without one, memory.
			app.NewAI(assist.NewDesk(store, iv, assist.NewKeyStore(os.Getenv)), ws, rt),
		},
		// Dragging a file onto the window must not navigate away from the app.
		DragAndDrop:        &options.DragAndDrop{DisableWebViewDrop: true},
		LogLevel:           logger.WARNING,
		LogLevelProduction: logger.ERROR,
		Linux: &linux.Options{
			ProgramName:         "hirebench",
			WebviewGpuPolicy:    linux.WebviewGpuPolicyNever,
			WindowIsTranslucent: false,
		},
	})
}
