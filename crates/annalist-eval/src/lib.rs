//! Gold sets -> precision, recall and F1 at the event, triple and full level, root
//! confusion, attribute accuracy, and diffs against a saved baseline.
//!
//! The matching rules are SPEC.md's "Gold sets" section, implemented in [`matching`]:
//! sentences matched by substring (whitespace and quote styles [folded](fold::fold_text)),
//! keys collapsed per level, then matched one to one. Only facts are scored as facts:
//! negated and hypothetical gold events are not expected, and predictions flagged negated or
//! hypothetical are scored separately.
//!
//! ```
//! use annalist_eval::{evaluate, GoldDoc, GoldEvent, GoldSet, Level, Prediction, PredActor};
//! let gold = GoldSet {
//!     docs: vec![GoldDoc {
//!         id: "d".into(),
//!         events: vec![GoldEvent {
//!             sentence_contains: "recalled its ambassador".into(),
//!             source: Some("FRAGOV".into()),
//!             code: "161".into(),
//!             target: Some("SYRGOV".into()),
//!             ..GoldEvent::default()
//!         }],
//!         ..GoldDoc::default()
//!     }],
//!     ..GoldSet::default()
//! };
//! let pred = Prediction {
//!     doc: "d".into(),
//!     sentence_text: "France recalled its ambassador from Syria.".into(),
//!     code: "161".into(),
//!     source: Some(PredActor { code: Some("FRA".into()) }),
//!     target: Some(PredActor { code: Some("SYRGOV".into()) }),
//!     ..Prediction::default()
//! };
//! let ev = evaluate(&gold, &[pred]);
//! assert_eq!(ev.level(Level::Triple).counts.tp, 1); // same countries
//! assert_eq!(ev.level(Level::Full).counts.tp, 0); // FRA is not FRAGOV
//! ```

pub mod baseline;
mod error;
pub mod fold;
pub mod gold;
pub mod matching;
pub mod prediction;
pub mod report;
pub mod score;

pub use baseline::{Baseline, Diff};
pub use error::EvalError;
pub use gold::{load as load_gold, GoldDoc, GoldEvent, GoldSet};
pub use matching::Level;
pub use prediction::{read_predictions, PredActor, PredLocation, Prediction};
pub use score::{evaluate, Counts, Evaluation};

#[cfg(test)]
mod tests;
