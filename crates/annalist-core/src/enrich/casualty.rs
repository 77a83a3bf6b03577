//! Tolls: killed, wounded, arrested, with their precision.
//!
//! A scanner over [`scan`](super::scan) tokens. Each number ("19", "1,200", "1.3 million",
//! "six", "twenty-five", "a dozen") is tied to a kind of toll by one of three shapes:
//!
//! - number first: "95 people were killed", "six members of the security forces were
//!   killed", "at least 40 wounded", "left 5 dead", "claimed over 300 lives", "made 40 arrests";
//! - verb first: "killing some 19 people", "killed 12 people", "injuring 3", "detained 40
//!   protesters", "arrested more than 100";
//! - a toll noun: "the death toll rose to 30".
//!
//! Vague quantities ("dozens", "tens", "hundreds", "scores") give none, and so do "no reports
//! of injuries" or "no one was hurt": a toll is never 0. A toll is `cumulative` when its clause
//! counts over a period ("since November", "in the last five days", "so far this year") or an
//! ongoing campaign in the perfect tense ("5,000 have been killed in the crackdown").
//!
//! ```
//! use annalist_core::enrich::casualty::{tolls, TollKind};
//! let t = tolls("A further 19 people were killed and at least 40 wounded.");
//! assert_eq!((t[0].kind, t[0].count), (TollKind::Killed, 19));
//! assert_eq!((t[1].kind, t[1].count), (TollKind::Wounded, 40));
//! ```

use annalist_text::record::CountPrecision;
use annalist_text::Span;

use super::scan::{parse_figure, tokenize, word_number, Kind, Tok};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TollKind {
    Killed,
    Wounded,
    Arrested,
}

/// A number of people reported killed, wounded or arrested.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Toll {
    /// Bytes into the sentence: the whole phrase ("killing some 19 people").
    pub span: Span,
    pub kind: TollKind,
    pub count: u32,
    pub precision: CountPrecision,
    /// A cumulative toll ("over 300 lives in the last five days", "since November") that
    /// belongs to no single-day event.
    pub cumulative: bool,
}

/// Words after a number that name the toll it counts.
fn kind_after(w: &str) -> Option<TollKind> {
    const KILLED: &[&str] = &[
        "killed",
        "dead",
        "died",
        "die",
        "deaths",
        "slain",
        "lives",
        "fatalities",
        "massacred",
        "executed",
        "perished",
        "murdered",
        "bodies",
        "fatally",
    ];
    const WOUNDED: &[&str] = &["wounded", "injured", "hurt", "injuries", "wounds", "maimed"];
    const ARRESTED: &[&str] =
        &["arrested", "detained", "arrests", "detentions", "jailed", "imprisoned", "rounded"];
    if KILLED.iter().any(|k| w.eq_ignore_ascii_case(k)) {
        Some(TollKind::Killed)
    } else if WOUNDED.iter().any(|k| w.eq_ignore_ascii_case(k)) {
        Some(TollKind::Wounded)
    } else if ARRESTED.iter().any(|k| w.eq_ignore_ascii_case(k)) {
        Some(TollKind::Arrested)
    } else {
        None
    }
}

/// Active verbs before a number: "killing 19", "killed 12 people", "detained 40".
fn kind_before(w: &str) -> Option<TollKind> {
    const KILLED: &[&str] =
        &["killed", "killing", "kills", "kill", "massacred", "claimed", "claiming"];
    const WOUNDED: &[&str] = &["wounded", "wounding", "wounds", "injured", "injuring", "injures"];
    const ARRESTED: &[&str] =
        &["arrested", "arresting", "arrests", "detained", "detaining", "detains", "rounded"];
    if KILLED.iter().any(|k| w.eq_ignore_ascii_case(k)) {
        Some(TollKind::Killed)
    } else if WOUNDED.iter().any(|k| w.eq_ignore_ascii_case(k)) {
        Some(TollKind::Wounded)
    } else if ARRESTED.iter().any(|k| w.eq_ignore_ascii_case(k)) {
        Some(TollKind::Arrested)
    } else {
        None
    }
}

