// Tests the page that carries the window's opening answer: the first screen's
// data arrives inside index.html, intact and unable to break out of its script.

package app

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"hirebench/app/model"
	"hirebench/app/tracking"
)

const testPage = `<!doctype html><html><head><title>hirebench</title></head><body><div id="app"></div></body></html>`

// serve asks the page (or another path) through OpeningPage in front of a
// handler that serves testPage at / and 404 elsewhere.
func serve(t *testing.T, ws *Workspace, path string, header ...string) (*httptest.ResponseRecorder, string) {
	t.Helper()
	assets := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/", "/index.html":
			// Like a dev server: the page has a validator and a conditional
			// request that matches it gets no body.
			if r.Header.Get("If-None-Match") == `"v1"` {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", `"v1"`)
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(testPage))
		case "/bare.html":
			w.Write([]byte("<p>no head here</p>"))
		default:
			http.NotFound(w, r)
		}
	})
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	OpeningPage(ws)(assets).ServeHTTP(rec, req)
	return rec, rec.Body.String()
}

// pageOpening reads the opening answer back out of a page as the browser would.
func pageOpening(t *testing.T, page string) model.Opening {
	t.Helper()
	const open = "<script>window.__hirebenchOpening="
	at := strings.Index(page, open)
	if at < 0 || strings.Count(page, open) != 1 {
		t.Fatalf("the page does not carry one opening answer:\n%s", page)
	}
	rest := page[at+len(open):]
	end := strings.Index(rest, "</script>")
	if end < 0 || !strings.HasPrefix(rest[end:], "</script></head>") {
		t.Fatalf("the answer's script does not end right before </head>:\n%s", page)
	}
	var o model.Opening
	if err := json.Unmarshal([]byte(rest[:end]), &o); err != nil {
		t.Fatalf("the answer in the page is not JSON: %v", err)
	}
	return o
}

func TestThePageCarriesTheFirstBoard(t *testing.T) {
	d := newDesk(t)
	// A name that would end the script early if written as it is.
	evil := `Eve </script><script>alert(1)</script> <!--`
	if _, err := d.ws.svc.CreateCandidate(context.Background(), model.CandidateInput{Name: evil}, []int64{d.roleID}, d.riley); err != nil {
		t.Fatal(err)
	}
	rec, page := serve(t, d.ws, "/")
	if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != "text/html; charset=utf-8" {
		t.Fatalf("status %d, type %q", rec.Code, rec.Header().Get("Content-Type"))
	}
	if strings.Contains(page, "<script>alert(1)") || strings.Contains(page, "<!--") {
		t.Fatalf("a candidate's name broke out of the script:\n%s", page)
	}
	o := pageOpening(t, page)
	if o.Profile == nil || o.Profile.ID != d.riley.ID || o.Board == nil || o.Board.Role.ID != d.roleID {
		t.Fatalf("opening %+v; want Riley on the AI Engineer board", o)
	}
	var names []string
	for _, c := range o.Board.Columns {
		for _, k := range c.Cards {
			names = append(names, k.Name)
		}
	}
	if !strings.Contains(strings.Join(names, "|"), evil) {
		t.Fatalf("the board in the page lost the name as typed: %q", names)
	}
	if !strings.HasSuffix(page, `<div id="app"></div></body></html>`) {
		t.Fatalf("the rest of the page changed:\n%s", page)
	}
}

func TestOtherFilesPassThrough(t *testing.T) {
	d := newDesk(t)
	if rec, body := serve(t, d.ws, "/assets/index.js"); rec.Code != http.StatusNotFound || strings.Contains(body, "__hirebenchOpening") {
		t.Fatalf("another path: %d %q", rec.Code, body)
	}
	if _, body := serve(t, d.ws, "/bare.html"); body != "<p>no head here</p>" {
		t.Fatalf("a page without a head changed: %q", body)
	}
}

func TestALockedWindowsPageShowsNoRoles(t *testing.T) {
	d := newDesk(t)
	if _, err := d.ws.SetPassphrase("", "blue heron at dawn"); err != nil {
		t.Fatal(err)
	}
	// A new window: nobody unlocked Riley in it.
	fresh := NewWorkspace(tracking.New(d.ws.store), d.ws.store, d.dataDir, d.shell)
	_, page := serve(t, fresh, "/index.html")
	o := pageOpening(t, page)
	if o.LockedID != d.riley.ID || o.Profile != nil || len(o.Roles) != 0 || o.Board != nil {
		t.Fatalf("a locked window's page carries %+v", o)
	}
	if strings.Contains(page, "AI Engineer") || strings.Contains(page, "Ada Lovelace") {
		t.Fatal("a locked window's page names a role or a candidate")
	}
	if _, err := fresh.actor(); err == nil {
		t.Fatal("serving the page of a locked window signed someone in")
	}
}

// A reload after a restore (or a switch of profile) must carry the answer
// as it is now: a cached page would say who was signed in when it was
// first loaded.
func TestThePageIsNeverServedFromACache(t *testing.T) {
	d := newDesk(t)
	rec, page := serve(t, d.ws, "/", "If-None-Match", `"v1"`)
	if rec.Code != http.StatusOK {
		t.Fatalf("a conditional reload got %d; want the page with today's answer", rec.Code)
	}
	if o := pageOpening(t, page); o.Profile == nil || o.Profile.ID != d.riley.ID {
		t.Fatalf("the reloaded page carries %+v", o)
	}
	if got := rec.Header().Get("Cache-Control"); got != "no-store" {
		t.Fatalf("Cache-Control %q; want no-store", got)
	}
	if rec.Header().Get("ETag") != "" {
		t.Fatal("the page still has a validator a browser could revalidate against")
	}
}
