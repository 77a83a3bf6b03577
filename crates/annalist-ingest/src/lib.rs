//! Readers: plain text, HTML, JSONL, WARC, gzip, directories and standard input, each turned
//! into a stream of [`Document`]s. A document that cannot be read becomes a [`ReadError`]
//! naming it, and the stream goes on.

use std::io::Read;
use std::path::{Path, PathBuf};

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
            "html" => Ok(InputFormat::Html),
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

/// Every document of `inputs` (none, or `-`: standard input), in order.
pub fn read_inputs(
    inputs: &[PathBuf],
    format: InputFormat,
) -> Box<dyn Iterator<Item = Result<Document, ReadError>> + Send> {
    let inputs: Vec<PathBuf> = if inputs.is_empty() { vec![PathBuf::from("-")] } else { inputs.to_vec() };
    Box::new(inputs.into_iter().flat_map(move |p| read_path(&p, format)))
}

fn read_path(path: &Path, format: InputFormat) -> Vec<Result<Document, ReadError>> {
    let origin = path.display().to_string();
    if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        if let Err(e) = std::io::stdin().read_to_end(&mut buf) {
            return vec![Err(ReadError { origin: "stdin".into(), reason: e.to_string() })];
        }
        return parse_bytes("stdin", &buf, format);
    }
    if path.is_dir() {
        let mut files = Vec::new();
        walk(path, &mut files);
        files.sort();
        return files.iter().flat_map(|f| read_path(f, format)).collect();
    }
    match std::fs::read(path) {
        Ok(bytes) => {
            let id = doc_id(path);
            let fmt = if format == InputFormat::Auto { format_of_name(path) } else { format };
            parse_bytes(&id, &bytes, fmt)
        }
        Err(e) => vec![Err(ReadError { origin, reason: e.to_string() })],
    }
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else {
                out.push(p);
            }
        }
    }
}

/// `homs-2012-02-07.txt` -> `homs-2012-02-07`.
pub fn doc_id(path: &Path) -> String {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    name.split('.').next().unwrap_or(&name).to_string()
}

fn format_of_name(path: &Path) -> InputFormat {
    let name = path.to_string_lossy().to_ascii_lowercase();
    let name = name.trim_end_matches(".gz");
    if name.ends_with(".jsonl") || name.ends_with(".ndjson") {
        InputFormat::Jsonl
    } else if name.ends_with(".html") || name.ends_with(".htm") {
        InputFormat::Html
    } else if name.ends_with(".warc") {
        InputFormat::Warc
    } else {
        InputFormat::Auto
    }
}

fn parse_bytes(id: &str, bytes: &[u8], format: InputFormat) -> Vec<Result<Document, ReadError>> {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t.to_string(),
        Err(_) => String::from_utf8_lossy(bytes).into_owned(),
    };
    let format = if format == InputFormat::Auto && text.trim_start().starts_with('{') {
        InputFormat::Jsonl
    } else {
        format
    };
    match format {
        InputFormat::Jsonl => text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(i, l)| parse_json_line(id, i + 1, l))
            .collect(),
        _ => vec![Ok(Document::plain(id, text))],
    }
}

fn parse_json_line(id: &str, line_no: usize, line: &str) -> Result<Document, ReadError> {
    let err = |reason: String| ReadError { origin: format!("{id}:{line_no}"), reason };
    let mut v: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(line).map_err(|e| err(format!("invalid JSON: {e}")))?;
    let mut take = |k: &str| match v.remove(k) {
        Some(serde_json::Value::String(s)) => Some(s),
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let doc_id = take("id").unwrap_or_else(|| format!("{id}:{line_no}"));
    let text = take("text").ok_or_else(|| err("no \"text\" field".into()))?;
    let date = take("date").and_then(|d| chrono::NaiveDate::parse_from_str(d.get(..10).unwrap_or(""), "%Y-%m-%d").ok());
    Ok(Document { id: doc_id, url: take("url"), title: take("title"), date, text, meta: v, ..Document::default() })
}
