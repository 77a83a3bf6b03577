//! The store through the CLI: ingest (idempotent, errors stored and reported), every query
//! filter checked against the full event list, and every export format's shape; the Parquet
//! file read back with pyarrow and polars from PyPI (skipped, saying so, when they cannot be
//! installed).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::Command;

use annalist_store::SqliteStore;
use serde_json::Value;

mod common;
use common::{article_text, bin};

struct Fixture {
    dir: PathBuf,
    db: PathBuf,
    input: PathBuf,
}

fn fixture(name: &str) -> Fixture {
    let dir = std::env::temp_dir().join(format!("annalist-store-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut out = String::new();
    for i in 0..40usize {
        let doc = serde_json::json!({
            "id": format!("doc-{i:03}"),
            "url": format!("https://news.example/{i}"),
            "date": format!("2012-{:02}-{:02}", i % 12 + 1, i % 27 + 1),
            "text": article_text(i, 9),
        });
        out.push_str(&doc.to_string());
        out.push('\n');
        if i == 7 {
            out.push_str("{this line is broken\n");
        }
    }
    let input = dir.join("corpus.jsonl");
    std::fs::write(&input, out).unwrap();
    let db = dir.join("events.db");
    Fixture { dir, db, input }
}

fn ingest(f: &Fixture) -> (i32, String) {
    let out = bin().arg("ingest").arg("--db").arg(&f.db).arg(&f.input).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stderr).unwrap())
}

fn query(db: &Path, args: &[&str]) -> Vec<Value> {
    let out = bin().arg("query").arg("--db").arg(db).args(["--format", "jsonl"]).args(args).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn ids(v: &[Value]) -> Vec<String> {
    let mut ids: Vec<String> = v.iter().map(|e| e["event_id"].as_str().unwrap().to_string()).collect();
    ids.sort();
    ids
}

fn code_of(e: &Value, role: &str) -> String {
    e[role]["code"].as_str().unwrap_or("").to_string()
}

#[test]
fn ingest_is_idempotent_and_reports_errors() {
    let f = fixture("ingest");
    let (code, err) = ingest(&f);
    assert_eq!(code, 1, "a bad line makes the exit status 1");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("annalist: corpus:9: invalid JSON"), "{err}");
    let s = SqliteStore::open_read_only(&f.db).unwrap();
    assert_eq!(s.schema_version().unwrap(), 1);
    let c = s.counts().unwrap();
    assert_eq!(c.documents, 40);
    assert!(c.events > 0 && c.sentences >= 160 && c.actors > 0);
    let read_errors: i64 =
        s.connection().query_row("SELECT count(*) FROM errors WHERE stage = 'read'", [], |r| r.get(0)).unwrap();
    assert_eq!(read_errors, 1);
    drop(s);

    let (_, err) = ingest(&f);
    assert_eq!(err.lines().count(), 1);
    let s = SqliteStore::open_read_only(&f.db).unwrap();
    assert_eq!(s.counts().unwrap(), c, "a second run adds nothing (the error row is refreshed, not doubled)");
    let _ = std::fs::remove_dir_all(&f.dir);
}

