package server

import (
	"bytes"
	"testing"

	"github.com/winnowlabs/winnow/classifier"
)

// cleanFeatured cleans a fixture page with ?features=1.
func cleanFeatured(tb testing.TB, s *Server, raw []byte) featuredResponse {
	tb.Helper()
	r := do(tb, "POST", s.URL()+"/v1/clean?features=1", bytes.NewReader(raw), "Content-Type: text/html", "Content-Encoding: gzip")
	if r.Status != 200 {
		tb.Fatalf("clean: %d %s", r.Status, r.Body)
	}
	var got featuredResponse
	r.JSON(tb, &got)
	return got
}

// TestTrainPins teaches, as the review page does, a menu link outside the
// article region of an HTML page as content and a line inside it as junk,
// against the default model, and checks that both flip on the next clean.
// (Learned without pins, at the default weight 20, the menu link stays at
// p_junk 1.0000 and the inside line moves from 0.033 only to 0.983, short
// of the 0.78 that drops a line inside the region.) Unlearning takes
// the pins back.
func TestTrainPins(t *testing.T) {
	if testing.Short() {
		t.Skip("trains the default model")
	}
	model, err := classifier.Default()
	if err != nil {
		t.Fatal(err)
	}
	cfg := trainingConfig(t)
	cfg.DefaultModel = model
	s := MustOpenServer(t, cfg)
	raw := fixture(t, "en-seo-blog")
	page := cleanFeatured(t, s, raw)

	menu, inside := -1, -1
	for i, b := range page.Blocks {
		switch {
		case menu < 0 && b.Region == "outside" && b.Label == classifier.Junk && len(b.Text) > 3 && len(b.Text) < 30:
			menu = i
		case b.Region == "inside" && b.Label == classifier.Content && len(b.Text) > 40:
			inside = i
		}
	}
	if menu < 0 || inside < 0 {
		t.Fatalf("no outside junk block (%d) or inside content block (%d) in %d blocks", menu, inside, len(page.Blocks))
	}
	mb, ib := page.Blocks[menu], page.Blocks[inside]
	t.Logf("menu %q (p_junk %.4f), inside %q (p_junk %.6f)", mb.Text, mb.PJunk, ib.Text, ib.PJunk)
	samples := []map[string]any{
		{"text": mb.Text, "label": "content", "features": mb.Features},
		{"text": ib.Text, "label": "junk", "features": ib.Features},
	}

	// Teaching (pinned by default) flips both.
	got := mustTrain(t, s, trainBody(samples, nil))
	if got.Pinned != 2 || modelInfo(t, s).Pinned != 2 {
		t.Fatalf("train answer %+v, want 2 pinned lines", got)
	}
	after := cleanFeatured(t, s, raw)
	if after.Blocks[menu].Label != classifier.Content || after.Blocks[inside].Label != classifier.Junk {
		t.Fatalf("after teaching: menu block %+v, inside block %+v", after.Blocks[menu].Block, after.Blocks[inside].Block)
	}
	if after.Blocks[menu].PJunk != 0 || after.Blocks[inside].PJunk != 1 {
		t.Errorf("pinned p_junk %g and %g, want exactly 0 and 1", after.Blocks[menu].PJunk, after.Blocks[inside].PJunk)
	}
	if pJunk(t, s, "  "+mb.Text+" ") != 0 || pJunk(t, s, ib.Text) != 1 {
		t.Error("/v1/classify does not follow the pins")
	}
	// The pins survive a restart (they are in the model file).
	disk, err := classifier.LoadFile(cfg.ModelPath)
	if err != nil || disk.Info().Pinned != 2 {
		t.Fatalf("model file: %v %+v", err, disk.Info())
	}

	// Unlearning unpins: the page is as before.
	got = mustTrain(t, s, trainBody(samples, map[string]any{"unlearn": true}))
	if got.Pinned != 0 {
		t.Fatalf("unlearn left %d pins", got.Pinned)
	}
	after = cleanFeatured(t, s, raw)
	if after.Text != page.Text {
		t.Error("after unlearning, the page cleans differently from before")
	}
}

// TestTrainPinFlag checks "pin": false learns without pinning, that
// unlearning unpins (unless "pin" is false), and that a later correction
// with the other label moves a pin.
func TestTrainPinFlag(t *testing.T) {
	s := MustOpenServer(t, trainingConfig(t))
	const probe = "Download the Otterly app for exclusive VIP stories"
	got := mustTrain(t, s, trainBody(corrections, map[string]any{"pin": false}))
	if got.Pinned != 0 || modelInfo(t, s).Pinned != 0 {
		t.Fatalf("pin false: %+v", got)
	}
	if p := pJunk(t, s, probe); p == 1 {
		t.Error("pin false: the line is pinned")
	}
	got = mustTrain(t, s, trainBody(corrections, nil))
	if got.Pinned != 3 || modelInfo(t, s).Pinned != 3 || pJunk(t, s, probe) != 1 {
		t.Fatalf("pinned: %+v, p_junk %g", got, pJunk(t, s, probe))
	}
	// Unlearning with pin false leaves the pins.
	got = mustTrain(t, s, trainBody(corrections, map[string]any{"pin": false, "unlearn": true}))
	if got.Pinned != 3 || pJunk(t, s, probe) != 1 {
		t.Fatalf("unlearn, pin false: %+v", got)
	}
	// The other label moves the pin.
	flip := []map[string]any{{"text": "download the OTTERLY app for exclusive VIP stories", "label": "content"}}
	got = mustTrain(t, s, trainBody(flip, nil))
	if got.Pinned != 3 || pJunk(t, s, probe) != 0 {
		t.Fatalf("moved pin: %+v, p_junk %g", got, pJunk(t, s, probe))
	}
	// Unlearning the first correction (junk) leaves the content pin alone.
	got = mustTrain(t, s, trainBody(corrections[:1], map[string]any{"unlearn": true, "weight": 20}))
	if got.Pinned != 3 || pJunk(t, s, probe) != 0 {
		t.Fatalf("unlearn of an overridden pin: %+v", got)
	}
	got = mustTrain(t, s, trainBody(flip, map[string]any{"unlearn": true}))
	if got.Pinned != 2 || pJunk(t, s, probe) == 0 {
		t.Fatalf("unpinned: %+v", got)
	}
	if v := modelInfo(t, s).Versions[0]; v.Pinned != 2 {
		t.Errorf("GET /v1/model versions[0] %+v", v)
	}
}
