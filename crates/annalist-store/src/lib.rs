//! SQLite store and exports (JSONL, CSV, GDELT, Parquet, PLOVER)
