package bench

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/winnowlabs/winnow/eval"
)

func TestReadabilityText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"empty", "", ""},
		{"one paragraph", "<p>Hello, world.</p>", "Hello, world."},
		{"blocks are lines", "<div><h1>Title</h1><p>One.</p><p>Two.</p></div>", "Title\nOne.\nTwo."},
		{"inline stays on the line", "<p>An <a href=x>otter</a> <em>swims</em>.</p>", "An otter swims."},
		{"adjacent inlines join", "<p><span>Fisch</span><span>otter</span></p>", "Fischotter"},
		{"spaces and tabs collapse", "<p>a  \t b\t\tc</p>", "a b c"},
		{"line breaks in text are spaces", "<p>wrapped\n   source\r\nlines</p>", "wrapped source lines"},
		{"lines are trimmed and empty ones dropped", "<div>\n  <p>  x  </p>\n\n  <p> </p><p>y</p></div>", "x\ny"},
		{"br", "<p>first<br>second<br/><br>third</p>", "first\nsecond\nthird"},
		{"pre keeps its lines", "<pre>a := 1\n\tb  :=  2\n\n</pre>", "a := 1\nb := 2"},
		{"lists", "<ul><li>one</li><li>two</li></ul><ol><li>three</li></ol>", "one\ntwo\nthree"},
		{"definition lists", "<dl><dt>term</dt><dd>meaning</dd></dl>", "term\nmeaning"},
		{"tables", "<table><tr><th>h</th><td>c1</td><td>c2</td></tr></table>", "h\nc1\nc2"},
		{"quote and caption", "<blockquote>said</blockquote><figure><img alt=no><figcaption>cap</figcaption></figure>", "said\ncap"},
		{"section and article", "<article>a<section>b</section>c</article>", "a\nb\nc"},
		{"page parts are blocks", "<header>a</header><nav>b</nav><main>c</main><aside>d</aside><footer>e</footer><figure>f</figure><address>g</address><details><summary>h</summary>i</details>", "a\nb\nc\nd\ne\nf\ng\nh\ni"},
		{"script, style and noscript skipped", "<p>a<script>var x = 1;</script><style>p{}</style><noscript><p>js</p></noscript>b</p>", "ab"},
		{"comments skipped", "<p>a<!-- note -->b</p>", "ab"},
		{"entities", "<p>fish &amp; chips&nbsp;&lt;3</p>", "fish & chips\u00a0<3"},
		{"Chinese", "<p>谷歌 在2014年收购</p><p>人工智能</p>", "谷歌 在2014年收购\n人工智能"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := readabilityText(strings.NewReader(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("readabilityText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// writeTestPage writes test-pages/<id>/source.html and expected.html under
// mod, padding source.html to at least size bytes.
func writeTestPage(t *testing.T, mod, id, source, expected string, size int) {
	t.Helper()
	dir := filepath.Join(mod, "test-pages", id)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if pad := size - len(source); pad > 0 {
		source += "<!--" + strings.Repeat("x", pad) + "-->"
	}
	if err := os.WriteFile(filepath.Join(dir, "source.html"), []byte(source), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "expected.html"), []byte(expected), 0o644); err != nil {
		t.Fatal(err)
	}
}

// fakeReadabilityModule makes a module directory with two real pages, two
// to leave out (a small synthetic one, and one whose article is one
// character short) and a stray file, and returns it and the real pages' texts.
func fakeReadabilityModule(t *testing.T) (string, map[string]string) {
	t.Helper()
	mod := t.TempDir()
	para := strings.Repeat("Otters hold hands while they sleep so that they do not drift apart. ", 5)
	news := fmt.Sprintf("<div id=\"readability-page-1\" class=\"page\"><h1>Otters</h1>\n<p>%s</p>\n<p>%s</p></div>", para, para)
	blog := fmt.Sprintf("<div><p>水獭睡觉时会手牵手。</p><ul><li>%s</li></ul></div>", strings.Repeat("长", 600))
	writeTestPage(t, mod, "news-1", "<html><body><nav>Home</nav>"+news+"</body></html>", news, 30_000)
	writeTestPage(t, mod, "blog-zh", "<html><body>"+blog+"</body></html>", blog, ReadabilityMinSourceBytes)
	writeTestPage(t, mod, "rtl-1", "<p dir=rtl>test</p>", "<p dir=rtl>test</p>", 0)
	short := "<p>" + strings.Repeat("短", ReadabilityMinBodyChars-1) + "</p>" // over 500 bytes, under 500 characters
	writeTestPage(t, mod, "short-zh", short, short, 50_000)
	if err := os.WriteFile(filepath.Join(mod, "test-pages", "nodes.html"), []byte("<p>not a page</p>"), 0o644); err != nil {
		t.Fatal(err)
	}
	return mod, map[string]string{
		"news-1":  "Otters\n" + strings.TrimSpace(para) + "\n" + strings.TrimSpace(para),
		"blog-zh": "水獭睡觉时会手牵手。\n" + strings.Repeat("长", 600),
	}
}

func TestWriteReadabilitySet(t *testing.T) {
	mod, bodies := fakeReadabilityModule(t)
	out := filepath.Join(t.TempDir(), "readability-set")
	n, left, err := WriteReadabilitySet(mod, out)
	if err != nil {
		t.Fatal(err)
	}
	if n != 2 || !slices.Equal(left, []string{"rtl-1", "short-zh"}) {
		t.Errorf("%d pages, left out %q; want 2, [rtl-1 short-zh]", n, left)
	}
	c, err := eval.LoadCorpus(out)
	if err != nil {
		t.Fatal(err)
	}
	if ids := pageIDs(c); !slices.Equal(ids, []string{"blog-zh", "news-1"}) {
		t.Fatalf("corpus pages %q, want [blog-zh news-1]", ids)
	}
	for _, p := range c.Pages {
		if !p.HasBody() || p.URL != "" || p.Body != bodies[p.ID] {
			t.Errorf("page %s = %+v, want body %q and no URL", p.ID, p, bodies[p.ID])
		}
		raw, err := c.ReadPage(p.ID)
		if err != nil {
			t.Fatal(err)
		}
		src, err := os.ReadFile(filepath.Join(mod, "test-pages", p.ID, "source.html"))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(raw, src) {
			t.Errorf("page %s: stored %d bytes, want source.html's %d", p.ID, len(raw), len(src))
		}
	}
	if files := listFiles(t, out); !slices.Equal(files, []string{"ground-truth.json", "html/blog-zh.html.gz", "html/news-1.html.gz"}) {
		t.Errorf("files written: %q", files)
	}

	again := filepath.Join(t.TempDir(), "again")
	if _, _, err := WriteReadabilitySet(mod, again); err != nil {
		t.Fatal(err)
	}
	for _, f := range listFiles(t, out) {
		a, errA := os.ReadFile(filepath.Join(out, f))
		b, errB := os.ReadFile(filepath.Join(again, f))
		if errA != nil || errB != nil || !bytes.Equal(a, b) {
			t.Errorf("%s differs between two runs (%v, %v)", f, errA, errB)
		}
	}

	if _, _, err := WriteReadabilitySet(mod, out); !errors.Is(err, fs.ErrExist) {
		t.Errorf("writing over a corpus: err = %v, want fs.ErrExist", err)
	}
}

func TestWriteReadabilitySetErrors(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, mod string)
	}{
		{"no test pages", func(t *testing.T, mod string) {}},
		{"no real pages", func(t *testing.T, mod string) {
			writeTestPage(t, mod, "rtl-1", "<p>x</p>", "<p>x</p>", 0)
		}},
		{"no expected.html", func(t *testing.T, mod string) {
			writeTestPage(t, mod, "a", "<p>x</p>", "<p>x</p>", 0)
			os.Remove(filepath.Join(mod, "test-pages", "a", "expected.html"))
		}},
		{"no source.html", func(t *testing.T, mod string) {
			writeTestPage(t, mod, "a", "<p>x</p>", "<p>x</p>", 0)
			os.Remove(filepath.Join(mod, "test-pages", "a", "source.html"))
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mod := t.TempDir()
			tt.setup(t, mod)
			out := filepath.Join(t.TempDir(), "out")
			if _, _, err := WriteReadabilitySet(mod, out); err == nil || !strings.HasPrefix(err.Error(), "bench: readability set: ") {
				t.Errorf("err = %v, want a readability set error", err)
			}
			if _, err := os.Stat(filepath.Join(out, "ground-truth.json")); err == nil {
				t.Error("ground-truth.json written despite the error")
			}
		})
	}
}

// TestReadabilitySetPinned reads the test pages of the go-readability
// version this module pins from the module cache, as cmd/rdbset does: it
// fails if a new version changes the layout. It skips when the module is
// not in the cache (it does not download it).
func TestReadabilitySetPinned(t *testing.T) {
	t.Setenv("GOPROXY", "off")
	mod, err := ReadabilityModuleDir(context.Background())
	if err != nil {
		t.Skipf("go-readability is not in the module cache: %v", err)
	}
	out := filepath.Join(t.TempDir(), "readability-set")
	n, left, err := WriteReadabilitySet(mod, out)
	if err != nil {
		t.Fatal(err)
	}
	if n < 90 || len(left) < 30 {
		t.Errorf("%d pages, %d left out; want about 95 and 39", n, len(left))
	}
	c, err := eval.LoadCorpus(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"nytimes-1", "guardian-1", "qq", "wikipedia"} {
		if p, ok := c.Page(id); !ok || len(p.Body) < ReadabilityMinBodyChars {
			t.Errorf("page %s missing or short: %v, %d bytes of body", id, ok, len(p.Body))
		}
	}
	for _, id := range []string{"rtl-1", "remove-extra-brs", "normalize-spaces"} {
		if !slices.Contains(left, id) {
			t.Errorf("synthetic page %s kept", id)
		}
	}
	var report strings.Builder
	if err := BuildReadabilitySet(context.Background(), filepath.Join(t.TempDir(), "again"), &report); err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf(": %d pages from %s\n", n, mod); !strings.Contains(report.String(), want) {
		t.Errorf("BuildReadabilitySet reported %q, want %q", report.String(), want)
	}
}

func pageIDs(c *eval.Corpus) []string {
	var ids []string
	for _, p := range c.Pages {
		ids = append(ids, p.ID)
	}
	return ids
}

// listFiles returns the regular files under dir, as sorted slash paths
// relative to it.
func listFiles(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		files = append(files, filepath.ToSlash(rel))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}
