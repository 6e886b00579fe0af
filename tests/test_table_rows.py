"""Parquet and xlsx written from rows read one at a time (a streamed run's kept rows): row groups and
parts of the set sizes, the same values as from whole tables."""

from __future__ import annotations

import pyarrow.parquet as pq
import pytest

from pipeline import writers
from pipeline.tables import ALL_TABLES


class OneAtATime:
    """Rows handed out one at a time, as ``pipeline.sinks.KeptRows`` reads them back from disk."""

    def __init__(self, tables: dict[str, list[dict]]) -> None:
        self.tables = tables

    def rows(self, name: str):
        yield from self.tables.get(name, [])


def _documents(n: int) -> list[dict]:
    return [{"doc_id": f"{i:04d}-0", "ref_no": f"อท 0017.2/ว {i}", "subject": "การประชุมคณะกรรมการ"} for i in range(n)]


@pytest.mark.parametrize(("rows", "part_rows", "parts"), [
    (12, 5, [[3, 2], [3, 2], [2]]),  # row groups of ROW_GROUP_ROWS (3 here) inside parts of at most 5 rows
    (6, 3, [[3], [3]]),
    (0, 5, [[0]]),  # an empty table is one empty part, with its columns
])
def test_parts_hold_row_groups_of_the_set_size(tmp_path, monkeypatch, rows, part_rows, parts):
    monkeypatch.setattr(writers, "ROW_GROUP_ROWS", 3)
    writers.write_parquet(OneAtATime({"documents": _documents(rows)}), tmp_path, part_rows=part_rows)
    files = sorted((tmp_path / "documents").iterdir())
    groups = [[pq.ParquetFile(f).metadata.row_group(g).num_rows for g in range(pq.ParquetFile(f).num_row_groups)]
              or [0] for f in files]
    assert groups == parts
    back = [r for f in files for r in pq.read_table(f).to_pylist()]
    assert [r["ref_no"] for r in back] == [f"อท 0017.2/ว {i}" for i in range(rows)]
    assert pq.read_table(files[0]).schema.names == list(ALL_TABLES["documents"])


def test_one_file_a_table_from_rows_one_at_a_time_equals_it_from_the_whole_table(tmp_path, monkeypatch):
    monkeypatch.setattr(writers, "ROW_GROUP_ROWS", 4)
    tables = {"documents": _documents(10)}
    writers.write_parquet(tables, tmp_path / "whole")
    writers.write_parquet(OneAtATime(tables), tmp_path / "rows")
    for name in ALL_TABLES:
        assert (tmp_path / "whole" / f"{name}.parquet").read_bytes() == (tmp_path / "rows" / f"{name}.parquet").read_bytes()
    assert pq.ParquetFile(tmp_path / "rows" / "documents.parquet").num_row_groups == 3  # 4 + 4 + 2 rows


def test_xlsx_from_rows_one_at_a_time_goes_on_into_a_second_sheet(tmp_path):
    from openpyxl import load_workbook

    from pipeline.xlsx import write_xlsx

    write_xlsx(OneAtATime({"documents": _documents(5)}), tmp_path / "book.xlsx", sheet_rows=3)
    book = load_workbook(tmp_path / "book.xlsx", read_only=True)
    assert book.sheetnames[:2] == ["documents", "documents (2)"]
    values = [row for sheet in ("documents", "documents (2)") for row in book[sheet].iter_rows(min_row=2, values_only=True)]
    ref = ALL_TABLES["documents"].index("ref_no")
    assert [v[ref] for v in values] == [f"อท 0017.2/ว {i}" for i in range(5)]
