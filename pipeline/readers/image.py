"""Scanned letters as images (PNG, JPEG, TIFF with several pages, GIF, WebP), read by OCR.

>>> # read(Path("scan.tif"), src) -> Document(source_format="image", pages=(Page(1, "บันทึกข้อความ…", "ocr", 0.86), …))
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from pipeline import ocr, ocr_layout
from pipeline.models import Document, Page, SourceFile
from pipeline.readers.errors import ReadError

MAX_FRAMES = 500


def _frames(path: Path):
    """Each frame of the image as a greyscale PIL image; ReadError ``image_unreadable`` if damaged."""
    from PIL import Image, ImageSequence, UnidentifiedImageError

    try:
        with Image.open(path) as img:
            for i, frame in enumerate(ImageSequence.Iterator(img)):
                if i >= MAX_FRAMES:
                    break
                frame.load()
                yield frame.convert("L")
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        raise ReadError("image_unreadable", f"The image is damaged or in a form that cannot be decoded ({exc}).") from None


def read(path: Path, source: SourceFile) -> Document:
    """OCR every frame of an image file into one Page each (method "ocr", with confidence)."""
    if ocr.tesseract_version() is None:
        raise ReadError("ocr_unavailable", "This is a scanned image and needs OCR, but the tesseract program is not installed.")
    results, problems = [], []
    for number, frame in enumerate(_frames(path), 1):
        result, trouble = ocr.ocr_page(frame, number)  # a page of noise or one Tesseract gives up on: a Problem
        results.append(result)
        problems += [replace(p, source_path=str(source.path)) for p in trouble]
    if results and len(problems) == len(results) and all(p.code == "ocr_timeout" for p in problems):
        raise ReadError("ocr_timeout", "Tesseract gave up on every page of the image.")
    texts = ocr_layout.render_pages(results)  # one left margin for the whole document
    pages = [Page(number=n, text=text, method="ocr", confidence=round(r.confidence, 3))
             for n, (r, text) in enumerate(zip(results, texts, strict=True), 1)]
    if not pages:
        raise ReadError("image_unreadable", "The image file has no picture in it.")
    return Document(source=source, source_format="image", pages=tuple(pages), reader=ocr.reader_name(),
                    problems=tuple(problems))
