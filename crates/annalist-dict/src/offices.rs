//! Office-holder coverage: does every country we promise to know have a known head of
//! state, head of government, foreign, defence and interior minister on every day since a
//! start date?
//!
//! The coder codes a person by the role held on the article's date, so a gap in a list of
//! ministers silently turns a quoted minister into an unknown name. Coverage is measured
//! from the person entries themselves: a role counts for an office when its title names the
//! office ([`offices_of_title`]). The countries and periods promised, and the periods when an
//! office did not exist or was vacant, are data (`dictionaries/offices.toml`), so a claim of
//! completeness can be checked (`annalist dict offices`) rather than asserted.

use chrono::NaiveDate;
use serde::Deserialize;

use crate::actors::parse_date;
use crate::{DictError, Person};

/// The five offices whose holders are tracked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Office {
    HeadOfState,
    HeadOfGovernment,
    Foreign,
    Defence,
    Interior,
}

impl Office {
    pub const ALL: [Office; 5] = [Office::HeadOfState, Office::HeadOfGovernment, Office::Foreign, Office::Defence, Office::Interior];

    /// The short name used in `offices.toml` and reports.
    pub fn code(self) -> &'static str {
        match self {
            Office::HeadOfState => "HOS",
            Office::HeadOfGovernment => "HOG",
            Office::Foreign => "FM",
            Office::Defence => "DM",
            Office::Interior => "IM",
        }
    }

    pub fn parse(s: &str) -> Option<Office> {
        Office::ALL.into_iter().find(|o| o.code() == s)
    }
}

/// Words before an office that do not change which office it is.
const QUALIFIERS: &[&str] = &["interim ", "acting ", "transitional ", "caretaker ", "de facto ", "federal ", "union ", "first ", "the "];
/// Words before an office that make it a different, lesser one.
const LESSER: &[&str] = &[
    "deputy", "vice", "junior", "state minister", "minister of state", "former", "assistant", "under", "permanent", "principal", "shadow",
];
const HEAD_OF_STATE: &[&str] = &[
    "president", "king", "queen", "emir", "amir", "sultan", "head of state", "supreme leader", "chairman of the presidency",
    "chairman of the presidential council", "president of the presidential", "head of the military junta", "head of the junta",
    "chairman of the transitional military council", "chairman of the military council", "chairman of the sovereignty council",
    "chairman of the state peace", "chairman of the state law", "chairman of the high council of state", "regent", "co-president",
    "head of the military council", "head of the transitional military council", "head of the military government",
    "chairman of the national transitional council", "chairman of the presidential leadership council", "head of the presidential council",
    "chairman of the supreme revolutionary council", "chairman of the revolutionary command council", "transitional president", "emperor",
];
/// A "president of ...", "premier of ..." that is no national head of state or government.
const NOT_HEAD_OF_STATE: &[&str] = &[
    "of the senate", "of the national assembly", "of the assembly", "of the parliament", "of parliament", "of the chamber",
    "of the constitutional", "of the supreme", "court", "of the party", "of the house", "commission", "bank", "of the european",
    "of the african", "federation of", "of the council of state", "of the regional", "of the autonomous", "of republika srpska",
    "of the region", "of puntland", "of somaliland", "of the kurdistan", "of jubaland", "state of", "of bavaria", "of chechnya",
    "of the houthi", "of quebec", "of ontario", "of alberta", "of new south wales",
];
const HEAD_OF_GOVERNMENT: &[&str] = &[
    "prime minister", "premier", "taoiseach", "chief executive", "president of the council of ministers", "chairman of the council of ministers",
    "chief adviser", "chairman of the interim government",
];
const FOREIGN: &[&str] = &[
    "foreign minister", "foreign secretary", "minister of foreign affairs", "minister for foreign affairs", "foreign affairs minister",
    "external affairs minister", "minister of external affairs", "minister of external relations", "minister for external affairs", "foreign adviser",
];
const DEFENCE: &[&str] = &[
    "defence minister", "defense minister", "defence secretary", "defense secretary", "secretary of defense", "secretary of defence",
    "minister of defence", "minister of defense", "minister for defence", "minister of national defence", "minister of national defense",
    "minister of the armed forces", "armed forces minister", "minister delegate for defence", "minister in charge of defence",
    "minister delegate in charge of defence", "minister in charge of national defence",
];
const INTERIOR: &[&str] = &[
    "interior minister", "home secretary", "home minister", "minister of interior", "minister of the interior", "minister for the interior",
    "minister of home affairs", "minister for home affairs", "home affairs minister", "internal affairs minister", "minister of internal affairs",
    "public security minister", "minister of public security", "security minister", "minister of security", "minister of territorial administration",
    "territorial administration minister", "homeland security secretary", "secretary of homeland security", "public safety minister",
    "minister of public safety", "law and order minister", "minister of law and order", "secretary of the interior and local government",
];

