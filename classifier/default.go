package classifier

import (
	"bytes"
	_ "embed"
	"sync"
)

// defaultModelData is the model file returned by Default.
//
//go:embed default.model
var defaultModelData []byte

var defaultModel = sync.OnceValues(func() (*Model, error) {
	return Load(bytes.NewReader(defaultModelData))
})

// Default returns the model embedded in the package (the file
// classifier/default.model), so that winnow works with no set-up. It is
// decoded on the first call; every call returns the same immutable *Model.
//
// The embedded model is regenerated from the shared corpora's training
// split and the hand-labelled lines in testdata/ with
//
//	go run ./cmd/winnow train ... -o classifier/default.model
//
// Until that is done, it is a placeholder trained on the few lines in
// classifier/testdata/placeholder.jsonl, rewritten by
//
//	go test ./classifier -run TestPlaceholderDefault -update-default
func Default() (*Model, error) {
	return defaultModel()
}
