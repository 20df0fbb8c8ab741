// Team mode's TLS default (issue 15, docs/TEAM.md): a URL naming a remote
// server and no sslmode connects with sslmode=verify-full. The driver's own
// default, prefer, falls back to plain text and checks no certificate, so a
// password and candidates' data could cross the network readable by anyone
// on the way, or go to a server pretending to be the company's.

package storage

import (
	"net"
	"net/url"
	"strings"
)

// tlsDefault is the sslmode a remote server gets when nothing names one.
const tlsDefault = "verify-full"

// withTLSDefault returns the connection URL raw with sslmode=verify-full
// added when nothing chose how to use TLS and at least one host it names is
// remote. A choice is the URL's sslmode or ssl, a service (a service file may
// hold one), or PGSSLMODE or PGSERVICE in env; local hosts are Unix socket
// folders, localhost and loopback addresses. The hosts are read as the driver
// (and libpq) reads them: the host list after any user:password@, else the
// host parameter, else PGHOST. What is not a postgres:// URL comes back
// unchanged, for the driver to read or refuse.
func withTLSDefault(raw string, env func(string) string) string {
	p, ok := strings.CutPrefix(raw, "postgresql://")
	if !ok {
		if p, ok = strings.CutPrefix(raw, "postgres://"); !ok {
			return raw
		}
	}
	// Like libpq, only a '/' ends the search for user:password@, so a
	// password may hold '?' or '@' unescaped.
	if i := strings.IndexAny(p, "@/"); i >= 0 && p[i] == '@' {
		p = p[i+1:]
	}
	netloc, query, hasQuery := p, "", false
	if i := strings.IndexAny(p, "/?"); i >= 0 {
		netloc = p[:i]
	}
	if i := strings.IndexByte(p, '?'); i >= 0 {
		query, hasQuery = p[i+1:], true
	}
	hosts := netlocHosts(netloc)
	for pair := range strings.SplitSeq(query, "&") {
		k, v, _ := strings.Cut(pair, "=")
		switch unescape(k) {
		case "sslmode", "ssl", "service":
			return raw
		case "host":
			hosts = strings.Split(unescape(v), ",")
		}
	}
	if env("PGSSLMODE") != "" || env("PGSERVICE") != "" {
		return raw
	}
	if len(hosts) == 0 {
		hosts = strings.Split(env("PGHOST"), ",")
	}
	if !anyRemote(hosts) {
		return raw
	}
	switch {
	case !hasQuery:
		return raw + "?sslmode=" + tlsDefault
	case query == "" || strings.HasSuffix(query, "&"): // an empty pair is one the driver refuses
		return raw + "sslmode=" + tlsDefault
	}
	return raw + "&sslmode=" + tlsDefault
}

// netlocHosts are the hosts of host1[:port1],host2[:port2],…; none when the
// URL names none ("postgres:///db": the driver's default, a local socket).
func netlocHosts(netloc string) []string {
	if netloc == "" {
		return nil
	}
	var hosts []string
	for part := range strings.SplitSeq(netloc, ",") {
		if rest, ok := strings.CutPrefix(part, "["); ok { // [IPv6]:port
			h, _, _ := strings.Cut(rest, "]")
			hosts = append(hosts, h)
			continue
		}
		h, _, _ := strings.Cut(part, ":")
		hosts = append(hosts, unescape(h))
	}
	return hosts
}

// anyRemote tells whether one of hosts is reached over a network. An empty
// host is the driver's default, a local socket or localhost.
func anyRemote(hosts []string) bool {
	for _, h := range hosts {
		h = strings.TrimSpace(h)
		ip := net.ParseIP(h)
		local := h == "" || strings.HasPrefix(h, "/") || strings.EqualFold(h, "localhost") || (ip != nil && ip.IsLoopback())
		if !local {
			return true
		}
	}
	return false
}

// unescape percent-decodes s as libpq does ('+' stays a plus); what does
// not decode stays as written.
func unescape(s string) string {
	if u, err := url.PathUnescape(s); err == nil {
		return u
	}
	return s
}
