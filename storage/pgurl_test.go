// Tests the TLS default for team mode: which URLs get sslmode=verify-full,
// that the driver reads what comes out as meant, and what a failure to open
// says (TLS against a fake server: pgtest's listens on a Unix socket, where
// the driver uses no TLS), never repeating the URL.

package storage

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"io"
	"math/big"
	"net"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"hirebench/storage/pgtest"
)

func TestPGURLTLSDefault(t *testing.T) {
	cases := []struct {
		name, in, want string
		env            map[string]string
	}{
		{name: "remote host, no query", in: "postgres://ann:secret@db.example.com:5432/hiring",
			want: "postgres://ann:secret@db.example.com:5432/hiring?sslmode=verify-full"},
		{name: "postgresql scheme, other parameters", in: "postgresql://db.example.com/hiring?application_name=hb",
			want: "postgresql://db.example.com/hiring?application_name=hb&sslmode=verify-full"},
		{name: "remote address", in: "postgres://10.1.2.3/hiring", want: "postgres://10.1.2.3/hiring?sslmode=verify-full"},
		{name: "no database", in: "postgres://db.example.com", want: "postgres://db.example.com?sslmode=verify-full"},
		{name: "empty query", in: "postgres://db.example.com/hiring?", want: "postgres://db.example.com/hiring?sslmode=verify-full"},
		{name: "query ending in &", in: "postgres://db.example.com/hiring?connect_timeout=10&",
			want: "postgres://db.example.com/hiring?connect_timeout=10&sslmode=verify-full"},
		{name: "password holding ? and an escaped @", in: "postgres://ann:p%40ss?w0rd@db.example.com/hiring",
			want: "postgres://ann:p%40ss?w0rd@db.example.com/hiring?sslmode=verify-full"},
		{name: "one remote host of two", in: "postgres://localhost,db2.example.com:5433/hiring",
			want: "postgres://localhost,db2.example.com:5433/hiring?sslmode=verify-full"},
		{name: "host parameter", in: "postgres:///hiring?host=db.example.com",
			want: "postgres:///hiring?host=db.example.com&sslmode=verify-full"},
		{name: "PGHOST", in: "postgres:///hiring", env: map[string]string{"PGHOST": "db.example.com"},
			want: "postgres:///hiring?sslmode=verify-full"},

		// An explicit choice is respected.
		{name: "sslmode=require", in: "postgres://db.example.com/hiring?sslmode=require", want: "postgres://db.example.com/hiring?sslmode=require"},
		{name: "sslmode=disable", in: "postgres://db.example.com/hiring?sslmode=disable", want: "postgres://db.example.com/hiring?sslmode=disable"},
		{name: "ssl=true", in: "postgres://db.example.com/hiring?ssl=true", want: "postgres://db.example.com/hiring?ssl=true"},
		{name: "a service", in: "postgres://db.example.com/hiring?service=team", want: "postgres://db.example.com/hiring?service=team"},
		{name: "PGSSLMODE", in: "postgres://db.example.com/hiring", env: map[string]string{"PGSSLMODE": "prefer"},
			want: "postgres://db.example.com/hiring"},
		{name: "PGSERVICE", in: "postgres://db.example.com/hiring", env: map[string]string{"PGSERVICE": "team"},
			want: "postgres://db.example.com/hiring"},

		// Local servers keep the driver's default.
		{name: "localhost", in: "postgres://localhost/hiring", want: "postgres://localhost/hiring"},
		{name: "LOCALHOST", in: "postgres://LOCALHOST:5433/hiring", want: "postgres://LOCALHOST:5433/hiring"},
		{name: "127.0.0.1", in: "postgres://ann@127.0.0.1:5433/hiring", want: "postgres://ann@127.0.0.1:5433/hiring"},
		{name: "::1", in: "postgres://[::1]:5432/hiring", want: "postgres://[::1]:5432/hiring"},
		{name: "no host", in: "postgres:///hiring", want: "postgres:///hiring"},
		{name: "socket parameter", in: "postgres:///hiring?host=/var/run/postgresql", want: "postgres:///hiring?host=/var/run/postgresql"},
		{name: "escaped socket folder", in: "postgres://%2Fvar%2Frun%2Fpostgresql/hiring", want: "postgres://%2Fvar%2Frun%2Fpostgresql/hiring"},
		{name: "socket PGHOST", in: "postgres:///hiring", env: map[string]string{"PGHOST": "/tmp"}, want: "postgres:///hiring"},

		// Not a URL: left to the driver.
		{name: "keyword/value", in: "host=db.example.com dbname=hiring", want: "host=db.example.com dbname=hiring"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := withTLSDefault(c.in, func(k string) string { return c.env[k] })
			if got != c.want {
				t.Errorf("withTLSDefault(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

// TestPGURLDriverReadsTheDefault checks that the driver reads an amended
// URL as verify-full to the URL's own host, with no plain-text fallback,
// and the rest of the URL as written.
func TestPGURLDriverReadsTheDefault(t *testing.T) {
	noEnv := func(string) string { return "" }
	for _, in := range []string{
		"postgres://ann:p%40ss?w0rd@db.example.com:5433/hiring",
		"postgres://ann@db.example.com/hiring?connect_timeout=10&",
		"postgres:///hiring?host=db.example.com&user=ann",
	} {
		cfg, err := pgx.ParseConfig(withTLSDefault(in, noEnv))
		if err != nil {
			t.Fatalf("%q: %v", in, err)
		}
		if cfg.TLSConfig == nil || cfg.TLSConfig.ServerName != "db.example.com" || cfg.TLSConfig.InsecureSkipVerify {
			t.Errorf("%q: TLS %+v, want the certificate checked for db.example.com", in, cfg.TLSConfig)
		}
		for _, f := range cfg.Fallbacks {
			if f.TLSConfig == nil {
				t.Errorf("%q: falls back to plain text", in)
			}
		}
		if cfg.Host != "db.example.com" || cfg.User != "ann" || cfg.Database != "hiring" {
			t.Errorf("%q: host %q user %q database %q", in, cfg.Host, cfg.User, cfg.Database)
		}
	}
	cfg, err := pgx.ParseConfig(withTLSDefault("postgres://ann:p%40ss?w0rd@db.example.com:5433/hiring", noEnv))
	if err != nil || cfg.Password != "p@ss?w0rd" || cfg.Port != 5433 {
		t.Errorf("password and port not kept: %v", err)
	}
}

// TestPGURLTLSFailures connects with verify-full to a server that offers
// no TLS, and to one whose certificate nobody vouches for: each error says
// which, and repeats nothing of the URL.
func TestPGURLTLSFailures(t *testing.T) {
	const hint = " (a remote server is checked with sslmode=verify-full unless the URL names another sslmode; see docs/TEAM.md)"
	for _, c := range []struct {
		name   string
		server func(net.Conn)
		want   string
	}{
		{"no TLS", func(c net.Conn) { c.Write([]byte("N")) },
			"storage: open the PostgreSQL workspace: the server does not offer TLS" + hint},
		{"unknown certificate", func(c net.Conn) {
			c.Write([]byte("S"))
			tls.Server(c, &tls.Config{Certificates: []tls.Certificate{selfSigned(t)}}).Handshake()
		}, "storage: open the PostgreSQL workspace: the server's TLS certificate could not be verified" + hint},
	} {
		t.Run(c.name, func(t *testing.T) {
			port := fakeServer(t, c.server)
			raw := "postgres://priya:s3cret-word@127.0.0.1:" + port + "/hiring_db?sslmode=verify-full&connect_timeout=5"
			s, err := OpenPostgres(context.Background(), raw)
			if err == nil {
				s.Close()
				t.Fatal("opened")
			}
			if err.Error() != c.want {
				t.Errorf("error %q,\nwant %q", err, c.want)
			}
			for _, secret := range []string{"s3cret-word", "priya", "hiring_db"} {
				if strings.Contains(err.Error(), secret) {
					t.Errorf("error %q repeats %q from the URL", err, secret)
				}
			}
		})
	}
}

// fakeServer listens on a free local port; each connection's first packet
// (the driver's SSLRequest) is read, then answer speaks.
func fakeServer(t *testing.T, answer func(net.Conn)) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				c.SetDeadline(time.Now().Add(10 * time.Second))
				if _, err := io.ReadFull(c, make([]byte, 8)); err == nil {
					answer(c)
				}
			}()
		}
	}()
	_, port, _ := net.SplitHostPort(l.Addr().String())
	return port
}

// selfSigned is a certificate for 127.0.0.1 that no authority signed.
func selfSigned(t *testing.T) tls.Certificate {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "127.0.0.1"},
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)},
		NotBefore:   time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}
}

// TestPGURLUnreadableRootCert: the driver reads sslrootcert while it reads
// the URL; a file it cannot read is said so, without the URL.
func TestPGURLUnreadableRootCert(t *testing.T) {
	raw := "postgres://priya:s3cret-word@db.example.com/hiring_db?sslrootcert=" + t.TempDir() + "/no-such-ca.pem"
	_, err := OpenPostgres(context.Background(), raw)
	const want = "storage: open the PostgreSQL workspace: the URL is not valid, or a file it names (such as sslrootcert) cannot be read"
	if err == nil || err.Error() != want {
		t.Errorf("error %v, want %q", err, want)
	}
}

// TestPGURLNoSuchDatabase: the server's refusal is said in words, without
// the database's name.
func TestPGURLNoSuchDatabase(t *testing.T) {
	u, err := url.Parse(pgtest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/hiring_nobody_made"
	_, err = OpenPostgres(context.Background(), u.String())
	const want = "storage: open the PostgreSQL workspace: the server refused: no such database (SQLSTATE 3D000)"
	if err == nil || err.Error() != want {
		t.Errorf("error %v, want %q", err, want)
	}
}
