//! Actor recognition: dictionary terms found by longest match over the compiled automata,
//! then combined into actor mentions ("Syrian" + "President" + "Bashar al-Assad" -> one
//! mention coded by the person's role on the article's date), then grouped into lists
//! ("France, Italy and Spain").
//!
//! Document-level state ([`DocState`]) carries what earlier sentences established: which
//! people were named in full (so a bare surname may stand for them), which organisations
//! (so "the bloc" may), who "he" and "it" last were, and which country the story is about
//! (so unmarked "government forces" take it).

use std::collections::HashMap;

use annalist_dict::{Compiled, RawMatch, TermKind};
use annalist_text::Span;
use chrono::NaiveDate;

use crate::segment::{TokKind, Token};

/// What kind of thing a mention names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MentionKind {
    /// A country, its capital, a seat of power, or an agent of it.
    State,
    /// A city or region: a place that stands for the people in it.
    Place,
    Org,
    /// A generic agent with a role ("troops", "activists").
    Agent,
    Person,
    /// A pronoun resolved to an earlier actor.
    Pronoun,
    /// A capitalised name the dictionaries do not know: coded null.
    Name,
}

/// One actor mention in a sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// Bytes into the sentence.
    pub span: Span,
    /// Token range `[start, end)`.
    pub toks: (usize, usize),
    pub kind: MentionKind,
    /// The resolved CAMEO actor code, or `None` for an actor we cannot code.
    pub code: Option<String>,
    /// Followed by a possessive `'s`.
    pub possessor: bool,
    /// Plural ("troops", "they", a list member).
    pub plural: bool,
    /// Dictionary entries used, for `--explain`.
    pub entries: Vec<String>,
    /// A country adjective before a noun that is no actor ("Syrian positions"): good
    /// enough for the target of an act, never for its subject.
    pub weak: bool,
    /// "the presidents of Venezuela, Chile and Mexico": the role the list's other members
    /// share.
    pub list_role: Option<String>,
}

impl Mention {
    pub fn country(&self) -> Option<&str> {
        country_of(self.code.as_deref()?)
    }
}

/// The country part of an actor code: its first three letters, unless it is an IGO or
/// NGO code or a bare role.
pub fn country_of(code: &str) -> Option<&str> {
    let c = code.get(..3)?;
    if matches!(c, "IGO" | "NGO" | "IMG" | "MNC") || is_role(c) {
        None
    } else {
        Some(c)
    }
}

fn is_role(c: &str) -> bool {
    matches!(
        c,
        "GOV" | "MIL" | "COP" | "REB" | "OPP" | "CVL" | "MED" | "BUS" | "JUD" | "LEG" | "REF" | "UAF"
            | "ELI" | "SPY" | "LAB" | "EDU" | "REL" | "HLH" | "AGR" | "CRM"
    )
}

/// A list of mentions acting together ("France, Italy and Spain"), or a single mention.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    pub members: Vec<usize>,
    /// Token range covering the whole list.
    pub toks: (usize, usize),
}

/// What earlier sentences of a document established.
#[derive(Clone, Debug, Default)]
pub struct DocState {
    pub date: Option<NaiveDate>,
    /// Persons (dictionary index) named in full so far.
    persons_seen: Vec<u32>,
    /// Organisations named so far: code by reference word.
    orgs_seen: Vec<String>,
    country_counts: HashMap<String, u32>,
    /// Country of the dateline, counted as one mention.
    pub dateline_country: Option<String>,
    last_person: Option<(String, Option<String>)>,
    last_org: Option<(String, Option<String>)>,
    last_plural: Option<(String, Option<String>)>,
}

impl DocState {
    pub fn new(date: Option<NaiveDate>) -> DocState {
        DocState { date, ..DocState::default() }
    }

