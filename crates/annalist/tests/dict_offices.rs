//! `annalist dict offices`: office-holder coverage of the countries promised in
//! dictionaries/offices.toml, measured from the person entries.
//!
//! The floor below is the share measured when the office lists were last completed, less a
//! margin: a dictionary edit that loses holders (a bad date, a title the coverage tool no
//! longer recognises) fails here. Raise it when coverage grows:
//! `cargo run -q -p annalist -- dict offices --today 2026-11-29 | grep 'office-years'`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::Command;

const TODAY: &str = "2026-11-29";
const FLOOR: f64 = 0.88;

fn offices(args: &[&str]) -> (String, bool) {
    let out = Command::new(env!("CARGO_BIN_EXE_annalist")).args(["dict", "offices", "--today", TODAY]).args(args).output().unwrap();
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    (String::from_utf8_lossy(&out.stdout).into_owned(), out.status.success())
}

/// The covered share from the summary line ("... 91.3% of 3105 office-years covered ...").
fn share(report: &str) -> f64 {
    let line = report.lines().find(|l| l.contains("office-years covered")).expect("summary line");
    let pct = line.split('%').next().and_then(|s| s.rsplit(' ').next()).expect("a percentage");
    pct.parse::<f64>().unwrap() / 100.0
}

#[test]
fn every_promised_country_is_measured_and_coverage_holds() {
    let (report, ok) = offices(&[]);
    assert!(ok);
    let rows: Vec<&str> = report.lines().filter(|l| l.starts_with("| ") && !l.starts_with("| country")).collect();
    assert!(rows.len() >= 90, "{} countries in scope", rows.len());
    // The G20 and P5 members are all there.
    for c in ["USA", "GBR", "FRA", "RUS", "CHN", "DEU", "JPN", "IND", "BRA", "ZAF", "SAU", "TUR", "SYR", "AFG", "SSD"] {
        assert!(rows.iter().any(|r| r.starts_with(&format!("| {c} |"))), "{c} missing from the report");
    }
    let s = share(&report);
    assert!(s >= FLOOR, "office coverage fell to {:.1}% (floor {:.1}%)", 100.0 * s, 100.0 * FLOOR);
}

#[test]
fn holders_are_listed_in_order_with_their_terms() {
    let (report, ok) = offices(&["--country", "USA", "--holders"]);
    assert!(ok);
    let section: Vec<&str> = report.split("### USA HOS").nth(1).unwrap().lines().skip(1).take_while(|l| l.starts_with("- ")).collect();
    assert!(section.len() >= 7, "{section:?}");
    assert!(section.iter().any(|l| l.contains("1993-01-20..2001-01-20") && l.contains("Bill Clinton")), "{section:?}");
    let starts: Vec<&str> = section.iter().map(|l| &l[2..12]).collect();
    let mut sorted = starts.clone();
    sorted.sort();
    assert_eq!(starts, sorted);
}

#[test]
fn min_share_fails_when_not_met() {
    let (_, ok) = offices(&["--min-share", "1.01"]);
    assert!(!ok);
    let (_, ok) = offices(&["--min-share", "0"]);
    assert!(ok);
}