/// The offices a role title names: `"deputy prime minister and foreign minister"` is the
/// foreign minister only; `"president of the senate"` is no head of state. Parenthesised
/// remarks are ignored, so a title's extra facts never count as an office.
pub fn offices_of_title(title: &str) -> Vec<Office> {
    let mut t = title.to_ascii_lowercase();
    while let (Some(a), Some(b)) = (t.find('('), t.find(')')) {
        if b < a {
            break;
        }
        t.replace_range(a..=b, "");
    }
    let mut out = Vec::new();
    for part in t.split([',', ';', '/']).flat_map(|p| p.split(" and ")) {
        let mut p = part.trim();
        while let Some(q) = QUALIFIERS.iter().find(|q| p.starts_with(*q)) {
            p = p[q.len()..].trim_start();
        }
        if p.is_empty() || LESSER.iter().any(|l| p.starts_with(l)) {
            continue;
        }
        let found = [
            (Office::HeadOfState, HEAD_OF_STATE.iter().any(|h| starts_word(p, h)) && !NOT_HEAD_OF_STATE.iter().any(|n| p.contains(n))),
            (
                Office::HeadOfGovernment,
                (HEAD_OF_GOVERNMENT.iter().any(|h| starts_word(p, h)) && !NOT_HEAD_OF_STATE.iter().any(|n| p.contains(n)))
                    || p == "chancellor"
                    || p == "federal chancellor",
            ),
            (Office::Foreign, FOREIGN.iter().any(|h| starts_word(p, h)) || p == "secretary of state"),
            (Office::Defence, DEFENCE.iter().any(|h| starts_word(p, h))),
            (Office::Interior, INTERIOR.iter().any(|h| starts_word(p, h))),
        ];
        for (office, yes) in found {
            if yes && !out.contains(&office) {
                out.push(office);
            }
        }
    }
    out
}

/// `s` starts with the words `w` ("president" but not "presidential guard commander").
fn starts_word(s: &str, w: &str) -> bool {
    s.starts_with(w) && s[w.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric() && c != '-')
}

/// One `[[scope]]` entry of `offices.toml`, as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawScope {
    pub country: String,
    pub since: String,
    #[serde(default)]
    pub why: String,
    #[serde(default)]
    pub offices: Vec<String>,
    #[serde(default)]
    pub vacant: Vec<RawVacancy>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawVacancy {
    pub office: String,
    pub from: String,
    pub until: String,
    pub why: String,
}

/// A country whose office holders are promised complete from `since`.
#[derive(Clone, Debug)]
pub struct Scope {
    pub country: String,
    pub since: NaiveDate,
    /// Why it is in scope: "armed conflict", "G20", "P5" ...
    pub why: String,
    pub offices: Vec<Office>,
    pub vacant: Vec<Vacancy>,
    pub file: String,
}

/// A period when an office did not exist or had no holder: not a gap in our knowledge.
#[derive(Clone, Debug)]
pub struct Vacancy {
    pub office: Office,
    pub from: NaiveDate,
    pub until: NaiveDate,
    pub why: String,
}

