//! Tolls: killed, wounded, arrested, with their precision.

use annalist_text::record::CountPrecision;
use annalist_text::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TollKind {
    Killed,
    Wounded,
    Arrested,
}

/// A number of people reported killed, wounded or arrested.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Toll {
    /// Bytes into the sentence: the whole phrase ("killing some 19 people").
    pub span: Span,
    pub kind: TollKind,
    pub count: u32,
    pub precision: CountPrecision,
    /// A cumulative toll ("over 300 lives in the last five days", "since November") that
    /// belongs to no single-day event.
    pub cumulative: bool,
}

/// Every toll in `sentence`, in text order. Vague quantities ("dozens", "tens") give none.
pub fn tolls(sentence: &str) -> Vec<Toll> {
    let _ = sentence;
    Vec::new()
}
