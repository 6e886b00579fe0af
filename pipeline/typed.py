"""The declared column types (``pipeline.tables.TYPES``) as Parquet, SQLite and pandas types.

One type name per column: ``str`` (codes such as ``unit_code`` ``0418`` stay text), ``int`` (nullable),
``float``, ``bool`` (nullable) and ``date`` (ISO ``2019-05-26`` in the rows). A column a table
forgot to declare is text.

>>> typed_value("date", "2019-05-26")
datetime.date(2019, 5, 26)
>>> typed_value("int", "")  # an empty cell is null, never 0
"""

from __future__ import annotations

import datetime as dt

from pipeline.tables import ALL_TABLES, TYPES

SQLITE_TYPES = {"str": "TEXT", "int": "INTEGER", "float": "REAL", "bool": "BOOLEAN", "date": "DATE"}
PANDAS_DTYPES = {"str": "string", "int": "Int64", "float": "Float64", "bool": "boolean", "date": "datetime64[s]"}


def column_type(table: str, column: str) -> str:
    """The declared type of ``table.column`` (``str`` when undeclared)."""
    return TYPES.get(table, {}).get(column, "str")


def typed_value(kind: str, value: object) -> object:
    """``value`` of a row as its column's Python type; ``None`` and ``""`` are null."""
    if value is None or value == "":
        return None
    if kind == "date":
        return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
    if kind == "int":
        return int(value)
    if kind == "float":
        return float(value)
    if kind == "bool":
        return value if isinstance(value, bool) else str(value).lower() == "true"
    return str(value)


def typed_columns(table: str, rows: list[dict]) -> dict[str, list]:
    """Column -> typed values, in the table's column order."""
    return {c: [typed_value(column_type(table, c), row.get(c)) for row in rows] for c in ALL_TABLES[table]}


def arrow_schema(table: str):
    """The pyarrow schema of ``table``: string, int64, float64, bool, date32."""
    import pyarrow as pa

    kinds = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(), "date": pa.date32()}
    return pa.schema([(c, kinds[column_type(table, c)]) for c in ALL_TABLES[table]])


def arrow_table(table: str, rows: list[dict]):
    """``rows`` as a pyarrow Table of the declared schema (an empty table keeps its types)."""
    import pyarrow as pa

    return pa.table(typed_columns(table, rows), schema=arrow_schema(table))


def pandas_dtypes(table: str) -> dict[str, str]:
    """Column -> pandas dtype: ``string``, ``Int64``, ``Float64``, ``boolean``, ``datetime64[s]``."""
    return {c: PANDAS_DTYPES[column_type(table, c)] for c in ALL_TABLES[table]}
