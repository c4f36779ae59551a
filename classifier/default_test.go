package classifier

import (
	"bytes"
	"flag"
	"os"
	"strings"
	"testing"
)

var updateDefault = flag.Bool("update-default", false, "rewrite default.model from testdata/placeholder.jsonl (only while it is a placeholder)")

const placeholderNote = "placeholder: trained on classifier/testdata/placeholder.jsonl"

// TestPlaceholderDefault rewrites the placeholder default.model with
// -update-default. It refuses to overwrite a real model.
func TestPlaceholderDefault(t *testing.T) {
	if !*updateDefault {
		t.Skip("run with -update-default to rewrite default.model")
	}
	if cur, err := Load(bytes.NewReader(defaultModelData)); err == nil && !strings.HasPrefix(cur.Info().Note, "placeholder") {
		t.Fatalf("default.model is a real model (%q); not overwriting it", cur.Info().Note)
	}
	c := NewCounts()
	c.Learn(placeholderSamples(t)...)
	c.LearnSequence([]Label{Junk, Junk, Content, Content, Content, Content, Junk, Junk, Junk})
	m := c.ModelWith(Info{Version: 0, Note: placeholderNote})
	if err := SaveFile("default.model", m); err != nil {
		t.Fatal(err)
	}
}

func TestDefault(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	m2, _ := Default()
	if m != m2 {
		t.Error("Default returned two different models")
	}
	if m.Info().Vocabulary == 0 {
		t.Error("the default model is empty")
	}
	if got := m.Classify("Subscribe to our newsletter", []string{"tag=li", "link=high", "region=outside"}); got != Junk {
		t.Errorf("default model: newsletter line is %v", got)
	}
	if got := m.Classify("The committee said the evidence was clear.", []string{"tag=p", "link=none", "len=long", "punct=stop", "region=inside"}); got != Content {
		t.Errorf("default model: article sentence is %v", got)
	}
	// The embedded file is what is on disk.
	if disk, err := os.ReadFile("default.model"); err != nil || !bytes.Equal(disk, defaultModelData) {
		t.Errorf("default.model on disk differs from the embedded one (%v)", err)
	}
}