#[test]
fn query_filters_agree_with_the_event_list() {
    let f = fixture("query");
    ingest(&f);
    let all = query(&f.db, &[]);
    assert!(all.len() > 20, "{}", all.len());

    let check = |args: &[&str], keep: &dyn Fn(&Value) -> bool| {
        let got = query(&f.db, args);
        let want: Vec<Value> = all.iter().filter(|e| keep(e)).cloned().collect();
        assert_eq!(ids(&got), ids(&want), "query {args:?}");
        got.len()
    };
    let date = |e: &Value| e["date"].as_str().unwrap_or("").to_string();
    assert!(check(&["--from", "2012-03-01", "--to", "2012-06-30"], &|e| {
        let d = date(e);
        !d.is_empty() && d.as_str() >= "2012-03-01" && d.as_str() <= "2012-06-30"
    }) > 0);
    let some_root = all[0]["root"].as_str().unwrap().to_string();
    assert!(check(&["--code", &some_root], &|e| e["code"].as_str().unwrap().starts_with(&some_root)) > 0);
    let some_code = all[0]["code"].as_str().unwrap().to_string();
    check(&["--code", &some_code], &|e| e["code"].as_str().unwrap().starts_with(&some_code));
    check(&["--quad", "4"], &|e| e["quad_class"] == 4);
    check(&["--quad", "1"], &|e| e["quad_class"] == 1);

    // An actor country that occurs as a source somewhere.
    let src = all.iter().map(|e| code_of(e, "source")).find(|c| c.len() >= 3).expect("some coded source");
    let country = &src[..3];
    check(&["--actor", country, "--role", "source"], &|e| code_of(e, "source").starts_with(country));
    check(&["--actor", country, "--role", "target"], &|e| code_of(e, "target").starts_with(country));
    check(&["--actor", &country.to_lowercase()], &|e| {
        code_of(e, "source").starts_with(country) || code_of(e, "target").starts_with(country)
    });
    check(&["--actor", &src, "--role", "source"], &|e| code_of(e, "source").starts_with(src.as_str()));

    if let Some(place) = all.iter().find_map(|e| e["location"]["name"].as_str().map(str::to_string)) {
        let lower = place.to_lowercase();
        check(&["--place", &place], &|e| {
            e["location"]["name"].as_str().is_some_and(|n| n.to_lowercase().contains(&lower))
                || e["location"]["country"].as_str() == Some(place.to_uppercase().as_str())
        });
    }
    let word = |e: &Value, w: &str| {
        e["sentence_text"]
            .as_str()
            .unwrap()
            .split(|c: char| !c.is_alphanumeric())
            .any(|t| t.eq_ignore_ascii_case(w))
    };
    assert!(check(&["--text", "Homs"], &|e| word(e, "homs")) > 0);
    check(&["--text", "Gaza OR Cairo"], &|e| word(e, "gaza") || word(e, "cairo"));
    check(&["--text", "Homs", "--quad", "4"], &|e| word(e, "homs") && e["quad_class"] == 4);

    assert_eq!(query(&f.db, &["--limit", "3"]).len(), 3);

    let table = bin().arg("query").arg("--db").arg(&f.db).args(["--limit", "5"]).output().unwrap();
    let table = String::from_utf8(table.stdout).unwrap();
    assert!(table.lines().next().unwrap().starts_with("date"));
    assert_eq!(table.lines().count(), 6);

    let missing = bin().arg("query").arg("--db").arg(f.dir.join("nope.db")).output().unwrap();
    assert_eq!(missing.status.code(), Some(2));
    assert!(!f.dir.join("nope.db").exists(), "querying must not create a database");
    let _ = std::fs::remove_dir_all(&f.dir);
}