    /// The country the story is about so far: the most mentioned one.
    pub fn main_country(&self) -> Option<&str> {
        self.country_counts
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(c, _)| c.as_str())
            .or(self.dateline_country.as_deref())
    }

    /// The countries the story is about, most mentioned first (for place resolution).
    pub fn countries(&self) -> Vec<&str> {
        let mut v: Vec<(&String, &u32)> = self.country_counts.iter().collect();
        v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        v.into_iter().map(|(c, _)| c.as_str()).take(4).collect()
    }

    /// Counts the countries a text names (names, adjectives, capitals, cities) by the
    /// automaton alone, so the first sentence already knows what the story is about.
    pub fn prescan(&mut self, dict: &Compiled, text: &str, raw: &mut Vec<RawMatch>) {
        dict.find_all(text, raw);
        let mut covered = 0usize;
        for m in raw.iter() {
            if m.start < covered {
                continue;
            }
            let (_, terms) = dict.form(m.form);
            let country = terms.iter().map(|&t| dict.term(t)).find_map(|t| match t.kind {
                TermKind::CountryName | TermKind::Adjective | TermKind::Demonym | TermKind::Capital | TermKind::City | TermKind::Seat => Some(t.code.clone()),
                TermKind::Org => country_of(&t.code).map(String::from),
                _ => None,
            });
            if let Some(c) = country {
                self.count_country(&c);
                covered = m.end;
            }
        }
    }

    pub fn count_country(&mut self, c: &str) {
        *self.country_counts.entry(c.to_string()).or_default() += 1;
    }

    /// Takes note of a sentence's mentions for the sentences that follow.
    pub fn observe(&mut self, mentions: &[Mention], sentence: &str) {
        for m in mentions {
            let text = m.span.slice(sentence).to_string();
            if let Some(c) = m.country() {
                if m.kind != MentionKind::Pronoun {
                    self.count_country(c);
                }
            }
            let Some(code) = m.code.clone() else { continue };
            let entry = (code, Some(text));
            match m.kind {
                MentionKind::Person => self.last_person = Some(entry),
                MentionKind::Org => {
                    if m.plural {
                        self.last_plural = Some(entry.clone());
                    }
                    self.last_org = Some(entry);
                }
                MentionKind::State if !m.plural => self.last_org = Some(entry),
                MentionKind::State | MentionKind::Agent if m.plural => self.last_plural = Some(entry),
                _ => {}
            }
        }
    }
}

/// Words that start a capitalised run but are not names.
const NOT_NAMES: &[&str] = &[
    "The", "A", "An", "In", "On", "At", "But", "And", "Or", "He", "She", "It", "They", "We", "I",
    "His", "Her", "Its", "Their", "This", "That", "These", "Those", "There", "When", "While",
    "After", "Before", "As", "If", "Some", "Many", "Most", "All", "Other", "More", "Mr", "Mrs",
    "Ms", "Dr", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec", "Reuters", "AP", "AFP", "Of", "For", "With", "From", "By", "To",
    "Last", "Next", "Earlier", "Later", "According", "Meanwhile", "However", "Also", "Still",
    "Yet", "So", "Then", "Now", "No", "Not", "One", "Two", "Three", "Both", "Each", "Such",
    "What", "Who", "Why", "How", "Where", "Western", "Eastern", "Northern", "Southern", "Central",
    "Arab", "Gulf", "European", "Islamic", "Muslim", "Christian", "Sunni", "Shi'ite", "Shiite",
    "Kurdish", "Minister", "President", "Prime", "Foreign", "Secretary", "General", "State",
    "Council", "Union", "Party", "Army", "Forces", "Force", "National", "Republic", "United",
];

const TITLE_CASE_PARTICLES: &[&str] = &["al", "bin", "ibn", "de", "da", "van", "von", "der", "la", "le", "el", "du", "abu", "abd"];

/// Internal: a term found in the sentence and chosen for it.
#[derive(Clone, Debug)]
struct Atom {
    toks: (usize, usize),
    kind: TermKind,
    code: Option<String>,
    role: Option<String>,
    entry: String,
}

/// Finds the actor mentions of one sentence. `raw` and `atoms` are scratch buffers.
pub fn recognize(
    dict: &Compiled,
    sentence: &str,
    tokens: &[Token],
    state: &mut DocState,
    raw: &mut Vec<RawMatch>,
) -> Vec<Mention> {
    dict.find_all(sentence, raw);
    recognize_matches(dict, sentence, tokens, state, raw)
}

