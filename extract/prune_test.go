package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestPrune(t *testing.T) {
	article := strings.Repeat("<p>"+strings.Repeat("Article sentence with words. ", 10)+"</p>", 3)
	tests := []struct {
		name string
		in   string
		keep []string
		drop []string
	}{
		{"code and media", `<p>keep</p><script>drop1</script><style>drop2</style><noscript>drop3</noscript><template>drop4</template><svg><text>drop5</text></svg><math><mi>drop6</mi></math><iframe>drop7</iframe><object>drop8</object><canvas>drop9</canvas>`,
			[]string{"keep"}, []string{"drop1", "drop2", "drop3", "drop4", "drop5", "drop6", "drop7", "drop8", "drop9"}},
		{"form controls", `<form><p>keep in form</p><input value=drop1><select><option>drop2</option></select><textarea>drop3</textarea><button>drop4</button></form>`,
			[]string{"keep in form"}, []string{"drop1", "drop2", "drop3", "drop4"}},
		{"comments", `<p>keep<!-- drop1 --></p>`, []string{"keep"}, []string{"drop1"}},
		{"hidden", `<p>keep</p><div hidden>drop1</div><div aria-hidden="true">drop2</div><div style="color:red; DISPLAY : none !important">drop3</div><span style="visibility:hidden">drop4</span><div aria-hidden="false">keep2</div><div style="display:block">keep3</div>`,
			[]string{"keep", "keep2", "keep3"}, []string{"drop1", "drop2", "drop3", "drop4"}},
		{"hidden body kept", `<body style="display:none"><p>keep</p></body>`, []string{"keep"}, nil},
		{"hidden article kept", `<div aria-hidden="true"><h1>keep</h1>` + article + `</div>`, []string{"keep", "Article sentence"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			prune(doc)
			var b strings.Builder
			html.Render(&b, doc)
			out := b.String()
			for _, k := range tt.keep {
				if !strings.Contains(out, k) {
					t.Errorf("pruned %q: %s", k, out)
				}
			}
			for _, d := range tt.drop {
				if strings.Contains(out, d) {
					t.Errorf("kept %q: %s", d, out)
				}
			}
		})
	}
}

func TestStyleHides(t *testing.T) {
	tests := map[string]bool{
		"display:none":                 true,
		"display: none;":               true,
		"Visibility:Hidden":            true,
		"display:none!important":       true,
		"display:inline":               false,
		"border:none":                  false,
		"overflow:hidden":              false,
		"background:url(display:none)": false,
		"":                             false,
	}
	for in, want := range tests {
		if got := styleHides(in); got != want {
			t.Errorf("styleHides(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestPruneNil(t *testing.T) { prune(nil) }
