//! Events as a Parquet file (Snappy-compressed, typed columns) that pandas, polars, DuckDB
//! and Spark read.
//!
//! The columns are those of the CSV format ([`crate::export::CSV_COLUMNS`]) with types:
//! dates as `date32`, counts and indexes as integers, Goldstein and coordinates as doubles, the
//! flags as booleans; absent values are nulls. Rows are written in row groups of up to
//! [`BATCH`] events, so memory stays bounded however many events are written.
//!
//! ```
//! let mut buf = Vec::new();
//! let mut w = annalist_store::parquet::ParquetEventWriter::new(&mut buf).unwrap();
//! w.finish().unwrap();
//! assert_eq!(&buf[..4], b"PAR1");
//! ```

use std::io::Write;
use std::sync::Arc;

use annalist_text::record::{ActorRecord, Event};
use arrow_array::builder::{BooleanBuilder, Date32Builder, Float64Builder, Int32Builder, Int64Builder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;

use crate::StoreError;

/// Events per row group.
pub const BATCH: usize = 8192;

fn pq(e: impl std::fmt::Display) -> StoreError {
    StoreError::Parquet(e.to_string())
}

/// The Arrow schema of the file.
pub fn schema() -> SchemaRef {
    use DataType::*;
    let f = |n: &str, t: DataType, null: bool| Field::new(n, t, null);
    Arc::new(Schema::new(vec![
        f("doc", Utf8, false),
        f("url", Utf8, true),
        f("event_id", Utf8, false),
        f("sentence", Int64, false),
        f("publication_date", Date32, true),
        f("date", Date32, true),
        f("date_basis", Utf8, true),
        f("code", Utf8, false),
        f("root", Utf8, false),
        f("quad_class", Int32, false),
        f("goldstein", Float64, false),
        f("plover", Utf8, true),
        f("source_code", Utf8, true),
        f("source_text", Utf8, true),
        f("source_country", Utf8, true),
        f("target_code", Utf8, true),
        f("target_text", Utf8, true),
        f("target_country", Utf8, true),
        f("trigger", Utf8, false),
        f("location", Utf8, true),
        f("location_country", Utf8, true),
        f("lat", Float64, true),
        f("lon", Float64, true),
        f("killed", Int32, true),
        f("wounded", Int32, true),
        f("casualty_precision", Utf8, true),
        f("reported_by", Utf8, true),
        f("negated", Boolean, false),
        f("hypothetical", Boolean, false),
        f("sentence_text", Utf8, false),
    ]))
}

/// Writes events to a Parquet file, a row group per [`BATCH`] events.
pub struct ParquetEventWriter<W: Write + Send> {
    writer: ArrowWriter<W>,
    buf: Vec<Event>,
    schema: SchemaRef,
}

impl<W: Write + Send> ParquetEventWriter<W> {
    /// # Errors
    /// The Parquet writer cannot start.
    pub fn new(out: W) -> Result<Self, StoreError> {
        let schema = schema();
        let props = WriterProperties::builder().set_compression(Compression::SNAPPY).build();
        let writer = ArrowWriter::try_new(out, Arc::clone(&schema), Some(props)).map_err(pq)?;
        Ok(ParquetEventWriter { writer, buf: Vec::with_capacity(BATCH), schema })
    }

    /// # Errors
    /// Writing a full row group fails.
    pub fn write(&mut self, e: &Event) -> Result<(), StoreError> {
        self.buf.push(e.clone());
        if self.buf.len() >= BATCH {
            self.flush_batch()?;
        }
        Ok(())
    }

    fn flush_batch(&mut self) -> Result<(), StoreError> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let batch = to_batch(&self.schema, &self.buf)?;
        self.writer.write(&batch).map_err(pq)?;
        self.buf.clear();
        Ok(())
    }

    /// Writes what is left and the file footer.
    ///
    /// # Errors
    /// The last write or the footer fails.
    pub fn finish(mut self) -> Result<(), StoreError> {
        self.flush_batch()?;
        self.writer.close().map_err(pq)?;
        Ok(())
    }
}

/// Writes `events` as one Parquet file to `out`.
///
/// # Errors
/// A Parquet or I/O failure.
pub fn write_parquet<W: Write + Send>(events: &[Event], out: W) -> Result<(), StoreError> {
    let mut w = ParquetEventWriter::new(out)?;
    for e in events {
        w.write(e)?;
    }
    w.finish()
}

