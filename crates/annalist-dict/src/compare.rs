//! `annalist dict compare`: our dictionaries beside the PETRARCH/Phoenix ones.
//!
//! The peer files are read in place (`<peer>/petrarch2/Phoenix.*.actors.txt`,
//! `Phoenix.agents.txt`, `CAMEO.2.0.txt`); nothing of them is copied. Their syntax, as far as
//! this report needs it:
//!
//! - **actors** (TABARI/PETRARCH): an entry line `NAME_WITH_UNDERSCORES [CODE] # comment`,
//!   synonym lines `+OTHER_NAME`, and code lines (indented, or on the entry line)
//!   `[CODE]`, `[CODE >YYMMDD]` (from), `[CODE <YYMMDD]` (until) or `[CODE D1-D2]`; dates are
//!   `YYMMDD` (years before 30 are 20xx) or `YYYYMMDD`.
//! - **agents**: `TERM [~CODE]`, with `!PERSON! = MAN, MEN, ...` macros expanding a term.
//! - **verbs**: blocks `--- VERB [CODE] ---`, then verb lines (`VERB {FORMS} [CODE]`, the
//!   block's code when none) and pattern lines `- * WORDS [CODE]` or `[CODE:CODE]` (an event
//!   each way); synonym sets (`&SET`) before the first block and transformations (`~`) after
//!   `####### TRANSFORMATIONS` are not patterns.
//!
//! Counting rules are stated in the report itself.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{Datelike as _, NaiveDate};

use crate::Dictionary;

/// The peer files read, relative to the `petrarch2/` folder.
pub const PEER_FILES: [&str; 5] =
    [COUNTRIES_FILE, INTERNATIONAL_FILE, MILNONSTATE_FILE, AGENTS_FILE, VERBS_FILE];
const COUNTRIES_FILE: &str = "Phoenix.Countries.actors.txt";
const INTERNATIONAL_FILE: &str = "Phoenix.International.actors.txt";
const MILNONSTATE_FILE: &str = "Phoenix.MilNonState.actors.txt";
const AGENTS_FILE: &str = "Phoenix.agents.txt";
const VERBS_FILE: &str = "CAMEO.2.0.txt";

/// ISO 3166-1 alpha-3, all 249 officially assigned codes.
const ISO3: &str = "ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN \
BES BFA BGD BGR BHR BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN CIV \
CMR COD COG COK COL COM CPV CRI CUB CUW CXR CYM CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY ERI ESH ESP \
EST ETH FIN FJI FLK FRA FRO FSM GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM \
GUY HKG HMD HND HRV HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR JPN KAZ KEN KGZ KHM \
KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAC MAF MAR MCO MDA MDG MDV MEX MHL MKD \
MLI MLT MMR MNE MNG MNP MOZ MRT MSR MTQ MUS MWI MYS MYT NAM NCL NER NFK NGA NIC NIU NLD NOR NPL NRU \
NZL OMN PAK PAN PCN PER PHL PLW PNG POL PRI PRK PRT PRY PSE PYF QAT REU ROU RUS RWA SAU SDN SEN SGP \
SGS SHN SJM SLB SLE SLV SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR TCA TCD TGO THA TJK \
TKL TKM TLS TON TTO TUN TUR TUV TWN TZA UGA UKR UMI URY USA UZB VAT VCT VEN VGB VIR VNM VUT WLF WSM \
YEM ZAF ZMB ZWE";

/// The G20 member states (the EU and AU are not countries) and the P5, all within the G20.
const G20_P5: [&str; 19] = [
    "ARG", "AUS", "BRA", "CAN", "CHN", "DEU", "FRA", "GBR", "IDN", "IND", "ITA", "JPN", "KOR",
    "MEX", "RUS", "SAU", "TUR", "USA", "ZAF",
];

/// Three-letter codes that are roles or sectors, not countries, when they stand alone.
const NOT_COUNTRY: [&str; 8] = ["---", "ELI", "IGO", "NGO", "IMG", "MNC", "UIS", "INT"];

/// Well-known leaders and officials 1990-2026: (shown as, name forms, code prefix).
/// A side covers one when a person entry has one of the forms (as whole words) in a name or
/// alias and a role code starting with the prefix.
const LEADERS: &[(&str, &[&str], &str)] = &[
    ("Bill Clinton", &["bill clinton", "william jefferson clinton"], "USA"),
    ("George W. Bush", &["george w bush", "george walker bush"], "USA"),
    ("Barack Obama", &["barack obama", "barack hussein obama"], "USA"),
    ("Donald Trump", &["donald trump", "donald j trump"], "USA"),
    ("Joe Biden", &["joe biden", "joseph biden", "joseph r biden"], "USA"),
    ("Hillary Clinton", &["hillary clinton", "hillary rodham clinton"], "USA"),
    ("John Kerry", &["john kerry", "john forbes kerry"], "USA"),
    ("Antony Blinken", &["antony blinken"], "USA"),
    ("Boris Yeltsin", &["boris yeltsin", "boris nikolayevich yeltsin"], "RUS"),
    ("Vladimir Putin", &["vladimir putin"], "RUS"),
    ("Dmitry Medvedev", &["dmitry medvedev", "dmitri medvedev", "dmitriy medvedev"], "RUS"),
    ("Sergei Lavrov", &["sergei lavrov", "sergey lavrov"], "RUS"),
    ("Jiang Zemin", &["jiang zemin"], "CHN"),
    ("Hu Jintao", &["hu jintao"], "CHN"),
    ("Xi Jinping", &["xi jinping"], "CHN"),
    ("Li Keqiang", &["li keqiang"], "CHN"),
    ("Wang Yi", &["wang yi"], "CHN"),
    ("Tony Blair", &["tony blair", "anthony blair"], "GBR"),
    ("Gordon Brown", &["gordon brown"], "GBR"),
    ("David Cameron", &["david cameron"], "GBR"),
    ("Theresa May", &["theresa may"], "GBR"),
    ("Boris Johnson", &["boris johnson"], "GBR"),
    ("Keir Starmer", &["keir starmer"], "GBR"),
    ("Jacques Chirac", &["jacques chirac"], "FRA"),
    ("Nicolas Sarkozy", &["nicolas sarkozy"], "FRA"),
    ("Francois Hollande", &["francois hollande"], "FRA"),
    ("Emmanuel Macron", &["emmanuel macron"], "FRA"),
    ("Gerhard Schroeder", &["gerhard schroeder", "gerhard schroder"], "DEU"),
    ("Angela Merkel", &["angela merkel"], "DEU"),
    ("Olaf Scholz", &["olaf scholz"], "DEU"),
    ("Manmohan Singh", &["manmohan singh"], "IND"),
    ("Narendra Modi", &["narendra modi"], "IND"),
    ("Shinzo Abe", &["shinzo abe"], "JPN"),
    ("Fumio Kishida", &["fumio kishida"], "JPN"),
    ("Lula da Silva", &["luiz inacio lula da silva", "lula da silva"], "BRA"),
    ("Dilma Rousseff", &["dilma rousseff"], "BRA"),
    ("Jair Bolsonaro", &["jair bolsonaro"], "BRA"),
    ("Recep Tayyip Erdogan", &["recep tayyip erdogan", "tayyip erdogan"], "TUR"),
    ("Mohammed bin Salman", &["mohammed bin salman", "muhammad bin salman"], "SAU"),
    ("Nelson Mandela", &["nelson mandela"], "ZAF"),
    ("Jacob Zuma", &["jacob zuma"], "ZAF"),
    ("Cyril Ramaphosa", &["cyril ramaphosa"], "ZAF"),
    ("Joko Widodo", &["joko widodo"], "IDN"),
    ("Moon Jae-in", &["moon jae in"], "KOR"),
    ("Andres Manuel Lopez Obrador", &["lopez obrador"], "MEX"),
    ("Justin Trudeau", &["justin trudeau"], "CAN"),
    ("Silvio Berlusconi", &["silvio berlusconi"], "ITA"),
    ("Giorgia Meloni", &["giorgia meloni"], "ITA"),
    ("Benjamin Netanyahu", &["benjamin netanyahu"], "ISR"),
    ("Ali Khamenei", &["ali khamenei"], "IRN"),
    ("Mahmoud Ahmadinejad", &["mahmoud ahmadinejad"], "IRN"),
    ("Hassan Rouhani", &["hassan rouhani", "hasan rowhani", "hassan rowhani"], "IRN"),
    ("Bashar al-Assad", &["bashar al assad", "bashar assad"], "SYR"),
    (
        "Volodymyr Zelensky",
        &["volodymyr zelensky", "volodymyr zelenskyy", "volodymyr zelenskiy"],
        "UKR",
    ),
    ("Kim Jong Un", &["kim jong un"], "PRK"),
    ("Hosni Mubarak", &["hosni mubarak"], "EGY"),
    (
        "Abdel Fattah al-Sisi",
        &["abdel fattah al sisi", "abdel fattah el sisi", "abdel fattah sisi"],
        "EGY",
    ),
    (
        "Muammar Gaddafi",
        &["muammar gaddafi", "muammar qaddafi", "moammar gadhafi", "muammar al qaddafi"],
        "LBY",
    ),
    ("Saddam Hussein", &["saddam hussein"], "IRQ"),
    ("Kofi Annan", &["kofi annan"], "IGO"),
    ("Ban Ki-moon", &["ban ki moon"], "IGO"),
    ("Antonio Guterres", &["antonio guterres"], "IGO"),
    ("Jens Stoltenberg", &["jens stoltenberg"], "IGO"),
    ("Ursula von der Leyen", &["ursula von der leyen"], "IGO"),
];

