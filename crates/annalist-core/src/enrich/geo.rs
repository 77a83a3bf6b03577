//! Places: a gazetteer of populated places, capitals and first-level regions, and the
//! location of an event within its sentence.
//!
//! The embedded gazetteer is `data/gazetteer/gazetteer.tsv.gz`, built from GeoNames data
//! (CC BY 4.0, see `DATA_LICENSES`) by `data/gazetteer/build.py`: every populated place of
//! 5,000 people or more (so every one over 15,000), capitals, countries and first-level
//! regions, with ASCII alternate names. It is decompressed and indexed once, on first use.
//!
//! Names are looked up through one hash index of normalised keys (lower case, hyphens and
//! runs of spaces as one space, curly apostrophes straight), chained per key, so loading makes
//! no allocation per name. Names that are also common English words or first names ("March",
//! "Police", "Victoria") are marked in the data and found in a sentence only after a locative
//! cue ("in March", "the town of Police").
//!
//! ```
//! use annalist_core::enrich::geo::{Gazetteer, Geocoder};
//! let g = Gazetteer::embedded();
//! assert_eq!(g.resolve("Tripoli", &["LBN"]).map(|p| p.country.as_str()), Some("LBN"));
//! let s = "Forces shelled the central city of Homs on Tuesday.";
//! let m = g.mentions(s, &["SYR"]);
//! assert_eq!(m[0].span.slice(s), "Homs");
//! assert!(m[0].locative);
//! ```

use std::io::Read;
use std::sync::OnceLock;

use annalist_text::Span;

use super::scan::{tokenize, Kind, Tok};

/// One gazetteer entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    pub name: String,
    /// ISO 3166-1 alpha-3.
    pub country: String,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
}

/// What kind of place an entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    Country,
    Capital,
    /// A populated place that is not a capital.
    City,
    /// A first-level administrative region (province, governorate, state).
    Region,
}

impl PlaceKind {
    /// How specific the place is: lower is more specific (town before region before country).
    pub fn specificity(self) -> u8 {
        match self {
            PlaceKind::City | PlaceKind::Capital => 0,
            PlaceKind::Region => 1,
            PlaceKind::Country => 2,
        }
    }

    fn weight(self) -> f64 {
        match self {
            PlaceKind::Country => 20.0,
            PlaceKind::Capital => 2.0,
            PlaceKind::City => 1.0,
            PlaceKind::Region => 0.3,
        }
    }
}

/// A place named in a sentence.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlaceMention<'g> {
    /// Bytes into the sentence: the name itself ("Homs").
    pub span: Span,
    pub place: &'g Place,
    /// True when the sentence marks it as where something happened ("in Homs", "near the
    /// border town of Zabadani", "outside the parliament building in Bangkok").
    pub locative: bool,
}

/// Resolves place names: the seam between the coder and the gazetteer's storage.
pub trait Geocoder: Send + Sync {
    /// The best entry named `name`, preferring places in `prefer` (ISO3 codes of the countries
    /// the story is about), then larger places.
    fn resolve(&self, name: &str, prefer: &[&str]) -> Option<&Place>;

    /// Place names in `sentence`, in text order.
    fn mentions<'g>(&'g self, sentence: &str, prefer: &[&str]) -> Vec<PlaceMention<'g>>;

    /// The locative mention nearest the event's trigger `anchor` (bytes into `sentence`).
    /// [`Gazetteer::event_location`] also prefers a town to a region or country close by.
    fn event_location<'g>(
        &'g self,
        sentence: &str,
        anchor: Span,
        prefer: &[&str],
    ) -> Option<PlaceMention<'g>> {
        nearest_locative(self.mentions(sentence, prefer), anchor, |_| 0)
    }
}

/// The locative mention with the least distance to `anchor` plus `penalty`.
fn nearest_locative<'g>(
    mentions: Vec<PlaceMention<'g>>,
    anchor: Span,
    penalty: impl Fn(&PlaceMention<'g>) -> usize,
) -> Option<PlaceMention<'g>> {
    let mut best: Option<(usize, PlaceMention<'g>)> = None;
    for m in mentions {
        if !m.locative {
            continue;
        }
        let dist = if m.span.end() <= anchor.start() {
            anchor.start() - m.span.end()
        } else if m.span.start() >= anchor.end() {
            m.span.start() - anchor.end()
        } else {
            0
        };
        let cost = dist + penalty(&m);
        if best.as_ref().is_none_or(|(c, _)| cost < *c) {
            best = Some((cost, m));
        }
    }
    best.map(|(_, m)| m)
}

