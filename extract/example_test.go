package extract_test

import (
	"context"
	"fmt"
	"strings"

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

// A text export hard-wrapped as lynx -dump writes one comes back a block a
// paragraph.
func ExampleHardWrap() {
	article := `The harbour reopened on Monday, three days after the storm flooded the quay and tore the roof off the old fish market beside it.

Engineers checked the sea wall overnight and found two cracks near the lighthouse, which the council says will be repaired within the month, before the spring tides.

Ferries will run from Tuesday on the winter timetable, with an extra crossing in the evening for the workers who are clearing the market and the car park.

The harbour master thanked the volunteers who filled sandbags through the night and kept the lifeboat station open while the storm was at its worst.

Boats that broke their moorings are being towed back to the inner basin, and their owners are asked to call the harbour office before coming down.
`
	wrapped := extract.HardWrap(article, 60)
	fmt.Print(wrapped[:strings.Index(wrapped, "\n\n")+1])

	doc, err := extract.FromText(wrapped, extract.Options{})
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Println(len(doc.Blocks), "blocks; the first:")
	fmt.Println(doc.Blocks[0].Text)
	// Output:
	// The harbour reopened on Monday, three days after the storm
	// flooded the quay and tore the roof off the old fish market
	// beside it.
	// 5 blocks; the first:
	// The harbour reopened on Monday, three days after the storm flooded the quay and tore the roof off the old fish market beside it.
}
