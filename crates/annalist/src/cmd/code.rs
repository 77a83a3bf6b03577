//! `annalist code`: articles in, one event record per line out.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use annalist_core::{CodeOptions, Coder};
use annalist_ingest::{read_inputs, InputFormat};
use rayon::prelude::*;

#[derive(clap::Args)]
pub struct Args {
    /// Input files or directories (none, or `-`: standard input).
    pub inputs: Vec<PathBuf>,
    /// Output format: jsonl, csv, tsv, gdelt, plover.
    #[arg(long, default_value = "jsonl")]
    pub format: String,
    #[command(flatten)]
    pub coding: CodingArgs,
}

/// The flags `code` and `ingest` share: how to read and code the articles.
#[derive(clap::Args)]
pub struct CodingArgs {
    /// Publication date (YYYY-MM-DD) for documents that carry none.
    #[arg(long)]
    pub date: Option<chrono::NaiveDate>,
    /// Also give negated and hypothetical events, flagged.
    #[arg(long)]
    pub all: bool,
    /// Add an `explain` object to each event: words, dictionary entries, rule.
    #[arg(long)]
    pub explain: bool,
    /// Code with the dictionaries in this folder instead of the built-in ones.
    #[arg(long)]
    pub dict: Option<PathBuf>,
    /// Format of `--dict`: annalist, petrarch (PETRARCH 2 / Phoenix) or tabari.
    #[arg(long, default_value = "annalist")]
    pub dict_format: String,
    /// Force the input format: auto, text, html, jsonl, warc.
    #[arg(long, default_value = "auto")]
    pub input_format: InputFormat,
    /// Worker threads (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
}

impl CodingArgs {
    pub fn coder(&self) -> anyhow::Result<Coder> {
        build_coder(self.dict.as_ref(), &self.dict_format)
    }

    pub fn options(&self) -> CodeOptions {
        CodeOptions { all: self.all, explain: self.explain, default_date: self.date }
    }
}

/// Builds the coder the flags ask for. PETRARCH and TABARI dictionaries are converted to
/// annalist sources at load time; what was converted is reported on stderr.
fn build_coder(dict: Option<&PathBuf>, dict_format: &str) -> anyhow::Result<Coder> {
    let mut b = Coder::builder();
    match (dict_format, dict) {
        ("annalist", Some(d)) => b = b.dictionary_dir(d),
        ("annalist", None) => {}
        ("petrarch" | "tabari", None) => anyhow::bail!("--dict-format {dict_format} needs --dict DIR"),
        ("petrarch" | "tabari", Some(d)) => {
            let (sources, stats) = if dict_format == "petrarch" {
                annalist_dict::peer_format::petrarch_sources(d)
            } else {
                annalist_dict::peer_format::tabari_sources(d)
            }
            .with_context(|| format!("reading {dict_format} dictionaries in {}", d.display()))?;
            eprintln!("annalist: {dict_format} dictionaries in {}: {stats}", d.display());
            b = b.sources(sources);
        }
        _ => anyhow::bail!("--dict-format {dict_format}: expected annalist, petrarch or tabari"),
    }
    b.build().context("building the coder")
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let format: annalist_store::export::ExportFormat =
        args.format.parse().map_err(|e| anyhow::anyhow!("--format: {e}"))?;
    if let Some(n) = args.coding.threads {
        let _ = rayon::ThreadPoolBuilder::new().num_threads(n).build_global();
    }
    let coder = args.coding.coder()?;
    let opts = args.coding.options();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut writer = annalist_store::export::EventWriter::new(format, &mut out);
    let mut failed = false;
    let mut docs = read_inputs(&args.inputs, args.coding.input_format);
    loop {
        let batch: Vec<_> = docs.by_ref().take(256).collect();
        if batch.is_empty() {
            break;
        }
        let coded: Vec<_> = batch
            .into_par_iter()
            .map(|d| d.map(|doc| coder.code(&doc, &opts)))
            .collect();
        for c in coded {
            match c {
                Ok(c) => {
                    for d in &c.diagnostics {
                        eprintln!("annalist: {}: {}", d.doc, d.message);
                    }
                    for e in &c.events {
                        writer.write(e)?;
                    }
                }
                Err(e) => {
                    eprintln!("annalist: {e}");
                    failed = true;
                }
            }
        }
    }
    writer.finish()?;
    out.flush()?;
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