/// Organisations and groups named in the knowledge-base issue: (shown as, name forms).
/// A side covers one when an organisation or group entry has one of the forms as a name.
const NAMED_ORGS: &[(&str, &[&str])] = &[
    ("United Nations", &["united nations"]),
    (
        "UN Security Council",
        &["un security council", "security council", "united nations security council"],
    ),
    (
        "UN General Assembly",
        &["un general assembly", "united nations general assembly", "general assembly"],
    ),
    ("UNHCR", &["unhcr"]),
    ("WFP", &["world food programme", "world food program", "wfp"]),
    ("UNICEF", &["unicef"]),
    ("IAEA", &["iaea", "international atomic energy agency"]),
    ("WHO", &["world health organization", "world health organisation"]),
    ("OCHA", &["ocha", "office for the coordination of humanitarian affairs"]),
    ("European Union", &["european union"]),
    ("NATO", &["nato", "north atlantic treaty organization"]),
    ("African Union", &["african union", "au"]),
    ("Arab League", &["arab league", "league of arab states"]),
    ("GCC", &["gulf cooperation council", "gcc"]),
    ("ASEAN", &["asean", "association of southeast asian nations"]),
    ("OPEC", &["opec"]),
    ("ECOWAS", &["ecowas", "economic community of west african states"]),
    ("SADC", &["sadc", "southern african development community"]),
    ("IGAD", &["igad", "intergovernmental authority on development"]),
    ("SCO", &["shanghai cooperation organization", "shanghai cooperation organisation"]),
    ("BRICS", &["brics"]),
    ("G7", &["g7", "g 7", "group of seven"]),
    ("G20", &["g20", "g 20", "group of 20", "group of twenty"]),
    (
        "OSCE",
        &[
            "osce",
            "organization for security and cooperation in europe",
            "organization for security and co operation in europe",
        ],
    ),
    ("OAS", &["organization of american states"]),
    ("ICC", &["international criminal court", "icc"]),
    ("IMF", &["imf", "international monetary fund"]),
    ("World Bank", &["world bank"]),
    ("ICRC / Red Cross", &["icrc", "international committee of the red cross", "red cross"]),
    ("MSF", &["medecins sans frontieres", "doctors without borders", "msf"]),
    ("Amnesty International", &["amnesty international"]),
    ("Human Rights Watch", &["human rights watch"]),
    ("Hezbollah", &["hezbollah", "hizbollah", "hizballah"]),
    ("Hamas", &["hamas"]),
    ("Taliban", &["taliban"]),
    ("al-Qaeda", &["al qaeda", "al qaida", "al qa ida"]),
    (
        "Islamic State",
        &[
            "islamic state",
            "isis",
            "isil",
            "daesh",
            "islamic state of iraq and the levant",
            "islamic state of iraq and syria",
        ],
    ),
    ("al-Shabaab", &["al shabaab", "al shabab", "shabaab"]),
    ("Boko Haram", &["boko haram"]),
    ("FARC", &["farc", "revolutionary armed forces of colombia"]),
    ("ELN", &["eln", "national liberation army", "national liberation army colombia"]),
    ("PKK", &["pkk", "kurdistan workers party", "kurdistan workers' party"]),
    ("Houthis", &["houthis", "houthi", "ansar allah", "ansarallah"]),
    ("Free Syrian Army", &["free syrian army"]),
    ("Hayat Tahrir al-Sham", &["hayat tahrir al sham", "hts"]),
    ("M23", &["m23", "march 23 movement"]),
    ("Wagner Group", &["wagner group", "wagner"]),
    ("Rapid Support Forces", &["rapid support forces", "rsf"]),
];

/// What one side covers: the headline numbers of the report.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Side {
    /// Country codes (ISO 3166-1 or other three-letter country codes).
    pub countries: usize,
    /// Of which ISO 3166-1 alpha-3.
    pub iso_countries: usize,
    /// Person-like entries with at least one date-restricted code.
    pub dated_persons: usize,
    /// Of which with a term running past 2015-12-31 (explicitly dated, or open-ended).
    pub persons_after_2015: usize,
    /// Of which with a term starting after 2015-12-31.
    pub persons_from_2016: usize,
    /// International organisations, NGOs and other organisation entries.
    pub orgs: usize,
    /// Non-state armed and political groups.
    pub groups: usize,
    /// Agent terms (surface forms after macro expansion on the peer side).
    pub agent_terms: usize,
    /// Event patterns.
    pub patterns: usize,
    /// CAMEO codes (of our code table) with at least 1 and at least 3 patterns.
    pub codes_1: usize,
    pub codes_3: usize,
}

/// What each side covers.
#[derive(Clone, Debug, Default)]
pub struct CompareReport {
    pub markdown: String,
    pub ours: Side,
    /// Zero where the peer file needed is missing.
    pub theirs: Side,
    /// Peer files that were not found (names relative to `petrarch2/`).
    pub missing: Vec<String>,
}

/// Compares `ours` with the peer dictionaries in `peer_dir` (the folder holding
/// `petrarch2/`; the `petrarch2/` folder itself is accepted too).
///
/// # Errors
/// When a peer file exists but cannot be read. Missing files are listed in the report.
pub fn compare(ours: &Dictionary, peer_dir: &Path) -> io::Result<CompareReport> {
    let dir = peer_folder(peer_dir);
    let mut peer = Peer::default();
    let mut missing = Vec::new();
    for name in PEER_FILES {
        let Some(text) = read_peer(&dir.join(name))? else {
            missing.push(name.to_string());
            continue;
        };
        match name {
            AGENTS_FILE => peer.agents = Some(parse_agents(&text)),
            VERBS_FILE => peer.verbs = Some(parse_verbs(&text)),
            _ => peer.actors.push((name, parse_actors(&text))),
        }
    }
    peer.missing.clone_from(&missing);
    let mut r = Report::new(ours, &peer, &dir);
    r.write_all();
    Ok(CompareReport { markdown: r.out, ours: r.ours_side, theirs: r.theirs_side, missing })
}

fn peer_folder(peer_dir: &Path) -> PathBuf {
    let sub = peer_dir.join("petrarch2");
    if !sub.is_dir() && PEER_FILES.iter().any(|f| peer_dir.join(f).is_file()) {
        peer_dir.to_path_buf()
    } else {
        sub
    }
}

fn read_peer(path: &Path) -> io::Result<Option<String>> {
    match std::fs::read(path) {
        // Some peer files carry stray non-UTF-8 bytes (mis-encoded accents).
        Ok(bytes) => Ok(Some(String::from_utf8_lossy(&bytes).into_owned())),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(io::Error::new(e.kind(), format!("{}: {e}", path.display()))),
    }
}

// ---------------------------------------------------------------------------------------------
// Peer files

/// One code of a peer actor entry, with its date restriction.
#[derive(Clone, Debug, PartialEq, Eq)]
struct PeerCode {
    code: String,
    from: Option<NaiveDate>,
    until: Option<NaiveDate>,
    /// Written with a date restriction (even one whose date could not be read).
    dated: bool,
}

/// One actor entry: its headword, `+` synonyms, and codes.
#[derive(Clone, Debug, Default)]
struct PeerActor {
    names: Vec<String>,
    codes: Vec<PeerCode>,
}

/// A peer date, `YYMMDD` or `YYYYMMDD`.
fn peer_date(s: &str) -> Option<NaiveDate> {
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (y, rest) = match s.len() {
        8 => (s[..4].parse::<i32>().ok()?, &s[4..]),
        6 => {
            let yy = s[..2].parse::<i32>().ok()?;
            (if yy < 30 { 2000 + yy } else { 1900 + yy }, &s[2..])
        }
        _ => return None,
    };
    NaiveDate::from_ymd_opt(y, rest[..2].parse().ok()?, rest[2..].parse().ok()?)
}

/// Every `[...]` on a line, as codes.
fn bracket_codes(line: &str) -> Vec<PeerCode> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let Some(close) = after.find(']') else { break };
        let inner = after[..close].trim();
        rest = &after[close + 1..];
        let mut parts = inner.split_whitespace();
        let Some(code) = parts.next() else { continue };
        let spec: String = parts.collect();
        let (mut from, mut until) = (None, None);
        if let Some(d) = spec.strip_prefix('>') {
            from = peer_date(d);
        } else if let Some(d) = spec.strip_prefix('<') {
            until = peer_date(d);
        } else if let Some((a, b)) = spec.split_once('-') {
            from = peer_date(a);
            until = peer_date(b);
        }
        out.push(PeerCode { code: code.to_string(), from, until, dated: !spec.is_empty() });
    }
    out
}

/// The name part of an entry or synonym line: what comes before the first `[`.
fn line_name(s: &str) -> String {
    s.split('[').next().unwrap_or("").trim().to_string()
}