fn days(d: Option<&str>) -> Option<i32> {
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1)?;
    let nd = chrono::NaiveDate::parse_from_str(d?.get(..10)?, "%Y-%m-%d").ok()?;
    i32::try_from((nd - epoch).num_days()).ok()
}

fn enum_str<T: serde::Serialize>(v: &Option<T>) -> Option<String> {
    v.as_ref().and_then(|x| serde_json::to_value(x).ok()).and_then(|v| v.as_str().map(str::to_string))
}

fn to_batch(schema: &SchemaRef, evs: &[Event]) -> Result<RecordBatch, StoreError> {
    let n = evs.len();
    let strings = |f: &dyn Fn(&Event) -> Option<String>| -> ArrayRef {
        let mut b = StringBuilder::with_capacity(n, n * 16);
        for e in evs {
            b.append_option(f(e));
        }
        Arc::new(b.finish())
    };
    let dates = |f: &dyn Fn(&Event) -> Option<i32>| -> ArrayRef {
        let mut b = Date32Builder::with_capacity(n);
        for e in evs {
            b.append_option(f(e));
        }
        Arc::new(b.finish())
    };
    let floats = |f: &dyn Fn(&Event) -> Option<f64>| -> ArrayRef {
        let mut b = Float64Builder::with_capacity(n);
        for e in evs {
            b.append_option(f(e));
        }
        Arc::new(b.finish())
    };
    let ints = |f: &dyn Fn(&Event) -> Option<i32>| -> ArrayRef {
        let mut b = Int32Builder::with_capacity(n);
        for e in evs {
            b.append_option(f(e));
        }
        Arc::new(b.finish())
    };
    let bools = |f: &dyn Fn(&Event) -> bool| -> ArrayRef {
        let mut b = BooleanBuilder::with_capacity(n);
        for e in evs {
            b.append_value(f(e));
        }
        Arc::new(b.finish())
    };
    let mut sentence = Int64Builder::with_capacity(n);
    for e in evs {
        sentence.append_value(e.sentence as i64);
    }
    fn code(a: &Option<ActorRecord>) -> Option<String> {
        a.as_ref().and_then(|a| a.code.clone())
    }
    fn text(a: &Option<ActorRecord>) -> Option<String> {
        a.as_ref().map(|a| a.text.clone())
    }
    fn country(a: &Option<ActorRecord>) -> Option<String> {
        a.as_ref().and_then(|a| a.country.clone())
    }
    let cols: Vec<ArrayRef> = vec![
        strings(&|e| Some(e.doc.clone())),
        strings(&|e| e.url.clone()),
        strings(&|e| Some(e.event_id.clone())),
        Arc::new(sentence.finish()),
        dates(&|e| days(e.publication_date.as_deref())),
        dates(&|e| days(e.date.as_deref())),
        strings(&|e| enum_str(&e.date_basis)),
        strings(&|e| Some(e.code.clone())),
        strings(&|e| Some(e.root.clone())),
        ints(&|e| Some(i32::from(e.quad_class))),
        floats(&|e| Some(e.goldstein)),
        strings(&|e| e.plover.clone()),
        strings(&|e| code(&e.source)),
        strings(&|e| text(&e.source)),
        strings(&|e| country(&e.source)),
        strings(&|e| code(&e.target)),
        strings(&|e| text(&e.target)),
        strings(&|e| country(&e.target)),
        strings(&|e| Some(e.trigger.text.clone())),
        strings(&|e| e.location.as_ref().map(|l| l.name.clone())),
        strings(&|e| e.location.as_ref().and_then(|l| l.country.clone())),
        floats(&|e| e.location.as_ref().and_then(|l| l.lat)),
        floats(&|e| e.location.as_ref().and_then(|l| l.lon)),
        ints(&|e| e.killed.and_then(|k| i32::try_from(k).ok())),
        ints(&|e| e.wounded.and_then(|k| i32::try_from(k).ok())),
        strings(&|e| enum_str(&e.casualty_precision)),
        strings(&|e| e.reported_by.clone()),
        bools(&|e| e.negated),
        bools(&|e| e.hypothetical),
        strings(&|e| Some(e.sentence_text.clone())),
    ];
    RecordBatch::try_new(Arc::clone(schema), cols).map_err(pq)
}
