//! Dates: explicit, weekday and relative expressions resolved against the publication date.
//!
//! A hand-written scanner over [`scan`](super::scan) tokens; every rule is a small matcher
//! tried at each token. Resolution follows CODING.md "Dates, places, tolls, sources":
//!
//! - "on Tuesday", "Tuesday night", "Friday's attack": the most recent Tuesday on or before
//!   the publication date; "next Tuesday" the first one after it.
//! - "last Saturday": the Saturday of the previous calendar week (weeks start on Monday).
//! - "overnight", "last night": the day the night began, taken as the day before
//!   publication (stories saying "overnight" are morning reports of the night before).
//! - "tonight", "today", "this morning": the publication date.
//! - "last week", "this week", "two weeks ago": [`DatePrecision::Week`], dated on that week's
//!   Monday; "last month", "earlier this month", "last November", "in November":
//!   [`DatePrecision::Month`], dated on the 1st; "this year", "in 2011": [`DatePrecision::Year`].
//! - A calendar date without a year ("Feb. 4", "4 February") takes the year that puts it
//!   nearest the publication date, a date after publication counting twice as far.
//!
//! Spans cover the expression with its modifiers ("last Saturday", "Tuesday night",
//! "earlier this month") but not a leading preposition ("on", "in", "since").
//!
//! ```
//! use annalist_core::enrich::date::{time_expressions, parse_date_line};
//! use chrono::NaiveDate;
//! let publication = NaiveDate::from_ymd_opt(2012, 2, 7);
//! let found = time_expressions("Forces shelled Homs on Saturday.", publication);
//! assert_eq!(found[0].date, NaiveDate::from_ymd_opt(2012, 2, 4));
//! assert_eq!(parse_date_line("Published 12 July 2023"), NaiveDate::from_ymd_opt(2023, 7, 12));
//! ```

use annalist_text::record::{DateBasis, DatePrecision};
use annalist_text::Span;
use chrono::{Datelike, Days, Months, NaiveDate};

use super::scan::{tokenize, Kind, Tok};

/// A time expression found in a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimeExpr {
    /// Bytes into the sentence.
    pub span: Span,
    /// The resolved date: the first day of the period when `precision` is coarser than a day;
    /// `None` when it cannot be resolved (no publication date for a relative expression).
    pub date: Option<NaiveDate>,
    pub precision: DatePrecision,
    pub basis: DateBasis,
}

