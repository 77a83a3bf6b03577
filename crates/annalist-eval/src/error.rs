//! Errors of loading gold sets, predictions and baselines: each names the file (and line).
//!
//! The underlying error is part of the message (not a `source`), so it is printed once.

use std::path::PathBuf;

/// Why a gold set, a prediction file or a baseline could not be used.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A file or folder could not be read.
    #[error("{path}: {err}")]
    Io {
        path: PathBuf,
        err: std::io::Error,
    },
    /// A gold file is not valid JSON or not in the SPEC.md shape.
    #[error("{path}: not a gold file: {err}")]
    GoldJson {
        path: PathBuf,
        err: serde_json::Error,
    },
    /// A gold file parses but says something impossible (bad code, id not its file name ...).
    #[error("{path}: event {event}: {reason}")]
    GoldInvalid { path: PathBuf, event: usize, reason: String },
    /// A gold folder holds no `<id>.json`.
    #[error("{path}: no gold files (<id>.json) in this folder")]
    EmptyGold { path: PathBuf },
    /// A line of a predictions file is not an event record.
    #[error("{origin}:{line}: not an event record: {err}")]
    Prediction {
        origin: String,
        line: usize,
        err: serde_json::Error,
    },
    /// A baseline file is not one that `--save-baseline` wrote.
    #[error("{path}: not a baseline: {err}")]
    Baseline {
        path: PathBuf,
        err: serde_json::Error,
    },
}