/// The gazetteer data shipped with annalist (gzip'ed text, see `data/gazetteer/README.md`).
pub static EMBEDDED_DATA: &[u8] = include_bytes!("../../../../data/gazetteer/gazetteer.tsv.gz");

const PRIMARY: u8 = 1;
const AMBIGUOUS: u8 = 2;

/// The gazetteer shipped with annalist.
///
/// It keeps the decompressed text and binary-searches its sorted name index in place; a
/// [`Place`] is parsed from its line the first time it is asked for.
#[derive(Debug, Default)]
pub struct Gazetteer {
    text: String,
    /// Byte offset of each place line, plus one past the last.
    lines: Vec<u32>,
    places: Vec<OnceLock<Place>>,
    /// The index section: sorted `key\tplace\tflags` lines.
    index: (usize, usize),
}

/// Appends `text` to `out` normalised as a key (as `build.py`'s `norm_key`).
fn push_norm(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '-' | '\u{2010}' | '\u{2011}' | '\u{2013}' => push_space(out),
            c if c.is_whitespace() => push_space(out),
            '\u{2019}' | '\u{2018}' | '`' | '\u{02bc}' => out.push('\''),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
}

fn push_space(out: &mut String) {
    if !out.is_empty() && !out.ends_with(' ') {
        out.push(' ');
    }
}

/// What a lookup found: the places named by the key, and whether longer keys start with it.
struct Found {
    entries: Vec<(u32, u8)>,
    extends: bool,
}

