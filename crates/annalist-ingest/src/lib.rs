//! Readers: plain text, HTML, JSONL, WARC, gzip, directories and standard input, each turned
//! into a stream of [`Document`]s. A document that cannot be read becomes a [`ReadError`]
//! naming it, and the stream goes on.
//!
//! Reading is lazy and in two steps, so that a caller can spread the costly one over threads:
//! [`raw_inputs`] frames the inputs into [`RawDoc`]s (a file, a JSONL line, a WARC record:
//! cheap, sequential, constant memory), and [`RawDoc::parse`] turns one into a [`Document`]
//! (JSON decoding, HTML extraction: costly, independent). [`read_inputs`] chains the two.
//!
//! ```
//! use annalist_ingest::{read_inputs, InputFormat};
//! let dir = std::env::temp_dir().join(format!("annalist-ingest-doc-{}", std::process::id()));
//! std::fs::create_dir_all(&dir).unwrap();
//! std::fs::write(dir.join("a.jsonl"), "{\"id\":\"x1\",\"date\":\"2012-02-07\",\"text\":\"Troops shelled Homs.\"}\nnot json\n").unwrap();
//! std::fs::write(dir.join("b.txt"), "Rebels seized the town.").unwrap();
//! let docs: Vec<_> = read_inputs(&[dir.clone()], InputFormat::Auto).collect();
//! assert_eq!(docs.len(), 3);
//! assert_eq!(docs[0].as_ref().unwrap().id, "x1");
//! assert!(docs[1].as_ref().unwrap_err().to_string().contains("a:2"));
//! assert_eq!(docs[2].as_ref().unwrap().id, "b");
//! std::fs::remove_dir_all(&dir).unwrap();
//! ```

pub mod html;
pub mod shingle;
pub mod warc;

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use annalist_text::document::TextOrigin;
use annalist_text::Document;

/// The format of an input, told by its name, sniffed from its content, or forced.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum InputFormat {
    #[default]
    Auto,
    Text,
    Html,
    Jsonl,
    Warc,
}

impl std::str::FromStr for InputFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "auto" => Ok(InputFormat::Auto),
            "text" | "txt" => Ok(InputFormat::Text),
            "html" | "htm" => Ok(InputFormat::Html),
            "jsonl" | "ndjson" => Ok(InputFormat::Jsonl),
            "warc" => Ok(InputFormat::Warc),
            other => Err(format!("unknown input format {other:?} (auto, text, html, jsonl, warc)")),
        }
    }
}

/// One input (or one document in it) that could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{origin}: {reason}")]
pub struct ReadError {
    /// The document id or path.
    pub origin: String,
    pub reason: String,
}

impl ReadError {
    fn new(origin: impl Into<String>, reason: impl Into<String>) -> ReadError {
        ReadError { origin: origin.into(), reason: reason.into() }
    }
}

/// Every document of `inputs` (none, or `-`: standard input), in order, read lazily.
pub fn read_inputs(
    inputs: &[PathBuf],
    format: InputFormat,
) -> Box<dyn Iterator<Item = Result<Document, ReadError>> + Send> {
    Box::new(raw_inputs(inputs, format).map(|r| r.and_then(RawDoc::parse)))
}

/// The framed but not yet parsed documents of `inputs`, in order, read lazily.
pub fn raw_inputs(inputs: &[PathBuf], format: InputFormat) -> RawInputs {
    RawInputs::new(inputs, format, None)
}

/// Like [`raw_inputs`], adding the number of input bytes read (before decompression) to
/// `progress` as it goes: with [`input_size`], a progress bar.
pub fn raw_inputs_with_progress(inputs: &[PathBuf], format: InputFormat, progress: Arc<AtomicU64>) -> RawInputs {
    RawInputs::new(inputs, format, Some(progress))
}

/// The total size in bytes of the files `inputs` name (directories walked; standard input 0).
pub fn input_size(inputs: &[PathBuf]) -> u64 {
    fn size(p: &Path) -> u64 {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => std::fs::read_dir(p)
                .map(|rd| rd.flatten().map(|e| size(&e.path())).sum())
                .unwrap_or(0),
            Ok(m) => m.len(),
            Err(_) => 0,
        }
    }
    inputs.iter().filter(|p| p.as_os_str() != "-").map(|p| size(p)).sum()
}

/// `homs-2012-02-07.txt` -> `homs-2012-02-07`.
pub fn doc_id(path: &Path) -> String {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    name.split('.').next().unwrap_or(&name).to_string()
}

