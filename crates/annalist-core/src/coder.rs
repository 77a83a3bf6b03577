//! The built coder: one immutable object shared across threads.

use annalist_text::record::Event;
use annalist_text::Document;
use chrono::NaiveDate;

use crate::docstruct::{self, Structure};

/// Options for one coding run.
#[derive(Clone, Debug, Default)]
pub struct CodeOptions {
    /// Also emit negated and hypothetical events (flagged).
    pub all: bool,
    /// Attach an `explain` object to each event.
    pub explain: bool,
    /// Publication date for documents that carry none.
    pub default_date: Option<NaiveDate>,
}

/// Something worth telling the user about one document (never fatal).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub doc: String,
    pub message: String,
}

/// One coded document.
#[derive(Clone, Debug, Default)]
pub struct Coded {
    pub structure: Structure,
    /// The body's sentences as byte spans into `structure.body`.
    pub sentences: Vec<annalist_text::Span>,
    pub events: Vec<Event>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Builds a [`Coder`]: the only step that can fail on configuration.
#[derive(Debug, Default)]
pub struct CoderBuilder {}

impl CoderBuilder {
    pub fn build(self) -> Result<Coder, String> {
        Ok(Coder {})
    }
}

/// The coder. Immutable and `Send + Sync`: build once, share across threads.
#[derive(Debug)]
pub struct Coder {}

impl Coder {
    pub fn builder() -> CoderBuilder {
        CoderBuilder::default()
    }

    /// Codes one document. Never panics, whatever the text.
    pub fn code(&self, doc: &Document, opts: &CodeOptions) -> Coded {
        let mut structure = docstruct::structure(doc);
        if structure.date.is_none() {
            structure.date = opts.default_date;
        }
        Coded { structure, ..Coded::default() }
    }
}
