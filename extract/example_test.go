package extract_test

import (
	"context"
	"fmt"

	"github.com/winnowlabs/winnow/extract"
)

func ExampleExtract() {
	page := []byte(`<html><head><title>Harbour reopens</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article>
  <h1>Harbour reopens after storm</h1>
  <p>The harbour reopened on Monday, three days after the storm flooded the quay.</p>
  <p>Engineers checked the sea wall overnight, and ferries will run from Tuesday.</p>
  <div class="share"><a href="#">Share</a> <a href="#">Tweet</a></div>
</article>
<footer>Copyright 2025 Coast News.</footer>
</body></html>`)

	doc, err := extract.Extract(context.Background(), page, extract.Options{})
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Println("title:", doc.Title)
	for _, b := range doc.Blocks {
		if b.Region == extract.RegionInside {
			fmt.Printf("%s: %s\n", b.Tag, b.Text)
		}
	}
	// Output:
	// title: Harbour reopens
	// h1: Harbour reopens after storm
	// p: The harbour reopened on Monday, three days after the storm flooded the quay.
	// p: Engineers checked the sea wall overnight, and ferries will run from Tuesday.
}
