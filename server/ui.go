package server

import (
	"embed"
	"io/fs"
	"net/http"
	"path"
	"strings"
)

// The review page: plain HTML, CSS and JavaScript, embedded in the binary
// (no build step, nothing fetched from elsewhere, so it works offline).
// See README.md, "Review page", and the comment at the top of ui/app.js.
//
//go:embed ui/index.html ui/app.js ui/style.css
var uiFiles embed.FS

// uiCSP is the Content-Security-Policy of the page and its files: only
// the server's own scripts, styles and API. The page never inserts the
// reviewed page's text as HTML (see app.js); the policy is a second line
// of defence should that ever break.
const uiCSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'"

// handleUI serves the review page at / and its files at /ui/NAME.
func (s *Server) handleUI(w http.ResponseWriter, r *http.Request) {
	name := "index.html"
	if r.URL.Path != "/" {
		name = strings.TrimPrefix(r.URL.Path, "/ui/")
	}
	if name != path.Base(name) { // only the flat files embedded above
		s.writeError(w, r, errorf(http.StatusNotFound, codeNotFound, "no endpoint %s", r.URL.Path))
		return
	}
	b, err := fs.ReadFile(uiFiles, "ui/"+name)
	if err != nil {
		s.writeError(w, r, errorf(http.StatusNotFound, codeNotFound, "no endpoint %s", r.URL.Path))
		return
	}
	h := w.Header()
	switch path.Ext(name) {
	case ".html":
		h.Set("Content-Type", "text/html; charset=utf-8")
	case ".js":
		h.Set("Content-Type", "text/javascript; charset=utf-8")
	case ".css":
		h.Set("Content-Type", "text/css; charset=utf-8")
	}
	h.Set("Content-Security-Policy", uiCSP)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	// The files change only with the binary; revalidating is cheap and
	// avoids a stale app.js after an upgrade.
	h.Set("Cache-Control", "no-cache")
	w.Write(b)
}