impl Gazetteer {
    /// The embedded gazetteer, decompressed and indexed once on first use. Empty (never a
    /// panic) if the embedded data could not be read.
    pub fn embedded() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| Gazetteer::from_gzip(EMBEDDED_DATA).unwrap_or_default())
    }

    /// A gazetteer from gzip'ed text in the format `build.py` writes.
    ///
    /// # Errors
    /// When the bytes are not gzip or the text is not UTF-8.
    pub fn from_gzip(bytes: &[u8]) -> std::io::Result<Gazetteer> {
        let mut raw = Vec::with_capacity(bytes.len() * 3);
        flate2::read::GzDecoder::new(bytes).read_to_end(&mut raw)?;
        let text = String::from_utf8(raw)
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))?;
        Ok(Gazetteer::from_text(text))
    }

    /// A gazetteer from text in the format `build.py` writes: `#places N`, N lines
    /// `kind\tname\tiso3\tlat\tlon\tpopulation` (kind N country, C capital, P place, R region),
    /// then `#index M` and M lines `key\tplace\tflags` sorted by key bytes. Malformed text
    /// gives a smaller or empty gazetteer, never a panic.
    pub fn from_text(text: String) -> Gazetteer {
        let b = text.as_bytes();
        let mut lines = Vec::new();
        let mut pos = 0;
        let mut index = (b.len(), b.len());
        let mut in_places = false;
        while pos < b.len() {
            let end = b[pos..].iter().position(|&c| c == b'\n').map_or(b.len(), |k| pos + k);
            let line = &b[pos..end];
            if line.starts_with(b"#places") {
                in_places = true;
            } else if line.starts_with(b"#index") {
                index = ((end + 1).min(b.len()), b.len());
                if let Ok(p) = u32::try_from(pos) {
                    lines.push(p);
                }
                in_places = false;
                break;
            } else if in_places {
                let Ok(p) = u32::try_from(pos) else { break };
                lines.push(p);
            }
            pos = end + 1;
        }
        if in_places {
            // No index section: still close the last place line.
            lines.push(u32::try_from(b.len()).unwrap_or(u32::MAX));
        }
        let n = lines.len().saturating_sub(1);
        let mut places = Vec::with_capacity(n);
        places.resize_with(n, OnceLock::new);
        Gazetteer { text, lines, places, index }
    }

    pub fn len(&self) -> usize {
        self.places.len()
    }

    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    fn line(&self, idx: usize) -> &str {
        let (Some(&a), Some(&b)) = (self.lines.get(idx), self.lines.get(idx + 1)) else {
            return "";
        };
        self.text.get(a as usize..b as usize).unwrap_or("").trim_end_matches('\n')
    }

    /// Place number `idx` (countries first, then capitals, places and regions by population).
    pub fn place(&self, idx: usize) -> Option<&Place> {
        let cell = self.places.get(idx)?;
        Some(cell.get_or_init(|| {
            let mut f = self.line(idx).split('\t');
            let _kind = f.next();
            let name = f.next().unwrap_or("").to_string();
            let country = f.next().unwrap_or("").to_string();
            let lat = f.next().and_then(|x| x.parse().ok()).unwrap_or(0.0);
            let lon = f.next().and_then(|x| x.parse().ok()).unwrap_or(0.0);
            let population = f.next().and_then(|x| x.parse().ok()).unwrap_or(0);
            Place { name, country, lat, lon, population }
        }))
    }

    fn kind_at(&self, idx: usize) -> Option<PlaceKind> {
        match self.line(idx).as_bytes().first()? {
            b'N' => Some(PlaceKind::Country),
            b'C' => Some(PlaceKind::Capital),
            b'P' => Some(PlaceKind::City),
            b'R' => Some(PlaceKind::Region),
            _ => None,
        }
    }

    /// The number of `place`, when it is one of this gazetteer's entries.
    fn index_of(&self, place: &Place) -> Option<usize> {
        let base = self.places.as_ptr() as usize;
        let addr = place as *const Place as usize;
        let size = std::mem::size_of::<OnceLock<Place>>();
        if addr < base || size == 0 {
            return None;
        }
        let idx = (addr - base) / size;
        let same = self.places.get(idx)?.get().is_some_and(|p| std::ptr::eq(p, place));
        same.then_some(idx)
    }

    /// The kind of `place`, when it is one of this gazetteer's entries.
    pub fn kind(&self, place: &Place) -> Option<PlaceKind> {
        self.kind_at(self.index_of(place)?)
    }

    /// The index line containing byte `pos`: (start, end without the newline).
    fn index_line(&self, pos: usize) -> (usize, usize) {
        let b = self.text.as_bytes();
        let (lo, hi) = self.index;
        let start = b[lo..pos].iter().rposition(|&c| c == b'\n').map_or(lo, |k| lo + k + 1);
        let end = b[pos..hi].iter().position(|&c| c == b'\n').map_or(hi, |k| pos + k);
        (start, end)
    }

    fn line_key(&self, start: usize, end: usize) -> &[u8] {
        let l = &self.text.as_bytes()[start..end];
        let tab = l.iter().position(|&c| c == b'\t').unwrap_or(l.len());
        &l[..tab]
    }

    /// Every entry whose key is `key`, by binary search over the sorted index lines.
    fn lookup(&self, key: &str) -> Found {
        let key = key.as_bytes();
        let (mut lo, mut hi) = self.index;
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let (ls, le) = self.index_line(mid);
            if self.line_key(ls, le) < key {
                lo = le + 1;
            } else {
                hi = ls;
            }
        }
        let mut entries = Vec::new();
        let mut pos = lo;
        let mut extends = false;
        while pos < self.index.1 {
            let (ls, le) = self.index_line(pos);
            let k = self.line_key(ls, le);
            if k != key {
                // ' ' sorts before every other character a key continues with.
                extends = k.len() > key.len() && k.starts_with(key) && k[key.len()] == b' ';
                break;
            }
            let rest = self.text.get(ls + k.len() + 1..le).unwrap_or("");
            let mut f = rest.split('\t');
            let place = f.next().and_then(|x| x.parse::<u32>().ok());
            let flags = f.next().and_then(|x| x.parse::<u8>().ok()).unwrap_or(0);
            if let Some(p) = place {
                entries.push((p, flags));
            }
            pos = le + 1;
        }
        Found { entries, extends }
    }

    /// The best place among `entries`: in a preferred country first, then by population
    /// weighted by kind and by whether the name is the place's own. A town beats a region of
    /// the same name in the same country.
    fn best(&self, entries: &[(u32, u8)], prefer: &[&str]) -> Option<(u32, u8)> {
        let mut best: Option<(bool, f64, u32, u8)> = None;
        for &(idx, flags) in entries {
            let (Some(p), Some(k)) = (self.place(idx as usize), self.kind_at(idx as usize)) else {
                continue;
            };
            let preferred = prefer.iter().any(|c| c.eq_ignore_ascii_case(&p.country));
            let own = if flags & PRIMARY != 0 { 1.0 } else { 0.05 };
            let score = (p.population.max(1) as f64) * k.weight() * own;
            if best.is_none_or(|(bp, bs, _, _)| (preferred, score) > (bp, bs)) {
                best = Some((preferred, score, idx, flags));
            }
        }
        let (_, _, idx, flags) = best?;
        if self.kind_at(idx as usize) == Some(PlaceKind::Region) {
            let country = self.place(idx as usize).map(|p| p.country.clone());
            let region_pop = self.place(idx as usize).map_or(0, |p| p.population);
            // A town of that name, by its own name or big enough not to be a stray alternate
            // ("Hama" the town for Hama governorate, not "York" for New York state).
            let town = entries
                .iter()
                .filter(|(i, f)| {
                    let pop = self.place(*i as usize).map_or(0, |p| p.population);
                    (f & PRIMARY != 0 || pop.saturating_mul(10) >= region_pop)
                        && matches!(
                            self.kind_at(*i as usize),
                            Some(PlaceKind::City | PlaceKind::Capital)
                        )
                        && self.place(*i as usize).map(|p| &p.country) == country.as_ref()
                })
                .max_by_key(|(i, _)| self.place(*i as usize).map_or(0, |p| p.population));
            if let Some(&t) = town {
                return Some(t);
            }
        }
        Some((idx, flags))
    }

    /// The locative mention nearest the event's trigger `anchor`, a town before a region
    /// before a country when they are close.
    pub fn event_location<'g>(
        &'g self,
        sentence: &str,
        anchor: Span,
        prefer: &[&str],
    ) -> Option<PlaceMention<'g>> {
        nearest_locative(self.mentions(sentence, prefer), anchor, |m| {
            match self.kind(m.place).map_or(0, PlaceKind::specificity) {
                0 => 0,
                1 => 30,
                _ => 60,
            }
        })
    }
}