/// Like [`recognize`], with the dictionary matches of the sentence already found (bytes into
/// the sentence, sorted by start, longest first): the coder finds them once for the whole body.
pub fn recognize_matches(
    dict: &Compiled,
    sentence: &str,
    tokens: &[Token],
    state: &mut DocState,
    raw: &[RawMatch],
) -> Vec<Mention> {
    let atoms = select_atoms(dict, sentence, tokens, state, raw);
    let mut mentions = combine(sentence, tokens, state, &atoms);
    add_pronouns(sentence, tokens, state, &mut mentions);
    add_unknown_names(sentence, tokens, &mut mentions);
    mentions.sort_by_key(|m| m.toks.0);
    mentions
}

fn tok_index(tokens: &[Token], byte: usize, end: bool) -> Option<usize> {
    if end {
        tokens.binary_search_by_key(&byte, |t| t.span.end()).ok()
    } else {
        tokens.binary_search_by_key(&byte, |t| t.span.start()).ok()
    }
}

/// Which term a form stands for here, by priority and validity.
fn choose_term(dict: &Compiled, terms: &[u32], state: &DocState, capitalised_start: bool) -> Option<u32> {
    let date = state.date;
    // Ties go to a person in office on the date: two people share a name, one of them long gone.
    let mut best: Option<((u8, bool), u32)> = None;
    for &t in terms {
        let term = dict.term(t);
        if let Some(d) = date {
            if d < term.from || d > term.until {
                continue;
            }
        }
        let prio = match term.kind {
            TermKind::Person => {
                let p = &dict.persons[term.entry as usize];
                if date.is_some() && p.role_on(date).is_none() && p.roles.iter().all(|r| r.from > date.unwrap_or(r.from)) {
                    continue; // not yet on the scene
                }
                10
            }
            TermKind::Org => 9,
            TermKind::CountryName => 8,
            TermKind::Seat => 8,
            TermKind::Capital => 7,
            TermKind::Adjective => 6,
            TermKind::Demonym => 6,
            TermKind::City => 5,
            TermKind::Surname => {
                let p = &dict.persons[term.entry as usize];
                let seen = state.persons_seen.contains(&term.entry);
                if !(seen || p.by_surname) || !capitalised_start {
                    continue;
                }
                // A bare surname names someone in office, or a former office holder (coded by
                // country), never someone not yet on the scene.
                if !seen && date.is_some() && p.role_on(date).is_none() && !p.roles.iter().any(|r| Some(r.until) < date) {
                    continue;
                }
                match (seen, p.role_on(date).is_some()) {
                    // Named in full earlier in the story: the surname is that person, even
                    // where it is also an organisation's name ("Jaques Wagner" ... "Wagner").
                    (true, _) => 10,
                    (false, true) => 4,
                    (false, false) => 3,
                }
            }
            TermKind::Agent => 3,
            TermKind::OrgRef => {
                if !state.orgs_seen.contains(&term.code) {
                    continue;
                }
                2
            }
        };
        let in_office = matches!(term.kind, TermKind::Person | TermKind::Surname) && dict.persons[term.entry as usize].role_on(date).is_some();
        if best.is_none_or(|(bp, _)| (prio, in_office) > bp) {
            best = Some(((prio, in_office), t));
        }
    }
    best.map(|(_, t)| t)
}

