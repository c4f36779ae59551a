#!/usr/bin/env bash
# Regenerate testdata/labelled/{zh,en}.jsonl. Run from anywhere; deterministic.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
cd "$here"
python3 gen.py zh | (cd "$root" && go run ./testdata/labelled/gen/s2t) > ../zh.jsonl
python3 gen.py en > ../en.jsonl
python3 check.py
