package main

// A cut-down copy of go-trafilatura's scripts/comparison/data.go, in its
// layout, for TestWriteTrafilaturaSet.

type ComparisonEntry struct {
	File    string   `json:"file"`
	Title   string   `json:"title"`
	With    []string `json:"with"`
	Without []string `json:"without"`
}

var comparisonData = map[string]ComparisonEntry{
	"https://example.de/otter": {
		File:    "example.de.otter.html",
		Title:   "Fischotter",
		With:    []string{"Fischotter halten sich", "an den Pfoten"},
		Without: []string{"Impressum", "Newsletter"},
	},
	"https://example.com/mock": {
		File:    "example.com.mock.html",
		With:    []string{"A page from the mock directory"},
		Without: []string{},
	},
	"https://example.com/gone": {
		File: "example.com.gone.html",
		With: []string{"never read"},
	},
}
