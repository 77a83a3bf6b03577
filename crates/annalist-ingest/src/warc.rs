//! A streaming WARC reader (WARC/1.0 and 1.1, as Common Crawl's CC-NEWS writes them).
//!
//! Records are read one at a time from any [`BufRead`] (wrap a `.warc.gz` in
//! [`flate2::read::MultiGzDecoder`]: each record is its own gzip member), so memory stays
//! bounded by the largest record we keep, whatever the archive's size. `response` records
//! carry an HTTP message: its headers are parsed and its body de-chunked and un-gzipped when
//! the crawler left it so. `resource` records carry the page itself.
//!
//! ```
//! use annalist_ingest::warc::WarcReader;
//! let page = "<html><body><p>Hello.</p></body></html>";
//! let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{page}");
//! let warc = format!(
//!     "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\n\
//!      WARC-Target-URI: https://example.com/a\r\nWARC-Date: 2019-11-20T10:00:00Z\r\n\
//!      Content-Length: {}\r\n\r\n{http}\r\n\r\n", http.len());
//! let mut r = WarcReader::new(warc.as_bytes());
//! let rec = r.next_record().unwrap().unwrap();
//! assert_eq!(rec.id, "urn:uuid:1");
//! assert_eq!(rec.target_uri.as_deref(), Some("https://example.com/a"));
//! assert_eq!(rec.body, page.as_bytes());
//! assert!(rec.is_html());
//! assert!(r.next_record().is_none());
//! ```

use std::io::{BufRead, Read};

/// Records larger than this are skipped (reported, not kept in memory).
pub const MAX_RECORD: u64 = 64 << 20;

/// One `response` or `resource` record: the page and what the archive says about it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WarcRecord {
    /// `WARC-Record-ID` without its angle brackets.
    pub id: String,
    pub record_type: String,
    pub target_uri: Option<String>,
    /// `WARC-Date` (RFC 3339).
    pub date: Option<String>,
    /// The content type of the payload (HTTP `Content-Type`, or the record's for `resource`).
    pub content_type: Option<String>,
    /// HTTP status, for `response` records.
    pub status: Option<u16>,
    /// The payload: the HTTP body for `response` records.
    pub body: Vec<u8>,
}

impl WarcRecord {
    /// Whether the payload is an HTML page (by its content type, else by a look at it).
    pub fn is_html(&self) -> bool {
        match &self.content_type {
            Some(ct) => {
                let ct = ct.to_ascii_lowercase();
                ct.contains("html")
            }
            None => {
                let head = &self.body[..self.body.len().min(512)];
                let head = String::from_utf8_lossy(head).to_ascii_lowercase();
                head.contains("<html") || head.contains("<!doctype html")
            }
        }
    }

    /// The `charset` parameter of the content type.
    pub fn charset(&self) -> Option<String> {
        let ct = self.content_type.as_deref()?.to_ascii_lowercase();
        let i = ct.find("charset=")? + 8;
        Some(ct[i..].trim_matches(|c: char| c == '"' || c == '\'' || c.is_whitespace()).split(';').next()?.to_string())
    }
}

/// Why a record could not be read. The reader may go on after it (`fatal == false`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WarcError {
    /// The record id, or the byte offset where reading failed.
    pub origin: String,
    pub reason: String,
    /// The archive cannot be read further.
    pub fatal: bool,
}

/// Reads WARC records one by one; see the module docs.
pub struct WarcReader<R> {
    inner: R,
    offset: u64,
    done: bool,
    /// Yield every record, not only `response` and `resource` ones.
    pub all_types: bool,
}

impl<R: BufRead> WarcReader<R> {
    pub fn new(inner: R) -> Self {
        WarcReader { inner, offset: 0, done: false, all_types: false }
    }

    fn read_line(&mut self, buf: &mut Vec<u8>) -> std::io::Result<usize> {
        buf.clear();
        let n = (&mut self.inner).take(64 * 1024).read_until(b'\n', buf)?;
        self.offset += n as u64;
        Ok(n)
    }

