//! Attribution: whom a sentence attributes its claim to ("activists said").

use annalist_text::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Attribution {
    /// Bytes into the sentence: the source phrase ("Opposition activists", "state media").
    pub source: Span,
    /// Bytes into the sentence: the whole attributing clause ("Opposition activists said",
    /// "according to the Syrian Observatory for Human Rights"), which the coder excludes when
    /// looking for the reported event's actors.
    pub clause: Span,
}

/// The attribution of `sentence`, if it reports someone's claim.
pub fn attribution(sentence: &str) -> Option<Attribution> {
    let _ = sentence;
    None
}
