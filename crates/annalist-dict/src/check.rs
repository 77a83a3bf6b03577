//! `annalist dict check` and `stats`: lints and counts over a parsed dictionary.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::NaiveDate;

use crate::actors::parse_date;
use crate::patterns::PTok;
use crate::Dictionary;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// One lint finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    pub location: String,
    pub message: String,
}

const ROLES: &[&str] = &[
    "GOV", "MIL", "COP", "REB", "OPP", "CVL", "MED", "BUS", "JUD", "LEG", "REF", "UAF", "IGO",
    "NGO", "ELI", "SPY", "LAB", "EDU", "REL", "HLH", "AGR", "CRM", "SEP", "INS", "PTY", "MOD",
    "RAD", "IMG", "ENV", "HRI", "DEV", "SET", "IRC", "MNC", "PRO", "NGM", "CHR", "MUS",
];

/// A well-formed CAMEO-style actor code: three to fifteen capital letters, digits allowed
/// after the first three (IGOG7, IGOG20).
fn valid_actor_code(code: &str) -> bool {
    (3..=15).contains(&code.len())
        && code.bytes().take(3).all(|b| b.is_ascii_uppercase())
        && code.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// Lints the dictionary: unknown codes, conflicting names, malformed patterns, overlapping
/// terms of office.
pub fn check(d: &Dictionary) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut err = |sev, loc: String, msg: String| out.push(Finding { severity: sev, location: loc, message: msg });
    let countries: HashSet<&str> = d.countries.iter().map(|c| c.code.as_str()).collect();

    for p in &d.patterns {
        let loc = format!("{}:{}", p.file, p.line);
        if !d.cameo.contains(&p.code) {
            err(Severity::Error, loc.clone(), format!("unknown CAMEO code {}", p.code));
        }
        if matches!(p.tokens.last(), Some(PTok::Gap)) {
            err(Severity::Warning, loc.clone(), "pattern ends in a gap".into());
        }
        for ex in &p.examples {
            if let crate::Expect::Event { code, .. } = &ex.expect {
                if !d.cameo.contains(code) {
                    err(Severity::Error, format!("{}:{}", p.file, ex.line), format!("example expects unknown code {code}"));
                }
            }
        }
    }
    let mut seen_patterns: HashMap<(String, Vec<PTok>), String> = HashMap::new();
    for p in &d.patterns {
        let key = (p.code.clone(), p.tokens.clone());
        if let Some(first) = seen_patterns.insert(key, format!("{}:{}", p.file, p.line)) {
            err(Severity::Warning, format!("{}:{}", p.file, p.line), format!("duplicate of the pattern at {first}"));
        }
    }
    let mut anchors_codes: HashMap<Vec<PTok>, Vec<String>> = HashMap::new();
    for p in &d.patterns {
        anchors_codes.entry(p.tokens.clone()).or_default().push(format!("{} ({}:{})", p.code, p.file, p.line));
    }
    for (toks, codes) in &anchors_codes {
        let distinct: HashSet<&str> = codes.iter().map(|c| c.split(' ').next().unwrap_or("")).collect();
        if distinct.len() > 1 {
            err(Severity::Error, codes.join(", "), format!("the same pattern {:?} under different codes", toks));
        }
    }

    for c in &d.countries {
        if c.code.len() != 3 || !valid_actor_code(&c.code) {
            err(Severity::Error, format!("countries.toml {}", c.code), "country code must be three capital letters".into());
        }
        for role in c.seats.values() {
            if !ROLES.contains(&role.as_str()) {
                err(Severity::Error, format!("countries.toml {}", c.code), format!("unknown seat role {role}"));
            }
        }
    }
    for (i, o) in d.orgs.iter().enumerate() {
        let loc = format!("{} {}", d.org_files.get(i).map_or("", |s| s.as_str()), o.names.first().map_or("", |s| s.as_str()));
        if !valid_actor_code(&o.code) {
            err(Severity::Error, loc.clone(), format!("malformed actor code {:?}", o.code));
        }
        if !o.country.is_empty() && !countries.contains(o.country.as_str()) {
            err(Severity::Warning, loc, format!("unknown country {}", o.country));
        }
    }
    for a in &d.agents {
        if !ROLES.contains(&a.role.as_str()) {
            err(Severity::Error, format!("agents.toml {}", a.role), format!("unknown role {}", a.role));
        }
    }
    for p in &d.persons {
        let loc = format!("{} {}", p.file, p.name);
        for r in &p.roles {
            if !valid_actor_code(&r.code) {
                err(Severity::Error, loc.clone(), format!("malformed actor code {:?}", r.code));
            }
            if r.from > r.until {
                err(Severity::Error, loc.clone(), format!("role {} ends before it starts", r.code));
            }
        }
        for w in p.roles.windows(2) {
            if w[1].from < w[0].until && w[0].code == w[1].code && w[0].title == w[1].title {
                err(Severity::Error, loc.clone(), format!("overlapping terms of {} ({} .. {} and {} ..)", w[0].code, w[0].from, w[0].until, w[1].from));
            }
        }
    }

    let mut scoped = HashSet::new();
    for s in &d.scope {
        let loc = format!("{} {}", s.file, s.country);
        if !countries.contains(s.country.as_str()) {
            err(Severity::Error, loc.clone(), format!("unknown country {}", s.country));
        }
        if !scoped.insert(s.country.as_str()) {
            err(Severity::Error, loc.clone(), format!("{} is in scope twice", s.country));
        }
        for v in &s.vacant {
            if !s.offices.contains(&v.office) {
                err(Severity::Warning, loc.clone(), format!("vacancy of {} which is not tracked for {}", v.office.code(), s.country));
            }
        }
    }

    // Names claimed by two entries with different codes at overlapping dates.
    type Claim = (String, String, NaiveDate, NaiveDate);
    let mut claims: HashMap<&str, Vec<Claim>> = HashMap::new();
    for c in &d.countries {
        for n in c.names.iter().chain(&c.capitals).chain(&c.adjectives) {
            claims.entry(n.as_str()).or_default().push((c.code.clone(), format!("countries.toml {}", c.code), NaiveDate::MIN, NaiveDate::MAX));
        }
    }
    for (i, o) in d.orgs.iter().enumerate() {
        let from = o.from.as_deref().and_then(|s| parse_date(s, false)).unwrap_or(NaiveDate::MIN);
        let until = o.until.as_deref().and_then(|s| parse_date(s, true)).unwrap_or(NaiveDate::MAX);
        for n in &o.names {
            claims.entry(n.as_str()).or_default().push((o.code.clone(), d.org_files.get(i).cloned().unwrap_or_default(), from, until));
        }
    }
    for (name, cs) in claims {
        for (i, a) in cs.iter().enumerate() {
            if let Some(b) = cs[i + 1..].iter().find(|b| b.0 != a.0 && a.2 <= b.3 && b.2 <= a.3) {
                err(Severity::Error, format!("{}, {}", a.1, b.1), format!("{name:?} is claimed by {} and {} at the same time", a.0, b.0));
            }
        }
    }
    // Every spelling the compiler will match, not only the written ones ("Mohamed" for
    // "Mohammed"): a clash the compiler makes is a clash too.
    let spellings = crate::compile::Spellings::new(&d.persons);
    let mut person_names: HashMap<String, Vec<&crate::Person>> = HashMap::new();
    for p in &d.persons {
        for n in spellings.of(p) {
            person_names.entry(n).or_default().push(p);
        }
    }
    for (name, ps) in person_names {
        for (i, a) in ps.iter().enumerate() {
            for b in &ps[i + 1..] {
                if std::ptr::eq(*a, *b) {
                    continue;
                }
                let clash = a.roles.iter().any(|ra| b.roles.iter().any(|rb| ra.code != rb.code && ra.from <= rb.until && rb.from <= ra.until));
                if clash {
                    err(Severity::Error, format!("{} / {}", a.file, b.file), format!("{name:?} names two people with different codes at the same time"));
                }
            }
        }
    }
    // Agent terms that are also an org's short reference.
    let agent_terms: HashSet<String> = d.agents.iter().flat_map(|a| a.terms.iter().map(|t| t.to_ascii_lowercase())).collect();
    for o in &d.orgs {
        for r in &o.refs {
            let r = r.trim_start_matches("the ").to_ascii_lowercase();
            if agent_terms.contains(&r) {
                err(Severity::Warning, format!("orgs {}", o.code), format!("reference {r:?} is also an agent term"));
            }
        }
    }
    let mut agent_owner: HashMap<String, &str> = HashMap::new();
    for a in &d.agents {
        for t in &a.terms {
            let t = t.to_ascii_lowercase();
            if let Some(prev) = agent_owner.insert(t.clone(), &a.role) {
                if prev != a.role {
                    err(Severity::Error, "agents.toml".into(), format!("term {t:?} has two roles: {prev} and {}", a.role));
                }
            }
        }
    }
    out.sort_by(|a, b| b.severity.cmp(&a.severity).then(a.location.cmp(&b.location)));
    out
}

