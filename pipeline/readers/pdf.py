"""PDF letters: the text layer via pypdfium2, OCR for pages that have none or a broken one.

pypdfium2 was chosen by measurement (docs/bench_pdf_readers.md): on LibreOffice PDFs in Laksaman it
reads Thai as typed, while pdfplumber returns ``สำานัก``, ``กล่่ม``, ``เร่อื ง``.

>>> # read(Path("หนังสือ.pdf"), src).pages[0].text.startswith("ที่ อท ๐๐๑๗.๒/ว ๒๐๕๕")
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import OcrMissing, ReadError
from pipeline.limits import ReadLimits
from pipeline.models import Document, Page, Problem, SourceFile
from pipeline.normalize import looks_broken
from pipeline.ocr import OcrOptions, read_pages
from pipeline.readers.pdf_layout import left_margin, page_lines, render
from pipeline.readers.pdf_limits import check_streams

RENDER_DPI = 300
PAPER_MAX_PT = 1100  # points: the long side of the largest paper a letter is printed on (legal: 1008)
MAX_SIDE_PX = 3508  # a page larger than paper (a scan saved at 96 "dpi" as a 26-inch page) is rendered to this
MIN_TEXT_CHARS = 1  # a page with fewer visible characters has no text layer


def _open(path: Path):
    import pypdfium2 as pdfium

    last = None
    for password in (None, ""):
        try:
            return pdfium.PdfDocument(str(path), password=password)
        except pdfium.PdfiumError as exc:
            last = exc
        except (OSError, ValueError) as exc:
            raise ReadError("pdf_unreadable", f"The PDF could not be opened ({exc}).") from None
    if "password" in str(last).lower():
        raise ReadError("pdf_encrypted", "The PDF is protected by a password; save an unprotected copy to read it.")
    raise ReadError("pdf_unreadable", f"The PDF is damaged or truncated and cannot be opened ({last}).")


def _page_lines(page) -> list:
    textpage = page.get_textpage()
    try:
        return page_lines(textpage)
    finally:
        textpage.close()


def _has_images(page) -> bool:
    """True if the page draws any image (a scan); a page with neither text nor images is blank."""
    import pypdfium2.raw as pdfium_c

    return any(True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2))


@dataclass(frozen=True, slots=True)
class _NeedsOcr:
    """A page whose text layer is missing (``reason`` None) or broken beyond repair (``reason`` says how)."""

    number: int
    text: str
    reason: str | None


def _triage(pdf, number: int, text: str, problems: list[Problem]) -> Page | _NeedsOcr:
    """The page from its text layer when it is sound or the page is blank, else what OCR must read.

    ``pdf[number - 1]`` is opened again only when the text layer is empty or broken.
    """
    empty = len(text.split()) == 0
    reason = None if empty else looks_broken(text)
    if not empty and reason is None:
        return Page(number=number, text=text)
    if empty:
        page = pdf[number - 1]
        try:
            if not _has_images(page):
                return Page(number=number, text="")  # a blank page: nothing to read, nothing to OCR
        finally:
            page.close()
    else:
        problems.append(Problem("text_layer_broken", f"Page {number}: text layer unusable ({reason}); read by OCR instead.", "warning", page=number))
    return _NeedsOcr(number, text, reason)


def _has_colour_images(page) -> bool:
    """Does the page draw an image stored in colour (an RGB or CMYK scan)? Then it is rendered in colour."""
    import pypdfium2.raw as pdfium_c

    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        try:
            if obj.get_metadata().bits_per_pixel >= 24:
                return True
        except Exception:  # noqa: BLE001 - pdfium cannot describe the image: render grey, as for any page
            continue
    return False


def render_scale(width_pt: float, height_pt: float) -> float:
    """Pixels per point: RENDER_DPI for paper sizes; a larger page's long side is rendered at ``MAX_SIDE_PX``
    (A4's at 300 dpi), not at three times the pixels its scan has.

    >>> render_scale(595, 842) == RENDER_DPI / 72, round(render_scale(1860.5, 2631.4), 3)   # A4; a 96-"dpi" scan
    (True, 1.333)
    """
    longest = max(width_pt, height_pt, 1.0)
    return RENDER_DPI / 72 if longest <= PAPER_MAX_PT else MAX_SIDE_PX / longest


def _rendered(pdf, numbers: list[int]):
    """``(number, PIL image)`` for each page number, one page at a time: grey, or RGB when the page holds a
    colour image (the OCR path separates its inks)."""
    for number in numbers:
        page = pdf[number - 1]
        try:
            width, height = page.get_size()
            bitmap = page.render(scale=render_scale(width, height), grayscale=not _has_colour_images(page))
            try:
                yield number, bitmap.to_pil()
            finally:
                bitmap.close()
        finally:
            page.close()


@dataclass(frozen=True, slots=True)
class PdfScan:
    """A PDF some of whose pages need OCR: what its text layer gave, until ``finish`` adds the OCRed pages.
    ``numbers``: the pages to OCR; ``render_page(path, number)`` renders one (any process can)."""

    source: SourceFile
    triaged: tuple[Page | _NeedsOcr, ...]
    problems: tuple[Problem, ...]

    @property
    def numbers(self) -> tuple[int, ...]:
        return tuple(t.number for t in self.triaged if isinstance(t, _NeedsOcr))


def _ocr_pages(scan: PdfScan, scanned, problems: list[Problem]) -> tuple[dict[int, Page], str]:
    """The pages to OCR from ``scanned`` (``OcrPages``, laid out against one margin), and the OCR reader's
    name; ``scanned`` None (no OCR engine): each keeps its text layer (or none) with an ``ocr_unavailable``
    Problem."""
    todo = [t for t in scan.triaged if isinstance(t, _NeedsOcr)]
    if scanned is None:
        for t in todo:
            what = "has no text layer" if t.reason is None else "has a broken text layer"
            problems.append(Problem("ocr_unavailable", f"Page {t.number} {what} and needs OCR, but tesseract is not installed.", "warning", page=t.number))
        return {t.number: Page(number=t.number, text=t.text, broken=bool(t.reason)) for t in todo}, ""
    problems += scanned.problems
    broken = {t.number: bool(t.reason) for t in todo}
    pages = {p.number: Page(number=p.number, text=p.text, method="ocr", confidence=p.confidence, broken=broken[p.number],
                            codes=p.codes, stamps=p.stamps)
             for p in scanned.pages}
    return pages, scanned.reader


def plan(path: Path, source: SourceFile, limits: ReadLimits = ReadLimits()) -> Document | PdfScan:
    """The PDF read from its text layer when no page needs OCR, else a ``PdfScan`` naming the pages that do;
    raises ReadError ``pdf_encrypted`` / ``pdf_unreadable`` / ``over_limit`` (a stream past a cap). Pages
    past ``limits.max_pages`` are not read, and an ``over_limit`` Problem says so."""
    import pypdfium2 as pdfium

    check_streams(path, limits)
    pdf = _open(path)
    problems: list[Problem] = []
    try:
        n = len(pdf)
        if n == 0:
            raise ReadError("pdf_unreadable", "The PDF has no pages (it may be truncated).")
        if n > limits.max_pages:
            problems.append(Problem("over_limit", limits.describe_pages(n, limits.max_pages), "warning"))
            n = limits.max_pages
        glyph_lines = []
        for i in range(n):
            page = pdf[i]
            try:
                glyph_lines.append(_page_lines(page))
            finally:
                page.close()
        margins = [m for m in (left_margin(lines) for lines in glyph_lines) if m is not None]
        margin = min(margins) if margins else None
        triaged = tuple(_triage(pdf, i + 1, render(glyph_lines[i], margin), problems) for i in range(n))
    except pdfium.PdfiumError as exc:
        raise ReadError("pdf_unreadable", f"The PDF is damaged and a page could not be read ({exc}).") from None
    finally:
        pdf.close()
    scan = PdfScan(source, triaged, tuple(problems))
    return finish(scan, None) if not scan.numbers else scan


def render_page(path: Path, number: int):
    """Page ``number`` (1-based) of the PDF as OCR gets it (grey, or RGB for a colour scan)."""
    import pypdfium2 as pdfium

    pdf = _open(path)
    frames = _rendered(pdf, [number])
    try:
        return next(frames)[1].copy()  # a copy: the bitmap behind the rendered image is freed below
    except pdfium.PdfiumError as exc:
        raise ReadError("pdf_unreadable", f"The PDF is damaged and a page could not be read ({exc}).") from None
    finally:
        frames.close()
        pdf.close()


def finish(scan: PdfScan, scanned) -> Document:
    """The Document of a planned PDF, its OCR pages taken from ``scanned`` (``OcrPages``; None: no OCR engine)."""
    problems = list(scan.problems)
    by_ocr, ocr_reader = _ocr_pages(scan, scanned, problems) if scan.numbers else ({}, "")
    pages = [by_ocr[t.number] if isinstance(t, _NeedsOcr) else t for t in scan.triaged]
    source = scan.source
    reader = "pypdfium2" + (f" + {ocr_reader}" if any(p.method == "ocr" for p in pages) else "")
    problems.sort(key=lambda p: p.page or 0)  # each page's problems together, in page order, as read
    problems = [Problem(p.code, p.message, p.severity, str(source.path), page=p.page) for p in problems]
    return Document(source=source, source_format="pdf", pages=tuple(pages), reader=reader, problems=tuple(problems))


def read(path: Path, source: SourceFile, ocr: OcrOptions = OcrOptions()) -> Document:
    """Read every page of a PDF; raises ReadError ``pdf_encrypted`` / ``pdf_unreadable``."""
    import pypdfium2 as pdfium

    planned = plan(path, source, ocr.limits)
    if isinstance(planned, Document):
        return planned
    pdf = _open(path)
    try:
        try:
            scanned = read_pages(_rendered(pdf, list(planned.numbers)), ocr)
        except OcrMissing:
            scanned = None
    except pdfium.PdfiumError as exc:
        raise ReadError("pdf_unreadable", f"The PDF is damaged and a page could not be read ({exc}).") from None
    finally:
        pdf.close()
    return finish(planned, scanned)
