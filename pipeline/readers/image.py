"""Scanned letters as images (PNG, JPEG, TIFF with several pages, GIF, WebP), read by OCR.

>>> # read(Path("scan.tif"), src) -> Document(source_format="image", pages=(Page(1, "บันทึกข้อความ…", "ocr", 0.86), …))
"""

from __future__ import annotations

import warnings
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from pipeline.errors import ReadError
from pipeline.limits import ReadLimits
from pipeline.models import Document, Page, Problem, SourceFile
from pipeline.ocr import OcrOptions, read_pages

UNREADABLE = "The image is damaged or in a form that cannot be decoded ({})."


@contextmanager
def _opened(path: Path):
    """The image at ``path`` opened with Pillow, its own bomb check off (``ReadLimits.max_megapixels``
    is checked instead, frame by frame, and its warning never reaches the terminal); ReadError
    ``image_unreadable`` if it is damaged."""
    from PIL import Image, UnidentifiedImageError

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        cap, Image.MAX_IMAGE_PIXELS = Image.MAX_IMAGE_PIXELS, None
        try:
            with Image.open(path) as img:
                yield img
        except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError, Image.DecompressionBombError) as exc:
            raise ReadError("image_unreadable", UNREADABLE.format(exc)) from None
        finally:
            Image.MAX_IMAGE_PIXELS = cap


def _fits(img, limits: ReadLimits) -> bool:
    width, height = img.size
    return width * height <= limits.max_pixels


def _frames(path: Path, numbers: tuple[int, ...]):
    """Frames ``numbers`` (1-based) of the image as ``(number, PIL image)`` in their own mode (the OCR path
    makes them grey, or separates a colour frame's inks); ReadError ``image_unreadable`` if damaged."""
    with _opened(path) as img:
        for number in numbers:
            img.seek(number - 1)
            img.load()
            yield number, img.copy()


@dataclass(frozen=True, slots=True)
class ImageScan:
    """An image file to OCR, frame by frame: ``numbers`` are its frames (1-based), ``render_page`` gives one;
    ``problems``: the frames not read (past the page cap, or too many pixels), each an ``over_limit`` row."""

    source: SourceFile
    numbers: tuple[int, ...]
    problems: tuple[Problem, ...] = ()


def plan(path: Path, source: SourceFile, limits: ReadLimits = ReadLimits()) -> ImageScan:
    """The frames of the image to read: at most ``limits.max_pages``, none over ``limits.max_megapixels``
    (each frame not read is an ``over_limit`` Problem); ReadError ``image_unreadable`` if it cannot be opened."""
    problems, numbers = [], []
    with _opened(path) as img:
        count = getattr(img, "n_frames", 1)
        if count > limits.max_pages:
            problems.append(Problem("over_limit", limits.describe_pages(count, limits.max_pages), "warning"))
        for number in range(1, min(count, limits.max_pages) + 1):
            img.seek(number - 1)
            if _fits(img, limits):
                numbers.append(number)
            else:
                problems.append(Problem("over_limit", limits.describe_pixels(*img.size, page=number if count > 1
                                                                             else None), "warning", page=number))
    return ImageScan(source, tuple(numbers), tuple(problems))


def render_page(path: Path, number: int, limits: ReadLimits = ReadLimits()):
    """Frame ``number`` (1-based) of the image, as ``_frames`` gives it."""
    with _opened(path) as img:
        img.seek(number - 1)
        if not _fits(img, limits):
            raise ReadError("over_limit", limits.describe_pixels(*img.size, page=number))
        img.load()
        return img.copy()


def read(path: Path, source: SourceFile, ocr: OcrOptions = OcrOptions()) -> Document:
    """OCR every frame of an image file into one Page each (method "ocr", with confidence)."""
    scan = plan(path, source, ocr.limits)
    return finish(scan, read_pages(_frames(path, scan.numbers), ocr))


def finish(scan: ImageScan, scanned) -> Document:
    """The Document of an image from its frames read by OCR (``OcrPages``)."""
    source = scan.source  # a page of noise or one Tesseract gives up on: a Problem
    problems = [replace(p, source_path=str(source.path)) for p in (*scan.problems, *scanned.problems)]
    if scanned.pages and len(scanned.problems) == len(scanned.pages) and all(p.code == "ocr_timeout"
                                                                             for p in scanned.problems):
        raise ReadError("ocr_timeout", "Tesseract gave up on every page of the image.")
    pages = [Page(number=p.number, text=p.text, method="ocr", confidence=p.confidence, codes=p.codes, stamps=p.stamps)
             for p in scanned.pages]
    if not pages and scan.problems:
        raise ReadError("over_limit", " ".join(p.message for p in scan.problems)[:500])
    if not pages:
        raise ReadError("image_unreadable", "The image file has no picture in it.")
    return Document(source=source, source_format="image", pages=tuple(pages), reader=scanned.reader,
                    problems=tuple(problems))
