//! Gold sets in the SPEC.md format: a folder of articles and one `<id>.json` each.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::EvalError;

/// One hand-coded event.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GoldEvent {
    /// A substring of the sentence that reports the event.
    pub sentence_contains: String,
    pub source: Option<String>,
    pub code: String,
    pub target: Option<String>,
    #[serde(default)]
    pub date: Option<String>,
    /// The place name, when the sentence or article gives one.
    #[serde(default)]
    pub location: Option<String>,
    /// The country where the event happened.
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub killed: Option<u32>,
    #[serde(default)]
    pub wounded: Option<u32>,
    #[serde(default)]
    pub reported_by: Option<String>,
    #[serde(default)]
    pub negated: bool,
    #[serde(default)]
    pub hypothetical: bool,
    /// Other codes accepted as correct.
    #[serde(default)]
    pub alt_codes: Vec<String>,
    #[serde(default)]
    pub notes: Option<String>,
}

impl GoldEvent {
    /// Whether the article reports this event as having happened (neither negated nor
    /// hypothetical): only those are expected as facts.
    pub fn is_fact(&self) -> bool {
        !self.negated && !self.hypothetical
    }
}

/// The gold annotation of one article.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GoldDoc {
    pub id: String,
    #[serde(default)]
    pub publication_date: Option<String>,
    #[serde(default)]
    pub events: Vec<GoldEvent>,
    /// Substrings of sentences that report no codable event.
    #[serde(default)]
    pub null_sentences: Vec<String>,
    /// The article beside the gold file (`<id>.txt`, `.html` or `.htm`), when there is one.
    #[serde(skip)]
    pub article: Option<PathBuf>,
}

/// A loaded gold set, its documents sorted by id.
#[derive(Clone, Debug, Default)]
pub struct GoldSet {
    pub dir: PathBuf,
    pub docs: Vec<GoldDoc>,
}

impl GoldSet {
    /// Every event of every document.
    pub fn event_count(&self) -> usize {
        self.docs.iter().map(|d| d.events.len()).sum()
    }

    pub fn doc(&self, id: &str) -> Option<&GoldDoc> {
        self.docs.iter().find(|d| d.id == id)
    }
}

/// Loads every `<id>.json` in `dir` (not below it).
///
/// # Errors
/// When the folder cannot be read, holds no gold file, or a gold file is not valid: not
/// JSON in the SPEC.md shape, an `id` other than its file name, a code that is not 2-4
/// digits, an empty `sentence_contains`.
pub fn load(dir: &Path) -> Result<GoldSet, EvalError> {
    let io = |err| EvalError::Io { path: dir.to_path_buf(), err };
    let mut jsons = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let path = entry.map_err(io)?.path();
        if path.extension().is_some_and(|e| e == "json") {
            jsons.push(path);
        }
    }
    if jsons.is_empty() {
        return Err(EvalError::EmptyGold { path: dir.to_path_buf() });
    }
    jsons.sort();
    let mut docs = Vec::with_capacity(jsons.len());
    for path in jsons {
        docs.push(load_doc(&path)?);
    }
    Ok(GoldSet { dir: dir.to_path_buf(), docs })
}

fn load_doc(path: &Path) -> Result<GoldDoc, EvalError> {
    let text = std::fs::read_to_string(path).map_err(|err| EvalError::Io { path: path.to_path_buf(), err })?;
    let mut doc: GoldDoc =
        serde_json::from_str(&text).map_err(|err| EvalError::GoldJson { path: path.to_path_buf(), err })?;
    let invalid = |event: usize, reason: String| EvalError::GoldInvalid { path: path.to_path_buf(), event, reason };
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    if doc.id != stem {
        return Err(invalid(0, format!("id {:?} is not the file name {stem:?}", doc.id)));
    }
    for (i, e) in doc.events.iter().enumerate() {
        for code in std::iter::once(&e.code).chain(&e.alt_codes) {
            if !(2..=4).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
                return Err(invalid(i, format!("code {code:?} is not a CAMEO code")));
            }
        }
        if e.sentence_contains.trim().is_empty() {
            return Err(invalid(i, "empty sentence_contains".into()));
        }
    }
    doc.article = ["txt", "html", "htm"].iter().map(|ext| path.with_extension(ext)).find(|p| p.is_file());
    Ok(doc)
}
