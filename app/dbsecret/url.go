// A password is kept under the account the driver itself reads from a URL
// (pgconn.ParseConfig), not under a second reading of our own: the two would
// drift, and a password could then go to a login or a server other than the
// one it was saved for.

package dbsecret

import (
	"net/netip"
	"slices"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
)

// URLError is a URL this package cannot use. Its text never quotes the URL,
// which may hold a password, nor any part of it.
type URLError struct{ Reason string }

func (e *URLError) Error() string { return "the database URL " + e.Reason }

// parse is the driver's reading of raw, with everything it merges in:
// PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD, a service file, .pgpass and
// its own defaults. Only URLs are taken: a keyword/value string is a second
// syntax for people to get wrong, and --db documents URLs.
func parse(raw string) (*pgconn.Config, error) {
	if !strings.HasPrefix(raw, "postgres://") && !strings.HasPrefix(raw, "postgresql://") {
		return nil, &URLError{"does not start with postgres:// or postgresql://"}
	}
	cfg, err := pgconn.ParseConfig(raw)
	if err != nil {
		// The driver's error may quote the URL, password and all, however
		// hard it tries to mask it: only our own words leave this package.
		return nil, &URLError{"cannot be read by the PostgreSQL driver: in the login or password write " +
			"'%' as %25, '@' as %40, '/' as %2F, ':' as %3A and a space as %20; a port is a number " +
			"from 1 to 65535; a service or certificate file it names must exist"}
	}
	return cfg, nil
}

// Account is the name a password is kept under: login@host:port/database as
// the driver will connect, whichever of the URL, the environment (PGUSER,
// PGHOST…), a service file or the driver's defaults supplied each part. The
// password goes back only to that same login on that same server, so a part
// the URL leaves out is named, not refused. The URL's own password is never
// part of it. Several hosts are listed as host:port,… in the order they are
// tried; the database defaults to the login, as on the server. A host name
// is lower-cased and an IP address written in its usual form (IPv6 in
// brackets), since each names the same server however it is typed; a Unix
// socket folder is spelled as given.
func Account(raw string) (string, error) {
	cfg, err := parse(raw)
	if err != nil {
		return "", err
	}
	return account(cfg)
}

func account(cfg *pgconn.Config) (string, error) {
	if cfg.User == "" { // the system's user name could not be looked up
		return "", &URLError{"names no login: write it as postgres://LOGIN@host/database or set PGUSER"}
	}
	db := cfg.Database
	if db == "" {
		db = cfg.User
	}
	return cfg.User + "@" + strings.Join(servers(cfg), ",") + "/" + db, nil
}

// servers are the hosts the driver tries, in order, each once: it lists a
// host twice when it tries TLS and then plain (sslmode=prefer, the default).
func servers(cfg *pgconn.Config) []string {
	list := []string{server(cfg.Host, cfg.Port)}
	for _, f := range cfg.Fallbacks {
		if s := server(f.Host, f.Port); !slices.Contains(list, s) {
			list = append(list, s)
		}
	}
	return list
}

func server(host string, port uint16) string {
	p := strconv.Itoa(int(port))
	if strings.HasPrefix(host, "/") {
		return host + ":" + p
	}
	if a, err := netip.ParseAddr(host); err == nil {
		if a.Is6() {
			return "[" + a.String() + "]:" + p
		}
		return a.String() + ":" + p
	}
	return strings.ToLower(host) + ":" + p
}
