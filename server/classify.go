package server

import (
	"errors"
	"net/http"
	"strings"

	"github.com/winnowlabs/winnow"
	"github.com/winnowlabs/winnow/classifier"
	"github.com/winnowlabs/winnow/extract"
)

// classifyRequest is the body of /v1/classify: the lines of one page, in
// order.
type classifyRequest struct {
	Lines []string `json:"lines"`
}

// classifyResponse has one result per input line, in order.
type classifyResponse struct {
	ModelVersion int64        `json:"model_version"`
	Threshold    float64      `json:"threshold"`
	Lines        []lineResult `json:"lines"`
}

type lineResult struct {
	Label classifier.Label `json:"label"`
	PJunk float64          `json:"p_junk"`
	// Empty marks a line with no text (blank or only white space): it is
	// reported as junk with p_junk 1 and takes no part in the scoring of
	// the other lines.
	Empty bool `json:"empty,omitempty"`
}

// handleClassify is POST /v1/classify: stage 2 on lines a caller split
// itself. The lines are read as one text page: stage 1 for text gives each
// line its structural features, the model scores each line, the article's
// run of lines is found again with those scores and the lines that moved
// are scored again, and the sequence pass smooths the scores along the
// page, as /v1/clean does (see winnow.JunkProbabilities). A
// line is junk when its p_junk is at least the threshold (?threshold=,
// default the model's).
func (s *Server) handleClassify(w http.ResponseWriter, r *http.Request) {
	threshold, err := thresholdParam(r.URL.Query().Get("threshold"))
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	gz, err := gzipped(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	body, err := jsonBody(r, gz)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	var req classifyRequest
	if err := decodeJSON(body, &req); err != nil {
		s.writeError(w, r, err)
		return
	}
	if req.Lines == nil {
		s.writeError(w, r, errorf(http.StatusBadRequest, codeBadRequest, `want {"lines": [...]}`))
		return
	}
	model := s.store.Model()
	if threshold == 0 {
		threshold = model.Info().Threshold
	}
	results, err := classifyLines(model, req.Lines, threshold)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.metrics.lines.Add(float64(len(req.Lines)))
	writeJSON(w, http.StatusOK, classifyResponse{ModelVersion: model.Info().Version, Threshold: threshold, Lines: results})
}

// classifyLines scores lines as one text page. A line break inside a line
// is read as a space, so each input line is one line of the page.
func classifyLines(m *classifier.Model, lines []string, threshold float64) ([]lineResult, error) {
	flat := make([]string, len(lines))
	for i, l := range lines {
		flat[i] = strings.NewReplacer("\r", " ", "\n", " ").Replace(l)
	}
	doc, err := extract.FromText(strings.Join(flat, "\n"), extract.Options{})
	if err != nil {
		return nil, err
	}
	// FromText drops lines with no text; find which input line each block is.
	owner := blockOwners(flat, doc.Blocks)
	if len(owner) != len(doc.Blocks) {
		return nil, errors.New("server: classify: blocks do not match the lines")
	}
	pjunk := winnow.JunkProbabilities(m, doc)
	out := make([]lineResult, len(lines))
	for i := range out {
		out[i] = lineResult{Label: classifier.Junk, PJunk: 1, Empty: true}
	}
	for i := range doc.Blocks {
		pj := pjunk[i]
		label := classifier.Content
		if pj >= threshold {
			label = classifier.Junk
		}
		out[owner[i]] = lineResult{Label: label, PJunk: pj}
	}
	return out, nil
}

// blockOwners returns, for each block, the index of the line it came from.
// Blocks are the non-blank lines in order; when white space the fast test
// misjudges makes the counts differ, each line is asked of FromText alone.
func blockOwners(lines []string, blocks []extract.Block) []int {
	owner := make([]int, 0, len(blocks))
	for i, l := range lines {
		if strings.TrimSpace(l) != "" {
			owner = append(owner, i)
		}
	}
	if len(owner) == len(blocks) {
		return owner
	}
	owner = owner[:0]
	for i, l := range lines {
		if d, err := extract.FromText(l, extract.Options{}); err == nil && len(d.Blocks) > 0 {
			owner = append(owner, i)
		}
	}
	return owner
}
