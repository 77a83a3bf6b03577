//! `annalist ingest INPUT... [--db FILE]`: code articles into a SQLite store.
//!
//! Reading is framed on one thread and parsed, coded and hashed on all cores (rayon); one
//! writer thread owns the database and commits documents in batches, each document — its
//! document, sentences, events and actors rows — whole in its own savepoint of the batch's
//! transaction. A document whose content hash is stored is
//! skipped, so a second run over the same inputs adds nothing, and a run killed midway can
//! be run again: what was committed stays, what was not is done again.

use std::collections::HashSet;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{sync_channel, Receiver};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context;
use annalist_core::{CodeOptions, Coded, Coder};
use annalist_ingest::{input_size, raw_inputs_with_progress, RawDoc};
use annalist_store::{content_hash, NewDocument, NewError, NewSentence, SqliteStore, Store};
use annalist_text::Document;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

#[derive(clap::Args)]
pub struct Args {
    /// Input files or directories (none, or `-`: standard input).
    pub inputs: Vec<PathBuf>,
    /// The SQLite database to write (created if missing).
    #[arg(long, default_value = "annalist.db")]
    pub db: PathBuf,
    #[command(flatten)]
    pub coding: super::code::CodingArgs,
    /// Print a summary line (documents, events, rate) at the end even when standard error is
    /// not a terminal.
    #[arg(long)]
    pub summary: bool,
}

/// What the workers send the writer.
enum Msg {
    Doc(Box<NewDocument>, Vec<String>),
    Error(NewError),
    Skipped,
}

#[derive(Default)]
struct Tally {
    stored: AtomicU64,
    skipped: AtomicU64,
    failed: AtomicU64,
    events: AtomicU64,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let pool = {
        let mut b = rayon::ThreadPoolBuilder::new();
        if let Some(n) = args.coding.threads {
            b = b.num_threads(n);
        }
        b.build().context("starting worker threads")?
    };
    let coder = args.coding.coder()?;
    let opts = args.coding.options();

    let store = SqliteStore::open(&args.db).with_context(|| format!("opening {}", args.db.display()))?;
    // The stored hashes, as their first 128 bits (16 bytes each: ~4 MB per 100,000 documents),
    // to skip known documents before coding them. The database's UNIQUE constraint on the
    // full hash stays the arbiter.
    let known: HashSet<u128> = {
        let mut st = store.connection().prepare("SELECT content_hash FROM documents")?;
        let rows = st.query_map([], |r| r.get::<_, String>(0))?;
        rows.filter_map(|h| h.ok().and_then(|h| short_hash(&h))).collect()
    };

