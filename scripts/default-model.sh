#!/usr/bin/env bash
# Rebuilds the embedded default model, classifier/default.model, from the
# hand-labelled lines in testdata/labelled and the TRAIN split of the shared
# corpora (never a dev page, never the seed). Same inputs, same bytes.
#
#   bash scripts/default-model.sh [SHARED_DATA_DIR]    (default ../shared/data)
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-../shared/data}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/winnow" ./cmd/winnow
for mode in html text; do
	"$tmp/winnow" label --split train --mode "$mode" --out "$tmp/$mode.jsonl" "$data/wceb1000" "$data/zh-dev"
done
"$tmp/winnow" train --reproducible --prune 3 --word-cap 6 \
	--note "default model: testdata/labelled + train split of wceb1000 and zh-dev (html and text modes)" \
	--in testdata/labelled/zh.jsonl:20 --in testdata/labelled/en.jsonl:20 \
	--in "$tmp/html.jsonl" --in "$tmp/text.jsonl" \
	--out classifier/default.model
