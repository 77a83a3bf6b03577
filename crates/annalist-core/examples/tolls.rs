//! Prints the tolls, time expressions and attribution the enrichment stages find in a
//! sentence: `cargo run -p annalist-core --example tolls -- "SENTENCE" [YYYY-MM-DD]`.

use annalist_core::enrich::{attribution, casualty, date};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let s = args.first().cloned().unwrap_or_default();
    let d = args.get(1).and_then(|d| d.parse().ok());
    for t in casualty::tolls(&s) {
        println!("toll {:?} {:?} {} {:?} cumulative={}", t.span.slice(&s), t.kind, t.count, t.precision, t.cumulative);
    }
    for t in date::time_expressions(&s, d) {
        println!("time {:?} {:?} {:?} {:?}", t.span.slice(&s), t.date, t.precision, t.basis);
    }
    if let Some(a) = attribution::attribution(&s) {
        println!("attribution {:?} clause {:?}", a.source.slice(&s), a.clause.slice(&s));
    }
}
