"""OCR a page at a time in any worker, then lay a document's pages out together: what lets one
200-page scan keep every core busy.

A ``PageTask`` names one page of a planned scan (``pipeline.readers.plan_file``); ``read_page_task``
renders and reads it where it runs (one OCR page, as ``pipeline.ocr.read_pages`` reads each of its
images); ``assemble`` lays all of a document's pages out against one margin
(``pipeline.ocr.layout.render_pages``), so the text is the same byte for byte as one
``read_pages`` call over every page (tests/test_page_tasks.py holds that).

>>> # reads = [read_page_task(task, OcrOptions()) for task in PageTask.of(scan)]   # anywhere, any order
>>> # assemble(reads, OcrOptions()).pages[0].text  -> "ที่ ศธ ๐๔๐๔๕/ว ๖๕๘ …"
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.models import Problem, QrCode
from pipeline.ocr import OcrOptions, OcrPage, OcrPages
from pipeline.ocr.codes import decode_qr
from pipeline.ocr.layout import render_pages
from pipeline.ocr.page import read_page
from pipeline.readers import Scan, render_page


@dataclass(frozen=True, slots=True)
class PageTask:
    """Page ``number`` of the scan at ``path`` (``kind``: pdf or image) to OCR."""

    path: str
    kind: str
    number: int

    @classmethod
    def of(cls, scan: Scan) -> list[PageTask]:
        """One task per page of ``scan`` that needs OCR."""
        from pipeline.readers import scan_kind

        return [cls(scan.source.path, scan_kind(scan), n) for n in scan.numbers]


@dataclass(frozen=True, slots=True)
class PageRead:
    """One page read: the engine's result (words with boxes), the problems met, the QR codes."""

    number: int
    result: object  # pipeline.ocr.result.OcrResult
    problems: tuple[Problem, ...]
    codes: tuple[QrCode, ...]
    stamps: tuple = ()  # receipt stamps, where the OCR path finds them (read_page's third value)


def engine_ready(options: OcrOptions) -> bool:
    """Is the OCR engine ``options`` name installed? (Otherwise scans go the one-process way, which reports it.)"""
    from pipeline.ocr import engine_for

    return engine_for(options).version() is not None


def read_page_task(task: PageTask, options: OcrOptions) -> PageRead:
    """Render and OCR one page (ReadError when the page cannot be rendered)."""
    from pipeline.ocr import engine_for

    image = render_page(task.path, task.kind, task.number)
    read = read_page(image, task.number, options, engine_for(options))  # (result, problems[, stamps])
    codes = decode_qr(image) if options.qr_codes and not options.stock else ()
    return PageRead(task.number, read[0], tuple(read[1]), codes, tuple(read[2]) if len(read) > 2 else ())


def assemble(reads: list[PageRead], options: OcrOptions) -> OcrPages:
    """A document's pages, in page order, laid out against one margin, as ``read_pages`` gives them."""
    from pipeline.ocr import engine_for, reader_name

    reads = sorted(reads, key=lambda r: r.number)
    texts = render_pages([r.result for r in reads])
    pages = tuple(OcrPage(r.number, text, round(r.result.confidence, 3), r.codes, **({"stamps": r.stamps} if r.stamps else {}))
                  for r, text in zip(reads, texts, strict=True))
    return OcrPages(pages, tuple(p for r in reads for p in r.problems), reader_name(options, engine_for(options)))
