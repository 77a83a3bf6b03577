//! Readers through the CLI: HTML pages, WARC and WARC.gz archives, gzip, JSONL with `html`,
//! directories, standard input, `--input-format`, and bad input that does not stop a batch.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_annalist"))
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("annalist-ingest-readers-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

const BODY: [&str; 4] = [
    "Syrian government forces renewed their shelling of the central city of Homs on Tuesday, killing at least 19 people, activists said.",
    "The Syrian Observatory for Human Rights said tanks had moved into the Baba Amr district before dawn and that snipers were firing on residents who tried to flee.",
    "Gulf Arab states said they were recalling their ambassadors from Damascus and expelling Syria's envoys in protest at the violence.",
    "Russia's foreign minister met President Bashar al-Assad in Damascus and said both sides must stop the bloodshed.",
];

fn page(title: &str, date: &str) -> String {
    let paras: String = BODY.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    format!(
        r##"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | World News Site</title>
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"{title}","datePublished":"{date}T09:47:00Z"}}</script>
<meta property="og:title" content="{title} - og">
</head><body>
<div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience. Accept all cookies?</div>
<nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<main><article><h1>{title}</h1>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet this</a></div>
{paras}
<figure><img src="x.jpg"><figcaption>Smoke rises over Homs. REUTERS/Stringer</figcaption></figure>
</article>
<aside class="related"><h3>More stories</h3><ul><li><a href="/a">Teaser one about markets</a></li><li><a href="/b">Teaser two about football</a></li></ul></aside>
</main><footer class="site-footer">Copyright 2012 World News Site. All rights reserved. Contact us.</footer></body></html>"##
    )
}

fn extract(args: &[&Path], extra: &[&str]) -> (Vec<serde_json::Value>, String, i32) {
    let out = bin().arg("extract").args(extra).args(args).output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let docs = stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    (docs, String::from_utf8(out.stderr).unwrap(), out.status.code().unwrap_or(-1))
}

fn check_article(d: &serde_json::Value, title: &str, date: &str) {
    let body = d["body"].as_str().unwrap();
    for p in BODY {
        assert!(body.contains(&p[..60]), "missing paragraph {p:?} in {body:?}");
    }
    for junk in ["cookies", "Home", "Share on Facebook", "Teaser", "Copyright", "REUTERS/Stringer"] {
        assert!(!body.contains(junk), "{junk:?} left in {body:?}");
    }
    assert_eq!(d["title"].as_str(), Some(title));
    assert_eq!(d["date"].as_str(), Some(date));
}

#[test]
fn html_page_main_text_title_and_date() {
    let d = tmp("html");
    let p = d.join("homs-2012-02-07.html");
    std::fs::write(&p, page("Syrian forces shell Homs", "2012-02-07")).unwrap();
    let (docs, err, code) = extract(&[&p], &[]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["doc"], "homs-2012-02-07");
    check_article(&docs[0], "Syrian forces shell Homs", "2012-02-07");
}