    /// The next `response` or `resource` record, `None` at the end of the archive.
    pub fn next_record(&mut self) -> Option<Result<WarcRecord, WarcError>> {
        loop {
            if self.done {
                return None;
            }
            match self.read_one() {
                Ok(Some(rec)) => {
                    if self.all_types || rec.record_type == "response" || rec.record_type == "resource" {
                        return Some(Ok(rec));
                    }
                }
                Ok(None) => {
                    self.done = true;
                    return None;
                }
                Err(e) => {
                    if e.fatal {
                        self.done = true;
                    }
                    return Some(Err(e));
                }
            }
        }
    }

    fn fail(&self, origin: Option<&str>, reason: impl Into<String>, fatal: bool) -> WarcError {
        WarcError {
            origin: origin.map(str::to_string).unwrap_or_else(|| format!("byte {}", self.offset)),
            reason: reason.into(),
            fatal,
        }
    }

    fn read_one(&mut self) -> Result<Option<WarcRecord>, WarcError> {
        let mut line = Vec::new();
        // Skip the blank lines that end the previous record; find the version line.
        let mut skipped_garbage = false;
        loop {
            let n = self.read_line(&mut line).map_err(|e| self.fail(None, format!("read error: {e}"), true))?;
            if n == 0 {
                return if skipped_garbage { Err(self.fail(None, "no WARC record found", true)) } else { Ok(None) };
            }
            if line.starts_with(b"WARC/") {
                break;
            }
            if !line.iter().all(u8::is_ascii_whitespace) {
                skipped_garbage = true;
            }
        }
        let start = self.offset;
        let mut rec = WarcRecord::default();
        let mut length: Option<u64> = None;
        loop {
            let n = self.read_line(&mut line).map_err(|e| self.fail(None, format!("read error: {e}"), true))?;
            if n == 0 {
                return Err(self.fail(None, "archive ends inside a record header", true));
            }
            let l = String::from_utf8_lossy(&line);
            let l = l.trim_end_matches(['\r', '\n']);
            if l.is_empty() {
                break;
            }
            let Some((name, value)) = l.split_once(':') else { continue };
            let value = value.trim();
            match name.trim().to_ascii_lowercase().as_str() {
                "warc-type" => rec.record_type = value.to_string(),
                "warc-record-id" => rec.id = value.trim_start_matches('<').trim_end_matches('>').to_string(),
                "warc-target-uri" => {
                    rec.target_uri = Some(value.trim_start_matches('<').trim_end_matches('>').to_string())
                }
                "warc-date" => rec.date = Some(value.to_string()),
                "content-type" => rec.content_type = Some(value.to_string()),
                "content-length" => length = value.parse().ok(),
                _ => {}
            }
        }
        let origin = if rec.id.is_empty() { format!("record at byte {start}") } else { rec.id.clone() };
        let Some(length) = length else {
            return Err(self.fail(Some(&origin), "record has no Content-Length", true));
        };
        let wanted = self.all_types || rec.record_type == "response" || rec.record_type == "resource";
        if !wanted || length > MAX_RECORD {
            let skipped = std::io::copy(&mut (&mut self.inner).take(length), &mut std::io::sink())
                .map_err(|e| self.fail(Some(&origin), format!("read error: {e}"), true))?;
            self.offset += skipped;
            if skipped < length {
                return Err(self.fail(Some(&origin), "archive ends inside a record", true));
            }
            if wanted {
                return Err(self.fail(Some(&origin), format!("record of {length} bytes is over the limit"), false));
            }
            return Ok(Some(rec));
        }
        let mut block = Vec::with_capacity(length as usize);
        let got = (&mut self.inner)
            .take(length)
            .read_to_end(&mut block)
            .map_err(|e| self.fail(Some(&origin), format!("read error: {e}"), true))?;
        self.offset += got as u64;
        if (got as u64) < length {
            return Err(self.fail(Some(&origin), "archive ends inside a record", true));
        }
        if rec.record_type == "response" && rec.content_type.as_deref().is_some_and(|c| c.contains("application/http")) {
            parse_http(&mut rec, block).map_err(|r| self.fail(Some(&origin), r, false))?;
        } else if rec.record_type == "response" && block.starts_with(b"HTTP/") {
            parse_http(&mut rec, block).map_err(|r| self.fail(Some(&origin), r, false))?;
        } else {
            rec.body = block;
        }
        Ok(Some(rec))
    }
}

