#!/usr/bin/env bash
# Ingest benchmark: generates a >= 1 GB corpus (a JSONL file and a CC-NEWS-like WARC.gz, see
# scripts/ingest/gen_ingest_corpus.py), ingests each into a fresh store with the release
# build, and reports documents, articles/s and peak memory (/usr/bin/time -v).
#
#   bench/ingest.sh                  # 1.1 GB of each
#   BYTES=200000000 bench/ingest.sh  # smaller
#   KINDS=jsonl bench/ingest.sh      # one kind only
#
# Output goes to bench/out/ingest/ (gitignored; the corpus is regenerated when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
BYTES="${BYTES:-1100000000}"
KINDS="${KINDS:-jsonl warc}"
out=bench/out/ingest
mkdir -p "$out"
cargo build --release -p annalist >&2
bin=target/release/annalist
timer=()
if [ -x /usr/bin/time ]; then timer=(/usr/bin/time -v); fi
echo "# annalist ingest benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m)"
for kind in $KINDS; do
    case "$kind" in
        jsonl) corpus="$out/corpus.jsonl" ;;
        warc) corpus="$out/corpus.warc.gz" ;;
        *) echo "unknown kind $kind" >&2; exit 2 ;;
    esac
    stamp="$corpus.bytes-$BYTES"
    if [ ! -f "$stamp" ]; then
        rm -f "$out"/corpus."$kind"* 2>/dev/null || true
        python3 scripts/ingest/gen_ingest_corpus.py "$kind" --bytes "$BYTES" --out "$corpus"
        touch "$stamp"
    fi
    db="$out/$kind.db"
    rm -f "$db" "$db-wal" "$db-shm"
    log="$out/$kind.time.txt"
    start=$(date +%s.%N)
    "${timer[@]}" "$bin" ingest --summary --db "$db" "$corpus" 2> "$log" || true
    end=$(date +%s.%N)
    docs=$(python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(c.execute('select count(*) from documents').fetchone()[0], c.execute('select count(*) from events').fetchone()[0])" "$db")
    set -- $docs
    secs=$(python3 -c "print(f'{$end - $start:.1f}')")
    rate=$(python3 -c "print(f'{$1 / ($end - $start):.0f}')")
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f MiB", $2/1024}' "$log")
    size=$(du -h --apparent-size "$corpus" | cut -f1)
    echo "$kind: $size on disk, $1 documents, $2 events, ${secs}s, $rate articles/s, peak RSS ${rss:-n/a}, db $(du -h "$db" | cut -f1)"
    grep -E "^annalist: ingested" "$log" | sed 's/^/    /' || true
done
