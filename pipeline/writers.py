"""One schema, many sinks: CSV (UTF-8 with BOM, for Excel), JSON Lines, SQLite, xlsx, Parquet, GraphML.

Each writer first writes to ``name.tmp`` and renames, so a crashed run never leaves half a table
that looks whole.
"""

from __future__ import annotations

import csv
import itertools
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path

from pipeline.tables import ALL_TABLES, TABLES, each_row


def _atomic(path: Path) -> Path:
    return path.with_name(path.name + ".tmp")


@contextmanager
def _replacing(path: Path) -> Iterator[Path]:
    """The ``.tmp`` path to write, renamed over ``path`` when the block ends well; removed when it fails
    (a full disk, say), so the previous ``path`` stays whole and no half table is left beside it."""
    tmp = _atomic(path)
    try:
        yield tmp
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def write_csv(rows: list[dict], columns: tuple[str, ...], path: Path) -> None:
    """``path`` in utf-8-sig with exactly ``columns``; ``None`` becomes an empty cell."""
    with _replacing(path) as tmp, tmp.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row.get(c)) for c in columns])


def write_jsonl(objects: list[dict], path: Path) -> None:
    with _replacing(path) as tmp, tmp.open("w", encoding="utf-8") as fh:
        for obj in objects:
            fh.write(json.dumps(obj, ensure_ascii=False) + "\n")


def write_sqlite(tables: dict[str, list[dict]], path: Path, search_index: bool = False) -> None:
    """Every table in one typed SQLite file with keys, indexes, views and full-text search
    (``pipeline.sqlite_db``; quote ``"references"``, an SQL keyword)."""
    from pipeline.sqlite_db import write_database

    with _replacing(path) as tmp:
        tmp.unlink(missing_ok=True)
        write_database(tables, tmp, search_index)


PART_ROWS = 100_000  # rows per part of a partitioned table
ROW_GROUP_ROWS = 10_000  # rows held at once while a Parquet table is written (one row group each)
TEXT_GROUP_ROWS = 1_000  # ... of ``texts``, whose rows are whole letters (1,000 are about 10 MB as UTF-8)


def _group_rows(name: str) -> int:
    return min(ROW_GROUP_ROWS, TEXT_GROUP_ROWS) if name == "texts" else ROW_GROUP_ROWS


def chunks(rows: Iterator[dict], size: int) -> Iterator[list[dict]]:
    """``rows`` in lists of ``size`` (the last shorter); one empty list for no rows, so that an empty table
    is still written with its columns."""
    rows = iter(rows)
    chunk = list(islice(rows, size))
    yield chunk
    while chunk := list(islice(rows, size)):
        yield chunk


def _arrow(name: str, rows: list[dict]):
    from pipeline.typed import arrow_table

    return arrow_table(name, rows)


def write_parquet(tables: dict[str, list[dict]], folder: Path, part_rows: int = 0) -> None:
    """One Parquet file per table under ``folder``, of the declared types (``pipeline.typed``: date32
    dates, booleans, nullable int64; nulls stay null), ``texts`` and ``edges`` too; with
    ``part_rows``, each table is a folder of parts (``documents/part-00000.parquet``…) of at most that
    many rows, which Dask, DuckDB, Spark and pandas read as one dataset.

    Rows are written ``ROW_GROUP_ROWS`` at a time (``TEXT_GROUP_ROWS`` texts; a row group each), so that a
    streamed run's tables (``tables`` as ``pipeline.sinks.KeptRows``) never stand whole in memory: 100,000
    letters' texts would."""
    import shutil

    folder.mkdir(parents=True, exist_ok=True)
    for name in ALL_TABLES:
        rows = each_row(tables, name)
        if not part_rows:
            with _replacing(folder / f"{name}.parquet") as tmp:
                _write_groups(name, chunks(rows, _group_rows(name)), tmp)
            continue
        target, tmp = folder / name, _atomic(folder / name)
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir()
        part = 0
        while True:  # part after part, each of at most part_rows rows (the first even when there are none)
            groups = chunks(islice(rows, part_rows), _group_rows(name))
            first = next(groups)
            if not first and part:
                break
            _write_groups(name, itertools.chain([first], groups), tmp / f"part-{part:05d}.parquet")
            part += 1
        old = _atomic(folder / f"{name}.old")
        shutil.rmtree(old, ignore_errors=True)
        if target.exists():
            os.replace(target, old)
        os.replace(tmp, target)
        shutil.rmtree(old, ignore_errors=True)