impl<R: BufRead> Iterator for WarcReader<R> {
    type Item = Result<WarcRecord, WarcError>;
    fn next(&mut self) -> Option<Self::Item> {
        self.next_record()
    }
}

/// Splits an HTTP response into headers and body; undoes chunking and gzip.
fn parse_http(rec: &mut WarcRecord, block: Vec<u8>) -> Result<(), String> {
    let split = find(&block, b"\r\n\r\n").map(|i| (i, i + 4)).or_else(|| find(&block, b"\n\n").map(|i| (i, i + 2)));
    let Some((head_end, body_start)) = split else {
        return Err("HTTP response has no end of headers".into());
    };
    let head = String::from_utf8_lossy(&block[..head_end]);
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or("");
    rec.status = status_line.split_whitespace().nth(1).and_then(|s| s.parse().ok());
    rec.content_type = None;
    let (mut chunked, mut gzip) = (false, false);
    for l in lines {
        let Some((name, value)) = l.split_once(':') else { continue };
        let value = value.trim();
        match name.trim().to_ascii_lowercase().as_str() {
            "content-type" => rec.content_type = Some(value.to_string()),
            "transfer-encoding" => chunked = value.to_ascii_lowercase().contains("chunked"),
            "content-encoding" => gzip = matches!(value.to_ascii_lowercase().as_str(), "gzip" | "x-gzip"),
            _ => {}
        }
    }
    let mut body = block[body_start..].to_vec();
    if chunked {
        body = dechunk(&body).ok_or("bad chunked encoding")?;
    }
    if gzip {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(&body[..])
            .take(MAX_RECORD)
            .read_to_end(&mut out)
            .map_err(|e| format!("bad gzip content: {e}"))?;
        body = out;
    }
    rec.body = body;
    Ok(())
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let eol = find(data, b"\r\n")?;
        let size_str = std::str::from_utf8(&data[..eol]).ok()?;
        let size = usize::from_str_radix(size_str.split(';').next()?.trim(), 16).ok()?;
        data = &data[eol + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(data.get(..size)?);
        data = data.get(size..)?;
        data = data.strip_prefix(b"\r\n").unwrap_or(data);
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    fn record(ty: &str, id: &str, block: &str) -> String {
        format!("WARC/1.1\r\nWARC-Type: {ty}\r\nWARC-Record-ID: <{id}>\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n", block.len())
    }

    #[test]
    fn skips_other_record_types_and_reads_resource() {
        let w = record("warcinfo", "urn:a", "software: x\r\n")
            + &record("request", "urn:b", "GET / HTTP/1.1\r\n\r\n")
            + &record("resource", "urn:c", "<html><p>x</p></html>");
        let recs: Vec<_> = WarcReader::new(w.as_bytes()).collect();
        assert_eq!(recs.len(), 1);
        let r = recs[0].as_ref().unwrap();
        assert_eq!(r.id, "urn:c");
        assert!(r.is_html());
    }

    #[test]
    fn dechunks_and_reads_status() {
        let http = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/html\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n";
        let w = record("response", "urn:d", http);
        let r = WarcReader::new(w.as_bytes()).next().unwrap().unwrap();
        assert_eq!(r.body, b"hello world");
        assert_eq!(r.status, Some(200));
    }

    #[test]
    fn truncated_archive_is_an_error_not_a_panic() {
        let w = record("resource", "urn:e", "<html>abcdef</html>");
        let cut = &w.as_bytes()[..w.len() - 12];
        let recs: Vec<_> = WarcReader::new(cut).collect();
        assert_eq!(recs.len(), 1);
        assert!(recs[0].as_ref().is_err_and(|e| e.fatal));
    }
}