fn select_atoms(dict: &Compiled, sentence: &str, tokens: &[Token], state: &mut DocState, raw: &[RawMatch]) -> Vec<Atom> {
    let mut atoms: Vec<Atom> = Vec::new();
    let mut covered_until = 0usize;
    for m in raw {
        if m.start < covered_until {
            continue;
        }
        let (Some(a), Some(b)) = (tok_index(tokens, m.start, false), tok_index(tokens, m.end, true)) else { continue };
        let (_, terms) = dict.form(m.form);
        let Some(t) = choose_term(dict, terms, state, starts_like_name(&sentence[m.start..])) else { continue };
        let term = dict.term(t);
        // A lower-case agent term written capitalised mid-sentence is usually part of a name
        // ("Free Syrian Army"), unless a title ("President").
        let (code, role) = match term.kind {
            TermKind::Person | TermKind::Surname => {
                let p = &dict.persons[term.entry as usize];
                if term.kind == TermKind::Person && !state.persons_seen.contains(&term.entry) {
                    state.persons_seen.push(term.entry);
                }
                let code = p
                    .role_on(state.date)
                    .map(|r| r.code.clone())
                    .or_else(|| state.date.and_then(|d| p.nearest_role(d)).and_then(|r| country_of(&r.code)).map(String::from));
                (code, None)
            }
            TermKind::Org | TermKind::OrgRef => {
                if term.kind == TermKind::Org && !state.orgs_seen.contains(&term.code) {
                    state.orgs_seen.push(term.code.clone());
                }
                (Some(term.code.clone()), None)
            }
            TermKind::Seat => (Some(format!("{}{}", term.code, term.role.as_deref().unwrap_or(""))), term.role.clone()),
            TermKind::Capital => (Some(format!("{}GOV", term.code)), None),
            TermKind::Agent => (None, term.role.clone()),
            _ => (Some(term.code.clone()), None),
        };
        // "President Xi" then "Xi Jinping": one person, the longer span.
        let mut end = m.end;
        let mut end_tok = b + 1;
        if term.kind == TermKind::Person {
            for n in raw.iter().filter(|n| n.start > m.start && n.start < m.end) {
                if n.end <= end {
                    continue;
                }
                let same = dict.form(n.form).1.iter().any(|&t| dict.term(t).kind == TermKind::Person && dict.term(t).entry == term.entry);
                if let (true, Some(e)) = (same, tok_index(tokens, n.end, true)) {
                    end = n.end;
                    end_tok = e + 1;
                }
            }
        }
        atoms.push(Atom { toks: (a, end_tok), kind: term.kind, code, role, entry: term.source.clone() });
        covered_until = end;
    }
    atoms
}

fn tok_is(sentence: &str, tokens: &[Token], i: usize, words: &[&str]) -> bool {
    tokens.get(i).is_some_and(|t| {
        let w = t.text(sentence);
        words.iter().any(|x| x.eq_ignore_ascii_case(w))
    })
}

