//! `annalist query --db FILE [FILTERS]`: events from a store, as a table or JSON lines.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use annalist_store::{Query, Role, SqliteStore};

/// Event filters, shared with `annalist export`.
#[derive(clap::Args, Clone, Debug, Default)]
pub struct Filters {
    /// Events on or after this date (YYYY-MM-DD).
    #[arg(long)]
    pub from: Option<chrono::NaiveDate>,
    /// Events on or before this date (YYYY-MM-DD).
    #[arg(long)]
    pub to: Option<chrono::NaiveDate>,
    /// Actor code or prefix: a country (SYR), a code (SYRMIL), an organisation (IGOUNO).
    #[arg(long)]
    pub actor: Option<String>,
    /// Where --actor must stand: source, target or either.
    #[arg(long, default_value = "either")]
    pub role: Role,
    /// CAMEO event code or prefix: 19 (a root), 190, 0311.
    #[arg(long)]
    pub code: Option<String>,
    /// Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=4))]
    pub quad: Option<u8>,
    /// Place name (substring, any case) or its country code.
    #[arg(long)]
    pub place: Option<String>,
    /// Full-text search in the event's sentence (SQLite FTS5 syntax: words, "phrases", OR, NOT, prefix*).
    #[arg(long)]
    pub text: Option<String>,
    /// Leave out negated and hypothetical events (stored by `ingest --all`).
    #[arg(long)]
    pub facts_only: bool,
    /// At most this many events.
    #[arg(long)]
    pub limit: Option<usize>,
}

impl Filters {
    pub fn to_query(&self) -> Query {
        Query {
            from: self.from.map(|d| d.to_string()),
            to: self.to.map(|d| d.to_string()),
            actor: self.actor.clone(),
            role: self.role,
            code: self.code.clone(),
            quad: self.quad,
            place: self.place.clone(),
            text: self.text.clone(),
            facts_only: self.facts_only,
            limit: self.limit,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum QueryFormat {
    Table,
    Jsonl,
}

#[derive(clap::Args)]
pub struct Args {
    /// The SQLite database to read.
    #[arg(long, default_value = "annalist.db")]
    pub db: PathBuf,
    #[command(flatten)]
    pub filters: Filters,
    /// Output: table (aligned columns) or jsonl (the event records).
    #[arg(long, value_enum, default_value = "table")]
    pub format: QueryFormat,
}

/// Opens an existing store (migrating an older one); a missing file is an error, not a new
/// empty database.
pub fn open_existing(db: &Path) -> anyhow::Result<SqliteStore> {
    if !db.is_file() {
        anyhow::bail!("{}: no such database (run `annalist ingest --db {}` first)", db.display(), db.display());
    }
    SqliteStore::open(db).with_context(|| format!("opening {}", db.display()))
}

fn cut(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let store = open_existing(&args.db)?;
    let q = args.filters.to_query();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match args.format {
        QueryFormat::Jsonl => {
            store.for_each_event(&q, |e| {
                serde_json::to_writer(&mut out, &e.event)?;
                out.write_all(b"\n")?;
                Ok(())
            })?;
        }
        QueryFormat::Table => {
            let wide = std::io::stdout().is_terminal();
            let text_width = if wide { 70 } else { 200 };
            writeln!(
                out,
                "{:<10}  {:<24}  {:<4}  {:<12}  {:<12}  {:<16}  sentence",
                "date", "doc", "code", "source", "target", "place"
            )?;
            let mut n = 0usize;
            store.for_each_event(&q, |s| {
                let e = &s.event;
                let actor = |a: &Option<annalist_text::record::ActorRecord>| {
                    a.as_ref().map(|a| a.code.clone().unwrap_or_else(|| format!("({})", a.text))).unwrap_or_default()
                };
                let mut flags = String::new();
                if e.negated {
                    flags.push_str("[negated] ");
                }
                if e.hypothetical {
                    flags.push_str("[hypothetical] ");
                }
                writeln!(
                    out,
                    "{:<10}  {:<24}  {:<4}  {:<12}  {:<12}  {:<16}  {}{}",
                    e.date.as_deref().unwrap_or("-"),
                    cut(&e.doc, 24),
                    e.code,
                    cut(&actor(&e.source), 12),
                    cut(&actor(&e.target), 12),
                    cut(e.location.as_ref().map(|l| l.name.as_str()).unwrap_or(""), 16),
                    flags,
                    cut(&e.sentence_text, text_width)
                )?;
                n += 1;
                Ok(())
            })?;
            if wide {
                writeln!(out, "({n} events)")?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
