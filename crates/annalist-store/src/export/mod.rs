//! Event record writers: JSONL, CSV, TSV, GDELT 2.0 (events and mentions) and PLOVER.
//!
//! [`write_events`] writes a slice in one go (what `annalist code` uses); [`EventWriter`]
//! writes one event at a time (what `annalist export` streams a store through).
//!
//! ```
//! use annalist_store::export::{write_events, ExportFormat};
//! let mut out = Vec::new();
//! write_events("csv".parse::<ExportFormat>().unwrap(), &[], &mut out).unwrap();
//! assert!(String::from_utf8(out).unwrap().starts_with("doc,url,event_id,"));
//! ```
//!
//! **GDELT** rows are the 61 tab-separated columns of the GDELT 2.0 event table, in its order
//! and meaning, with no header; what annalist does not know (tone, religion and ethnic codes,
//! actor geography, ADM codes, feature ids) is left empty. `GLOBALEVENTID` is the event's
//! hash id read as a number (63 bits), `DATEADDED` the publication date at 00:00:00,
//! `IsRootEvent` 1 for an event in the body's first sentence, the counts 1, and
//! `ActionGeo_CountryCode` the FIPS 10-4 code of the location's country.
//!
//! **GDELT mentions** ([`gdelt_mention_row`]) are the 16 columns of the GDELT 2.0 mentions table,
//! one row per event: `SentenceID` counts from 1 as GDELT does, the three `CharOffset`s are
//! code points into the document body (into the sentence when the sentence's place in the body
//! is unknown), `MentionDocLen` the body's length, and `Extras` holds the sentence itself as
//! `<SENTENCE>...</SENTENCE>` (tabs and line breaks made spaces).
//!
//! **PLOVER** records follow the PLOVER manual's JSON (one per line). Events whose CAMEO root
//! has no PLOVER type (01, 02) are left out. SANCTION is material conflict (quad 4), as its own
//! section of the manual says. Negated and hypothetical events carry the auxiliary modes
//! `negation` and `hypothetical`.

use std::io::{self, Write};

use annalist_text::record::{ActorRecord, Event, LocationBasis};
use serde_json::{json, Value};

mod fips;

pub use fips::iso3_to_fips;

/// A record format. `parquet` is a file format, not a line format: see [`crate::parquet`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    Jsonl,
    Csv,
    Tsv,
    Gdelt,
    Plover,
}

impl std::str::FromStr for ExportFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "jsonl" | "json" | "ndjson" => Ok(ExportFormat::Jsonl),
            "csv" => Ok(ExportFormat::Csv),
            "tsv" => Ok(ExportFormat::Tsv),
            "gdelt" => Ok(ExportFormat::Gdelt),
            "plover" => Ok(ExportFormat::Plover),
            o => Err(format!("unknown format {o:?} (jsonl, csv, tsv, gdelt, plover)")),
        }
    }
}

/// Writes `events` in `format`: a header line first for CSV and TSV.
///
/// # Errors
/// What `out` returns.
pub fn write_events<W: Write>(format: ExportFormat, events: &[Event], out: &mut W) -> io::Result<()> {
    let mut w = EventWriter::new(format, out);
    for e in events {
        w.write(e)?;
    }
    w.finish()
}

/// Writes events one at a time (the header, where the format has one, before the first).
pub struct EventWriter<'a, W: Write> {
    format: ExportFormat,
    out: &'a mut W,
    started: bool,
}

impl<'a, W: Write> EventWriter<'a, W> {
    pub fn new(format: ExportFormat, out: &'a mut W) -> Self {
        EventWriter { format, out, started: false }
    }

    fn start(&mut self) -> io::Result<()> {
        if !self.started {
            self.started = true;
            match self.format {
                ExportFormat::Csv => csv_line(self.out, CSV_COLUMNS.iter().map(|c| c.to_string()))?,
                ExportFormat::Tsv => tsv_line(self.out, CSV_COLUMNS.iter().map(|c| c.to_string()))?,
                _ => {}
            }
        }
        Ok(())
    }