/// Combines adjacent atoms into mentions: [owner]? [agent]* [person|name]?
fn combine(sentence: &str, tokens: &[Token], state: &DocState, atoms: &[Atom]) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < atoms.len() {
        let start = i;
        let mut country: Option<String> = None; // from an owner
        let mut owner_code: Option<String> = None;
        let mut role: Option<String> = None;
        let mut person: Option<&Atom> = None;
        let mut org: Option<&Atom> = None;
        let mut place = false;
        let mut entries = Vec::new();
        let mut end_tok = atoms[i].toks.1;
        let mut possessor = false;
        let mut j = i;
        while j < atoms.len() {
            let a = &atoms[j];
            if j > i {
                // Adjacent, or joined by 's / of (the).
                let gap_start = end_tok;
                let gap = a.toks.0.saturating_sub(gap_start);
                let joined = gap == 0
                    || (gap == 1 && tokens[gap_start].kind == TokKind::Possessive)
                    || (gap == 1 && tok_is(sentence, tokens, gap_start, &["the"]) && role.is_some() && person.is_none());
                let prev_kind = atoms[j - 1].kind;
                let ok_seq = match a.kind {
                    TermKind::Agent => person.is_none() && (org.is_none() || gap == 0),
                    TermKind::Person | TermKind::Surname => person.is_none(),
                    // "Brazil's Congress": the seat's role, the owner's country.
                    TermKind::Seat => {
                        j == i + 1
                            && matches!(atoms[i].kind, TermKind::CountryName | TermKind::Adjective | TermKind::Demonym)
                            && person.is_none()
                            && org.is_none()
                    }
                    TermKind::Org => false,
                    _ => false,
                };
                let of_country = gap == 1
                    && tok_is(sentence, tokens, gap_start, &["of"])
                    && prev_kind == TermKind::Agent
                    && matches!(a.kind, TermKind::CountryName | TermKind::Capital)
                    && country.is_none()
                    && org.is_none();
                if !(joined && ok_seq) && !of_country {
                    break;
                }
                if of_country {
                    country = a.code.as_deref().and_then(country_of).map(String::from);
                    entries.push(a.entry.clone());
                    end_tok = a.toks.1;
                    j += 1;
                    break;
                }
            }
            entries.push(a.entry.clone());
            match a.kind {
                TermKind::CountryName | TermKind::Adjective | TermKind::Demonym | TermKind::Capital | TermKind::City => {
                    if j > i {
                        break;
                    }
                    country = a.code.as_deref().and_then(country_of).map(String::from);
                    owner_code = a.code.clone();
                    place = a.kind == TermKind::City;
                }
                TermKind::Seat => {
                    if j > i {
                        role = a.role.clone();
                        end_tok = a.toks.1;
                        j += 1;
                        break;
                    }
                    owner_code = a.code.clone();
                    country = a.code.as_deref().and_then(country_of).map(String::from);
                    role = a.role.clone();
                }
                TermKind::Org | TermKind::OrgRef => {
                    if j > i {
                        break;
                    }
                    org = Some(a);
                    owner_code = a.code.clone();
                    country = a.code.as_deref().and_then(country_of).map(String::from);
                }
                TermKind::Agent => {
                    let r = a.role.clone();
                    role = match (role, r) {
                        // "government forces": the head decides; "rebel forces": the modifier.
                        (Some(m), Some(h)) if m == "GOV" => Some(h),
                        (Some(m), _) => Some(m),
                        (None, h) => h,
                    };
                }
                TermKind::Person | TermKind::Surname => person = Some(a),
            }
            end_tok = a.toks.1;
            j += 1;
        }
        if j == start {
            j = start + 1;
        }
        possessor |= tokens.get(end_tok).is_some_and(|t| t.kind == TokKind::Possessive);
        let first = atoms[start].toks.0;
        // A capitalised name right after a title: "President Smith", "Gen. Joe Bloggs".
        if person.is_none() && role.is_some() && org.is_none() {
            let mut k = end_tok;
            while k < tokens.len() {
                let w = tokens[k].text(sentence);
                // "Maj. Gen. Hamami Nata": abbreviated ranks keep their period.
                let rank_period = w == "." && k > end_tok && is_rank_abbreviation(tokens[k - 1].text(sentence));
                if !(rank_period || is_capitalised_word(w) && !NOT_NAMES.contains(&w)) {
                    break;
                }
                k += 1;
            }
            if k > end_tok && k - end_tok <= 7 && atoms.get(j).is_none_or(|n| n.toks.0 >= k) {
                end_tok = k;
                possessor = tokens.get(end_tok).is_some_and(|t| t.kind == TokKind::Possessive);
            }
        }
        let weak = j == start + 1 && atoms[start].kind == TermKind::Adjective;
        // An adjective alone ("the Syrian crisis") is no actor, except before a noun it
        // owns ("Syrian positions", "a Bosnian Serb depot"): a weak mention.
        if weak && !tokens.get(end_tok).is_some_and(|t| t.kind == TokKind::Word && t.text(sentence).chars().next().is_some_and(char::is_lowercase)) {
            i = j;
            continue;
        }
        let list_role = (role.is_some() && j > start + 1 && atoms[j - 1].toks.0 > 0 && tok_is(sentence, tokens, atoms[j - 1].toks.0 - 1, &["of"])).then(|| role.clone()).flatten();
        let (kind, code) = if let Some(p) = person {
            let c = p.code.clone().or_else(|| country.clone());
            (MentionKind::Person, c)
        } else if let Some(o) = org {
            (MentionKind::Org, o.code.clone())
        } else if let Some(r) = &role {
            match (&country, atoms[start].kind) {
                (Some(c), _) => (MentionKind::State, Some(format!("{c}{r}"))),
                (None, TermKind::Seat) => (MentionKind::State, owner_code.clone()),
                (None, _) => {
                    let c = state.main_country().map(String::from);
                    (MentionKind::Agent, c.map(|c| format!("{c}{r}")))
                }
            }
        } else if place {
            (MentionKind::Place, owner_code.clone())
        } else {
            (MentionKind::State, owner_code.clone())
        };
        let plural = {
            let last = tokens[end_tok - 1].text(sentence);
            kind == MentionKind::Agent && last.ends_with('s') && !last.ends_with("ss")
                || matches!(atoms[start].kind, TermKind::Demonym)
        };
        out.push(Mention {
            span: Span::new(tokens[first].span.start(), tokens[end_tok - 1].span.end()),
            toks: (first, end_tok),
            kind,
            code,
            possessor,
            plural,
            entries,
            weak,
            list_role,
        });
        i = j;
    }
    out
}

fn is_rank_abbreviation(w: &str) -> bool {
    matches!(w, "Maj" | "Gen" | "Col" | "Lt" | "Sgt" | "Capt" | "Brig" | "Adm" | "Cmdr" | "Cpl" | "Pvt" | "Dr" | "Mr" | "Mrs" | "Ms" | "Gov" | "Sen" | "Rep" | "Supt" | "Insp")
}

