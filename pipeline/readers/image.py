"""Scanned letters as images (PNG, JPEG, TIFF with several pages, GIF, WebP), read by OCR.

>>> # read(Path("scan.tif"), src) -> Document(source_format="image", pages=(Page(1, "บันทึกข้อความ…", "ocr", 0.86), …))
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from pipeline.errors import ReadError
from pipeline.models import Document, Page, SourceFile
from pipeline.ocr import OcrOptions, read_pages

MAX_FRAMES = 500


def _frames(path: Path):
    """Each frame of the image as ``(number, PIL image)`` in its own mode (the OCR path makes it grey, or
    separates a colour frame's inks); ReadError ``image_unreadable`` if damaged."""
    from PIL import Image, ImageSequence, UnidentifiedImageError

    try:
        with Image.open(path) as img:
            for i, frame in enumerate(ImageSequence.Iterator(img)):
                if i >= MAX_FRAMES:
                    break
                frame.load()
                yield i + 1, frame.copy()
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        raise ReadError("image_unreadable", f"The image is damaged or in a form that cannot be decoded ({exc}).") from None


@dataclass(frozen=True, slots=True)
class ImageScan:
    """An image file to OCR, frame by frame: ``numbers`` are its frames (1-based), ``render_page`` gives one."""

    source: SourceFile
    numbers: tuple[int, ...]


def plan(path: Path, source: SourceFile) -> ImageScan:
    """The frames of the image (at most ``MAX_FRAMES``); ReadError ``image_unreadable`` if it cannot be opened."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as img:
            count = getattr(img, "n_frames", 1)
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        raise ReadError("image_unreadable", f"The image is damaged or in a form that cannot be decoded ({exc}).") from None
    return ImageScan(source, tuple(range(1, min(count, MAX_FRAMES) + 1)))


def render_page(path: Path, number: int):
    """Frame ``number`` (1-based) of the image, as ``_frames`` gives it."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as img:
            img.seek(number - 1)
            img.load()
            return img.copy()
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError, Image.DecompressionBombError) as exc:
        raise ReadError("image_unreadable", f"The image is damaged or in a form that cannot be decoded ({exc}).") from None


def read(path: Path, source: SourceFile, ocr: OcrOptions = OcrOptions()) -> Document:
    """OCR every frame of an image file into one Page each (method "ocr", with confidence)."""
    return finish(ImageScan(source, ()), read_pages(_frames(path), ocr))


def finish(scan: ImageScan, scanned) -> Document:
    """The Document of an image from its frames read by OCR (``OcrPages``)."""
    source = scan.source  # a page of noise or one Tesseract gives up on: a Problem
    problems = [replace(p, source_path=str(source.path)) for p in scanned.problems]
    if scanned.pages and len(problems) == len(scanned.pages) and all(p.code == "ocr_timeout" for p in problems):
        raise ReadError("ocr_timeout", "Tesseract gave up on every page of the image.")
    pages = [Page(number=p.number, text=p.text, method="ocr", confidence=p.confidence, codes=p.codes, stamps=p.stamps)
             for p in scanned.pages]
    if not pages:
        raise ReadError("image_unreadable", "The image file has no picture in it.")
    return Document(source=source, source_format="image", pages=tuple(pages), reader=scanned.reader,
                    problems=tuple(problems))
