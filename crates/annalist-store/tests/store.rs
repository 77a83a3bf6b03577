//! The store library: migrations, writes, queries, and the record writers on a known event.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use annalist_store::export::{gdelt_mention_row, gdelt_row, plover_record, write_events, ExportFormat};
use annalist_store::{content_hash, NewDocument, NewSentence, Query, Role, SqliteStore, Store, StoreError};
use annalist_text::record::{ActorRecord, DateBasis, Event, LocationBasis, LocationRecord, TriggerRecord};
use annalist_text::Document;

fn event(doc: &str, sentence: usize, code: &str, src: Option<(&str, &str)>, tgt: Option<(&str, &str)>, date: &str) -> Event {
    let text = "Government forces renewed shelling of Homs, killing 19, activists said.".to_string();
    let actor = |a: Option<(&str, &str)>, span: [usize; 2]| {
        a.map(|(code, t)| ActorRecord {
            code: Some(code.to_string()),
            text: t.to_string(),
            country: code.get(..3).filter(|c| *c != "IGO").map(str::to_string),
            span,
        })
    };
    Event {
        doc: doc.into(),
        url: Some(format!("https://www.news.example/{doc}")),
        event_id: annalist_text::record::event_id(doc, sentence, code, "", "", 0),
        sentence,
        sentence_text: text,
        publication_date: Some("2012-02-07".into()),
        date: Some(date.into()),
        date_basis: Some(DateBasis::Relative),
        date_precision: None,
        code: code.into(),
        root: code[..2].into(),
        quad_class: if code.starts_with("19") { 4 } else { 3 },
        goldstein: -10.0,
        plover: Some("ASSAULT".into()),
        source: actor(src, [0, 17]),
        target: actor(tgt, [38, 42]),
        trigger: TriggerRecord { text: "renewed shelling".into(), span: [18, 34] },
        location: Some(LocationRecord {
            name: "Homs".into(),
            country: Some("SYR".into()),
            lat: Some(34.73),
            lon: Some(36.72),
            basis: LocationBasis::Sentence,
        }),
        killed: Some(19),
        wounded: None,
        arrested: None,
        casualty_precision: None,
        reported_by: Some("activists".into()),
        negated: false,
        hypothetical: false,
        explain: None,
    }
}

fn stored(store: &mut SqliteStore, id: &str, events: Vec<Event>) {
    let doc = Document { id: id.into(), text: format!("Intro.\n\n{}", events[0].sentence_text), ..Document::default() };
    let body = doc.text.clone();
    let sentences = vec![
        NewSentence { start: 0, end: 6, text: "Intro.".into() },
        NewSentence { start: 8, end: body.chars().count(), text: events[0].sentence_text.clone() },
    ];
    let nd = NewDocument::new(&doc, content_hash(&doc), body, sentences, events);
    assert!(store.put(&nd).unwrap());
}

