//! Converts the dictionaries of earlier event coders (PETRARCH 2 / Phoenix, TABARI) into
//! annalist [`Sources`], in memory, at load time.
//!
//! What maps cleanly is converted, the rest is skipped and counted in [`ConvertStats`]:
//! - actors: a name with a country code becomes a `[[country]]` (adjective and demonym forms
//!   guessed from the spelling), a name with a longer code an `[[org]]`, a name with
//!   date-restricted codes a `[[person]]` with dated roles. Names are written in upper case
//!   with `_` between words in the peer files; they are converted to the title-cased forms
//!   news text uses (and an upper-case form for short single words: "NATO", "IRAN").
//! - agents: `NOUN [~ROLE]` becomes a term of an `[[agent]]` with that role.
//! - verbs: each verb (with its irregular forms) is an anchor; the words after `*` of a
//!   pattern follow it, with `*` gaps where the peer format allows intervening words, `+`
//!   the target, `$` the source; synonym sets (`&NAME`) are expanded. Patterns with words
//!   before the verb (other than the source), compound actors (`%`), null codes (`---`)
//!   and codes outside the CAMEO table are skipped.
//!
//! The CAMEO code table is the embedded one.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::{self, Write as _};
use std::io;
use std::path::{Path, PathBuf};

use annalist_text::CameoTable;
use chrono::NaiveDate;

use crate::Sources;

/// How much of a peer dictionary was converted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ConvertStats {
    /// Actor entries converted to countries (several entries may share one code).
    pub countries: usize,
    pub orgs: usize,
    pub persons: usize,
    /// Actor entries without a usable code or name.
    pub actors_skipped: usize,
    /// Agent terms converted.
    pub agents: usize,
    pub agents_skipped: usize,
    /// Verbs (anchors) read.
    pub verbs: usize,
    /// Pattern lines read from the peer files.
    pub patterns_read: usize,
    /// Pattern lines written (a peer pattern applies to every verb of its block and may
    /// expand into several lines; duplicates are written once).
    pub patterns: usize,
    /// Peer patterns that produced nothing.
    pub patterns_skipped: usize,
}

impl fmt::Display for ConvertStats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "actors {} converted (countries {}, orgs {}, persons {}), {} skipped; agents {} converted, {} skipped; verbs {}; patterns {} read, {} skipped, {} lines written",
            self.countries + self.orgs + self.persons,
            self.countries,
            self.orgs,
            self.persons,
            self.actors_skipped,
            self.agents,
            self.agents_skipped,
            self.verbs,
            self.patterns_read,
            self.patterns_skipped,
            self.patterns,
        )
    }
}

/// Converts a PETRARCH 2 / Phoenix dictionary folder. The files are those named by
/// `PETR_config.ini` when present, else found by name: `*.actors.txt`, `*agents.txt`, and
/// `CAMEO*.txt` or `*verbs*.txt` for verbs.
///
/// # Errors
/// When the folder or a dictionary file cannot be read.
pub fn petrarch_sources(dir: &Path) -> io::Result<(Sources, ConvertStats)> {
    let names = list_dir(dir)?;
    let config = names.iter().find(|n| n.eq_ignore_ascii_case("PETR_config.ini"));
    let (mut verbs, mut actors, mut agents) = (Vec::new(), Vec::new(), Vec::new());
    if let Some(c) = config {
        let text = read_lossy(&dir.join(c))?;
        let mut in_dicts = false;
        for line in text.lines() {
            let line = line.trim();
            if line.starts_with('[') {
                in_dicts = line.eq_ignore_ascii_case("[Dictionaries]");
                continue;
            }
            if !in_dicts || line.starts_with('#') || line.starts_with(';') {
                continue;
            }
            let Some((k, v)) = line.split_once('=') else { continue };
            let files: Vec<PathBuf> = v.split(',').map(str::trim).filter(|s| !s.is_empty()).map(|s| dir.join(s)).collect();
            match k.trim() {
                "verbfile_name" => verbs.extend(files),
                "actorfile_list" | "actorfile_name" => actors.extend(files),
                "agentfile_name" => agents.extend(files),
                _ => {}
            }
        }
    }
    let lower = |n: &String| n.to_ascii_lowercase();
    if verbs.is_empty() {
        verbs = names
            .iter()
            .filter(|n| {
                let l = lower(n);
                l.ends_with(".txt") && (l.starts_with("cameo") || l.contains("verbs"))
            })
            .map(|n| dir.join(n))
            .collect();
    }
    if actors.is_empty() {
        actors = names.iter().filter(|n| lower(n).ends_with(".actors.txt")).map(|n| dir.join(n)).collect();
    }
    if agents.is_empty() {
        agents = names.iter().filter(|n| lower(n).ends_with("agents.txt")).map(|n| dir.join(n)).collect();
    }
    convert(&actors, &agents, &verbs, Flavor::Petrarch)
}

