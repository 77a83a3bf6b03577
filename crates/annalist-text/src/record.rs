//! The event record, exactly as SPEC.md writes it (one JSON object per line).
//!
//! Spans here are `[start, end)` code-point offsets into `sentence_text`; inside the engine
//! everything is byte [`Span`](crate::Span)s, converted once when a record is built.

use serde::{Deserialize, Serialize};

/// How an event's date was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateBasis {
    /// A calendar date in the sentence ("February 4, 2012").
    Explicit,
    /// An expression resolved against the publication date ("on Tuesday", "last week").
    Relative,
    /// No time expression: the publication date.
    Publication,
}

/// How precise a date is: background "last November" gives no day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    Day,
    Week,
    Month,
    Year,
}

/// How exact a reported toll is ("at least 12" -> `AtLeast`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CountPrecision {
    Exact,
    AtLeast,
    About,
    MoreThan,
    AtMost,
}

/// Where a location came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LocationBasis {
    Sentence,
    Dateline,
    Country,
}

/// An actor as written in a record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActorRecord {
    /// CAMEO actor code, or null when the text names an actor we cannot code.
    pub code: Option<String>,
    pub text: String,
    pub country: Option<String>,
    pub span: [usize; 2],
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TriggerRecord {
    pub text: String,
    pub span: [usize; 2],
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LocationRecord {
    pub name: String,
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub basis: LocationBasis,
}

/// One coded event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub doc: String,
    pub url: Option<String>,
    pub event_id: String,
    pub sentence: usize,
    pub sentence_text: String,
    pub publication_date: Option<String>,
    pub date: Option<String>,
    pub date_basis: Option<DateBasis>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_precision: Option<DatePrecision>,
    pub code: String,
    pub root: String,
    pub quad_class: u8,
    pub goldstein: f64,
    pub plover: Option<String>,
    pub source: Option<ActorRecord>,
    pub target: Option<ActorRecord>,
    pub trigger: TriggerRecord,
    pub location: Option<LocationRecord>,
    pub killed: Option<u32>,
    pub wounded: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arrested: Option<u32>,
    pub casualty_precision: Option<CountPrecision>,
    pub reported_by: Option<String>,
    pub negated: bool,
    pub hypothetical: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explain: Option<serde_json::Value>,
}

impl Event {
    /// The country part of the source code, if any.
    pub fn source_code(&self) -> Option<&str> {
        self.source.as_ref().and_then(|a| a.code.as_deref())
    }

    pub fn target_code(&self) -> Option<&str> {
        self.target.as_ref().and_then(|a| a.code.as_deref())
    }
}

/// A stable 16-hex-digit id from the fields that identify an event (FNV-1a, so it does not
/// change between builds or platforms, unlike `std`'s hasher).
pub fn event_id(doc: &str, sentence: usize, code: &str, source: &str, target: &str, trigger_start: usize) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        h ^= 0xff;
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    feed(doc.as_bytes());
    feed(&sentence.to_le_bytes());
    feed(code.as_bytes());
    feed(source.as_bytes());
    feed(target.as_bytes());
    feed(&trigger_start.to_le_bytes());
    format!("{h:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_id_is_stable_and_distinguishes_fields() {
        let a = event_id("d", 1, "190", "SYRMIL", "SYR", 4);
        assert_eq!(a, event_id("d", 1, "190", "SYRMIL", "SYR", 4));
        assert_ne!(a, event_id("d", 1, "190", "SYR", "MILSYR", 4));
        assert_eq!(a.len(), 16);
    }
}
