//! The annalist coder: a [`Document`](annalist_text::Document) in, CAMEO events out.
//!
//! The pipeline, one module per stage:
//! 1. [`docstruct`]: date line, title, dateline, captions, credits, debris -> the body.
//! 2. [`segment`]: sentences and tokens with byte spans.
//! 3. [`actors`]: actor mentions by longest match over the compiled dictionary.
//! 4. [`clause`]: verb groups, subjects, objects, passives, lists, reported speech,
//!    negation and modality.
//! 5. [`events`]: event patterns matched on lemmas, roles assigned.
//! 6. [`enrich`]: dates, places, tolls, attribution.
//!
//! [`Coder`] ties them together; it is built once and shared across threads.
//!
//! ```
//! use annalist_core::{Coder, CodeOptions};
//! use annalist_text::Document;
//! let coder = Coder::builder().build().unwrap();
//! let doc = Document::plain("ex", "PARIS (Reuters) - France recalled its ambassador from Syria on Tuesday.");
//! let coded = coder.code(&doc, &CodeOptions::default());
//! assert!(coded.events.iter().any(|e| e.code == "161"));
//! ```

pub mod actors;
pub mod clause;
mod coder;
pub mod docstruct;
pub mod enrich;
pub mod events;
pub mod segment;

pub use coder::{CodeOptions, Coded, Coder, CoderBuilder, Diagnostic};