fn parse_actors(text: &str) -> Vec<PeerActor> {
    let mut out: Vec<PeerActor> = Vec::new();
    for raw in text.lines() {
        let line = raw.split('#').next().unwrap_or("");
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        if t.starts_with('[') {
            if let Some(cur) = out.last_mut() {
                cur.codes.extend(bracket_codes(t));
            }
        } else if let Some(syn) = t.strip_prefix('+') {
            if let Some(cur) = out.last_mut() {
                let name = line_name(syn);
                if !name.is_empty() {
                    cur.names.push(name);
                }
                cur.codes.extend(bracket_codes(syn));
            }
        } else {
            let codes = bracket_codes(t);
            match out.last_mut() {
                // Consecutive entry lines without codes share the codes that follow them
                // (`BORIS_YELTSIN_` / `BORIS_N._YELTSIN` / `PRESIDENT_YELTSIN` / `[RUSGOV ...]`).
                Some(cur) if codes.is_empty() && cur.codes.is_empty() => {
                    cur.names.push(line_name(t))
                }
                _ => out.push(PeerActor { names: vec![line_name(t)], codes }),
            }
        }
    }
    out
}

/// Peer agent entries: (surface forms after macro expansion, code without `~`).
fn parse_agents(text: &str) -> Vec<(Vec<String>, String)> {
    let mut macros: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut out = Vec::new();
    for raw in text.lines() {
        let t = raw.split('#').next().unwrap_or("").trim();
        if t.is_empty() {
            continue;
        }
        if t.starts_with('!') && !t.contains('[') {
            if let Some((name, forms)) = t.split_once('=') {
                let forms = forms
                    .split(',')
                    .map(|f| f.trim().to_string())
                    .filter(|f| !f.is_empty())
                    .collect();
                macros.insert(name.trim().to_string(), forms);
            }
            continue;
        }
        let Some((term, rest)) = t.split_once('[') else { continue };
        // A few codes carry typos (`[~ENV}`, `[~IGO~]`): letters only.
        let code: String = rest
            .split(']')
            .next()
            .unwrap_or("")
            .chars()
            .filter(char::is_ascii_alphabetic)
            .collect();
        let mut forms = vec![term.trim().to_string()];
        for (name, subs) in &macros {
            if forms.iter().any(|f| f.contains(name.as_str())) {
                forms = forms
                    .iter()
                    .flat_map(|f| subs.iter().map(move |s| f.replace(name.as_str(), s)))
                    .collect();
            }
        }
        if !forms[0].is_empty() {
            out.push((forms, code));
        }
    }
    out
}

/// Peer verb patterns, counted per CAMEO code.
#[derive(Clone, Debug, Default)]
struct PeerVerbs {
    /// `- ...` pattern lines per code.
    patterns: BTreeMap<String, usize>,
    /// Verb lines (a bare verb) per code: their own code or their block's.
    verbs: BTreeMap<String, usize>,
    blocks: usize,
}

impl PeerVerbs {
    fn total(&self, code: &str) -> usize {
        self.patterns.get(code).copied().unwrap_or(0) + self.verbs.get(code).copied().unwrap_or(0)
    }

    fn codes(&self) -> BTreeSet<&str> {
        self.patterns.keys().chain(self.verbs.keys()).map(String::as_str).collect()
    }
}

/// The CAMEO codes in `[...]`: `[042:043]` is two events, `[:043]` only the reverse one.
fn verb_codes(line: &str) -> Option<Vec<String>> {
    let open = line.rfind('[')?;
    let inner = line[open + 1..].split(']').next()?;
    Some(
        inner
            .split(':')
            .map(|c| c.trim().trim_end_matches('!').to_string())
            .filter(|c| !c.is_empty() && c.bytes().all(|b| b.is_ascii_digit()))
            .collect(),
    )
}

fn parse_verbs(text: &str) -> PeerVerbs {
    let mut v = PeerVerbs::default();
    let mut block: Option<Vec<String>> = None;
    for raw in text.lines() {
        let t = raw.split('#').next().unwrap_or("").trim();
        if raw.starts_with("####") && raw.contains("TRANSFORMATIONS") {
            break;
        }
        if t.is_empty() {
            continue;
        }
        if t.starts_with("---") {
            // --- VERB [CODE] ---
            let inner = t.trim_start_matches('-').trim_end_matches('-');
            block = Some(verb_codes(inner).unwrap_or_default());
            v.blocks += 1;
            continue;
        }
        let Some(block_codes) = &block else { continue };
        if t.starts_with('-') {
            for c in verb_codes(t).unwrap_or_default() {
                *v.patterns.entry(c).or_default() += 1;
            }
        } else if !t.starts_with('~') && !t.starts_with('&') {
            let codes = if t.contains('[') {
                verb_codes(t).unwrap_or_default()
            } else {
                block_codes.clone()
            };
            for c in codes {
                *v.verbs.entry(c).or_default() += 1;
            }
        }
    }
    v
}

