#!/usr/bin/env python3
"""Generate an ingest benchmark corpus of a given size: a JSONL file or a CC-NEWS-like
WARC.gz (one gzip member per record, warcinfo + response records holding HTML).

    python3 scripts/ingest/gen_ingest_corpus.py jsonl --bytes 1100000000 --out bench/out/ingest/corpus.jsonl
    python3 scripts/ingest/gen_ingest_corpus.py warc  --bytes 1100000000 --out bench/out/ingest/corpus.warc.gz

Sources: ../shared/bench/news181.jsonl (JSONL) and the pages of
../shared/peer/article-extraction-benchmark/html (WARC); when ../shared is absent, the
project's own example articles in testdata/gold/*.txt (wrapped in a simple news page for the
WARC). Copies get distinct ids (`<id>-r<k>`, a fresh WARC-Record-ID) so every document is
new to the store. `--bytes` counts uncompressed bytes. Never commit the output.
"""
import argparse
import glob
import gzip
import html
import json
import os
import sys
import uuid

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.normpath(os.path.join(here, "..", ".."))
shared = os.environ.get("ANNALIST_SHARED", os.path.join(root, "..", "shared"))


def own_articles():
    docs = []
    for p in sorted(glob.glob(os.path.join(root, "testdata", "gold", "*.txt"))):
        ident = os.path.basename(p).split(".")[0]
        with open(p, encoding="utf-8") as f:
            text = f.read()
        date = ident[-10:] if ident[-10:-6].isdigit() else None
        docs.append({"id": ident, "url": f"https://example.org/{ident}", "date": date, "text": text})
    if not docs:
        sys.exit("gen_ingest_corpus: neither ../shared nor testdata/gold articles found")
    return docs


def jsonl_sources():
    src = os.path.join(shared, "bench", "news181.jsonl")
    if os.path.isfile(src):
        with open(src, encoding="utf-8") as f:
            return [json.loads(l) for l in f if l.strip()]
    return own_articles()


def page_of(doc):
    paras = "".join(f"<p>{html.escape(p.strip())}</p>\n" for p in doc["text"].split("\n") if p.strip())
    date = doc.get("date") or "2020-01-01"
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{html.escape(doc['id'])}</title>"
        f"<meta property='article:published_time' content='{date}T00:00:00Z'></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article>"
        f"{paras}</article><footer>Copyright Example News</footer></body></html>"
    ).encode("utf-8")


def warc_sources():
    bench = os.path.join(shared, "peer", "article-extraction-benchmark")
    truth = os.path.join(bench, "ground-truth.json")
    if os.path.isfile(truth):
        with open(truth, encoding="utf-8") as f:
            gt = json.load(f)
        out = []
        for key, v in sorted(gt.items()):
            with gzip.open(os.path.join(bench, "html", f"{key}.html.gz"), "rb") as f:
                out.append((v.get("url") or f"https://example.org/{key}", f.read()))
        return out
    return [(d["url"], page_of(d)) for d in own_articles()]


def warc_record(kind, headers, block):
    head = [f"WARC/1.0", f"WARC-Type: {kind}"]
    head += [f"{k}: {v}" for k, v in headers]
    head.append(f"Content-Length: {len(block)}")
    return ("\r\n".join(head) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("kind", choices=["jsonl", "warc"])
    ap.add_argument("--bytes", type=int, default=1_100_000_000)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    written, docs = 0, 0
    if a.kind == "jsonl":
        src = jsonl_sources()
        with open(a.out, "w", encoding="utf-8") as out:
            k = 0
            while written < a.bytes:
                for i, d in enumerate(src):
                    d = dict(d)
                    d["id"] = f"{d.get('id', i)}-r{k}"
                    if d.get("url"):
                        d["url"] = f"{d['url']}#r{k}"
                    line = json.dumps(d, ensure_ascii=False) + "\n"
                    out.write(line)
                    written += len(line.encode("utf-8"))
                    docs += 1
                k += 1
    else:
        src = warc_sources()
        with open(a.out, "wb") as out:
            info = warc_record(
                "warcinfo",
                [("WARC-Date", "2020-01-01T00:00:00Z"), ("WARC-Record-ID", f"<urn:uuid:{uuid.uuid4()}>"),
                 ("Content-Type", "application/warc-fields")],
                b"software: annalist gen_ingest_corpus\r\nformat: WARC File Format 1.0\r\n",
            )
            out.write(gzip.compress(info, compresslevel=5))
            k = 0
            while written < a.bytes:
                for url, body in src:
                    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                            + f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
                    rec = warc_record(
                        "response",
                        [("WARC-Target-URI", f"{url}#r{k}"), ("WARC-Date", "2020-01-01T00:00:00Z"),
                         ("WARC-Record-ID", f"<urn:uuid:{uuid.uuid4()}>"),
                         ("Content-Type", "application/http; msgtype=response")],
                        http,
                    )
                    out.write(gzip.compress(rec, compresslevel=5))
                    written += len(rec)
                    docs += 1
                k += 1
    print(f"{a.out}: {docs} documents, {written} bytes uncompressed", file=sys.stderr)


if __name__ == "__main__":
    main()