/// A name starts with a capital, or with an Arabic article before one ("al-Maliki").
fn starts_like_name(s: &str) -> bool {
    let rest = ["al-", "el-", "ash-", "as-", "ad-", "an-", "ar-", "at-", "az-", "d'"].iter().find_map(|p| s.strip_prefix(p)).unwrap_or(s);
    rest.chars().next().is_some_and(char::is_uppercase)
}

fn is_capitalised_word(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(char::is_uppercase) && cs.any(char::is_lowercase) || TITLE_CASE_PARTICLES.contains(&w.split('-').next().unwrap_or(""))
}

/// Pronouns resolved to the actor they stand for, and possessive pronouns with an agent
/// ("his forces", "its members", "their ambassadors").
fn add_pronouns(sentence: &str, tokens: &[Token], state: &DocState, mentions: &mut Vec<Mention>) {
    let mut added = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        if mentions.iter().any(|m| m.toks.0 <= i && i < m.toks.1) {
            continue;
        }
        let w = t.text(sentence).to_ascii_lowercase();
        // The nearest fitting actor earlier in this sentence, else in the document.
        let earlier = |want: &dyn Fn(&Mention) -> bool| {
            mentions.iter().filter(|m| m.toks.1 <= i && m.code.is_some() && want(m)).last().and_then(|m| m.code.clone())
        };
        let antecedent: Option<String> = match w.as_str() {
            "he" | "she" | "his" | "her" | "him" => earlier(&|m| m.kind == MentionKind::Person)
                .or_else(|| state.last_person.as_ref().map(|p| p.0.clone())),
            "it" | "its" => earlier(&|m| matches!(m.kind, MentionKind::Org | MentionKind::State) && !m.plural)
                .or_else(|| state.last_org.as_ref().map(|p| p.0.clone())),
            "they" | "their" | "them" => earlier(&|m| m.plural && m.kind != MentionKind::Person)
                .or_else(|| state.last_plural.as_ref().or(state.last_org.as_ref()).map(|p| p.0.clone())),
            _ => continue,
        };
        let Some(code) = antecedent.as_ref() else { continue };
        // "it" is often expletive: "it is necessary", "it added" is fine.
        if w == "it" && tok_is(sentence, tokens, i + 1, &["is", "was", "'s", "seems", "appears", "remains"]) {
            continue;
        }
        let possessive = matches!(w.as_str(), "his" | "her" | "its" | "their");
        // A possessive pronoun + the agent mention right after it: that agent of the owner.
        if possessive {
            if let Some(next) = mentions.iter_mut().find(|m| m.toks.0 == i + 1 && m.kind == MentionKind::Agent) {
                let role = next.code.as_deref().and_then(|c| c.get(3..)).unwrap_or("").to_string();
                let owner_country = country_of(code).map(String::from);
                let code = &code.clone();
                next.code = match owner_country {
                    Some(c) if !role.is_empty() => Some(format!("{c}{role}")),
                    _ => Some(code.clone()),
                };
                next.toks.0 = i;
                next.span = Span::new(t.span.start(), next.span.end());
                next.kind = MentionKind::State;
                continue;
            }
            // "his meeting with Assad": the owner is the agent of the noun that follows.
            if matches!(w.as_str(), "his" | "her") && !tok_is(sentence, tokens, i + 1, &["members", "member", "leaders", "leadership", "government", "officials"]) {
                added.push(Mention {
                    span: t.span,
                    toks: (i, i + 1),
                    kind: MentionKind::Pronoun,
                    code: Some(code.clone()),
                    possessor: true,
                    plural: w == "their",
                    entries: vec![format!("pronoun {w} -> {code}")],
                    weak: false,
                    list_role: None,
                });
                continue;
            }
            // "its members", "their leaders": the owner itself.
            if tok_is(sentence, tokens, i + 1, &["members", "member", "leaders", "leadership", "government", "officials"]) {
                added.push(Mention {
                    span: Span::new(t.span.start(), tokens[i + 1].span.end()),
                    toks: (i, i + 2),
                    kind: MentionKind::Pronoun,
                    code: Some(code.clone()),
                    possessor: false,
                    plural: true,
                    entries: vec![format!("pronoun {w} -> {code}")],
                    weak: false,
                    list_role: None,
                });
            }
            continue;
        }
        added.push(Mention {
            span: t.span,
            toks: (i, i + 1),
            kind: MentionKind::Pronoun,
            code: Some(code.clone()),
            possessor: false,
            plural: matches!(w.as_str(), "they" | "them"),
            entries: vec![format!("pronoun {w} -> {code}")],
            weak: false,
            list_role: None,
        });
    }
    mentions.extend(added);
}

