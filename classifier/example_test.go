package classifier_test

import (
	"fmt"

	"github.com/winnowlabs/winnow/classifier"
)

// Train a tiny model from a few labelled lines, then label new lines and
// smooth the labels of a page.
func Example() {
	c := classifier.NewCounts()
	c.Learn(
		classifier.Sample{Text: "The council approved the budget after a long debate.", Features: []string{"tag=p", "len=long"}, Label: classifier.Content},
		classifier.Sample{Text: "Residents said the new park would open in spring.", Features: []string{"tag=p", "len=long"}, Label: classifier.Content},
		classifier.Sample{Text: "Share on Facebook", Features: []string{"tag=a", "link=high"}, Label: classifier.Junk},
		classifier.Sample{Text: "Subscribe to our newsletter", Features: []string{"tag=li", "link=high"}, Label: classifier.Junk},
	)
	m := c.Model() // immutable: share it between goroutines

	lines := []struct {
		text     string
		features []string
	}{
		{"Share this story", []string{"tag=a", "link=high"}},
		{"The council said the park budget was approved.", []string{"tag=p", "len=long"}},
	}
	var p []float64
	for _, l := range lines {
		fmt.Printf("%-48q %v\n", l.text, m.Classify(l.text, l.features))
		p = append(p, m.PJunk(l.text, l.features))
	}
	fmt.Println(len(m.Smooth(p)), "smoothed")
	// Output:
	// "Share this story"                               junk
	// "The council said the park budget was approved." content
	// 2 smoothed
}
