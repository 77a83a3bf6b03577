//! Document structure: which lines of a scraped page are the article body.
//!
//! Scraped news text arrives with its page around it: a publication-date line, the headline,
//! a dateline opening the first paragraph (`AMMAN (Reuters) -`), photo captions that end in
//! a credit (`REUTERS/Pool`), reporting credits, bylines and layout debris. Only the body is
//! coded, so this stage classifies each line and rebuilds the body from the kept paragraphs,
//! joined by blank lines. Every later span is an offset into that rebuilt body.

use annalist_text::{Document, Span};
use chrono::NaiveDate;

use crate::enrich::date::parse_date_line;

/// What a line of the page was taken for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    DateLine,
    Title,
    Body,
    Caption,
    Credit,
    Debris,
}

/// The dateline that opens a wire story: `KIEV, Ukraine (AP) —`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dateline {
    /// The whole dateline as written, without the dash.
    pub text: String,
    /// The place, in its usual capitalisation ("Amman", "Kiev").
    pub place: String,
    /// The country or state after the place, when given ("Ukraine").
    pub region: Option<String>,
    /// The agency in parentheses, when given ("Reuters", "AP").
    pub agency: Option<String>,
}

/// A page split into its parts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Structure {
    pub title: Option<String>,
    pub date: Option<NaiveDate>,
    pub dateline: Option<Dateline>,
    /// The article body: kept paragraphs joined by blank lines, dateline removed.
    pub body: String,
    /// Byte spans of the body's paragraphs.
    pub paragraphs: Vec<Span>,
    pub captions: Vec<String>,
    /// Lines dropped as credits or debris, with why (for `--explain` and `extract`).
    pub dropped: Vec<(LineKind, String)>,
}

/// Splits `doc` into title, date, dateline, captions and body.
pub fn structure(doc: &Document) -> Structure {
    let mut out = Structure { title: doc.title.clone(), date: doc.date, ..Structure::default() };
    let mut seen_body = false;
    let mut in_related = false;
    let single_line = doc.text.lines().filter(|l| !l.trim().is_empty()).count() == 1;
    for raw in doc.text.lines() {
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        // A lone line of prose is a body, however short ("Russia vetoed the resolution.").
        let kind = if single_line && line.ends_with(['.', '!', '?', '"', '”']) && !is_caption(line) {
            LineKind::Body
        } else {
            classify(line, seen_body, &out)
        };
        let kind = match kind {
            // Short teaser headlines follow a "Related Coverage" header until the story resumes.
            LineKind::Body | LineKind::Title if in_related && !looks_like_paragraph(line) => {
                LineKind::Debris
            }
            k => k,
        };
        if kind == LineKind::Debris && is_related_header(line) {
            in_related = true;
        } else if kind == LineKind::Body {
            in_related = false;
        }
        match kind {
            LineKind::DateLine => {
                if out.date.is_none() {
                    out.date = parse_date_line(line);
                }
            }
            LineKind::Title => {
                if out.title.is_none() {
                    out.title = Some(line.to_string());
                }
            }
            LineKind::Caption => out.captions.push(line.to_string()),
            LineKind::Credit | LineKind::Debris => out.dropped.push((kind, line.to_string())),
            LineKind::Body => {
                let mut text = line;
                if !seen_body {
                    if let Some((dateline, rest)) = split_dateline(line) {
                        out.dateline = Some(dateline);
                        text = rest;
                    }
                }
                seen_body = true;
                push_paragraph(&mut out, text);
            }
        }
    }
    out
}

fn push_paragraph(out: &mut Structure, text: &str) {
    if !out.body.is_empty() {
        out.body.push_str("\n\n");
    }
    let start = out.body.len();
    out.body.push_str(text);
    out.paragraphs.push(Span::new(start, out.body.len()));
}

fn classify(line: &str, seen_body: bool, so_far: &Structure) -> LineKind {
    if is_debris(line) {
        return LineKind::Debris;
    }
    if is_credit(line) {
        return LineKind::Credit;
    }
    if is_caption(line) {
        return LineKind::Caption;
    }
    if !seen_body && so_far.date.is_none() && parse_date_line(line).is_some() {
        return LineKind::DateLine;
    }
    if parse_date_line(line).is_some() {
        return LineKind::Debris;
    }
    if !seen_body && split_dateline(line).is_none() && looks_like_headline(line) {
        if so_far.title.is_none() {
            return LineKind::Title;
        }
        if so_far.title.as_deref() == Some(line) {
            return LineKind::Debris;
        }
        // A second headline-like line before the story (a deck or kicker) is not body.
        return LineKind::Debris;
    }
    if looks_like_paragraph(line) || split_dateline(line).is_some() {
        LineKind::Body
    } else {
        LineKind::Debris
    }
}

fn word_count(line: &str) -> usize {
    line.split_whitespace().count()
}

/// A paragraph of prose: enough words and sentence punctuation.
fn looks_like_paragraph(line: &str) -> bool {
    let words = word_count(line);
    let ends = line.trim_end_matches(['"', '\'', '”', '’', ')', ' ']);
    let punct = ends.ends_with(['.', '!', '?', ':', ';']) || line.ends_with(['”', '"']);
    (words >= 4 && punct) || words >= 25
}

