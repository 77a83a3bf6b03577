//! Attribution: whom a sentence attributes its claim to ("activists said").
//!
//! Three shapes, the first in text order wins:
//!
//! - a source before a speech verb: "Opposition activists said ...", "..., activists said.",
//!   "witnesses told Reuters", "the ministry said in a statement", "officials who declined to
//!   be named said";
//! - a speech verb then its source after a comma or quote: `"...," said Rami Abdulrahman.`;
//! - "according to the Syrian Observatory for Human Rights".
//!
//! The source span leaves out a leading article ("the ministry" -> "ministry") and an
//! anonymity clause ("officials who declined to be named" -> "officials"); the clause span
//! covers all of it plus the verb's adjuncts ("said on Tuesday", "told Reuters by telephone",
//! "said in a statement"), so the coder can exclude it when looking for the event's actors.
//! A sentence that is itself a statement ("The army said it would withdraw") still has an
//! attribution; the coder decides what to do with it.
//!
//! ```
//! use annalist_core::enrich::attribution::attribution;
//! let s = "Government forces shelled Homs, activists said.";
//! let a = attribution(s).unwrap();
//! assert_eq!(a.source.slice(s), "activists");
//! ```

use annalist_text::Span;

use super::scan::{tokenize, Kind, Tok};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Attribution {
    /// Bytes into the sentence: the source phrase ("Opposition activists", "state media").
    pub source: Span,
    /// Bytes into the sentence: the whole attributing clause ("Opposition activists said",
    /// "according to the Syrian Observatory for Human Rights"), which the coder excludes when
    /// looking for the reported event's actors.
    pub clause: Span,
}

const VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "reported",
    "told",
    "tells",
    "stated",
    "added",
    "claimed",
    "alleged",
    "wrote",
    "tweeted",
    "quoted",
    "reiterated",
    "insisted",
    "estimated",
];

/// Words that end a source phrase when walking back from the verb.
const BREAK: &[&str] = &[
    "that", "and", "but", "or", "while", "which", "when", "as", "because", "after", "before", "if",
    "though", "although", "where", "so", "then", "since", "until", "whereas", "what", "killing",
    "was", "were", "is", "are", "had", "has", "have", "be", "been", "being", "it's",
];

/// Words before a verb that make it no attribution ("was reported", "refused to say").
const NOT_SPEECH: &[&str] = &[
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "being",
    "to",
    "would",
    "will",
    "could",
    "can",
    "did",
    "not",
    "the",
    "a",
    "an",
    "widely",
    "previously",
    "also",
    "had",
    "never",
    "no",
];

const ARTICLES: &[&str] = &["the", "a", "an"];

/// Anonymity clauses between a source and its verb, as lower-case word sequences.
const ANONYMOUS: &[&[&str]] = &[
    &["who", "declined", "to", "be", "named"],
    &["who", "declined", "to", "be", "identified"],
    &["who", "asked", "not", "to", "be", "named"],
    &["who", "asked", "not", "to", "be", "identified"],
    &["who", "did", "not", "want", "to", "be", "named"],
    &["who", "requested", "anonymity"],
    &["who", "spoke", "on", "condition", "of", "anonymity"],
    &["speaking", "on", "condition", "of", "anonymity"],
    &["who", "were", "not", "authorised", "to", "speak", "publicly"],
    &["who", "was", "not", "authorised", "to", "speak", "publicly"],
];

/// Verb-like words allowed inside a source phrase.
const PARTICIPLES_OK: &[&str] = &[
    "armed",
    "united",
    "allied",
    "ruling",
    "leading",
    "governing",
    "unnamed",
    "unidentified",
    "concerned",
    "based",
    "affiliated",
    "backed",
    "appointed",
    "elected",
    "opposing",
];

const WEEKDAYS: &[&str] =
    &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

struct Sc<'a> {
    s: &'a str,
    t: &'a [Tok],
}