    /// Writes one event (nothing for a PLOVER record of an event PLOVER has no type for).
    ///
    /// # Errors
    /// What the writer returns.
    pub fn write(&mut self, e: &Event) -> io::Result<()> {
        self.start()?;
        match self.format {
            ExportFormat::Jsonl => {
                serde_json::to_writer(&mut *self.out, e)?;
                self.out.write_all(b"\n")
            }
            ExportFormat::Csv => csv_line(self.out, flat_row(e)),
            ExportFormat::Tsv => tsv_line(self.out, flat_row(e)),
            ExportFormat::Gdelt => tsv_line(self.out, gdelt_row(e)),
            ExportFormat::Plover => match plover_record(e) {
                Some(v) => {
                    serde_json::to_writer(&mut *self.out, &v)?;
                    self.out.write_all(b"\n")
                }
                None => Ok(()),
            },
        }
    }

    /// Writes the header if no event came, and flushes.
    ///
    /// # Errors
    /// What the writer returns.
    pub fn finish(mut self) -> io::Result<()> {
        self.start()?;
        self.out.flush()
    }
}

/// The columns of the CSV and TSV formats, in order.
pub const CSV_COLUMNS: &[&str] = &[
    "doc",
    "url",
    "event_id",
    "sentence",
    "publication_date",
    "date",
    "date_basis",
    "code",
    "root",
    "quad_class",
    "goldstein",
    "plover",
    "source_code",
    "source_text",
    "source_country",
    "target_code",
    "target_text",
    "target_country",
    "trigger",
    "location",
    "location_country",
    "lat",
    "lon",
    "killed",
    "wounded",
    "casualty_precision",
    "reported_by",
    "negated",
    "hypothetical",
    "sentence_text",
];

fn enum_str<T: serde::Serialize>(v: &Option<T>) -> String {
    v.as_ref()
        .and_then(|x| serde_json::to_value(x).ok())
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|x| x.to_string()).unwrap_or_default()
}

/// One event as the CSV/TSV columns ([`CSV_COLUMNS`]).
pub fn flat_row(e: &Event) -> Vec<String> {
    let actor = |a: &Option<ActorRecord>| {
        a.as_ref().map_or((String::new(), String::new(), String::new()), |a| {
            (a.code.clone().unwrap_or_default(), a.text.clone(), a.country.clone().unwrap_or_default())
        })
    };
    let (sc, st, sco) = actor(&e.source);
    let (tc, tt, tco) = actor(&e.target);
    let loc = e.location.as_ref();
    vec![
        e.doc.clone(),
        e.url.clone().unwrap_or_default(),
        e.event_id.clone(),
        e.sentence.to_string(),
        e.publication_date.clone().unwrap_or_default(),
        e.date.clone().unwrap_or_default(),
        enum_str(&e.date_basis),
        e.code.clone(),
        e.root.clone(),
        e.quad_class.to_string(),
        e.goldstein.to_string(),
        e.plover.clone().unwrap_or_default(),
        sc,
        st,
        sco,
        tc,
        tt,
        tco,
        e.trigger.text.clone(),
        opt(loc.map(|l| &l.name)),
        opt(loc.and_then(|l| l.country.as_ref())),
        opt(loc.and_then(|l| l.lat)),
        opt(loc.and_then(|l| l.lon)),
        opt(e.killed),
        opt(e.wounded),
        enum_str(&e.casualty_precision),
        e.reported_by.clone().unwrap_or_default(),
        e.negated.to_string(),
        e.hypothetical.to_string(),
        e.sentence_text.clone(),
    ]
}

/// RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled.
fn csv_line<W: Write + ?Sized>(out: &mut W, fields: impl IntoIterator<Item = String>) -> io::Result<()> {
    let mut line = String::new();
    for (i, f) in fields.into_iter().enumerate() {
        if i > 0 {
            line.push(',');
        }
        if f.contains([',', '"', '\n', '\r']) {
            line.push('"');
            line.push_str(&f.replace('"', "\"\""));
            line.push('"');
        } else {
            line.push_str(&f);
        }
    }
    line.push_str("\r\n");
    out.write_all(line.as_bytes())
}

/// Tab-separated; tabs and line breaks inside a field become spaces.
fn tsv_line<W: Write + ?Sized>(out: &mut W, fields: impl IntoIterator<Item = String>) -> io::Result<()> {
    let mut line = String::new();
    for (i, f) in fields.into_iter().enumerate() {
        if i > 0 {
            line.push('\t');
        }
        line.extend(f.chars().map(|c| if matches!(c, '\t' | '\n' | '\r') { ' ' } else { c }));
    }
    line.push('\n');
    out.write_all(line.as_bytes())
}

