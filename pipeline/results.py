"""What one input file gave (``FileResult``), as stored in the catalog and put together into tables.

>>> FileResult("หนังสือเวียน/ว ๒๐๕๕.txt", "130319b970b2…", (), (), True).ocr_pages
0
"""

from __future__ import annotations

from collections import defaultdict
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


def gathered(results) -> tuple[list[Record], list[Problem], dict[str, tuple[str, ...]]]:
    """The letters and problems of ``results`` in order, byte-identical files once (the first path's
    result stands for them, every path listed by SHA-256: one document, several paths)."""
    records: list[Record] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    paths: dict[str, list[str]] = defaultdict(list)
    for res in results:
        if res.records:
            paths[res.sha256].append(res.path)
            if res.sha256 in seen:
                continue
            seen.add(res.sha256)
        records.extend(res.records)
        problems.extend(res.problems)
    return records, problems, {k: tuple(v) for k, v in paths.items()}