    let terminal = std::io::stderr().is_terminal();
    let total = input_size(&args.inputs);
    let read_bytes = Arc::new(AtomicU64::new(0));
    let pb = if terminal {
        let pb = ProgressBar::with_draw_target(Some(total.max(1)), ProgressDrawTarget::stderr());
        pb.set_style(
            ProgressStyle::with_template(
                "{spinner} [{elapsed_precise}] {wide_bar} {binary_bytes}/{binary_total_bytes} {msg} ETA {eta}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        pb
    } else {
        ProgressBar::hidden()
    };
    let tally = Arc::new(Tally::default());
    let started = Instant::now();

    let (tx, rx) = sync_channel::<Msg>(256);
    let writer = {
        let pb = pb.clone();
        let tally = Arc::clone(&tally);
        let read_bytes = Arc::clone(&read_bytes);
        std::thread::spawn(move || write_all(store, rx, &pb, &tally, &read_bytes, started, terminal))
    };

    let raws = raw_inputs_with_progress(&args.inputs, args.coding.input_format, Arc::clone(&read_bytes));
    pool.install(|| {
        raws.par_bridge().for_each_with(tx, |tx, raw| {
            let msg = process(raw, &coder, &opts, &known);
            let _ = tx.send(msg);
        })
    });
    // All senders are gone once the loop ends; the writer drains and returns.
    let store = writer.join().map_err(|_| anyhow::anyhow!("the database writer failed"))??;
    pb.finish_and_clear();

    let secs = started.elapsed().as_secs_f64();
    let (stored, skipped, failed, events) = (
        tally.stored.load(Ordering::Relaxed),
        tally.skipped.load(Ordering::Relaxed),
        tally.failed.load(Ordering::Relaxed),
        tally.events.load(Ordering::Relaxed),
    );
    if terminal || args.summary {
        let counts = store.counts()?;
        eprintln!(
            "annalist: ingested {stored} documents ({events} events), skipped {skipped} already stored, \
             {failed} failed, in {secs:.1}s ({:.0} documents/s); {} now holds {} documents, {} events",
            (stored + skipped) as f64 / secs.max(1e-9),
            args.db.display(),
            counts.documents,
            counts.events
        );
    }
    Ok(if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn short_hash(hex: &str) -> Option<u128> {
    u128::from_str_radix(hex.get(..32)?, 16).ok()
}

/// Parses, hashes and codes one document (on a worker thread).
fn process(
    raw: Result<RawDoc, annalist_ingest::ReadError>,
    coder: &Coder,
    opts: &CodeOptions,
    known: &HashSet<u128>,
) -> Msg {
    let input = raw.as_ref().ok().and_then(|r| r.input.as_deref().map(str::to_string));
    let doc = match raw.and_then(RawDoc::parse) {
        Ok(d) => d,
        Err(e) => {
            return Msg::Error(NewError {
                origin: e.origin.clone(),
                input,
                stage: "read".into(),
                reason: e.reason,
            })
        }
    };
    let hash = content_hash(&doc);
    if short_hash(&hash).is_some_and(|h| known.contains(&h)) {
        return Msg::Skipped;
    }
    let coded = match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| coder.code(&doc, opts))) {
        Ok(c) => c,
        Err(_) => {
            return Msg::Error(NewError {
                origin: doc.id.clone(),
                input,
                stage: "code".into(),
                reason: "the coder failed on this document".into(),
            })
        }
    };
    let diagnostics = coded.diagnostics.iter().map(|d| d.message.clone()).collect();
    let mut nd = to_new_document(&doc, hash, coded);
    nd.input = input;
    Msg::Doc(Box::new(nd), diagnostics)
}

fn to_new_document(doc: &Document, hash: String, coded: Coded) -> NewDocument {
    let body = coded.structure.body;
    // Byte spans -> code-point offsets, walking the body once.
    let mut sentences = Vec::with_capacity(coded.sentences.len());
    let (mut byte, mut chars) = (0usize, 0usize);
    let advance = |to: usize, byte: &mut usize, chars: &mut usize| {
        if to > *byte {
            *chars += body.get(*byte..to).map_or(0, |s| s.chars().count());
            *byte = to;
        }
        *chars
    };
    for s in &coded.sentences {
        let (a, b) = (s.start(), s.end());
        if a < byte || b > body.len() || !body.is_char_boundary(a) || !body.is_char_boundary(b) {
            continue;
        }
        let start = advance(a, &mut byte, &mut chars);
        let end = advance(b, &mut byte, &mut chars);
        sentences.push(NewSentence { start, end, text: body[a..b].to_string() });
    }
    let mut nd = NewDocument::new(doc, hash, String::new(), sentences, coded.events);
    if nd.publication_date.is_none() {
        nd.publication_date = coded.structure.date.map(|d| d.to_string());
    }
    if nd.title.is_none() {
        nd.title = coded.structure.title;
    }
    nd.body = body;
    nd
}

/// Documents per commit at most, and the longest a document waits for its commit.
const BATCH_DOCS: usize = 128;
const BATCH_WAIT: Duration = Duration::from_millis(250);

/// The writer thread. Documents are committed in batches (one commit per document costs far
/// more than the coding); each document sits in its own savepoint, so it is whole or absent.
fn write_all(
    mut store: SqliteStore,
    rx: Receiver<Msg>,
    pb: &ProgressBar,
    tally: &Tally,
    read_bytes: &AtomicU64,
    started: Instant,
    terminal: bool,
) -> anyhow::Result<SqliteStore> {
    let mut last = Instant::now();
    let report = |line: String| {
        if terminal {
            pb.suspend(|| eprintln!("{line}"));
        } else {
            eprintln!("{line}");
        }
    };
    let mut open = true;
    while open {
        let mut docs: Vec<NewDocument> = Vec::new();
        let mut errors: Vec<NewError> = Vec::new();
        let first = match rx.recv() {
            Ok(m) => m,
            Err(_) => break,
        };
        let batch_start = Instant::now();
        let mut next = Some(first);
        while let Some(msg) = next.take() {
            match msg {
                Msg::Doc(d, diagnostics) => {
                    for reason in diagnostics {
                        errors.push(NewError { origin: d.doc.clone(), input: None, stage: "diagnostic".into(), reason });
                    }
                    docs.push(*d);
                }
                Msg::Skipped => {
                    tally.skipped.fetch_add(1, Ordering::Relaxed);
                }
                Msg::Error(e) => {
                    tally.failed.fetch_add(1, Ordering::Relaxed);
                    report(format!("annalist: {}: {}", e.origin, e.reason));
                    errors.push(e);
                }
            }
            if docs.len() >= BATCH_DOCS {
                break;
            }
            let left = BATCH_WAIT.saturating_sub(batch_start.elapsed());
            match rx.recv_timeout(left) {
                Ok(m) => next = Some(m),
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => open = false,
            }
        }
        let refs: Vec<&NewDocument> = docs.iter().collect();
        let inserted = store.put_many(&refs, &errors).context("storing documents")?;
        for (d, new) in docs.iter().zip(inserted) {
            if new {
                tally.stored.fetch_add(1, Ordering::Relaxed);
                tally.events.fetch_add(d.events.len() as u64, Ordering::Relaxed);
            } else {
                tally.skipped.fetch_add(1, Ordering::Relaxed);
            }
        }
        if terminal && last.elapsed() > Duration::from_millis(100) {
            last = Instant::now();
            let done = tally.stored.load(Ordering::Relaxed) + tally.skipped.load(Ordering::Relaxed);
            let rate = done as f64 / started.elapsed().as_secs_f64().max(1e-9);
            pb.set_position(read_bytes.load(Ordering::Relaxed));
            pb.set_message(format!(
                "{done} docs ({} new, {} events, {} failed) {rate:.0} docs/s",
                tally.stored.load(Ordering::Relaxed),
                tally.events.load(Ordering::Relaxed),
                tally.failed.load(Ordering::Relaxed)
            ));
        }
    }
    Ok(store)
}
