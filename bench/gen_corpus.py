#!/usr/bin/env python3
"""Make a larger benchmark corpus by replicating a JSONL corpus with varied ids.

    python3 bench/gen_corpus.py [--source ../shared/bench/news181.jsonl] [--copies 20] \
        > bench/out/news181x20.jsonl

Each copy k gives every document the id `<id>-r<k>` (and `#r<k>` appended to its url), so
stores and dedup keyed on id see distinct documents; the texts are unchanged, so the coding
work per copy is the same and sentences/s stay comparable. bench/out/ is gitignored.
"""
import argparse
import json
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
ap.add_argument("--source", default=os.path.join(here, "..", "..", "shared", "bench", "news181.jsonl"))
ap.add_argument("--copies", type=int, default=20)
args = ap.parse_args()

if not os.path.isfile(args.source):
    sys.exit(f"gen_corpus: {args.source} is absent")
with open(args.source, encoding="utf-8") as f:
    docs = [json.loads(line) for line in f if line.strip()]
out = sys.stdout
for k in range(args.copies):
    for i, d in enumerate(docs):
        d = dict(d)
        d["id"] = f"{d.get('id', i)}-r{k}"
        if d.get("url"):
            d["url"] = f"{d['url']}#r{k}"
        out.write(json.dumps(d, ensure_ascii=False) + "\n")
print(f"gen_corpus: {len(docs)} documents x {args.copies} copies", file=sys.stderr)