/// The format a file name tells (`.gz` looked through), or `Auto`.
pub fn format_of_name(path: &Path) -> InputFormat {
    let name = path.to_string_lossy().to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    if name.ends_with(".jsonl") || name.ends_with(".ndjson") {
        InputFormat::Jsonl
    } else if name.ends_with(".html") || name.ends_with(".htm") || name.ends_with(".xhtml") {
        InputFormat::Html
    } else if name.ends_with(".warc") {
        InputFormat::Warc
    } else if name.ends_with(".txt") {
        InputFormat::Text
    } else {
        InputFormat::Auto
    }
}

/// The format of content from its first bytes.
pub fn sniff(head: &[u8]) -> InputFormat {
    if head.starts_with(b"WARC/") {
        return InputFormat::Warc;
    }
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(head.len());
    let head = &head[start..];
    if head.starts_with(b"{") {
        return InputFormat::Jsonl;
    }
    if head.starts_with(b"<") {
        let lower = String::from_utf8_lossy(&head[..head.len().min(1024)]).to_ascii_lowercase();
        if ["<!doctype html", "<html", "<head", "<body", "<meta", "<!--", "<?xml", "<div", "<p", "<article"]
            .iter()
            .any(|t| lower.starts_with(t) || lower.contains("<html"))
        {
            return InputFormat::Html;
        }
    }
    InputFormat::Text
}

/// One document framed from an input, not parsed yet. Cheap to make; [`RawDoc::parse`]
/// does the work and may run on any thread.
#[derive(Clone, Debug)]
pub struct RawDoc {
    /// The document id, or where the document is when it has none yet (`file:line`).
    pub origin: String,
    pub kind: RawKind,
    pub bytes: Vec<u8>,
    /// For WARC records: target URI, archive date, HTTP charset.
    pub url: Option<String>,
    pub fallback_date: Option<String>,
    pub charset: Option<String>,
    /// The input it came from (a path, or `-`).
    pub input: Option<Arc<str>>,
}

/// What a [`RawDoc`]'s bytes are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RawKind {
    /// A whole text file: one plain document.
    Text,
    /// A whole HTML page.
    Html,
    /// One JSONL line (`origin` is `file:line`; the line's `id` becomes the document id).
    JsonLine,
}

impl RawDoc {
    /// Decodes and extracts the document.
    ///
    /// # Errors
    /// Invalid JSON, a line with neither `text` nor `html`, a page with no article text.
    pub fn parse(self) -> Result<Document, ReadError> {
        match self.kind {
            RawKind::Text => {
                let text = match String::from_utf8(self.bytes) {
                    Ok(t) => t,
                    Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
                };
                Ok(Document::plain(self.origin, text))
            }
            RawKind::Html => {
                let html = html::decode(&self.bytes, self.charset.as_deref());
                html_document(self.origin, &html, self.url, self.fallback_date.as_deref())
            }
            RawKind::JsonLine => parse_json_line(&self.origin, &self.bytes),
        }
    }
}

/// A page -> a [`Document`] (`TextOrigin::Extracted`): `url` given wins over the page's own,
/// the page's date over `fallback_date`.
///
/// # Errors
/// A page in which no article text is found.
pub fn html_document(
    id: String,
    html: &str,
    url: Option<String>,
    fallback_date: Option<&str>,
) -> Result<Document, ReadError> {
    // The extractor is third-party code over arbitrary pages: a panic in it costs this
    // document, never the batch.
    let x = std::panic::catch_unwind(|| html::extract(html, url.as_deref()))
        .map_err(|_| ReadError::new(&id, "the HTML extractor failed on this page"))?;
    if x.text.trim().is_empty() {
        return Err(ReadError::new(id, "no article text found in the page"));
    }
    let date = x.date.or_else(|| fallback_date.and_then(html::parse_date));
    let mut meta = serde_json::Map::new();
    if let Some(p) = x.published {
        meta.insert("published".into(), p.into());
    }
    if let Some(l) = x.language {
        meta.insert("language".into(), l.into());
    }
    Ok(Document {
        id,
        url: url.or(x.url),
        title: x.title,
        date,
        text: x.text,
        origin: TextOrigin::Extracted,
        meta,
    })
}

