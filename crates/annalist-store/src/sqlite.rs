//! The SQLite store: schema, migrations, writes and reads.

use std::collections::HashSet;
use std::path::Path;

use annalist_text::record::Event;
use rusqlite::{params, Connection, OptionalExtension};

use crate::query::Query;
use crate::{Counts, NewDocument, NewError, Store, StoreError, StoredEvent};

/// Migrations, in order: `MIGRATIONS[i]` takes a database from version `i` to `i + 1`.
const MIGRATIONS: &[&str] = &[include_str!("schema.sql")];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// The SQLite store. One writer at a time; WAL mode lets readers run beside it.
pub struct SqliteStore {
    conn: Connection,
}

impl SqliteStore {
    /// Opens (creating and migrating as needed) the database at `path`.
    ///
    /// # Errors
    /// The file cannot be opened, is not a database, or is from a newer annalist.
    pub fn open(path: impl AsRef<Path>) -> Result<SqliteStore, StoreError> {
        let p = path.as_ref();
        let conn =
            Connection::open(p).map_err(|source| StoreError::Open { path: p.display().to_string(), source })?;
        Self::init(conn, true)
    }

    /// Opens an existing database for reading only.
    ///
    /// # Errors
    /// The file is missing or not an annalist database.
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<SqliteStore, StoreError> {
        let p = path.as_ref();
        let conn = Connection::open_with_flags(
            p,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|source| StoreError::Open { path: p.display().to_string(), source })?;
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        let v: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if v > SCHEMA_VERSION {
            return Err(StoreError::TooNew { found: v, known: SCHEMA_VERSION });
        }
        if v < SCHEMA_VERSION {
            return Err(StoreError::NotAStore(p.display().to_string()));
        }
        Ok(SqliteStore { conn })
    }

    /// A fresh database in memory (tests).
    ///
    /// # Errors
    /// Only if SQLite itself fails.
    pub fn open_in_memory() -> Result<SqliteStore, StoreError> {
        Self::init(Connection::open_in_memory()?, false)
    }

    fn init(mut conn: Connection, file: bool) -> Result<SqliteStore, StoreError> {
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        if file {
            // WAL: a commit survives the process being killed; NORMAL sync is enough for that.
            conn.pragma_update(None, "journal_mode", "WAL")?;
            conn.pragma_update(None, "synchronous", "NORMAL")?;
            // Fewer, larger checkpoints (each one syncs): 64 MiB of WAL between them.
            conn.pragma_update(None, "wal_autocheckpoint", 16384)?;
        }
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // Savepoint journals (one per document in a batch) in memory, not temp files.
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        migrate(&mut conn)?;
        Ok(SqliteStore { conn })
    }

    /// The schema version of the open database.
    ///
    /// # Errors
    /// A database failure.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        Ok(self.conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// Every stored content hash (to skip known documents before coding them).
    ///
    /// # Errors
    /// A database failure.
    pub fn known_hashes(&self) -> Result<HashSet<String>, StoreError> {
        let mut st = self.conn.prepare("SELECT content_hash FROM documents")?;
        let rows = st.query_map([], |r| r.get::<_, String>(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// How many rows each table holds.
    ///
    /// # Errors
    /// A database failure.
    pub fn counts(&self) -> Result<Counts, StoreError> {
        let n = |t: &str| -> Result<u64, StoreError> {
            Ok(self.conn.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get::<_, i64>(0))? as u64)
        };
        Ok(Counts {
            documents: n("documents")?,
            sentences: n("sentences")?,
            events: n("events")?,
            actors: n("actors")?,
            errors: n("errors")?,
        })
    }

    /// Calls `f` on every event that passes `q`, streaming (for exports of any size).
    ///
    /// # Errors
    /// A database failure, a bad stored record, or what `f` returns.
    pub fn for_each_event<F>(&self, q: &Query, mut f: F) -> Result<(), StoreError>
    where
        F: FnMut(StoredEvent) -> Result<(), StoreError>,
    {
        let (sql, args) = q.to_sql();
        let mut ids_st = self.conn.prepare(&sql)?;
        let ids = ids_st.query_map(rusqlite::params_from_iter(args.iter()), |r| r.get::<_, i64>(0))?;
        let mut fetch = self.conn.prepare_cached(
            "SELECT e.record, s.start, d.body_chars, d.title FROM events e
             JOIN documents d ON d.id = e.document_id
             LEFT JOIN sentences s ON s.document_id = e.document_id AND s.idx = e.sentence
             WHERE e.id = ?1",
        )?;
        for id in ids {
            let (record, sentence_start, doc_chars, title) = fetch.query_row([id?], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<i64>>(1)?.map(|v| v as usize),
                    r.get::<_, Option<i64>>(2)?.map(|v| v as usize),
                    r.get::<_, Option<String>>(3)?,
                ))
            })?;
            let event: Event = serde_json::from_str(&record)?;
            f(StoredEvent { event, sentence_start, doc_chars, title })?;
        }
        Ok(())
    }

    /// Checks that the full-text index holds exactly the stored sentences (FTS5
    /// `integrity-check`, with `rank` 1 comparing it against the content table).
    ///
    /// # Errors
    /// `StoreError::Sqlite` (SQLITE_CORRUPT_VTAB) when they differ.
    pub fn check_text_index(&self) -> Result<(), StoreError> {
        self.conn.execute("INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('integrity-check', 1)", [])?;
        Ok(())
    }

    /// The underlying connection (read queries of one's own).
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}

fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version > SCHEMA_VERSION {
        return Err(StoreError::TooNew { found: version, known: SCHEMA_VERSION });
    }
    for (i, m) in MIGRATIONS.iter().enumerate().skip(version as usize) {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        // Another process may have migrated while we waited for the lock.
        let now: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if now > i as i64 {
            continue;
        }
        tx.execute_batch(m)?;
        tx.pragma_update(None, "user_version", i as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}

fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

impl Store for SqliteStore {
    fn contains(&self, content_hash: &str) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT 1 FROM documents WHERE content_hash = ?1", [content_hash], |_| Ok(()))
            .optional()?
            .is_some())
    }

    fn put(&mut self, d: &NewDocument) -> Result<bool, StoreError> {
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let inserted = insert_document(&tx, d, true)?;
        tx.commit()?;
        Ok(inserted)
    }

    fn put_many(&mut self, docs: &[&NewDocument], errors: &[NewError]) -> Result<Vec<bool>, StoreError> {
        let mut tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let last: i64 = tx.query_row("SELECT coalesce(max(id), 0) FROM sentences", [], |r| r.get(0))?;
        let mut out = Vec::with_capacity(docs.len());
        for d in docs {
            // Each document whole or not at all, whatever happens to the others.
            let sp = tx.savepoint()?;
            let inserted = insert_document(&sp, d, false)?;
            sp.commit()?;
            out.push(inserted);
        }
        // The batch's sentences into the full-text index at once, in the same transaction: FTS5
        // flushes and merges its segments at every savepoint, so indexing inside them costs
        // more than everything else together.
        tx.execute(
            "INSERT INTO sentences_fts (rowid, text) SELECT id, text FROM sentences WHERE id > ?1 ORDER BY id",
            [last],
        )?;
        for e in errors {
            insert_error(&tx, e)?;
        }
        tx.commit()?;
        Ok(out)
    }

    fn put_error(&mut self, e: &NewError) -> Result<(), StoreError> {
        insert_error(&self.conn, e)
    }

    fn query(&self, q: &Query) -> Result<Vec<StoredEvent>, StoreError> {
        let mut out = Vec::new();
        self.for_each_event(q, |e| {
            out.push(e);
            Ok(())
        })?;
        Ok(out)
    }
}

/// Inserts one document's rows inside the caller's transaction; `false` if its hash is stored.
fn insert_document(tx: &Connection, d: &NewDocument, index_text: bool) -> Result<bool, StoreError> {
    let inserted = tx.execute(
        "INSERT INTO documents (doc, url, title, publication_date, content_hash, input, body, body_chars,
                                n_sentences, n_events, ingested_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
         ON CONFLICT (content_hash) DO NOTHING",
        params![
            d.doc,
            d.url,
            d.title,
            d.publication_date,
            d.content_hash,
            d.input,
            d.body,
            d.body.chars().count() as i64,
            d.sentences.len() as i64,
            d.events.len() as i64,
            now()
        ],
    )?;
    if inserted == 0 {
        return Ok(false);
    }
    let doc_row = tx.last_insert_rowid();
    {
        let mut sent = tx.prepare_cached(
            "INSERT INTO sentences (document_id, idx, start, end, text) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        let mut fts = tx.prepare_cached("INSERT INTO sentences_fts (rowid, text) VALUES (?1, ?2)")?;
        for (i, s) in d.sentences.iter().enumerate() {
            sent.execute(params![doc_row, i as i64, s.start as i64, s.end as i64, s.text])?;
            if index_text {
                fts.execute(params![tx.last_insert_rowid(), s.text])?;
            }
        }
        let mut ev = tx.prepare_cached(
            "INSERT INTO events (event_id, document_id, sentence, date, date_basis, code, root, quad_class,
                goldstein, plover, source_code, source_country, target_code, target_country, place,
                place_country, lat, lon, killed, wounded, negated, hypothetical, record)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
                ?20, ?21, ?22, ?23)",
        )?;
        let mut actor = tx.prepare_cached(
            "INSERT INTO actors (event_id, role, code, country, text, start, end)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        for e in &d.events {
            let record = serde_json::to_string(e)?;
            let basis = e.date_basis.and_then(|b| serde_json::to_value(b).ok());
            ev.execute(params![
                e.event_id,
                doc_row,
                e.sentence as i64,
                e.date,
                basis.as_ref().and_then(|v| v.as_str()),
                e.code,
                e.root,
                i64::from(e.quad_class),
                e.goldstein,
                e.plover,
                e.source.as_ref().and_then(|a| a.code.as_deref()),
                e.source.as_ref().and_then(|a| a.country.as_deref()),
                e.target.as_ref().and_then(|a| a.code.as_deref()),
                e.target.as_ref().and_then(|a| a.country.as_deref()),
                e.location.as_ref().map(|l| l.name.as_str()),
                e.location.as_ref().and_then(|l| l.country.as_deref()),
                e.location.as_ref().and_then(|l| l.lat),
                e.location.as_ref().and_then(|l| l.lon),
                e.killed.map(i64::from),
                e.wounded.map(i64::from),
                e.negated,
                e.hypothetical,
                record
            ])?;
            let ev_row = tx.last_insert_rowid();
            for (role, a) in [("source", &e.source), ("target", &e.target)] {
                if let Some(a) = a {
                    actor.execute(params![
                        ev_row,
                        role,
                        a.code,
                        a.country,
                        a.text,
                        a.span[0] as i64,
                        a.span[1] as i64
                    ])?;
                }
            }
        }
    }
    Ok(true)
}


fn insert_error(conn: &Connection, e: &NewError) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO errors (origin, input, stage, reason, at) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (origin, stage, reason) DO UPDATE SET at = excluded.at, input = excluded.input",
        params![e.origin, e.input, e.stage, e.reason, now()],
    )?;
    Ok(())
}
