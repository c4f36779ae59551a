package winnow_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/winnowlabs/winnow"
	"github.com/winnowlabs/winnow/extract"
)

func ExampleClean() {
	page := `<html><head><title>Rivers of the north</title></head><body>
<nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/login">Sign in</a></nav>
<article>
<p>The northern rivers freeze in November, and the ice holds until the spring thaw.</p>
<p>Fishermen cut holes in the ice to reach the water, as they have done for centuries.</p>
<div class="share">Share on Facebook Share on X Email</div>
</article>
<footer>Copyright 2025 Example News. All rights reserved.</footer>
</body></html>`
	res, err := winnow.Clean(context.Background(), strings.NewReader(page), nil)
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Println(res.Title)
	fmt.Println(res.Text)
	// Output:
	// Rivers of the north
	// The northern rivers freeze in November, and the ice holds until the spring thaw.
	// Fishermen cut holes in the ice to reach the water, as they have done for centuries.
}

// Text exports (a Common Crawl WET record, a page saved as text) are read
// one block a line; Kind forces the input type instead of sniffing it.
func ExampleClean_text() {
	export := `Home | News | Sport | Login
Open the app for the full experience
The northern rivers freeze in November, and the ice holds until the spring thaw, when the floods begin.
Fishermen cut holes in the ice to reach the water, a practice that has gone on for centuries.
Scientists now measure the thickness of the ice each week, and they find that it is thinner than it was.
You may also like
Ten winter walks along the river
Copyright 2025 Example News`
	res, err := winnow.Clean(context.Background(), strings.NewReader(export), &winnow.Options{Kind: extract.KindText})
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	for _, b := range res.Blocks {
		fmt.Printf("%-7s %s\n", b.Label, b.Text)
	}
	// Output:
	// junk    Home | News | Sport | Login
	// junk    Open the app for the full experience
	// content The northern rivers freeze in November, and the ice holds until the spring thaw, when the floods begin.
	// content Fishermen cut holes in the ice to reach the water, a practice that has gone on for centuries.
	// content Scientists now measure the thickness of the ice each week, and they find that it is thinner than it was.
	// junk    You may also like
	// junk    Ten winter walks along the river
	// junk    Copyright 2025 Example News
}