/// A headline: a short line without final period.
fn looks_like_headline(line: &str) -> bool {
    let words = word_count(line);
    (2..=30).contains(&words) && !line.ends_with('.') && line.len() < 250
}

fn is_related_header(line: &str) -> bool {
    let l = line.to_ascii_lowercase();
    matches!(
        l.trim_end_matches(':'),
        "related coverage" | "related" | "related stories" | "related articles" | "read more"
            | "more from reuters" | "see also" | "recommended" | "most read" | "more stories"
            | "trending" | "latest news" | "related topics" | "more on this story"
    )
}

/// Layout leftovers: bullets, score-like lines, class-name lists, share and cookie lines.
fn is_debris(line: &str) -> bool {
    if is_related_header(line) {
        return true;
    }
    let first = line.chars().next().unwrap_or(' ');
    if matches!(first, '•' | '·' | '▪' | '►' | '»' | '|' | '©') {
        return true;
    }
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    if letters * 2 < line.chars().filter(|c| !c.is_whitespace()).count() {
        return true; // "0 : 0", "12:45", separators
    }
    // A single hyphenated lower-case token: responsive-layout class names.
    if word_count(line) == 1 && line.contains('-') && line.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
        return true;
    }
    let l = line.to_ascii_lowercase();
    const STARTS: &[&str] = &[
        "our standards:", "share this", "share on", "share:", "follow us", "follow @", "we use cookies",
        "this site uses cookies", "by continuing to use", "accept cookies", "accept all", "cookie policy",
        "sign up", "subscribe", "advertisement", "click here", "all quotes delayed", "copyright",
        "read more:", "read more at", "also read:", "also read", "related:", "see also:", "watch:", "listen:",
        "image caption", "media caption", "image source", "skip to", "jump to", "min read",
        "updated:", "last updated", "published:", "reporting by", "thomson reuters", "this article",
        "the views expressed", "tags:", "topics:", "filed under", "loading", "comments", "print",
        "email this", "whatsapp", "facebook", "twitter", "linkedin", "reddit", "next article",
        "previous article", "back to top", "more:", "explore more", "get the latest",
    ];
    if STARTS.iter().any(|s| l.starts_with(s)) && word_count(line) < 30 {
        return true;
    }
    if l.ends_with("min read") || l.ends_with("minute read") || l.ends_with("minutes read") {
        return true;
    }
    false
}

/// Reporting credits and bylines.
fn is_credit(line: &str) -> bool {
    let l = line.to_ascii_lowercase();
    let l = l.trim_start_matches(['(', '[']);
    const CREDITS: &[&str] = &[
        "additional reporting by", "reporting by", "writing by", "editing by", "compiled by",
        "edited by", "written by", "reported by", "with reporting by", "contributing:",
        "contributed reporting", "additional reporting", "by reuters staff", "by reuters",
        "by the associated press", "associated press writers", "associated press writer",
        "(reporting by", "translated by",
    ];
    if CREDITS.iter().any(|c| l.starts_with(c)) {
        return true;
    }
    if l.contains("contributed to this report") || l.contains("contributed reporting") {
        return word_count(line) < 40;
    }
    // Bylines: "By Jane Doe", "By Jane Doe and John Roe, Reuters".
    if let Some(rest) = line.strip_prefix("By ") {
        let words = word_count(rest);
        return words <= 10 && !rest.ends_with('.') && rest.split_whitespace().all(|w| {
            w.chars().next().is_some_and(|c| c.is_uppercase()) || matches!(w, "and" | "in" | "|" | "&")
        });
    }
    false
}

/// Photo captions end in a picture credit.
fn is_caption(line: &str) -> bool {
    let tail_start = line.char_indices().rev().nth(80).map_or(0, |(i, _)| i);
    let tail = &line[tail_start..];
    const MARKS: &[&str] = &[
        "REUTERS/", "Reuters/", "(AP Photo", "AP Photo/", "AFP/Getty", "AFP via Getty", "/AFP",
        "Getty Images", "AFP PHOTO", "EPA-EFE/", "EPA/", "(Photo:", "Photo: ", "(Photo by",
        "Photograph:", "/Xinhua", "Xinhua/", "ANADOLU AGENCY", "Anadolu Agency", "/Handout via",
        "via REUTERS", "Handout/", "(Credit:", "Credit: ", "/Bloomberg", "Shutterstock",
        "Picture: ", "Photo credit", "IMAGE:",
    ];
    if !MARKS.iter().any(|m| tail.contains(m)) {
        return false;
    }
    // A credit at the very end, or a credit in parentheses at the end.
    let t = tail.trim_end();
    t.ends_with(')')
        || t.ends_with("Images")
        || t.ends_with("AFP")
        || MARKS.iter().any(|m| t.rfind(m).is_some_and(|p| t.len() - p < 45))
}

