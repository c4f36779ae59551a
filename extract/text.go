package extract

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Stage 1 for text input: each non-empty line is a block (each paragraph,
// in a hard-wrapped text: see unwrap.go); the article is the
// maximum-scoring contiguous run of lines, with the runs beside it that score
// a fair share of it, where a line scores by its length and punctuation
// (smoothed over its neighbours) less a constant, so runs of short,
// unpunctuated lines (menus, prompts, lists of titles) fall outside; inside
// the main run, the lines after a stop line ("Related articles") leave it up
// to the next line of prose, and a table beside the article, written one
// cell a line, joins it.

// textBlocks splits text into line blocks, at most maxLines of them. A
// hard-wrapped text (see wrapWidth) gets a block a paragraph instead: the
// lines that continue one (see continues) are joined to it.
func textBlocks(text string, maxLines int) ([]Block, error) {
	lines, n, err := splitLines(text, maxLines)
	if err != nil {
		return nil, err
	}
	w := wrapWidth(lines)
	blocks := make([]Block, 0, n)
	for i := 0; i < len(lines); i++ {
		line := lines[i].text
		if w > 0 {
			var b strings.Builder
			for ; i+1 < len(lines) && continues(lines[i], lines[i+1], w); i++ {
				if b.Len() == 0 {
					b.WriteString(line)
				}
				next := strings.TrimLeft(lines[i+1].text, " \t")
				if joinSpace(lines[i].text, next) {
					b.WriteByte(' ')
				}
				b.WriteString(next)
			}
			if b.Len() > 0 {
				line = b.String()
			}
		}
		line = collapseSpace(line)
		if line == "" {
			continue
		}
		blocks = append(blocks, Block{Text: line, Tag: "line", Index: len(blocks), Heading: looksLikeHeading(line), LinkChars: markdownLinkRunes(line)})
	}
	return blocks, nil
}

// splitLines splits text into its lines, trailing space trimmed, with their
// widths, and counts the lines that are not blank. A run of blank lines is
// kept as one: it ends a paragraph. More than maxLines lines that are not
// blank are a LimitError.
func splitLines(text string, maxLines int) (lines []wrappedLine, n int, err error) {
	lines = make([]wrappedLine, 0, min(splitEntries(text), 2*maxLines+1))
	for line := range strings.Lines(text) {
		l := trimmedLine(strings.TrimSuffix(line, "\n"))
		if l.width == 0 && collapseSpace(l.text) == "" {
			if len(lines) > 0 && lines[len(lines)-1].text == "" {
				continue
			}
			l.text = ""
		} else if n++; n > maxLines {
			return nil, 0, &LimitError{Limit: "lines", Max: int64(maxLines)}
		}
		lines = append(lines, l)
	}
	return lines, n, nil
}

// splitEntries returns how many lines splitLines can return for text: its
// lines that hold more than white space and invisible characters, and a
// blank one before each. It sizes splitLines' slice once (growing it a
// quarter at a time allocated five times its size).
func splitEntries(text string) int {
	n, blank := 0, true
	for line := range strings.Lines(text) {
		line = strings.TrimSuffix(line, "\n")
		if strings.TrimLeftFunc(line, func(r rune) bool { return isSpace(r) || isInvisible(r) }) == "" {
			if !blank {
				n++ // a run of blank lines is one entry
			}
			blank = true
			continue
		}
		n++
		blank = false
	}
	return n + 1
}

// TextRegion marks the article's runs of lines among a text's blocks
// inside (SideRun on those of runs other than the main one), less the
// sections that stop lines open in the main run (see leaveStopSections),
// and with the runs beside them that read as a table's cells (DataCell; see
// tableRuns), the lines next to them edge, and the rest outside. pjunk is nil or holds
// the line model's P(junk) of every block: FromText finds the
// runs from the lines' shapes alone; a caller with a line model finds them
// again with its opinion (see junkWeight), so that a consent notice's or a
// terms page's long sentences, which the model knows for junk, do not make
// the article's run. A pjunk of another length than blocks is ignored.
func TextRegion(blocks []Block, pjunk []float64) {
	if len(blocks) == 0 {
		return
	}
	if len(pjunk) != len(blocks) {
		pjunk = nil
	}
	raw := make([]float64, len(blocks))
	for i := range blocks {
		raw[i] = lineScore(blocks[i].Text)
		if blocks[i].LinkChars > 0 {
			// Markdown link markup (see markdownLinkRunes) costs as link
			// text does in HTML's second opinion: on html2text's exports
			// of wceb1000's train split F1 0.6598 -> 0.7168, all of
			// zh-dev 0.8470 -> 0.9036; winnow's own exports hold no links.
			raw[i] -= agreeLinkCost * blocks[i].LinkDensity()
		}
		if pjunk != nil {
			raw[i] = junkWeight(raw[i], pjunk[i])
		}
	}
	// Smooth: a line between two strong lines is likely article (a short
	// heading or list item); a long line among junk is less sure.
	score := make([]float64, len(blocks))
	for i := range raw {
		s := raw[i]
		prev, next := -1.0, -1.0
		if i > 0 {
			prev = raw[i-1]
		}
		if i+1 < len(raw) {
			next = raw[i+1]
		}
		if s < 0 && prev > 0 && next > 0 {
			s = s/2 + min(prev, next)/4
		}
		score[i] = s
	}
	start, end := articleRun(blocks, score)
	if start < 0 || len(blocks) >= textListingMinLines && linesWords(blocks[start:end+1]) < textListingMaxWords {
		// No line looks like prose, or too little for an article (a
		// listing): every line is a candidate; stage 2 decides.
		for i := range blocks {
			blocks[i].Region = RegionEdge
			blocks[i].SideRun = false
			blocks[i].DataCell = false
			blocks[i].Thread = false
		}
		return
	}
	inside := make([]bool, len(blocks))
	best := 0.0
	for i := start; i <= end; i++ {
		inside[i] = true
		best += score[i]
	}
	// The article is often cut by a table, an advert or a figure whose
	// lines score low: the runs beside it that carry prose of their own
	// join it (stage 2 judges their lines).
	otherRuns(score, inside, 0, start, otherRunShare*best)
	otherRuns(score, inside, end+1, len(score), otherRunShare*best)
	left := leaveStopSections(blocks, inside, start, end)
	cells := tableRuns(blocks, inside, left)
	const edgeLines = 3
	for i := range blocks {
		blocks[i].Region = RegionOutside
		blocks[i].DataCell = cells[i]
		blocks[i].SideRun = inside[i] && !cells[i] && (i < start || i > end)
		inside[i] = inside[i] || cells[i]
	}
	for i := range blocks {
		if !inside[i] {
			continue
		}
		blocks[i].Region = RegionInside
		for j := max(0, i-edgeLines); j <= min(len(blocks)-1, i+edgeLines); j++ {
			if !inside[j] {
				blocks[j].Region = RegionEdge
			}
		}
	}
}

// stopSectionProseRunes is the length from which a line that ends a
// sentence, after a stop line inside the article's run, is taken for the
// article's prose resuming (see leaveStopSections). From 40 to 120 runes,
// text F1 on the corpora and snippet F on trafilatura's comparison set
// (measured as for leaveStopSections) moved by 0.0009 at most.
const stopSectionProseRunes = 80

// leaveStopSections takes out of the article's main run, blocks[start..end],
// the lines that follow a stop line in it (a line such as "Related
// articles", "Comments" or "相关阅读", read as isStopHeading reads a heading;
// see stopLine) up to the first line of prose: a line that ends a sentence
// and has stopSectionProseRunes runes or more. A text has no containers to
// say where such a section ends, so the prose after it, which an inline box
// of links often sits in, stays. The stop line itself stays for the model
// to judge (a stop line inside another's section goes with that section),
// and the lines taken out become edge or outside lines; it reports which
// they are (no table may take them back, see tableRuns). Only the main run
// is searched: a side run joined for prose of its own is judged on a
// stricter cut already (see Block.SideRun).
//
// A blog's comment thread (see threadStart) ends the article instead: its
// lines and every line after it are out, side runs too, the comments
// being prose, and flagged Block.Thread, never kept (the flag is cleared
// on every other line, TextRegion running twice). The thread can hold the
// main run (63 comments under a 4-paragraph post): it is looked for after
// the article's first line, so that the post stays.
//
// 5-fold CV text F1 (winnow's decision thresholds say how) on wceb1000 and
// zh-dev 0.7749 and 0.9007 -> 0.7752 and 0.9028; snippet F on trafilatura's
// comparison set (train split, see winnow's recentreTarget) 0.8555 ->
// 0.8582. Ending the run at the stop line instead (when half of the run's
// prose came before it): 0.7742, 0.8984 and 0.8591, with articles cut off
// at an inline "Related story" box. With the thread titles: 0.7778, 0.8992
// and 0.8591 (zh-dev holds none: the folds' models moved, and one 37-line
// page, 91bdf33e, kept a line of its footer). With comments titled
// "re: " and the headline, and all after a thread taken out: 0.7776,
// 0.9017 and 0.8596; with the thread never kept (Block.Thread): 0.7779,
// 0.9115 and 0.8596 (zh-dev's 54e89e4e, 63 comments under a short post,
// 0.175 -> 1.000 under its fold's model).
func leaveStopSections(blocks []Block, inside []bool, start, end int) (left []bool) {
	left = make([]bool, len(blocks))
	for i := range blocks {
		blocks[i].Thread = false
	}
	if k := threadStart(blocks, inside); k < len(blocks) {
		for j := k; j < len(blocks); j++ {
			inside[j] = false
			left[j] = true
			blocks[j].Thread = true
		}
		end = min(end, k-1)
	}
	for i := start + 1; i <= end; i++ {
		if !stopLine(blocks[i].Text) {
			continue
		}
		j := i + 1
		for ; j <= end && !sectionProse(&blocks[j]); j++ {
			inside[j] = false
			left[j] = true
		}
		i = j - 1 // the next turn looks at the line of prose, or past the run
	}
	return left
}

// sectionProse reports whether a line after a stop line is the article's
// prose resuming (see leaveStopSections).
func sectionProse(b *Block) bool {
	return b.EndsSentence() && b.Runes() >= stopSectionProseRunes
}

// threadStart returns the index of the line that opens a blog post's
// comment thread after the first line inside the article (see inside), or
// len(blocks): a thread title naming an earlier line ("59 Comments on
// “Title”", see threadTitle), or a comment's title naming after "Re:" (see
// replyTitle) the article's headline, a line at most threadHeadlineLines
// before its first, in the section a stop line opens ("Comments", then
// "re: Title 2004-12-27 jane"). A forum's replies are titled so too, but
// seldom under a stop line; a text cannot tell those that are apart.
func threadStart(blocks []Block, inside []bool) int {
	first := slices.Index(inside, true)
	if first < 0 {
		return len(blocks)
	}
	titles := threadTitles{blocks: blocks}
	// headlines indexes the lines where the article's headline may be.
	lo := max(0, first-threadHeadlineLines)
	headlines := threadTitles{blocks: blocks[lo : first+1]}
	headlines.index()
	for i := first + 1; i < len(blocks); i++ {
		if titles.at(i) {
			return i
		}
		if !stopLine(blocks[i].Text) {
			continue
		}
		j := i + 1
		for ; j < len(blocks) && !sectionProse(&blocks[j]); j++ {
			if titles.at(j) {
				return j
			}
			if rest := replyTitle(blocks[j].Text); rest != "" && namedAtStart(headlines.first, headlines.longest, first+1-lo, rest) >= 0 {
				return j
			}
		}
		i = j - 1
	}
	return len(blocks)
}

// threadHeadlineLines is how far before the article's first line its
// headline may be (a date and a byline between them) for comments titled
// after it (see threadStart).
const threadHeadlineLines = 3

// stopLine reports whether a line of a text export opens a section that is
// not the article, as a stop heading does (see opensStopSection), and ends
// no sentence ("Comments are closed." is no stop line). "Read more" does
// not count: in a text it is a teaser's link, after each teaser of a
// listing, not a heading (with it, text F1 on wceb1000 was 0.7749, the
// others the same). Sparing lines that end a sentence changed no score on
// the corpora and trafilatura's set by more than 0.0002.
func stopLine(text string) bool {
	return endPunct(text) != "stop" && opensStopSection(text, "readmore")
}

// junkSure is the P(junk) above which a line costs the run one line more.
const junkSure = 0.75

// junkWeight weighs a line's score by the line model's P(junk) of it: its
// evidence of prose counts in full up to 0.5 and not at all at 1, and a
// line the model is sure of (see junkSure) costs one more line. 5-fold CV
// text F1 on wceb1000's train split and on all of zh-dev (as for winnow's
// decision thresholds; text thresholds 0.6 inside the run, 0.3 beside it):
// lines by their shapes alone 0.7674 and 0.8860; evidence scaled 0.7681
// and 0.8876; scaled and costed 0.7689 and 0.8906; a line above 0.7
// scoring minus half its evidence instead 0.7683 and 0.8759.
func junkWeight(score, pjunk float64) float64 {
	if score > 0 {
		score *= min(1, max(0, 2*(1-pjunk)))
	}
	if pjunk > junkSure {
		score -= lineCost
	}
	return score
}

// textListingMaxWords is the number of words in the article's run of lines
// under which the text is a listing (a shop's category, a job board): its
// lines are then all candidates for stage 2, as when no line looks like
// prose. Words, not the run's score: a line's score is capped, so one long
// paragraph scores like a short one. 5-fold CV text F1 on the training
// splits, wceb1000 and zh-dev: without it 0.7553 and 0.8847; at 40 words
// 0.7581 and 0.8847; at 60, 0.7587 and 0.8847; at 100, 0.7587 and 0.8714
// (zh-dev's words are characters).
const textListingMaxWords = 60

// linesWords is the number of words (see textWeight) of a run of lines.
func linesWords(run []Block) int {
	n := 0
	for i := range run {
		n += textWeight(run[i].Text)
	}
	return n
}

// textListingMinLines is the fewest lines a listing has: a short text with
// a line or two of prose (a brief, a note between a menu line and a
// copyright line) keeps its run.
const textListingMinLines = 20

// otherRunShare is the share of the article run's score from which another
// run of lines is article too. Tuned by cross-validation on the training
// splits: 0 (one run) scored F1 0.729 on wceb1000 text exports and 0.887 on
// zh-dev's; 0.05 scored 0.756 and 0.885.
const otherRunShare = 0.05

// otherRuns marks inside the maximal runs of score[lo:hi] (see
// maximalRuns) whose sum is at least least.
func otherRuns(score []float64, inside []bool, lo, hi int, least float64) {
	if hi <= lo {
		return
	}
	for _, r := range maximalRuns(score[lo:hi]) {
		if r.sum < least {
			continue
		}
		for i := lo + r.start; i <= lo+r.end; i++ {
			inside[i] = true
		}
	}
}

// run is a run of scores, score[start..end] inclusive, and its sum.
type run struct {
	start, end int
	sum        float64
}

// maximalRuns returns the maximal scoring runs of score in order: the
// maximum run, then, recursively, the maximal runs to its left and to its
// right (Ruzzo and Tompa's definition), found in linear time by their
// algorithm, so that a text of half a million lines costs no more than one
// pass over it.
func maximalRuns(score []float64) []run {
	// seg is a candidate run with the cumulative score before it (l) and
	// at its end (r); prev is the nearest earlier candidate with a lower l.
	type seg struct {
		start, end int
		l, r       float64
		prev       int
	}
	var stack []seg
	cum := 0.0
	for i, x := range score {
		if x <= 0 {
			cum += x
			continue
		}
		k := seg{start: i, end: i, l: cum, r: cum + x}
		cum += x
		for {
			j := len(stack) - 1
			for j >= 0 && stack[j].l >= k.l {
				j = stack[j].prev
			}
			if j < 0 || stack[j].r >= k.r {
				k.prev = j
				stack = append(stack, k)
				break
			}
			// stack[j] ends below k and starts lower: they join.
			k.start, k.l = stack[j].start, stack[j].l
			stack = stack[:j]
		}
	}
	out := make([]run, len(stack))
	for i, s := range stack {
		out[i] = run{start: s.start, end: s.end, sum: s.r - s.l}
	}
	return out
}

// lineCost is what every line costs the run: a line must have about eight
// words (or a few clauses) to pay for itself. Lower costs give wider runs and
// leave more to stage 2; tuned by cross-validation on the training split.
const lineCost = 1.0

// lineScore is a line's evidence of being article prose: positive for long,
// punctuated lines, negative for short bare ones.
func lineScore(s string) float64 {
	w := float64(textWeight(s))
	p := float64(commas(s))
	stop := endPunct(s) == "stop"
	score := min(w, 60)/8 + min(p, 8)*0.4 - lineCost
	if stop {
		score += 1
	}
	if w < 4 {
		score -= 1
	}
	return score
}

// articleRun returns the bounds of the maximum run of block scores (see
// maxRun), with the headings just before it pulled in: the article's
// headline and first section heading open it but score low on their own.
// It returns -1, -1 when every score is negative.
func articleRun(blocks []Block, score []float64) (int, int) {
	start, end := maxRun(score)
	if start < 0 {
		return start, end
	}
	for start > 0 && blocks[start-1].Heading {
		start--
	}
	return start, end
}

// maxRun returns the bounds of the maximum-sum contiguous run of scores, or -1, -1 when every score is negative.
func maxRun(score []float64) (int, int) {
	bestStart, bestEnd := -1, -1
	best, cur, curStart := 0.0, 0.0, 0
	for i, s := range score {
		if cur <= 0 {
			cur, curStart = 0, i
		}
		cur += s
		if cur > best {
			best, bestStart, bestEnd = cur, curStart, i
		}
	}
	return bestStart, bestEnd
}

// looksLikeHeading reports whether a text line looks like a section heading:
// short, with no sentence-ending punctuation, starting with a numbering or
// being a short title.
func looksLikeHeading(s string) bool {
	n := utf8.RuneCountInString(s)
	if n == 0 || n > 60 || endPunct(s) == "stop" {
		return false
	}
	return numbered(s) && n > 2
}
