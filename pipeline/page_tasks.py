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

from pipeline.ocr import OcrOptions, OcrPages, PageRead, engine_for, read_one
from pipeline.ocr import assemble as assemble_pages
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


def engine_ready(options: OcrOptions) -> bool:
    """Is the OCR engine ``options`` name installed? (Otherwise scans go the one-process way, which reports it.)"""
    return engine_for(options).version() is not None


def read_page_task(task: PageTask, options: OcrOptions) -> PageRead:
    """Render and OCR one page (ReadError when the page cannot be rendered)."""
    image = render_page(task.path, task.kind, task.number, options.limits)
    return read_one(image, task.number, options, engine_for(options))


def assemble(reads: list[PageRead], options: OcrOptions) -> OcrPages:
    """A document's pages, in page order, laid out against one margin, as ``read_pages`` gives them."""
    return assemble_pages(reads, options, engine_for(options))
