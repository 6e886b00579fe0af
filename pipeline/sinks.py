"""Every table written as its rows are made, a letter at a time: the same files, byte for byte, as
``pipeline.writers.write_all`` and ``write_graph`` write from whole tables, without holding the tables.

CSV and JSON Lines are appended to as each letter's rows come; SQLite, xlsx and Parquet are written a
table at a time (documents, then references, …), so their rows are kept on disk in the order they came
(``marshal``: plain values written and read back by this process only, the standard library's fastest
for them) and read back table by table, a row at a time: SQLite and xlsx row by row, Parquet a row
group (``pipeline.writers.ROW_GROUP_ROWS``) at a time, so memory stays flat whatever the archive's size.
Everything goes to ``OUT/.saraban/staged`` first and is moved into place when all of it is whole.

>>> # with TableSinks(Path("ผลลัพธ์"), ("sqlite",), scratch) as sinks:
>>> #     sinks.add_letter(record_rows(record, …), record, edge_rows)   # "อท 0017.2/ว 2055" and its citations
>>> #     written = sinks.close()
"""

from __future__ import annotations

import csv
import json
import marshal
import os
import shutil
from pathlib import Path

from pipeline.graph import GraphmlWriter
from pipeline.names import escape_rows
from pipeline.tables import ALL_TABLES, EDGE_COLUMNS, TABLES, text_row
from pipeline.writers import PART_ROWS, STAGE, _cell, _publish, _replacing, write_parquet, write_sqlite

TYPED = ("sqlite", "xlsx", "parquet", "parquet-parts")  # sinks written a table at a time from the kept rows


class _Csv:
    def __init__(self, path: Path, columns: tuple[str, ...]) -> None:
        self.fh = path.open("w", encoding="utf-8-sig", newline="")
        self.writer, self.columns = csv.writer(self.fh), columns
        self.writer.writerow(columns)

    def write(self, rows: list[dict]) -> None:
        columns = self.columns
        self.writer.writerows([_cell(row.get(c)) for c in columns] for row in rows)