/// Converts a TABARI dictionary folder: every `*.actors`, `*.agents` and `*.verbs` file.
///
/// # Errors
/// When the folder or a dictionary file cannot be read.
pub fn tabari_sources(dir: &Path) -> io::Result<(Sources, ConvertStats)> {
    let names = list_dir(dir)?;
    let pick = |ext: &str| -> Vec<PathBuf> {
        names.iter().filter(|n| n.to_ascii_lowercase().ends_with(ext)).map(|n| dir.join(n)).collect()
    };
    convert(&pick(".actors"), &pick(".agents"), &pick(".verbs"), Flavor::Tabari)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Flavor {
    Petrarch,
    Tabari,
}

fn list_dir(dir: &Path) -> io::Result<Vec<String>> {
    let mut names = Vec::new();
    for e in std::fs::read_dir(dir)? {
        let e = e?;
        if e.path().is_file() {
            names.push(e.file_name().to_string_lossy().into_owned());
        }
    }
    names.sort();
    Ok(names)
}

/// Peer files are Latin-1 or UTF-8 with stray bytes: read them lossily.
fn read_lossy(p: &Path) -> io::Result<String> {
    let bytes = std::fs::read(p).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", p.display())))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn convert(actors: &[PathBuf], agents: &[PathBuf], verbs: &[PathBuf], flavor: Flavor) -> io::Result<(Sources, ConvertStats)> {
    let embedded = Sources::embedded();
    let cameo_tsv = embedded.files.iter().find(|(p, _)| p.ends_with("cameo.tsv")).map(|(_, c)| c.clone()).unwrap_or_default();
    let cameo = CameoTable::parse(&cameo_tsv).unwrap_or_default();
    let known = known_countries(&embedded);
    let mut stats = ConvertStats::default();

    let mut entries = Vec::new();
    for p in actors {
        entries.extend(parse_actor_file(&read_lossy(p)?));
    }
    let actor_files = actors_to_toml(&entries, &known, &mut stats);

    let mut agent_lines = Vec::new();
    for p in agents {
        agent_lines.push(read_lossy(p)?);
    }
    let agents_toml = agents_to_toml(&agent_lines, &mut stats);

    let mut out = PatternOut::new(&cameo);
    for p in verbs {
        let text = read_lossy(p)?;
        match flavor {
            Flavor::Petrarch => convert_petrarch_verbs(&text, &mut out, &mut stats),
            Flavor::Tabari => convert_tabari_verbs(&text, &mut out, &mut stats),
        }
    }
    let verbs_txt = out.finish(&mut stats);

    let mut files = vec![("cameo.tsv".to_string(), cameo_tsv)];
    files.extend(actor_files);
    files.push(("actors/peer_agents.toml".to_string(), agents_toml));
    files.push(("verbs/peer.txt".to_string(), verbs_txt));
    Ok((Sources { files }, stats))
}

/// Country codes of the embedded dictionary, and CAMEO's regions.
fn known_countries(embedded: &Sources) -> HashSet<String> {
    let mut set: HashSet<String> = [
        "AFR", "ASA", "BAL", "BLK", "CAS", "CAU", "CFR", "CRB", "EAF", "EEU", "EIN", "EUR", "LAM", "MEA", "MDT", "NAF", "NMR", "PGS", "SAF", "SAM", "SAS",
        "SCN", "SEA", "WAF", "WST", "PSE", "PAL", "KOS",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for (p, c) in &embedded.files {
        if p.ends_with(".toml") {
            if let Ok(f) = toml::from_str::<crate::actors::ActorFile>(c) {
                set.extend(f.country.into_iter().map(|c| c.code));
            }
        }
    }
    set
}

// ---------------------------------------------------------------------------------------
// Actors

#[derive(Clone, Debug, PartialEq)]
struct PeerCode {
    code: String,
    from: Option<NaiveDate>,
    until: Option<NaiveDate>,
    /// A date restriction that could not be read.
    bad: bool,
}

#[derive(Clone, Debug, Default, PartialEq)]
struct PeerActor {
    /// Raw names (`WORD_WORD`), the first the entry's head.
    names: Vec<String>,
    codes: Vec<PeerCode>,
}

fn strip_comment(line: &str) -> &str {
    let cut = line.find(['#', ';']).unwrap_or(line.len());
    &line[..cut]
}

/// Every `[...]` group of a line (a stray `}` closes one too), and the text before the first.
fn bracket_groups(line: &str) -> (&str, Vec<&str>) {
    let head_end = line.find('[').unwrap_or(line.len());
    let mut groups = Vec::new();
    let mut rest = &line[head_end..];
    while let Some(s) = rest.find('[') {
        let after = &rest[s + 1..];
        let e = after.find([']', '}']).unwrap_or(after.len());
        groups.push(&after[..e]);
        rest = &after[(e + 1).min(after.len())..];
    }
    (&line[..head_end], groups)
}

/// `YYMMDD` (years up to 30 are 20xx) or `YYYYMMDD`.
fn peer_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (y, rest) = match s.len() {
        6 => {
            let yy: i32 = s[..2].parse().ok()?;
            (if yy <= 30 { 2000 + yy } else { 1900 + yy }, &s[2..])
        }
        8 => (s[..4].parse().ok()?, &s[4..]),
        _ => return None,
    };
    NaiveDate::from_ymd_opt(y, rest[..2].parse().ok()?, rest[2..].parse().ok()?)
}

fn parse_code(group: &str) -> Option<PeerCode> {
    let mut it = group.split_whitespace();
    let code = it.next()?.to_string();
    let spec: String = it.collect::<Vec<_>>().join("");
    let mut c = PeerCode { code, from: None, until: None, bad: false };
    if spec.is_empty() {
        return Some(c);
    }
    if let Some(d) = spec.strip_prefix('>') {
        c.from = peer_date(d);
        c.bad = c.from.is_none();
    } else if let Some(d) = spec.strip_prefix('<') {
        c.until = peer_date(d);
        c.bad = c.until.is_none();
    } else if let Some((a, b)) = spec.split_once('-') {
        c.from = peer_date(a);
        c.until = peer_date(b);
        c.bad = c.from.is_none() || c.until.is_none();
    } else {
        c.bad = true;
    }
    Some(c)
}

/// Strips `{...}` groups from a name.
fn strip_braces(s: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for ch in s.chars() {
        match ch {
            '{' => depth += 1,
            '}' => depth = (depth - 1).max(0),
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Parses a TABARI/PETRARCH actor file: `NAME [CODE]` lines, `+ALIAS` lines, and indented
/// `[CODE dates]` lines belonging to the entry above.
fn parse_actor_file(text: &str) -> Vec<PeerActor> {
    let mut out: Vec<PeerActor> = Vec::new();
    let mut cur: Option<PeerActor> = None;
    for raw in text.lines() {
        let line = strip_comment(raw);
        let t = line.trim();
        if t.is_empty() || t.starts_with('<') {
            continue;
        }
        let (head, groups) = bracket_groups(t);
        let codes: Vec<PeerCode> = groups.iter().filter_map(|g| parse_code(g)).collect();
        if let Some(alias) = t.strip_prefix('+') {
            if let Some(c) = cur.as_mut() {
                let (h, _) = bracket_groups(alias);
                c.names.push(strip_braces(h).trim().to_string());
                c.codes.extend(codes);
            }
            continue;
        }
        if head.trim().is_empty() {
            if let Some(c) = cur.as_mut() {
                c.codes.extend(codes);
            }
            continue;
        }
        if let Some(c) = cur.take() {
            out.push(c);
        }
        cur = Some(PeerActor { names: vec![strip_braces(head).trim().to_string()], codes });
    }
    out.extend(cur);
    out
}

const PARTICLES: &[&str] = &[
    "of", "the", "and", "for", "on", "in", "at", "to", "de", "du", "des", "la", "le", "al", "el", "bin", "ibn", "van", "von", "der", "den", "da", "do", "dos",
    "y", "et",
];

const ROLE_CODES: &[&str] = &[
    "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "MED", "EDU", "BUS", "CRM", "CVL", "ELI", "LEG", "LAB", "AGR", "HLH", "REF", "MOD", "RAD", "UAF",
    "IGO", "NGO", "NGM", "IMG", "HRI", "DEV", "ENV", "SET", "---", "###",
];

/// The words of a peer name, upper case: `ISRAEL_DEFENSE_FORCES` -> ["ISRAEL", "DEFENSE", "FORCES"].
fn name_words(raw: &str) -> Vec<String> {
    raw.split(['_', ' ', '\t']).filter(|w| !w.is_empty()).map(|w| w.to_ascii_uppercase()).collect()
}

fn title_segment(seg: &str) -> String {
    let lower = seg.to_ascii_lowercase();
    let mut out = String::with_capacity(seg.len());
    let mut up = true;
    for (prev_len, ch) in lower.chars().enumerate() {
        if up && ch.is_ascii_alphabetic() {
            out.push(ch.to_ascii_uppercase());
            up = false;
        } else {
            out.push(ch);
        }
        // "O'Brien", "D'Alema": a one-letter prefix before an apostrophe.
        if ch == '\'' && prev_len == 1 {
            up = true;
        }
    }
    out
}

/// The forms news text uses for a peer name written in upper case.
fn proper_forms(raw: &str) -> Vec<String> {
    let words = name_words(raw);
    if words.is_empty() || !raw.is_ascii() || !words.iter().any(|w| w.bytes().any(|b| b.is_ascii_alphabetic())) {
        return Vec::new();
    }
    let mut forms: Vec<String> = Vec::new();
    let mut push = |s: String| {
        if !s.is_empty() && !forms.contains(&s) {
            forms.push(s);
        }
    };
    if words.len() == 1 {
        let w = &words[0];
        let letters = w.bytes().filter(u8::is_ascii_alphabetic).count();
        if w.contains('.') || letters <= 3 {
            push(w.clone());
            return forms;
        }
        let segs: Vec<String> = w.split('-').map(title_segment).collect();
        push(segs.join("-"));
        let lowered: Vec<String> =
            segs.iter().enumerate().map(|(i, s)| if i > 0 || PARTICLES.contains(&s.to_ascii_lowercase().as_str()) && segs.len() > 1 { s.to_ascii_lowercase() } else { s.clone() }).collect();
        push(lowered.join("-"));
        push(w.clone());
        return forms;
    }
    // Three readings: all title case; short words as acronyms ("UN Peacekeeper"); later
    // hyphen segments in lower case ("Ban Ki-moon").
    for mode in 0..3 {
        let mut out = Vec::with_capacity(words.len());
        for (i, w) in words.iter().enumerate() {
            let lw = w.to_ascii_lowercase();
            let letters = w.bytes().filter(u8::is_ascii_alphabetic).count();
            let s = if w.contains('.') || !w.bytes().any(|b| b"AEIOUY".contains(&b)) && letters > 1 {
                w.clone()
            } else if i > 0 && PARTICLES.contains(&lw.as_str()) {
                lw
            } else if mode == 1 && letters <= 3 && !PARTICLES.contains(&lw.as_str()) {
                w.clone()
            } else {
                let segs: Vec<String> = w
                    .split('-')
                    .enumerate()
                    .map(|(k, s)| {
                        let ls = s.to_ascii_lowercase();
                        let particle = k + 1 < w.split('-').count() && PARTICLES.contains(&ls.as_str()) && (i > 0 || k > 0);
                        if particle || mode == 2 && k > 0 {
                            ls
                        } else {
                            title_segment(s)
                        }
                    })
                    .collect();
                segs.join("-")
            };
            out.push(s);
        }
        push(out.join(" "));
    }
    forms
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum NameKind {
    Name,
    Adjective,
    Demonym,
}

/// Guesses whether a country alias is its name, adjective ("Israeli") or demonym ("Israelis").
fn name_kind(word: &str, head: &str, all: &HashSet<String>) -> NameKind {
    let w = word.to_ascii_uppercase();
    if w.contains([' ', '_']) {
        return NameKind::Name;
    }
    let head = head.to_ascii_uppercase();
    if let Some(stem) = w.strip_suffix('S') {
        if all.contains(stem) || w.ends_with("IANS") {
            return NameKind::Demonym;
        }
    }
    let adj_suffix = ["IAN", "ESE", "ISH", "ICAN"].iter().any(|s| w.ends_with(s));
    let from_head = !head.is_empty()
        && (w == format!("{head}I") || w == format!("{head}N") || w == format!("{head}AN") || w == format!("{head}IAN") || w == format!("{head}ESE"));
    let has_plural = all.contains(&format!("{w}S")) && (w.ends_with("AN") || w.ends_with('I'));
    if adj_suffix || from_head || has_plural {
        NameKind::Adjective
    } else {
        NameKind::Name
    }
}

fn toml_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn toml_list(items: &[String]) -> String {
    let parts: Vec<String> = items.iter().map(|s| toml_str(s)).collect();
    format!("[{}]", parts.join(", "))
}

#[derive(Default)]
struct CountryAcc {
    head: String,
    names: Vec<String>,
    adjectives: Vec<String>,
    demonyms: Vec<String>,
}

fn push_unique(v: &mut Vec<String>, items: impl IntoIterator<Item = String>) {
    for s in items {
        if !v.contains(&s) {
            v.push(s);
        }
    }
}

/// Writes the converted actors: one file each for countries, orgs and persons.
fn actors_to_toml(entries: &[PeerActor], known: &HashSet<String>, stats: &mut ConvertStats) -> Vec<(String, String)> {
    let mut countries: BTreeMap<String, CountryAcc> = BTreeMap::new();
    let mut country_order: Vec<String> = Vec::new();
    let mut orgs = String::new();
    let mut persons = String::new();
    for e in entries {
        let codes: Vec<&PeerCode> = e.codes.iter().filter(|c| !c.bad && !c.code.starts_with('~') && c.code != "---" && c.code != "###").collect();
        let forms: Vec<String> = e.names.iter().flat_map(|n| proper_forms(n)).collect();
        if codes.is_empty() || forms.is_empty() {
            stats.actors_skipped += 1;
            continue;
        }
        let dated = codes.iter().any(|c| c.from.is_some() || c.until.is_some());
        if dated {
            let roles: Vec<&&PeerCode> = codes.iter().filter(|c| c.code.len() >= 3 && !ROLE_CODES.contains(&c.code.as_str())).collect();
            if roles.is_empty() {
                stats.actors_skipped += 1;
                continue;
            }
            let _ = write!(persons, "[[person]]\nname = {}\n", toml_str(&forms[0]));
            if forms.len() > 1 {
                let _ = writeln!(persons, "aliases = {}", toml_list(&forms[1..]));
            }
            persons.push_str("roles = [\n");
            for r in roles {
                let mut parts = vec![format!("code = {}", toml_str(&r.code))];
                if let Some(d) = r.from {
                    parts.push(format!("from = \"{}\"", d.format("%Y-%m-%d")));
                }
                if let Some(d) = r.until {
                    parts.push(format!("until = \"{}\"", d.format("%Y-%m-%d")));
                }
                let _ = writeln!(persons, "  {{ {} }},", parts.join(", "));
            }
            persons.push_str("]\n\n");
            stats.persons += 1;
            continue;
        }
        let code = &codes[0].code;
        if code.len() == 3 && known.contains(code.as_str()) {
            let acc = countries.entry(code.clone()).or_default();
            if acc.head.is_empty() {
                country_order.push(code.clone());
                acc.head = name_words(&e.names[0]).join(" ");
            }
            let all: HashSet<String> = e.names.iter().map(|n| name_words(n).join(" ")).collect();
            let head = acc.head.clone();
            for n in &e.names {
                let f = proper_forms(n);
                match name_kind(&name_words(n).join(" "), &head, &all) {
                    NameKind::Name => push_unique(&mut acc.names, f),
                    NameKind::Adjective => push_unique(&mut acc.adjectives, f),
                    NameKind::Demonym => push_unique(&mut acc.demonyms, f),
                }
            }
            stats.countries += 1;
        } else {
            let home = code.get(..3).filter(|c| code.len() > 3 && known.contains(*c)).unwrap_or("");
            let _ = write!(orgs, "[[org]]\ncode = {}\nnames = {}\n", toml_str(code), toml_list(&forms));
            if !home.is_empty() {
                let _ = writeln!(orgs, "country = {}", toml_str(home));
            }
            orgs.push('\n');
            stats.orgs += 1;
        }
    }
    let mut ctoml = String::new();
    for code in &country_order {
        let Some(c) = countries.get(code) else { continue };
        let mut names = c.names.clone();
        if names.is_empty() {
            // A country known only by adjectives: its names are still names.
            names = c.adjectives.clone();
        }
        let _ = write!(ctoml, "[[country]]\ncode = {}\nnames = {}\n", toml_str(code), toml_list(&names));
        if !c.adjectives.is_empty() && !c.names.is_empty() {
            let _ = writeln!(ctoml, "adjectives = {}", toml_list(&c.adjectives));
        }
        if !c.demonyms.is_empty() {
            let _ = writeln!(ctoml, "demonyms = {}", toml_list(&c.demonyms));
        }
        ctoml.push('\n');
    }
    vec![
        ("actors/peer_countries.toml".to_string(), ctoml),
        ("actors/peer_orgs.toml".to_string(), orgs),
        ("actors/peer_persons.toml".to_string(), persons),
    ]
}

// ---------------------------------------------------------------------------------------
// Agents

/// Converts agent files: `!SUB! = A, B` substitution sets, `NOUN {PLURALS} [~ROLE]` lines.
fn agents_to_toml(texts: &[String], stats: &mut ConvertStats) -> String {
    let mut by_role: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut subs: HashMap<String, Vec<String>> = HashMap::new();
    for text in texts {
        for raw in text.lines() {
            let t = strip_comment(raw).trim();
            if t.is_empty() || t.starts_with('<') {
                continue;
            }
            if t.starts_with('!') {
                if let Some((k, v)) = t.split_once('=') {
                    subs.insert(k.trim().to_string(), v.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect());
                    continue;
                }
            }
            let (head, groups) = bracket_groups(t);
            let role = groups.iter().find_map(|g| g.trim().strip_prefix('~')).map(|r| r.trim().to_ascii_uppercase());
            let Some(role) = role.filter(|r| r.len() >= 3 && r.bytes().all(|b| b.is_ascii_alphanumeric())) else {
                stats.agents_skipped += 1;
                continue;
            };
            // The noun, and plurals in braces.
            let (noun, plurals) = match head.split_once('{') {
                Some((n, rest)) => (n.to_string(), rest.split('}').next().unwrap_or("").split_whitespace().map(String::from).collect::<Vec<_>>()),
                None => (head.to_string(), Vec::new()),
            };
            let mut raw_terms = expand_subs(noun.trim(), &subs);
            for p in plurals {
                raw_terms.extend(expand_subs(&p, &subs));
            }
            let mut any = false;
            for rt in raw_terms {
                let words: Vec<String> = rt.split(['_', ' ']).filter(|w| !w.is_empty()).map(|w| w.to_ascii_lowercase()).collect();
                let term = words.join(" ").replace(" ,", ",");
                if term.is_empty() || !term.is_ascii() || !term.bytes().any(|b| b.is_ascii_alphabetic()) {
                    continue;
                }
                let v = by_role.entry(role.clone()).or_default();
                if !v.contains(&term) {
                    v.push(term);
                    stats.agents += 1;
                }
                any = true;
            }
            if !any {
                stats.agents_skipped += 1;
            }
        }
    }
    let mut out = String::new();
    for (role, terms) in by_role {
        let _ = write!(out, "[[agent]]\nrole = {}\nterms = {}\n\n", toml_str(&role), toml_list(&terms));
    }
    out
}

/// Expands `!SUB!` references (each in turn) into every alternative.
fn expand_subs(s: &str, subs: &HashMap<String, Vec<String>>) -> Vec<String> {
    let Some(start) = s.find('!') else { return vec![s.to_string()] };
    let Some(len) = s[start + 1..].find('!') else { return vec![s.replace('!', "")] };
    let key = &s[start..start + len + 2];
    let rest = &s[start + len + 2..];
    let Some(alts) = subs.get(key) else { return vec![s.replace(key, "")] };
    let mut out = Vec::new();
    for a in alts {
        for tail in expand_subs(rest, subs) {
            out.push(format!("{}{a}{tail}", &s[..start]));
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// Verb patterns

/// One output token.
#[derive(Clone, Debug, PartialEq, Eq)]
enum OTok {
    Word(Vec<String>),
    Gap,
    Target,
    Source,
}

/// One element of a peer pattern, with whether it may follow the previous one after a gap.
#[derive(Clone, Debug, PartialEq)]
enum Item {
    Verb,
    Target,
    Source,
    Skip,
    Compound,
    /// Alternatives, each a word sequence.
    Words(Vec<Vec<String>>),
}

/// The pattern lines written, by CAMEO code.
struct PatternOut<'a> {
    cameo: &'a CameoTable,
    by_code: BTreeMap<String, Vec<String>>,
    seen: HashSet<(String, String)>,
}

impl<'a> PatternOut<'a> {
    fn new(cameo: &'a CameoTable) -> PatternOut<'a> {
        PatternOut { cameo, by_code: BTreeMap::new(), seen: HashSet::new() }
    }

    /// Adds one pattern; false if it cannot be written.
    fn add(&mut self, code: &str, toks: &[OTok]) -> bool {
        let Some(line) = render(toks) else { return false };
        if !self.cameo.contains(code) {
            return false;
        }
        if self.seen.insert((code.to_string(), line.clone())) {
            self.by_code.entry(code.to_string()).or_default().push(line);
        }
        true
    }

    /// The pattern file, checked by our own parser: a line it rejects is dropped.
    fn finish(self, stats: &mut ConvertStats) -> String {
        let mut text = String::from("# Converted from a peer dictionary at load time.\n");
        for (code, lines) in &self.by_code {
            let _ = writeln!(text, "[{code}] {}", self.cameo.get(code).map_or("", |c| c.name.as_str()));
            for l in lines {
                text.push_str(l);
                text.push('\n');
            }
        }
        let mut errors = Vec::new();
        let parsed = crate::patterns::parse_pattern_file("verbs/peer.txt", &text, &mut errors);
        if errors.is_empty() {
            stats.patterns = parsed.len();
            return text;
        }
        let bad: HashSet<usize> = errors.iter().map(|e| e.line).collect();
        let kept: Vec<&str> = text.lines().enumerate().filter(|(i, _)| !bad.contains(&(i + 1))).map(|(_, l)| l).collect();
        let text = kept.join("\n") + "\n";
        stats.patterns = crate::patterns::parse_pattern_file("verbs/peer.txt", &text, &mut Vec::new()).len();
        text
    }
}

fn render(toks: &[OTok]) -> Option<String> {
    if !matches!(toks.first(), Some(OTok::Word(_))) {
        return None;
    }
    if toks.iter().filter(|t| **t == OTok::Target).count() > 1 || toks.iter().filter(|t| **t == OTok::Source).count() > 1 {
        return None;
    }
    let mut parts = Vec::with_capacity(toks.len());
    for t in toks {
        parts.push(match t {
            OTok::Word(alts) => {
                let mut seen = Vec::new();
                let mut keys = Vec::new();
                for a in alts {
                    if a.is_empty() || !a.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'\'' | b'.')) {
                        return None;
                    }
                    let k = crate::lemma::lemma(a);
                    if !keys.contains(&k) {
                        keys.push(k);
                        seen.push(a.clone());
                    }
                }
                if seen.is_empty() {
                    return None;
                }
                seen.join("|")
            }
            OTok::Gap => "*".to_string(),
            OTok::Target => "+".to_string(),
            OTok::Source => "$".to_string(),
        });
    }
    Some(parts.join(" "))
}

/// A peer code: `[042]`, `[042:043]` (the first), `[:173]`, `[100!]`; `None` for null codes.
fn event_code(group: &str) -> Option<String> {
    let part = group.split(':').map(str::trim).find(|p| !p.is_empty())?;
    let digits: String = part.chars().take_while(char::is_ascii_digit).collect();
    ((2..=4).contains(&digits.len())).then_some(digits)
}

/// The code group at the end of a line and the text before it.
fn split_code(line: &str) -> (&str, Option<&str>) {
    match line.rfind('[') {
        Some(i) => {
            let rest = &line[i + 1..];
            let end = rest.find(']').unwrap_or(rest.len());
            (&line[..i], Some(&rest[..end]))
        }
        None => (line, None),
    }
}

/// A verb: its words, the first with its alternative forms.
#[derive(Clone, Debug, Default)]
struct Verb {
    anchor: Vec<String>,
    rest: Vec<String>,
    /// The verb's own code: `Some(None)` for an explicit null code (`[---]`).
    code: Option<Option<String>>,
}

impl Verb {
    fn tokens(&self) -> Vec<OTok> {
        let mut t = vec![OTok::Word(self.anchor.clone())];
        t.extend(self.rest.iter().map(|w| OTok::Word(vec![w.clone()])));
        t
    }
}

fn clean_word(w: &str) -> String {
    w.trim_matches(|c: char| c == '_' || c == '+').to_ascii_lowercase()
}

/// A peer word (a stem when it has no trailing `_`: our lemma keys already join "ACCUS" and
/// "accused").
fn stem_alts(w: &str, _tabari: bool) -> Vec<String> {
    vec![clean_word(w)]
}

/// Tokenises the words of a pattern (before the code). `(...)` groups allow gaps,
/// `{...}` groups are consecutive words (PETRARCH) or `|` alternatives (TABARI); `_` joins
/// consecutive words.
fn pattern_items(body: &str, synsets: &HashMap<String, Vec<Vec<String>>>, tabari: bool) -> Option<Vec<(bool, Item)>> {
    let spaced = body.replace('(', " ( ").replace(')', " ) ").replace('{', " { ").replace('}', " } ").replace('|', " | ");
    let toks: Vec<&str> = spaced.split_whitespace().collect();
    let mut items: Vec<(bool, Item)> = Vec::new();
    let mut in_brace = false;
    let mut brace_first = false;
    let mut alt_group: Option<Vec<Vec<String>>> = None;
    let mut i = 0;
    while i < toks.len() {
        let tok = toks[i];
        i += 1;
        match tok {
            "(" | ")" => continue,
            "{" => {
                if tabari {
                    alt_group = Some(vec![Vec::new()]);
                } else {
                    in_brace = true;
                    brace_first = true;
                }
                continue;
            }
            "}" => {
                if let Some(g) = alt_group.take() {
                    let g: Vec<Vec<String>> = g.into_iter().filter(|a| !a.is_empty()).collect();
                    if g.is_empty() {
                        return None;
                    }
                    items.push((true, Item::Words(g)));
                }
                in_brace = false;
                continue;
            }
            "|" => {
                if let Some(g) = alt_group.as_mut() {
                    g.push(Vec::new());
                }
                continue;
            }
            _ => {}
        }
        if let Some(g) = alt_group.as_mut() {
            let last = g.last_mut()?;
            last.extend(tok.split('_').filter(|w| !w.is_empty()).map(|w| w.to_ascii_lowercase()));
            continue;
        }
        // Parts joined by `_` are consecutive.
        let parts: Vec<&str> = tok.split('_').collect();
        let n = parts.len();
        let mut first = true;
        for (k, p) in parts.iter().enumerate() {
            if p.is_empty() {
                continue;
            }
            let gap_before = first && (!in_brace || brace_first);
            first = false;
            let exact_mark = k + 1 < n; // followed by `_`
            let item = match *p {
                "*" => Item::Verb,
                "+" => Item::Target,
                "$" => Item::Source,
                "^" => Item::Skip,
                "%" => Item::Compound,
                w if w.starts_with('&') => {
                    let key = w.trim_start_matches('&').trim_end_matches('_').to_ascii_uppercase();
                    Item::Words(synsets.get(&key)?.clone())
                }
                w => {
                    let w = if exact_mark { format!("{w}_") } else { w.to_string() };
                    Item::Words(stem_alts(&w, tabari).into_iter().map(|a| vec![a]).collect())
                }
            };
            items.push((gap_before, item));
        }
        brace_first = false;
    }
    Some(items)
}

/// Converts one peer pattern for a verb into our patterns (several when a synonym set
/// holds multi-word members). `None`: it does not map.
fn convert_pattern(verb: &Verb, body: &str, synsets: &HashMap<String, Vec<Vec<String>>>, tabari: bool) -> Option<Vec<Vec<OTok>>> {
    let items = pattern_items(body, synsets, tabari)?;
    let star = items.iter().position(|(_, it)| *it == Item::Verb)?;
    if items.iter().filter(|(_, it)| *it == Item::Verb).count() != 1 {
        return None;
    }
    // Before the verb only the source (the subject, our default) maps.
    if items[..star].iter().any(|(_, it)| *it != Item::Source) {
        return None;
    }
    let mut variants: Vec<Vec<OTok>> = vec![verb.tokens()];
    for (gap, item) in &items[star + 1..] {
        if *gap {
            for v in &mut variants {
                if v.last() != Some(&OTok::Gap) {
                    v.push(OTok::Gap);
                }
            }
        }
        match item {
            Item::Verb | Item::Compound => return None,
            Item::Target | Item::Source => {
                let t = if *item == Item::Target { OTok::Target } else { OTok::Source };
                for v in &mut variants {
                    v.push(t.clone());
                }
            }
            Item::Skip => {
                for v in &mut variants {
                    if v.last() != Some(&OTok::Gap) {
                        v.push(OTok::Gap);
                    }
                }
            }
            Item::Words(alts) => {
                let singles: Vec<String> = alts.iter().filter(|a| a.len() == 1).map(|a| a[0].clone()).collect();
                let mut options: Vec<Vec<OTok>> = Vec::new();
                if !singles.is_empty() {
                    options.push(vec![OTok::Word(singles)]);
                }
                for a in alts.iter().filter(|a| a.len() > 1) {
                    options.push(a.iter().map(|w| OTok::Word(vec![w.clone()])).collect());
                }
                if options.is_empty() {
                    return None;
                }
                if variants.len() * options.len() > 8 {
                    options.truncate(1);
                }
                let mut next = Vec::with_capacity(variants.len() * options.len());
                for v in &variants {
                    for o in &options {
                        let mut nv = v.clone();
                        nv.extend(o.iter().cloned());
                        next.push(nv);
                    }
                }
                variants = next;
            }
        }
    }
    for v in &mut variants {
        while v.last() == Some(&OTok::Gap) {
            v.pop();
        }
        // "* +" at the end: the target is found at or after that point anyway.
        let n = v.len();
        if n >= 2 && v[n - 2] == OTok::Gap && matches!(v[n - 1], OTok::Target | OTok::Source) {
            v.remove(n - 2);
        }
    }
    Some(variants)
}

/// The verb of a verb line: `WORD {FORMS} [code]`, `+WORD_PARTICLE {...}`.
fn parse_verb_line(line: &str, tabari: bool) -> Option<Verb> {
    let (body, code) = split_code(line);
    let code = code.map(event_code);
    let (name, forms) = match body.split_once('{') {
        Some((n, rest)) => (n, rest.split('}').next().unwrap_or("")),
        None => (body, ""),
    };
    let words: Vec<&str> = name.split_whitespace().flat_map(|w| w.split('_')).filter(|w| !w.is_empty()).collect();
    // PETRARCH marks the verb of a phrase with `+`: the words from there on.
    let start = words.iter().position(|w| w.starts_with('+')).unwrap_or(0);
    let words = &words[start..];
    let first = words.first()?;
    let last_raw = name.trim_end();
    let exact = words.len() > 1 || last_raw.ends_with('_');
    let mut anchor = stem_alts(&if exact { format!("{first}_") } else { first.to_string() }, tabari);
    for f in forms.split_whitespace() {
        let fw: Vec<&str> = f.split('_').filter(|w| !w.is_empty()).collect();
        let fs = fw.iter().position(|w| w.starts_with('+')).unwrap_or(0);
        if let Some(w) = fw.get(fs) {
            anchor.push(clean_word(w));
        }
    }
    anchor.retain(|a| !a.is_empty());
    anchor.dedup();
    if anchor.is_empty() {
        return None;
    }
    Some(Verb { anchor, rest: words[1..].iter().map(|w| clean_word(w)).filter(|w| !w.is_empty()).collect(), code })
}

/// PETRARCH synonym sets: `&NAME` then `+MEMBER` lines.
fn petrarch_synsets(text: &str) -> HashMap<String, Vec<Vec<String>>> {
    let mut sets: HashMap<String, Vec<Vec<String>>> = HashMap::new();
    let mut cur: Option<String> = None;
    for raw in text.lines() {
        let t = strip_comment(raw).trim();
        if t.is_empty() {
            continue;
        }
        if let Some(name) = t.strip_prefix('&') {
            let key = name.split_whitespace().next().unwrap_or("").trim_end_matches('_').to_ascii_uppercase();
            sets.entry(key.clone()).or_default();
            cur = Some(key);
        } else if let (Some(m), Some(k)) = (t.strip_prefix('+'), cur.as_ref()) {
            let words: Vec<String> = m.split(['_', ' ']).filter(|w| !w.is_empty() && !w.starts_with('&')).map(|w| w.to_ascii_lowercase()).collect();
            if !words.is_empty() {
                sets.entry(k.clone()).or_default().push(words);
            }
        } else {
            cur = None;
        }
    }
    sets
}

struct Block {
    code: Option<String>,
    verbs: Vec<Verb>,
    patterns: Vec<(String, Option<String>)>,
}

fn flush_block(b: Block, synsets: &HashMap<String, Vec<Vec<String>>>, out: &mut PatternOut<'_>, stats: &mut ConvertStats, tabari: bool) {
    stats.verbs += b.verbs.len();
    for v in &b.verbs {
        if let Some(code) = v.code.clone().unwrap_or_else(|| b.code.clone()) {
            out.add(&code, &v.tokens());
        }
    }
    // The block's patterns apply to all its single-word verbs (TABARI: its one verb).
    let mut anchor: Vec<String> = Vec::new();
    for v in b.verbs.iter().filter(|v| v.rest.is_empty() || tabari) {
        push_unique(&mut anchor, v.anchor.iter().cloned());
    }
    let verb = match b.verbs.iter().find(|v| tabari || v.rest.is_empty()) {
        Some(v) if tabari => v.clone(),
        Some(_) => Verb { anchor, rest: Vec::new(), code: None },
        None => {
            stats.patterns_skipped += b.patterns.len();
            return;
        }
    };
    for (body, code) in &b.patterns {
        let ok = code.as_deref().and_then(event_code).and_then(|c| {
            let variants = convert_pattern(&verb, body, synsets, tabari)?;
            let mut any = false;
            for v in &variants {
                any |= out.add(&c, v);
            }
            any.then_some(())
        });
        if ok.is_none() {
            stats.patterns_skipped += 1;
        }
    }
}

fn convert_petrarch_verbs(text: &str, out: &mut PatternOut<'_>, stats: &mut ConvertStats) {
    let synsets = petrarch_synsets(text);
    let mut block: Option<Block> = None;
    let mut in_synset = false;
    for raw in text.lines() {
        let t = strip_comment(raw).trim();
        if t.is_empty() {
            continue;
        }
        if t.starts_with("---") {
            if let Some(b) = block.take() {
                flush_block(b, &synsets, out, stats, false);
            }
            let (_, code) = split_code(t);
            block = Some(Block { code: code.and_then(event_code), verbs: Vec::new(), patterns: Vec::new() });
            in_synset = false;
            continue;
        }
        if t.starts_with('&') {
            in_synset = true;
            if let Some(b) = block.take() {
                flush_block(b, &synsets, out, stats, false);
            }
            continue;
        }
        let Some(b) = block.as_mut() else { continue };
        if in_synset && t.starts_with('+') {
            continue;
        }
        in_synset = false;
        if let Some(p) = t.strip_prefix('-') {
            stats.patterns_read += 1;
            let (body, code) = split_code(p);
            b.patterns.push((body.to_string(), code.map(String::from)));
        } else if t.starts_with('~') {
            stats.patterns_read += 1;
            stats.patterns_skipped += 1;
        } else if let Some(v) = parse_verb_line(t, false) {
            b.verbs.push(v);
        }
    }
    if let Some(b) = block.take() {
        flush_block(b, &synsets, out, stats, false);
    }
}

fn convert_tabari_verbs(text: &str, out: &mut PatternOut<'_>, stats: &mut ConvertStats) {
    let synsets = HashMap::new();
    let mut block: Option<Block> = None;
    for raw in text.lines() {
        let line = strip_comment(raw);
        let t = line.trim();
        if t.is_empty() || t.starts_with('~') || t.starts_with('<') {
            continue;
        }
        if let Some(p) = t.strip_prefix('-') {
            stats.patterns_read += 1;
            let (body, code) = split_code(p);
            match block.as_mut() {
                Some(b) => b.patterns.push((body.to_string(), code.map(String::from))),
                None => stats.patterns_skipped += 1,
            }
            continue;
        }
        if !t.starts_with(|c: char| c.is_ascii_alphabetic()) || raw.starts_with([' ', '\t']) {
            if t.contains('*') {
                stats.patterns_read += 1;
                stats.patterns_skipped += 1;
            }
            continue;
        }
        if let Some(b) = block.take() {
            flush_block(b, &synsets, out, stats, true);
        }
        if let Some(v) = parse_verb_line(t, true) {
            block = Some(Block { code: None, verbs: vec![v], patterns: Vec::new() });
        }
    }
    if let Some(b) = block.take() {
        flush_block(b, &synsets, out, stats, true);
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use crate::{Dictionary, PTok};

    fn write_dir(name: &str, files: &[(&str, &str)]) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("annalist-peer-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        for (n, c) in files {
            std::fs::write(dir.join(n), c).unwrap();
        }
        dir
    }

    const ACTORS: &str = "# test actors\nFREEDONIA_  [FRD]\n+FREEDONIAN\n+FREEDONIANS_\n+FRED_CITY\n\nFREEDONIAN_ARMY\n+FREEDONIAN_DEFENCE_FORCE\n\t[FRDMIL]\nRUFUS_T._FIREFLY_  # a leader\n\t[FRDELI 320101-331108]\n\t[FRDGOV >331108]\n\t[ELI]\nUNITED_NATIONS_ [IGOUNO]\nUN_ [IGOUNO]\nNOBODY_IN_PARTICULAR\n";

    #[test]
    fn actors_become_countries_orgs_and_persons() {
        let entries = parse_actor_file(ACTORS);
        assert_eq!(entries.len(), 6);
        assert_eq!(entries[2].codes.len(), 3);
        assert_eq!(entries[2].codes[1].from, NaiveDate::from_ymd_opt(1933, 11, 8));
        let known: HashSet<String> = ["FRD".to_string()].into_iter().collect();
        let mut stats = ConvertStats::default();
        let files = actors_to_toml(&entries, &known, &mut stats);
        assert_eq!((stats.countries, stats.orgs, stats.persons, stats.actors_skipped), (1, 3, 1, 1));
        let all: String = files.iter().map(|(_, c)| c.as_str()).collect();
        let f: crate::actors::ActorFile = toml::from_str(&all).unwrap();
        let c = &f.country[0];
        assert_eq!(c.code, "FRD");
        assert!(c.names.contains(&"Freedonia".to_string()) && c.names.contains(&"Fred City".to_string()), "{c:?}");
        assert_eq!(c.adjectives, vec!["Freedonian".to_string(), "FREEDONIAN".to_string()]);
        assert!(c.demonyms.contains(&"Freedonians".to_string()));
        assert_eq!(f.org[0].code, "FRDMIL");
        assert_eq!(f.org[0].country, "FRD");
        assert!(f.org[0].names.contains(&"Freedonian Defence Force".to_string()));
        assert!(f.org[2].names.contains(&"UN".to_string()));
        let p = &f.person[0];
        assert_eq!(p.name, "Rufus T. Firefly");
        assert_eq!(p.roles.len(), 2, "the bare role ELI is dropped: {:?}", p.roles);
        assert_eq!(p.roles[1].from.as_deref(), Some("1933-11-08"));
    }

    #[test]
    fn names_are_title_cased() {
        assert_eq!(proper_forms("ISLAMIC_REPUBLIC_OF_AFGHANISTAN")[0], "Islamic Republic of Afghanistan");
        assert!(proper_forms("BASHAR_AL-ASSAD_").contains(&"Bashar al-Assad".to_string()));
        assert!(proper_forms("BAN_KI-MOON").contains(&"Ban Ki-moon".to_string()));
        assert!(proper_forms("INDIAN_UN_PEACEKEEPER").contains(&"Indian UN Peacekeeper".to_string()));
        assert_eq!(proper_forms("IRAN_"), vec!["Iran".to_string(), "IRAN".to_string()]);
        assert_eq!(proper_forms("U.S."), vec!["U.S.".to_string()]);
        assert!(proper_forms("CAF\u{e9}").is_empty());
    }

    #[test]
    fn agents_expand_substitutions_and_plurals() {
        let mut stats = ConvertStats::default();
        let text = "!PERSON! = MAN, MEN\nFARMER [~AGR]\nCATTLE!PERSON! [~AGR]\nTHIEF {THIEVES} [~CRM]\nTROOP_ [~MIL]\nBROKEN [~X}\n".to_string();
        let toml_text = agents_to_toml(&[text], &mut stats);
        let f: crate::actors::ActorFile = toml::from_str(&toml_text).unwrap();
        let agr = f.agent.iter().find(|a| a.role == "AGR").unwrap();
        assert_eq!(agr.terms, vec!["farmer", "cattleman", "cattlemen"]);
        let crm = f.agent.iter().find(|a| a.role == "CRM").unwrap();
        assert_eq!(crm.terms, vec!["thief", "thieves"]);
        assert_eq!((stats.agents, stats.agents_skipped), (6, 1));
    }

    fn pattern_texts(text: &str) -> Vec<(String, String)> {
        let mut errs = Vec::new();
        let ps = crate::patterns::parse_pattern_file("verbs/peer.txt", text, &mut errs);
        assert!(errs.is_empty(), "{errs:?}");
        ps.into_iter().map(|p| (p.code, p.text)).collect()
    }

    #[test]
    fn petrarch_verbs_convert() {
        let cameo_tsv = Sources::embedded().files.into_iter().find(|(p, _)| p == "cameo.tsv").unwrap().1;
        let cameo = CameoTable::parse(&cameo_tsv).unwrap();
        let mut out = PatternOut::new(&cameo);
        let mut stats = ConvertStats::default();
        let text = "&WEAPON\n+GUN\n+ROCKET_LAUNCHER\n\n####### VERB PATTERNS #######\n\n--- ATTACK [190] ---\nATTACK\nASSAIL {ASSAILED}\n+STRIKE_AT [---]\n- * &WEAPON (ON +) [194] # test\n- * OF + [112]\n- &WEAPON * [195]\n- * TALKS [---]\n- $ * (IN ^) (WITH) [046:046]\n~ a (a b ATTACK) SAY = a b 015\n\n--- ASK [---] ---\n+ASK_FOR {+ASKED_FOR} [020]\nQUERY [090]\n- % * + [020]\n";
        convert_petrarch_verbs(text, &mut out, &mut stats);
        let got = pattern_texts(&out.finish(&mut stats));
        let has = |c: &str, t: &str| got.iter().any(|(gc, gt)| gc == c && gt == t);
        assert!(has("190", "attack"), "{got:?}");
        assert!(has("190", "assail"), "{got:?}");
        assert!(has("194", "attack|assail * gun * on +"), "{got:?}");
        assert!(has("194", "attack|assail * rocket launcher * on +"), "{got:?}");
        assert!(has("112", "attack|assail * of +"), "{got:?}");
        assert!(has("046", "attack|assail * in * with"), "{got:?}");
        assert!(has("020", "ask for"), "{got:?}");
        assert!(!got.iter().any(|(_, t)| t == "strike at"), "an explicit null code: {got:?}");
        assert!(has("090", "query"), "{got:?}");
        assert_eq!(stats.patterns_read, 7);
        // pre-verb words, a null code, a transformation, a compound actor
        assert_eq!(stats.patterns_skipped, 4);
        assert_eq!(stats.verbs, 5);
    }

    #[test]
    fn tabari_verbs_convert() {
        let cameo_tsv = Sources::embedded().files.into_iter().find(|(p, _)| p == "cameo.tsv").unwrap().1;
        let cameo = CameoTable::parse(&cameo_tsv).unwrap();
        let mut out = PatternOut::new(&cameo);
        let mut stats = ConvertStats::default();
        let text = "ABDUCT  [181] ;shan\n- + * BY_ $  [181]\n- * OF_ + IN_ $  [181] ;JON\nACCUS  [112]\n- *_OF_ SPYING FOR_ +  [1125]\n- + IN_ $ { WAS | WERE } *  [181]\n- * { WAR CRIMES | ABUSES }  [1122]\n- * PLAN_ [---]\nANGERED_BY  [110]\n";
        convert_tabari_verbs(text, &mut out, &mut stats);
        let got = pattern_texts(&out.finish(&mut stats));
        let has = |c: &str, t: &str| got.iter().any(|(gc, gt)| gc == c && gt == t);
        assert!(has("181", "abduct * of * + * in $"), "{got:?}");
        assert!(has("112", "accus"), "{got:?}");
        assert!(has("1125", "accus of * spying * for +"), "{got:?}");
        assert!(has("1122", "accus * abuses"), "{got:?}");
        assert!(has("1122", "accus * war crimes"), "{got:?}");
        assert!(has("110", "angered by"), "{got:?}");
        assert_eq!(stats.patterns_read, 6);
        assert_eq!(stats.patterns_skipped, 3);
    }

    #[test]
    fn petrarch_folder_loads_and_codes_anchors() {
        let dir = write_dir(
            "petr",
            &[
                ("PETR_config.ini", "[Dictionaries]\nverbfile_name = V.txt\nactorfile_list = A.actors.txt\nagentfile_name = G.txt\n"),
                ("A.actors.txt", ACTORS),
                ("G.txt", "TROOP [~MIL]\n"),
                ("V.txt", "--- ATTACK [190] ---\nATTACK\n- * OF + [112]\n"),
                ("ignored.actors.txt", "SHOULD_NOT_LOAD [SNL]\n"),
            ],
        );
        let (sources, stats) = petrarch_sources(&dir).unwrap();
        let _ = std::fs::remove_dir_all(&dir);
        assert_eq!(stats.agents, 1);
        assert_eq!(stats.orgs + stats.countries + stats.persons, 5, "{stats}");
        let dict = Dictionary::parse(&sources).unwrap();
        assert_eq!(dict.agents[0].role, "MIL");
        assert!(dict.patterns.iter().any(|p| p.code == "112" && p.tokens.contains(&PTok::Target)));
        assert!(stats.to_string().contains("patterns 1 read, 0 skipped, 2 lines written"), "{stats}");
    }

    #[test]
    fn tabari_folder_loads() {
        let dir = write_dir(
            "tab",
            &[
                ("x.actors", "FREEDONIA_ [FRD] ; comment\nSYLVANIA_ [SYL]\n"),
                ("x.agents", "SOLDIER_ [~MIL]\n"),
                ("x.verbs", "ATTACK_ [190]\n- * AGAINST_ + [190]\n"),
            ],
        );
        let (sources, stats) = tabari_sources(&dir).unwrap();
        let _ = std::fs::remove_dir_all(&dir);
        let dict = Dictionary::parse(&sources).unwrap();
        assert!(!dict.cameo.is_empty());
        // Neither code is a known country: both are organisations.
        assert_eq!((stats.countries, stats.orgs), (0, 2));
        assert_eq!(dict.patterns.len(), 2);
        assert!(tabari_sources(Path::new("/nonexistent/annalist")).is_err());
    }
}