/// Words that may sit inside a multi-word place name in lower case.
const CONNECTORS: &[&str] = &[
    "de", "del", "la", "le", "les", "al", "el", "ez", "es", "as", "ad", "ar", "an", "az", "of",
    "the", "upon", "sur", "am", "der", "di", "do", "da", "dos", "das", "y", "i", "en", "ash", "at",
    "sh", "ul", "e",
];

/// Cue words directly marking a place ("in", "near").
const CUES: &[&str] = &[
    "in",
    "near",
    "outside",
    "at",
    "around",
    "across",
    "inside",
    "throughout",
    "within",
    "into",
    "towards",
    "toward",
    "nearby",
    "outskirts",
    "entered",
    "stormed",
    "shelled",
    "bombed",
    "besieged",
    "hit",
    "struck",
    "captured",
    "seized",
    "overran",
    "raided",
    "attacked",
];

/// Nouns before "of" that make the place after it locative ("the town of", "the shelling of").
const OF_NOUNS: &[&str] = &[
    "town",
    "city",
    "village",
    "province",
    "district",
    "region",
    "governorate",
    "suburb",
    "suburbs",
    "neighbourhood",
    "neighborhood",
    "area",
    "capital",
    "outskirts",
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "centre",
    "center",
    "port",
    "state",
    "county",
    "municipality",
    "streets",
    "heart",
    "parts",
    "part",
    "shelling",
    "bombardment",
    "bombing",
    "siege",
    "storming",
    "capture",
    "fall",
    "residents",
    "people",
    "hamlet",
    "settlement",
    "camp",
    "enclave",
    "stronghold",
    "bastion",
    "island",
    "islands",
    "valley",
    "areas",
    "towns",
    "cities",
    "villages",
    "provinces",
    "districts",
    "regions",
];

/// Capitalised words after a name that keep it a place ("Homs Province").
const AFTER_OK: &[&str] = &[
    "province",
    "city",
    "governorate",
    "region",
    "district",
    "state",
    "oblast",
    "county",
    "countryside",
    "on",
    "in",
    "at",
    "and",
    "or",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "valley",
];

/// Words that end the walk back from a name to its cue.
const WALK_STOP: &[&str] = &[
    "with",
    "against",
    "for",
    "by",
    "from",
    "to",
    "said",
    "says",
    "told",
    "that",
    "who",
    "which",
    "between",
    "than",
    "like",
    "including",
    "as",
    "on",
    "over",
    "about",
    "after",
    "before",
    "during",
    "since",
    "until",
];

const WORD_ONLY_IF_CUED: &[&str] = &["the", "a", "an"];

fn strip_possessive(s: &str, t: Tok) -> usize {
    let w = t.text(s);
    if w.ends_with("'s") {
        t.end - 2
    } else if w.ends_with("\u{2019}s") {
        t.end - 4
    } else {
        t.end
    }
}

impl Gazetteer {
    /// Whether the mention starting at token `i` is preceded by a locative cue.
    fn locative(s: &str, toks: &[Tok], i: usize) -> bool {
        let mut k = i;
        let mut steps = 0;
        while k > 0 && steps < 6 {
            let j = k - 1;
            let t = toks[j];
            if t.kind == Kind::Punct && !t.is_punct(s, '-') {
                return false;
            }
            if t.kind == Kind::Word {
                if t.is(s, "of") {
                    return j > 0 && toks[j - 1].is_any(s, OF_NOUNS);
                }
                if t.is_any(s, CUES) {
                    return true;
                }
                if t.is_any(s, WALK_STOP) {
                    return false;
                }
            }
            k = j;
            steps += 1;
        }
        false
    }
}