#[derive(Default)]
struct Peer {
    /// (file, entries) for each actor file found.
    actors: Vec<(&'static str, Vec<PeerActor>)>,
    agents: Option<Vec<(Vec<String>, String)>>,
    verbs: Option<PeerVerbs>,
    missing: Vec<String>,
}

// ---------------------------------------------------------------------------------------------
// Helpers shared by both sides

/// Names compared across sides: lower case, `_ - . '` as spaces, words single-spaced.
fn norm(s: &str) -> String {
    s.chars()
        .map(|c| {
            if matches!(c, '_' | '-' | '.' | '\'' | ',' | '(' | ')') {
                ' '
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `needle` occurs in `hay` as whole words (both normalised).
fn has_words(hay: &str, needle: &str) -> bool {
    let h = format!(" {hay} ");
    h.contains(&format!(" {needle} "))
}

fn is_country_code(code: &str, iso: &BTreeSet<&str>) -> bool {
    code.len() == 3
        && code.bytes().all(|b| b.is_ascii_uppercase())
        && (iso.contains(code) || !NOT_COUNTRY.contains(&code))
}

/// Words that make a dated entry an institution or group rather than a person.
const INSTITUTION_WORDS: &[&str] = &[
    "agency",
    "alliance",
    "army",
    "assembly",
    "association",
    "authority",
    "bank",
    "battalion",
    "board",
    "brigade",
    "brigades",
    "bureau",
    "command",
    "commission",
    "committee",
    "company",
    "congress",
    "corporation",
    "corps",
    "council",
    "court",
    "department",
    "division",
    "federation",
    "force",
    "forces",
    "front",
    "fund",
    "government",
    "group",
    "guard",
    "institute",
    "league",
    "militia",
    "ministry",
    "movement",
    "network",
    "office",
    "organisation",
    "organization",
    "parliament",
    "party",
    "police",
    "regiment",
    "republic",
    "service",
    "services",
    "state",
    "union",
    "university",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PeerKind {
    /// Carries a bare country code.
    Country,
    /// A date-restricted code, and no institution word in the headword.
    Person,
    /// Organisations, groups, institutions (dated or not).
    Other,
}

fn peer_kind(a: &PeerActor, iso: &BTreeSet<&str>) -> PeerKind {
    if a.codes.iter().any(|c| is_country_code(&c.code, iso)) {
        return PeerKind::Country;
    }
    let head = a.names.first().map(|n| norm(n)).unwrap_or_default();
    let institution = head.split(' ').any(|w| INSTITUTION_WORDS.contains(&w));
    if !institution && a.codes.iter().any(|c| c.dated && c.code != "---") {
        PeerKind::Person
    } else {
        PeerKind::Other
    }
}

/// A role title for a head of state or government: "president", "prime minister, ...",
/// "chancellor" (not "presidential envoy", not "chancellor of the exchequer").
fn is_head_title(t: &str) -> bool {
    !t.starts_with("chancellor of the exchequer")
        && ["president", "prime minister", "chancellor"].iter().any(|p| {
            t.strip_prefix(p)
                .is_some_and(|rest| !rest.starts_with(|c: char| c.is_ascii_alphanumeric()))
        })
}

fn end_2015() -> NaiveDate {
    NaiveDate::from_ymd_opt(2015, 12, 31).unwrap_or_default()
}

fn join_list<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    let v: Vec<&str> = items.into_iter().collect();
    if v.is_empty() {
        "(none)".to_string()
    } else {
        v.join(" ")
    }
}

/// A person as both sides see it for matching: normalised names, country prefixes of codes.
struct PersonView {
    names: Vec<String>,
    prefixes: BTreeSet<String>,
}

impl PersonView {
    fn matches(&self, forms: &[&str], prefix: &str) -> bool {
        self.prefixes.contains(prefix)
            && self.names.iter().any(|n| forms.iter().any(|f| has_words(n, f)))
    }
}

/// One peer person-like entry.
struct PeerPerson<'a> {
    entry: &'a PeerActor,
    view: PersonView,
}

// ---------------------------------------------------------------------------------------------
// The report

struct Report<'a> {
    ours: &'a Dictionary,
    peer: &'a Peer,
    dir: &'a Path,
    iso: BTreeSet<&'static str>,
    out: String,
    ours_side: Side,
    theirs_side: Side,
}

impl<'a> Report<'a> {
    fn new(ours: &'a Dictionary, peer: &'a Peer, dir: &'a Path) -> Report<'a> {
        Report {
            ours,
            peer,
            dir,
            iso: ISO3.split_whitespace().collect(),
            out: String::new(),
            ours_side: Side::default(),
            theirs_side: Side::default(),
        }
    }

    fn line(&mut self, s: &str) {
        self.out.push_str(s);
        self.out.push('\n');
    }

    fn actor_file(&self, name: &str) -> Option<&'a [PeerActor]> {
        self.peer.actors.iter().find(|(f, _)| *f == name).map(|(_, v)| v.as_slice())
    }

    fn all_actors(&self) -> impl Iterator<Item = (&'static str, &'a PeerActor)> + 'a {
        self.peer.actors.iter().flat_map(|(f, v)| v.iter().map(move |a| (*f, a)))
    }

    fn missing_note(&mut self, files: &[&str]) -> bool {
        let miss: Vec<&str> =
            files.iter().copied().filter(|f| self.peer.missing.iter().any(|m| m == f)).collect();
        if miss.is_empty() {
            return false;
        }
        let _ = writeln!(
            self.out,
            "_Peer file(s) missing: {}; their side is incomplete or empty here._\n",
            miss.join(", ")
        );
        true
    }

    fn write_all(&mut self) {
        self.line("# annalist dictionaries vs PETRARCH2/Phoenix");
        self.line("");
        let _ = writeln!(
            self.out,
            "Ours: `dictionaries/`. Theirs: `{}` ({}), read in place.",
            self.dir.display(),
            PEER_FILES.join(", ")
        );
        if self.peer.missing.is_empty() {
            self.line("All peer files found.");
        } else {
            let _ = writeln!(self.out, "**Missing peer files:** {}.", self.peer.missing.join(", "));
        }
        self.line("");
        // Sections fill the sides' numbers; the summary goes first but is written last.
        let body_start = self.out.len();
        self.countries();
        self.persons();
        self.orgs();
        self.agents();
        self.codes();
        let body = self.out.split_off(body_start);
        self.summary();
        self.out.push_str(&body);
    }

    fn summary(&mut self) {
        let (o, t) = (self.ours_side.clone(), self.theirs_side.clone());
        self.line("## Summary");
        self.line("");
        self.line("| | ours | theirs |");
        self.line("|---|---:|---:|");
        let rows: [(&str, usize, usize); 11] = [
            ("country codes", o.countries, t.countries),
            ("of which ISO 3166-1", o.iso_countries, t.iso_countries),
            ("persons with dated roles", o.dated_persons, t.dated_persons),
            (
                "... with a term after 2015 (or open-ended)",
                o.persons_after_2015,
                t.persons_after_2015,
            ),
            ("... with a term starting after 2015", o.persons_from_2016, t.persons_from_2016),
            ("organisations", o.orgs, t.orgs),
            ("non-state groups", o.groups, t.groups),
            ("agent terms", o.agent_terms, t.agent_terms),
            ("event patterns", o.patterns, t.patterns),
            ("CAMEO codes with >=1 pattern", o.codes_1, t.codes_1),
            ("CAMEO codes with >=3 patterns", o.codes_3, t.codes_3),
        ];
        for (k, a, b) in rows {
            let _ = writeln!(self.out, "| {k} | {a} | {b} |");
        }
        self.line("");
    }

    // -- (a) countries ---------------------------------------------------------------------

    fn countries(&mut self) {
        self.line("## Countries");
        self.line("");
        self.missing_note(&[COUNTRIES_FILE]);
        let ours: BTreeSet<&str> = self.ours.countries.iter().map(|c| c.code.as_str()).collect();
        let mut theirs: BTreeSet<&str> = BTreeSet::new();
        for a in self.actor_file(COUNTRIES_FILE).unwrap_or(&[]) {
            for c in &a.codes {
                if is_country_code(&c.code, &self.iso) {
                    theirs.insert(c.code.as_str());
                }
            }
        }
        let iso = self.iso.clone();
        let o_iso = ours.iter().filter(|c| iso.contains(*c)).count();
        let t_iso = theirs.iter().filter(|c| iso.contains(*c)).count();
        self.ours_side.countries = ours.len();
        self.ours_side.iso_countries = o_iso;
        self.theirs_side.countries = theirs.len();
        self.theirs_side.iso_countries = t_iso;
        let only_ours: Vec<&str> = ours.difference(&theirs).copied().collect();
        let only_theirs: Vec<&str> = theirs.difference(&ours).copied().collect();
        let neither: Vec<&str> =
            iso.iter().copied().filter(|c| !ours.contains(c) && !theirs.contains(c)).collect();
        let non_iso =
            |s: &BTreeSet<&'a str>| join_list(s.iter().copied().filter(|c| !iso.contains(c)));
        let (non_iso_ours, non_iso_theirs) = (non_iso(&ours), non_iso(&theirs));
        self.line("Theirs: every three-letter country code on an entry of the countries file (dated codes too, e.g. a");
        self.line("state's code before independence). ISO 3166-1 alpha-3 has 249 codes.");
        self.line("");
        self.line("| | ours | theirs |");
        self.line("|---|---:|---:|");
        let _ = writeln!(self.out, "| country codes | {} | {} |", ours.len(), theirs.len());
        let _ = writeln!(self.out, "| of which ISO 3166-1 | {o_iso} | {t_iso} |");
        let _ = writeln!(self.out, "| both sides | {} | |", ours.intersection(&theirs).count());
        self.line("");
        self.line("| | codes |");
        self.line("|---|---|");
        let _ =
            writeln!(self.out, "| only ours ({}) | {} |", only_ours.len(), join_list(only_ours));
        let _ = writeln!(
            self.out,
            "| only theirs ({}) | {} |",
            only_theirs.len(),
            join_list(only_theirs)
        );
        let _ = writeln!(
            self.out,
            "| ISO codes neither covers ({}) | {} |",
            neither.len(),
            join_list(neither)
        );
        let _ = writeln!(self.out, "| our non-ISO codes | {non_iso_ours} |");
        let _ = writeln!(self.out, "| their non-ISO codes | {non_iso_theirs} |");
        self.line("");
        self.line("Their non-ISO codes are CAMEO's: former states (SUN, CSK, DDR, SCG), KSV for Kosovo (our KOS)");
        self.line("and a few others (TMP: East Timor before TLS; KNT: Kinakuta, a fictional test country). ISO codes only ours are mostly dependent territories.");
        self.line("");
    }

    // -- (b) persons -----------------------------------------------------------------------

    fn peer_persons(&self) -> Vec<PeerPerson<'a>> {
        let iso = &self.iso;
        self.all_actors()
            .map(|(_, a)| a)
            .filter(|a| peer_kind(a, iso) == PeerKind::Person)
            .map(|a| PeerPerson {
                entry: a,
                view: PersonView {
                    names: a.names.iter().map(|n| norm(n)).collect(),
                    prefixes: a
                        .codes
                        .iter()
                        .filter_map(|c| c.code.get(..3))
                        .map(str::to_string)
                        .collect(),
                },
            })
            .collect()
    }

    fn our_person_views(&self) -> Vec<PersonView> {
        self.ours
            .persons
            .iter()
            .map(|p| PersonView {
                names: std::iter::once(&p.name).chain(&p.aliases).map(|n| norm(n)).collect(),
                prefixes: p
                    .roles
                    .iter()
                    .filter_map(|r| r.code.get(..3))
                    .map(str::to_string)
                    .collect(),
            })
            .collect()
    }

    fn persons(&mut self) {
        self.line("## Leaders and other persons");
        self.line("");
        self.missing_note(&[COUNTRIES_FILE, INTERNATIONAL_FILE, MILNONSTATE_FILE]);
        let y2015 = end_2015();
        // Ours.
        let dated: Vec<&crate::Person> = self
            .ours
            .persons
            .iter()
            .filter(|p| {
                p.roles.iter().any(|r| r.from != NaiveDate::MIN || r.until != NaiveDate::MAX)
            })
            .collect();
        let o_after = dated.iter().filter(|p| p.roles.iter().any(|r| r.until > y2015)).count();
        let o_from = dated
            .iter()
            .filter(|p| p.roles.iter().any(|r| r.from > y2015 && r.from != NaiveDate::MAX))
            .count();
        let o_open =
            dated.iter().filter(|p| p.roles.iter().any(|r| r.until == NaiveDate::MAX)).count();
        // Theirs.
        let theirs = self.peer_persons();
        let t_codes =
            |p: &PeerPerson| p.entry.codes.iter().filter(|c| c.dated).cloned().collect::<Vec<_>>();
        let t_after = theirs
            .iter()
            .filter(|p| t_codes(p).iter().any(|c| c.until.map_or(c.from.is_some(), |u| u > y2015)))
            .count();
        let t_from = theirs
            .iter()
            .filter(|p| t_codes(p).iter().any(|c| c.from.is_some_and(|f| f > y2015)))
            .count();
        let t_explicit = theirs
            .iter()
            .filter(|p| {
                t_codes(p).iter().any(|c| {
                    c.until.is_some_and(|u| u > y2015) || c.from.is_some_and(|f| f > y2015)
                })
            })
            .count();
        let o_explicit = dated
            .iter()
            .filter(|p| {
                p.roles.iter().any(|r| {
                    (r.until > y2015 && r.until != NaiveDate::MAX)
                        || (r.from > y2015 && r.from != NaiveDate::MAX)
                })
            })
            .count();
        let t_open = theirs
            .iter()
            .filter(|p| t_codes(p).iter().any(|c| c.from.is_some() && c.until.is_none()))
            .count();
        let t_latest = theirs
            .iter()
            .flat_map(|p| p.entry.codes.iter().flat_map(|c| [c.from, c.until]))
            .flatten()
            .filter(|d| d.year() < 2100)
            .max();
        let o_latest = dated
            .iter()
            .flat_map(|p| p.roles.iter().flat_map(|r| [r.from, r.until]))
            .filter(|d| *d != NaiveDate::MAX && *d != NaiveDate::MIN)
            .max();
        self.ours_side.dated_persons = dated.len();
        self.ours_side.persons_after_2015 = o_after;
        self.ours_side.persons_from_2016 = o_from;
        self.theirs_side.dated_persons = theirs.len();
        self.theirs_side.persons_after_2015 = t_after;
        self.theirs_side.persons_from_2016 = t_from;
        self.line("A person-like entry has at least one date-restricted code. Theirs: any entry of the three actor");
        self.line("files with a dated code, no bare country code and no institution word (army, party, state ...)");
        self.line("in its headword;");
        self.line("ours: every `[[person]]` with a dated role. \"After 2015\": a term ending after 2015-12-31 or");
        self.line("open-ended (`>date` on their side, no `until` on ours).");
        self.line("");
        self.line("| | ours | theirs |");
        self.line("|---|---:|---:|");
        let _ = writeln!(self.out, "| person entries (all) | {} | |", self.ours.persons.len());
        let _ = writeln!(
            self.out,
            "| with date-restricted roles | {} | {} |",
            dated.len(),
            theirs.len()
        );
        let _ = writeln!(self.out, "| with a term after 2015 | {o_after} | {t_after} |");
        let _ = writeln!(self.out, "| with a term starting after 2015 | {o_from} | {t_from} |");
        let _ = writeln!(
            self.out,
            "| with a date after 2015 written in a term | {o_explicit} | {t_explicit} |"
        );
        let _ = writeln!(self.out, "| with an open-ended term | {o_open} | {t_open} |");
        let fmt = |d: Option<NaiveDate>| d.map_or("-".to_string(), |d| d.to_string());
        let _ =
            writeln!(self.out, "| latest date written | {} | {} |", fmt(o_latest), fmt(t_latest));
        self.line("");

        // Well-known leaders.
        let ours_v = self.our_person_views();
        let rows: Vec<(&str, &str, bool, bool)> = LEADERS
            .iter()
            .map(|(shown, forms, prefix)| {
                let o = ours_v.iter().any(|p| p.matches(forms, prefix));
                let t = theirs.iter().any(|p| p.view.matches(forms, prefix));
                (*shown, *prefix, o, t)
            })
            .collect();
        let both = rows.iter().filter(|r| r.2 && r.3).count();
        let o_only: Vec<&str> = rows.iter().filter(|r| r.2 && !r.3).map(|r| r.0).collect();
        let t_only: Vec<&str> = rows.iter().filter(|r| !r.2 && r.3).map(|r| r.0).collect();
        let none: Vec<&str> = rows.iter().filter(|r| !r.2 && !r.3).map(|r| r.0).collect();
        let _ = writeln!(
            self.out,
            "### Well-known leaders ({} checked: name and country of a dated entry)\n",
            LEADERS.len()
        );
        self.line("| | n | who |");
        self.line("|---|---:|---|");
        let _ = writeln!(self.out, "| both sides | {both} | |");
        let _ = writeln!(self.out, "| only ours | {} | {} |", o_only.len(), o_only.join(", "));
        let _ = writeln!(self.out, "| only theirs | {} | {} |", t_only.len(), t_only.join(", "));
        let _ = writeln!(self.out, "| neither | {} | {} |", none.len(), none.join(", "));
        self.line("");

        // Heads of state/government of the G20 we have and they lack.
        let their_names: BTreeSet<&str> =
            theirs.iter().flat_map(|p| p.view.names.iter().map(String::as_str)).collect();
        let mut sample: Vec<(NaiveDate, String)> = Vec::new();
        for (p, v) in self.ours.persons.iter().zip(&ours_v) {
            let head = p.roles.iter().find(|r| {
                let t = r.title.as_deref().unwrap_or("").to_ascii_lowercase();
                r.code.len() == 6
                    && r.code.ends_with("GOV")
                    && G20_P5.contains(&&r.code[..3])
                    && is_head_title(&t)
            });
            if let Some(r) = head {
                if !v.names.iter().any(|n| their_names.contains(n.as_str())) {
                    sample.push((
                        r.from,
                        format!(
                            "{} ({}, {} from {})",
                            p.name,
                            &r.code[..3],
                            r.title.as_deref().unwrap_or(""),
                            r.from
                        ),
                    ));
                }
            }
        }
        sample.sort();
        let n = sample.len();
        let shown: Vec<String> = sample.into_iter().rev().take(15).map(|s| s.1).collect();
        let _ = writeln!(
            self.out,
            "G20 presidents, prime ministers and chancellors of ours with no name in their files: {n}; latest 15: {}.\n",
            if shown.is_empty() { "(none)".to_string() } else { shown.join("; ") }
        );

        // Per-country counts.
        self.line("### Persons per country, G20 and P5 (entries with a code of that country)");
        self.line("");
        self.line("| country | ours | of which after 2015 | theirs |");
        self.line("|---|---:|---:|---:|");
        let mut tot = (0, 0, 0);
        for c in G20_P5 {
            let o: Vec<&crate::Person> = self
                .ours
                .persons
                .iter()
                .filter(|p| p.roles.iter().any(|r| r.code.starts_with(c)))
                .collect();
            let oa = o
                .iter()
                .filter(|p| p.roles.iter().any(|r| r.code.starts_with(c) && r.until > y2015))
                .count();
            let t = theirs.iter().filter(|p| p.view.prefixes.contains(c)).count();
            let p5 = if matches!(c, "CHN" | "FRA" | "GBR" | "RUS" | "USA") { " (P5)" } else { "" };
            let _ = writeln!(self.out, "| {c}{p5} | {} | {oa} | {t} |", o.len());
            tot = (tot.0 + o.len(), tot.1 + oa, tot.2 + t);
        }
        let _ = writeln!(self.out, "| total | {} | {} | {} |", tot.0, tot.1, tot.2);
        self.line("");
        self.term_agreement(&theirs);
    }

    /// Our government terms set against theirs, person by person: an outside check of our
    /// dates and codes. For each of our roles coded `...GOV` that overlaps their horizon
    /// (1990 to 2015-02), the code their entry of the same name gives on the middle day of
    /// the overlap.
    fn term_agreement(&mut self, theirs: &[PeerPerson<'a>]) {
        let mut by_name: HashMap<String, Vec<&PeerActor>> = HashMap::new();
        for t in theirs {
            for n in &t.view.names {
                by_name.entry(n.clone()).or_default().push(t.entry);
            }
        }
        let start = NaiveDate::from_ymd_opt(1990, 1, 1).unwrap_or_default();
        let horizon = NaiveDate::from_ymd_opt(2015, 2, 17).unwrap_or_default();
        let (mut same, mut other_role, mut other_country, mut silent) = (0usize, 0usize, 0usize, 0usize);
        let mut disagreements: Vec<String> = Vec::new();
        for p in &self.ours.persons {
            let mut entries: Vec<&PeerActor> = std::iter::once(&p.name)
                .chain(&p.aliases)
                .filter_map(|n| by_name.get(&norm(n)))
                .flatten()
                .copied()
                .collect();
            entries.dedup_by(|a, b| std::ptr::eq(*a, *b));
            if entries.is_empty() {
                continue;
            }
            for r in p.roles.iter().filter(|r| r.code.ends_with("GOV") && r.code.len() == 6) {
                let (a, b) = (r.from.max(start), r.until.min(horizon));
                if a > b {
                    continue;
                }
                let mid = a + (b - a) / 2;
                let codes: Vec<&str> = entries
                    .iter()
                    .flat_map(|e| &e.codes)
                    .filter(|c| c.from.is_none_or(|f| f <= mid) && c.until.is_none_or(|u| mid <= u))
                    .map(|c| c.code.as_str())
                    .collect();
                if codes.is_empty() {
                    silent += 1;
                } else if codes.contains(&r.code.as_str()) {
                    same += 1;
                } else if codes.iter().any(|c| c.get(..3) == r.code.get(..3)) {
                    other_role += 1;
                } else {
                    other_country += 1;
                    if disagreements.len() < 15 {
                        disagreements.push(format!("{} {} on {mid}: theirs {}", p.name, r.code, codes.join("/")));
                    }
                }
            }
        }
        let judged = same + other_role + other_country;
        let pct = |n: usize| if judged > 0 { 100.0 * n as f64 / judged as f64 } else { 0.0 };
        self.line("### Our government terms against theirs (same person, same day)");
        self.line("");
        self.line("For each of our `...GOV` roles overlapping 1990 to 2015-02-17 held by someone their files also name, the");
        self.line("code their entry gives on the middle day of the overlap. Their conventions differ in places (a former");
        self.line("leader as `ELI`, a party leader in government as `PTY`), so \"same country, other role\" is not an error.");
        self.line("");
        self.line("| | roles | share of those they code |");
        self.line("|---|---:|---:|");
        let _ = writeln!(self.out, "| same code | {same} | {:.1}% |", pct(same));
        let _ = writeln!(self.out, "| same country, other role | {other_role} | {:.1}% |", pct(other_role));
        let _ = writeln!(self.out, "| another country | {other_country} | {:.1}% |", pct(other_country));
        let _ = writeln!(self.out, "| no code of theirs on that day | {silent} | |");
        self.line("");
        if !disagreements.is_empty() {
            let _ = writeln!(self.out, "Another country (first {}): {}.\n", disagreements.len(), disagreements.join("; "));
        }
    }

    // -- (c) organisations and groups ------------------------------------------------------

    fn orgs(&mut self) {
        self.line("## Organisations and groups");
        self.line("");
        self.missing_note(&[INTERNATIONAL_FILE, MILNONSTATE_FILE]);
        let iso = self.iso.clone();
        let iso = &iso;
        let kind = |code: &str| -> &'static str {
            if code.starts_with("IGO") {
                "IGO"
            } else if code.starts_with("NGO") {
                "NGO"
            } else if code.starts_with("IMG") {
                "IMG"
            } else if code.starts_with("MNC") {
                "MNC"
            } else if code.get(..3).is_some_and(|p| iso.contains(p)) {
                "national"
            } else {
                "other"
            }
        };
        // Ours: by file.
        let mut o_orgs: BTreeMap<&str, usize> = BTreeMap::new();
        let mut o_groups: BTreeMap<&str, usize> = BTreeMap::new();
        let (mut o_org_names, mut o_group_names) = (0, 0);
        for (org, file) in self.ours.orgs.iter().zip(&self.ours.org_files) {
            if file.ends_with("groups.toml") {
                *o_groups.entry(kind(&org.code)).or_default() += 1;
                o_group_names += org.names.len();
            } else {
                *o_orgs.entry(kind(&org.code)).or_default() += 1;
                o_org_names += org.names.len();
            }
        }
        // Theirs: non-person entries with a code, by file.
        let count = |file: &str| {
            let mut m: BTreeMap<&str, usize> = BTreeMap::new();
            let mut names = 0;
            for a in self.actor_file(file).unwrap_or(&[]) {
                if peer_kind(a, iso) != PeerKind::Other {
                    continue;
                }
                if let Some(c) = a.codes.iter().find(|c| c.code != "---") {
                    *m.entry(kind(&c.code)).or_default() += 1;
                    names += a.names.len();
                }
            }
            (m, names)
        };
        let (t_orgs, t_org_names) = count(INTERNATIONAL_FILE);
        let (t_groups, t_group_names) = count(MILNONSTATE_FILE);
        let (t_national, _) = count(COUNTRIES_FILE);
        let sum = |m: &BTreeMap<&str, usize>| m.values().sum::<usize>();
        self.ours_side.orgs = sum(&o_orgs);
        self.ours_side.groups = sum(&o_groups);
        self.theirs_side.orgs = sum(&t_orgs);
        self.theirs_side.groups = sum(&t_groups);
        self.line("Ours: `orgs.toml` and `groups.toml` entries. Theirs: entries of the International and MilNonState");
        self.line("files with a code that are not person-like (see above), by the first code.");
        self.line("Kinds by code: IGO, NGO, IMG (transnational militant), MNC, national (country code + role).");
        self.line("");
        self.line("| | ours | theirs |");
        self.line("|---|---:|---:|");
        let _ = writeln!(self.out, "| organisations | {} | {} |", sum(&o_orgs), sum(&t_orgs));
        let kinds = ["IGO", "NGO", "MNC", "IMG", "national", "other"];
        for k in kinds {
            let (a, b) = (o_orgs.get(k).copied().unwrap_or(0), t_orgs.get(k).copied().unwrap_or(0));
            if a + b > 0 {
                let _ = writeln!(self.out, "| - {k} | {a} | {b} |");
            }
        }
        let _ = writeln!(
            self.out,
            "| organisation names (with aliases) | {o_org_names} | {t_org_names} |"
        );
        let _ =
            writeln!(self.out, "| non-state groups | {} | {} |", sum(&o_groups), sum(&t_groups));
        for k in kinds {
            let (a, b) =
                (o_groups.get(k).copied().unwrap_or(0), t_groups.get(k).copied().unwrap_or(0));
            if a + b > 0 {
                let _ = writeln!(self.out, "| - {k} | {a} | {b} |");
            }
        }
        let _ = writeln!(
            self.out,
            "| group names (with aliases) | {o_group_names} | {t_group_names} |"
        );
        let _ = writeln!(
            self.out,
            "| institutions, parties and groups in their countries file (not counted above) | | {} |",
            sum(&t_national)
        );
        self.line("");

        // Named organisations and groups of the issue.
        let our_names: BTreeSet<String> =
            self.ours.orgs.iter().flat_map(|o| o.names.iter().map(|n| norm(n))).collect();
        let their_names: BTreeSet<String> = self
            .all_actors()
            .filter(|(_, a)| peer_kind(a, iso) == PeerKind::Other)
            .flat_map(|(_, a)| a.names.iter().map(|n| norm(n)))
            .collect();
        let (mut both, mut o_only, mut t_only, mut none) = (0, Vec::new(), Vec::new(), Vec::new());
        for (shown, forms) in NAMED_ORGS {
            let o = forms.iter().any(|f| our_names.contains(*f));
            let t = forms.iter().any(|f| their_names.contains(*f));
            match (o, t) {
                (true, true) => both += 1,
                (true, false) => o_only.push(*shown),
                (false, true) => t_only.push(*shown),
                (false, false) => none.push(*shown),
            }
        }
        let _ = writeln!(
            self.out,
            "### Named organisations and groups ({} of the issue, checked by name in all three actor files)\n",
            NAMED_ORGS.len()
        );
        self.line("| | n | which |");
        self.line("|---|---:|---|");
        let _ = writeln!(self.out, "| both sides | {both} | |");
        let _ = writeln!(self.out, "| only ours | {} | {} |", o_only.len(), o_only.join(", "));
        let _ = writeln!(self.out, "| only theirs | {} | {} |", t_only.len(), t_only.join(", "));
        let _ = writeln!(self.out, "| neither | {} | {} |", none.len(), none.join(", "));
        self.line("");
    }

    // -- (d) agents ------------------------------------------------------------------------

    fn agents(&mut self) {
        self.line("## Agents");
        self.line("");
        self.missing_note(&[AGENTS_FILE]);
        let mut o_roles: BTreeMap<&str, usize> = BTreeMap::new();
        for a in &self.ours.agents {
            *o_roles.entry(a.role.as_str()).or_default() += a.terms.len();
        }
        let o_terms: usize = o_roles.values().sum();
        let empty = Vec::new();
        let theirs = self.peer.agents.as_ref().unwrap_or(&empty);
        let mut t_roles: BTreeMap<&str, usize> = BTreeMap::new();
        for (forms, code) in theirs {
            *t_roles.entry(code.as_str()).or_default() += forms.len();
        }
        let t_terms: usize = t_roles.values().sum();
        self.ours_side.agent_terms = o_terms;
        self.theirs_side.agent_terms = t_terms;
        self.line("Ours: terms of `agents.toml` (the compiler adds regular plurals on top). Theirs: `TERM [~CODE]`");
        self.line("lines, each macro (`!PERSON!`, `!MINIST!`) expanded into its forms.");
        self.line("");
        self.line("| | ours | theirs |");
        self.line("|---|---:|---:|");
        let _ =
            writeln!(self.out, "| agent entries | {} | {} |", self.ours.agents.len(), theirs.len());
        let _ = writeln!(self.out, "| agent terms | {o_terms} | {t_terms} |");
        let _ =
            writeln!(self.out, "| distinct role codes | {} | {} |", o_roles.len(), t_roles.len());
        self.line("");
        let mut roles: Vec<(&str, usize, usize)> = o_roles
            .keys()
            .chain(t_roles.keys())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .map(|r| {
                (*r, o_roles.get(r).copied().unwrap_or(0), t_roles.get(r).copied().unwrap_or(0))
            })
            .collect();
        roles.sort_by(|a, b| (b.1 + b.2).cmp(&(a.1 + a.2)).then(a.0.cmp(b.0)));
        self.line("| role code | ours | theirs |");
        self.line("|---|---:|---:|");
        for (r, a, b) in roles.iter().take(25) {
            let _ = writeln!(self.out, "| {r} | {a} | {b} |");
        }
        self.line("");
        let o_only = join_list(roles.iter().filter(|r| r.2 == 0).map(|r| r.0));
        let t_only = join_list(roles.iter().filter(|r| r.1 == 0).map(|r| r.0));
        let _ = writeln!(self.out, "Role codes only ours: {o_only}. Only theirs: {t_only}.\n");
    }

    // -- (e) CAMEO codes -------------------------------------------------------------------

    fn codes(&mut self) {
        self.line("## CAMEO codes and event patterns");
        self.line("");
        self.missing_note(&[VERBS_FILE]);
        let mut ours: BTreeMap<&str, usize> = BTreeMap::new();
        for p in &self.ours.patterns {
            *ours.entry(p.code.as_str()).or_default() += 1;
        }
        let empty = PeerVerbs::default();
        let theirs = self.peer.verbs.as_ref().unwrap_or(&empty);
        // Patterns code events at three or four digits; the two-digit roots are left out.
        let table: Vec<&str> =
            self.ours.cameo.iter().map(|c| c.code.as_str()).filter(|c| c.len() > 2).collect();
        let o_n = |c: &str| ours.get(c).copied().unwrap_or(0);
        let o1 = table.iter().filter(|c| o_n(c) >= 1).count();
        let o3 = table.iter().filter(|c| o_n(c) >= 3).count();
        let t1 = table.iter().filter(|c| theirs.total(c) >= 1).count();
        let t3 = table.iter().filter(|c| theirs.total(c) >= 3).count();
        let t_lines: usize = theirs.patterns.values().sum();
        let t_verbs: usize = theirs.verbs.values().sum();
        self.ours_side.patterns = self.ours.patterns.len();
        self.ours_side.codes_1 = o1;
        self.ours_side.codes_3 = o3;
        self.theirs_side.patterns = t_lines + t_verbs;
        self.theirs_side.codes_1 = t1;
        self.theirs_side.codes_3 = t3;
        self.line("Theirs: a pattern is a `- ...` line (counted under each code of `[A:B]`) or a verb line of a");
        self.line("block (a bare verb: its own code, else the block's; `---` blocks are uncoded). Codes are counted");
        let _ = writeln!(
            self.out,
            "within our CAMEO table ({} codes of three or four digits).\n",
            table.len()
        );
        self.line("| | ours | theirs |");
        self.line("|---|---:|---:|");
        let _ = writeln!(
            self.out,
            "| patterns | {} | {} |",
            self.ours.patterns.len(),
            t_lines + t_verbs
        );
        let _ = writeln!(self.out, "| - phrase patterns (`- ...` lines) | | {t_lines} |");
        let _ = writeln!(self.out, "| - bare verbs under a coded block | | {t_verbs} |");
        let _ = writeln!(self.out, "| verb blocks | | {} |", theirs.blocks);
        let _ = writeln!(self.out, "| codes with >=1 pattern | {o1} | {t1} |");
        let _ = writeln!(self.out, "| codes with >=3 patterns | {o3} | {t3} |");
        self.line("");
        let only_ours =
            join_list(table.iter().copied().filter(|c| o_n(c) >= 1 && theirs.total(c) == 0));
        let only_theirs =
            join_list(table.iter().copied().filter(|c| o_n(c) == 0 && theirs.total(c) >= 1));
        let neither =
            join_list(table.iter().copied().filter(|c| o_n(c) == 0 && theirs.total(c) == 0));
        let under3_ours =
            join_list(table.iter().copied().filter(|c| o_n(c) < 3 && theirs.total(c) >= 3));
        let under3_theirs =
            join_list(table.iter().copied().filter(|c| theirs.total(c) < 3 && o_n(c) >= 3));
        let outside =
            join_list(theirs.codes().into_iter().filter(|c| !self.ours.cameo.contains(c)));
        self.line("| | codes |");
        self.line("|---|---|");
        let _ = writeln!(self.out, "| only ours (>=1) | {only_ours} |");
        let _ = writeln!(self.out, "| only theirs (>=1) | {only_theirs} |");
        let _ = writeln!(self.out, "| neither | {neither} |");
        let _ = writeln!(self.out, "| >=3 theirs, <3 ours | {under3_ours} |");
        let _ = writeln!(self.out, "| >=3 ours, <3 theirs | {under3_theirs} |");
        let _ = writeln!(self.out, "| their codes outside the CAMEO table | {outside} |");
        self.line("");
        // Per root.
        self.line("| root | ours patterns | theirs patterns | ours codes >=3 | theirs codes >=3 | codes |");
        self.line("|---|---:|---:|---:|---:|---:|");
        let mut roots: BTreeMap<&str, (usize, usize, usize, usize, usize)> = BTreeMap::new();
        for c in &table {
            let r = roots.entry(c.get(..2).unwrap_or(c)).or_default();
            r.0 += o_n(c);
            r.1 += theirs.total(c);
            r.2 += usize::from(o_n(c) >= 3);
            r.3 += usize::from(theirs.total(c) >= 3);
            r.4 += 1;
        }
        for (root, (a, b, c, d, n)) in roots {
            let _ = writeln!(self.out, "| {root} | {a} | {b} | {c} | {d} | {n} |");
        }
        self.line("");
    }
}

#[cfg(test)]
#[allow(clippy::panic)]
mod tests {
    use super::*;
    use crate::Sources;

