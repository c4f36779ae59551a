package server

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/winnowlabs/winnow"
	"github.com/winnowlabs/winnow/extract"
)

// cleanRequest is the JSON form of a /v1/clean body: exactly one of HTML
// and Text.
type cleanRequest struct {
	HTML *string `json:"html"`
	Text *string `json:"text"`
	URL  string  `json:"url"`
}

// cleanResponse is the JSON answer of /v1/clean: the result of
// winnow.CleanBytes plus the model version and timings.
type cleanResponse struct {
	*winnow.Result
	ModelVersion int64   `json:"model_version"`
	Timings      timings `json:"timings"`
}

// featuredResponse is the answer of /v1/clean?features=1: its blocks
// carry the structural features the model scored them with, which a
// client sends back with its corrections to /v1/train (so that they teach
// the tokens the model sees on this page, not text-mode ones).
type featuredResponse struct {
	cleanResponse
	Blocks []featuredBlock `json:"blocks"` // shadows Result.Blocks
}

type featuredBlock struct {
	winnow.Block
	Features []string `json:"features"`
}

// timings are in milliseconds.
type timings struct {
	ReadMS  float64 `json:"read_ms"`  // reading (and for JSON, decoding) the body
	CleanMS float64 `json:"clean_ms"` // both stages
	TotalMS float64 `json:"total_ms"` // in the handler
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// handleClean is POST /v1/clean: the body is the page itself (HTML or
// text, gzip or not) or a JSON object {"html"|"text", "url"}.
func (s *Server) handleClean(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	q := r.URL.Query()
	format := q.Get("format")
	switch format {
	case "":
		format = "json"
	case "json", "text", "markdown":
	default:
		s.writeError(w, r, errorf(http.StatusBadRequest, codeBadRequest, "format %q: want json, text or markdown", format))
		return
	}
	threshold, err := thresholdParam(q.Get("threshold"))
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	fast, err := boolParam("fast", q.Get("fast"))
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	withFeatures, err := boolParam("features", q.Get("features"))
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	model := s.store.Model() // one model for the whole request
	opts := &winnow.Options{URL: q.Get("url"), Model: model, Threshold: threshold, Fast: fast}
	raw, err := s.readPage(r, opts)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	read := time.Since(start)
	// With ?features=1 the document of stage 1 is kept to give each block
	// the structural features the model scored it with.
	var doc *extract.Document
	if withFeatures {
		doc, err = extract.Extract(r.Context(), raw, extract.Options{Kind: opts.Kind, ContentType: opts.ContentType, Limits: opts.Limits})
		if err != nil {
			s.writeError(w, r, err)
			return
		}
	}
	var res *winnow.Result
	if doc != nil {
		res, err = winnow.CleanDocument(r.Context(), doc, opts)
	} else {
		res, err = winnow.CleanBytes(r.Context(), raw, opts)
	}
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	cleaned := time.Since(start)
	s.metrics.pages.WithLabelValues(res.Kind).Inc()
	version := model.Info().Version
	w.Header().Set("X-Winnow-Model-Version", strconv.FormatInt(version, 10))
	switch format {
	case "text":
		writeText(w, "text/plain; charset=utf-8", res.Text)
	case "markdown":
		writeText(w, "text/markdown; charset=utf-8", res.Markdown())
	default:
		if res.Blocks == nil {
			res.Blocks = []winnow.Block{}
		}
		resp := cleanResponse{Result: res, ModelVersion: version,
			Timings: timings{ReadMS: ms(read), CleanMS: ms(cleaned - read), TotalMS: ms(time.Since(start))}}
		if doc == nil {
			writeJSON(w, http.StatusOK, resp)
			return
		}
		blocks := make([]featuredBlock, len(res.Blocks))
		for i, b := range res.Blocks {
			blocks[i] = featuredBlock{Block: b, Features: doc.Blocks[i].Features(len(doc.Blocks))}
		}
		writeJSON(w, http.StatusOK, featuredResponse{cleanResponse: resp, Blocks: blocks})
	}
}

// writeText writes s and a final newline with status 200.
func writeText(w http.ResponseWriter, contentType, s string) {
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusOK)
	io.WriteString(w, s)
	if !strings.HasSuffix(s, "\n") {
		io.WriteString(w, "\n")
	}
}

