// Package server is winnow's HTTP service: it cleans pages, classifies
// lines and retrains the line model over HTTP, safely under load.
//
// # Example
//
//	srv, err := server.New(server.Config{
//		Addr:       "127.0.0.1:8080",
//		ModelPath:  "/var/lib/winnow/model",
//		AdminToken: os.Getenv("WINNOW_ADMIN_TOKEN"),
//		Logger:     slog.Default(),
//	})
//	if err != nil {
//		return err
//	}
//	if err := srv.Open(); err != nil {
//		return err
//	}
//	<-ctx.Done()
//	return srv.Close()
//
// # Endpoints
//
//	POST /v1/clean           a page (HTML or text, gzip or not) → its article
//	POST /v1/classify        {"lines": [...]} → each line's label and p_junk
//	POST /v1/train           {"samples": [...], "unlearn": false} → a new model version (admin)
//	POST /v1/model/rollback  {"version": N} → a kept version made current again (admin)
//	GET  /v1/model           the model's version, counts and kept versions
//	GET  /healthz, /readyz   liveness, readiness
//	GET  /metrics            Prometheus metrics
//
// docs/api.md in the repository describes every request, answer and error.
//
// # Models
//
// The model being served is held by a [Store]: an immutable
// classifier.Model behind an atomic pointer, replaced copy-on-write by
// training, which is serialised and saves each new version atomically
// before serving it; the previous versions are kept beside the model file
// for rollback.
//
// # Errors
//
// Every failure is answered with one JSON shape,
// {"error": {"code": "...", "message": "..."}}, and the status that fits:
// 400 malformed, 401/403 training auth, 404, 413 too large, 415
// unsupported type, 422 unprocessable, 503 overloaded or past the
// deadline, and 500 only for bugs, with a generic message (the cause is
// logged, never sent).
package server
