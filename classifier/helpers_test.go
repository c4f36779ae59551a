package classifier

import (
	"crypto/sha256"
	"encoding/binary"
	"math"
	"os"
	"testing"
)

func placeholderSamples(t testing.TB) []Sample {
	t.Helper()
	f, err := os.Open("testdata/placeholder.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, err := ReadSamples(f)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// appendChecksum appends the SHA-256 of b[headerLen:] to b.
func appendChecksum(b []byte, headerLen int) []byte {
	sum := sha256.Sum256(b[headerLen:])
	return append(b, sum[:]...)
}

func le(f float64) []byte { return binary.LittleEndian.AppendUint64(nil, math.Float64bits(f)) }

func nan() float64 { return math.NaN() }
