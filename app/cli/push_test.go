// push and pull (team mode): the demo goes from a laptop to a shared
// workspace and back to another laptop, and all three show the same debrief.

package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hirebench/app/cli"
	"hirebench/storage"
	"hirebench/storage/pgtest"
)

func TestPushAndPullKeepTheDebrief(t *testing.T) {
	ctx := context.Background()
	laptop := demoWorkspace(t)
	server := &onDB{t: t, dir: t.TempDir(), url: pgtest.URL(t)}

	var out bytes.Buffer
	if err := cli.PushCommand(ctx, cli.Options{DataDir: laptop, DB: server.url}, nil, &out); err != nil {
		t.Fatalf("push: %v", err)
	}
	if got := out.String(); !strings.HasPrefix(got, "pushed the local workspace to the shared PostgreSQL workspace: 3 roles, 40 candidates, 126 scorecards (") ||
		strings.Count(got, "\n") != 1 || strings.Contains(got, server.url) {
		t.Errorf("push printed %q", got)
	}

	other := filepath.Join(t.TempDir(), "pulled") // a folder that does not exist yet
	out.Reset()
	if err := cli.PullCommand(ctx, cli.Options{DataDir: other, DB: server.url}, []string{"--json"}, &out); err != nil {
		t.Fatalf("pull: %v", err)
	}
	var pulled struct {
		Counts   map[string]int64 `json:"counts"`
		Verified int              `json:"verifiedScorecards"`
		Into     string           `json:"into"`
	}
	if err := json.Unmarshal(out.Bytes(), &pulled); err != nil {
		t.Fatalf("pull --json printed %q: %v", out.String(), err)
	}
	if pulled.Counts["candidates"] != 40 || pulled.Verified == 0 || pulled.Into != cli.DatabasePath(other) {
		t.Errorf("pull --json = %+v", pulled)
	}
	if names := dirNames(t, other); strings.Join(names, " ") != "workspace.db" {
		t.Errorf("the pulled folder holds %v; want only workspace.db", names)
	}

	var roles []struct {
		ID int64 `json:"id"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, laptop, "roles", "list", "--json")), &roles); err != nil || len(roles) != 3 {
		t.Fatalf("roles list: %v, %d roles", err, len(roles))
	}
	for _, r := range roles {
		role := []string{"debrief", "--role", jsonNumber(r.ID), "--json"}
		want := mustRun(t, laptop, role...)
		if got := server.mustRun(role...); got != want {
			t.Errorf("role %d: the server's debrief differs from the laptop's", r.ID)
		}
		if got := mustRun(t, other, role...); got != want {
			t.Errorf("role %d: the pulled debrief differs from the laptop's", r.ID)
		}
	}
}

func TestPushAndPullRefuseWorkspacesWithData(t *testing.T) {
	ctx := context.Background()
	laptop := demoWorkspace(t)
	url := pgtest.URL(t)
	var out bytes.Buffer
	if err := cli.PushCommand(ctx, cli.Options{DataDir: laptop, DB: url}, nil, &out); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if err := cli.PushCommand(ctx, cli.Options{DataDir: laptop, DB: url}, nil, &out); !errors.Is(err, storage.ErrNotEmpty) || out.Len() != 0 {
		t.Errorf("a second push: %v, printed %q; want ErrNotEmpty", err, out.String())
	}
	before, _ := os.ReadFile(cli.DatabasePath(laptop))
	if err := cli.PullCommand(ctx, cli.Options{DataDir: laptop, DB: url}, nil, &out); !errors.Is(err, storage.ErrNotEmpty) {
		t.Errorf("a pull into a folder with a workspace: %v; want ErrNotEmpty", err)
	}
	if after, _ := os.ReadFile(cli.DatabasePath(laptop)); !bytes.Equal(before, after) {
		t.Error("a refused pull changed the local workspace")
	}
	// Without --db there is nothing to push to or pull from.
	for _, f := range []func(context.Context, cli.Options, []string, io.Writer) error{cli.PushCommand, cli.PullCommand} {
		if err := f(ctx, cli.Options{DataDir: laptop}, nil, &out); err == nil || !strings.Contains(err.Error(), "--db") {
			t.Errorf("without --db: %v", err)
		}
	}
}

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func jsonNumber(n int64) string { b, _ := json.Marshal(n); return string(b) }