const MONTHS: [(&str, u32); 24] = [
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

const WEEKDAYS: [(&str, u32); 14] = [
    ("monday", 0),
    ("tuesday", 1),
    ("wednesday", 2),
    ("thursday", 3),
    ("friday", 4),
    ("saturday", 5),
    ("sunday", 6),
    ("mon", 0),
    ("tue", 1),
    ("wed", 2),
    ("thu", 3),
    ("fri", 4),
    ("sat", 5),
    ("sun", 6),
];

const PARTS_OF_DAY: [&str; 6] = ["night", "morning", "afternoon", "evening", "dawn", "midnight"];

/// Strips a possessive ("Friday's").
fn bare(t: &str) -> &str {
    t.strip_suffix("'s").or_else(|| t.strip_suffix("\u{2019}s")).unwrap_or(t)
}

/// A month name, capitalised as in running text ("May", "Feb"; not "may").
fn month(t: &str, need_capital: bool) -> Option<u32> {
    let t = bare(t);
    if need_capital && !t.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    MONTHS.iter().find(|(n, _)| t.eq_ignore_ascii_case(n)).map(|&(_, m)| m)
}

fn weekday(t: &str, abbrev: bool) -> Option<u32> {
    let t = bare(t);
    let table = if abbrev { &WEEKDAYS[..] } else { &WEEKDAYS[..7] };
    table.iter().find(|(n, _)| t.eq_ignore_ascii_case(n)).map(|&(_, d)| d)
}

/// "4", "04", "4th", "22nd" -> a day of month.
fn day_number(t: &str) -> Option<u32> {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    let (num, suffix) = t.split_at(digits);
    if num.is_empty() || num.len() > 2 {
        return None;
    }
    if !(suffix.is_empty()
        || ["st", "nd", "rd", "th"].iter().any(|s| suffix.eq_ignore_ascii_case(s)))
    {
        return None;
    }
    let d: u32 = num.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

/// A four-digit year between 1000 and 2999.
fn year_number(t: &str) -> Option<i32> {
    if t.len() != 4 || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = t.parse().ok()?;
    (1000..3000).contains(&y).then_some(y)
}

/// "2012-02-04", "2015-06-04T08:30:00Z", "2012/02/04".
fn iso_date(t: &str) -> Option<NaiveDate> {
    let b = t.as_bytes();
    if b.len() < 10 {
        return None;
    }
    let sep = b[4];
    if !(sep == b'-' || sep == b'/') || b[7] != sep {
        return None;
    }
    if b.len() > 10 && !matches!(b[10], b'T' | b't' | b' ') {
        return None;
    }
    let y: i32 = t.get(0..4)?.parse().ok()?;
    let m: u32 = t.get(5..7)?.parse().ok()?;
    let d: u32 = t.get(8..10)?.parse().ok()?;
    NaiveDate::from_ymd_opt(y, m, d)
}

fn monday_of(d: NaiveDate) -> NaiveDate {
    d - Days::new(u64::from(d.weekday().num_days_from_monday()))
}

fn first_of_month(y: i32, m: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, 1)
}

/// The most recent `wd` (0 = Monday) on or before `p`.
fn weekday_on_or_before(p: NaiveDate, wd: u32) -> NaiveDate {
    let back = (p.weekday().num_days_from_monday() + 7 - wd) % 7;
    p - Days::new(u64::from(back))
}

/// The `(month, day)` in the year that puts it nearest `p`, a future date counting double.
fn nearest_year(p: NaiveDate, m: u32, d: u32) -> Option<NaiveDate> {
    let mut best: Option<(i64, NaiveDate)> = None;
    for y in [p.year() - 1, p.year(), p.year() + 1] {
        let Some(c) = NaiveDate::from_ymd_opt(y, m, d) else { continue };
        let diff = (c - p).num_days();
        let cost = if diff > 0 { diff * 2 } else { -diff };
        if best.is_none_or(|(b, _)| cost < b) {
            best = Some((cost, c));
        }
    }
    best.map(|(_, c)| c)
}

/// The month `m` on or before the publication month ("in November").
fn month_on_or_before(p: NaiveDate, m: u32) -> Option<NaiveDate> {
    let y = if m <= p.month() { p.year() } else { p.year() - 1 };
    first_of_month(y, m)
}

/// "last November": the most recent November before the publication month.
fn month_before(p: NaiveDate, m: u32) -> Option<NaiveDate> {
    let y = if m < p.month() { p.year() } else { p.year() - 1 };
    first_of_month(y, m)
}

/// Words that may follow a year ("in 2011 and 2012", "since 2011 when").
const YEAR_FOLLOWERS: &[&str] = &[
    "and",
    "or",
    "when",
    "after",
    "before",
    "to",
    "in",
    "on",
    "at",
    "as",
    "that",
    "the",
    "for",
    "with",
    "but",
    "while",
    "until",
    "had",
    "have",
    "has",
    "was",
    "were",
    "alone",
    "election",
    "elections",
    "uprising",
    "war",
    "revolution",
    "protests",
];

struct Found {
    start: usize,
    /// Index one past the last token used.
    next: usize,
    date: Option<NaiveDate>,
    precision: DatePrecision,
    basis: DateBasis,
}

struct Scanner<'a> {
    s: &'a str,
    toks: &'a [Tok],
    p: Option<NaiveDate>,
}

