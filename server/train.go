package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/winnowlabs/winnow/classifier"
	"github.com/winnowlabs/winnow/labels"
	"github.com/winnowlabs/winnow/training"
)

// Bounds on one training sample.
const (
	maxSampleText     = 64 << 10 // bytes of text
	maxSampleFeatures = 256
)

// trainRequest is the body of /v1/train.
type trainRequest struct {
	Samples []trainSample `json:"samples"`
	// Unlearn takes the samples back instead of learning them (they must
	// have been learned, with the same weight), and unpins them.
	Unlearn bool `json:"unlearn"`
	// Pin pins the samples' lines to their labels (see
	// classifier.Counts.Pin), or with Unlearn unpins them. Default true;
	// false only learns (or unlearns) the counts.
	Pin *bool `json:"pin"`
	// Weight is how many times each sample counts. Default
	// Config.TrainWeight (20).
	Weight int `json:"weight"`
	// Note is stored in the new model (default: what was done).
	Note string `json:"note"`
}

// trainSample is a labelled line, as in the JSON-lines files of winnow
// train.
type trainSample struct {
	Text     string          `json:"text"`
	Label    json.RawMessage `json:"label"`
	Features []string        `json:"features"`
	Page     string          `json:"page"`
	Corpus   string          `json:"corpus"`
}

// trainResponse describes the new model.
type trainResponse struct {
	Version         int64   `json:"version"`
	PreviousVersion int64   `json:"previous_version"`
	Learned         int     `json:"learned,omitempty"`
	Unlearned       int     `json:"unlearned,omitempty"`
	Weight          int     `json:"weight"`
	Samples         classes `json:"samples"`
	Vocabulary      int     `json:"vocabulary"`
	// Pinned is the number of pinned lines in the new model.
	Pinned    int       `json:"pinned"`
	TrainedAt time.Time `json:"trained_at"`
}

// classes is a count per class.
type classes struct {
	Content int `json:"content"`
	Junk    int `json:"junk"`
}

// invalid is a 422 for samples that cannot be learned.
func invalid(format string, args ...any) *Error {
	return errorf(http.StatusUnprocessableEntity, codeInvalidSamples, format, args...)
}

// handleTrain is POST /v1/train: learn (or unlearn) labelled lines into a
// new model version, saved before it is served. A request that fails
// changes nothing.
func (s *Server) handleTrain(w http.ResponseWriter, r *http.Request) {
	event := "learn"
	req, samples, err := s.readTrain(r)
	if req != nil && req.Unlearn {
		event = "unlearn"
	}
	if err != nil {
		s.metrics.training.WithLabelValues(event, "rejected").Inc()
		s.writeError(w, r, err)
		return
	}
	if err := r.Context().Err(); err != nil { // do not start what the deadline has already cut
		s.writeError(w, r, err)
		return
	}
	prev := s.store.Model().Info().Version
	note := req.Note
	if note == "" {
		note = event + " via /v1/train"
	}
	pin := req.Pin == nil || *req.Pin
	m, err := s.store.Update(func(c *classifier.Counts) error {
		for range req.Weight {
			if req.Unlearn {
				if err := training.UnlearnPages(c, samples); err != nil {
					return invalid("cannot unlearn: %v", err)
				}
			} else {
				training.LearnPages(c, samples)
			}
		}
		switch {
		case !pin:
		case req.Unlearn:
			if err := c.Unpin(samples...); err != nil {
				return invalid("cannot unpin: %v", err)
			}
		default:
			if err := c.Pin(samples...); err != nil {
				return invalid("cannot pin: %v", err)
			}
		}
		return nil
	}, note)
	if err != nil {
		result := "error"
		if _, ok := classify(err); ok {
			result = "rejected"
		}
		s.metrics.training.WithLabelValues(event, result).Inc()
		s.writeError(w, r, err)
		return
	}
	s.metrics.training.WithLabelValues(event, "ok").Inc()
	s.metrics.samples.Add(float64(len(samples)))
	s.metrics.modelVersion.Set(float64(m.Info().Version))
	info := m.Info()
	resp := trainResponse{Version: info.Version, PreviousVersion: prev, Weight: req.Weight,
		Samples:    classes{Content: info.Samples[classifier.Content], Junk: info.Samples[classifier.Junk]},
		Vocabulary: info.Vocabulary, Pinned: info.Pinned, TrainedAt: info.TrainedAt}
	if req.Unlearn {
		resp.Unlearned = len(samples)
	} else {
		resp.Learned = len(samples)
	}
	s.log.Info("model trained", "event", event, "version", info.Version, "previous", prev,
		"samples", len(samples), "weight", req.Weight, "pin", pin, "pinned", info.Pinned)
	writeJSON(w, http.StatusOK, resp)
}

