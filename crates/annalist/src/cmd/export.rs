//! `annalist export --db FILE --format F --out FILE [FILTERS]`: a store's events as JSONL,
//! CSV, TSV, GDELT 2.0 (with a mentions companion), Parquet or PLOVER.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use annalist_store::export::{write_gdelt_mention, EventWriter, ExportFormat};
use annalist_store::parquet::ParquetEventWriter;
use annalist_store::StoreError;

use super::query::{open_existing, Filters};

#[derive(clap::Args)]
pub struct Args {
    /// The SQLite database to read.
    #[arg(long, default_value = "annalist.db")]
    pub db: PathBuf,
    /// jsonl, csv, tsv, gdelt, parquet or plover.
    #[arg(long)]
    pub format: String,
    /// The file to write (`-`: standard output).
    #[arg(long)]
    pub out: PathBuf,
    /// For gdelt: the mentions file (default: `<out>.mentions`; not written when --out is `-`
    /// unless named).
    #[arg(long)]
    pub mentions: Option<PathBuf>,
    #[command(flatten)]
    pub filters: Filters,
}

fn create(path: &PathBuf) -> anyhow::Result<Box<dyn Write + Send>> {
    if path.as_os_str() == "-" {
        return Ok(Box::new(std::io::stdout()));
    }
    let f = File::create(path).with_context(|| format!("creating {}", path.display()))?;
    Ok(Box::new(f))
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let store = open_existing(&args.db)?;
    let q = args.filters.to_query();
    let mut out = BufWriter::with_capacity(1 << 16, create(&args.out)?);
    let mut n = 0u64;
    if args.format.eq_ignore_ascii_case("parquet") {
        let mut w = ParquetEventWriter::new(&mut out)?;
        store.for_each_event(&q, |e| {
            n += 1;
            w.write(&e.event)
        })?;
        w.finish()?;
    } else {
        let format: ExportFormat = args.format.parse().map_err(|e: String| {
            anyhow::anyhow!("{}, parquet", e.trim_end_matches(')')).context("--format")
        })?;
        let mentions_path = match (&args.mentions, format) {
            (Some(m), _) => Some(m.clone()),
            (None, ExportFormat::Gdelt) if args.out.as_os_str() != "-" => {
                let mut p = args.out.clone().into_os_string();
                p.push(".mentions");
                Some(PathBuf::from(p))
            }
            _ => None,
        };
        let mut mentions = match &mentions_path {
            Some(p) => Some(BufWriter::new(create(p)?)),
            None => None,
        };
        let mut w = EventWriter::new(format, &mut out);
        store.for_each_event(&q, |e| {
            n += 1;
            w.write(&e.event)?;
            if let Some(m) = mentions.as_mut() {
                write_gdelt_mention(m, &e.event, e.sentence_start, e.doc_chars)?;
            }
            Ok::<(), StoreError>(())
        })?;
        w.finish()?;
        if let Some(mut m) = mentions {
            m.flush()?;
        }
    }
    out.flush()?;
    let _ = n;
    Ok(ExitCode::SUCCESS)
}