/// The GDELT 2.0 event table's 61 columns, in order.
pub const GDELT_COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// The GDELT 2.0 mentions table's 16 columns, in order.
pub const GDELT_MENTION_COLUMNS: [&str; 16] = [
    "GLOBALEVENTID",
    "EventTimeDate",
    "MentionTimeDate",
    "MentionType",
    "MentionSourceName",
    "MentionIdentifier",
    "SentenceID",
    "Actor1CharOffset",
    "Actor2CharOffset",
    "ActionCharOffset",
    "InRawText",
    "Confidence",
    "MentionDocLen",
    "MentionDocTone",
    "MentionDocTranslationInfo",
    "Extras",
];

/// The event's hash id as GDELT's integer `GLOBALEVENTID` (63 bits, so it fits a signed int).
pub fn global_event_id(e: &Event) -> u64 {
    u64::from_str_radix(&e.event_id, 16).unwrap_or_else(|_| fnv(e.event_id.as_bytes())) & 0x7fff_ffff_ffff_ffff
}

fn fnv(b: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &x in b {
        h ^= u64::from(x);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Role codes that GDELT files under `Type*Code` (CAMEO actor types).
const TYPE_CODES: &[&str] = &[
    "COP", "GOV", "INS", "JUD", "MIL", "OPP", "REB", "SEP", "SPY", "UAF", "AGR", "BUS", "CRM", "CVL", "DEV", "EDU",
    "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED", "MNC", "MOD", "RAD", "REF", "RES", "SET", "IGO", "NGO", "NGM",
    "IMG", "PTY", "MIG", "REL", "IRC",
];

struct GdeltActor {
    code: String,
    name: String,
    country: String,
    known_group: String,
    types: [String; 3],
}

fn gdelt_actor(a: &Option<ActorRecord>) -> GdeltActor {
    let mut g = GdeltActor {
        code: String::new(),
        name: String::new(),
        country: String::new(),
        known_group: String::new(),
        types: Default::default(),
    };
    let Some(a) = a else { return g };
    g.name = a.text.to_uppercase();
    let Some(code) = a.code.clone() else { return g };
    g.country = a.country.clone().unwrap_or_default();
    let mut rest: &str = &code;
    if !g.country.is_empty() && rest.starts_with(g.country.as_str()) {
        rest = &rest[g.country.len()..];
    }
    let chunks: Vec<&str> = (0..rest.len())
        .step_by(3)
        .filter_map(|i| rest.get(i..(i + 3).min(rest.len())))
        .filter(|c| !c.is_empty())
        .collect();
    let mut t = 0;
    let mut i = 0;
    while i < chunks.len() {
        let c = chunks[i];
        if (c == "IGO" || c == "NGO") && i + 1 < chunks.len() && !TYPE_CODES.contains(&chunks[i + 1]) {
            if t < 3 {
                g.types[t] = c.to_string();
            }
            g.known_group = chunks[i + 1..].concat();
            break;
        }
        if TYPE_CODES.contains(&c) {
            if t < 3 {
                g.types[t] = c.to_string();
                t += 1;
            }
        } else if g.known_group.is_empty() && g.country.is_empty() {
            g.known_group = c.to_string();
        }
        i += 1;
    }
    g.code = code;
    g
}

fn compact_date(d: Option<&str>) -> Option<(String, chrono::NaiveDate)> {
    let d = d?;
    let nd = chrono::NaiveDate::parse_from_str(d.get(..10)?, "%Y-%m-%d").ok()?;
    Some((nd.format("%Y%m%d").to_string(), nd))
}

/// One event as the GDELT 2.0 event table's 61 columns ([`GDELT_COLUMNS`]).
pub fn gdelt_row(e: &Event) -> Vec<String> {
    use chrono::Datelike;
    let mut r: Vec<String> = Vec::with_capacity(61);
    r.push(global_event_id(e).to_string());
    match compact_date(e.date.as_deref().or(e.publication_date.as_deref())) {
        Some((ymd, nd)) => {
            r.push(ymd);
            r.push(nd.format("%Y%m").to_string());
            r.push(nd.year().to_string());
            let frac = f64::from(nd.ordinal0()) / 365.0;
            r.push(format!("{:.4}", f64::from(nd.year()) + frac));
        }
        None => r.extend([String::new(), String::new(), String::new(), String::new()]),
    }
    for a in [&e.source, &e.target] {
        let g = gdelt_actor(a);
        r.push(g.code);
        r.push(g.name);
        r.push(g.country);
        r.push(g.known_group);
        r.extend([String::new(), String::new(), String::new()]); // ethnic, religion 1 and 2
        r.extend(g.types);
    }
    r.push(if e.sentence == 0 { "1" } else { "0" }.into());
    r.push(e.code.clone());
    r.push(e.code.get(..3).unwrap_or(&e.code).to_string());
    r.push(e.root.clone());
    r.push(e.quad_class.to_string());
    r.push(e.goldstein.to_string());
    r.extend(["1".to_string(), "1".to_string(), "1".to_string()]);
    r.push(String::new()); // AvgTone
    r.extend(std::iter::repeat_n(String::new(), 16)); // Actor1Geo_*, Actor2Geo_*
    match &e.location {
        Some(l) => {
            let ty = match l.basis {
                LocationBasis::Country => "1",
                _ if l.lat.is_some() => "4",
                _ => "1",
            };
            r.push(ty.into());
            r.push(l.name.clone());
            r.push(l.country.as_deref().and_then(iso3_to_fips).unwrap_or("").to_string());
            r.push(String::new());
            r.push(String::new());
            r.push(opt(l.lat));
            r.push(opt(l.lon));
            r.push(String::new());
        }
        None => r.extend(std::iter::repeat_n(String::new(), 8)),
    }
    r.push(compact_date(e.publication_date.as_deref()).map(|(d, _)| format!("{d}000000")).unwrap_or_default());
    r.push(e.url.clone().unwrap_or_else(|| e.doc.clone()));
    debug_assert_eq!(r.len(), 61);
    r
}

/// One event as the GDELT 2.0 mentions table's 16 columns ([`GDELT_MENTION_COLUMNS`]).
/// `sentence_start` is where the sentence begins in the body and `doc_chars` the body's
/// length, both in code points, where known.
pub fn gdelt_mention_row(e: &Event, sentence_start: Option<usize>, doc_chars: Option<usize>) -> Vec<String> {
    let base = sentence_start.unwrap_or(0);
    let added = compact_date(e.publication_date.as_deref()).map(|(d, _)| format!("{d}000000")).unwrap_or_default();
    let source_name = e
        .url
        .as_deref()
        .and_then(|u| u.split("://").nth(1))
        .and_then(|rest| rest.split(['/', '?', '#']).next())
        .map(|h| h.trim_start_matches("www.").to_string())
        .unwrap_or_default();
    let sentence: String =
        e.sentence_text.chars().map(|c| if matches!(c, '\t' | '\n' | '\r') { ' ' } else { c }).collect();
    vec![
        global_event_id(e).to_string(),
        added.clone(),
        added,
        "1".into(),
        source_name,
        e.url.clone().unwrap_or_else(|| e.doc.clone()),
        (e.sentence + 1).to_string(),
        e.source.as_ref().map(|a| (base + a.span[0]).to_string()).unwrap_or_else(|| "-1".into()),
        e.target.as_ref().map(|a| (base + a.span[0]).to_string()).unwrap_or_else(|| "-1".into()),
        (base + e.trigger.span[0]).to_string(),
        "1".into(),
        String::new(),
        opt(doc_chars),
        String::new(),
        String::new(),
        format!("<SENTENCE>{sentence}</SENTENCE>"),
    ]
}

/// Writes one mentions row.
///
/// # Errors
/// What `out` returns.
pub fn write_gdelt_mention<W: Write>(
    out: &mut W,
    e: &Event,
    sentence_start: Option<usize>,
    doc_chars: Option<usize>,
) -> io::Result<()> {
    tsv_line(out, gdelt_mention_row(e, sentence_start, doc_chars))
}

/// The PLOVER type of a CAMEO code by the manual's root-level table (81-83 CONCEDE, 84-87
/// RETREAT), for events the coder gave no PLOVER type.
pub fn plover_type_of(code: &str) -> Option<&'static str> {
    let root = code.get(..2)?;
    Some(match root {
        "03" => "AGREE",
        "04" => "CONSULT",
        "05" => "SUPPORT",
        "06" => "COOPERATE",
        "07" => "AID",
        "08" => {
            if code.get(..3).is_some_and(|c| matches!(c, "081" | "082" | "083" | "080")) {
                "CONCEDE"
            } else {
                "RETREAT"
            }
        }
        "09" | "11" => "ACCUSE",
        "10" => "REQUEST",
        "12" => "REJECT",
        "13" => "THREATEN",
        "14" => "PROTEST",
        "15" => "MOBILIZE",
        "16" => "SANCTION",
        "17" => "COERCE",
        "18" | "19" | "20" => "ASSAULT",
        _ => return None,
    })
}

fn plover_quad(ty: &str, cameo_quad: u8) -> u8 {
    match ty {
        "AGREE" | "CONSULT" | "SUPPORT" | "CONCEDE" => 1,
        "COOPERATE" | "AID" | "RETREAT" => 2,
        "REQUEST" | "ACCUSE" | "REJECT" | "THREATEN" => 3,
        "PROTEST" | "SANCTION" | "MOBILIZE" | "COERCE" | "ASSAULT" => 4,
        _ => cameo_quad,
    }
}

fn plover_entity(a: &ActorRecord) -> Value {
    let code = a.code.as_deref().unwrap_or("");
    let country = a.country.clone().or_else(|| code.get(..3).map(str::to_string));
    let sector = match &a.country {
        Some(c) if code.starts_with(c.as_str()) => code.get(c.len()..c.len() + 3),
        Some(_) => None,
        None => code.get(..3),
    };
    json!({
        "code": country,
        "sector": sector.filter(|s| !s.is_empty()),
        "entity_text": a.text,
        "identifier_text": a.code,
    })
}

/// One event as a PLOVER JSON record, or `None` when PLOVER has no type for its code.
pub fn plover_record(e: &Event) -> Option<Value> {
    let (ty, mode) = match e.plover.as_deref().filter(|p| !p.is_empty()) {
        Some(p) => {
            let mut it = p.splitn(2, [':', ',']);
            let ty = it.next().unwrap_or("").trim().to_uppercase();
            let mode = it.next().map(|m| m.trim().to_lowercase()).filter(|m| !m.is_empty());
            (ty, mode)
        }
        None => (plover_type_of(&e.code)?.to_string(), None),
    };
    let mut modes: Vec<String> = mode.into_iter().collect();
    if e.negated {
        modes.push("negation".into());
    }
    if e.hypothetical {
        modes.push("hypothetical".into());
    }
    let actors: Vec<Value> = e.source.iter().map(plover_entity).collect();
    let recipients: Vec<Value> = e.target.iter().map(plover_entity).collect();
    let loc = e.location.as_ref().map(|l| {
        json!({
            "extracted_place": l.name,
            "resolved_place": l.name,
            "lat": l.lat,
            "lon": l.lon,
            "country_code": l.country,
            "resolution": match l.basis { LocationBasis::Country => 1, _ => 4 },
        })
    });
    let mut size = serde_json::Map::new();
    if let Some(k) = e.killed {
        size.insert("dead".into(), k.into());
    }
    if let Some(w) = e.wounded {
        size.insert("injured".into(), w.into());
    }
    if let Some(a) = e.arrested {
        size.insert("arrested".into(), a.into());
    }
    let mut rec = json!({
        "id": e.event_id,
        "has_event": true,
        "date": e.date.clone().or_else(|| e.publication_date.clone()).unwrap_or_default(),
        "actor": actors,
        "recipient": recipients,
        "event": [ty.clone()],
        "event_loc": loc,
        "event_text": [e.trigger.text],
        "quad_code": plover_quad(&ty, e.quad_class),
        "mode": modes,
        "context": [],
        "text": e.sentence_text,
        "text_info": {"sequence": e.sentence, "start": e.trigger.span[0], "end": e.trigger.span[1], "text_story": e.doc},
        "cite_info": {"corpus": e.doc, "url": e.url, "coder": "annalist", "codebook": "CAMEO 1.1b3 via CAMEO2PLOVER"},
        "coder": "annalist",
        "comment": format!("CAMEO {}", e.code),
    });
    if !size.is_empty() {
        rec["size"] = Value::Object(size);
    }
    Some(rec)
}
