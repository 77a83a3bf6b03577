//! The extraction benchmark as a test: F1 must stay at or above 0.95 on Scrapinghub's
//! article-extraction-benchmark (the 4-gram shingle metric of its `evaluate.py`). Skipped,
//! saying so, when the benchmark folder (`../shared/peer/article-extraction-benchmark` from the
//! workspace root, or `$ANNALIST_EXTRACTION_BENCH`) is absent.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

use annalist_ingest::shingle::Scores;

#[test]
fn extraction_f1_at_least_095() {
    let dir = std::env::var_os("ANNALIST_EXTRACTION_BENCH").map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/peer/article-extraction-benchmark")
    });
    let result = match annalist_ingest::shingle::run_benchmark(&dir) {
        Ok(Some(r)) => r,
        Ok(None) => {
            eprintln!("skipped: extraction benchmark not found at {}", dir.display());
            return;
        }
        Err(e) => panic!("benchmark unreadable: {e}"),
    };
    assert_eq!(result.len(), 181);
    let s = Scores::from_matches(&result.iter().map(|r| r.1).collect::<Vec<_>>());
    eprintln!("precision={:.3} recall={:.3} F1={:.3}", s.precision, s.recall, s.f1);
    assert!(s.f1 >= 0.95, "extraction F1 {:.3} < 0.95", s.f1);
}
