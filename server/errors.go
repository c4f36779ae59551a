package server

import (
	"compress/flate"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"

	"github.com/go-chi/chi/v5/middleware"

	"github.com/winnowlabs/winnow"
	"github.com/winnowlabs/winnow/extract"
)

// Error is an error with an HTTP status and a stable machine-readable code,
// returned to the client as {"error": {"code": ..., "message": ...}}.
// Handlers return an *Error for every failure the client caused; any other
// error is a bug and becomes a 500 with a generic message.
type Error struct {
	Status  int    // HTTP status
	Code    string // machine-readable code, such as "bad_request"
	Message string // human-readable, safe to show the client
}

// Error implements error.
func (e *Error) Error() string { return fmt.Sprintf("server: %s: %s", e.Code, e.Message) }

// errorf returns an *Error with a formatted message.
func errorf(status int, code, format string, args ...any) *Error {
	return &Error{Status: status, Code: code, Message: fmt.Sprintf(format, args...)}
}

// Error codes, one per kind of failure (see docs/api.md).
const (
	codeBadRequest     = "bad_request"       // 400: malformed request
	codeBadGzip        = "bad_gzip"          // 400: the gzip body is corrupt or truncated
	codeUnauthorized   = "unauthorized"      // 401: missing or wrong admin token
	codeForbidden      = "training_disabled" // 403: no admin token or model path configured
	codeNotFound       = "not_found"         // 404
	codeMethod         = "method_not_allowed"
	codeTooLarge       = "too_large"        // 413
	codeUnsupported    = "unsupported_type" // 415
	codeInvalidSamples = "invalid_samples"  // 422 on /v1/train
	codeNoContent      = "no_content"       // 422 on /v1/clean: the page has no text
	codeOverloaded     = "overloaded"       // 503: concurrency limit
	codeTimeout        = "timeout"          // 503: processing deadline
	codeInternal       = "internal"         // 500
	internalMessage    = "internal error"   // the only message a 500 carries
	retryAfterOverload = "1"                // seconds, sent with 503s
)

// errorResponse is the one JSON error shape.
type errorResponse struct {
	Error errorBody `json:"error"`
}

type errorBody struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// classify maps any error to the *Error the client sees. Errors the client
// caused (bad input, limits, deadlines) keep their meaning; anything else
// is internal.
func classify(err error) (*Error, bool) {
	var e *Error
	var mbe *http.MaxBytesError
	var le *extract.LimitError
	var ce flate.CorruptInputError
	switch {
	case errors.As(err, &e):
		return e, true
	case errors.As(err, &mbe):
		return errorf(http.StatusRequestEntityTooLarge, codeTooLarge, "request body larger than %d bytes", mbe.Limit), true
	case errors.As(err, &le):
		return errorf(http.StatusRequestEntityTooLarge, codeTooLarge, "page exceeds the %s limit (%d)", le.Limit, le.Max), true
	case errors.Is(err, extract.ErrTooLarge):
		return errorf(http.StatusRequestEntityTooLarge, codeTooLarge, "page too large"), true
	case errors.Is(err, extract.ErrBinary):
		return errorf(http.StatusUnsupportedMediaType, codeUnsupported, "the body looks binary, not HTML or text"), true
	case errors.Is(err, winnow.ErrNoContent):
		return errorf(http.StatusUnprocessableEntity, codeNoContent, "the page has no text"), true
	case errors.Is(err, extract.ErrNotHTML):
		return errorf(http.StatusUnprocessableEntity, codeNoContent, "the body is not an HTML document with any text"), true
	case errors.Is(err, gzip.ErrHeader), errors.Is(err, gzip.ErrChecksum), errors.As(err, &ce),
		errors.Is(err, io.ErrUnexpectedEOF) && strings.Contains(err.Error(), "gzip"):
		return errorf(http.StatusBadRequest, codeBadGzip, "the gzip body is corrupt or truncated"), true
	case errors.Is(err, context.DeadlineExceeded):
		return errorf(http.StatusServiceUnavailable, codeTimeout, "the request took longer than the processing deadline"), true
	case errors.Is(err, context.Canceled):
		return errorf(http.StatusServiceUnavailable, codeTimeout, "the request was cancelled"), true
	}
	return errorf(http.StatusInternalServerError, codeInternal, internalMessage), false
}

// writeError is the single place that turns an error into a response:
// the status and code from classify, the one JSON shape, and a log line
// for internal errors (whose message stays on the server).
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	e, known := classify(err)
	if !known {
		s.log.LogAttrs(r.Context(), slog.LevelError, "internal error",
			slog.String("request_id", middleware.GetReqID(r.Context())),
			slog.String("path", r.URL.Path), slog.String("error", err.Error()))
	}
	if e.Status == http.StatusServiceUnavailable || e.Status == http.StatusTooManyRequests {
		w.Header().Set("Retry-After", retryAfterOverload)
	}
	if e.Status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="winnow"`)
	}
	writeJSON(w, e.Status, errorResponse{Error: errorBody{Code: e.Code, Message: e.Message}})
}

// writeJSON writes v as JSON with the given status. The Content-Type is set
// before WriteHeader.
func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		// Only our own response types are marshalled; this cannot happen
		// unless a float is NaN, which the handlers never produce.
		status = http.StatusInternalServerError
		b = []byte(`{"error":{"code":"internal","message":"internal error"}}`)
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	w.Write(b)
	w.Write([]byte{'\n'})
}

// decodeJSON decodes exactly one JSON value from r into v, rejecting
// unknown fields and trailing data. Errors are *Error with status 400,
// or 413 when the body is over the limit.
func decodeJSON(r io.Reader, v any) error {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var mbe *http.MaxBytesError
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &mbe):
			return err
		case errors.Is(err, io.EOF):
			return errorf(http.StatusBadRequest, codeBadRequest, "empty body: want a JSON object")
		case errors.As(err, &se):
			return errorf(http.StatusBadRequest, codeBadRequest, "malformed JSON at byte %d", se.Offset)
		case errors.As(err, &te):
			return errorf(http.StatusBadRequest, codeBadRequest, "field %q: want %s", te.Field, te.Type)
		case errors.Is(err, io.ErrUnexpectedEOF):
			return errorf(http.StatusBadRequest, codeBadRequest, "malformed JSON: unexpected end of body")
		case strings.HasPrefix(err.Error(), "json: unknown field"):
			return errorf(http.StatusBadRequest, codeBadRequest, "%s", strings.TrimPrefix(err.Error(), "json: "))
		default:
			if _, ok := classify(err); ok {
				return err
			}
			return errorf(http.StatusBadRequest, codeBadRequest, "malformed JSON")
		}
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return err
		}
		return errorf(http.StatusBadRequest, codeBadRequest, "trailing data after the JSON object")
	}
	return nil
}
