package training_test

import (
	"fmt"
	"log"

	"github.com/winnowlabs/winnow/classifier"
	"github.com/winnowlabs/winnow/training"
)

// A recipe of one hand-labelled file (4 content and 3 junk lines) counted
// three times.
func ExampleRecipe_Build() {
	r := training.Recipe{
		Hand:       []string{"testdata/hand.jsonl"},
		HandWeight: 3,
		Info:       classifier.Info{Note: "hand lines x3"},
	}
	m, err := r.Build(nil)
	if err != nil {
		log.Fatal(err)
	}
	info := m.Info()
	fmt.Printf("%s: %d content, %d junk samples\n", info.Note, info.Samples[classifier.Content], info.Samples[classifier.Junk])
	// Output:
	// hand lines x3: 12 content, 9 junk samples
}

func ExamplePageSequences() {
	samples := []classifier.Sample{
		{Text: "Home", Label: classifier.Junk, Page: "p1"},
		{Text: "An article.", Label: classifier.Content, Page: "p1"},
		{Text: "A line of no page.", Label: classifier.Content},
		{Text: "Sign in", Label: classifier.Junk, Page: "p2"},
	}
	fmt.Println(training.PageSequences(samples))
	// Output:
	// [[junk content] [junk]]
}
