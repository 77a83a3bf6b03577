#!/usr/bin/env python3
"""Build a *starter* dictionary from annalist's full one, for the starter-vs-full comparison.

    python3 scripts/starter_dict.py dictionaries/ OUT_DIR

The starter is what a coder would ship on day one:
  - actors/persons/*.toml: none
  - actors/countries.toml: code, names, adjectives, demonyms, capitals (no cities, no seats)
  - actors/orgs.toml: the 30 best-known IGOs/NGOs only (first entry of each listed code)
  - actors/groups.toml: none
  - actors/agents.toml, cameo.tsv, FORMAT.md: as they are
  - verbs/*.txt: at most 3 patterns per CAMEO code (with their example lines); every section
    header and comment line is kept
Standard library only (tomllib reads the TOML; the few tables written back are simple).
"""

import json
import shutil
import sys
import tomllib
from pathlib import Path

# The 30 best-known international organisations and NGOs, by actor code.
STARTER_ORGS = [
    "IGOUNO", "IGOUNHCR", "IGOWFP", "IGOUNICEF", "IGOIAEA", "IGOWHO", "IGOICC", "IGOICJ",
    "IGOIMF", "IGOWBK", "IGOWTO", "IGOEUREEC", "IGONAT", "IGOAU", "IGOARL", "IGOGCC",
    "IGOASN", "IGOOPC", "IGOECOWAS", "IGOOAS", "IGOOSCE", "IGOSCO", "IGOG7", "IGOG20",
    "IGOBRICS", "IGOOIC", "NGORCR", "NGOMSF", "NGOAMN", "NGOHRW",
]
MAX_PATTERNS_PER_CODE = 3
COUNTRY_KEYS = ["code", "names", "adjectives", "demonyms", "capitals"]
ORG_KEYS = ["code", "names", "refs", "country", "from", "until"]


def toml_value(v):
    # JSON string escapes are valid TOML basic-string escapes.
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=True)
    if isinstance(v, list):
        return "[" + ", ".join(toml_value(x) for x in v) + "]"
    raise TypeError(f"unsupported TOML value {v!r}")


def write_tables(path, header, table, rows, keys):
    out = [header, ""]
    for row in rows:
        out.append(f"[[{table}]]")
        for k in keys:
            if k in row and row[k] not in ("", [], None):
                out.append(f"{k} = {toml_value(row[k])}")
        out.append("")
    path.write_text("\n".join(out), encoding="utf-8")


def starter_countries(src, dst):
    data = tomllib.loads(src.read_text(encoding="utf-8"))
    rows = [{k: c[k] for k in COUNTRY_KEYS if k in c} for c in data.get("country", [])]
    write_tables(dst, "# starter countries: names, adjectives, demonyms, capitals only",
                 "country", rows, COUNTRY_KEYS)
    return len(rows)


def starter_orgs(src, dst):
    data = tomllib.loads(src.read_text(encoding="utf-8"))
    first = {}
    for o in data.get("org", []):
        first.setdefault(o["code"], o)
    missing = [c for c in STARTER_ORGS if c not in first]
    if missing:
        sys.exit(f"starter_dict.py: codes not in orgs.toml: {', '.join(missing)}")
    rows = [first[c] for c in STARTER_ORGS]
    write_tables(dst, "# starter organisations: the 30 best-known IGOs and NGOs", "org", rows, ORG_KEYS)
    return len(rows)


def starter_verbs(src, dst, per_code):
    """Keeps headers and comments; keeps a pattern (and its indented example lines) only while
    its section's code has fewer than MAX_PATTERNS_PER_CODE patterns kept."""
    out = []
    code = None
    keeping = False
    kept = dropped = 0
    for line in src.read_text(encoding="utf-8").splitlines():
        s = line.strip()
        if not s or s.startswith("#"):
            out.append(line)
            continue
        if line[0] in " \t":  # an example under the pattern above
            if keeping:
                out.append(line)
            continue
        if s.startswith("["):  # section header: [code] name
            code = s[1:].split("]", 1)[0].strip()
            out.append(line)
            keeping = False
            continue
        n = per_code.get(code, 0)
        keeping = n < MAX_PATTERNS_PER_CODE
        if keeping:
            per_code[code] = n + 1
            out.append(line)
            kept += 1
        else:
            dropped += 1
    dst.write_text("\n".join(out) + "\n", encoding="utf-8")
    return kept, dropped


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: starter_dict.py FULL_DICT_DIR OUT_DIR")
    full, out = Path(sys.argv[1]), Path(sys.argv[2])
    if out.exists():
        shutil.rmtree(out)
    (out / "actors").mkdir(parents=True)
    (out / "verbs").mkdir()
    for name in ("cameo.tsv", "FORMAT.md"):
        if (full / name).exists():
            shutil.copy(full / name, out / name)
    shutil.copy(full / "actors" / "agents.toml", out / "actors" / "agents.toml")
    nc = starter_countries(full / "actors" / "countries.toml", out / "actors" / "countries.toml")
    no = starter_orgs(full / "actors" / "orgs.toml", out / "actors" / "orgs.toml")
    per_code = {}
    kept = dropped = 0
    for f in sorted((full / "verbs").glob("*.txt")):
        k, d = starter_verbs(f, out / "verbs" / f.name, per_code)
        kept += k
        dropped += d
    print(f"starter dictionary in {out}: {nc} countries, {no} organisations, 0 groups, 0 persons, "
          f"{kept} patterns kept over {len(per_code)} codes ({dropped} dropped)", file=sys.stderr)


if __name__ == "__main__":
    main()
