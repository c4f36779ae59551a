package eval

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// sharedData is the shared corpora, present in a full checkout.
const sharedData = "../../shared/data"

func TestSplitOfFixed(t *testing.T) {
	// Computed independently (FNV-1a 64 in Python); these must never change.
	want := map[string]Split{
		"0001": SplitDev, "0002": SplitTrain, "0003": SplitTrain, "0004": SplitTrain,
		"0005": SplitTrain, "0006": SplitDev, "0007": SplitTrain, "0010": SplitTrain,
		"05e98007-d810-4036-b154-2ef2fe68c2af": SplitDev,
	}
	for id, s := range want {
		if got := SplitOf(id); got != s {
			t.Errorf("SplitOf(%q) = %v, want %v", id, got, s)
		}
		if !s.Has(id) || !SplitAll.Has(id) {
			t.Errorf("%v.Has(%q) or all.Has = false", s, id)
		}
		other := SplitTrain
		if s == SplitTrain {
			other = SplitDev
		}
		if other.Has(id) {
			t.Errorf("%v.Has(%q) = true", other, id)
		}
	}
}

func TestFold(t *testing.T) {
	want := map[string]int{"0001": 2, "0002": 1, "0003": 0, "0006": 0, "0007": 4}
	for id, f := range want {
		if got := Fold(id, 5); got != f {
			t.Errorf("Fold(%q, 5) = %d, want %d", id, got, f)
		}
	}
	if Fold("0001", 1) != 0 || Fold("0001", 0) != 0 || Fold("0001", -3) != 0 {
		t.Error("Fold with k < 2 must be 0")
	}
	counts := make([]int, 5)
	for i := range 1000 {
		f := Fold(strings.Repeat("x", i%7)+string(rune('a'+i%26))+strconv.Itoa(i), 5)
		if f < 0 || f >= 5 {
			t.Fatalf("Fold out of range: %d", f)
		}
		counts[f]++
	}
	for f, n := range counts {
		if n < 150 || n > 250 {
			t.Errorf("fold %d has %d of 1000 ids", f, n)
		}
	}
}

func TestParseSplit(t *testing.T) {
	for in, want := range map[string]Split{"": SplitAll, "all": SplitAll, "train": SplitTrain, "dev": SplitDev} {
		got, err := ParseSplit(in)
		if err != nil || got != want {
			t.Errorf("ParseSplit(%q) = %v, %v; want %v", in, got, err, want)
		}
		if in != "" && got.String() != in {
			t.Errorf("%v.String() = %q, want %q", got, got.String(), in)
		}
	}
	if _, err := ParseSplit("test"); err == nil || !strings.HasPrefix(err.Error(), "eval: ") {
		t.Errorf("ParseSplit(test) error = %v", err)
	}
}

func TestSplitShareWceb1000(t *testing.T) {
	dir := filepath.Join(sharedData, "wceb1000", "html")
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		t.Skip("shared data not present")
	}
	if err != nil {
		t.Fatal(err)
	}
	dev, n := 0, 0
	for _, e := range entries {
		id, ok := strings.CutSuffix(e.Name(), ".html.gz")
		if !ok {
			continue
		}
		n++
		if SplitOf(id) == SplitDev {
			dev++
		}
	}
	if n < 900 {
		t.Fatalf("only %d pages in %s", n, dir)
	}
	if share := float64(dev) / float64(n); share < 0.16 || share > 0.24 {
		t.Errorf("dev share %.3f (%d of %d), want about 0.2", share, dev, n)
	}
	t.Logf("wceb1000: %d of %d pages in dev", dev, n)
}