const PEOPLE: &[&str] = &[
    "people",
    "persons",
    "person",
    "civilians",
    "civilian",
    "soldiers",
    "soldier",
    "troops",
    "protesters",
    "protestors",
    "demonstrators",
    "militants",
    "rebels",
    "fighters",
    "policemen",
    "police",
    "officers",
    "members",
    "children",
    "women",
    "men",
    "students",
    "activists",
    "insurgents",
    "gunmen",
    "workers",
    "pilgrims",
    "worshippers",
    "refugees",
    "migrants",
    "residents",
    "villagers",
    "others",
    "passengers",
    "journalists",
    "guards",
    "servicemen",
    "personnel",
    "policemen",
    "marines",
    "militiamen",
    "opposition",
    "suspects",
    "children",
    "bystanders",
    "peacekeepers",
    "detainees",
    "prisoners",
    "youths",
    "boys",
    "girls",
];

/// Units that make a number something other than a count of people.
const UNITS: &[&str] = &[
    "km",
    "kms",
    "kilometres",
    "kilometers",
    "kilometre",
    "kilometer",
    "miles",
    "mile",
    "metres",
    "meters",
    "metre",
    "meter",
    "percent",
    "per",
    "pct",
    "hours",
    "hour",
    "days",
    "day",
    "weeks",
    "week",
    "months",
    "month",
    "years",
    "year",
    "minutes",
    "minute",
    "am",
    "pm",
    "a.m",
    "p.m",
    "tanks",
    "dollars",
    "euros",
    "pounds",
    "times",
    "points",
    "kg",
    "tonnes",
    "tons",
    "feet",
    "seconds",
    "rounds",
    "shells",
    "rockets",
    "missiles",
    "mortars",
    "cars",
    "vehicles",
    "buildings",
    "houses",
    "homes",
    "votes",
    "seats",
    "degrees",
    "cm",
    "mm",
];

const STOP: &[&str] = &[
    "and", "but", "or", "while", "after", "when", "as", "that", "which", "whereas", "said", "says",
    "told", "than",
];

const MONTHS: &[&str] = &[
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
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// A number at token `i`: (value, index one past it, precision it implies). `None` for no
/// number or a vague one ("dozens").
fn number_at(s: &str, toks: &[Tok], i: usize) -> Option<(u32, usize, Option<CountPrecision>)> {
    let t = toks.get(i)?;
    let w = t.text(s);
    let (mut v, mut next, mut prec) = if t.kind == Kind::Num {
        (parse_figure(w)?, i + 1, None)
    } else if w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an") {
        // "a dozen", "a hundred"
        let n = toks.get(i + 1)?;
        if n.is(s, "dozen") {
            (12.0, i + 2, Some(CountPrecision::About))
        } else if n.is(s, "hundred") {
            (100.0, i + 2, Some(CountPrecision::About))
        } else {
            return None;
        }
    } else if w.eq_ignore_ascii_case("dozen") {
        (12.0, i + 1, Some(CountPrecision::About))
    } else {
        let mut v = f64::from(word_number(w)?);
        let mut next = i + 1;
        // "twenty five"
        if v >= 20.0 && v % 10.0 == 0.0 {
            if let Some(u) = toks.get(next).and_then(|u| word_number(u.text(s))) {
                if (1..10).contains(&u) {
                    v += f64::from(u);
                    next += 1;
                }
            }
        }
        (v, next, None)
    };
    // Multipliers: "1.3 million", "two hundred", "two dozen"
    while let Some(m) = toks.get(next) {
        let mult = if m.is(s, "million") {
            1e6
        } else if m.is(s, "thousand") {
            1e3
        } else if m.is(s, "hundred") {
            1e2
        } else if m.is(s, "dozen") {
            prec = prec.or(Some(CountPrecision::About));
            12.0
        } else {
            break;
        };
        v *= mult;
        next += 1;
    }
    // "hundreds of thousands", "thousands" after a figure: "tens of thousands" is vague.
    if v.fract() != 0.0 || !(1.0..=4.0e9).contains(&v) {
        return None;
    }
    Some((v as u32, next, prec))
}

