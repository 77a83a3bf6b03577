//! The actor source files (TOML): countries, organisations and groups, agents, persons.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Deserialize;

use crate::DictError;

#[derive(Clone, Debug, Default, Deserialize)]
pub struct Country {
    pub code: String,
    #[serde(default)]
    pub names: Vec<String>,
    #[serde(default)]
    pub adjectives: Vec<String>,
    #[serde(default)]
    pub demonyms: Vec<String>,
    #[serde(default)]
    pub capitals: Vec<String>,
    #[serde(default)]
    pub seats: BTreeMap<String, String>,
    #[serde(default)]
    pub cities: Vec<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
pub struct Org {
    pub code: String,
    #[serde(default)]
    pub names: Vec<String>,
    #[serde(default)]
    pub refs: Vec<String>,
    #[serde(default)]
    pub country: String,
    #[serde(default)]
    pub from: Option<String>,
    #[serde(default)]
    pub until: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
pub struct Agent {
    pub role: String,
    #[serde(default)]
    pub terms: Vec<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
pub struct RawRole {
    pub code: String,
    #[serde(default)]
    pub from: Option<String>,
    #[serde(default)]
    pub until: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
pub struct RawPerson {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub by_surname: bool,
    /// What the person is called alone, where that is not the last word of the name:
    /// family name first ("Xi" for Xi Jinping, "Moon" for Moon Jae-in), given name in Thai
    /// usage ("Prayuth"), two words ("Suu Kyi", "Lopez Obrador").
    #[serde(default)]
    pub surname: Option<String>,
    #[serde(default)]
    pub roles: Vec<RawRole>,
}

/// A role held over a closed date range (open ends become the far past or future).
#[derive(Clone, Debug, PartialEq)]
pub struct Role {
    pub code: String,
    pub from: NaiveDate,
    pub until: NaiveDate,
    pub title: Option<String>,
}

#[derive(Clone, Debug)]
pub struct Person {
    pub name: String,
    pub aliases: Vec<String>,
    pub by_surname: bool,
    /// Overrides the surname derived from the name (see [`RawPerson::surname`]).
    pub surname: Option<String>,
    pub roles: Vec<Role>,
    pub file: String,
}

impl Person {
    /// The role held on `date`; without a date, the latest role.
    pub fn role_on(&self, date: Option<NaiveDate>) -> Option<&Role> {
        match date {
            Some(d) => self.roles.iter().rev().find(|r| r.from <= d && d <= r.until),
            None => self.roles.last(),
        }
    }

    /// The role nearest to `date`, for a person mentioned outside all their terms: their
    /// country is still known even when their role is not.
    pub fn nearest_role(&self, date: NaiveDate) -> Option<&Role> {
        self.roles.iter().min_by_key(|r| {
            if date < r.from {
                (r.from - date).num_days()
            } else {
                (date - r.until).num_days().max(0)
            }
        })
    }
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct ActorFile {
    #[serde(default)]
    pub country: Vec<Country>,
    #[serde(default)]
    pub org: Vec<Org>,
    #[serde(default)]
    pub agent: Vec<Agent>,
    #[serde(default)]
    pub person: Vec<RawPerson>,
    #[serde(default)]
    pub scope: Vec<crate::offices::RawScope>,
}

/// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as the first (`end = false`) or last day of
/// the period it names.
pub fn parse_date(s: &str, end: bool) -> Option<NaiveDate> {
    let parts: Vec<&str> = s.trim().split('-').collect();
    let y: i32 = parts.first()?.parse().ok()?;
    let m: u32 = match parts.get(1) {
        Some(m) => m.parse().ok()?,
        None => if end { 12 } else { 1 },
    };
    match parts.get(2) {
        Some(d) => NaiveDate::from_ymd_opt(y, m, d.parse().ok()?),
        None if end => {
            let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
            NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()
        }
        None => NaiveDate::from_ymd_opt(y, m, 1),
    }
}

pub(crate) fn person_from_raw(raw: RawPerson, file: &str, errors: &mut Vec<DictError>) -> Person {
    let mut roles = Vec::with_capacity(raw.roles.len());
    for r in raw.roles {
        let from = match r.from.as_deref() {
            None | Some("") => Some(NaiveDate::MIN),
            Some(s) => parse_date(s, false),
        };
        let until = match r.until.as_deref() {
            None | Some("") => Some(NaiveDate::MAX),
            Some(s) => parse_date(s, true),
        };
        match (from, until) {
            (Some(from), Some(until)) => roles.push(Role { code: r.code, from, until, title: r.title }),
            _ => errors.push(DictError::new(
                file,
                0,
                format!("person {:?}: bad date in role {} ({:?} .. {:?})", raw.name, r.code, r.from, r.until),
            )),
        }
    }
    roles.sort_by_key(|r| r.from);
    Person { name: raw.name, aliases: raw.aliases, by_surname: raw.by_surname, surname: raw.surname, roles, file: file.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_cover_their_period() {
        assert_eq!(parse_date("2012", false), NaiveDate::from_ymd_opt(2012, 1, 1));
        assert_eq!(parse_date("2012-02", true), NaiveDate::from_ymd_opt(2012, 2, 29));
        assert_eq!(parse_date("2012-13", true), None);
        assert_eq!(parse_date("x", false), None);
    }
}
