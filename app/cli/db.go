// Which workspace a run opens (team mode, issue 15): the PostgreSQL database
// that --db or HIREBENCH_DB names, else the SQLite file in the data folder.
// The window (main.go) and every command open it through OpenStore.

package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"hirebench/app/dbsecret"
	"hirebench/storage"
)

// EnvDB names the shared workspace when --db is not given.
const EnvDB = "HIREBENCH_DB"

// Shared tells whether the options name a shared workspace on PostgreSQL.
// OpenStore refuses a --db that names anything else, so this is what a
// store it opened is.
func (o Options) Shared() bool { return o.DB != "" }

// String shows the options without the URL, so printing them (%v, %+v, %#v:
// a log line, a test's failure) never shows a password.
func (o Options) String() string {
	db := "the local workspace"
	if o.Shared() {
		db = "a PostgreSQL URL"
	}
	return fmt.Sprintf("{DataDir:%s DB:%s Command:%q}", o.DataDir, db, o.Command)
}

// GoString is String, for %#v.
func (o Options) GoString() string { return o.String() }

// OpenStore opens the workspace o names. Its errors never repeat the URL,
// which may hold a password.
func OpenStore(ctx context.Context, o Options) (*storage.Store, error) {
	if err := o.checkDB(); err != nil {
		return nil, err
	}
	if o.Shared() {
		url, err := dbsecret.Fill(o.DB) // with the keyring's password: never print or log url
		if err != nil {
			return nil, err
		}
		return storage.OpenPostgres(ctx, url)
	}
	return storage.Open(DatabasePath(o.DataDir))
}

// checkDB refuses a --db that is not a PostgreSQL URL, naming where it came
// from and not what it says.
func (o Options) checkDB() error {
	if o.DB == "" || strings.HasPrefix(o.DB, "postgres://") || strings.HasPrefix(o.DB, "postgresql://") {
		return nil
	}
	from := o.dbFrom
	if from == "" {
		from = "--db"
	}
	return errors.New(from + ": only postgres:// URLs are supported; leave it out for the local workspace")
}

// localOnly are the commands that need the workspace to be a file on this
// computer (copies of it, snapshots beside it); on PostgreSQL they are
// refused before anything is opened. The function tells whether these
// arguments ask for that part. `export subject` and erasure are not: they
// work on both engines (db_test.go; on a shared workspace the owner's login
// erases, storage.ErrOwnerErases).
var localOnly = map[string]func(args []string) bool{
	"backup":           always,
	"backup snapshots": always,
	"restore":          always,
}

func always([]string) bool { return true }

// refusedHere tells whether command name with args needs a local workspace
// that o does not name.
func (o Options) refusedHere(name string, args []string) bool {
	needs, ok := localOnly[name]
	return ok && o.Shared() && needs(args)
}