impl Scanner<'_> {
    fn tok(&self, i: usize) -> Option<Tok> {
        self.toks.get(i).copied()
    }

    fn text(&self, i: usize) -> &str {
        self.tok(i).map_or("", |t| t.text(self.s))
    }

    fn is(&self, i: usize, w: &str) -> bool {
        self.tok(i).is_some_and(|t| t.is(self.s, w))
    }

    fn is_any(&self, i: usize, ws: &[&str]) -> bool {
        self.tok(i).is_some_and(|t| t.is_any(self.s, ws))
    }

    fn is_punct(&self, i: usize, c: char) -> bool {
        self.tok(i).is_some_and(|t| t.is_punct(self.s, c))
    }

    fn kind(&self, i: usize) -> Option<Kind> {
        self.tok(i).map(|t| t.kind)
    }

    fn rel(&self, f: impl FnOnce(NaiveDate) -> Option<NaiveDate>) -> Option<NaiveDate> {
        self.p.and_then(f)
    }

    /// Skips a "." after an abbreviated month ("Feb.").
    fn after_abbrev(&self, i: usize) -> usize {
        if self.is_punct(i, '.') && self.text(i - 1).len() <= 4 {
            i + 1
        } else {
            i
        }
    }

    /// A calendar date at token `i`: ISO, month-first or day-first.
    fn calendar(&self, i: usize) -> Option<Found> {
        let t = self.tok(i)?;
        let txt = t.text(self.s);
        if t.kind == Kind::Num {
            if let Some(d) = iso_date(txt) {
                return Some(Found {
                    start: i,
                    next: i + 1,
                    date: Some(d),
                    precision: DatePrecision::Day,
                    basis: DateBasis::Explicit,
                });
            }
            // Day-first: "4 February 2012", "4th of Feb", "4 Feb".
            if let Some(d) = day_number(txt) {
                let mut j = i + 1;
                if self.is(j, "of") {
                    j += 1;
                }
                if let Some(m) = self.tok(j).and_then(|u| month(u.text(self.s), true)) {
                    let k0 = self.after_abbrev(j + 1);
                    let year = self.tok(k0).and_then(|u| year_number(u.text(self.s)));
                    // The abbreviation's dot belongs to the date only when a year follows.
                    let k = if year.is_some() { k0 + 1 } else { j + 1 };
                    return Some(self.day_found(i, k, year, m, d));
                }
            }
            return None;
        }
        // Month-first: "February 4, 2012", "Feb. 4", "Feb 4th", "February 2012".
        let m = month(txt, true)?;
        let j = self.after_abbrev(i + 1);
        if let Some(d) = self.tok(j).and_then(|u| day_number(u.text(self.s))) {
            let mut k = j + 1;
            let mut year = None;
            if self.is_punct(k, ',') {
                if let Some(y) = self.tok(k + 1).and_then(|u| year_number(u.text(self.s))) {
                    year = Some(y);
                    k += 2;
                }
            } else if let Some(y) = self.tok(k).and_then(|u| year_number(u.text(self.s))) {
                year = Some(y);
                k += 1;
            }
            return Some(self.day_found(i, k, year, m, d));
        }
        if let Some(y) = self.tok(j).and_then(|u| year_number(u.text(self.s))) {
            return Some(Found {
                start: i,
                next: j + 1,
                date: first_of_month(y, m),
                precision: DatePrecision::Month,
                basis: DateBasis::Explicit,
            });
        }
        if self.is_punct(j, ',') {
            if let Some(y) = self.tok(j + 1).and_then(|u| year_number(u.text(self.s))) {
                return Some(Found {
                    start: i,
                    next: j + 2,
                    date: first_of_month(y, m),
                    precision: DatePrecision::Month,
                    basis: DateBasis::Explicit,
                });
            }
        }
        None
    }

    fn day_found(&self, start: usize, next: usize, year: Option<i32>, m: u32, d: u32) -> Found {
        let date = match year {
            Some(y) => NaiveDate::from_ymd_opt(y, m, d),
            None => self.rel(|p| nearest_year(p, m, d)),
        };
        Found { start, next, date, precision: DatePrecision::Day, basis: DateBasis::Explicit }
    }

    /// A weekday with its modifiers, possibly followed by a calendar date ("Tuesday, Feb. 7").
    fn weekday_expr(&self, i: usize) -> Option<Found> {
        let (start, modifier, wd_i) = if self.is_any(i, &["last", "this", "next", "past"]) {
            (i, Some(self.text(i).to_ascii_lowercase()), i + 1)
        } else {
            (i, None, i)
        };
        let t = self.tok(wd_i)?;
        if !t.is_capitalised(self.s) {
            return None;
        }
        let wd = weekday(t.text(self.s), false)?;
        let mut next = wd_i + 1;
        // "Tuesday, February 7, 2012" / "Tuesday 7 February": the calendar date decides.
        let cal_at = if self.is_punct(next, ',') { next + 1 } else { next };
        if let Some(mut cal) = self.calendar(cal_at) {
            cal.start = start;
            return Some(cal);
        }
        if self.is_any(next, &PARTS_OF_DAY) && !bare(t.text(self.s)).eq(t.text(self.s)) {
            // "Friday's night" is not a thing; leave the part of day out.
        } else if self.is_any(next, &PARTS_OF_DAY) {
            next += 1;
        }
        let date = match modifier.as_deref() {
            Some("last") => {
                self.rel(|p| Some(monday_of(p) - Days::new(7) + Days::new(u64::from(wd))))
            }
            Some("next") => self.rel(|p| {
                let d = weekday_on_or_before(p, wd) + Days::new(7);
                Some(d)
            }),
            _ => self.rel(|p| Some(weekday_on_or_before(p, wd))),
        };
        Some(Found { start, next, date, precision: DatePrecision::Day, basis: DateBasis::Relative })
    }

    /// "yesterday", "three days ago", "last week", "earlier this month", "last November".
    fn relative(&self, i: usize) -> Option<Found> {
        let t = self.tok(i)?;
        let w = t.text(self.s);
        let day = |next: usize, off: i64| -> Option<Found> {
            let date = self.rel(|p| {
                if off >= 0 {
                    p.checked_add_days(Days::new(off.unsigned_abs()))
                } else {
                    p.checked_sub_days(Days::new(off.unsigned_abs()))
                }
            });
            Some(Found {
                start: i,
                next,
                date,
                precision: DatePrecision::Day,
                basis: DateBasis::Relative,
            })
        };
        let lw = w.to_ascii_lowercase();
        match lw.as_str() {
            "yesterday" | "overnight" => return day(i + 1, -1),
            "today" | "tonight" => return day(i + 1, 0),
            "earlier" | "later" if self.is_any(i + 1, &["today", "tonight"]) => {
                return day(i + 2, 0)
            }
            "earlier" if self.is(i + 1, "this") => {
                return self.period(i, i + 2, 0);
            }
            "last" | "this" | "past" if self.is_any(i + 1, &["night", "evening"]) => {
                return day(i + 2, if lw == "this" { 0 } else { -1 });
            }
            "this" if self.is_any(i + 1, &["morning", "afternoon"]) => return day(i + 2, 0),
            "this" => return self.period(i, i + 1, 0),
            "last" | "past" => {
                if let Some(f) = self.period(i, i + 1, -1) {
                    return Some(f);
                }
                // "last November"
                let m = self.tok(i + 1).and_then(|u| month(u.text(self.s), true))?;
                return Some(Found {
                    start: i,
                    next: i + 2,
                    date: self.rel(|p| month_before(p, m)),
                    precision: DatePrecision::Month,
                    basis: DateBasis::Relative,
                });
            }
            "next" => return self.period(i, i + 1, 1),
            _ => {}
        }
        // "the day before yesterday"
        if lw == "day" && self.is(i + 1, "before") && self.is(i + 2, "yesterday") {
            let start = if i > 0 && self.is(i - 1, "the") { i - 1 } else { i };
            let mut f = day(i + 3, -2)?;
            f.start = start;
            return Some(f);
        }
        // "three days ago", "a week ago", "2 months ago"
        let n: Option<u32> = if t.kind == Kind::Num {
            super::scan::parse_figure(w)
                .filter(|v| v.fract() == 0.0 && *v < 1000.0)
                .map(|v| v as u32)
        } else if lw == "a" || lw == "an" || lw == "one" {
            Some(1)
        } else {
            super::scan::word_number(w)
        };
        let n = n?;
        let unit = self.text(i + 1).to_ascii_lowercase();
        if !self.is(i + 2, "ago") {
            return None;
        }
        let n64 = u64::from(n);
        let (date, precision) = match unit.as_str() {
            "day" | "days" => {
                (self.rel(|p| p.checked_sub_days(Days::new(n64))), DatePrecision::Day)
            }
            "week" | "weeks" => (
                self.rel(|p| p.checked_sub_days(Days::new(7 * n64)).map(monday_of)),
                DatePrecision::Week,
            ),
            "month" | "months" => (
                self.rel(|p| {
                    p.checked_sub_months(Months::new(n))
                        .and_then(|d| first_of_month(d.year(), d.month()))
                }),
                DatePrecision::Month,
            ),
            "year" | "years" => (
                self.rel(|p| NaiveDate::from_ymd_opt(p.year() - i32::try_from(n).ok()?, 1, 1)),
                DatePrecision::Year,
            ),
            _ => return None,
        };
        Some(Found { start: i, next: i + 3, date, precision, basis: DateBasis::Relative })
    }

    /// "week" / "month" / "year" at `unit_i`, shifted by `shift` periods.
    fn period(&self, start: usize, unit_i: usize, shift: i32) -> Option<Found> {
        let unit = self.text(unit_i).to_ascii_lowercase();
        let (date, precision) = match unit.as_str() {
            "week" => (
                self.rel(|p| {
                    let m = monday_of(p);
                    if shift < 0 {
                        m.checked_sub_days(Days::new(7))
                    } else if shift > 0 {
                        m.checked_add_days(Days::new(7))
                    } else {
                        Some(m)
                    }
                }),
                DatePrecision::Week,
            ),
            "month" => (
                self.rel(|p| {
                    let f = first_of_month(p.year(), p.month())?;
                    if shift < 0 {
                        f.checked_sub_months(Months::new(1))
                    } else if shift > 0 {
                        f.checked_add_months(Months::new(1))
                    } else {
                        Some(f)
                    }
                }),
                DatePrecision::Month,
            ),
            "year" => {
                (self.rel(|p| NaiveDate::from_ymd_opt(p.year() + shift, 1, 1)), DatePrecision::Year)
            }
            _ => return None,
        };
        Some(Found { start, next: unit_i + 1, date, precision, basis: DateBasis::Relative })
    }

    /// A month or year after a cue: "in November", "since March", "in 2011", "mid-2011".
    fn cued(&self, i: usize) -> Option<Found> {
        let t = self.tok(i)?;
        let w = t.text(self.s);
        // "mid-November", "mid-2011", "early-2012"
        if let Some((pre, rest)) = w.split_once('-') {
            if ["mid", "early", "late"].iter().any(|p| pre.eq_ignore_ascii_case(p)) {
                if let Some(m) = month(rest, true) {
                    return Some(Found {
                        start: i,
                        next: i + 1,
                        date: self.rel(|p| month_on_or_before(p, m)),
                        precision: DatePrecision::Month,
                        basis: DateBasis::Explicit,
                    });
                }
            }
        }
        if i == 0
            || !self.is_any(
                i - 1,
                &[
                    "in",
                    "since",
                    "during",
                    "until",
                    "till",
                    "by",
                    "early",
                    "late",
                    "mid",
                    "of",
                    "from",
                    "before",
                    "after",
                    "throughout",
                ],
            )
        {
            return None;
        }
        if let Some(y) = year_number(w) {
            // Not "of 2000 people": a year is not followed by a noun it counts.
            let counted = self.tok(i + 1).is_some_and(|u| {
                u.kind == Kind::Word
                    && !u.is_capitalised(self.s)
                    && !u.is_any(self.s, YEAR_FOLLOWERS)
            });
            if t.kind == Kind::Num && !counted {
                return Some(Found {
                    start: i,
                    next: i + 1,
                    date: NaiveDate::from_ymd_opt(y, 1, 1),
                    precision: DatePrecision::Year,
                    basis: DateBasis::Explicit,
                });
            }
        }
        let m = month(w, true)?;
        if self.kind(i + 1) == Some(Kind::Num) {
            return None;
        }
        Some(Found {
            start: i,
            next: i + 1,
            date: self.rel(|p| month_on_or_before(p, m)),
            precision: DatePrecision::Month,
            basis: DateBasis::Explicit,
        })
    }

    fn at(&self, i: usize) -> Option<Found> {
        self.weekday_expr(i)
            .or_else(|| self.calendar(i))
            .or_else(|| self.relative(i))
            .or_else(|| self.cued(i))
    }
}

