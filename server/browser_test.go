package server

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The review page in a real browser: Debian's Chromium, headless, driven
// with chromedp against a real server on a loopback port. The tests skip
// when no Chromium is installed (.ci/run installs it).

// browserBudget bounds all the browser work of one test; the browser is
// killed when it passes.
const browserBudget = 60 * time.Second

// findChromium returns the path of a Chromium or Chrome on PATH, or "".
func findChromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// newBrowser starts a headless Chromium with a fresh profile and returns a
// context for its first tab. It is stopped when the test ends.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	path := findChromium()
	if path == "" {
		t.Skip("no Chromium on PATH (chromium, chromium-browser, google-chrome): browser tests skipped; " +
			"install it with: apt-get install chromium")
	}
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	profile := t.TempDir() // removed after the browser is stopped (cleanups run last-in, first-out)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1200, 900),
	}
	ctx, cancel := context.WithTimeout(context.Background(), browserBudget)
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	t.Cleanup(func() {
		chromedp.Cancel(bctx) // closes the browser and waits for it
		cancelBrowser()
		cancelAlloc()
		cancel()
	})
	if err := chromedp.Do(bctx); err != nil { // start it
		t.Fatalf("start %s: %v", path, err)
	}
	return bctx
}

// run runs browser actions with a deadline of its own.
func run(t *testing.T, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	if err := chromedp.Do(sctx, steps...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// eval evaluates a JavaScript expression and decodes its value into T.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	v, err := chromedp.Run(sctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// waitFor waits until a JavaScript expression is truthy.
func waitFor(t *testing.T, ctx context.Context, expr string) {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	if _, err := chromedp.Run(sctx, chromedp.Poll[chromedp.Void](expr, chromedp.WithPollingTimeout(14*time.Second))); err != nil {
		status, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById('status').textContent`))
		t.Fatalf("waiting for %s: %v (status line: %q)", expr, err, status)
	}
}

// artifact writes a test artifact to server/testdata/artifacts (ignored
// by git; CI may collect it) and logs its path.
func artifact(t *testing.T, name string, b []byte) {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("testdata", "artifacts"))
	if err == nil {
		err = os.MkdirAll(dir, 0o755)
	}
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, name), b, 0o644)
	}
	if err != nil {
		t.Errorf("artifact %s: %v", name, err)
		return
	}
	t.Logf("artifact: %s", filepath.Join(dir, name))
}

func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	png, err := chromedp.Run(sctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	artifact(t, name, png)
}

// shownBlock is a block as the page shows it.
type shownBlock struct {
	Text       string  `json:"text"`
	Label      string  `json:"label"`
	Want       string  `json:"want"`
	PJunk      float64 `json:"pjunk"`
	Background string  `json:"bg"`
	Class      string  `json:"cls"`
	Children   int     `json:"children"` // elements inside the text: none, ever
}

func shownBlocks(t *testing.T, ctx context.Context) []shownBlock {
	t.Helper()
	return eval[[]shownBlock](t, ctx, `[...document.querySelectorAll('#blocks > li')].map(li => ({
		text: li.querySelector('.text').textContent, label: li.dataset.label, want: li.dataset.want,
		pjunk: Number(li.dataset.pjunk), bg: getComputedStyle(li).backgroundColor, cls: li.className,
		children: li.querySelector('.text').childElementCount}))`)
}

func blockIndex(t *testing.T, blocks []shownBlock, prefix string) int {
	t.Helper()
	for i, b := range blocks {
		if strings.HasPrefix(b.Text, prefix) {
			return i
		}
	}
	t.Fatalf("no block starting %q", prefix)
	return -1
}

// TestBrowserReview: load the page, give the token, paste a page, check
// the blocks and their shading, flip two blocks (mouse and keyboard),
// teach with the t key, check the model version changed and the blocks
// now classify the other way, undo, and check the page at 320 px.
func TestBrowserReview(t *testing.T) {
	ctx := newBrowser(t)
	s := MustOpenServer(t, trainingConfig(t))

	run(t, ctx, "load", chromedp.Navigate(s.URL()+"/"))
	waitFor(t, ctx, `document.body.dataset.ready === '1'`)
	if v := eval[string](t, ctx, `document.getElementById('model-version').textContent`); v != "1" {
		t.Errorf("model version shown %q, want 1", v)
	}
	// Training is on and there is no token yet: the page asks for it, and
	// is read-only meanwhile.
	if eval[bool](t, ctx, `document.getElementById('token-form').hidden`) {
		t.Error("the token form is hidden on a server with training on and no token given")
	}
	run(t, ctx, "token",
		chromedp.SendKeys(chromedp.ID("token-input"), testToken),
		chromedp.Click(chromedp.CSS(`#token-form button[type=submit]`)))
	waitFor(t, ctx, fmt.Sprintf(`sessionStorage.getItem('winnow.token') === %q`, testToken))

	// Paste the page and clean it.
	run(t, ctx, "paste and clean",
		chromedp.SetValue(chromedp.ID("source"), reviewPage),
		chromedp.Click(chromedp.ID("clean-button")))
	waitFor(t, ctx, `document.body.dataset.cleans === '1'`)
	api := cleanBlocks(t, s, "")
	shown := shownBlocks(t, ctx)
	if len(shown) != len(api) {
		t.Fatalf("page shows %d blocks, the API gives %d", len(shown), len(api))
	}
	for i, b := range shown {
		a := api[i]
		if b.Text != a.Text || b.Label != a.Label || fmt.Sprintf("%.4f", a.PJunk) != fmt.Sprintf("%.4f", b.PJunk) {
			t.Errorf("block %d shown %+v, API %+v", i, b, a)
		}
		if want := map[string]string{"content": "kept", "junk": "dropped"}[a.Label]; !strings.Contains(b.Class, want) {
			t.Errorf("block %d (%s) has classes %q, want %q", i, a.Label, b.Class, want)
		}
		if want := shadeOf(a.PJunk); b.Background != want {
			t.Errorf("block %d p_junk %v: background %s, want %s", i, a.PJunk, b.Background, want)
		}
	}
	if shown[0].Background == shown[5].Background {
		t.Errorf("junk and content blocks have the same shade %s", shown[0].Background)
	}

	// Flip two blocks: the promotion paragraph (kept) with the mouse, a
	// menu link (dropped) with the arrow keys and space.
	news := blockIndex(t, shown, "You can read more")
	menu := blockIndex(t, shown, "Animals")
	if shown[news].Label != "content" || shown[menu].Label != "junk" {
		t.Fatalf("promotion %s, menu %s: the test page no longer gives the expected decisions", shown[news].Label, shown[menu].Label)
	}
	run(t, ctx, "flip by click", chromedp.Click(chromedp.ID(fmt.Sprintf("block-%d", news))))
	keys := strings.Repeat(kb.ArrowUp, news-menu) + " "
	run(t, ctx, "flip by keys", chromedp.KeyEvent(keys))
	shown = shownBlocks(t, ctx)
	for i, b := range shown {
		flipped := strings.Contains(b.Class, "flipped")
		if flipped != (i == news || i == menu) {
			t.Errorf("block %d %q flipped=%v", i, b.Text, flipped)
		}
	}
	if shown[news].Want != "junk" || shown[menu].Want != "content" {
		t.Errorf("wanted labels: promotion %s, menu %s", shown[news].Want, shown[menu].Want)
	}
	if s := eval[string](t, ctx, `document.getElementById('summary').textContent`); !strings.Contains(s, "2 flipped") {
		t.Errorf("summary %q", s)
	}

	// Teach with the t key, strongly enough for one request to do it on
	// the small model.
	run(t, ctx, "teach",
		chromedp.SetValue(chromedp.ID("weight"), "100"),
		chromedp.Focus(chromedp.ID(fmt.Sprintf("block-%d", menu))),
		chromedp.KeyEvent("t"))
	waitFor(t, ctx, `document.body.dataset.teaches === '1' && document.body.dataset.cleans === '2' && document.body.dataset.busy === '0'`)
	if m := modelInfo(t, s); m.Version != 2 || m.Pinned != 2 {
		t.Errorf("model version %d with %d pinned lines after teaching, want 2 and 2", m.Version, m.Pinned)
	}
	waitFor(t, ctx, `document.getElementById('model-version').textContent === '2' && document.getElementById('m-version').textContent === '2'`)
	shown = shownBlocks(t, ctx)
	if shown[news].Label != "junk" || shown[menu].Label != "content" {
		t.Errorf("after teaching: promotion %s (p %v), menu %s (p %v); want junk and content",
			shown[news].Label, shown[news].PJunk, shown[menu].Label, shown[menu].PJunk)
	}
	if shown[news].PJunk != 1 || shown[menu].PJunk != 0 {
		t.Errorf("after teaching: p_junk %v and %v, want exactly 1 and 0 (pinned)", shown[news].PJunk, shown[menu].PJunk)
	}
	for _, i := range []int{news, menu} {
		if !strings.Contains(shown[i].Class, "changed") || strings.Contains(shown[i].Class, "flipped") {
			t.Errorf("block %d after teaching has classes %q, want changed and not flipped", i, shown[i].Class)
		}
	}
	status := eval[string](t, ctx, `document.getElementById('status').textContent`)
	if !strings.Contains(status, "v1 → v2") || !strings.Contains(status, "2 of 2 corrections took") || !strings.Contains(status, "× 100") {
		t.Errorf("status after teaching: %q", status)
	}
	history := eval[[]string](t, ctx, `[...document.querySelectorAll('#m-history li')].map(li => li.textContent)`)
	if len(history) != 2 || !strings.Contains(history[0], "review page: 2 corrections") || !strings.Contains(history[1], "test model") {
		t.Errorf("model history shown: %q", history)
	}
	screenshot(t, ctx, "review-taught.png")

	// Undo: back to the counts of version 1, as version 3.
	run(t, ctx, "undo", chromedp.Click(chromedp.ID("undo-button")))
	waitFor(t, ctx, `document.body.dataset.cleans === '3' && document.body.dataset.busy === '0'`)
	waitFor(t, ctx, `document.getElementById('model-version').textContent === '3'`)
	m := modelInfo(t, s)
	if m.Version != 3 || !strings.Contains(m.Note, "rollback to version 1") || m.Pinned != 0 {
		t.Errorf("after undo: version %d note %q, %d pinned lines", m.Version, m.Note, m.Pinned)
	}
	shown = shownBlocks(t, ctx)
	if shown[news].Label != "content" || shown[menu].Label != "junk" {
		t.Errorf("after undo: promotion %s, menu %s; want content and junk again", shown[news].Label, shown[menu].Label)
	}

	// 320 px wide: nothing sticks out sideways.
	run(t, ctx, "narrow", chromedp.EmulateViewport(320, 720))
	waitFor(t, ctx, `window.innerWidth === 320`)
	if w := eval[int](t, ctx, `document.documentElement.scrollWidth`); w > 320 {
		t.Errorf("at 320 px the page is %d px wide", w)
	}
	screenshot(t, ctx, "review-320px.png")
}

// hostilePage tries every way a page could run script in the review page
// if its text were inserted as HTML.
const hostilePage = `<html><head><title>hostile</title>
<script>window.__pwned = 'head script'; document.title = 'pwned';</script></head>
<body><article>
<h1>Notes on otters &lt;img src=x onerror="window.__pwned='heading';document.title='pwned'"&gt;</h1>
<p>Sea otters often hold hands while they sleep, so that the current does not carry them apart from the rest of their group.</p>
<p>&lt;img src=x onerror="window.__pwned='onerror';document.title='pwned'"&gt; and a raft of otters is a group resting together.</p>
<p>&lt;script&gt;window.__pwned='script text';document.title='pwned'&lt;/script&gt; mothers carry their pups on their bellies.</p>
<p>&lt;svg onload="window.__pwned='svg'"&gt;&lt;/svg&gt; otters keep a favourite stone for cracking shellfish.</p>
<img src="x" onerror="window.__pwned='img'; document.title='pwned'">
<iframe srcdoc="<script>parent.__pwned='iframe'</script>"></iframe>
</article></body></html>`

// TestBrowserHostilePage checks nothing from a reviewed page runs: its
// markup shown as text is only text, and the page's own scripts and
// handlers never reach the review page.
func TestBrowserHostilePage(t *testing.T) {
	ctx := newBrowser(t)
	s := MustOpenServer(t, Config{}) // training off: read-only
	run(t, ctx, "load", chromedp.Navigate(s.URL()+"/"))
	waitFor(t, ctx, `document.body.dataset.ready === '1'`)
	run(t, ctx, "paste and clean",
		chromedp.SetValue(chromedp.ID("source"), hostilePage),
		chromedp.Click(chromedp.ID("clean-button")))
	waitFor(t, ctx, `document.body.dataset.cleans === '1'`)
	run(t, ctx, "let anything that would run, run", chromedp.Sleep(300*time.Millisecond))

	if p := eval[string](t, ctx, `String(window.__pwned)`); p != "undefined" {
		t.Errorf("the reviewed page ran script: window.__pwned = %q", p)
	}
	if title := eval[string](t, ctx, `document.title`); title != "winnow review" {
		t.Errorf("document.title = %q", title)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('#blocks img, #blocks script, #blocks svg, #blocks iframe').length`); n != 0 {
		t.Errorf("%d elements from the reviewed page in the block list", n)
	}
	shown := shownBlocks(t, ctx)
	var sawMarkup bool
	for i, b := range shown {
		if b.Children != 0 {
			t.Errorf("block %d text has %d elements: %q", i, b.Children, b.Text)
		}
		sawMarkup = sawMarkup || strings.Contains(b.Text, `<img src=x onerror="window.__pwned='onerror'`)
	}
	if !sawMarkup {
		b, _ := json.Marshal(shown)
		t.Errorf("the markup in the page's text is not shown as text: %s", b)
	}
	// Training is off here: the page is read-only.
	if !eval[bool](t, ctx, `document.getElementById('teach-button').disabled && document.getElementById('undo-button').disabled`) {
		t.Error("Teach or Undo enabled on a server with training off")
	}
	if tr := eval[string](t, ctx, `document.getElementById('m-training').textContent`); !strings.HasPrefix(tr, "off") {
		t.Errorf("training shown as %q", tr)
	}
	if !eval[bool](t, ctx, `document.getElementById('token-form').hidden`) {
		t.Error("the token form is shown on a server with training off")
	}
	screenshot(t, ctx, "review-hostile.png")
}

// shadeOf is the background app.js gives a block with P(junk) p.
func shadeOf(p float64) string {
	lo, hi := [3]float64{220, 242, 224}, [3]float64{248, 208, 200}
	p = min(1, max(0, p))
	var c [3]int
	for i := range c {
		v := lo[i] + (hi[i]-lo[i])*p
		c[i] = int(v + 0.5) // Math.round for these positive values
	}
	return fmt.Sprintf("rgb(%d, %d, %d)", c[0], c[1], c[2])
}

// TestBrowserPreload: the URL winnow review opens (#src=...&name=...&token=...)
// loads the file into the page, cleans it at once, keeps the token for the
// tab and takes it out of the address bar.
func TestBrowserPreload(t *testing.T) {
	ctx := newBrowser(t)
	s := MustOpenServer(t, trainingConfig(t))
	mux := http.NewServeMux()
	mux.HandleFunc("GET /review/page", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/octet-stream")
		io.WriteString(w, reviewPage)
	})
	mux.Handle("/", s.Handler())
	hs := httptest.NewServer(mux)
	defer hs.Close()

	frag := url.Values{"src": {"/review/page"}, "name": {"otters <b>.html"}, "token": {testToken}}
	run(t, ctx, "load", chromedp.Navigate(hs.URL+"/#"+frag.Encode()))
	waitFor(t, ctx, `document.body.dataset.ready === '1' && document.body.dataset.cleans === '1'`)
	if n := len(shownBlocks(t, ctx)); n != len(cleanBlocks(t, s, "")) {
		t.Errorf("%d blocks shown", n)
	}
	if name := eval[string](t, ctx, `document.getElementById('source-name').textContent`); !strings.HasPrefix(name, "otters <b>.html (") {
		t.Errorf("file name shown as %q", name)
	}
	if tok := eval[string](t, ctx, `sessionStorage.getItem('winnow.token')`); tok != testToken {
		t.Errorf("token kept: %q", tok)
	}
	if href := eval[string](t, ctx, `location.href`); strings.Contains(href, "token") || strings.Contains(href, "#") {
		t.Errorf("the token is still in the address bar: %s", href)
	}
	if !eval[bool](t, ctx, `document.getElementById('token-form').hidden`) {
		t.Error("the token form is shown although the URL gave the token")
	}
	run(t, ctx, "flip", chromedp.Click(chromedp.ID("block-0")))
	if eval[bool](t, ctx, `document.getElementById('teach-button').disabled`) {
		t.Error("Teach is disabled with a token and a flipped block")
	}
}
