package labels

import (
	"fmt"

	"github.com/winnowlabs/winnow/classifier"
	"github.com/winnowlabs/winnow/extract"
)

// WithTextFeatures fills in the features of samples that have none, treating
// each page's consecutive samples as the lines of one text export (as
// hand-labelled pages are written) and running text-mode stage 1 over them,
// so their features are the ones clean computes for such a page. Samples that
// already carry features are kept as they are.
func WithTextFeatures(samples []classifier.Sample) ([]classifier.Sample, error) {
	out := make([]classifier.Sample, len(samples))
	copy(out, samples)
	for start := 0; start < len(out); {
		end := start + 1
		for end < len(out) && out[end].Page == out[start].Page {
			end++
		}
		if err := fillPage(out[start:end]); err != nil {
			return nil, err
		}
		start = end
	}
	return out, nil
}

// fillPage computes text-mode features for the samples of one page that
// have none, in place; the page's text is all of its samples' lines.
func fillPage(page []classifier.Sample) error {
	missing := false
	for i := range page {
		missing = missing || len(page[i].Features) == 0
	}
	if !missing {
		return nil
	}
	var text []byte
	for i := range page {
		text = append(text, page[i].Text...)
		text = append(text, '\n')
	}
	doc, err := extract.FromText(string(text), extract.Options{})
	if err != nil {
		return fmt.Errorf("labels: page %q: %w", page[0].Page, err)
	}
	// Blocks match samples one to one unless a sample had an embedded
	// newline or no text; match by text to be safe.
	j := 0
	for i := range page {
		for j < len(doc.Blocks) && doc.Blocks[j].Text != collapse(page[i].Text) {
			j++
		}
		if j == len(doc.Blocks) {
			return fmt.Errorf("labels: page %q: sample %d has no line of its own", page[0].Page, i)
		}
		if len(page[i].Features) == 0 {
			page[i].Features = doc.Blocks[j].Features(len(doc.Blocks))
		}
		j++
	}
	return nil
}

// collapse is the block text a line becomes: trimmed, white space collapsed.
func collapse(s string) string {
	doc, err := extract.FromText(s, extract.Options{})
	if err != nil || len(doc.Blocks) != 1 {
		return s
	}
	return doc.Blocks[0].Text
}