fn export(db: &Path, format: &str, out: &Path) {
    let o = bin().arg("export").arg("--db").arg(db).args(["--format", format]).arg("--out").arg(out).output().unwrap();
    assert!(o.status.success(), "{format}: {}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn exports_have_their_formats_shapes() {
    let f = fixture("export");
    ingest(&f);
    let all = query(&f.db, &[]);
    let n = all.len();

    let p = f.dir.join("events.jsonl");
    export(&f.db, "jsonl", &p);
    let lines: Vec<Value> =
        std::fs::read_to_string(&p).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(ids(&lines), ids(&all));

    let p = f.dir.join("events.csv");
    export(&f.db, "csv", &p);
    let csv = std::fs::read_to_string(&p).unwrap();
    assert!(csv.starts_with("doc,url,event_id,sentence,"));
    assert_eq!(csv.lines().count(), n + 1);

    let p = f.dir.join("events.gdelt");
    export(&f.db, "gdelt", &p);
    let gdelt = std::fs::read_to_string(&p).unwrap();
    assert_eq!(gdelt.lines().count(), n);
    let by_id: std::collections::HashMap<String, &Value> =
        all.iter().map(|e| (e["event_id"].as_str().unwrap().to_string(), e)).collect();
    for line in gdelt.lines() {
        let c: Vec<&str> = line.split('\t').collect();
        assert_eq!(c.len(), 61, "{line}");
        assert!(c[0].parse::<i64>().is_ok(), "GLOBALEVENTID is an integer");
        let e = by_id.values().find(|e| {
            u64::from_str_radix(e["event_id"].as_str().unwrap(), 16).unwrap() & 0x7fff_ffff_ffff_ffff
                == c[0].parse::<u64>().unwrap()
        });
        let e = e.expect("every row is one of the events");
        assert_eq!(c[1], e["date"].as_str().unwrap().replace('-', ""), "SQLDATE");
        assert_eq!(c[2], &c[1][..6], "MonthYear");
        assert_eq!(c[3], &c[1][..4], "Year");
        assert!(c[4].starts_with(&c[1][..4]) && c[4].len() == 9, "FractionDate {}", c[4]);
        assert_eq!(c[5], code_of(e, "source"), "Actor1Code");
        assert_eq!(c[15], code_of(e, "target"), "Actor2Code");
        assert_eq!(c[26], e["code"].as_str().unwrap(), "EventCode");
        assert_eq!(c[28], e["root"].as_str().unwrap(), "EventRootCode");
        assert_eq!(c[29], e["quad_class"].to_string(), "QuadClass");
        assert_eq!(c[30].parse::<f64>().unwrap(), e["goldstein"].as_f64().unwrap(), "GoldsteinScale");
        assert_eq!(c[34], "", "AvgTone: we have none");
        assert_eq!(c[59].len(), 14, "DATEADDED");
        assert_eq!(c[60], e["url"].as_str().unwrap(), "SOURCEURL");
    }
    let mentions = std::fs::read_to_string(f.dir.join("events.gdelt.mentions")).unwrap();
    assert_eq!(mentions.lines().count(), n);
    for line in mentions.lines() {
        let c: Vec<&str> = line.split('\t').collect();
        assert_eq!(c.len(), 16, "{line}");
        assert!(c[15].starts_with("<SENTENCE>") && c[15].ends_with("</SENTENCE>"));
        let sentence = &c[15]["<SENTENCE>".len()..c[15].len() - "</SENTENCE>".len()];
        let action: usize = c[9].parse().unwrap();
        let doc_len: usize = c[12].parse().unwrap();
        assert!(action < doc_len, "ActionCharOffset inside the document");
        assert!(c[6].parse::<usize>().unwrap() >= 1, "SentenceID counts from 1");
        assert!(!sentence.is_empty());
    }

    let p = f.dir.join("events.plover");
    export(&f.db, "plover", &p);
    let plover = std::fs::read_to_string(&p).unwrap();
    let mut k = 0;
    for line in plover.lines() {
        let r: Value = serde_json::from_str(line).unwrap();
        for field in ["id", "date", "actor", "event"] {
            assert!(!r[field].is_null(), "PLOVER requires {field}: {line}");
        }
        assert!(r["actor"].is_array() && r["event"].as_array().unwrap().len() == 1);
        assert!((1..=4).contains(&r["quad_code"].as_u64().unwrap()));
        k += 1;
    }
    assert!(k > 0 && k <= n);

    let p = f.dir.join("events.parquet");
    export(&f.db, "parquet", &p);
    let bytes = std::fs::read(&p).unwrap();
    assert_eq!(&bytes[..4], b"PAR1");
    assert_eq!(&bytes[bytes.len() - 4..], b"PAR1");
    read_back_parquet(&p, n);

    // Filters apply to exports too.
    let p = f.dir.join("q4.jsonl");
    let o = bin()
        .arg("export")
        .arg("--db")
        .arg(&f.db)
        .args(["--format", "jsonl", "--quad", "4", "--out"])
        .arg(&p)
        .output()
        .unwrap();
    assert!(o.status.success());
    let q4 = std::fs::read_to_string(&p).unwrap().lines().count();
    assert_eq!(q4, all.iter().filter(|e| e["quad_class"] == 4).count());
    let _ = std::fs::remove_dir_all(&f.dir);
}

fn read_back_parquet(path: &Path, rows: usize) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let env = Command::new("bash").arg(root.join("scripts/ingest/pyarrow-env.sh")).output();
    let python = match env {
        Ok(o) if o.status.success() => String::from_utf8(o.stdout).unwrap().trim().to_string(),
        Ok(o) => {
            eprintln!("skipped: Parquet read-back, no pyarrow: {}", String::from_utf8_lossy(&o.stderr).trim());
            return;
        }
        Err(e) => {
            eprintln!("skipped: Parquet read-back, no bash: {e}");
            return;
        }
    };
    let o = Command::new(&python).arg(root.join("scripts/ingest/read_parquet.py")).arg(path).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["rows"], rows);
    if !v["polars_rows"].is_null() {
        assert_eq!(v["polars_rows"], rows);
    }
    assert_eq!(v["types"]["date"], "date32[day]");
    assert_eq!(v["types"]["goldstein"], "double");
    assert_eq!(v["types"]["negated"], "bool");
    assert_eq!(v["columns"].as_array().unwrap().len(), 30);
}
