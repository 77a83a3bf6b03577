"""Reads an events Parquet file written by `annalist export --format parquet` with pyarrow
(and with polars and pandas, when installed) and prints one JSON object: rows, columns,
types, first row, and the row counts the other readers saw."""
import json
import sys

import pyarrow.parquet as pq

table = pq.read_table(sys.argv[1])
out = {
    "rows": table.num_rows,
    "columns": table.column_names,
    "types": {f.name: str(f.type) for f in table.schema},
    "first": {k: (str(v[0]) if v else None) for k, v in table.slice(0, 1).to_pydict().items()},
}
try:
    import polars

    out["polars_rows"] = polars.read_parquet(sys.argv[1]).height
except ImportError:
    pass
try:
    import pandas  # noqa: F401

    out["pandas_rows"] = len(table.to_pandas())
except ImportError:
    pass
print(json.dumps(out))
