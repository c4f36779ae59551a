package classifier

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestPinKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Share this article", "share this article"},
		{"  SHARE\tthis \u00a0 Article \n", "share this article"}, // case, tabs, NBSP, ends
		{"Ｓｈａｒｅ　ｔｈｉｓ　ａｒｔｉｃｌｅ", "share this article"},              // full-width letters and space
		{"Share this article!", "share this article!"},            // punctuation is kept
		{"Ｎｏ．１２３", "no.123"},
		{"ＣＡＦÉ", "café"},
		{"Cafe\u0301", "café"}, // NFKC composes
		{"首頁 新聞", "首页 新闻"},     // Traditional → Simplified
		{"首页 新闻", "首页 新闻"},
		{"ΣΕΛΊΔΑ", "σελίδα"},
		{"", ""},
		{" \t ", ""},
	}
	for _, tt := range tests {
		if got := PinKey(tt.in); got != tt.want {
			t.Errorf("PinKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPinUnpin(t *testing.T) {
	c := NewCounts()
	c.Learn(placeholderSamples(t)...)
	base := c.Model()
	const share = "Share this article"
	shareP := base.PJunk(share, []string{"tag=a"})

	if err := c.Pin(Sample{Text: share, Label: Content}, Sample{Text: "首頁", Label: Junk},
		Sample{Text: "The committee published its report", Label: Junk}); err != nil {
		t.Fatal(err)
	}
	m := c.Model()
	if m.Info().Pinned != 3 || c.Pins() != 3 {
		t.Fatalf("Info.Pinned %d, Pins %d, want 3", m.Info().Pinned, c.Pins())
	}
	if m.Info().Samples != base.Info().Samples || m.Info().Vocabulary != base.Info().Vocabulary {
		t.Error("Pin changed the counts")
	}
	tests := []struct {
		text  string
		want  float64
		label Label
	}{
		{share, 0, Content},
		{"  SHARE   THIS ARTICLE ", 0, Content},
		{"ｓｈａｒｅ ｔｈｉｓ ａｒｔｉｃｌｅ", 0, Content},
		{"首頁", 1, Junk},
		{"首页", 1, Junk}, // the Simplified form of the pinned line
		{"the committee published its report", 1, Junk},
	}
	for _, tt := range tests {
		for _, feats := range [][]string{nil, {"tag=a", "link=high", "region=outside"}, {"tag=p", "region=inside"}} {
			if got := m.PJunk(tt.text, feats); got != tt.want {
				t.Errorf("PJunk(%q, %v) = %g, want exactly %g", tt.text, feats, got, tt.want)
			}
		}
		if l, ok := m.Pinned(tt.text); !ok || l != tt.label {
			t.Errorf("Pinned(%q) = %v %v, want %v", tt.text, l, ok, tt.label)
		}
		if got := m.Classify(tt.text, nil); got != tt.label {
			t.Errorf("Classify(%q) = %v, want %v", tt.text, got, tt.label)
		}
	}
	// Only the whole line matches.
	for _, text := range []string{"Share this article!", "Share this", "Please share this article"} {
		if _, ok := m.Pinned(text); ok {
			t.Errorf("Pinned(%q): pinned", text)
		}
	}
	// LogOdds is the counts' evidence alone.
	if a, b := m.LogOdds(share, []string{"tag=a"}), base.LogOdds(share, []string{"tag=a"}); a != b {
		t.Errorf("LogOdds of a pinned line %g, unpinned %g", a, b)
	}

	// The model is frozen: later pins do not change it.
	if err := c.Pin(Sample{Text: share, Label: Junk}); err != nil {
		t.Fatal(err)
	}
	if got := m.PJunk(share, nil); got != 0 {
		t.Errorf("a frozen model changed: %g", got)
	}
	// Pinning again with the other label moves the pin.
	m2 := c.Model()
	if got := m2.PJunk(share, nil); got != 1 || m2.Info().Pinned != 3 {
		t.Errorf("moved pin: PJunk %g, Pinned %d", got, m2.Info().Pinned)
	}
	// Counts() copies the pins; changing the copy does not change the model.
	c2 := m2.Counts()
	if l, ok := c2.Pinned(share); !ok || l != Junk || c2.Pins() != 3 {
		t.Errorf("Counts(): Pinned = %v %v, %d pins", l, ok, c2.Pins())
	}
	// Unpin takes back only a pin of the same label.
	if err := c2.Unpin(Sample{Text: share, Label: Content}, Sample{Text: "never pinned", Label: Junk}); err != nil {
		t.Fatal(err)
	}
	if c2.Pins() != 3 {
		t.Errorf("Unpin with the other label removed a pin: %d", c2.Pins())
	}
	if err := c2.Unpin(Sample{Text: " share THIS article", Label: Junk}, Sample{Text: "首页", Label: Junk}); err != nil {
		t.Fatal(err)
	}
	if c2.Pins() != 1 {
		t.Errorf("%d pins after Unpin, want 1", c2.Pins())
	}
	if got, want := c2.Model().PJunk(share, []string{"tag=a"}), shareP; got != want {
		t.Errorf("unpinned: PJunk %g, want the counts' %g", got, want)
	}
	if m2.Info().Pinned != 3 {
		t.Error("changing Counts() changed the model")
	}
	// A model without pins: nothing is pinned.
	if _, ok := base.Pinned(share); ok || base.Info().Pinned != 0 {
		t.Error("a model without pins has a pin")
	}
	var zero Model
	if _, ok := zero.Pinned(share); ok {
		t.Error("the zero model has a pin")
	}
}

func TestPinErrors(t *testing.T) {
	c := NewCounts()
	c.Pin(Sample{Text: "kept", Label: Junk})
	for name, s := range map[string][]Sample{
		"invalid label": {{Text: "a", Label: Junk}, {Text: "b", Label: 7}},
		"no text":       {{Text: "a", Label: Junk}, {Text: " \t", Label: Junk}},
		"too long":      {{Text: "a", Label: Junk}, {Text: strings.Repeat("x", MaxPinText+1), Label: Junk}},
	} {
		if err := c.Pin(s...); err == nil {
			t.Errorf("%s: no error", name)
		}
		if c.Pins() != 1 {
			t.Fatalf("%s: a failed Pin changed the pins (%d)", name, c.Pins())
		}
	}
	if err := c.Unpin(Sample{Text: "kept", Label: Junk}, Sample{Text: "x", Label: 9}); err == nil || c.Pins() != 1 {
		t.Errorf("Unpin with an invalid label: %v, %d pins", err, c.Pins())
	}
	// The bound on the table.
	many := make([]Sample, MaxPins)
	for i := range many {
		many[i] = Sample{Text: "line " + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + strconv.Itoa(i), Label: Label(i % 2)}
	}
	c = NewCounts()
	if err := c.Pin(many...); err != nil {
		t.Fatal(err)
	}
	if err := c.Pin(many[:10]...); err != nil { // already pinned: no growth
		t.Errorf("re-pinning: %v", err)
	}
	if err := c.Pin(Sample{Text: "one more", Label: Junk}); err == nil || c.Pins() != MaxPins {
		t.Errorf("pin beyond MaxPins: %v, %d pins", err, c.Pins())
	}
	// A full table saves and loads.
	m := c.Model()
	var buf bytes.Buffer
	if err := Save(&buf, m); err != nil {
		t.Fatal(err)
	}
	m2, err := Load(&buf)
	if err != nil || m2.Info().Pinned != MaxPins {
		t.Fatalf("full table: %v, %+v", err, m2.Info())
	}
}

// TestPinRoundTrip checks the pins survive Save and Load, in deterministic
// bytes whatever order they were pinned in.
func TestPinRoundTrip(t *testing.T) {
	pins := []Sample{{Text: "b", Label: Junk}, {Text: "a", Label: Content}, {Text: "首頁", Label: Junk}, {Text: "Ünïcode  line", Label: Content}}
	c1, c2 := NewCounts(), NewCounts()
	c1.Pin(pins...)
	for i := len(pins) - 1; i >= 0; i-- {
		c2.Pin(pins[i])
	}
	b1, b2 := mustSave(t, c1.Model()), mustSave(t, c2.Model())
	if !bytes.Equal(b1, b2) {
		t.Fatal("the same pins in another order give other bytes")
	}
	m, err := Load(bytes.NewReader(b1))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pins {
		if l, ok := m.Pinned(p.Text); !ok || l != p.Label {
			t.Errorf("loaded: Pinned(%q) = %v %v", p.Text, l, ok)
		}
	}
	if !bytes.Equal(mustSave(t, m), b1) {
		t.Error("Load → Save differs")
	}
}

func FuzzPinKey(f *testing.F) {
	for _, s := range []string{"Share this article", "ＣＡＦÉ", "首頁 新聞", " a\u00a0b ", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := PinKey(s)
		if !utf8.ValidString(k) {
			t.Fatalf("PinKey(%q) = %q: not UTF-8", s, k)
		}
		if k != "" && !pinKeyValid(k) {
			t.Fatalf("PinKey(%q) = %q: Load would reject it", s, k)
		}
		c := NewCounts()
		if k == "" || len(k) > MaxPinText {
			return
		}
		if err := c.Pin(Sample{Text: s, Label: Junk}); err != nil {
			t.Fatal(err)
		}
		m := c.Model()
		if m.PJunk(s, nil) != 1 {
			t.Fatalf("pinned %q: PJunk %g", s, m.PJunk(s, nil))
		}
		var buf bytes.Buffer
		Save(&buf, m)
		m2, err := Load(&buf)
		if err != nil {
			t.Fatalf("pinned %q: reload: %v", s, err)
		}
		if m2.PJunk(s, nil) != 1 {
			t.Fatalf("pinned %q: reloaded PJunk %g", s, m2.PJunk(s, nil))
		}
	})
}
