package extract

import (
	"errors"
	"fmt"
)

// ErrTooLarge is matched (with errors.Is) by every *LimitError.
var ErrTooLarge = errors.New("extract: input too large")

// ErrNotHTML is returned when input forced to HTML (Options.Kind) does not
// parse as a document with any text.
var ErrNotHTML = errors.New("extract: not an HTML document with any text")

// ErrBinary is returned for input that is neither HTML nor text (for example an image or random bytes).
var ErrBinary = errors.New("extract: input looks binary, not HTML or text")

// LimitError reports which resource limit an input exceeded.
type LimitError struct {
	// Limit names the limit: "bytes", "nodes", "depth", "lines" or "line bytes".
	Limit string
	// Max is the limit's value.
	Max int64
}

// Error implements error.
func (e *LimitError) Error() string {
	return fmt.Sprintf("extract: input exceeds the %s limit (%d)", e.Limit, e.Max)
}

// Is makes errors.Is(err, ErrTooLarge) true for every LimitError.
func (e *LimitError) Is(target error) bool { return target == ErrTooLarge }

// Limits bounds the resources one document may use. A zero field means its default.
type Limits struct {
	// MaxBytes is the largest input, after decompression, in bytes. Default 32 MiB.
	MaxBytes int64
	// MaxNodes is the largest number of HTML elements. Default 500,000.
	MaxNodes int
	// MaxDepth is the deepest element nesting kept; deeper subtrees are flattened into
	// their ancestor at this depth rather than rejected. Default 256.
	MaxDepth int
	// MaxLines is the largest number of lines of a text input. Default 500,000.
	MaxLines int
}

// Default limit values.
const (
	DefaultMaxBytes = 32 << 20
	DefaultMaxNodes = 500_000
	DefaultMaxDepth = 256
	DefaultMaxLines = 500_000
)

// withDefaults returns l with zero fields set to their defaults.
func (l Limits) withDefaults() Limits {
	if l.MaxBytes <= 0 {
		l.MaxBytes = DefaultMaxBytes
	}
	if l.MaxNodes <= 0 {
		l.MaxNodes = DefaultMaxNodes
	}
	if l.MaxDepth <= 0 {
		l.MaxDepth = DefaultMaxDepth
	}
	if l.MaxLines <= 0 {
		l.MaxLines = DefaultMaxLines
	}
	return l
}
