//! `annalist dict check|test|stats`: lint, self-test and count the dictionaries.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use annalist_core::{CodeOptions, Coder};
use annalist_dict::{Dictionary, Expect, Severity, Sources};
use annalist_text::Document;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub action: Action,
    /// The dictionary folder (default: the built-in dictionaries).
    #[arg(long, global = true)]
    pub dict: Option<PathBuf>,
}

#[derive(clap::Subcommand)]
pub enum Action {
    /// Lint: unknown codes, conflicting names, malformed patterns, overlapping terms.
    Check {
        /// Fail on warnings too.
        #[arg(long)]
        strict: bool,
    },
    /// Code every example sentence of every pattern and fail on any mismatch.
    Test {
        /// Print every failing example, not only the first 50.
        #[arg(long)]
        verbose: bool,
    },
    /// Print the counts: countries, organisations, persons, patterns, codes covered.
    Stats,
    /// Office-holder coverage of the countries in `offices.toml`: per country and office, the
    /// share of days since its start date with a known holder, and every gap (markdown).
    Offices {
        /// Only these countries (comma-separated codes).
        #[arg(long, value_delimiter = ',')]
        country: Vec<String>,
        /// List each office's holders with their terms.
        #[arg(long)]
        holders: bool,
        /// Handovers up to this many days are not gaps.
        #[arg(long, default_value_t = annalist_dict::offices::DEFAULT_TOLERANCE_DAYS)]
        tolerance_days: i64,
        /// Measure up to this date instead of today (YYYY-MM-DD).
        #[arg(long)]
        today: Option<chrono::NaiveDate>,
        /// Exit with status 1 when the share of office-days covered is below this (0-1).
        #[arg(long)]
        min_share: Option<f64>,
    },
    /// Set our actors and codes beside the PETRARCH/Phoenix dictionaries (markdown).
    Compare {
        /// The folder with the peers' dictionaries (`petrarch2/` ...).
        #[arg(long, default_value = "../shared/peer")]
        peer: PathBuf,
    },
}

fn sources(dict: Option<&PathBuf>) -> anyhow::Result<Sources> {
    match dict {
        Some(d) => Sources::from_dir(d).with_context(|| format!("reading {}", d.display())),
        None => Ok(Sources::embedded()),
    }
}