/// A qualifier ending just before token `i`: (its first token, precision).
fn qualifier_before(s: &str, toks: &[Tok], i: usize) -> Option<(usize, CountPrecision)> {
    use CountPrecision::*;
    let w = |k: usize| toks.get(k).map_or("", |t| t.text(s));
    let is = |k: usize, x: &str| w(k).eq_ignore_ascii_case(x);
    if i >= 3 && is(i - 3, "no") && (is(i - 2, "fewer") || is(i - 2, "less")) && is(i - 1, "than") {
        return Some((i - 3, AtLeast));
    }
    if i >= 3 && is(i - 3, "as") && (is(i - 2, "many") || is(i - 2, "much")) && is(i - 1, "as") {
        return Some((i - 3, AtMost));
    }
    if i >= 3 && is(i - 3, "a") && is(i - 2, "minimum") && is(i - 1, "of") {
        return Some((i - 3, AtLeast));
    }
    if i >= 3 && is(i - 3, "a") && is(i - 2, "maximum") && is(i - 1, "of") {
        return Some((i - 3, AtMost));
    }
    if i >= 3 && is(i - 3, "in") && is(i - 2, "excess") && is(i - 1, "of") {
        return Some((i - 3, MoreThan));
    }
    if i >= 2 {
        let two = [
            ("at", "least", AtLeast),
            ("more", "than", MoreThan),
            ("upwards", "of", MoreThan),
            ("up", "to", AtMost),
            ("at", "most", AtMost),
            ("fewer", "than", AtMost),
            ("less", "than", AtMost),
            ("close", "to", About),
            ("an", "estimated", About),
            ("nearly", "all", About),
        ];
        for (a, b, p) in two {
            if is(i - 2, a) && is(i - 1, b) {
                return Some((i - 2, p));
            }
        }
    }
    if i >= 1 {
        let one = [
            ("some", About),
            ("about", About),
            ("around", About),
            ("nearly", About),
            ("almost", About),
            ("approximately", About),
            ("roughly", About),
            ("estimated", About),
            ("approx", About),
            ("over", MoreThan),
            ("~", About),
        ];
        for (a, p) in one {
            if is(i - 1, a) {
                // "over 300" but not "took over 3 towns": the caller checks the kind.
                return Some((i - 1, p));
            }
        }
    }
    None
}

/// The token of a people noun (or "lives") within three words after `after`.
fn people_after(s: &str, toks: &[Tok], after: usize) -> Option<usize> {
    for (k, w) in toks.iter().enumerate().skip(after).take(3) {
        if w.kind != Kind::Word {
            return None;
        }
        if is_people(w.text(s)) || w.is(s, "lives") {
            return Some(k);
        }
    }
    None
}

fn is_people(t: &str) -> bool {
    PEOPLE.iter().any(|p| t.eq_ignore_ascii_case(p))
}

/// Lower-case ASCII-insensitive substring test.
fn contains_ci(hay: &str, needle: &str) -> bool {
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    if n.is_empty() || h.len() < n.len() {
        return false;
    }
    h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
}