pub(crate) fn scope_from_raw(raw: RawScope, file: &str, errors: &mut Vec<DictError>) -> Option<Scope> {
    let loc = format!("{file} {}", raw.country);
    let Some(since) = parse_date(&raw.since, false) else {
        errors.push(DictError::new(&loc, 0, format!("bad date {:?}", raw.since)));
        return None;
    };
    let mut offices = Vec::new();
    for o in &raw.offices {
        match Office::parse(o) {
            Some(o) => offices.push(o),
            None => errors.push(DictError::new(&loc, 0, format!("unknown office {o:?} (HOS, HOG, FM, DM or IM)"))),
        }
    }
    if raw.offices.is_empty() {
        offices = Office::ALL.to_vec();
    }
    let mut vacant = Vec::new();
    for v in raw.vacant {
        let (Some(office), Some(from), Some(until)) = (Office::parse(&v.office), parse_date(&v.from, false), parse_date(&v.until, true)) else {
            errors.push(DictError::new(&loc, 0, format!("bad vacancy {} {}..{}", v.office, v.from, v.until)));
            continue;
        };
        if until < from {
            errors.push(DictError::new(&loc, 0, format!("vacancy of {} ends before it starts", v.office)));
            continue;
        }
        vacant.push(Vacancy { office, from, until, why: v.why });
    }
    Some(Scope { country: raw.country, since, why: raw.why, offices, vacant, file: file.to_string() })
}

/// What we know of one office of one country over its scope period.
#[derive(Clone, Debug)]
pub struct OfficeCoverage {
    pub country: String,
    pub office: Office,
    pub since: NaiveDate,
    pub until: NaiveDate,
    /// Roles that hold this office at some point of the period.
    pub terms: usize,
    /// Days of the period with no known holder, no vacancy declared, in runs longer than
    /// the tolerance.
    pub gaps: Vec<(NaiveDate, NaiveDate)>,
    /// Days of the period declared vacant or without such an office.
    pub vacant_days: i64,
    /// Who held the office, in order of taking it.
    pub holders: Vec<Holder>,
}

/// One term in an office.
#[derive(Clone, Debug)]
pub struct Holder {
    pub name: String,
    /// The role's actor code (`TCDGOV`).
    pub code: String,
    pub from: NaiveDate,
    pub until: NaiveDate,
    pub file: String,
}

impl OfficeCoverage {
    /// Days in the period; none when it has not started (a `--today` before `since`).
    pub fn days(&self) -> i64 {
        ((self.until - self.since).num_days() + 1).max(0)
    }

    pub fn missing_days(&self) -> i64 {
        self.gaps.iter().map(|(a, b)| (*b - *a).num_days() + 1).sum()
    }

    /// Share of the period that is covered or declared vacant.
    pub fn share(&self) -> f64 {
        let days = self.days();
        if days <= 0 {
            1.0
        } else {
            1.0 - self.missing_days() as f64 / days as f64
        }
    }
}

/// Handovers shorter than this are not gaps: a minister resigns on Friday, the successor
/// is sworn in next month.
pub const DEFAULT_TOLERANCE_DAYS: i64 = 45;

/// Coverage of every office of every scope country from its start to `today`.
pub fn coverage(persons: &[Person], scope: &[Scope], today: NaiveDate, tolerance_days: i64) -> Vec<OfficeCoverage> {
    let mut out = Vec::new();
    for s in scope {
        for &office in &s.offices {
            let mut holders: Vec<Holder> = persons
                .iter()
                .flat_map(|p| p.roles.iter().map(move |r| (p, r)))
                .filter(|(_, r)| r.code.len() >= 6 && r.code.starts_with(s.country.as_str()) && matches!(&r.code[3..6], "GOV" | "MIL"))
                .filter(|(_, r)| r.title.as_deref().is_some_and(|t| offices_of_title(t).contains(&office)))
                .filter(|(_, r)| r.until >= s.since && r.from <= today)
                .map(|(p, r)| Holder { name: p.name.clone(), code: r.code.clone(), from: r.from, until: r.until, file: p.file.clone() })
                .collect();
            holders.sort_by_key(|h| (h.from, h.until));
            let terms = holders.len();
            let mut spans: Vec<(NaiveDate, NaiveDate)> = holders.iter().map(|h| (h.from, h.until)).collect();
            let vacant: Vec<(NaiveDate, NaiveDate)> = s.vacant.iter().filter(|v| v.office == office).map(|v| (v.from, v.until)).collect();
            let vacant_days = covered_days(&vacant, s.since, today);
            spans.extend(vacant);
            let gaps = gaps(&mut spans, s.since, today, tolerance_days);
            out.push(OfficeCoverage { country: s.country.clone(), office, since: s.since, until: today, terms, gaps, vacant_days, holders });
        }
    }
    out
}