/// Every time expression in `sentence`, in text order, resolved against `publication`.
pub fn time_expressions(sentence: &str, publication: Option<NaiveDate>) -> Vec<TimeExpr> {
    let mut toks = Vec::new();
    tokenize(sentence, &mut toks);
    let sc = Scanner { s: sentence, toks: &toks, p: publication };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match sc.at(i) {
            Some(f) if f.next > f.start => {
                let start = toks[f.start].start;
                let end = toks[f.next - 1].end;
                out.push(TimeExpr {
                    span: Span::new(start, end),
                    date: f.date,
                    precision: f.precision,
                    basis: f.basis,
                });
                i = f.next;
            }
            _ => i += 1,
        }
    }
    out
}

/// Words allowed around the date in a date line besides times and zones.
const DATE_LINE_WORDS: [&str; 22] = [
    "published",
    "updated",
    "posted",
    "on",
    "at",
    "last",
    "first",
    "date",
    "ago",
    "year",
    "years",
    "month",
    "months",
    "day",
    "days",
    "hour",
    "hours",
    "minute",
    "minutes",
    "am",
    "pm",
    "modified",
];

/// Parses a scraped page's publication-date line ("February 7, 2012 / 9:47 AM / 8 years ago",
/// "Published 12 July 2023", "2015-06-04T08:30:00Z", "Tue 12 Jul 2023 14.02 BST"): `Some`
/// only when the whole line is a date line, not a sentence that mentions a date.
pub fn parse_date_line(line: &str) -> Option<NaiveDate> {
    let line = line.trim();
    if line.is_empty() || line.len() > 100 {
        return None;
    }
    let mut toks = Vec::new();
    tokenize(line, &mut toks);
    let sc = Scanner { s: line, toks: &toks, p: None };
    let mut date: Option<NaiveDate> = None;
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        let w = t.text(line);
        if date.is_none() {
            if let Some(f) = sc.calendar(i) {
                if f.precision != DatePrecision::Day {
                    return None;
                }
                date = Some(f.date?);
                i = f.next;
                continue;
            }
        }
        let ok = match t.kind {
            Kind::Punct => !matches!(w, "\"" | "\u{201c}" | "\u{201d}" | "?" | "!"),
            // Times ("9:47", "14.02", "10:12:00"), an age ("8 years ago"), an offset.
            Kind::Num => date.is_some() || i + 1 < toks.len(),
            Kind::Word => {
                t.is_any(line, &DATE_LINE_WORDS)
                    || weekday(w, true).is_some()
                    // Zones and offsets: "GMT", "BST", "UTC", "EDT", "Z"
                    || (w.len() <= 4 && w.chars().all(|c| c.is_ascii_uppercase()))
                    // "a.m." is tokenized "a", ".", "m", "."
                    || (date.is_some() && ["a", "m", "p"].iter().any(|x| w.eq_ignore_ascii_case(x)))
            }
        };
        if !ok {
            return None;
        }
        i += 1;
    }
    date
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn weekday_arithmetic() {
        // 2012-02-07 is a Tuesday.
        let p = d(2012, 2, 7);
        assert_eq!(weekday_on_or_before(p, 1), p);
        assert_eq!(weekday_on_or_before(p, 5), d(2012, 2, 4));
        assert_eq!(weekday_on_or_before(p, 2), d(2012, 2, 1));
        assert_eq!(nearest_year(d(2012, 1, 3), 12, 28), Some(d(2011, 12, 28)));
        assert_eq!(nearest_year(p, 2, 4), Some(d(2012, 2, 4)));
    }
}
