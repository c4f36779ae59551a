package eval

import (
	"sort"
	"time"
)

// Merge combines reports of disjoint page sets of one corpus (the folds of a
// cross-validation) into one report over all their pages, with the scores
// recomputed from the per-page counts exactly as [Run] computes them. The
// name, corpus and split of the first report are kept.
func Merge(reports ...*Report) *Report {
	if len(reports) == 0 {
		return &Report{}
	}
	out := &Report{Corpus: reports[0].Corpus, Split: reports[0].Split, Name: reports[0].Name, Workers: reports[0].Workers}
	var acc Accumulator
	var elapsed time.Duration
	for _, r := range reports {
		out.Pages += r.Pages
		out.Empty += r.Empty
		out.Errors += r.Errors
		out.CJKPages += r.CJKPages
		out.Snippet = out.Snippet.Add(r.Snippet)
		elapsed += r.Elapsed
		for _, res := range r.Results {
			if !res.NoBody {
				acc.AddPRF(res.Counts)
			}
			out.Results = append(out.Results, res)
		}
	}
	sort.Slice(out.Results, func(i, j int) bool { return out.Results[i].ID < out.Results[j].ID })
	out.Shingle = acc.Scores()
	out.Elapsed = elapsed
	if elapsed > 0 {
		out.PagesPerSec = float64(out.Pages) / elapsed.Seconds()
	}
	return out
}