/// Days of `[from, to]` inside the union of `spans`.
fn covered_days(spans: &[(NaiveDate, NaiveDate)], from: NaiveDate, to: NaiveDate) -> i64 {
    let mut v: Vec<_> = spans.iter().map(|&(a, b)| (a.max(from), b.min(to))).filter(|(a, b)| a <= b).collect();
    v.sort();
    let mut total = 0;
    let mut cur: Option<(NaiveDate, NaiveDate)> = None;
    for (a, b) in v {
        match cur {
            Some((ca, cb)) if a <= cb => cur = Some((ca, cb.max(b))),
            Some((ca, cb)) => {
                total += (cb - ca).num_days() + 1;
                cur = Some((a, b));
            }
            None => cur = Some((a, b)),
        }
    }
    total + cur.map_or(0, |(a, b)| (b - a).num_days() + 1)
}

/// The runs of `[from, to]` not inside any span, longer than `tolerance` days.
fn gaps(spans: &mut [(NaiveDate, NaiveDate)], from: NaiveDate, to: NaiveDate, tolerance: i64) -> Vec<(NaiveDate, NaiveDate)> {
    spans.sort();
    let mut out = Vec::new();
    let mut next = from; // first day not yet known to be covered
    for &(a, b) in spans.iter() {
        if a > next {
            push_gap(&mut out, next, a.pred_opt().unwrap_or(a).min(to), tolerance);
        }
        if let Some(after) = b.succ_opt() {
            next = next.max(after);
        } else {
            return out;
        }
        if next > to {
            return out;
        }
    }
    push_gap(&mut out, next, to, tolerance);
    out
}

fn push_gap(out: &mut Vec<(NaiveDate, NaiveDate)>, a: NaiveDate, b: NaiveDate, tolerance: i64) {
    if b >= a && (b - a).num_days() + 1 > tolerance {
        out.push((a, b));
    }
}

/// Totals over a coverage list.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Summary {
    /// Office-days in scope.
    pub days: i64,
    /// Office-days with no known holder and no vacancy declared.
    pub missing: i64,
    /// Office-days declared vacant or without such an office.
    pub vacant: i64,
    /// Countries with no gap in any tracked office.
    pub complete: usize,
}

impl Summary {
    pub fn of(cov: &[OfficeCoverage]) -> Summary {
        let mut countries: Vec<&str> = cov.iter().map(|c| c.country.as_str()).collect();
        countries.dedup();
        Summary {
            days: cov.iter().map(OfficeCoverage::days).sum(),
            missing: cov.iter().map(OfficeCoverage::missing_days).sum(),
            vacant: cov.iter().map(|c| c.vacant_days).sum(),
            complete: countries.iter().filter(|k| cov.iter().filter(|c| c.country == **k).all(|c| c.gaps.is_empty())).count(),
        }
    }

