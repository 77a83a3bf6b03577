//! Errors of loading gold sets, predictions and baselines: each names the file (and line).

use std::path::PathBuf;

/// Why a gold set, a prediction file or a baseline could not be used.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A file or folder could not be read.
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A gold file is not valid JSON or not in the SPEC.md shape.
    #[error("{path}: not a gold file: {source}")]
    GoldJson {
        path: PathBuf,
        #[source]
        source: serde_json::Error,
    },
    /// A gold file parses but says something impossible (bad code, id not its file name ...).
    #[error("{path}: event {event}: {reason}")]
    GoldInvalid { path: PathBuf, event: usize, reason: String },
    /// A gold folder holds no `<id>.json`.
    #[error("{path}: no gold files (<id>.json) in this folder")]
    EmptyGold { path: PathBuf },
    /// A line of a predictions file is not an event record.
    #[error("{origin}:{line}: not an event record: {source}")]
    Prediction {
        origin: String,
        line: usize,
        #[source]
        source: serde_json::Error,
    },
    /// A baseline file is not one that `--save-baseline` wrote.
    #[error("{path}: not a baseline: {source}")]
    Baseline {
        path: PathBuf,
        #[source]
        source: serde_json::Error,
    },
}
