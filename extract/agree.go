package extract

// A second opinion for HTML stage 1. The container of largest mass (see
// score.go) is one view of where the article is; the maximum run of blocks
// in document order, scored as text lines are (length and punctuation less
// a cost per line, here also less their link density), is an independent
// other. Inside the region (the container and any secondary regions joined
// to it), blocks outside the run lose their place when both views agree on
// most of the article's text; when they disagree more, the region alone
// decides, since a run can be cut short by a single list in the middle of an
// article.

const (
	// agreeMinShare is the share of the container's text that must also lie
	// in the run for the run to trim the container.
	agreeMinShare = 0.85
	// agreeLinkCost is what a block's link density costs it in the run.
	agreeLinkCost = 6.0
)

// agree trims the inside blocks to the maximum run of blocks (see above).
func agree(blocks []Block) {
	score := make([]float64, len(blocks))
	for i := range blocks {
		score[i] = lineScore(blocks[i].Text) - agreeLinkCost*blocks[i].LinkDensity()
	}
	start, end := articleRun(blocks, score)
	if start < 0 {
		return
	}
	inside, both := 0, 0
	for i := range blocks {
		if blocks[i].Region != RegionInside {
			continue
		}
		w := textWeight(blocks[i].Text)
		inside += w
		if i >= start && i <= end {
			both += w
		}
	}
	if float64(both) < agreeMinShare*float64(inside) {
		return
	}
	for i := range blocks {
		if blocks[i].Region == RegionInside && (i < start || i > end) {
			blocks[i].Region = RegionEdge
		}
	}
}
