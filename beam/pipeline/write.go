package pipeline

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"hash/fnv"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
)

func init() {
	register.DoFn2x1[string, func(int, string), error](&shardFn{})
	register.Emitter2[int, string]()
	register.Function1x2[int, int, int](shardSelf)
	register.DoFn4x2[context.Context, int, func(*string) bool, func(*int) bool, string, error](&writeShardFn{})
	register.Iter1[string]()
	register.Iter1[int]()
}

// ShardName returns the name of shard i of n: prefix-0000i-of-0000n plus
// suffix, as Beam's file sinks name them.
func ShardName(prefix, suffix string, i, n int) string {
	return fmt.Sprintf("%s-%05d-of-%05d%s", prefix, i, n, suffix)
}

// WriteSharded writes a PCollection<string> as lines to exactly shards files
// named by [ShardName] (a shard that gets no line is written empty), on any
// Beam filesystem, and returns the PCollection<string> of the names written.
// A line goes to the shard its hash picks, so a retried bundle sends it to
// the same file; each shard is written to a temporary name and renamed when
// complete, where the filesystem can rename.
//
// textio.Write, by contrast, writes one file through one worker.
func WriteSharded(s beam.Scope, prefix, suffix string, shards int, lines beam.PCollection) beam.PCollection {
	s = s.Scope("winnow.WriteSharded")
	if shards < 1 {
		shards = 1
	}
	filesystem.ValidateScheme(prefix)
	keyed := beam.ParDo(s, &shardFn{Shards: shards}, lines)
	ids := make([]int, shards)
	for i := range ids {
		ids[i] = i
	}
	all := beam.ParDo(s, shardSelf, beam.CreateList(s, ids))
	grouped := beam.CoGroupByKey(s, keyed, all)
	return beam.ParDo(s, &writeShardFn{Prefix: prefix, Suffix: suffix, Shards: shards}, grouped)
}

// shardFn keys a line by its shard.
type shardFn struct {
	Shards int `json:"shards"`
}

func (f *shardFn) ProcessElement(line string, emit func(int, string)) error {
	h := fnv.New64a()
	h.Write([]byte(line))
	emit(int(h.Sum64()%uint64(f.Shards)), line)
	return nil
}

// shardSelf keys a shard number by itself, so that every shard is grouped,
// with lines or none.
func shardSelf(i int) (int, int) { return i, i }

// writeShardFn writes the lines of one shard.
type writeShardFn struct {
	Prefix string `json:"prefix"`
	Suffix string `json:"suffix"`
	Shards int    `json:"shards"`
}

func (f *writeShardFn) ProcessElement(ctx context.Context, shard int, lines func(*string) bool, _ func(*int) bool) (string, error) {
	name := ShardName(f.Prefix, f.Suffix, shard, f.Shards)
	fs, err := filesystem.New(ctx, name)
	if err != nil {
		return "", err
	}
	defer fs.Close()
	renamer, canRename := fs.(filesystem.Renamer)
	tmp := name
	if canRename {
		var r [6]byte
		rand.Read(r[:])
		tmp = name + ".tmp-" + hex.EncodeToString(r[:])
	}
	wc, err := fs.OpenWrite(ctx, tmp)
	if err != nil {
		return "", fmt.Errorf("pipeline: write %s: %w", tmp, err)
	}
	bw := bufio.NewWriterSize(wc, 1<<20)
	var line string
	for lines(&line) {
		bw.WriteString(line)
		if err := bw.WriteByte('\n'); err != nil {
			wc.Close()
			return "", fmt.Errorf("pipeline: write %s: %w", tmp, err)
		}
	}
	if err := bw.Flush(); err != nil {
		wc.Close()
		return "", fmt.Errorf("pipeline: write %s: %w", tmp, err)
	}
	if err := wc.Close(); err != nil {
		return "", fmt.Errorf("pipeline: write %s: %w", tmp, err)
	}
	if canRename {
		if err := renamer.Rename(ctx, tmp, name); err != nil {
			return "", fmt.Errorf("pipeline: rename %s: %w", tmp, err)
		}
	}
	shardsWritten.Inc(ctx, 1)
	return name, nil
}

var shardsWritten = beam.NewCounter(Namespace, "shards")
