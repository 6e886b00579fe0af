"""``saraban.xlsx``: the main tables as one workbook, one sheet a table, for Excel and LibreOffice.

Thai is kept as written; code columns (``unit_code`` ``0418``, ``ref_no``, ``received_no``) are text
cells, never numbers; dates are date cells (``yyyy-mm-dd``), counts integers, flags booleans, from the
declared types (``pipeline.tables.TYPES``). A table longer than a sheet's 1,048,576 rows goes on
into ``documents (2)`` and so on. The letters' texts are not in the workbook (a cell holds at most
32,767 characters); they are in texts.jsonl and saraban.sqlite.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pipeline.tables import ALL_TABLES
from pipeline.typed import column_type, typed_value

SHEETS = ("documents", "references", "attachments", "dates", "issues", "urls", "edges")
SHEET_ROWS = 1_048_575  # Excel's rows per sheet, less the header
CELL_CHARS = 32_767


def _cell_value(kind: str, value: object) -> object:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    value = typed_value(kind, value)
    if isinstance(value, str):  # control characters are not allowed in a cell: dropped
        return ILLEGAL_CHARACTERS_RE.sub("", value)[:CELL_CHARS]
    return value


def write_xlsx(tables: dict[str, list[dict]], path: Path, sheet_rows: int = SHEET_ROWS) -> None:
    """Write ``SHEETS`` of ``tables`` to ``path`` (openpyxl's streaming writer)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    bold = Font(bold=True)
    for name in SHEETS:
        columns = ALL_TABLES[name]
        kinds = [column_type(name, c) for c in columns]
        rows = tables.get(name, [])
        for part, start in enumerate(range(0, max(len(rows), 1), sheet_rows)):
            sheet = book.create_sheet(name if part == 0 else f"{name} ({part + 1})")
            sheet.freeze_panes = "A2"
            header = []
            for c in columns:
                cell = WriteOnlyCell(sheet, value=c)
                cell.font = bold
                header.append(cell)
            sheet.append(header)
            for row in rows[start : start + sheet_rows]:
                cells = []
                for kind, c in zip(kinds, columns, strict=True):
                    value = _cell_value(kind, row.get(c))
                    if isinstance(value, dt.date):
                        cell = WriteOnlyCell(sheet, value=value)
                        cell.number_format = "yyyy-mm-dd"
                        cells.append(cell)
                    elif isinstance(value, str) and value.startswith("="):  # text, never a formula
                        cell = WriteOnlyCell(sheet, value=value)
                        cell.data_type = "s"
                        cells.append(cell)
                    else:
                        cells.append(value)
                sheet.append(cells)
    book.save(path)