// readTrain decodes and validates a /v1/train body: 400 for malformed
// JSON, 413 for too many samples, 422 for samples that cannot be learned.
// Samples without features get text-mode features, as winnow train does.
func (s *Server) readTrain(r *http.Request) (*trainRequest, []classifier.Sample, error) {
	gz, err := gzipped(r)
	if err != nil {
		return nil, nil, err
	}
	body, err := jsonBody(r, gz)
	if err != nil {
		return nil, nil, err
	}
	var req trainRequest
	if err := decodeJSON(body, &req); err != nil {
		return nil, nil, err
	}
	switch {
	case len(req.Samples) == 0:
		return &req, nil, invalid("no samples")
	case len(req.Samples) > s.cfg.MaxSamples:
		return &req, nil, errorf(http.StatusRequestEntityTooLarge, codeTooLarge, "%d samples: at most %d a request", len(req.Samples), s.cfg.MaxSamples)
	case req.Weight == 0:
		req.Weight = s.cfg.TrainWeight
	case req.Weight < 0 || req.Weight > s.cfg.MaxTrainWeight:
		return &req, nil, invalid("weight %d: want 1 to %d", req.Weight, s.cfg.MaxTrainWeight)
	}
	samples := make([]classifier.Sample, len(req.Samples))
	for i, in := range req.Samples {
		if len(in.Label) == 0 || string(in.Label) == "null" {
			return &req, nil, invalid(`sample %d: missing "label" (want "content" or "junk")`, i)
		}
		var l classifier.Label
		if err := l.UnmarshalJSON(in.Label); err != nil {
			return &req, nil, invalid(`sample %d: label %s: want "content" or "junk"`, i, truncate(string(in.Label), 40))
		}
		switch {
		case strings.TrimSpace(in.Text) == "":
			return &req, nil, invalid("sample %d: no text", i)
		case len(in.Text) > maxSampleText:
			return &req, nil, invalid("sample %d: text longer than %d bytes", i, maxSampleText)
		case strings.ContainsAny(in.Text, "\r\n"):
			return &req, nil, invalid("sample %d: text has a line break; send one line a sample", i)
		case len(in.Features) > maxSampleFeatures:
			return &req, nil, invalid("sample %d: more than %d features", i, maxSampleFeatures)
		}
		feats := make([]string, 0, len(in.Features))
		for j, f := range in.Features {
			f = strings.TrimPrefix(strings.TrimSpace(f), "#")
			if f == "" || strings.ContainsAny(f, " \t\r\n") {
				return &req, nil, invalid("sample %d: feature %d %q: want a token such as \"tag=p\"", i, j, truncate(in.Features[j], 40))
			}
			feats = append(feats, f)
		}
		if len(feats) == 0 {
			feats = nil
		}
		samples[i] = classifier.Sample{Text: in.Text, Features: feats, Label: l, Page: in.Page, Corpus: in.Corpus}
	}
	samples, err = labels.WithTextFeatures(samples)
	if err != nil {
		return &req, nil, invalid("%v", err)
	}
	return &req, samples, nil
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// rollbackRequest is the optional body of /v1/model/rollback.
type rollbackRequest struct {
	// Version to return to; 0 or absent: the newest kept version.
	Version int64 `json:"version"`
}

type rollbackResponse struct {
	Version      int64 `json:"version"`
	RestoredFrom int64 `json:"restored_from"`
	Previous     int64 `json:"previous_version"`
}

// handleRollback is POST /v1/model/rollback: make a kept version current
// again (as a new version number; see Store.Rollback).
func (s *Server) handleRollback(w http.ResponseWriter, r *http.Request) {
	raw, err := io.ReadAll(r.Body)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	var req rollbackRequest
	if len(bytes.TrimSpace(raw)) > 0 {
		if err := decodeJSON(bytes.NewReader(raw), &req); err != nil {
			s.writeError(w, r, err)
			return
		}
	}
	if req.Version < 0 {
		s.writeError(w, r, errorf(http.StatusBadRequest, codeBadRequest, "version %d: want a kept version (GET /v1/model lists them)", req.Version))
		return
	}
	prev := s.store.Model().Info().Version
	m, from, err := s.store.Rollback(req.Version)
	if err != nil {
		s.metrics.training.WithLabelValues("rollback", "error").Inc()
		if errors.Is(err, ErrNoVersion) {
			err = errorf(http.StatusNotFound, codeNotFound, "version %d is not kept (GET /v1/model lists the kept versions)", req.Version)
			if req.Version == 0 {
				err = errorf(http.StatusNotFound, codeNotFound, "no previous version is kept")
			}
		}
		s.writeError(w, r, err)
		return
	}
	s.metrics.training.WithLabelValues("rollback", "ok").Inc()
	s.metrics.modelVersion.Set(float64(m.Info().Version))
	s.log.Info("model rolled back", "version", m.Info().Version, "restored_from", from, "previous", prev)
	writeJSON(w, http.StatusOK, rollbackResponse{Version: m.Info().Version, RestoredFrom: from, Previous: prev})
}

// modelResponse is GET /v1/model.
type modelResponse struct {
	Version    int64    `json:"version"`
	Classes    []string `json:"classes"`
	Vocabulary int      `json:"vocabulary"`
	Samples    classes  `json:"samples"`
	// Pinned is the number of pinned lines (see POST /v1/train).
	Pinned    int        `json:"pinned"`
	TrainedAt *time.Time `json:"trained_at"`
	Threshold float64    `json:"threshold"`
	Note      string     `json:"note"`
	Path      string     `json:"path"`
	History   []int64    `json:"history"`
	Training  bool       `json:"training"`
	// Versions are the current model and the kept versions, newest first,
	// with the note and time of the training event that made each.
	Versions []versionEvent `json:"versions"`
}

// handleModel is GET /v1/model.
func (s *Server) handleModel(w http.ResponseWriter, r *http.Request) {
	info := s.store.Model().Info()
	hist, err := s.store.Versions()
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if hist == nil {
		hist = []int64{}
	}
	resp := modelResponse{Version: info.Version, Classes: []string{"content", "junk"}, Vocabulary: info.Vocabulary,
		Samples:   classes{Content: info.Samples[classifier.Content], Junk: info.Samples[classifier.Junk]},
		Pinned:    info.Pinned,
		Threshold: info.Threshold, Note: info.Note, Path: s.store.Path(), History: hist, Training: s.trainingOn()}
	if !info.TrainedAt.IsZero() {
		resp.TrainedAt = &info.TrainedAt
	}
	if resp.Versions, err = s.versionEvents(info); err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, resp)
}