    // Small snippets in the peer syntax, written for these tests.
    const COUNTRIES: &str = "\
# test countries
ATLANTIS_  [ATL]
+ATLANTEAN_
+POSEIDONIA_ # capital

NORDLAND_
+NORDISH_
\t[XNL <900101]
\t[NOR >900101]

MARA_QUILL_  # a made-up leader
+QUILL_
\t[NORGOV 950301-031231]
\t[NORELI]
TOBIAS_WREN_
\t[NORGOV >140601]
OLAF_EXAMPLE_
PRESIDENT_OLAF_EXAMPLE
\t[NORGOV 000101-041231]
FRANCE_ [FRA]
JEAN_EXAMPLE_ [FRAGOV 20160101-20201231]
";
    const INTERNATIONAL: &str = "\
THE_ASSEMBLY_OF_TIDES_ [IGOTID]
+TIDES_ASSEMBLY_
EXAMPLE_RELIEF_FUND_	[NGOHLH] # a charity
ODA_KEEL_	[IGOTID 990101-041231] [ELI]
";
    const MILNONSTATE: &str = "\
RED_HERON_FRONT_ [NORREB] # made up
+HERON_FRONT_

GLOBAL_EXAMPLE_NETWORK_ [IMGMUS]

GRAND_EXAMPLE_STATE_
\t[IMGMUSGES >20130408]
";
    const AGENTS: &str = "\
!PERSON! = MAN, MEN, WOMAN
FISHER!PERSON! [~AGR]
TROOPER [~MIL]
BORDER_GUARD [~MIL] # comment
";
    const VERBS: &str = "\
####### SYNONYM SETS #######
&TESTSET
+ALPHA
+BETA

####### VERB PATTERNS #######
---  GREET   [042]  ---
GREET
WELCOME {WELCOMES WELCOMED}
HAIL [051]
- * WARMLY                         [042:043]   # GREET
- * (AT AIRPORT)                   [:043]

---  PONDER   [---]  ---
PONDER
- * OFFER                          [0311]

######## TRANSFORMATIONS ##########
~ a (a b X) SAY = a b 042
";

