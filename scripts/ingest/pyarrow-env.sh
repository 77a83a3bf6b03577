#!/usr/bin/env bash
# Prints the path of a Python that can import pyarrow, making one if needed: a virtual
# environment in target/pyenv-ingest with pyarrow and polars from PyPI. Exits 1 (saying why on stderr)
# when none can be had, e.g. offline. Used by the Parquet read-back test
# (crates/annalist/tests/store_cli.rs) and by hand:
#   "$(scripts/ingest/pyarrow-env.sh)" scripts/ingest/read_parquet.py events.parquet
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
env="${ANNALIST_PYENV:-$root/target/pyenv-ingest}"
for py in "${ANNALIST_PYTHON:-}" "$env/bin/python" python3; do
    if [ -n "$py" ] && "$py" -c 'import pyarrow' >/dev/null 2>&1; then
        command -v "$py"
        exit 0
    fi
done
if ! python3 -m venv "$env" >/dev/null 2>&1; then
    echo "pyarrow-env: cannot create a virtual environment at $env" >&2
    exit 1
fi
if ! timeout 300 "$env/bin/pip" install --quiet --disable-pip-version-check pyarrow polars >&2; then
    echo "pyarrow-env: cannot install pyarrow from PyPI" >&2
    exit 1
fi
echo "$env/bin/python"