fn parse_json_line(origin: &str, line: &[u8]) -> Result<Document, ReadError> {
    let err = |reason: String| ReadError::new(origin, reason);
    let mut v: serde_json::Map<String, serde_json::Value> =
        serde_json::from_slice(line).map_err(|e| err(format!("invalid JSON: {e}")))?;
    fn take(v: &mut serde_json::Map<String, serde_json::Value>, k: &str) -> Option<String> {
        match v.remove(k) {
            Some(serde_json::Value::String(s)) => Some(s),
            Some(serde_json::Value::Number(n)) => Some(n.to_string()),
            _ => None,
        }
    }
    let id = take(&mut v, "id").unwrap_or_else(|| origin.to_string());
    let url = take(&mut v, "url");
    let title = take(&mut v, "title");
    let date_raw = take(&mut v, "date");
    // A date we cannot read is kept as metadata: the text is still worth coding.
    let date = date_raw.as_deref().and_then(html::parse_date);
    if let (None, Some(raw)) = (date, date_raw) {
        v.insert("date".into(), raw.into());
    }
    if let Some(text) = take(&mut v, "text") {
        return Ok(Document { id, url, title, date, text, meta: v, ..Document::default() });
    }
    let Some(page) = take(&mut v, "html") else {
        return Err(ReadError::new(id, "no \"text\" or \"html\" field"));
    };
    let mut doc = html_document(id, &page, url, None)?;
    doc.title = title.or(doc.title);
    doc.date = date.or(doc.date);
    for (k, x) in v {
        doc.meta.insert(k, x);
    }
    Ok(doc)
}

type Reader = Box<dyn BufRead + Send>;
type Stream = Box<dyn Iterator<Item = Result<RawDoc, ReadError>> + Send>;

/// The lazy stream of [`RawDoc`]s; see [`raw_inputs`].
pub struct RawInputs {
    pending: VecDeque<PathBuf>,
    current: Option<Stream>,
    format: InputFormat,
    progress: Option<Arc<AtomicU64>>,
}

impl RawInputs {
    fn new(inputs: &[PathBuf], format: InputFormat, progress: Option<Arc<AtomicU64>>) -> RawInputs {
        let pending = if inputs.is_empty() { VecDeque::from([PathBuf::from("-")]) } else { inputs.iter().cloned().collect() };
        RawInputs { pending, current: None, format, progress }
    }

    /// Opens `path`: a stream of its documents, or the directory's entries queued.
    fn open(&mut self, path: PathBuf) -> Option<Stream> {
        if path.as_os_str() == "-" {
            let r: Reader = Box::new(BufReader::with_capacity(1 << 16, std::io::stdin()));
            return Some(self.stream(r, "stdin".into(), "-".into(), self.format));
        }
        let origin = path.display().to_string();
        if path.is_dir() {
            let mut entries: Vec<PathBuf> = match std::fs::read_dir(&path) {
                Ok(rd) => rd.flatten().map(|e| e.path()).collect(),
                Err(e) => return Some(one_err(ReadError::new(origin, e.to_string()))),
            };
            entries.sort();
            for e in entries.into_iter().rev() {
                self.pending.push_front(e);
            }
            return None;
        }
        let file = match std::fs::File::open(&path) {
            Ok(f) => f,
            Err(e) => return Some(one_err(ReadError::new(origin, e.to_string()))),
        };
        let counted: Box<dyn Read + Send> = match &self.progress {
            Some(p) => Box::new(Counting { inner: file, counter: Arc::clone(p) }),
            None => Box::new(file),
        };
        let format = if self.format == InputFormat::Auto { format_of_name(&path) } else { self.format };
        Some(self.stream(Box::new(BufReader::with_capacity(1 << 16, counted)), doc_id(&path), origin, format))
    }

    /// Gunzips when the content is gzip, settles the format, and frames.
    fn stream(&self, mut r: Reader, id: String, origin: String, format: InputFormat) -> Stream {
        let input: Arc<str> = Arc::from(origin.as_str());
        let gz = match r.fill_buf() {
            Ok(head) => head.starts_with(&[0x1f, 0x8b]),
            Err(e) => return one_err(ReadError::new(origin, e.to_string())),
        };
        if gz {
            r = Box::new(BufReader::with_capacity(1 << 16, flate2::read::MultiGzDecoder::new(r)));
        }
        let format = if format == InputFormat::Auto {
            match r.fill_buf() {
                Ok(head) => sniff(head),
                Err(e) => return one_err(ReadError::new(origin, format!("cannot decompress: {e}"))),
            }
        } else {
            format
        };
        match format {
            InputFormat::Jsonl => Box::new(JsonLines { r, id, line_no: 0, done: false, input }),
            InputFormat::Warc => Box::new(WarcDocs { r: warc::WarcReader::new(r), origin, input }),
            InputFormat::Html => whole(r, id, input, RawKind::Html),
            InputFormat::Text | InputFormat::Auto => whole(r, id, input, RawKind::Text),
        }
    }
}

