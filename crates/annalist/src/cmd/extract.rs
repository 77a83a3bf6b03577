//! `annalist extract`: the structure of each document, as SPEC.md says.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use annalist_core::docstruct;
use annalist_ingest::{read_inputs, InputFormat};

#[derive(clap::Args)]
pub struct Args {
    /// Input files or directories (none, or `-`: standard input).
    pub inputs: Vec<PathBuf>,
    /// Force the input format: auto, text, html, jsonl, warc.
    #[arg(long, default_value = "auto")]
    pub input_format: InputFormat,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = false;
    for doc in read_inputs(&args.inputs, args.input_format) {
        let doc = match doc {
            Ok(d) => d,
            Err(e) => {
                eprintln!("annalist: {e}");
                failed = true;
                continue;
            }
        };
        let s = docstruct::structure(&doc);
        let line = serde_json::json!({
            "doc": doc.id,
            "url": doc.url,
            "title": s.title,
            "date": s.date.map(|d| d.to_string()),
            "dateline": s.dateline.as_ref().map(|d| d.text.clone()),
            "body": s.body,
            "captions": s.captions,
            "language": docstruct::language(&s.body),
        });
        writeln!(out, "{line}")?;
    }
    out.flush()?;
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
