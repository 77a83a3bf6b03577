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