impl Geocoder for Gazetteer {
    fn resolve(&self, name: &str, prefer: &[&str]) -> Option<&Place> {
        let mut key = String::with_capacity(name.len());
        push_norm(name.trim(), &mut key);
        let found = self.lookup(key.trim_end());
        let (idx, _) = self.best(&found.entries, prefer)?;
        self.place(idx as usize)
    }

    fn mentions<'g>(&'g self, sentence: &str, prefer: &[&str]) -> Vec<PlaceMention<'g>> {
        let s = sentence;
        let mut out = Vec::new();
        if self.places.is_empty() {
            return out;
        }
        let mut toks = Vec::new();
        tokenize(s, &mut toks);
        let mut key = String::with_capacity(64);
        let mut i = 0;
        while i < toks.len() {
            let t = toks[i];
            if !t.is_capitalised(s) || WORD_ONLY_IF_CUED.iter().any(|w| t.is(s, w)) {
                i += 1;
                continue;
            }
            // Longest name starting here, up to six tokens.
            key.clear();
            let mut found: Option<(usize, u32, u8)> = None; // last token, place, flags
            let mut j = i;
            while j < toks.len() && j < i + 6 {
                let u = toks[j];
                if u.kind != Kind::Word {
                    break;
                }
                if j > i {
                    let gap = s.get(toks[j - 1].end..u.start).unwrap_or("x");
                    if !gap.chars().all(char::is_whitespace) {
                        break;
                    }
                    if !u.is_capitalised(s) && !u.is_any(s, CONNECTORS) {
                        break;
                    }
                    key.push(' ');
                }
                let end = strip_possessive(s, u);
                push_norm(s.get(u.start..end).unwrap_or(""), &mut key);
                let hit = self.lookup(&key);
                if !u.is_any(s, CONNECTORS) || j == i {
                    if let Some((p, flags)) = self.best(&hit.entries, prefer) {
                        found = Some((j, p, flags));
                    }
                }
                if end != u.end || !hit.extends {
                    break; // a possessive ends the name; so does a key nothing extends
                }
                j += 1;
            }
            let Some((last, place, flags)) = found else {
                i += 1;
                continue;
            };
            let end = strip_possessive(s, toks[last]);
            let name = s.get(t.start..end).unwrap_or("");
            let gap_ws = |a: usize, b: usize| {
                s.get(a..b).is_some_and(|g| g.chars().all(char::is_whitespace))
            };
            // Part of a longer proper name: "Barack Obama", "Damascus University".
            let prev_cap = i > 1
                && toks[i - 1].is_capitalised(s)
                && !toks[i - 1].is_any(s, CUES)
                && !toks[i - 1].is_any(s, &["the", "and", "of"])
                && gap_ws(toks[i - 1].end, t.start);
            let next_cap = toks.get(last + 1).is_some_and(|n| {
                n.is_capitalised(s) && !n.is_any(s, AFTER_OK) && gap_ws(toks[last].end, n.start)
            });
            let locative = Gazetteer::locative(s, &toks, i);
            let Some(p) = self.place(place as usize) else {
                i += 1;
                continue;
            };
            let kind = self.kind_at(place as usize);
            // An acronym-like "SPA" is no place; a dateline's "GOMA" or "MOGADISHU" may be.
            let letters = name.chars().filter(|c| c.is_alphabetic()).count();
            let all_caps = letters > 1 && !name.chars().any(char::is_lowercase);
            let preferred = prefer.iter().any(|c| c.eq_ignore_ascii_case(&p.country));
            // Only an alternate name ("Hamas" for Hamm): trust it where the sentence or the
            // story points at a place.
            let alternate_only = flags & PRIMARY == 0 && kind != Some(PlaceKind::Country);
            let reject = letters < 3
                || prev_cap
                || next_cap
                || (flags & AMBIGUOUS != 0 && !locative)
                || (all_caps && (flags & PRIMARY == 0 || (letters < 5 && i != 0)))
                || (alternate_only && !locative && !preferred);
            if reject {
                i += 1;
                continue;
            }
            out.push(PlaceMention { span: Span::new(t.start, end), place: p, locative });
            i = last + 1;
        }
        out
    }
}
