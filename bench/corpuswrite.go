package bench

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
)

// writeCorpusPage writes raw, gzip-compressed, as outDir/html/<id>.html.gz,
// the layout of a corpus that winnow eval reads. outDir/html must exist.
func writeCorpusPage(outDir, id string, raw []byte) error {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(raw) // a bytes.Buffer does not fail
	zw.Close()
	return os.WriteFile(filepath.Join(outDir, "html", id+".html.gz"), buf.Bytes(), 0o644)
}

// writeGroundTruth writes gt, a map of page ids to their truths, as
// outDir/ground-truth.json, indented and with its keys sorted, so that the
// same set is written byte for byte the same.
func writeGroundTruth(outDir string, gt any) error {
	b, err := json.MarshalIndent(gt, "", " ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(outDir, "ground-truth.json"), b, 0o644)
}
