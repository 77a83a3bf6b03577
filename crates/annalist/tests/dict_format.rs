//! `annalist code --dict-format petrarch|tabari`: the peer dictionaries in ../shared/peer
//! are converted at load time and code events. Skipped, saying so, when ../shared is absent.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use serde_json::Value;

const SENTENCES: &str = "Israeli troops attacked Palestinian protesters in Gaza.\n\n\
Iran accused the United States of sabotaging the nuclear talks.\n\n\
Russian President Vladimir Putin met German Chancellor Angela Merkel in Moscow on Tuesday.\n";

fn peer_dir(name: &str) -> Option<PathBuf> {
    let d = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/peer").join(name);
    if d.is_dir() {
        Some(d)
    } else {
        eprintln!("skipped: {} not found (no shared peer data here)", d.display());
        None
    }
}

/// Runs `annalist code` on `SENTENCES`; returns the events and stderr.
fn code(args: &[&str]) -> (Vec<Value>, String, bool) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_annalist"))
        .args(["code", "--date", "2014-05-01"])
        .args(args)
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(SENTENCES.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    let events = String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    (events, String::from_utf8_lossy(&out.stderr).into_owned(), out.status.success())
}

fn summary(events: &[Value]) -> Vec<(String, String, String)> {
    let actor = |v: &Value| v["code"].as_str().unwrap_or("-").to_string();
    events.iter().map(|e| (actor(&e["source"]), e["code"].as_str().unwrap_or("").to_string(), actor(&e["target"]))).collect()
}

#[test]
fn petrarch_dictionaries_code_events() {
    let Some(dir) = peer_dir("petrarch2") else { return };
    let (events, stderr, ok) = code(&["--dict", dir.to_str().unwrap(), "--dict-format", "petrarch"]);
    assert!(ok, "{stderr}");
    assert!(stderr.contains("petrarch dictionaries") && stderr.contains("patterns"), "{stderr}");
    let got = summary(&events);
    assert!(
        got.iter().any(|(s, c, _)| s.starts_with("ISR") && (c.starts_with("19") || c.starts_with("18"))),
        "an Israeli attack: {got:?}"
    );
    assert!(got.iter().any(|(s, c, t)| s == "IRN" && c.starts_with("11") && t.starts_with("USA")), "an accusation: {got:?}");
    assert!(got.iter().any(|(s, c, _)| s.starts_with("RUS") && c.starts_with("04")), "a meeting: {got:?}");
}

#[test]
fn tabari_dictionaries_code_events() {
    let Some(dir) = peer_dir("tabari_dictionaries") else { return };
    let (events, stderr, ok) = code(&["--dict", dir.to_str().unwrap(), "--dict-format", "tabari"]);
    assert!(ok, "{stderr}");
    assert!(stderr.contains("tabari dictionaries"), "{stderr}");
    let got = summary(&events);
    assert!(got.iter().any(|(s, c, _)| s.starts_with("ISR") && c.starts_with("19")), "{got:?}");
}

#[test]
fn bad_dict_format_flags_fail() {
    let (_, stderr, ok) = code(&["--dict-format", "petrarch"]);
    assert!(!ok && stderr.contains("needs --dict"), "{stderr}");
    let (_, stderr, ok) = code(&["--dict", ".", "--dict-format", "cameo"]);
    assert!(!ok && stderr.contains("expected annalist, petrarch or tabari"), "{stderr}");
}
