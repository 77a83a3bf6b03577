//! Enrichment: when, where, how many, says who.
//!
//! Each sub-stage is a pure function over one sentence's text (byte spans relative to the
//! sentence) so the coder can call it per sentence and attach what it finds to the event it
//! belongs to. None of them allocate per call beyond their result vectors and one token
//! buffer; all are hand-written scanners over the tokens of [`scan`] (words, numbers,
//! punctuation as char-boundary byte spans, so no input can make them panic).
//!
//! - [`date`]: time expressions resolved against the publication date, with their precision
//!   and basis; and [`date::parse_date_line`] for scraped publication-date lines.
//! - [`casualty`]: killed / wounded / arrested tolls with their precision, marked cumulative
//!   when they count over a period.
//! - [`attribution`]: the source a sentence attributes its claim to and the attributing clause.
//! - [`geo`]: the embedded GeoNames gazetteer, place mentions with locative cues, and the
//!   event's location nearest its trigger.
//!
//! Tests: `tests/enrich_{date,casualty,attribution,geo}.rs` hold one table each.

pub mod attribution;
pub mod casualty;
pub mod date;
pub mod geo;
mod scan;