/// Runs of capitalised words the dictionaries do not know ("Walid al-Bunni"): actors we
/// cannot code, kept so that they take their place as subjects instead of letting a more
/// distant known actor take it.
fn add_unknown_names(sentence: &str, tokens: &[Token], mentions: &mut Vec<Mention>) {
    let covered = |i: usize, ms: &[Mention]| ms.iter().any(|m| m.toks.0 <= i && i < m.toks.1);
    let mut i = 0;
    let mut added = Vec::new();
    while i < tokens.len() {
        let w = tokens[i].text(sentence);
        if covered(i, mentions) || !is_capitalised_word(w) || NOT_NAMES.contains(&w) {
            i += 1;
            continue;
        }
        let mut k = i + 1;
        while k < tokens.len() && !covered(k, mentions) && is_capitalised_word(tokens[k].text(sentence)) && !NOT_NAMES.contains(&tokens[k].text(sentence)) {
            k += 1;
        }
        let len = k - i;
        if (2..=4).contains(&len) {
            added.push(Mention {
                span: Span::new(tokens[i].span.start(), tokens[k - 1].span.end()),
                toks: (i, k),
                kind: MentionKind::Name,
                code: None,
                possessor: tokens.get(k).is_some_and(|t| t.kind == TokKind::Possessive),
                plural: false,
                entries: Vec::new(),
                weak: false,
                list_role: None,
            });
        }
        i = k;
    }
    mentions.extend(added);
}

/// Gives the role of "the presidents of X, Y and Z" to Y and Z as well.
pub fn distribute_list_roles(groups: &[Group], mentions: &mut [Mention]) {
    for g in groups {
        let Some(role) = g.members.first().and_then(|&m| mentions[m].list_role.clone()) else { continue };
        for &m in &g.members[1..] {
            let code = mentions[m].code.clone();
            if let Some(c) = code.filter(|c| c.len() == 3 && country_of(c).is_some()) {
                mentions[m].code = Some(format!("{c}{role}"));
            }
        }
    }
}

/// Groups mentions into lists joined by commas and "and"/"or": "France, Italy and Spain".
pub fn groups(sentence: &str, tokens: &[Token], mentions: &[Mention]) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        if let Some(g) = out.last_mut() {
            let last = &mentions[*g.members.last().unwrap_or(&0)];
            let between = &tokens[last.toks.1.min(m.toks.0)..m.toks.0];
            let joiners_ok = !between.is_empty()
                && between.len() <= 3
                && between.iter().all(|t| matches!(t.text(sentence), "," | "and" | "or" | "the" | "as" | "well" | "both"))
                && between.iter().any(|t| matches!(t.text(sentence), "," | "and" | "or"));
            let compatible = m.kind != MentionKind::Pronoun
                && last.kind != MentionKind::Pronoun
                && !last.possessor
                && (m.kind == last.kind || matches!((m.kind, last.kind), (MentionKind::State, MentionKind::Org) | (MentionKind::Org, MentionKind::State) | (MentionKind::State, MentionKind::Person) | (MentionKind::Person, MentionKind::State)));
            // "Kiev, Ukraine" style place, country pairs are not lists.
            let place_pair = last.kind == MentionKind::Place && between.len() == 1;
            let weak = m.weak || last.weak;
            // "In Washington, the State Department said": a place phrase, then the subject.
            let after_locative = last.toks.0 > 0
                && tokens[last.toks.0 - 1].text(sentence).eq_ignore_ascii_case("in")
                && between.first().is_some_and(|t| t.text(sentence) == ",");
            if joiners_ok && compatible && !place_pair && !weak && !after_locative {
                g.members.push(i);
                g.toks.1 = m.toks.1;
                continue;
            }
        }
        out.push(Group { members: vec![i], toks: m.toks });
    }
    out
}
