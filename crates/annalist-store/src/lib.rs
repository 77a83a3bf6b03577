//! The annalist store (SQLite, bundled, with FTS5 and JSON1) and the export formats.
//!
//! - [`SqliteStore`]: documents, sentences, events and actors, the schema in `schema.sql`
//!   (versioned by `PRAGMA user_version`, migrated on open), behind the [`Store`] trait.
//! - [`Query`]: filters by date, actor, code, quad class, place and sentence text.
//! - [`export`]: event record writers (JSONL, CSV, TSV, GDELT 2.0 events and mentions, PLOVER),
//!   shared with `annalist code`; [`parquet`]: Parquet files.
//!
//! ```
//! use annalist_store::{content_hash, NewDocument, Query, SqliteStore, Store};
//! use annalist_text::Document;
//! let mut store = SqliteStore::open_in_memory().unwrap();
//! let doc = Document::plain("d1", "Rebels seized the town.");
//! let new = NewDocument::new(&doc, content_hash(&doc), "Rebels seized the town.".into(), vec![], vec![]);
//! assert!(store.put(&new).unwrap());
//! assert!(!store.put(&new).unwrap()); // the same content again: skipped
//! assert!(store.contains(&content_hash(&doc)).unwrap());
//! assert!(store.query(&Query::default()).unwrap().is_empty());
//! ```

pub mod export;
pub mod parquet;
mod query;
mod sqlite;

use annalist_text::record::Event;
use annalist_text::Document;
use sha2::{Digest, Sha256};

pub use query::{Query, Role};
pub use sqlite::SqliteStore;

/// What can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("database {path}: {source}")]
    Open { path: String, source: rusqlite::Error },
    #[error("database schema version {found} is newer than this annalist knows ({known})")]
    TooNew { found: i64, known: i64 },
    #[error("{0}: not an annalist database, or an older one (`annalist ingest` migrates it)")]
    NotAStore(String),
    #[error("bad event record in the store: {0}")]
    Record(#[from] serde_json::Error),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("parquet: {0}")]
    Parquet(String),
}

/// A sentence of a stored body: `[start, end)` code points into it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewSentence {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// Everything stored for one document, written in one transaction.
#[derive(Clone, Debug)]
pub struct NewDocument {
    pub doc: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub publication_date: Option<String>,
    pub content_hash: String,
    /// The input path it was read from.
    pub input: Option<String>,
    pub body: String,
    pub sentences: Vec<NewSentence>,
    pub events: Vec<Event>,
}

impl NewDocument {
    pub fn new(
        doc: &Document,
        content_hash: String,
        body: String,
        sentences: Vec<NewSentence>,
        events: Vec<Event>,
    ) -> NewDocument {
        NewDocument {
            doc: doc.id.clone(),
            url: doc.url.clone(),
            title: doc.title.clone(),
            publication_date: doc.date.map(|d| d.to_string()),
            content_hash,
            input: None,
            body,
            sentences,
            events,
        }
    }
}

/// An event as stored, with where its sentence sits in its document.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredEvent {
    pub event: Event,
    /// The sentence's first code point in the body.
    pub sentence_start: Option<usize>,
    /// The body's length in code points.
    pub doc_chars: Option<usize>,
    pub title: Option<String>,
}

/// A document that could not be read or coded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewError {
    pub origin: String,
    pub input: Option<String>,
    /// `read` or `code`.
    pub stage: String,
    pub reason: String,
}

/// Counts of what a store holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub documents: u64,
    pub sentences: u64,
    pub events: u64,
    pub actors: u64,
    pub errors: u64,
}

/// The store seam: the SQLite store and test fakes interchange.
pub trait Store {
    /// Whether a document with this content hash is stored.
    ///
    /// # Errors
    /// A database failure.
    fn contains(&self, content_hash: &str) -> Result<bool, StoreError>;
    /// Stores a document and all its rows in one transaction; `false` when its content hash
    /// was already stored (nothing written).
    ///
    /// # Errors
    /// A database failure (then nothing of the document is written).
    fn put(&mut self, doc: &NewDocument) -> Result<bool, StoreError>;
    /// Stores several documents and errors in one commit (far cheaper than one each), each
    /// document still whole or not at all; whether each document was new.
    ///
    /// # Errors
    /// A database failure (then nothing of the batch is written).
    fn put_many(&mut self, docs: &[&NewDocument], errors: &[NewError]) -> Result<Vec<bool>, StoreError> {
        let out = docs.iter().map(|d| self.put(d)).collect::<Result<Vec<_>, _>>()?;
        for e in errors {
            self.put_error(e)?;
        }
        Ok(out)
    }
    /// Records (or refreshes) a per-document error.
    ///
    /// # Errors
    /// A database failure.
    fn put_error(&mut self, e: &NewError) -> Result<(), StoreError>;
    /// The events that pass `q`, by date then document and sentence.
    ///
    /// # Errors
    /// A database failure or a bad full-text query.
    fn query(&self, q: &Query) -> Result<Vec<StoredEvent>, StoreError>;
}

/// The content hash that makes ingest idempotent: SHA-256 (hex) of the document's id, url,
/// title, date and text. The same article under another id is another document; the same
/// id with changed text is a new version, stored beside the old.
pub fn content_hash(doc: &Document) -> String {
    let mut h = Sha256::new();
    for part in [
        doc.id.as_str(),
        doc.url.as_deref().unwrap_or(""),
        doc.title.as_deref().unwrap_or(""),
        &doc.date.map(|d| d.to_string()).unwrap_or_default(),
        doc.text.as_str(),
    ] {
        h.update((part.len() as u64).to_le_bytes());
        h.update(part.as_bytes());
    }
    let digest = h.finalize();
    let mut s = String::with_capacity(64);
    for b in digest {
        s.push_str(&format!("{b:02x}"));
    }
    s
}
