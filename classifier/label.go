package classifier

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// Label is the class of a line: [Content] or [Junk].
//
// A Label marshals to and from text as "content" or "junk", so it appears in
// JSON as "label":"junk". When decoding JSON, the numbers 0 and 1 are
// accepted too.
type Label uint8

// The two classes.
const (
	Content Label = 0 // text of the article
	Junk    Label = 1 // navigation, boilerplate, ads, comments…
)

// String returns "content" or "junk" (or "Label(n)" for an invalid value).
func (l Label) String() string {
	switch l {
	case Content:
		return "content"
	case Junk:
		return "junk"
	}
	return "Label(" + strconv.Itoa(int(l)) + ")"
}

// valid reports whether l is Content or Junk.
func (l Label) valid() bool { return l <= Junk }

// ParseLabel parses "content" or "junk" (in any case, surrounding spaces
// ignored), or "0" or "1".
func ParseLabel(s string) (Label, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "content", "0":
		return Content, nil
	case "junk", "1":
		return Junk, nil
	}
	return 0, fmt.Errorf("classifier: invalid label %q (want \"content\" or \"junk\")", s)
}

// MarshalText implements [encoding.TextMarshaler].
func (l Label) MarshalText() ([]byte, error) {
	if !l.valid() {
		return nil, fmt.Errorf("classifier: invalid label %d", uint8(l))
	}
	return []byte(l.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseLabel].
func (l *Label) UnmarshalText(b []byte) error {
	v, err := ParseLabel(string(b))
	if err != nil {
		return err
	}
	*l = v
	return nil
}

// UnmarshalJSON accepts a JSON string understood by [ParseLabel] or the
// numbers 0 and 1.
func (l *Label) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return fmt.Errorf("classifier: invalid label %s", b)
		}
		return l.UnmarshalText([]byte(s))
	}
	switch string(b) {
	case "0":
		*l = Content
		return nil
	case "1":
		*l = Junk
		return nil
	}
	return fmt.Errorf("classifier: invalid label %s (want \"content\" or \"junk\")", b)
}
