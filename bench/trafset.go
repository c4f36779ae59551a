package bench

import (
	"context"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// TrafilaturaModule is the module whose comparison set [WriteTrafilaturaSet]
// reads: the go-trafilatura version this module pins (go.mod).
const TrafilaturaModule = "github.com/markusmobius/go-trafilatura"

// TrafilaturaModuleDir returns the directory of [TrafilaturaModule] in the
// module cache ([ModuleDir]).
func TrafilaturaModuleDir(ctx context.Context) (string, error) {
	return ModuleDir(ctx, TrafilaturaModule)
}

// WriteTrafilaturaSet writes go-trafilatura's comparison set, the pages and
// "with"/"without" snippets its authors evaluate extractors on (about 1,000
// pages, most of them German, some English, French and Polish), as a corpus
// in outDir (DIR/html/<id>.html.gz and DIR/ground-truth.json, made if need
// be). modDir is the module's directory ([TrafilaturaModuleDir]); the set is
// the map literal of scripts/comparison/data.go, read with go/parser, and
// the files of test-files/comparison (or test-files/mock) it names. A page
// id is its file name without the extension. The truth has no article
// bodies, so the corpus is scored by snippet F only. It returns the number
// of pages written and the entries whose file is missing.
func WriteTrafilaturaSet(modDir, outDir string) (int, []string, error) {
	src := filepath.Join(modDir, "scripts", "comparison", "data.go")
	f, err := parser.ParseFile(token.NewFileSet(), src, nil, parser.SkipObjectResolution)
	if err != nil {
		return 0, nil, fmt.Errorf("bench: trafilatura set: %w", err)
	}
	entries, err := comparisonEntries(f)
	if err != nil {
		return 0, nil, fmt.Errorf("bench: trafilatura set: %s: %w", src, err)
	}
	if len(entries) == 0 {
		return 0, nil, fmt.Errorf("bench: trafilatura set: %s: no entries", src)
	}
	if err := os.MkdirAll(filepath.Join(outDir, "html"), 0o755); err != nil {
		return 0, nil, fmt.Errorf("bench: trafilatura set: %w", err)
	}
	type truth struct {
		URL     string   `json:"url"`
		With    []string `json:"with"`
		Without []string `json:"without"`
	}
	gt := make(map[string]truth, len(entries))
	var missing []string
	for _, e := range entries {
		id := strings.TrimSuffix(filepath.Base(e.file), filepath.Ext(e.file))
		if e.file != filepath.Base(e.file) || id == "" || id == "." || id == ".." {
			return 0, nil, fmt.Errorf("bench: trafilatura set: %s: bad file name %q", e.url, e.file)
		}
		if _, dup := gt[id]; dup {
			return 0, nil, fmt.Errorf("bench: trafilatura set: two entries for page %q", id)
		}
		raw, err := readFirst(filepath.Join(modDir, "test-files", "comparison", e.file), filepath.Join(modDir, "test-files", "mock", e.file))
		if errors.Is(err, os.ErrNotExist) {
			missing = append(missing, e.file)
			continue
		}
		if err != nil {
			return 0, nil, fmt.Errorf("bench: trafilatura set: %w", err)
		}
		if err := writeCorpusPage(outDir, id, raw); err != nil {
			return 0, nil, fmt.Errorf("bench: trafilatura set: %w", err)
		}
		gt[id] = truth{URL: e.url, With: e.with, Without: e.without}
	}
	if err := writeGroundTruth(outDir, gt); err != nil {
		return 0, nil, fmt.Errorf("bench: trafilatura set: %w", err)
	}
	return len(gt), missing, nil
}

// BuildTrafilaturaSet writes the comparison set of the pinned go-trafilatura
// ([TrafilaturaModuleDir], [WriteTrafilaturaSet]) to outDir and reports on
// w how many pages it wrote, from where, and which entries had no file.
func BuildTrafilaturaSet(ctx context.Context, outDir string, w io.Writer) error {
	mod, err := TrafilaturaModuleDir(ctx)
	if err != nil {
		return err
	}
	n, missing, err := WriteTrafilaturaSet(mod, outDir)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%s: %d pages from %s\n", outDir, n, mod)
	if len(missing) > 0 {
		fmt.Fprintf(w, "%d entries without their file: %s\n", len(missing), strings.Join(missing, ", "))
	}
	return nil
}

// comparisonEntry is one entry of the comparison set's map literal.
type comparisonEntry struct {
	url, file     string
	with, without []string
}

// comparisonEntries returns the entries of the map literal of the package
// variable comparisonData: string keys (the pages' URLs) mapped to composite
// literals whose File, With and Without fields are string literals and
// lists of them. Other fields are ignored.
func comparisonEntries(f *ast.File) ([]comparisonEntry, error) {
	var lit *ast.CompositeLit
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR {
			continue
		}
		for _, s := range gd.Specs {
			vs := s.(*ast.ValueSpec)
			for i, name := range vs.Names {
				if name.Name == "comparisonData" && i < len(vs.Values) {
					lit, _ = vs.Values[i].(*ast.CompositeLit)
				}
			}
		}
	}
	if lit == nil {
		return nil, errors.New("no comparisonData map literal")
	}
	var out []comparisonEntry
	for _, el := range lit.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			return nil, fmt.Errorf("entry %d: not a key: value pair", len(out))
		}
		var e comparisonEntry
		var err error
		if e.url, err = stringLit(kv.Key); err != nil {
			return nil, fmt.Errorf("entry %d: key: %w", len(out), err)
		}
		fields, ok := kv.Value.(*ast.CompositeLit)
		if !ok {
			return nil, fmt.Errorf("%s: value is not a composite literal", e.url)
		}
		for _, fe := range fields.Elts {
			fkv, ok := fe.(*ast.KeyValueExpr)
			if !ok {
				return nil, fmt.Errorf("%s: a field without a name", e.url)
			}
			name, _ := fkv.Key.(*ast.Ident)
			if name == nil {
				return nil, fmt.Errorf("%s: a field without a name", e.url)
			}
			switch name.Name {
			case "File":
				e.file, err = stringLit(fkv.Value)
			case "With":
				e.with, err = stringList(fkv.Value)
			case "Without":
				e.without, err = stringList(fkv.Value)
			}
			if err != nil {
				return nil, fmt.Errorf("%s: %s: %w", e.url, name.Name, err)
			}
		}
		if e.file == "" {
			return nil, fmt.Errorf("%s: no File", e.url)
		}
		out = append(out, e)
	}
	return out, nil
}

func stringLit(x ast.Expr) (string, error) {
	bl, ok := x.(*ast.BasicLit)
	if !ok || bl.Kind != token.STRING {
		return "", errors.New("not a string literal")
	}
	return strconv.Unquote(bl.Value)
}

func stringList(x ast.Expr) ([]string, error) {
	cl, ok := x.(*ast.CompositeLit)
	if !ok {
		return nil, errors.New("not a list literal")
	}
	out := make([]string, 0, len(cl.Elts))
	for _, el := range cl.Elts {
		s, err := stringLit(el)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// readFirst returns the contents of the first of paths that exists.
func readFirst(paths ...string) ([]byte, error) {
	var err error
	for _, p := range paths {
		var b []byte
		if b, err = os.ReadFile(p); err == nil || !errors.Is(err, os.ErrNotExist) {
			return b, err
		}
	}
	return nil, err
}
