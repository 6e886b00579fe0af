"""PDF letters: the text layer via pypdfium2, OCR for pages that have none or a broken one.

pypdfium2 was chosen by measurement (docs/bench_pdf_readers.md): on LibreOffice PDFs in Laksaman it
reads Thai as typed, while pdfplumber returns ``สำานัก``, ``กล่่ม``, ``เร่อื ง``.

>>> # read(Path("หนังสือ.pdf"), src).pages[0].text.startswith("ที่ อท ๐๐๑๗.๒/ว ๒๐๕๕")
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from pipeline import ocr, ocr_layout
from pipeline.models import Document, Page, Problem, SourceFile
from pipeline.normalize import looks_broken
from pipeline.readers.errors import ReadError
from pipeline.readers.pdf_layout import left_margin, page_lines, render

RENDER_DPI = 300
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


def _ocr_page(page, number: int, problems: list[Problem]):
    """``ocr.OcrResult`` of the page rendered at RENDER_DPI (laid out later, with the document's margin);
    a page of noise or one Tesseract gives up on is empty, with a Problem."""
    bitmap = page.render(scale=RENDER_DPI / 72, grayscale=True)
    try:
        image = bitmap.to_pil()
    finally:
        bitmap.close()
    result, trouble = ocr.ocr_page(image, number)
    problems += trouble
    return result


def _has_images(page) -> bool:
    """True if the page draws any image (a scan); a page with neither text nor images is blank."""
    import pypdfium2.raw as pdfium_c

    return any(True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2))


def _read_page(pdf, number: int, text: str, problems: list[Problem], ocr_results: dict) -> Page:
    """One Page: the text layer if it is sound, else OCR (or the damaged text plus a Problem).

    ``pdf[number - 1]`` is opened again only when OCR is needed.
    """
    empty = len(text.split()) == 0
    reason = None if empty else looks_broken(text)
    if not empty and reason is None:
        return Page(number=number, text=text)
    page = pdf[number - 1]
    try:
        if empty and not _has_images(page):
            return Page(number=number, text="")  # a blank page: nothing to read, nothing to OCR
        return _ocr_or_report(page, number, text, reason, problems, ocr_results)
    finally:
        page.close()


def _ocr_or_report(page, number: int, text: str, reason: str | None, problems: list[Problem],
                   ocr_results: dict) -> Page:
    """An OCR page (its text filled in by ``read`` once all pages are read), or the text layer and a Problem."""
    empty = not reason
    if reason:
        problems.append(Problem("text_layer_broken", f"Page {number}: text layer unusable ({reason}); read by OCR instead.", "warning", page=number))
    if ocr.tesseract_version() is None:
        what = "has no text layer" if empty else "has a broken text layer"
        problems.append(Problem("ocr_unavailable", f"Page {number} {what} and needs OCR, but tesseract is not installed.", "warning", page=number))
        return Page(number=number, text=text, broken=bool(reason))
    result = ocr_results[number] = _ocr_page(page, number, problems)
    return Page(number=number, text="", method="ocr", confidence=round(result.confidence, 3), broken=bool(reason))


def read(path: Path, source: SourceFile) -> Document:
    """Read every page of a PDF; raises ReadError ``pdf_encrypted`` / ``pdf_unreadable``."""
    import pypdfium2 as pdfium

    pdf = _open(path)
    problems: list[Problem] = []
    pages: list[Page] = []
    try:
        n = len(pdf)
        if n == 0:
            raise ReadError("pdf_unreadable", "The PDF has no pages (it may be truncated).")
        glyph_lines = []
        for i in range(n):
            page = pdf[i]
            try:
                glyph_lines.append(_page_lines(page))
            finally:
                page.close()
        margins = [m for m in (left_margin(lines) for lines in glyph_lines) if m is not None]
        margin = min(margins) if margins else None
        ocr_results: dict = {}
        for i in range(n):
            pages.append(_read_page(pdf, i + 1, render(glyph_lines[i], margin), problems, ocr_results))
        texts = dict(zip(ocr_results, ocr_layout.render_pages(list(ocr_results.values())), strict=True))
        pages = [replace(p, text=texts[p.number]) if p.number in texts else p for p in pages]
    except pdfium.PdfiumError as exc:
        raise ReadError("pdf_unreadable", f"The PDF is damaged and a page could not be read ({exc}).") from None
    finally:
        pdf.close()
    reader = "pypdfium2" + (f" + {ocr.reader_name()}" if any(p.method == "ocr" for p in pages) else "")
    problems = [Problem(p.code, p.message, p.severity, str(source.path), page=p.page) for p in problems]
    return Document(source=source, source_format="pdf", pages=tuple(pages), reader=reader, problems=tuple(problems))
