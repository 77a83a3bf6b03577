//! The article-extraction benchmark: 181 real news pages and their hand-made bodies
//! (Scrapinghub's, MIT), scored with its 4-gram shingle precision, recall and F1.
//!
//! ```sh
//! cargo run --release -p annalist-ingest --example extraction_bench [-- BENCH_DIR [--worst N]]
//! ```
//! BENCH_DIR defaults to `../shared/peer/article-extraction-benchmark` (from the workspace
//! root); when it is absent the run says so and exits 0.

use std::path::PathBuf;

use annalist_ingest::shingle::Scores;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mut dir = None;
    let mut worst = 0usize;
    while let Some(a) = args.next() {
        if a == "--worst" {
            worst = args.next().and_then(|n| n.parse().ok()).unwrap_or(10);
        } else {
            dir = Some(PathBuf::from(a));
        }
    }
    let dir = dir.unwrap_or_else(default_dir);
    let Some(result) = annalist_ingest::shingle::run_benchmark(&dir)? else {
        println!("extraction benchmark skipped: {} not found", dir.display());
        return Ok(());
    };
    let scores = Scores::from_matches(&result.iter().map(|r| r.1).collect::<Vec<_>>());
    println!(
        "article-extraction-benchmark ({} pages): precision={:.3} recall={:.3} F1={:.3}",
        result.len(),
        scores.precision,
        scores.recall,
        scores.f1
    );
    let mut sorted = result.clone();
    sorted.sort_by(|a, b| {
        let fa = a.1.tp / (a.1.tp + 0.5 * (a.1.fp + a.1.fn_)).max(1e-9);
        let fb = b.1.tp / (b.1.tp + 0.5 * (b.1.fp + b.1.fn_)).max(1e-9);
        fa.total_cmp(&fb)
    });
    for (id, m) in sorted.iter().take(worst) {
        println!("{id}  tp={:.3} fp={:.3} fn={:.3}", m.tp, m.fp, m.fn_);
    }
    Ok(())
}

fn default_dir() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.join("../../../shared/peer/article-extraction-benchmark")
}