class KeptRows:
    """Rows of each table kept on disk in order: ``rows(name)`` gives one table's rows one at a time
    (``pipeline.tables.each_row``), never the whole table."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.files = {name: (folder / f"{name}.rows").open("wb") for name in ALL_TABLES}

    def add(self, name: str, rows: list[dict]) -> None:
        """Keep ``rows`` (one letter's) as one length-prefixed ``marshal`` block: read back with one read, not one
        small read per value as ``marshal.load`` on a file does."""
        if rows:
            data = marshal.dumps(rows)
            self.files[name].write(len(data).to_bytes(4, "little") + data)

    def done(self) -> None:
        for fh in self.files.values():
            fh.close()

    def rows(self, name: str):
        with (self.folder / f"{name}.rows").open("rb") as fh:
            while size := fh.read(4):
                yield from marshal.loads(fh.read(int.from_bytes(size, "little")))


class _Streamed:
    """``KeptRows`` as ``pipeline.sqlite_db.fill_database`` reads it: each table's rows one at a time."""

    def __init__(self, kept: KeptRows) -> None:
        self.kept = kept

    def get(self, name: str, default=None):
        return self.kept.rows(name) if name in self.kept.files else (default or [])


class TableSinks:
    """The tables of ``out`` (``extra`` as for ``write_all``), written as letters are added; ``scratch``: a
    folder for the kept rows and the graph's parts (removed by the caller)."""

    def __init__(self, out: Path, extra: tuple[str, ...], scratch: Path) -> None:
        self.out, self.extra, self.scratch = out, extra, scratch
        out.mkdir(parents=True, exist_ok=True)
        self.stage = out / STAGE
        shutil.rmtree(self.stage, ignore_errors=True)
        self.stage.mkdir(parents=True)
        scratch.mkdir(parents=True, exist_ok=True)
        self.csv = {name: _Csv(self.stage / f"{name}.csv", columns) for name, columns in TABLES.items()}
        self.records = (self.stage / "records.jsonl").open("w", encoding="utf-8")
        self.texts = (self.stage / "texts.jsonl").open("w", encoding="utf-8")
        self.edges = _Csv(scratch / "edges.csv", EDGE_COLUMNS)
        self.graph = GraphmlWriter(scratch / "citations.graphml")
        self.kept = KeptRows(scratch / "rows") if any(x in extra for x in TYPED) else None

    def __enter__(self) -> TableSinks:
        return self

    def __exit__(self, kind, value, trace) -> None:
        if kind is not None:
            self.discard()

    def add_letter(self, rows: dict[str, list[dict]], record, edge_rows: list[dict]) -> None:
        """One letter: its rows (``pipeline.tables.record_rows``, not yet escaped), the record (its text and
        the graph's node) and its citations as ``edges`` rows."""
        for name in ("documents", "references", "attachments", "dates", "urls", "nested"):
            escape_rows(rows[name])
        for name in ("documents", "references", "attachments", "dates", "urls"):
            self.csv[name].write(rows[name])
        for obj in rows["nested"]:
            self.records.write(json.dumps(obj, ensure_ascii=False) + "\n")
        text = text_row(record)
        self.texts.write(json.dumps(text, ensure_ascii=False) + "\n")
        self.edges.write(edge_rows)
        self.graph.add(record, edge_rows)
        if self.kept is not None:
            for name in ("documents", "references", "attachments", "dates", "urls"):
                self.kept.add(name, rows[name])
            self.kept.add("texts", [text])
            self.kept.add("edges", edge_rows)

    def add_issues(self, rows: list[dict]) -> None:
        escape_rows(rows)
        self.csv["issues"].write(rows)
        if self.kept is not None:
            self.kept.add("issues", rows)

    def close(self) -> list[Path]:
        """Finish every table, move them into ``out`` together; the paths written, as ``write_all`` then
        ``write_graph`` list them."""
        for sink in (*self.csv.values(), self.edges):
            sink.fh.close()
        self.records.close()
        self.texts.close()
        self.graph.close()
        written = [self.stage / f"{name}.csv" for name in TABLES] + [self.stage / "records.jsonl",
                                                                     self.stage / "texts.jsonl"]
        try:
            written += self._typed()
        except BaseException:
            shutil.rmtree(self.stage, ignore_errors=True)
            raise
        if "parquet-parts" in self.extra:
            for name in ALL_TABLES:
                shutil.rmtree(self.out / "parquet" / name, ignore_errors=True)
        _publish(self.stage, self.out)
        shutil.rmtree(self.stage, ignore_errors=True)
        written = [self.out / p.relative_to(self.stage) for p in written]
        for name in ("edges.csv", "citations.graphml"):
            os.replace(self.scratch / name, self.out / name)
            written.append(self.out / name)
        return written

    def _typed(self) -> list[Path]:
        if self.kept is None:
            return []
        self.kept.done()
        written = []
        if "sqlite" in self.extra:
            write_sqlite(_Streamed(self.kept), self.stage / "saraban.sqlite", search_index="search-index" in self.extra)
            written.append(self.stage / "saraban.sqlite")
        if "xlsx" in self.extra:
            from pipeline.xlsx import write_xlsx

            with _replacing(self.stage / "saraban.xlsx") as tmp:
                write_xlsx(self.kept, tmp)
            written.append(self.stage / "saraban.xlsx")
        if "parquet" in self.extra or "parquet-parts" in self.extra:
            write_parquet(self.kept, self.stage / "parquet", PART_ROWS if "parquet-parts" in self.extra else 0)
            written.append(self.stage / "parquet")
        return written

    def discard(self) -> None:
        for sink in (*self.csv.values(), self.edges):
            sink.fh.close()
        self.records.close()
        self.texts.close()
        self.graph.discard()
        if self.kept is not None:
            self.kept.done()
        shutil.rmtree(self.stage, ignore_errors=True)
