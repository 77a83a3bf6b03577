//! Corpus benchmark: codes a JSONL corpus on ONE core and reports documents, sentences,
//! events, sentences/s, MB/s and peak memory.
//!
//!     cargo bench -p annalist-core --bench corpus -- [--corpus FILE.jsonl] [--repeat N]
//!
//! The default corpus is `../shared/bench/news181.jsonl` beside the workspace (or
//! `$ANNALIST_BENCH_CORPUS`); when it is absent the benchmark says so and skips. Lines are
//! `{"id", "url", "title", "date", "text"}`; lines without `text` (HTML) are skipped and
//! counted. The corpus is streamed: one document in memory at a time, and only
//! `Coder::code` is timed (reading and JSON parsing are not). Every pass must give the same
//! counts. Wall time is timed around `Coder::code`; CPU time (from /proc, whole pass) is
//! reported too, as the fairer figure when other processes share the machine. Without `--bench` (`cargo test --benches`) only the first 10 documents run once.
//! `bench/gen_corpus.py` makes larger corpora; record results in `bench/results.md`.

mod harness;

use std::io::BufRead;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use annalist_core::{CodeOptions, Coder};
use annalist_text::Document;

#[derive(Default, Clone, Copy, PartialEq, Eq, Debug)]
struct Totals {
    documents: usize,
    skipped: usize,
    bytes: usize,
    sentences: usize,
    events: usize,
}

fn main() {
    let bench = harness::Bench::from_args();
    let args: Vec<String> = std::env::args().collect();
    let flag = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let corpus = flag("--corpus")
        .or_else(|| std::env::var("ANNALIST_BENCH_CORPUS").ok())
        .map(PathBuf::from)
        .unwrap_or_else(|| harness::workspace().join("../shared/bench/news181.jsonl"));
    // `cargo bench` runs this in crates/annalist-core: a relative path is tried from there,
    // then from the workspace root.
    let corpus = if corpus.is_relative() && !corpus.is_file() { harness::workspace().join(corpus) } else { corpus };
    let repeat: usize = flag("--repeat").and_then(|n| n.parse().ok()).unwrap_or(3).max(1);
    if !corpus.is_file() {
        println!("corpus benchmark skipped: {} is absent", corpus.display());
        return;
    }
    let corpus = corpus.canonicalize().unwrap_or(corpus);
    let limit = if bench.timing() { usize::MAX } else { 10 };
    let coder = match Coder::builder().build() {
        Ok(c) => c,
        Err(e) => panic!("building the coder: {e}"),
    };
    let opts = CodeOptions::default();

    let mut first: Option<Totals> = None;
    let mut best = Duration::MAX;
    let mut best_cpu = f64::MAX;
    let passes = if bench.timing() { repeat } else { 1 };
    for _ in 0..passes {
        let cpu0 = harness::cpu_seconds();
        let (t, spent) = pass(&coder, &opts, &corpus, limit);
        if let (Some(a), Some(b)) = (cpu0, harness::cpu_seconds()) {
            best_cpu = best_cpu.min(b - a);
        }
        match first {
            None => first = Some(t),
            Some(f) => assert_eq!(f, t, "every pass over the corpus gives the same counts"),
        }
        best = best.min(spent);
    }
    let Some(t) = first else { return };
    assert!(t.documents > 0, "no documents in {}", corpus.display());
    assert!(t.sentences >= t.documents, "implausible segmentation: {t:?}");
    let peak = harness::peak_rss_kib();
    if !bench.timing() {
        println!("corpus: {} documents, {} sentences, {} events (checked once; `cargo bench` to time)", t.documents, t.sentences, t.events);
        return;
    }
    let secs = best.as_secs_f64();
    let sps = t.sentences as f64 / secs;
    let mbps = t.bytes as f64 / secs / 1e6;
    println!("corpus: {} ({:.2} MB of text)", corpus.display(), t.bytes as f64 / 1e6);
    println!(
        "documents {}, skipped {} (no text), sentences {}, events {}",
        t.documents, t.skipped, t.sentences, t.events
    );
    println!("coding time {secs:.3} s wall on one thread (best of {passes} passes)");
    println!("{sps:.0} sentences/s, {mbps:.2} MB/s, {:.0} documents/s", t.documents as f64 / secs);
    let cpu = (best_cpu < f64::MAX && best_cpu > 0.0).then_some(best_cpu);
    if let Some(c) = cpu {
        println!(
            "CPU time {c:.2} s per pass (reading and parsing included): {:.0} sentences/s, {:.2} MB/s of CPU",
            t.sentences as f64 / c,
            t.bytes as f64 / c / 1e6
        );
    }
    if let Some(kib) = peak {
        println!("peak memory (VmHWM) {:.1} MiB", kib as f64 / 1024.0);
    }
    println!("aim: 20000 sentences/s per core -> {:.0}% of it", sps / 200.0);
    println!(
        "RESULT {{\"documents\":{},\"sentences\":{},\"events\":{},\"bytes\":{},\"seconds\":{secs:.6},\"cpu_seconds\":{:.2},\"sentences_per_s\":{sps:.1},\"mb_per_s\":{mbps:.3},\"peak_kib\":{}}}",
        t.documents,
        t.sentences,
        t.events,
        t.bytes,
        cpu.unwrap_or(0.0),
        peak.unwrap_or(0)
    );
}

/// One pass over the corpus: its counts and the time spent in `Coder::code`.
fn pass(coder: &Coder, opts: &CodeOptions, path: &std::path::Path, limit: usize) -> (Totals, Duration) {
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => panic!("{}: {e}", path.display()),
    };
    let mut t = Totals::default();
    let mut spent = Duration::ZERO;
    for line in std::io::BufReader::with_capacity(1 << 20, file).lines().map_while(Result::ok) {
        if t.documents >= limit {
            break;
        }
        let Some(doc) = parse_line(&line) else {
            t.skipped += usize::from(!line.trim().is_empty());
            continue;
        };
        let start = Instant::now();
        let coded = coder.code(&doc, opts);
        spent += start.elapsed();
        t.documents += 1;
        t.bytes += doc.text.len();
        t.sentences += coded.sentences.len();
        t.events += coded.events.len();
    }
    (t, spent)
}

fn parse_line(line: &str) -> Option<Document> {
    let v: serde_json::Value = serde_json::from_str(line).ok()?;
    let s = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
    let mut doc = Document::plain(s("id").unwrap_or_default(), s("text")?);
    doc.url = s("url");
    doc.title = s("title");
    doc.date = s("date").and_then(|d| chrono::NaiveDate::parse_from_str(d.get(..10)?, "%Y-%m-%d").ok());
    Some(doc)
}