    fn ours() -> Dictionary {
        let files = vec![
            (
                "cameo.tsv".to_string(),
                "code\tname\tgoldstein\tquad_class\n042\tMake a visit\t1.9\t1\n043\tHost a visit\t2.8\t1\n051\tPraise\t3.4\t1\n0311\tIntend aid\t5.2\t1\n190\tFight\t-10\t4\n".to_string(),
            ),
            (
                "actors/countries.toml".to_string(),
                "[[country]]\ncode = \"NOR\"\nnames = [\"Nordland\"]\n[[country]]\ncode = \"FRA\"\nnames = [\"France\"]\n[[country]]\ncode = \"KOS\"\nnames = [\"Kosovo\"]\n".to_string(),
            ),
            (
                "actors/orgs.toml".to_string(),
                "[[org]]\ncode = \"IGOUNO\"\nnames = [\"United Nations\", \"UN\"]\n[[org]]\ncode = \"NGOHRW\"\nnames = [\"Human Rights Watch\"]\n".to_string(),
            ),
            ("actors/groups.toml".to_string(), "[[org]]\ncode = \"NORREB\"\nnames = [\"Red Heron Front\"]\n".to_string()),
            ("actors/agents.toml".to_string(), "[[agent]]\nrole = \"MIL\"\nterms = [\"troops\", \"soldiers\"]\n".to_string()),
            (
                "actors/persons/x.toml".to_string(),
                "[[person]]\nname = \"Mara Quill\"\nroles = [{ code = \"NORGOV\", from = \"1995-03-01\", until = \"2003-12-31\", title = \"prime minister\" }]\n\
                 [[person]]\nname = \"Vladimir Putin\"\nroles = [{ code = \"RUSGOV\", from = \"1999-08-09\", title = \"prime minister, then president\" }]\n\
                 [[person]]\nname = \"Ida Newcomb\"\nroles = [{ code = \"FRAGOV\", from = \"2017-05-14\", title = \"president\" }]\n"
                    .to_string(),
            ),
            (
                "verbs/04.txt".to_string(),
                "[042] make a visit\nvisit +\ntour +\nfly to +\n[043] host a visit\nhost +\n[190] fight\nfight +\nbattle +\nclash with +\n".to_string(),
            ),
        ];
        match Dictionary::parse(&Sources { files }) {
            Ok(d) => d,
            Err(e) => panic!("test dictionary: {e:?}"),
        }
    }