#[test]
fn migrations_set_and_check_user_version() {
    let dir = std::env::temp_dir().join(format!("annalist-store-mig-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join("a.db");
    let _ = std::fs::remove_file(&p);
    assert_eq!(SqliteStore::open(&p).unwrap().schema_version().unwrap(), 1);
    assert_eq!(SqliteStore::open(&p).unwrap().schema_version().unwrap(), 1, "reopening migrates nothing");
    {
        let s = SqliteStore::open(&p).unwrap();
        s.connection().pragma_update(None, "user_version", 99).unwrap();
    }
    assert!(matches!(SqliteStore::open(&p), Err(StoreError::TooNew { found: 99, .. })));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn queries_by_every_filter() {
    let mut s = SqliteStore::open_in_memory().unwrap();
    stored(&mut s, "a", vec![event("a", 1, "195", Some(("SYRMIL", "Government forces")), Some(("SYRCVL", "Homs")), "2012-02-07")]);
    stored(&mut s, "b", vec![event("b", 1, "161", Some(("IGOGCC", "Gulf states")), Some(("SYRGOV", "Damascus")), "2012-02-08")]);
    stored(&mut s, "c", vec![event("c", 1, "0311", Some(("USAGOV", "Washington")), None, "2012-03-01")]);
    let docs = |q: Query| -> Vec<String> { s.query(&q).unwrap().into_iter().map(|e| e.event.doc).collect() };
    assert_eq!(docs(Query::default()), ["a", "b", "c"]);
    assert_eq!(docs(Query { from: Some("2012-02-08".into()), ..Query::default() }), ["b", "c"]);
    assert_eq!(docs(Query { to: Some("2012-02-07".into()), ..Query::default() }), ["a"]);
    assert_eq!(docs(Query { actor: Some("SYR".into()), ..Query::default() }), ["a", "b"]);
    assert_eq!(docs(Query { actor: Some("SYR".into()), role: Role::Source, ..Query::default() }), ["a"]);
    assert_eq!(docs(Query { actor: Some("SYRGOV".into()), role: Role::Target, ..Query::default() }), ["b"]);
    assert_eq!(docs(Query { actor: Some("IGO".into()), ..Query::default() }), ["b"]);
    assert_eq!(docs(Query { code: Some("19".into()), ..Query::default() }), ["a"]);
    assert_eq!(docs(Query { code: Some("03".into()), ..Query::default() }), ["c"]);
    assert_eq!(docs(Query { quad: Some(3), ..Query::default() }), ["b", "c"]);
    assert_eq!(docs(Query { place: Some("homs".into()), ..Query::default() }), ["a", "b", "c"]);
    assert_eq!(docs(Query { place: Some("syr".into()), ..Query::default() }), ["a", "b", "c"]);
    assert_eq!(docs(Query { text: Some("shelling".into()), limit: Some(2), ..Query::default() }), ["a", "b"]);
    assert!(docs(Query { text: Some("Intro".into()), ..Query::default() }).is_empty(), "only the events' sentences");
    s.check_text_index().unwrap();
    let e = &s.query(&Query { code: Some("195".into()), ..Query::default() }).unwrap()[0];
    assert_eq!((e.sentence_start, e.doc_chars), (Some(8), Some(8 + e.event.sentence_text.chars().count())));
}

#[test]
fn batches_store_each_document_once_and_index_it_once() {
    let mut s = SqliteStore::open_in_memory().unwrap();
    let mk = |id: &str| {
        let e = event(id, 1, "195", Some(("SYRMIL", "Government forces")), None, "2012-02-07");
        let doc = Document { id: id.into(), text: format!("Intro.\n\n{}", e.sentence_text), ..Document::default() };
        let sentences = vec![
            NewSentence { start: 0, end: 6, text: "Intro.".into() },
            NewSentence { start: 8, end: doc.text.chars().count(), text: e.sentence_text.clone() },
        ];
        NewDocument::new(&doc, content_hash(&doc), doc.text.clone(), sentences, vec![e])
    };
    let (a, b) = (mk("a"), mk("b"));
    assert_eq!(s.put_many(&[&a, &b, &a], &[]).unwrap(), [true, true, false]);
    assert_eq!(s.put_many(&[&b, &mk("c")], &[]).unwrap(), [false, true]);
    s.check_text_index().unwrap();
    let c = s.counts().unwrap();
    assert_eq!((c.documents, c.sentences, c.events, c.actors), (3, 6, 3, 3));
    let hits = s.query(&Query { text: Some("intro OR shelling".into()), ..Query::default() }).unwrap();
    assert_eq!(hits.len(), 3, "one event per document, found once");
    // A doubled index entry is caught.
    s.connection().execute("INSERT INTO sentences_fts (rowid, text) VALUES (1, 'Intro.')", []).unwrap();
    assert!(s.check_text_index().is_err());
}

#[test]
fn gdelt_row_columns() {
    let e = event("a", 0, "195", Some(("SYRMIL", "Government forces")), Some(("IGOUNOKFR", "peacekeepers")), "2012-02-07");
    let r = gdelt_row(&e);
    assert_eq!(r.len(), 61);
    assert_eq!(&r[1..4], ["20120207", "201202", "2012"]);
    assert_eq!(r[4], "2012.1014"); // 37 days into the year, of 365
    assert_eq!(&r[5..8], ["SYRMIL", "GOVERNMENT FORCES", "SYR"]);
    assert_eq!(r[12], "MIL", "Actor1Type1Code");
    assert_eq!(r[15], "IGOUNOKFR");
    assert_eq!(r[17], "", "an IGO has no country");
    assert_eq!(r[18], "UNOKFR", "Actor2KnownGroupCode");
    assert_eq!(r[22], "IGO", "Actor2Type1Code");
    assert_eq!(&r[25..31], ["1", "195", "195", "19", "4", "-10"]);
    assert_eq!(&r[31..35], ["1", "1", "1", ""]);
    assert!(r[35..51].iter().all(String::is_empty));
    assert_eq!(&r[51..54], ["4", "Homs", "SY"]);
    assert_eq!(&r[56..58], ["34.73", "36.72"]);
    assert_eq!(r[59], "20120207000000");
    assert_eq!(r[60], "https://www.news.example/a");

    let m = gdelt_mention_row(&e, Some(100), Some(900));
    assert_eq!(m.len(), 16);
    assert_eq!(&m[3..10], ["1", "news.example", "https://www.news.example/a", "1", "100", "138", "118"]);
    assert_eq!(m[12], "900");
    assert!(m[15].starts_with("<SENTENCE>Government forces"));
}

#[test]
fn csv_tsv_jsonl_plover() {
    let mut e = event("a", 0, "195", Some(("SYRMIL", "Government forces, \"regulars\"")), None, "2012-02-07");
    e.negated = true;
    let evs = vec![e.clone()];
    let write = |f: &str| {
        let mut out = Vec::new();
        write_events(f.parse::<ExportFormat>().unwrap(), &evs, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    };
    let csv = write("csv");
    let mut lines = csv.lines();
    assert_eq!(lines.next().unwrap().split(',').count(), 30);
    assert!(lines.next().unwrap().contains(r#","Government forces, ""regulars""","#));
    let tsv = write("tsv");
    assert!(tsv.lines().all(|l| l.split('\t').count() == 30));
    let j: Event = serde_json::from_str(write("jsonl").trim()).unwrap();
    assert_eq!(j, e);
    assert_eq!(write("gdelt").trim_end().split('\t').count(), 61);
    let p = plover_record(&e).unwrap();
    assert_eq!(p["event"][0], "ASSAULT");
    assert_eq!(p["quad_code"], 4);
    assert_eq!(p["actor"][0]["code"], "SYR");
    assert_eq!(p["actor"][0]["sector"], "MIL");
    assert_eq!(p["mode"], serde_json::json!(["negation"]));
    assert_eq!(p["size"]["dead"], 19);
    assert_eq!(p["date"], "2012-02-07");
    let mut e2 = e.clone();
    e2.code = "010".into();
    e2.plover = None;
    assert!(plover_record(&e2).is_none(), "CAMEO 01 has no PLOVER type");
    assert!("parquet".parse::<ExportFormat>().is_err());
}

#[test]
fn parquet_round_trip_shape() {
    let e = event("a", 0, "195", Some(("SYRMIL", "x")), None, "2012-02-07");
    let mut buf = Vec::new();
    annalist_store::parquet::write_parquet(&vec![e; 10_000], &mut buf).unwrap();
    assert_eq!(&buf[..4], b"PAR1");
    assert_eq!(&buf[buf.len() - 4..], b"PAR1");
}
