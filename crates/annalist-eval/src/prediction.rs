//! Predicted events: the fields of the SPEC.md event record that scoring reads.
//!
//! Deserialising into this rather than the full [`Event`] lets records from other coders
//! (or older annalist versions) be scored as long as they carry these fields.

use std::io::BufRead;

use annalist_text::record::Event;
use serde::{Deserialize, Serialize};

use crate::error::EvalError;

/// An actor's code.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PredActor {
    #[serde(default)]
    pub code: Option<String>,
}

/// A predicted place.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PredLocation {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub country: Option<String>,
}

/// One predicted event.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Prediction {
    pub doc: String,
    pub sentence_text: String,
    pub code: String,
    #[serde(default)]
    pub source: Option<PredActor>,
    #[serde(default)]
    pub target: Option<PredActor>,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub location: Option<PredLocation>,
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
}

impl Prediction {
    pub fn source_code(&self) -> Option<&str> {
        self.source.as_ref().and_then(|a| a.code.as_deref()).filter(|c| !c.is_empty())
    }

    pub fn target_code(&self) -> Option<&str> {
        self.target.as_ref().and_then(|a| a.code.as_deref()).filter(|c| !c.is_empty())
    }

    /// Whether the coder reports this as having happened.
    pub fn is_fact(&self) -> bool {
        !self.negated && !self.hypothetical
    }
}

impl From<&Event> for Prediction {
    fn from(e: &Event) -> Prediction {
        Prediction {
            doc: e.doc.clone(),
            sentence_text: e.sentence_text.clone(),
            code: e.code.clone(),
            source: e.source.as_ref().map(|a| PredActor { code: a.code.clone() }),
            target: e.target.as_ref().map(|a| PredActor { code: a.code.clone() }),
            date: e.date.clone(),
            location: e.location.as_ref().map(|l| PredLocation { name: l.name.clone(), country: l.country.clone() }),
            killed: e.killed,
            wounded: e.wounded,
            reported_by: e.reported_by.clone(),
            negated: e.negated,
            hypothetical: e.hypothetical,
        }
    }
}

/// Reads event records, one JSON object a line (blank lines skipped).
///
/// # Errors
/// On a read error or a line that is not an event record; `origin` names the input.
pub fn read_predictions(reader: impl BufRead, origin: &str) -> Result<Vec<Prediction>, EvalError> {
    let mut out = Vec::new();
    for (i, line) in reader.lines().enumerate() {
        let line = line.map_err(|err| EvalError::Io { path: origin.into(), err })?;
        if line.trim().is_empty() {
            continue;
        }
        let p = serde_json::from_str(&line).map_err(|err| EvalError::Prediction { origin: origin.to_string(), line: i + 1, err })?;
        out.push(p);
    }
    Ok(out)
}