fn parse(sources: &Sources) -> anyhow::Result<Dictionary> {
    Dictionary::parse(sources).map_err(|errs| {
        for e in &errs {
            eprintln!("annalist: {e}");
        }
        anyhow::anyhow!("{} dictionary error(s)", errs.len())
    })
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let src = sources(args.dict.as_ref())?;
    match args.action {
        Action::Check { strict } => {
            let d = match parse(&src) {
                Ok(d) => d,
                Err(e) => {
                    eprintln!("annalist: {e}");
                    return Ok(ExitCode::from(1));
                }
            };
            let findings = annalist_dict::check(&d);
            let errors = findings.iter().filter(|f| f.severity == Severity::Error).count();
            let warnings = findings.len() - errors;
            for f in &findings {
                let sev = if f.severity == Severity::Error { "error" } else { "warning" };
                println!("{sev}: {}: {}", f.location, f.message);
            }
            println!("dict check: {errors} error(s), {warnings} warning(s)");
            Ok(if errors > 0 || (strict && warnings > 0) { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
        Action::Compare { peer } => {
            let d = parse(&src)?;
            if !peer.exists() {
                eprintln!("annalist: {}: peer dictionaries not found; nothing to compare", peer.display());
                return Ok(ExitCode::from(1));
            }
            let report = annalist_dict::compare::compare(&d, &peer).with_context(|| format!("reading {}", peer.display()))?;
            print!("{}", report.markdown);
            Ok(ExitCode::SUCCESS)
        }
        Action::Offices { country, holders, tolerance_days, today, min_share } => {
            let d = parse(&src)?;
            let today = today.unwrap_or_else(|| chrono::Utc::now().date_naive());
            let scope: Vec<_> = d.scope.iter().filter(|s| country.is_empty() || country.contains(&s.country)).cloned().collect();
            let cov = annalist_dict::offices::coverage(&d.persons, &scope, today, tolerance_days);
            print!("{}", offices_report(&scope, &cov, today, holders));
            let share = annalist_dict::offices::Summary::of(&cov).share();
            Ok(if min_share.is_some_and(|m| share < m) { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
        Action::Stats => {
            let d = parse(&src)?;
            let s = annalist_dict::stats(&d);
            println!("countries            {}", s.countries);
            println!("organisations/groups {}", s.orgs);
            println!("agent terms          {}", s.agent_terms);
            println!("persons              {}", s.persons);
            println!("person roles         {}", s.person_roles);
            println!("patterns             {}", s.patterns);
            println!("pattern examples     {}", s.pattern_examples);
            println!("cameo codes          {}", s.cameo_codes);
            let pct = if s.cameo_codes > 0 { 100.0 * s.codes_with_3_patterns as f64 / s.cameo_codes as f64 } else { 0.0 };
            println!("codes with >=3 patterns {} ({pct:.1}%)", s.codes_with_3_patterns);
            for (root, n) in &s.patterns_per_root {
                println!("  root {root}: {n} patterns");
            }
            let today = chrono::Utc::now().date_naive();
            let cov = annalist_dict::offices::coverage(&d.persons, &d.scope, today, annalist_dict::offices::DEFAULT_TOLERANCE_DAYS);
            let sum = annalist_dict::offices::Summary::of(&cov);
            println!(
                "office coverage      {:.1}% of office-days ({} countries in offices.toml, {} complete; `annalist dict offices`)",
                100.0 * sum.share(),
                d.scope.len(),
                sum.complete
            );
            Ok(ExitCode::SUCCESS)
        }
        Action::Test { verbose } => {
            let d = parse(&src)?;
            let coder = Coder::builder().sources(src.clone()).build().context("building the coder")?;
            let (mut pass, mut fail, mut known, mut fixed) = (0usize, 0usize, 0usize, 0usize);
            for p in &d.patterns {
                for ex in &p.examples {
                    let date = ex.date.or_else(|| chrono::NaiveDate::from_ymd_opt(2015, 1, 1));
                    let doc = Document { id: "example".into(), date, text: ex.sentence.clone(), ..Document::default() };
                    let coded = coder.code(&doc, &CodeOptions { all: false, explain: false, default_date: date });
                    let ok = match &ex.expect {
                        Expect::Event { source, code, target } => coded.events.iter().any(|e| {
                            &e.code == code
                                && e.source_code() == source.as_deref()
                                && e.target_code() == target.as_deref()
                        }),
                        Expect::NoEvent => !coded.events.iter().any(|e| e.code == p.code),
                    };
                    if ex.known_failure {
                        if ok {
                            fixed += 1;
                            println!("NOW PASSES {}:{}: {} (remove its `?`)", p.file, ex.line, ex.sentence);
                        } else {
                            known += 1;
                        }
                        continue;
                    }
                    if ok {
                        pass += 1;
                    } else {
                        fail += 1;
                        if verbose || fail <= 50 {
                            let got: Vec<String> = coded
                                .events
                                .iter()
                                .map(|e| format!("{} {} {}", e.source_code().unwrap_or("-"), e.code, e.target_code().unwrap_or("-")))
                                .collect();
                            println!("FAIL {}:{}: {} (pattern `{}`): got [{}]", p.file, ex.line, ex.sentence, p.text, got.join("; "));
                        }
                    }
                }
            }
            println!("dict test: {known} known failures (`?+`/`?-`), {fixed} of them now pass");
            println!("dict test: {pass} passed, {fail} failed");
            Ok(if fail > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
    }
}

/// The `dict offices` report: a table of shares per country and office, then every gap.
fn offices_report(scope: &[annalist_dict::offices::Scope], cov: &[annalist_dict::offices::OfficeCoverage], today: chrono::NaiveDate, holders: bool) -> String {
    use annalist_dict::offices::Office;
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(out, "# Office holders: known holder on each day, from each country's start date to {today}\n");
    let _ = writeln!(out, "Offices: HOS head of state, HOG head of government, FM foreign, DM defence, IM interior minister; `-` not tracked for that country. Declared vacancies count as covered.\n");
    let _ = writeln!(out, "| country | since | why | HOS | HOG | FM | DM | IM |");
    let _ = writeln!(out, "|---|---|---|---|---|---|---|---|");
    for s in scope {
        let cells: Vec<String> = Office::ALL
            .iter()
            .map(|o| match cov.iter().find(|c| c.country == s.country && c.office == *o) {
                Some(c) if c.gaps.is_empty() => "100%".to_string(),
                Some(c) => format!("{:.0}%", (100.0 * c.share()).floor()),
                None => "-".to_string(),
            })
            .collect();
        let _ = writeln!(out, "| {} | {} | {} | {} |", s.country, s.since, s.why, cells.join(" | "));
    }
    let sum = annalist_dict::offices::Summary::of(cov);
    let _ = writeln!(
        out,
        "\n{} countries, {} offices: {:.1}% of {:.0} office-years covered ({:.1} office-years declared vacant or without such an office); {} countries complete.\n",
        scope.len(),
        cov.len(),
        100.0 * sum.share(),
        sum.days as f64 / 365.25,
        sum.vacant as f64 / 365.25,
        sum.complete,
    );
    let gaps: Vec<_> = cov.iter().filter(|c| !c.gaps.is_empty()).collect();
    if !gaps.is_empty() {
        let _ = writeln!(out, "## Gaps (no known holder, no vacancy declared)\n");
        for c in gaps {
            let list: Vec<String> = c.gaps.iter().map(|(a, b)| format!("{a}..{b}")).collect();
            let _ = writeln!(out, "- {} {}: {}", c.country, c.office.code(), list.join(", "));
        }
        out.push('\n');
    }
    // Two people in one office at once for over a year: co-premiers, federal and republic
    // offices, two ministries of one office, or a term whose end is wrong. Worth a look, not an
    // error. (Shorter overlaps are mostly year-only dates: "1996" ends on 31 December.)
    let mut overlaps = Vec::new();
    for c in cov {
        for (i, a) in c.holders.iter().enumerate() {
            for b in c.holders[i + 1..].iter().filter(|b| b.name != a.name) {
                let (from, until) = (a.from.max(b.from).max(c.since), a.until.min(b.until).min(today));
                if until > from && (until - from).num_days() > 366 {
                    overlaps.push(format!("- {} {}: {} ({}..) and {} ({}..), {} days", c.country, c.office.code(), a.name, a.from, b.name, b.from, (until - from).num_days()));
                }
            }
        }
    }
    if !overlaps.is_empty() {
        let _ = writeln!(out, "## Overlaps (two holders of one office for over a year: co-premiers, federal and republic offices, two ministries, or a wrong date)\n");
        for o in &overlaps {
            let _ = writeln!(out, "{o}");
        }
        out.push('\n');
    }
    if holders {
        let _ = writeln!(out, "## Holders\n");
        for c in cov {
            let _ = writeln!(out, "### {} {}", c.country, c.office.code());
            for h in &c.holders {
                let from = if h.from == chrono::NaiveDate::MIN { "?".to_string() } else { h.from.to_string() };
                let until = if h.until > today { "".to_string() } else { h.until.to_string() };
                let _ = writeln!(out, "- {from}..{until} {} ({})", h.name, h.file);
            }
            for s in scope.iter().filter(|s| s.country == c.country) {
                for v in s.vacant.iter().filter(|v| v.office == c.office) {
                    let _ = writeln!(out, "- {}..{} vacant: {}", v.from, v.until, v.why);
                }
            }
        }
    }
    out
}
