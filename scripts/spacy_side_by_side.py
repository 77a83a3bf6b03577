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
for label, disable in (("full", []), ("no_ner", ["ner"])):
    nlp = spacy.load("en_core_web_sm", disable=disable)
    out["model"] = f"{nlp.meta.get('name')} {nlp.meta.get('version')}"
    for _ in nlp.pipe(texts[:5]):
        pass
    best = None
    for _ in range(passes):
        start = time.perf_counter()
        docs = list(nlp.pipe(texts, batch_size=32, n_process=1))
        spent = time.perf_counter() - start
        best = spent if best is None else min(best, spent)
    sentences = sum(1 for d in docs for _ in d.sents)
    out[label] = {
        "components": nlp.pipe_names,
        "seconds": round(best, 4),
        "sentences": sentences,
        "sentences_per_s": round(sentences / best, 1),
        "mb_per_s": round(nbytes / best / 1e6, 4),
    }
print(json.dumps(out))