def _write_groups(name: str, groups, path: Path) -> None:
    """One Parquet file of table ``name`` at ``path``, a row group for each list of rows in ``groups``."""
    import pyarrow.parquet as pq

    from pipeline.typed import arrow_schema

    with pq.ParquetWriter(path, arrow_schema(name)) as writer:
        for rows in groups:
            writer.write_table(_arrow(name, rows))


def write_graph(records: list, out: Path) -> list[Path]:
    """``edges.csv`` and ``citations.graphml``: the citation graph, missing letters as their own nodes."""
    from pipeline.graph import cited_groups, edges, write_graphml

    rows = edges(records, cited_groups(records))
    columns = ("source", "target", "seq", "status", "score", "ref_no", "cited_date")
    write_csv(rows, columns, out / "edges.csv")
    with _replacing(out / "citations.graphml") as tmp:
        write_graphml(records, rows, tmp)
    return [out / "edges.csv", out / "citations.graphml"]


STAGE = Path(".saraban") / "staged"  # the tables of a run are written here, then moved into place together


def _publish(stage: Path, out: Path) -> None:
    """Move every file under ``stage`` to the same place under ``out`` (renames only: no byte is written,
    so a full disk cannot stop it half way); a folder of parts replaces the old folder whole."""
    for item in sorted(stage.rglob("*")):
        if item.is_dir():
            continue
        target = out / item.relative_to(stage)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(item, target)


def write_all(tables: dict[str, list[dict]], nested: list[dict], out: Path, extra: tuple[str, ...] = ()) -> list[Path]:
    """CSV for every table, records.jsonl and texts.jsonl (each letter's normalised text) always;
    ``extra`` may name "sqlite" (typed, with views), "search-index" (its trigram full-text index), "xlsx", "parquet" (one file a
    table) and "parquet-parts" (a folder of parts a table, for cluster-sized runs).

    All of them are written under ``OUT/.saraban/staged`` first and moved into ``out`` only when every
    one is whole: a write that fails (a full disk) leaves the previous run's tables, all of them, as
    they were."""
    import shutil

    out.mkdir(parents=True, exist_ok=True)
    stage = out / STAGE
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir(parents=True)
    try:
        written = _write_tables(tables, nested, stage, extra)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    if "parquet-parts" in extra:  # a table's parts replace its old folder, not mix with its files
        for name in ALL_TABLES:
            shutil.rmtree(out / "parquet" / name, ignore_errors=True)
    _publish(stage, out)
    shutil.rmtree(stage, ignore_errors=True)
    return [out / p.relative_to(stage) for p in written]


def _write_tables(tables: dict[str, list[dict]], nested: list[dict], out: Path, extra: tuple[str, ...]) -> list[Path]:
    from pipeline.beside import Beside, beside

    written = []
    database = Beside()
    if "sqlite" in extra:  # the database in a forked child while the files below are written (pipeline.beside)
        database = beside(lambda: write_sqlite(tables, out / "saraban.sqlite", search_index="search-index" in extra))
    try:
        written += _write_files(tables, nested, out, extra)
    finally:
        database.wait()
    return written


def _write_files(tables: dict[str, list[dict]], nested: list[dict], out: Path, extra: tuple[str, ...]) -> list[Path]:
    written = []
    for name, columns in TABLES.items():
        write_csv(tables[name], columns, out / f"{name}.csv")
        written.append(out / f"{name}.csv")
    write_jsonl(nested, out / "records.jsonl")
    written.append(out / "records.jsonl")
    write_jsonl(tables.get("texts", []), out / "texts.jsonl")
    written.append(out / "texts.jsonl")
    if "sqlite" in extra:
        written.append(out / "saraban.sqlite")  # written beside these (``_write_tables``)
    if "xlsx" in extra:
        from pipeline.xlsx import write_xlsx

        with _replacing(out / "saraban.xlsx") as tmp:
            write_xlsx(tables, tmp)
        written.append(out / "saraban.xlsx")
    if "parquet" in extra or "parquet-parts" in extra:
        write_parquet(tables, out / "parquet", PART_ROWS if "parquet-parts" in extra else 0)
        written.append(out / "parquet")
    return written
