// Package eval measures how well an extractor separates article text from
// the rest of a page, and reads the corpora it is measured on.
//
// # Corpora
//
// A corpus is a directory in the layout of the public article-extraction
// benchmarks:
//
//	CORPUS/html/<id>.html.gz     the page's raw bytes, gzip-compressed
//	CORPUS/ground-truth.json     {"<id>": {"articleBody", "url", "title", "with", "without"}}
//
// A page whose articleBody is null or missing has snippets only
// ([Page.SnippetsOnly]): it is scored by snippet F alone.
//
// [LoadCorpus] reads the ground truth; [Corpus.ReadPage] returns a page's
// decompressed bytes. Every page belongs to a fixed split chosen by a hash
// of its id ([SplitOf]): about 80% train and 20% dev. Numbers are reported
// on dev only.
//
// # Metrics
//
// Shingle F1 is the article-extraction benchmark's metric: tokens are \w+
// runs ([Tokens]), 4-token shingles are counted as multisets and per page
// tp, fp and fn are normalised to sum to 1 ([ShingleCounts]). An
// [Accumulator] averages precision over the pages with tp+fp > 0 and recall
// over the pages with tp+fn > 0, and takes F1 of the two averages. For text
// that is mostly Chinese, Japanese or Korean ([IsCJKText]) every Han, Kana
// and Hangul character is a token of its own.
//
// Snippet F ([Snippets]) counts the ground truth's "with" snippets found in
// the output as true positives and its "without" snippets found as false
// positives.
//
// # Running an extractor
//
// [Run] applies an [Extractor] to the pages of a split, scores each page
// and times the extractor calls alone; [Report.WriteText] prints the
// summary and the worst pages.
package eval
