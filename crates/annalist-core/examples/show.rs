//! Prints the events of one text file (or standard input) in a compact line per event:
//! `cargo run -p annalist-core --example show -- FILE [YYYY-MM-DD] [--all]`.

use std::io::Read;

use annalist_core::{CodeOptions, Coder};
use annalist_text::Document;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut text = String::new();
    match args.first().map(String::as_str) {
        None | Some("-") => {
            let _ = std::io::stdin().read_to_string(&mut text);
        }
        Some(p) => text = std::fs::read_to_string(p).unwrap_or_default(),
    }
    let date = args.get(1).and_then(|d| d.parse().ok());
    let all = args.iter().any(|a| a == "--all");
    let coder = match Coder::builder().build() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let coded = coder.code(&Document::plain("show", text), &CodeOptions { all, explain: false, default_date: date });
    if std::env::var_os("SHOW_BODY").is_some() {
        eprintln!("title={:?} date={:?} dateline={:?}\nbody={}", coded.structure.title, coded.structure.date, coded.structure.dateline, coded.structure.body);
    }
    for e in &coded.events {
        let a = |x: &Option<annalist_text::record::ActorRecord>| {
            x.as_ref().map_or("-".to_string(), |a| format!("{}[{}]", a.code.as_deref().unwrap_or("?"), a.text))
        };
        println!(
            "{:>2} {:<5} {} -> {}  «{}» date={} loc={} k={:?} w={:?} by={:?}{}{}",
            e.sentence,
            e.code,
            a(&e.source),
            a(&e.target),
            e.trigger.text,
            e.date.as_deref().unwrap_or("-"),
            e.location.as_ref().map_or("-", |l| l.name.as_str()),
            e.killed,
            e.wounded,
            e.reported_by,
            if e.negated { " NEG" } else { "" },
            if e.hypothetical { " HYP" } else { "" },
        );
    }
}
