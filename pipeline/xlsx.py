"""``saraban.xlsx``: the main tables as one workbook, one sheet a table, for Excel and LibreOffice.

Thai is kept as written; code columns (``unit_code`` ``0418``, ``ref_no``, ``received_no``) are text
cells, never numbers, and text is never taken for a formula or a link; dates are date cells
(``yyyy-mm-dd``), counts numbers, flags booleans, from the declared types (``pipeline.tables.TYPES``).
A table longer than a sheet's 1,048,576 rows goes on into ``documents (2)`` and so on. The letters'
texts are not in the workbook (a cell holds at most 32,767 characters): they are in texts.jsonl and
saraban.sqlite. XlsxWriter's streaming mode writes it in half openpyxl's time (docs/BENCHMARKS.md).
"""

from __future__ import annotations

import datetime as dt
import re
from itertools import chain, islice
from pathlib import Path

from pipeline.tables import ALL_TABLES, each_row
from pipeline.typed import column_type, typed_value

SHEETS = ("documents", "references", "attachments", "dates", "issues", "urls", "edges")
SHEET_ROWS = 1_048_575  # Excel's rows per sheet, less the header
CELL_CHARS = 32_767
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # not allowed in a cell: dropped
_OPTIONS = {"constant_memory": True, "strings_to_numbers": False, "strings_to_formulas": False,
            "strings_to_urls": False}


def _write_row(sheet, r: int, kinds: list[str], columns: tuple[str, ...], row: dict, date_format) -> None:
    for c, (kind, column) in enumerate(zip(kinds, columns, strict=True)):
        value = typed_value(kind, row.get(column))
        if value is None:
            continue
        if kind == "date":
            sheet.write_datetime(r, c, dt.datetime(value.year, value.month, value.day), date_format)
        elif kind == "bool":
            sheet.write_boolean(r, c, value)
        elif kind in ("int", "float"):
            sheet.write_number(r, c, value)
        else:
            sheet.write_string(r, c, _CONTROL.sub("", value)[:CELL_CHARS])


def write_xlsx(tables: dict[str, list[dict]], path: Path, sheet_rows: int = SHEET_ROWS) -> None:
    """Write ``SHEETS`` of ``tables`` to ``path``."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), _OPTIONS)
    date_format, bold = book.add_format({"num_format": "yyyy-mm-dd"}), book.add_format({"bold": True})
    for name in SHEETS:
        columns = ALL_TABLES[name]
        kinds = [column_type(name, c) for c in columns]
        rows = each_row(tables, name)  # one at a time: a streamed run's rows are read back from disk
        part = 0
        while True:  # a sheet for each sheet_rows rows (the first even when there are none)
            block = islice(rows, sheet_rows)
            first = next(block, None)
            if first is None and part:
                break
            sheet = book.add_worksheet(name if part == 0 else f"{name} ({part + 1})")
            sheet.write_row(0, 0, columns, bold)
            sheet.freeze_panes(1, 0)
            if first is not None:
                for r, row in enumerate(chain([first], block), start=1):
                    _write_row(sheet, r, kinds, columns, row, date_format)
            part += 1
    book.close()
