#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Validate ../zh.jsonl and ../en.jsonl and keep the seed (the test set) out:
- every line is a JSON object with exactly text/label/page/corpus, label in
  {content, junk}, corpus "hand", non-empty text, and a page's lines consecutive;
- no training line shares a 12-character substring with the seed file, after
  NFKC normalisation and removal of whitespace, checked on the text as written
  and on the Traditional form of every Chinese line (so a Simplified line
  cannot be a converted copy of a seed line);
- no training line longer than 5 characters equals a seed line.
Prints counts per file and label; exits 1 on any problem."""
import json
import os
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
SEED = os.environ.get("WINNOW_SEED", "/work/shared/data/seed/000_56f812ff49bbc192.txt")
N = 12


def norm(s):
    return "".join(unicodedata.normalize("NFKC", s).split())


def main():
    bad = 0
    seed_lines = [l.strip() for l in open(SEED, encoding="utf-8") if l.strip()]
    grams = set()
    for l in seed_lines:
        t = norm(l)
        for i in range(len(t) - N + 1):
            grams.add(t[i:i + N])
    seed_exact = {norm(l) for l in seed_lines}

    def leaks(text):
        t = norm(text)
        return [t[i:i + N] for i in range(len(t) - N + 1) if t[i:i + N] in grams]

    extra = []
    if os.environ.get("CHECK_TRAD", "1") == "1":
        gen = subprocess.run([sys.executable, os.path.join(HERE, "gen.py"), "zh"], capture_output=True, check=True)
        conv = subprocess.run(["go", "run", "./testdata/labelled/gen/s2t", "-all"], input=gen.stdout, cwd=ROOT,
                              capture_output=True, check=True)
        extra = [json.loads(l)["text"] for l in conv.stdout.decode().splitlines()]

    total = {}
    for name in ("zh.jsonl", "en.jsonl"):
        path = os.path.join(HERE, "..", name)
        counts = {"content": 0, "junk": 0}
        seen_pages, last = set(), None
        for n, line in enumerate(open(path, encoding="utf-8"), 1):
            try:
                r = json.loads(line)
            except ValueError as e:
                print(f"{name}:{n}: bad JSON: {e}"); bad += 1; continue
            if not isinstance(r, dict) or sorted(r) != ["corpus", "label", "page", "text"]:
                print(f"{name}:{n}: wrong keys"); bad += 1; continue
            if r["label"] not in counts or r["corpus"] != "hand" or not r["text"].strip() or not r["page"]:
                print(f"{name}:{n}: bad value"); bad += 1; continue
            if r["page"] != last:
                if r["page"] in seen_pages:
                    print(f"{name}:{n}: page {r['page']} not consecutive"); bad += 1
                seen_pages.add(r["page"]); last = r["page"]
            counts[r["label"]] += 1
            lk = leaks(r["text"])
            if lk:
                print(f"{name}:{n}: shares {lk[0]!r} with the seed: {r['text'][:60]}"); bad += 1
            t = norm(r["text"])
            if len(t) > 5 and t in seed_exact:
                print(f"{name}:{n}: copies a seed line: {r['text']}"); bad += 1
        total[name] = (counts, len(seen_pages))
    for t in extra:
        lk = leaks(t)
        if lk:
            print(f"zh (Traditional form): shares {lk[0]!r} with the seed: {t[:60]}"); bad += 1
    for name, (c, p) in total.items():
        print(f"{name}: {p} pages, {c['content']} content, {c['junk']} junk, {c['content'] + c['junk']} lines")
    print("all: ", sum(c["content"] + c["junk"] for c, _ in total.values()), "lines")
    if bad:
        print(f"{bad} problems"); sys.exit(1)


if __name__ == "__main__":
    main()
