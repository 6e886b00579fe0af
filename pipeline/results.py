"""What one input file gave (``FileResult``), as stored in the catalog and put together into tables.

>>> FileResult("หนังสือเวียน/ว ๒๐๕๕.txt", "130319b970b2…", (), (), True).ocr_pages
0
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from pipeline.codec import register
from pipeline.models import Problem, Record


@register
@dataclass(frozen=True, slots=True)
class FileResult:
    """What one input file gave: its letters, its problems, and whether it could be read at all."""

    path: str
    sha256: str
    records: tuple[Record, ...]
    problems: tuple[Problem, ...]
    readable: bool
    source_format: str = ""  # txt | docx | pdf | image; '' when unreadable
    ocr_pages: int = 0  # pages read by OCR


def relocated(result: FileResult, path: str) -> FileResult:
    """The result of identical bytes found under another path (a renamed file, a copy)."""
    if result.path == path:
        return result
    records = tuple(replace(r, source=replace(r.source, path=path),
                            problems=tuple(replace(p, source_path=path) for p in r.problems)) for r in result.records)
    problems = tuple(replace(p, source_path=path) for p in result.problems)
    return replace(result, path=path, records=records, problems=problems)
