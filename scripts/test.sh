#!/usr/bin/env bash
# The whole test suite: build everything (benches included), run every test, lint and
# self-test the dictionaries, and guard the accuracy on the development gold set.
# Python packages some tests need are installed by scripts/test-deps.sh into .venv-test.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -x scripts/test-deps.sh ]; then
  scripts/test-deps.sh || echo "note: optional Python test dependencies could not be installed; tests that need them will skip"
fi
if [ -x .venv-test/bin/python ]; then
  export ANNALIST_PYTHON="$PWD/.venv-test/bin/python"
fi

cargo build --workspace --all-targets
cargo test --workspace
cargo test -q -p annalist-core --benches   # each benchmark once, untimed, with its count checks
./target/debug/annalist dict check
./target/debug/annalist dict test