impl Iterator for RawInputs {
    type Item = Result<RawDoc, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(cur) = &mut self.current {
                if let Some(item) = cur.next() {
                    return Some(item);
                }
                self.current = None;
            }
            let path = self.pending.pop_front()?;
            self.current = self.open(path);
        }
    }
}

fn one_err(e: ReadError) -> Stream {
    Box::new(std::iter::once(Err(e)))
}

fn whole(mut r: Reader, id: String, input: Arc<str>, kind: RawKind) -> Stream {
    let mut bytes = Vec::new();
    let item = match r.read_to_end(&mut bytes) {
        Ok(_) => Ok(RawDoc { origin: id, kind, bytes, url: None, fallback_date: None, charset: None, input: Some(input) }),
        Err(e) => Err(ReadError::new(input.to_string(), e.to_string())),
    };
    Box::new(std::iter::once(item))
}

struct Counting<R> {
    inner: R,
    counter: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.counter.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// JSONL, one line at a time.
struct JsonLines {
    r: Reader,
    id: String,
    line_no: usize,
    done: bool,
    input: Arc<str>,
}

impl Iterator for JsonLines {
    type Item = Result<RawDoc, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            let mut line = Vec::new();
            self.line_no += 1;
            match self.r.read_until(b'\n', &mut line) {
                Ok(0) => self.done = true,
                Ok(_) => {
                    if line.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some(Ok(RawDoc {
                        origin: format!("{}:{}", self.id, self.line_no),
                        kind: RawKind::JsonLine,
                        bytes: line,
                        url: None,
                        fallback_date: None,
                        charset: None,
                        input: Some(Arc::clone(&self.input)),
                    }));
                }
                Err(e) => {
                    self.done = true;
                    return Some(Err(ReadError::new(format!("{}:{}", self.id, self.line_no), e.to_string())));
                }
            }
        }
        None
    }
}

/// The HTML pages of a WARC archive.
struct WarcDocs {
    r: warc::WarcReader<Reader>,
    origin: String,
    input: Arc<str>,
}

impl Iterator for WarcDocs {
    type Item = Result<RawDoc, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let rec = match self.r.next_record()? {
                Ok(rec) => rec,
                Err(e) => return Some(Err(ReadError::new(format!("{}: {}", self.origin, e.origin), e.reason))),
            };
            if rec.status.is_some_and(|s| !(200..300).contains(&s)) || !rec.is_html() {
                continue;
            }
            let charset = rec.charset();
            let id = if rec.id.is_empty() { rec.target_uri.clone().unwrap_or_default() } else { rec.id };
            return Some(Ok(RawDoc {
                origin: id,
                kind: RawKind::Html,
                bytes: rec.body,
                url: rec.target_uri,
                fallback_date: rec.date,
                charset,
                input: Some(Arc::clone(&self.input)),
            }));
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn sniffs() {
        assert_eq!(sniff(b"WARC/1.0\r\n"), InputFormat::Warc);
        assert_eq!(sniff(b"  {\"id\": 1}"), InputFormat::Jsonl);
        assert_eq!(sniff(b"<!DOCTYPE html><html>"), InputFormat::Html);
        assert_eq!(sniff(b"February 7, 2012 / 9:47 AM"), InputFormat::Text);
    }

    #[test]
    fn names_tell_formats() {
        assert_eq!(format_of_name(Path::new("a.warc.gz")), InputFormat::Warc);
        assert_eq!(format_of_name(Path::new("a.jsonl.gz")), InputFormat::Jsonl);
        assert_eq!(format_of_name(Path::new("a.HTM")), InputFormat::Html);
        assert_eq!(format_of_name(Path::new("a.txt")), InputFormat::Text);
        assert_eq!(format_of_name(Path::new("README")), InputFormat::Auto);
        assert_eq!(doc_id(Path::new("x/homs-2012-02-07.txt.gz")), "homs-2012-02-07");
    }

    #[test]
    fn json_line_dates_and_errors() {
        let d = parse_json_line("f:1", br#"{"id":"a","date":"2012-02-07T10:00:00+02:00","text":"x","src":"y"}"#).unwrap();
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2012, 2, 7));
        assert_eq!(d.meta.get("src").and_then(|v| v.as_str()), Some("y"));
        let d = parse_json_line("f:2", br#"{"id":"b","date":"yesterday","text":"x"}"#).unwrap();
        assert_eq!((d.date, d.meta.get("date").and_then(|v| v.as_str())), (None, Some("yesterday")));
        let e = parse_json_line("f:3", br#"{"id":"c"}"#).unwrap_err();
        assert!(e.reason.contains("text"));
    }
}
