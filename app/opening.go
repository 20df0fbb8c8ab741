package app

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http"

	"hirebench/app/model"
)

// Opening is what the window shows first (profiles, who resumes, roles and
// the first board) in one answer. The page normally finds it inside itself
// (OpeningPage); this call is for a page served without it.
func (w *Workspace) Opening() (model.Opening, error) {
	o, err := w.svc.Opening(context.Background(), w.unlockedID())
	if err == nil && o.Profile != nil {
		w.setActor(*o.Profile)
	}
	return result(o, err)
}

// openingGlobal is where the page's script finds the opening answer.
const openingGlobal = "__hirebenchOpening"

// OpeningPage serves the app's page with Workspace.Opening's answer inside
// it, so the first screen paints without a round trip to Go: each call
// through the webview costs tens of milliseconds, and the first screen
// needed three in a row. Any other request, or a page the answer cannot be
// put into, passes through unchanged; the page then asks for it. The page
// is never cached: a reload must not show the answer of an earlier load
// (a dev server answers a conditional request with 304, and the browser
// would reuse a page that says nobody is signed in).
func OpeningPage(ws *Workspace) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Method != http.MethodGet || (r.URL.Path != "/" && r.URL.Path != "/index.html") {
				next.ServeHTTP(w, r)
				return
			}
			fresh := r.Clone(r.Context())
			for _, h := range []string{"If-None-Match", "If-Modified-Since", "If-Match", "If-Unmodified-Since", "If-Range"} {
				fresh.Header.Del(h)
			}
			page := &pageRecorder{header: http.Header{}, code: http.StatusOK}
			next.ServeHTTP(page, fresh)
			body := page.body.Bytes()
			if page.code == http.StatusOK {
				body = withOpening(ws, body)
				for _, h := range []string{"Content-Length", "ETag", "Last-Modified"} {
					page.header.Del(h)
				}
				page.header.Set("Cache-Control", "no-store")
			}
			for k, v := range page.header {
				w.Header()[k] = v
			}
			w.WriteHeader(page.code)
			w.Write(body)
		})
	}
}

// withOpening puts the opening answer into page as a script before
// </head>. encoding/json escapes <, > and &, so no text in the answer (a
// candidate named "</script>") can end the script early.
func withOpening(ws *Workspace, page []byte) []byte {
	at := bytes.Index(page, []byte("</head>"))
	if at < 0 {
		return page
	}
	o, err := ws.Opening()
	if err != nil {
		// The page asks again and shows the error where it can.
		slog.Warn("opening answer not put into the page", "err", err)
		return page
	}
	data, err := json.Marshal(o)
	if err != nil {
		return page
	}
	var out bytes.Buffer
	out.Grow(len(page) + len(data) + 64)
	out.Write(page[:at])
	out.WriteString("<script>window." + openingGlobal + "=")
	out.Write(data)
	out.WriteString("</script>")
	out.Write(page[at:])
	return out.Bytes()
}

// pageRecorder keeps a response in memory so it can be changed.
type pageRecorder struct {
	header http.Header
	code   int
	body   bytes.Buffer
}

func (p *pageRecorder) Header() http.Header         { return p.header }
func (p *pageRecorder) WriteHeader(code int)        { p.code = code }
func (p *pageRecorder) Write(b []byte) (int, error) { return p.body.Write(b) }