    fn peer_dir(tag: &str, files: &[(&str, &str)]) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("annalist-compare-{tag}-{}", std::process::id()));
        let p2 = dir.join("petrarch2");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&p2).unwrap_or_else(|e| panic!("{e}"));
        for (name, text) in files {
            std::fs::write(p2.join(name), text).unwrap_or_else(|e| panic!("{e}"));
        }
        dir
    }

    #[test]
    fn head_titles() {
        assert!(is_head_title("president"));
        assert!(is_head_title("prime minister, then president"));
        assert!(is_head_title("chancellor"));
        assert!(!is_head_title("presidential spokesman"));
        assert!(!is_head_title("chancellor of the exchequer"));
        assert!(!is_head_title("foreign minister"));
    }

    #[test]
    fn peer_dates_and_codes() {
        assert_eq!(peer_date("950301"), NaiveDate::from_ymd_opt(1995, 3, 1));
        assert_eq!(peer_date("140601"), NaiveDate::from_ymd_opt(2014, 6, 1));
        assert_eq!(peer_date("19270101"), NaiveDate::from_ymd_opt(1927, 1, 1));
        assert_eq!(peer_date("2004017"), None);
        let c = bracket_codes("\t[NORGOV 950301-031231] [ELI] [IGOUNO  >070201]");
        assert_eq!(c.len(), 3);
        assert_eq!(c[0].from, NaiveDate::from_ymd_opt(1995, 3, 1));
        assert_eq!(c[0].until, NaiveDate::from_ymd_opt(2003, 12, 31));
        assert!(c[0].dated && !c[1].dated && c[2].dated);
        assert_eq!(c[2].code, "IGOUNO");
        assert_eq!(c[2].from, NaiveDate::from_ymd_opt(2007, 2, 1));
    }

    #[test]
    fn actor_entries_synonyms_and_code_lines() {
        let a = parse_actors(COUNTRIES);
        let names: Vec<&str> = a.iter().map(|e| e.names[0].as_str()).collect();
        assert_eq!(
            names,
            [
                "ATLANTIS_",
                "NORDLAND_",
                "MARA_QUILL_",
                "TOBIAS_WREN_",
                "OLAF_EXAMPLE_",
                "FRANCE_",
                "JEAN_EXAMPLE_"
            ]
        );
        // An entry line without codes shares the codes of the next one.
        assert_eq!(a[4].names, ["OLAF_EXAMPLE_", "PRESIDENT_OLAF_EXAMPLE"]);
        assert_eq!(a[4].codes.len(), 1);
        assert_eq!(a[0].names, ["ATLANTIS_", "ATLANTEAN_", "POSEIDONIA_"]);
        assert_eq!(a[1].codes.len(), 2);
        assert_eq!(a[2].codes.len(), 2);
        assert_eq!(a[6].codes[0].from, NaiveDate::from_ymd_opt(2016, 1, 1));
        let i = parse_actors(INTERNATIONAL);
        assert_eq!(i.len(), 3);
        assert_eq!(i[2].codes.len(), 2);
    }

    #[test]
    fn agents_expand_macros() {
        let a = parse_agents(AGENTS);
        assert_eq!(a.len(), 3);
        assert_eq!(a[0].0, ["FISHERMAN", "FISHERMEN", "FISHERWOMAN"]);
        assert_eq!(a[0].1, "AGR");
        assert_eq!(a[2], (vec!["BORDER_GUARD".to_string()], "MIL".to_string()));
    }

    #[test]
    fn verbs_counted_per_code() {
        let v = parse_verbs(VERBS);
        assert_eq!(v.blocks, 2);
        // GREET, WELCOME under the block's 042; HAIL has its own 051.
        assert_eq!(v.verbs.get("042"), Some(&2));
        assert_eq!(v.verbs.get("051"), Some(&1));
        // [042:043] counts for both; [:043] for 043 only; PONDER is uncoded.
        assert_eq!(v.patterns.get("042"), Some(&1));
        assert_eq!(v.patterns.get("043"), Some(&2));
        assert_eq!(v.patterns.get("0311"), Some(&1));
        assert_eq!(v.total("042"), 3);
        assert!(!v.patterns.contains_key("015"), "transformations are not patterns");
    }

    #[test]
    fn report_sets_both_sides_side_by_side() {
        let dir = peer_dir(
            "full",
            &[
                (COUNTRIES_FILE, COUNTRIES),
                (INTERNATIONAL_FILE, INTERNATIONAL),
                (MILNONSTATE_FILE, MILNONSTATE),
                (AGENTS_FILE, AGENTS),
                (VERBS_FILE, VERBS),
            ],
        );
        let r = compare(&ours(), &dir).unwrap_or_else(|e| panic!("{e}"));
        let _ = std::fs::remove_dir_all(&dir);
        assert!(r.missing.is_empty());
        // Countries: ours NOR FRA KOS; theirs ATL XNL NOR FRA.
        assert_eq!((r.ours.countries, r.ours.iso_countries), (3, 2));
        assert_eq!((r.theirs.countries, r.theirs.iso_countries), (4, 2));
        assert!(r.markdown.contains("| only ours (1) | KOS |"), "{}", r.markdown);
        assert!(r.markdown.contains("| only theirs (2) | ATL XNL |"), "{}", r.markdown);
        // Persons: theirs Mara Quill, Tobias Wren (open-ended), Olaf Example, Jean Example (2016),
        // Oda Keel.
        assert_eq!(r.theirs.dated_persons, 5);
        assert_eq!(r.theirs.persons_after_2015, 2);
        assert_eq!(r.theirs.persons_from_2016, 1);
        assert_eq!(r.ours.dated_persons, 3);
        assert_eq!(r.ours.persons_after_2015, 2);
        assert_eq!(r.ours.persons_from_2016, 1);
        assert!(r.markdown.contains("| only ours | 1 | Vladimir Putin |"), "{}", r.markdown);
        assert!(r.markdown.contains("| FRA (P5) | 1 | 1 | 1 |"), "{}", r.markdown);
        assert!(
            r.markdown.contains("Ida Newcomb (FRA, president from 2017-05-14)"),
            "{}",
            r.markdown
        );
        // Terms: Mara Quill's NORGOV term (1995-2003) is theirs too on its middle day; Putin is
        // not in their files, Ida Newcomb's term is after their horizon.
        assert!(r.markdown.contains("| same code | 1 | 100.0% |"), "{}", r.markdown);
        assert!(r.markdown.contains("| another country | 0 | 0.0% |"), "{}", r.markdown);
        // Orgs and groups.
        assert_eq!((r.ours.orgs, r.theirs.orgs), (2, 2));
        assert_eq!((r.ours.groups, r.theirs.groups), (1, 3), "a dated group is no person");
        // Agents: 2 ours; 3 + 1 + 1 theirs.
        assert_eq!((r.ours.agent_terms, r.theirs.agent_terms), (2, 5));
        // Codes: ours 042 (3), 043 (1), 190 (3); theirs 042 (3), 043 (2), 051 (1), 0311 (1).
        assert_eq!((r.ours.codes_1, r.ours.codes_3), (3, 2));
        assert_eq!((r.theirs.codes_1, r.theirs.codes_3), (4, 1));
        assert!(r.markdown.contains("| only ours (>=1) | 190 |"), "{}", r.markdown);
        assert!(r.markdown.contains("| only theirs (>=1) | 051 0311 |"), "{}", r.markdown);
        assert!(r.markdown.starts_with("# annalist dictionaries vs PETRARCH2/Phoenix"));
        assert!(r.markdown.find("## Summary") < r.markdown.find("## Countries"));
    }

    #[test]
    fn missing_peer_files_are_reported_not_fatal() {
        let dir = peer_dir("missing", &[(AGENTS_FILE, AGENTS)]);
        let r = compare(&ours(), &dir).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(r.missing, [COUNTRIES_FILE, INTERNATIONAL_FILE, MILNONSTATE_FILE, VERBS_FILE]);
        assert!(r.markdown.contains("**Missing peer files:** Phoenix.Countries.actors.txt"));
        assert!(r.markdown.contains("_Peer file(s) missing: CAMEO.2.0.txt"));
        assert_eq!(r.theirs.countries, 0);
        assert_eq!(r.theirs.agent_terms, 5);
        assert_eq!(r.ours.countries, 3);
        // No folder at all: every file missing, still a report.
        let _ = std::fs::remove_dir_all(&dir);
        let r = compare(&ours(), &dir).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(r.missing.len(), 5);
        // The petrarch2 folder itself is accepted.
        let dir = peer_dir("direct", &[(AGENTS_FILE, AGENTS)]);
        let r = compare(&ours(), &dir.join("petrarch2")).unwrap_or_else(|e| panic!("{e}"));
        let _ = std::fs::remove_dir_all(&dir);
        assert_eq!(r.missing.len(), 4);
    }
}
