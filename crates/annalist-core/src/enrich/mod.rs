//! Enrichment: when, where, how many, says who.
//!
//! Each sub-stage is a pure function over one sentence's text (byte spans relative to the
//! sentence) so the coder can call it per sentence and attach what it finds to the event it
//! belongs to. None of them allocate per call beyond their result vectors.

pub mod attribution;
pub mod casualty;
pub mod date;
pub mod geo;
mod scan;
