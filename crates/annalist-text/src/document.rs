use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How a document's `text` came to be, which decides how much cleaning it still needs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TextOrigin {
    /// Text as scraped: may hold a date line, title, captions, credits and debris.
    #[default]
    Plain,
    /// Main text already extracted from HTML: paragraphs separated by blank lines.
    Extracted,
}

/// One article as a reader produced it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Document id (`doc` in the event record).
    pub id: String,
    pub url: Option<String>,
    pub title: Option<String>,
    /// Publication date given by the container (JSONL `date`, HTML metadata, WARC-Date).
    pub date: Option<NaiveDate>,
    pub text: String,
    pub origin: TextOrigin,
    /// Any other fields the input carried (kept, never interpreted).
    #[serde(default, skip_serializing_if = "serde_json::Map::is_empty")]
    pub meta: serde_json::Map<String, serde_json::Value>,
}

impl Document {
    pub fn plain(id: impl Into<String>, text: impl Into<String>) -> Document {
        Document { id: id.into(), text: text.into(), ..Document::default() }
    }
}
