//! `annalist`: news in, CAMEO and PLOVER event data out.
//!
//! Each subcommand lives in `cmd/`: its flags (documented next to them) and its `run`.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod cmd;

#[derive(Parser)]
#[command(name = "annalist", version, about = "News in, CAMEO/PLOVER event data out")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Code articles into events, one record per line on standard output.
    Code(cmd::code::Args),
    /// Print each document's title, date, dateline, cleaned body and captions as JSON lines.
    Extract(cmd::extract::Args),
    /// Code articles into a SQLite store (idempotent, crash-safe, parallel).
    Ingest(cmd::ingest::Args),
    /// Query events in a store.
    Query(cmd::query::Args),
    /// Export a store's events as JSONL, CSV, GDELT, Parquet or PLOVER.
    Export(cmd::export::Args),
    /// Score coded events against a gold set.
    Eval(cmd::eval::Args),
    /// Check, test and count the dictionaries.
    Dict(cmd::dict::Args),
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let result = match cli.command {
        Command::Code(a) => cmd::code::run(a),
        Command::Extract(a) => cmd::extract::run(a),
        Command::Ingest(a) => cmd::ingest::run(a),
        Command::Query(a) => cmd::query::run(a),
        Command::Export(a) => cmd::export::run(a),
        Command::Eval(a) => cmd::eval::run(a),
        Command::Dict(a) => cmd::dict::run(a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("annalist: {e:#}");
            ExitCode::from(2)
        }
    }
}