/// Counts for `annalist dict stats`.
#[derive(Clone, Debug, Default)]
pub struct Stats {
    pub countries: usize,
    pub orgs: usize,
    pub agent_terms: usize,
    pub persons: usize,
    pub person_roles: usize,
    pub patterns: usize,
    pub pattern_examples: usize,
    pub cameo_codes: usize,
    /// CAMEO codes with at least three patterns; a two-digit root counts as covered when its
    /// "unspecified" code (root + "0", e.g. 190) is, since the coder emits that, never a
    /// bare root.
    pub codes_with_3_patterns: usize,
    pub patterns_per_root: BTreeMap<String, usize>,
}

pub fn stats(d: &Dictionary) -> Stats {
    let mut per_code: HashMap<&str, usize> = HashMap::new();
    let mut per_root: BTreeMap<String, usize> = BTreeMap::new();
    for p in &d.patterns {
        *per_code.entry(p.code.as_str()).or_default() += 1;
        *per_root.entry(p.code.get(..2).unwrap_or("").to_string()).or_default() += 1;
    }
    Stats {
        countries: d.countries.len(),
        orgs: d.orgs.len(),
        agent_terms: d.agents.iter().map(|a| a.terms.len()).sum(),
        persons: d.persons.len(),
        person_roles: d.persons.iter().map(|p| p.roles.len()).sum(),
        patterns: d.patterns.len(),
        pattern_examples: d.patterns.iter().map(|p| p.examples.len()).sum(),
        cameo_codes: d.cameo.len(),
        codes_with_3_patterns: d
            .cameo
            .iter()
            .filter(|c| {
                let n = |k: &str| per_code.get(k).copied().unwrap_or(0);
                if c.code.len() == 2 { n(&format!("{}0", c.code)) >= 3 } else { n(&c.code) >= 3 }
            })
            .count(),
        patterns_per_root: per_root,
    }
}