impl Sc<'_> {
    fn is(&self, i: usize, w: &str) -> bool {
        self.t.get(i).is_some_and(|t| t.is(self.s, w))
    }

    fn is_any(&self, i: usize, ws: &[&str]) -> bool {
        self.t.get(i).is_some_and(|t| t.is_any(self.s, ws))
    }

    fn punct(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.kind == Kind::Punct)
    }

    fn cap(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.is_capitalised(self.s))
    }

    /// A word that reads as a verb: lower-case "-ed"/"-ing", not an allowed participle.
    fn verbish(&self, i: usize) -> bool {
        let Some(t) = self.t.get(i) else { return false };
        if t.kind != Kind::Word || t.is_capitalised(self.s) || t.text(self.s).contains('-') {
            return false;
        }
        let w = t.text(self.s);
        (w.ends_with("ed") || w.ends_with("ing")) && !t.is_any(self.s, PARTICIPLES_OK)
    }

    /// The anonymity clause ending just before token `v`, as its first token.
    fn anonymity_before(&self, v: usize) -> Option<usize> {
        // "A diplomat, speaking on condition of anonymity, said": skip the closing comma.
        let v = if v > 0 && self.t.get(v - 1).is_some_and(|t| t.is_punct(self.s, ',')) {
            v - 1
        } else {
            v
        };
        for seq in ANONYMOUS {
            let n = seq.len();
            if v < n {
                continue;
            }
            let base = v - n;
            if seq.iter().enumerate().all(|(k, w)| self.is(base + k, w)) {
                // ", speaking on condition of anonymity," sits between commas.
                let mut b = base;
                if b > 0 && self.t.get(b - 1).is_some_and(|t| t.is_punct(self.s, ',')) {
                    b -= 1;
                }
                return Some(b);
            }
        }
        None
    }

    /// The source phrase ending just before token `end` (exclusive): its first token, or
    /// `None` when there is none.
    fn phrase_before(&self, end: usize) -> Option<usize> {
        let mut k = end;
        let mut n = 0;
        while k > 0 && n < 8 {
            let j = k - 1;
            let t = self.t[j];
            if t.kind != Kind::Word && !(t.kind == Kind::Num && n > 0) {
                break;
            }
            if t.kind == Kind::Word && (self.is_any(j, BREAK) || self.verbish(j)) {
                break;
            }
            k = j;
            n += 1;
        }
        if n == 0 || n >= 8 {
            return None;
        }
        // A phrase of only articles or a pronoun object is no source.
        if (k..end).all(|j| self.is_any(j, ARTICLES)) {
            return None;
        }
        Some(k)
    }

    /// Skips a leading article of a phrase `a..b`.
    fn strip_article(&self, a: usize, b: usize) -> usize {
        if a + 1 < b && self.is_any(a, ARTICLES) {
            a + 1
        } else {
            a
        }
    }

    /// The end (exclusive token index) of a speech verb's adjuncts starting at `i`.
    fn adjuncts(&self, verb: usize) -> usize {
        let mut i = verb + 1;
        // "told Reuters", "told reporters", "told the BBC", "told AFP by telephone"
        if self.is_any(verb, &["told", "tells"]) {
            if self.is(i, "the") {
                i += 1;
            }
            if self
                .is_any(i, &["reporters", "journalists", "press", "media", "agency", "parliament"])
            {
                i += 1;
            } else {
                while self.cap(i) {
                    i += 1;
                }
            }
        }
        if self.is(verb, "quoted") {
            // "state media quoted the minister as saying"
            let mut k = i;
            while k < self.t.len() && k < i + 8 && !self.punct(k) {
                if self.is(k, "as") && self.is(k + 1, "saying") {
                    return k + 2;
                }
                k += 1;
            }
        }
        loop {
            let start = i;
            if self.is_any(i, &["late", "early", "earlier", "later"]) && self.is(i + 1, "on") {
                i += 1;
            }
            if self.is(i, "on") && self.is_any(i + 1, WEEKDAYS) {
                i += 2;
            } else if self.is_any(i, WEEKDAYS) {
                i += 1;
            } else if self.is(i, "in") && self.is_any(i + 1, &["a", "an"]) {
                // "in a statement", "in a televised address"
                let mut k = i + 2;
                while k < i + 5 && self.t.get(k).is_some_and(|t| t.kind == Kind::Word) {
                    if self.is_any(
                        k,
                        &[
                            "statement",
                            "address",
                            "speech",
                            "interview",
                            "report",
                            "message",
                            "communique",
                            "post",
                            "tweet",
                            "briefing",
                        ],
                    ) {
                        i = k + 1;
                        break;
                    }
                    k += 1;
                }
            } else if self.is(i, "by") && self.is_any(i + 1, &["telephone", "phone"]) {
                i += 2;
            } else if self.is_any(i, &["yesterday", "today", "tonight"]) {
                i += 1;
            }
            if i == start {
                break;
            }
        }
        if self.is(i, "that") {
            i += 1;
        }
        i
    }

    /// "according to X"
    fn according(&self, i: usize) -> Option<Attribution> {
        if !(self.is(i, "according") && self.is(i + 1, "to")) {
            return None;
        }
        let a = i + 2;
        let mut b = a;
        while b < self.t.len() {
            let t = self.t[b];
            if t.kind == Kind::Punct && !t.is_punct(self.s, '-') && !t.is_punct(self.s, '\'') {
                break;
            }
            if self.is_any(b, &["which", "who", "that", "said", "and"]) && b > a {
                break;
            }
            if self.is(b, "on")
                && (self.is_any(b + 1, WEEKDAYS)
                    || self.t.get(b + 1).is_some_and(|t| t.kind == Kind::Num))
            {
                break;
            }
            b += 1;
        }
        if b == a {
            return None;
        }
        let src = self.strip_article(a, b);
        Some(Attribution {
            source: Span::new(self.t[src].start, self.t[b - 1].end),
            clause: Span::new(self.t[i].start, self.t[b - 1].end),
        })
    }

    /// A speech verb at `v` with its source before or after it.
    fn speech(&self, v: usize) -> Option<Attribution> {
        let t = self.t[v];
        if t.kind != Kind::Word || t.is_capitalised(self.s) || !t.is_any(self.s, VERBS) {
            return None;
        }
        if v > 0 && self.is_any(v - 1, NOT_SPEECH) {
            return None;
        }
        let anonymity = self.anonymity_before(v);
        // Inverted: `"...," said Rami Abdulrahman, head of ...` / `, said the ministry.`
        if anonymity.is_none()
            && v > 0
            && self.punct(v - 1)
            && self.is_any(v, &["said", "says", "added", "told", "wrote"])
        {
            let a = v + 1;
            let mut b = a;
            while b < self.t.len() && b < a + 8 {
                let u = self.t[b];
                if u.kind == Kind::Punct && !u.is_punct(self.s, '-') {
                    break;
                }
                if self.is_any(b, &["on", "in", "that", "who", "and"]) {
                    break;
                }
                b += 1;
            }
            if b > a && (b == self.t.len() || self.punct(b) || self.is_any(b, &["on", "in"])) {
                let src = self.strip_article(a, b);
                return Some(Attribution {
                    source: Span::new(self.t[src].start, self.t[b - 1].end),
                    clause: Span::new(self.t[v].start, self.t[b - 1].end),
                });
            }
            return None;
        }
        // Source before the verb, possibly with an anonymity clause between.
        let head_end = anonymity.unwrap_or(v);
        let a = self.phrase_before(head_end)?;
        let src = self.strip_article(a, head_end);
        let end = self.adjuncts(v);
        let last = end.saturating_sub(1).max(v);
        Some(Attribution {
            source: Span::new(self.t[src].start, self.t[head_end - 1].end),
            clause: Span::new(self.t[a].start, self.t[last].end),
        })
    }
}

/// The attribution of `sentence`, if it reports someone's claim.
pub fn attribution(sentence: &str) -> Option<Attribution> {
    let mut toks = Vec::new();
    tokenize(sentence, &mut toks);
    let sc = Sc { s: sentence, t: &toks };
    (0..toks.len()).find_map(|i| sc.according(i).or_else(|| sc.speech(i)))
}