/// Whether the toll between tokens `a..b` is cumulative, judged on its clause.
fn is_cumulative(s: &str, toks: &[Tok], a: usize, b: usize) -> bool {
    // The toll's own stretch of text: back to the previous ',' or ';' (at most eight tokens),
    // forward to the next ',', ';' or relative pronoun (at most eight tokens past the toll),
    // so that "killing some 19 people in an onslaught that has claimed over 300 lives in the
    // last five days" marks only the 300 as cumulative.
    let boundary = |t: &Tok| t.is_punct(s, ';') || t.is_punct(s, ',') || t.is_any(s, &["that", "which", "who"]);
    let mut lo = a;
    while lo > 0 && a - lo < 8 && !boundary(&toks[lo - 1]) {
        lo -= 1;
    }
    let mut hi = b;
    while hi < toks.len() && hi - b < 8 && !boundary(&toks[hi]) {
        hi += 1;
    }
    let start = toks.get(lo).map_or(0, |t| t.start);
    let end = if hi > 0 { toks.get(hi - 1).map_or(s.len(), |t| t.end) } else { 0 };
    let clause = s.get(start..end).unwrap_or("");
    const STRONG: &[&str] = &[
        "since ",
        "so far",
        "to date",
        "in the last ",
        "in the past ",
        "over the past ",
        "over the last ",
        "during the past ",
        "during the last ",
        "this year",
        "in total",
        "altogether",
        "cumulative",
        "overall",
        "in all,",
        "tally",
        "total of",
    ];
    if STRONG.iter().any(|m| contains_ci(clause, m)) {
        return true;
    }
    const WEAK: &[&str] = &[
        "crackdown",
        "uprising",
        "conflict",
        "war ",
        "war.",
        "revolt",
        "insurgency",
        "unrest",
        "violence",
        "fighting",
        "revolution",
    ];
    let perfect = [
        " have been ",
        " has been ",
        " have died",
        " have lost",
        " has risen",
        " has climbed",
        " has reached",
    ]
    .iter()
    .any(|m| contains_ci(clause, m));
    perfect && WEAK.iter().any(|m| contains_ci(clause, m))
}

