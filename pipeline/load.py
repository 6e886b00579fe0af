"""``read_tables(OUT)``: a run's tables as pandas frames of the declared types.

Codes are ``string`` (``unit_code`` ``0418`` keeps its zero), counts and serials nullable ``Int64``
(never ``602.0``), flags ``boolean``, dates ``datetime64`` (``.dt.year`` works), an empty cell ``<NA>``.
``texts`` (texts.jsonl) and ``edges`` (edges.csv) come too.

    from pipeline import read_tables
    t = read_tables("data/processed")
    t["documents"].query("agency_code == 'อท'")[["ref_no", "doc_date", "subject"]]
"""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.tables import ALL_TABLES
from pipeline.typed import PANDAS_DTYPES, column_type

FILES = {name: f"{name}.csv" for name in ALL_TABLES} | {"texts": "texts.jsonl"}


def _column(series, kind: str):
    import pandas as pd

    series = series.where(series != "", None)
    if kind == "int" or kind == "float":
        return pd.to_numeric(series).astype(PANDAS_DTYPES[kind])
    if kind == "bool":
        return series.map({"true": True, "false": False, True: True, False: False}).astype("boolean")
    if kind == "date":
        return pd.to_datetime(series, format="%Y-%m-%d").astype(PANDAS_DTYPES["date"])
    return series.astype("string")


def read_table(out: str | Path, name: str):
    """One table of the run in ``out`` (a missing file is an empty frame of the right columns)."""
    import pandas as pd

    path = Path(out) / FILES[name]
    columns = ALL_TABLES[name]
    if not path.exists():
        raw = pd.DataFrame({c: pd.Series([], dtype=object) for c in columns})
    elif path.suffix == ".jsonl":
        with path.open(encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh if line.strip()]
        raw = pd.DataFrame({c: pd.Series([r.get(c) for r in rows], dtype=object) for c in columns})
    else:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    for column in columns:
        if column not in raw:
            raw[column] = None
    return pd.DataFrame({c: _column(raw[c], column_type(name, c)) for c in raw.columns})


def read_tables(out: str | Path) -> dict:
    """Every table of the run in ``out``: ``documents``, ``references``, ``attachments``, ``dates``,
    ``issues``, ``urls``, ``texts`` and ``edges`` -> pandas DataFrame."""
    out = Path(out)
    if not (out / "documents.csv").exists():
        raise FileNotFoundError(f"{out} holds no documents.csv: not the output folder of saraban ingest")
    return {name: read_table(out, name) for name in ALL_TABLES}
