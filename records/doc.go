// Package records reads crawl output record by record and writes cleaned
// records back out, for pipelines that run winnow over many pages.
//
// # Reading
//
// [Open] takes a stream and returns a [Reader] whose Next yields one
// [Record] at a time: one page to clean, with its URL, id, content type and
// the kind of input ([extract.KindHTML] or [extract.KindText]). It reads:
//
//   - WARC files ([FormatWARC]): response records with HTML payloads (the
//     HTTP Content-Type, and so its charset, is kept on the record), resource
//     records with HTML, and conversion records (WET files: the text goes
//     through text mode). Other record types are skipped.
//   - JSON lines ([FormatJSONL]): one object a line with an "html" or a "text"
//     field, plus "url", "id" and any other fields, which are kept in
//     [Record.Fields] and written back untouched.
//   - A single page ([FormatPage]): the whole stream is one record.
//
// Gzip (one stream or one member a record) and zstd are detected from the
// magic bytes and decompressed as the stream is read: a Reader holds one
// record in memory at a time, whatever the size of the file, and a record
// larger than [Options].MaxBytes is reported as a record error, not read.
//
// A record that cannot be read (too large, a bad JSON line) comes back with
// [Record.Err] set and the reader goes on; an error from Next is fatal for
// the stream (a truncated or corrupt file).
//
// # Writing
//
// [AppendJSON] renders a cleaned record as one JSON line (the input's fields,
// then url, record_id, title, text, optionally blocks, or error), and
// [WETWriter] writes cleaned records as WARC conversion records, readable
// again by [Open]. Both are safe to use from one goroutine; a Record and a
// Reader are not shared between goroutines.
//
// A Reader and these writers hold no global state, so a distributed runner
// (one reader per file or shard, many workers cleaning records with
// [github.com/winnowlabs/winnow.CleanBytes]) can use them directly.
package records
