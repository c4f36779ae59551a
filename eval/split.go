package eval

import (
	"fmt"
	"hash/fnv"
)

// Split selects a subset of a corpus's pages by a fixed hash of their ids.
type Split uint8

const (
	// SplitAll selects every page.
	SplitAll Split = iota
	// SplitTrain selects the pages used for training and tuning (about 80%).
	SplitTrain
	// SplitDev selects the held-out pages that numbers are reported on (about 20%).
	SplitDev
)

// String returns "all", "train" or "dev".
func (s Split) String() string {
	switch s {
	case SplitAll:
		return "all"
	case SplitTrain:
		return "train"
	case SplitDev:
		return "dev"
	}
	return fmt.Sprintf("Split(%d)", uint8(s))
}

// ParseSplit parses "all" (or ""), "train" or "dev".
func ParseSplit(s string) (Split, error) {
	switch s {
	case "", "all":
		return SplitAll, nil
	case "train":
		return SplitTrain, nil
	case "dev":
		return SplitDev, nil
	}
	return 0, fmt.Errorf("eval: unknown split %q (want all, train or dev)", s)
}

func hashID(prefix, id string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(prefix))
	h.Write([]byte(id))
	return h.Sum64()
}

// SplitOf returns the split a page id belongs to: [SplitDev] when the
// FNV-1a 64 hash of "winnow-split:"+id is divisible by 5, else
// [SplitTrain]. It never returns [SplitAll].
func SplitOf(id string) Split {
	if hashID("winnow-split:", id)%5 == 0 {
		return SplitDev
	}
	return SplitTrain
}

// Has reports whether the page id belongs to s.
func (s Split) Has(id string) bool {
	return s == SplitAll || SplitOf(id) == s
}

// Fold returns the cross-validation fold of a page id, in [0, k): the
// FNV-1a 64 hash of "winnow-fold:"+id modulo k. It is independent of
// [SplitOf], so folds can be taken within the train split. k < 1 is
// treated as 1.
func Fold(id string, k int) int {
	if k <= 1 {
		return 0
	}
	return int(hashID("winnow-fold:", id) % uint64(k))
}
