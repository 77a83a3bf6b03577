//! `annalist eval`: scores coded events against a gold set (SPEC.md "Gold sets").
//!
//! Without a predictions file the gold articles are coded here, with the built-in coder and
//! `--all` (so negated and hypothetical events can be scored separately): each `<id>.txt` or
//! `.html` beside `<id>.json` is read with annalist-ingest, its id is the file stem and its
//! publication date the gold file's `publication_date`.
//!
//! Exit status: 0, or 1 when `--baseline` is given and the event, triple or full F1 fell by
//! more than `--min-f1-drop`; 2 for a usage error or an unreadable gold set.

use std::io::{BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use annalist_core::{CodeOptions, Coder};
use annalist_eval::report;
use annalist_eval::{evaluate, load_gold, read_predictions, Baseline, Diff, GoldSet, Prediction};
use annalist_ingest::{read_inputs, InputFormat};
use rayon::prelude::*;

#[derive(clap::Args)]
pub struct Args {
    /// The gold set: a folder of `<id>.json` files and their articles.
    #[arg(long)]
    pub gold: PathBuf,
    /// Predicted events, one record a line (`-`: standard input). Without it, the gold
    /// articles are coded with the built-in coder.
    pub predictions: Option<PathBuf>,
    /// Write the markdown report here.
    #[arg(long, value_name = "FILE.md")]
    pub report: Option<PathBuf>,
    /// Compare with this saved baseline: what got better and worse, event by event.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Save this run as a baseline (scores and every event's match key).
    #[arg(long, value_name = "FILE")]
    pub save_baseline: Option<PathBuf>,
    /// With --baseline: fail (exit 1) when event, triple or full F1 falls by more than this.
    #[arg(long, default_value_t = 0.02, value_name = "F1")]
    pub min_f1_drop: f64,
    /// Also write the events coded from the gold articles here (JSONL).
    #[arg(long, value_name = "FILE")]
    pub write_predictions: Option<PathBuf>,
    /// How many changed events of each kind the terminal summary lists.
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub show: usize,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let gold = load_gold(&args.gold)?;
    let baseline = args.baseline.as_deref().map(Baseline::load).transpose()?;
    let preds = match &args.predictions {
        Some(path) => load_predictions(path)?,
        None => code_gold(&gold, args.write_predictions.as_deref())?,
    };
    let ev = evaluate(&gold, &preds);
    let now = Baseline::from_evaluation(&ev);
    let diff = baseline.as_ref().map(|b| Diff::new(b, &now));

    print!("{}", report::summary(&ev, diff.as_ref(), args.show));
    if let Some(path) = &args.report {
        std::fs::write(path, report::markdown(&ev, diff.as_ref(), &args.gold.display().to_string()))
            .with_context(|| format!("writing {}", path.display()))?;
        println!("report: {}", path.display());
    }
    if let Some(path) = &args.save_baseline {
        now.save(path)?;
        println!("baseline saved: {}", path.display());
    }
    if let Some(diff) = &diff {
        let regressions = diff.regressions(args.min_f1_drop);
        for (level, before, after) in &regressions {
            eprintln!(
                "annalist: {} F1 fell from {before:.3} to {after:.3}, more than the allowed {:.3}",
                level.name(),
                args.min_f1_drop
            );
        }
        if !regressions.is_empty() {
            return Ok(ExitCode::from(1));
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn load_predictions(path: &Path) -> anyhow::Result<Vec<Prediction>> {
    if path.as_os_str() == "-" {
        return Ok(read_predictions(std::io::stdin().lock(), "stdin")?);
    }
    let file = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    Ok(read_predictions(BufReader::new(file), &path.display().to_string())?)
}

/// Codes every gold article (in parallel, results in gold order). An article that is
/// missing or unreadable is reported and scored as coding nothing.
fn code_gold(gold: &GoldSet, write_to: Option<&Path>) -> anyhow::Result<Vec<Prediction>> {
    let coder = Coder::builder().build().map_err(|e| anyhow::anyhow!("building the coder: {e}"))?;
    let per_doc: Vec<Vec<annalist_text::record::Event>> = gold
        .docs
        .par_iter()
        .map(|g| {
            let Some(path) = &g.article else {
                eprintln!("annalist: {}: no article (.txt or .html) beside the gold file", g.id);
                return Vec::new();
            };
            let date = g.publication_date.as_deref().and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
            let opts = CodeOptions { all: true, explain: false, default_date: date };
            let mut events = Vec::new();
            for doc in read_inputs(std::slice::from_ref(path), InputFormat::Auto) {
                match doc {
                    Ok(mut doc) => {
                        doc.id.clone_from(&g.id);
                        if date.is_some() {
                            doc.date = date;
                        }
                        events.extend(coder.code(&doc, &opts).events);
                    }
                    Err(e) => eprintln!("annalist: {e}"),
                }
            }
            events
        })
        .collect();
    if let Some(path) = write_to {
        let file = std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?;
        let mut out = std::io::BufWriter::new(file);
        for e in per_doc.iter().flatten() {
            serde_json::to_writer(&mut out, e)?;
            out.write_all(b"\n")?;
        }
        out.flush()?;
    }
    Ok(per_doc.iter().flatten().map(Prediction::from).collect())
}
