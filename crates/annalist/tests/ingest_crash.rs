//! Crash safety: `annalist ingest` killed with SIGKILL in mid-run, then run again, ends with
//! exactly what one clean run stores — nothing lost, nothing doubled, no half-written
//! document in between.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use annalist_store::SqliteStore;

mod common;
use common::{article_text, bin};

/// `n` short articles as JSONL, each one distinct.
fn corpus(path: &Path, n: usize) {
    let mut out = String::new();
    for i in 0..n {
        let doc = serde_json::json!({
            "id": format!("gen-{i:06}"),
            "date": format!("2012-{:02}-{:02}", i % 12 + 1, i % 28 + 1),
            "title": format!("Report {i}"),
            "text": article_text(i, 97),
        });
        out.push_str(&doc.to_string());
        out.push('\n');
    }
    std::fs::write(path, out).unwrap();
}

/// Per document: (doc, n_sentences, n_events, stored sentences, stored events, stored actors).
fn snapshot(db: &Path) -> Vec<(String, i64, i64, i64, i64, i64)> {
    let s = SqliteStore::open_read_only(db).unwrap();
    let mut st = s
        .connection()
        .prepare(
            "SELECT d.doc, d.n_sentences, d.n_events,
                (SELECT count(*) FROM sentences s WHERE s.document_id = d.id),
                (SELECT count(*) FROM events e WHERE e.document_id = d.id),
                (SELECT count(*) FROM actors a JOIN events e ON a.event_id = e.id WHERE e.document_id = d.id)
             FROM documents d ORDER BY d.doc",
        )
        .unwrap();
    let rows = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)))
        .unwrap();
    rows.collect::<Result<_, _>>().unwrap()
}

fn documents(db: &Path) -> i64 {
    match SqliteStore::open_read_only(db) {
        Ok(s) => s.connection().query_row("SELECT count(*) FROM documents", [], |r| r.get(0)).unwrap_or(0),
        Err(_) => 0,
    }
}

/// The full-text index holds exactly the stored sentences, each once.
fn check_fts(db: &Path) {
    let s = SqliteStore::open(db).unwrap();
    s.check_text_index().unwrap();
}

#[test]
fn kill_9_mid_ingest_then_rerun_loses_and_doubles_nothing() {
    let dir = std::env::temp_dir().join(format!("annalist-crash-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let n = 1500;
    let input = dir.join("corpus.jsonl");
    corpus(&input, n);

    // The reference: one clean run.
    let reference: PathBuf = dir.join("ref.db");
    let st = bin().arg("ingest").arg("--db").arg(&reference).arg(&input).status().unwrap();
    assert!(st.success());
    let want = snapshot(&reference);
    assert_eq!(want.len(), n);
    assert!(want.iter().map(|r| r.2).sum::<i64>() > 0, "the corpus should yield events");

    // Killed in mid-run.
    let db = dir.join("crash.db");
    let mut child = bin().arg("ingest").arg("--db").arg(&db).arg(&input).spawn().unwrap();
    let t0 = Instant::now();
    let mut killed_at = None;
    while t0.elapsed() < Duration::from_secs(120) {
        let have = documents(&db);
        if have >= (n / 5) as i64 {
            child.kill().unwrap(); // SIGKILL
            killed_at = Some(have);
            break;
        }
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let _ = child.wait();
    let partial = snapshot(&db);
    eprintln!("killed at {killed_at:?} documents; {} committed", partial.len());
    if killed_at.is_some() {
        assert!(partial.len() < n, "the run was killed before it finished");
    }
    // Every committed document is whole.
    for (doc, ns, ne, s, e, _) in &partial {
        assert_eq!((ns, ne), (s, e), "{doc} half-written");
    }
    check_fts(&db);

    // Run again: the rest is added, nothing twice.
    let st = bin().arg("ingest").arg("--db").arg(&db).arg(&input).status().unwrap();
    assert!(st.success());
    let got = snapshot(&db);
    assert_eq!(got.len(), n);
    assert_eq!(got, want);
    check_fts(&db);
    check_fts(&reference);

    // And once more: idempotent.
    let st = bin().arg("ingest").arg("--db").arg(&db).arg(&input).status().unwrap();
    assert!(st.success());
    assert_eq!(snapshot(&db), want);
    let _ = std::fs::remove_dir_all(&dir);
}