/// Splits a wire dateline off the first paragraph: `AMMAN (Reuters) - Russia won ...`.
pub fn split_dateline(line: &str) -> Option<(Dateline, &str)> {
    const DASHES: &[&str] = &[" -- ", " — ", " – ", " - ", "— ", "– "];
    let window_end = line.char_indices().nth(90).map_or(line.len(), |(i, _)| i);
    let window = &line[..window_end];
    let (pos, dash) = DASHES.iter().filter_map(|d| window.find(d).map(|p| (p, *d))).min_by_key(|(p, _)| *p)?;
    let prefix = line[..pos].trim();
    let rest = line[pos + dash.len()..].trim_start();
    if prefix.is_empty() || rest.is_empty() || prefix.ends_with('.') && !prefix.ends_with(')') {
        return None;
    }
    let (place_part, agency) = match (prefix.rfind('('), prefix.ends_with(')')) {
        (Some(open), true) => (prefix[..open].trim(), Some(prefix[open + 1..prefix.len() - 1].trim())),
        _ => (prefix, None),
    };
    let first_word = place_part.split([' ', ',', '/']).next().unwrap_or("");
    let letters: Vec<char> = first_word.chars().filter(|c| c.is_alphabetic()).collect();
    let caps = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
    let agency_ok = agency.is_some_and(|a| !a.is_empty() && a.split_whitespace().count() <= 4);
    if !(caps || agency_ok) || word_count(place_part) > 8 || place_part.contains(['.', '"', '“']) && !caps {
        return None;
    }
    // The first comma-separated part is the place; a non-date second part is the region.
    let mut parts = place_part.split(',').map(str::trim).filter(|s| !s.is_empty());
    let place_raw = parts.next().unwrap_or("");
    let region = parts
        .next()
        .filter(|r| !r.chars().next().is_some_and(|c| c.is_ascii_digit()) && !is_month_day(r))
        .map(String::from);
    let place = place_raw.split('/').next().unwrap_or(place_raw);
    Some((
        Dateline {
            text: prefix.to_string(),
            place: title_case(place),
            region,
            agency: agency.map(String::from),
        },
        rest,
    ))
}

fn is_month_day(s: &str) -> bool {
    const MONTHS: &[&str] =
        &["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let l = s.to_ascii_lowercase();
    MONTHS.iter().any(|m| l.starts_with(m)) && s.chars().any(|c| c.is_ascii_digit())
}

/// "NEW YORK" -> "New York"; already mixed-case text is kept.
fn title_case(s: &str) -> String {
    if s.chars().any(|c| c.is_lowercase()) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphabetic() && c != '\'';
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines_of_the_common_agencies() {
        for (line, place, agency) in [
            ("AMMAN (Reuters) - Russia won a promise.", "Amman", Some("Reuters")),
            ("KIEV, Ukraine (AP) — Protesters marched.", "Kiev", Some("AP")),
            ("PARIS (AFP) - France said.", "Paris", Some("AFP")),
            ("BEIRUT, Lebanon — Gunmen opened fire.", "Beirut", None),
            ("WASHINGTON/MOSCOW (Reuters) - The two sides met.", "Washington", Some("Reuters")),
            ("NEW YORK -- Stocks fell.", "New York", None),
        ] {
            let (d, rest) = split_dateline(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!(d.place, place, "{line}");
            assert_eq!(d.agency.as_deref(), agency, "{line}");
            assert!(!rest.starts_with(['-', '—']), "{line}");
        }
    }

    #[test]
    fn sentences_with_dashes_are_not_datelines() {
        assert!(split_dateline("Syria says Homs - the heart of 11 months of protest - is the site.").is_none());
        assert!(split_dateline("Lavrov - whose government wields leverage - told Assad.").is_none());
    }

    #[test]
    fn captions_credits_and_debris_are_dropped() {
        let text = "Rebels seize town\n\nGOMA (Reuters) - Rebels seized the town of Sake on Friday, residents said.\n\nA fighter walks in Goma, November 20, 2012. REUTERS/James Akena\n\nThe army withdrew to the west of the town after heavy fighting.\n\nAdditional reporting by Jane Doe; Editing by John Roe\n\n0 : 0\n  • narrow-browser-and-phone\n";
        let s = structure(&Document::plain("t", text));
        assert_eq!(s.title.as_deref(), Some("Rebels seize town"));
        assert_eq!(s.dateline.as_ref().map(|d| d.place.as_str()), Some("Goma"));
        assert_eq!(s.captions.len(), 1);
        assert_eq!(s.paragraphs.len(), 2);
        assert!(s.body.starts_with("Rebels seized the town"));
        assert!(!s.body.contains("REUTERS/"));
        assert!(!s.body.contains("Editing"));
    }
}

/// The body's language, guessed from function words: `"en"` for English, else `"und"`.
pub fn language(body: &str) -> &'static str {
    const EN: &[&str] = &["the", "and", "of", "to", "in", "a", "said", "was", "for", "on", "that", "is"];
    let mut total = 0usize;
    let mut hits = 0usize;
    for w in body.split_whitespace().take(400) {
        total += 1;
        if EN.contains(&w.to_ascii_lowercase().as_str()) {
            hits += 1;
        }
    }
    if total >= 5 && hits * 8 >= total {
        "en"
    } else {
        "und"
    }
}