// readPage reads the page from the request body and sets the options the
// request's headers and query imply: the input kind from Content-Type (or
// ?input=), the charset, the URL of a JSON body.
func (s *Server) readPage(r *http.Request, opts *winnow.Options) ([]byte, error) {
	ct := r.Header.Get("Content-Type")
	mt := ""
	if ct != "" {
		var err error
		if mt, _, err = mime.ParseMediaType(ct); err != nil {
			return nil, errorf(http.StatusBadRequest, codeBadRequest, "malformed Content-Type %q", ct)
		}
	}
	gz, err := gzipped(r)
	if err != nil {
		return nil, err
	}
	switch mt {
	case "application/json":
		body, err := jsonBody(r, gz)
		if err != nil {
			return nil, err
		}
		var req cleanRequest
		if err := decodeJSON(body, &req); err != nil {
			return nil, err
		}
		if (req.HTML == nil) == (req.Text == nil) {
			return nil, errorf(http.StatusBadRequest, codeBadRequest, `want exactly one of "html" and "text"`)
		}
		if req.URL != "" {
			opts.URL = req.URL
		}
		opts.ContentType = "text/html; charset=utf-8" // a JSON string is UTF-8 whatever the page said
		opts.Kind = extract.KindHTML
		page := req.HTML
		if req.Text != nil {
			opts.ContentType = "text/plain; charset=utf-8"
			opts.Kind = extract.KindText
			page = req.Text
		}
		return []byte(*page), nil
	case "text/html", "application/xhtml+xml":
		opts.Kind = extract.KindHTML
	case "text/plain":
		opts.Kind = extract.KindText
	case "", "application/octet-stream", "application/gzip", "application/x-gzip":
		opts.Kind = extract.KindAuto
	default:
		return nil, errorf(http.StatusUnsupportedMediaType, codeUnsupported,
			"Content-Type %q: want text/html, text/plain, application/json or application/octet-stream", mt)
	}
	opts.ContentType = ct
	if in := r.URL.Query().Get("input"); in != "" {
		k, err := extract.ParseKind(in)
		if err != nil {
			return nil, errorf(http.StatusBadRequest, codeBadRequest, "input %q: want auto, html or text", in)
		}
		opts.Kind = k
	}
	raw, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, err
	}
	// extract gunzips by the magic number; a body that says gzip must have it.
	if gz && !bytes.HasPrefix(raw, []byte{0x1f, 0x8b}) {
		return nil, errorf(http.StatusBadRequest, codeBadGzip, "Content-Encoding is gzip but the body is not")
	}
	if len(raw) == 0 {
		return nil, errorf(http.StatusBadRequest, codeBadRequest, "empty body: send the page")
	}
	return raw, nil
}

// gzipped reports whether the body is gzip-encoded, by Content-Encoding;
// any other encoding is unsupported (415).
func gzipped(r *http.Request) (bool, error) {
	switch ce := strings.ToLower(strings.TrimSpace(r.Header.Get("Content-Encoding"))); ce {
	case "", "identity":
		return false, nil
	case "gzip", "x-gzip":
		return true, nil
	default:
		return false, errorf(http.StatusUnsupportedMediaType, codeUnsupported, "Content-Encoding %q: want gzip or none", ce)
	}
}

// jsonBody returns the request body for a JSON decoder, gunzipped when
// gz, and bounded after gunzip by the page byte limit.
func jsonBody(r *http.Request, gz bool) (io.Reader, error) {
	if !gz {
		return r.Body, nil
	}
	zr, err := gzip.NewReader(r.Body)
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, errorf(http.StatusBadRequest, codeBadGzip, "empty gzip body")
		}
		return nil, err // classified by writeError (a MaxBytesError or a gzip error)
	}
	return &capReader{r: zr, left: extract.DefaultMaxBytes}, nil
}

// capReader fails with an *extract.LimitError past its limit.
type capReader struct {
	r    io.Reader
	left int64 // bytes still allowed
}

func (c *capReader) Read(p []byte) (int, error) {
	if int64(len(p)) > c.left+1 {
		p = p[:c.left+1]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	if c.left < 0 {
		return 0, &extract.LimitError{Limit: "bytes", Max: extract.DefaultMaxBytes}
	}
	return n, err
}

// thresholdParam parses ?threshold=: empty means the default (0), else a
// number in (0, 1].
func thresholdParam(v string) (float64, error) {
	if v == "" {
		return 0, nil
	}
	t, err := strconv.ParseFloat(v, 64)
	if err != nil || !(t > 0 && t <= 1) {
		return 0, errorf(http.StatusBadRequest, codeBadRequest, "threshold %q: want a number in (0, 1]", v)
	}
	return t, nil
}

// boolParam parses a boolean query parameter; empty is false.
func boolParam(name, v string) (bool, error) {
	if v == "" {
		return false, nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		return false, errorf(http.StatusBadRequest, codeBadRequest, "%s %q: want true or false (1 or 0)", name, v)
	}
	return b, nil
}
