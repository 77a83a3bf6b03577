//! Leaf types shared by every annalist stage.
//!
//! Annotations are [`Span`]s of byte offsets into one normalised text; code-point offsets
//! are computed only when a record is written ([`record`]). The [`Document`] is what every
//! reader produces and the coder consumes; the [`record::Event`] is what the coder emits and
//! the store, the exporters and the evaluator read.
//!
//! ```
//! use annalist_text::{Span, char_span};
//! let text = "Syria’s army";
//! let span = Span::new(10, 14); // "army" in bytes (the curly apostrophe is three bytes)
//! assert_eq!(span.slice(text), "army");
//! assert_eq!(char_span(text, span), [8, 12]);
//! ```

pub mod cameo;
pub mod document;
pub mod record;
mod span;

pub use cameo::{CameoCode, CameoTable, QuadClass};
pub use document::Document;
pub use span::{char_span, Span};