    /// Share of the office-days in scope that are covered or declared vacant.
    pub fn share(&self) -> f64 {
        if self.days > 0 {
            1.0 - self.missing as f64 / self.days as f64
        } else {
            1.0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Role;

    fn d(s: &str) -> NaiveDate {
        parse_date(s, false).unwrap_or_default()
    }

    #[test]
    fn titles_name_their_offices() {
        use Office::*;
        let cases: &[(&str, &[Office])] = &[
            ("president", &[HeadOfState]),
            ("interim president", &[HeadOfState]),
            ("president of the senate", &[]),
            ("presidential spokesman", &[]),
            ("vice president", &[]),
            ("vice president and defence minister", &[Defence]),
            ("deputy prime minister and foreign minister", &[Foreign]),
            ("deputy prime minister", &[]),
            ("prime minister", &[HeadOfGovernment]),
            ("caretaker prime minister", &[HeadOfGovernment]),
            ("chancellor", &[HeadOfGovernment]),
            ("chancellor of the exchequer", &[]),
            ("secretary of state", &[Foreign]),
            ("deputy secretary of state", &[]),
            ("minister of territorial administration", &[Interior]),
            ("defence minister (also chief of staff 2019-2020)", &[Defence]),
            ("foreign ministry spokesman", &[]),
            ("king", &[HeadOfState]),
            ("president of Puntland", &[]),
            ("premier of Bavaria", &[]),
            ("prime minister of the Palestinian Authority", &[HeadOfGovernment]),
            ("secretary of the foreign ministry (foreign secretary, the top civil servant)", &[]),
            ("prime minister, foreign minister", &[HeadOfGovernment, Foreign]),
        ];
        for (title, want) in cases {
            assert_eq!(offices_of_title(title), *want, "{title}");
        }
    }

    fn person(code: &str, from: &str, until: &str, title: &str) -> Person {
        Person {
            name: "X".into(),
            aliases: vec![],
            by_surname: false,
            surname: None,
            roles: vec![Role { code: code.into(), from: d(from), until: d(until), title: Some(title.into()) }],
            file: "t".into(),
        }
    }

    #[test]
    fn gaps_are_what_no_role_or_vacancy_covers() {
        let ps = vec![
            person("TCDGOV", "1985-01-01", "1995-06-30", "defence minister"),
            person("TCDGOV", "1995-07-20", "2000-12-31", "defence minister"), // 19-day handover: tolerated
            person("TCDGOV", "2003-01-01", "2030-01-01", "defence minister"),
            person("TCDMIL", "2001-01-01", "2001-06-30", "army chief"), // not the office
            person("CAFGOV", "2001-01-01", "2002-12-31", "defence minister"), // not the country
        ];
        let scope = vec![Scope {
            country: "TCD".into(),
            since: d("1990-01-01"),
            why: "test".into(),
            offices: vec![Office::Defence],
            vacant: vec![Vacancy { office: Office::Defence, from: d("2002-01-01"), until: d("2002-06-30"), why: "vacant".into() }],
            file: "t".into(),
        }];
        let c = coverage(&ps, &scope, d("2026-11-29"), DEFAULT_TOLERANCE_DAYS);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].terms, 3);
        assert_eq!(c[0].gaps, vec![(d("2001-01-01"), d("2001-12-31")), (d("2002-07-01"), d("2002-12-31"))]);
        assert_eq!(c[0].vacant_days, 181);
        assert!(c[0].share() > 0.95 && c[0].share() < 1.0);
    }

    #[test]
    fn no_roles_is_all_gap_and_full_cover_is_none() {
        let scope = vec![Scope { country: "ERI".into(), since: d("1993-05-24"), why: String::new(), offices: vec![Office::Foreign], vacant: vec![], file: "t".into() }];
        let today = d("2026-11-29");
        let c = coverage(&[], &scope, today, DEFAULT_TOLERANCE_DAYS);
        assert_eq!(c[0].gaps, vec![(d("1993-05-24"), today)]);
        assert_eq!(c[0].share(), 0.0);
        let full = [person("ERIGOV", "1990-01-01", "2099-01-01", "foreign minister")];
        assert!(coverage(&full, &scope, today, DEFAULT_TOLERANCE_DAYS)[0].gaps.is_empty());
        // Measured before the period starts: nothing in scope, nothing missing.
        let early = coverage(&[], &scope, d("1980-01-01"), DEFAULT_TOLERANCE_DAYS);
        assert_eq!((early[0].days(), early[0].missing_days()), (0, 0));
    }
}
