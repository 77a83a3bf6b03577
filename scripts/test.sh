#!/usr/bin/env bash
# The whole test suite: build everything (benches included), run every test, lint and
# self-test the dictionaries, and guard the accuracy on the development gold set.
# The Python packages the Parquet read-back test needs (pyarrow, polars) are installed by
# scripts/ingest/pyarrow-env.sh into target/pyenv-ingest; the test skips, saying so, when
# they cannot be had.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/ingest/pyarrow-env.sh >/dev/null || echo "note: pyarrow unavailable; the Parquet read-back test will skip"

cargo build --workspace --all-targets
cargo test --workspace
cargo test -q -p annalist-core --benches   # each benchmark once, untimed, with its count checks
./target/debug/annalist dict check
./target/debug/annalist dict test
