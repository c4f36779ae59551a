package classifier

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseLabel(t *testing.T) {
	tests := []struct {
		in      string
		want    Label
		wantErr bool
	}{
		{"content", Content, false},
		{"junk", Junk, false},
		{"JUNK", Junk, false},
		{" Content ", Content, false},
		{"0", Content, false},
		{"1", Junk, false},
		{"keep", 0, true},
		{"drop", 0, true},
		{"2", 0, true},
		{"", 0, true},
	}
	for _, tt := range tests {
		got, err := ParseLabel(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParseLabel(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
		if err != nil && !strings.HasPrefix(err.Error(), "classifier: ") {
			t.Errorf("ParseLabel(%q) error %q lacks the package prefix", tt.in, err)
		}
	}
	if got := Label(7).String(); got != "Label(7)" {
		t.Errorf("Label(7).String() = %q", got)
	}
}

func TestLabelJSON(t *testing.T) {
	b, err := json.Marshal(Sample{Text: "x", Label: Junk})
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"text":"x","label":"junk"}`; string(b) != want {
		t.Errorf("Marshal = %s, want %s", b, want)
	}
	if _, err := json.Marshal(Sample{Label: 3}); err == nil {
		t.Error("Marshal of invalid label: no error")
	}
	for in, want := range map[string]Label{`"junk"`: Junk, `"Content"`: Content, `1`: Junk, `0`: Content, `"1"`: Junk} {
		var l Label
		if err := json.Unmarshal([]byte(in), &l); err != nil || l != want {
			t.Errorf("Unmarshal(%s) = %v, %v; want %v", in, l, err, want)
		}
	}
	for _, in := range []string{`2`, `"maybe"`, `true`, `null`, `1.0`} {
		l := Junk
		if err := json.Unmarshal([]byte(in), &l); err == nil && in != "null" {
			t.Errorf("Unmarshal(%s) = %v, want error", in, l)
		}
	}
}

func TestReadWriteSamples(t *testing.T) {
	in := []Sample{
		{Text: "Hello <world> & co", Features: []string{"tag=p", "len=short"}, Label: Content, Page: "p1", Corpus: "c"},
		{Text: "Home", Label: Junk},
	}
	var buf bytes.Buffer
	if err := WriteSamples(&buf, in); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "<world> & co") {
		t.Errorf("WriteSamples escaped HTML: %s", buf.String())
	}
	// Blank lines are skipped.
	got, err := ReadSamples(strings.NewReader("\n" + buf.String() + "\n  \n"))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(in, got); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
	if err := WriteSamples(&buf, []Sample{{Label: 9}}); err == nil {
		t.Error("WriteSamples of an invalid label: no error")
	}
}

func TestReadSamplesErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		line int
	}{
		{"bad JSON", `{"text":"a","label":"junk"}` + "\n{oops\n", 2},
		{"missing label", "\n\n" + `{"text":"a"}`, 3},
		{"bad label", `{"text":"a","label":"maybe"}`, 1},
		{"unknown field", `{"text":"a","label":"junk","lable":"content"}`, 1},
		{"two values", `{"text":"a","label":"junk"} {"text":"b","label":"junk"}`, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadSamples(strings.NewReader(tt.in))
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v is not a *ParseError", err)
			}
			if pe.Line != tt.line {
				t.Errorf("line = %d, want %d (%v)", pe.Line, tt.line, err)
			}
			if !strings.HasPrefix(err.Error(), "classifier: line ") {
				t.Errorf("error %q lacks the prefix", err)
			}
		})
	}
}
