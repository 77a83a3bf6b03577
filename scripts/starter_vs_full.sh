#!/usr/bin/env bash
# Starter vs full dictionary on the development gold set (testdata/gold).
#
#   scripts/starter_vs_full.sh            # builds ./target/debug/annalist if needed
#   KEEP=1 scripts/starter_vs_full.sh     # keep the temp folder (starter dict, predictions)
#
# Builds a starter dictionary (scripts/starter_dict.py: no persons, no groups, countries without
# cities or seats, the 30 best-known IGOs/NGOs, at most 3 patterns per CAMEO code) into a temp
# folder, codes every gold article with it and with the full dictionaries/ (each article with its
# publication date from <id>.json), and prints `annalist eval` for both.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
BIN=${ANNALIST:-$ROOT/target/debug/annalist}
GOLD=$ROOT/testdata/gold

if [[ ! -x $BIN ]]; then
    cargo build -q -p annalist
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/starter_vs_full.XXXXXX")
if [[ -z ${KEEP:-} ]]; then
    trap 'rm -rf "$TMP"' EXIT
else
    echo "keeping $TMP" >&2
fi

python3 "$ROOT/scripts/starter_dict.py" "$ROOT/dictionaries" "$TMP/starter"

code_gold() { # DICT_DIR OUT.jsonl
    local dict=$1 out=$2
    : >"$out"
    for meta in "$GOLD"/*.json; do
        local id date
        id=$(basename "$meta" .json)
        date=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["publication_date"])' "$meta")
        "$BIN" code --dict "$dict" --date "$date" "$GOLD/$id.txt" >>"$out"
    done
}

for side in starter full; do
    if [[ $side == starter ]]; then dict=$TMP/starter; else dict=$ROOT/dictionaries; fi
    code_gold "$dict" "$TMP/$side.jsonl"
    echo
    echo "=== $side dictionary ($dict): $(wc -l <"$TMP/$side.jsonl") events coded ==="
    "$BIN" eval --gold "$GOLD" "$TMP/$side.jsonl"
done