/// Every toll in `sentence`, in text order. Vague quantities ("dozens", "tens") give none.
pub fn tolls(sentence: &str) -> Vec<Toll> {
    let s = sentence;
    let mut toks = Vec::new();
    tokenize(s, &mut toks);
    let mut out: Vec<Toll> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Some((count, mut after, implied)) = number_at(s, &toks, i) else {
            i += 1;
            continue;
        };
        let t = toks[i];
        // "no one was hurt", "not one"
        if i > 0 && toks[i - 1].is_any(s, &["no", "not", "every", "each", "any"]) {
            i = after;
            continue;
        }
        // Not a date ("Feb 4", "4 February") nor a year ("in 2011"), nor "No. 4".
        let prev_word = |k: usize| if k > 0 { toks.get(k - 1).map(|p| p.text(s)) } else { None };
        let is_month = |x: Option<&str>| {
            x.is_some_and(|x| {
                MONTHS.iter().any(|m| x.trim_end_matches('.').eq_ignore_ascii_case(m))
            })
        };
        let next_text = toks.get(after).map(|n| n.text(s));
        if t.kind == Kind::Num
            && (is_month(prev_word(i))
                || (i >= 2 && toks[i - 1].is_punct(s, '.') && is_month(prev_word(i - 1)))
                || is_month(next_text))
        {
            i = after;
            continue;
        }
        let txt = t.text(s);
        let yearish = t.kind == Kind::Num
            && txt.len() == 4
            && txt.bytes().all(|b| b.is_ascii_digit())
            && (1900..=2100).contains(&count);
        let after_cue = i > 0
            && toks[i - 1].is_any(
                s,
                &["in", "since", "of", "by", "during", "until", "from", "before", "after"],
            );
        if yearish && (after_cue || !next_text.is_some_and(is_people)) {
            i = after;
            continue;
        }
        if next_text.is_some_and(|n| UNITS.iter().any(|u| n.eq_ignore_ascii_case(u)))
            || toks.get(after).is_some_and(|n| n.is_punct(s, '%') || n.is_punct(s, '-'))
        {
            i = after;
            continue;
        }
        // "19 or more"
        let mut precision = implied;
        if toks.get(after).is_some_and(|n| n.is(s, "or"))
            && toks.get(after + 1).is_some_and(|n| n.is(s, "more"))
        {
            precision = Some(CountPrecision::AtLeast);
            after += 2;
        }
        let qual = qualifier_before(s, &toks, i);
        let q_start = qual.map_or(i, |q| q.0);
        if let Some((_, p)) = qual {
            precision = Some(p);
        }
        let precision = precision.unwrap_or(CountPrecision::Exact);

        // Verb first: "killing some 19 people", "arrested more than 100".
        let mut found: Option<(TollKind, usize, usize)> = None; // kind, first tok, last tok
        if q_start > 0 {
            let v = toks[q_start - 1];
            // Two-word verbs: "shot dead three", "rounded up 30".
            let two = if q_start >= 2 {
                let u = toks[q_start - 2];
                if u.is(s, "shot") && v.is(s, "dead") {
                    Some(TollKind::Killed)
                } else if u.is(s, "rounded") && v.is(s, "up") {
                    Some(TollKind::Arrested)
                } else {
                    None
                }
            } else {
                None
            };
            if let Some(k) = two {
                let last = people_after(s, &toks, after).unwrap_or(after.saturating_sub(1));
                found = Some((k, q_start - 2, last));
            } else if v.kind == Kind::Word {
                if let Some(k) = kind_before(v.text(s)) {
                    // "claimed" needs "lives" after it.
                    let claims = v.is(s, "claimed") || v.is(s, "claiming");
                    let rounded = v.is(s, "rounded");
                    // extend over "people", "Syrian soldiers", "lives"
                    let noun = people_after(s, &toks, after);
                    let saw_lives = noun.is_some_and(|k2| toks[k2].is(s, "lives"));
                    let last = noun.unwrap_or(after.saturating_sub(1));
                    if (!claims || saw_lives) && !rounded {
                        found = Some((k, q_start - 1, last));
                    }
                }
            }
        }
        // Number first: "95 people were killed", "at least 40 wounded".
        if found.is_none() {
            let mut k2 = after;
            let lim = (after + 9).min(toks.len());
            while k2 < lim {
                let w = toks[k2];
                if w.kind == Kind::Punct && !w.is_punct(s, '-') {
                    break;
                }
                if w.kind == Kind::Num || number_at(s, &toks, k2).is_some() && k2 > after {
                    break;
                }
                if let Some(k) = kind_after(w.text(s)) {
                    // "rounded up", "shot dead" are fine; "the dead" after "of" is not ours.
                    if w.is(s, "rounded") && !toks.get(k2 + 1).is_some_and(|u| u.is(s, "up")) {
                        break;
                    }
                    let end = if w.is(s, "rounded") || w.is(s, "fatally") { k2 + 1 } else { k2 };
                    let end = end.min(toks.len() - 1);
                    found = Some((k, q_start, end));
                    break;
                }
                if w.is_any(s, STOP) {
                    break;
                }
                k2 += 1;
            }
        }
        // A toll noun: "the death toll rose to 30".
        if found.is_none() {
            let lo = q_start.saturating_sub(7);
            for k2 in (lo..q_start).rev() {
                let w = toks[k2];
                if w.kind == Kind::Punct || w.kind == Kind::Num {
                    break;
                }
                if w.is(s, "toll") {
                    let first = if k2 > 0 && toks[k2 - 1].is(s, "death") { k2 - 1 } else { k2 };
                    found = Some((TollKind::Killed, first, after.saturating_sub(1)));
                    break;
                }
            }
        }
        if let Some((kind, first, last)) = found {
            if count > 0 {
                let span = Span::new(toks[first].start, toks[last].end);
                let overlaps = out.last().is_some_and(|p| p.span.end() > span.start());
                if !overlaps {
                    out.push(Toll {
                        span,
                        kind,
                        count,
                        precision,
                        cumulative: is_cumulative(s, &toks, first, last + 1),
                    });
                }
            }
        }
        i = after;
    }
    out
}
