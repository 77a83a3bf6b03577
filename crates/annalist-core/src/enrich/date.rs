//! Dates: explicit, weekday and relative expressions resolved against the publication date.

use annalist_text::record::{DateBasis, DatePrecision};
use annalist_text::Span;
use chrono::NaiveDate;

/// A time expression found in a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimeExpr {
    /// Bytes into the sentence.
    pub span: Span,
    /// The resolved date: the first day of the period when `precision` is coarser than a day;
    /// `None` when it cannot be resolved (no publication date for a relative expression).
    pub date: Option<NaiveDate>,
    pub precision: DatePrecision,
    pub basis: DateBasis,
}

/// Every time expression in `sentence`, in text order, resolved against `publication`.
pub fn time_expressions(sentence: &str, publication: Option<NaiveDate>) -> Vec<TimeExpr> {
    let _ = (sentence, publication);
    Vec::new()
}

/// Parses a scraped page's publication-date line ("February 7, 2012 / 9:47 AM / 8 years ago",
/// "Published 12 July 2023", "2015-06-04T08:30:00Z", "Tue 12 Jul 2023 14.02 BST"): `Some`
/// only when the whole line is a date line, not a sentence that mentions a date.
pub fn parse_date_line(line: &str) -> Option<NaiveDate> {
    let _ = line;
    None
}
