// Package classifier is winnow's stage 2: a multinomial naive Bayes
// classifier that labels each candidate line of a page as [Content] or
// [Junk], plus a two-state hidden Markov model that smooths the labels of a
// page's lines in order.
//
// # Tokens
//
// A line is turned into tokens by a [Tokenizer]: the text is NFKC-folded
// and lower-cased; words are runs of letters, digits and combining marks,
// and each pair of neighbouring words adds a bigram ("a_b"). Han, Kana and
// Hangul are not segmented: each character and each pair of neighbouring
// characters is a token, and Traditional Chinese characters are folded to
// Simplified. A run of digits becomes a shape token ("2023" is "#num4").
// The structural features of a block (a [Sample]'s Features, such as
// "tag=li" or "link=high") are tokens too, written "#tag=li".
//
// # Scoring
//
// [Model.LogOdds] is
//
//	log P(junk)/P(content)  +  Σ features llr(f)  +  s · Σ words llr(w)
//
// where llr(t) = log P(t|junk) − log P(t|content), with Lidstone smoothing
// P(t|c) = (n_c(t)+α) / (N_c + α·V), and s = min(1, K/n) for the n known
// word tokens of the line. Tokens never seen in training are ignored. The
// scale s keeps word evidence from growing without bound with the length of
// a block: without it, long blocks are decided by vocabulary alone and the
// structural feature tokens are drowned out. K (Info.WordCap, default 12)
// and α (Info.Alpha, default 1) are stored in the model file.
// [Model.PJunk] turns the log-odds into a probability with a logistic that
// cannot overflow.
//
// # Pinned lines
//
// A user's correction may not move the counts of a large model far
// enough. [Counts.Pin] therefore also keeps an exact-match table of
// corrected lines and their labels, keyed by the line's [PinKey] (NFKC,
// Traditional folded to Simplified, lower case, white space collapsed and
// trimmed). For a pinned line [Model.PJunk] is exactly 1 (junk) or 0
// (content), before any of the maths above; [Model.LogOdds] still gives
// the counts' evidence. [Counts.Unpin] takes pins back, [Model.Pinned]
// looks a line up, and Info.Pinned counts them.
//
// # Training and concurrency
//
// [Counts] holds mutable counts: [Counts.Learn], [Counts.Unlearn],
// [Counts.LearnSequence] and [Counts.Prune] change them, and [Counts.Model]
// freezes an immutable [Model]. A Model is safe for concurrent use by any
// number of goroutines; to retrain, take [Model.Counts], train on the copy,
// build a new Model and swap the pointer (for example with atomic.Pointer).
//
// # Files
//
// [Save] and [Load] read and write the model file format (a versioned
// header, a deterministic gzip body and a SHA-256 checksum); [SaveFile]
// replaces a file atomically. [Default] returns the model embedded in the
// package. Training samples are read and written as JSON lines by
// [ReadSamples] and [WriteSamples].
//
// The source files are:
//
//   - label.go: [Label] and its text form.
//   - sample.go: [Sample], JSON-lines reading and writing, [ParseError].
//   - tokenize.go, t2s.go: the [Tokenizer] and the Traditional-to-Simplified table.
//   - train.go: [Counts].
//   - pin.go: pinned lines ([Counts.Pin], [PinKey]).
//   - model.go: [Model] scoring and [Info].
//   - smooth.go: the sequence HMM ([Model.Smooth]).
//   - file.go: the model file format.
//   - default.go: the embedded default model.
package classifier

//go:generate go run ./internal/gent2s