fn warc_record(ty: &str, id: &str, uri: &str, date: &str, block: &[u8], ct: &str) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {ty}\r\nWARC-Record-ID: <urn:uuid:{id}>\r\nWARC-Target-URI: {uri}\r\n\
         WARC-Date: {date}\r\nContent-Type: {ct}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn http(status: &str, ct: &str, body: &str) -> Vec<u8> {
    format!("HTTP/1.1 {status}\r\nContent-Type: {ct}\r\nContent-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
}

/// A CC-NEWS-like archive: warcinfo, request/response pairs, a 404, an image, a resource page
/// without a date of its own.
fn warc_records() -> Vec<Vec<u8>> {
    let undated = page("Envoys recalled", "XXXX").replace(r#""datePublished":"XXXXT09:47:00Z""#, r#""x":"y""#);
    vec![
        warc_record("warcinfo", "0", "", "2012-02-08T00:00:00Z", b"software: test\r\n", "application/warc-fields"),
        warc_record("request", "1", "https://news.example/homs", "2012-02-08T00:00:00Z", b"GET /homs HTTP/1.1\r\n\r\n", "application/http; msgtype=request"),
        warc_record(
            "response",
            "2",
            "https://news.example/homs",
            "2012-02-08T00:00:00Z",
            &http("200 OK", "text/html; charset=utf-8", &page("Syrian forces shell Homs", "2012-02-07")),
            "application/http; msgtype=response",
        ),
        warc_record("response", "3", "https://news.example/gone", "2012-02-08T00:00:00Z", &http("404 Not Found", "text/html", "<html>gone</html>"), "application/http; msgtype=response"),
        warc_record("response", "4", "https://news.example/x.jpg", "2012-02-08T00:00:00Z", &http("200 OK", "image/jpeg", "JFIF"), "application/http; msgtype=response"),
        warc_record("resource", "5", "https://news.example/envoys", "2012-02-09T10:00:00Z", undated.as_bytes(), "text/html"),
    ]
}

fn check_warc_docs(docs: &[serde_json::Value]) {
    assert_eq!(docs.len(), 2, "{docs:?}");
    assert_eq!(docs[0]["doc"], "urn:uuid:2");
    assert_eq!(docs[0]["url"], "https://news.example/homs");
    check_article(&docs[0], "Syrian forces shell Homs", "2012-02-07");
    assert_eq!(docs[1]["doc"], "urn:uuid:5");
    // No date in the page: the archive's.
    assert_eq!(docs[1]["date"], "2012-02-09");
}

fn gzip_each(parts: &[Vec<u8>]) -> Vec<u8> {
    let mut out = Vec::new();
    for p in parts {
        let mut c = Command::new("gzip").arg("-c").stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
        c.stdin.take().unwrap().write_all(p).unwrap();
        out.extend(c.wait_with_output().unwrap().stdout);
    }
    out
}

#[test]
fn warc_and_warc_gz() {
    let d = tmp("warc");
    let recs = warc_records();
    let plain = d.join("cc-news.warc");
    std::fs::write(&plain, recs.concat()).unwrap();
    let (docs, err, code) = extract(&[&plain], &[]);
    assert_eq!(code, 0, "{err}");
    check_warc_docs(&docs);

    // One gzip member per record, as Common Crawl writes them.
    let gz = d.join("cc-news.warc.gz");
    std::fs::write(&gz, gzip_each(&recs)).unwrap();
    let (docs, err, code) = extract(&[&gz], &[]);
    assert_eq!(code, 0, "{err}");
    check_warc_docs(&docs);

    // Sniffed without a telling name.
    let anon = d.join("archive.bin");
    std::fs::write(&anon, gzip_each(&recs)).unwrap();
    let (docs, _, _) = extract(&[&anon], &[]);
    check_warc_docs(&docs);
}

#[test]
fn truncated_warc_reports_and_goes_on() {
    let d = tmp("warc-bad");
    let mut bytes = warc_records().concat();
    bytes.truncate(bytes.len() - 200); // cut the last record short
    let bad = d.join("a-bad.warc");
    std::fs::write(&bad, bytes).unwrap();
    let good = d.join("b-good.txt");
    std::fs::write(&good, BODY.join("\n\n")).unwrap();
    let (docs, err, code) = extract(&[&d], &[]);
    assert_eq!(code, 1);
    assert_eq!(docs.len(), 2, "the good record of the bad archive and the text file");
    assert_eq!(docs[1]["doc"], "b-good");
    assert!(err.lines().any(|l| l.starts_with("annalist: ") && l.contains("a-bad.warc")), "{err}");
}

#[test]
fn gzip_jsonl_with_html_and_bad_lines() {
    let d = tmp("jsonl");
    let lines = [
        serde_json::json!({"id": "p1", "url": "https://x.example/1", "html": page("Syrian forces shell Homs", "2012-02-07"), "source": "wire"}).to_string(),
        "{not json".to_string(),
        serde_json::json!({"id": "t2", "date": "2012-02-08", "text": BODY[2]}).to_string(),
        serde_json::json!({"id": "n3", "title": "no text"}).to_string(),
    ];
    let f = d.join("batch.jsonl.gz");
    std::fs::write(&f, gzip_each(&[lines.join("\n").into_bytes()])).unwrap();
    let (docs, err, code) = extract(&[&f], &[]);
    assert_eq!(code, 1);
    assert_eq!(docs.len(), 2);
    check_article(&docs[0], "Syrian forces shell Homs", "2012-02-07");
    assert_eq!(docs[1]["doc"], "t2");
    assert_eq!(docs[1]["date"], "2012-02-08");
    let errs: Vec<&str> = err.lines().collect();
    assert_eq!(errs.len(), 2, "{err}");
    assert!(errs[0].starts_with("annalist: batch:2: invalid JSON"), "{err}");
    assert!(errs[1].starts_with("annalist: n3: "), "{err}");
}

#[test]
fn directories_in_sorted_order_and_plain_gzip() {
    let d = tmp("dir");
    std::fs::create_dir_all(d.join("b")).unwrap();
    std::fs::write(d.join("c.txt"), "Third.").unwrap();
    std::fs::write(d.join("b/x.txt"), "Second.").unwrap();
    std::fs::write(d.join("a.txt.gz"), gzip_each(&[b"First.".to_vec()])).unwrap();
    let (docs, err, code) = extract(&[&d], &[]);
    assert_eq!(code, 0, "{err}");
    let ids: Vec<&str> = docs.iter().map(|d| d["doc"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a", "x", "c"]);
}

#[test]
fn stdin_and_input_format_override() {
    let mut c = bin()
        .args(["extract", "--input-format", "html"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    c.stdin.take().unwrap().write_all(page("Syrian forces shell Homs", "2012-02-07").as_bytes()).unwrap();
    let out = c.wait_with_output().unwrap();
    let d: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(d["doc"], "stdin");
    check_article(&d, "Syrian forces shell Homs", "2012-02-07");

    // A .txt holding HTML read as HTML when told so.
    let dir = tmp("override");
    let f = dir.join("page.txt");
    std::fs::write(&f, page("Syrian forces shell Homs", "2012-02-07")).unwrap();
    let (docs, _, _) = extract(&[&f], &["--input-format", "html"]);
    check_article(&docs[0], "Syrian forces shell Homs", "2012-02-07");
    // Sniffed from the content when the name tells nothing.
    let g = dir.join("page");
    std::fs::write(&g, page("Syrian forces shell Homs", "2012-02-07")).unwrap();
    let (docs, _, _) = extract(&[&g], &[]);
    check_article(&docs[0], "Syrian forces shell Homs", "2012-02-07");
}

#[test]
fn missing_file_is_reported_and_batch_goes_on() {
    let d = tmp("missing");
    let good = d.join("good.txt");
    std::fs::write(&good, "Rebels seized the town.").unwrap();
    let (docs, err, code) = extract(&[&d.join("nope.txt"), &good], &[]);
    assert_eq!(code, 1);
    assert_eq!(docs.len(), 1);
    assert!(err.starts_with("annalist: ") && err.contains("nope.txt"), "{err}");
}
