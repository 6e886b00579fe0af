"""Receipt stamps found on a page before it is read, read alone, and taken off the page.

A receiving office stamps each letter it gets (ตรารับหนังสือ): a box with the office's name,
``เลขรับ`` (the receipt number), ``วันที่`` and ``เวลา``, the values written in by hand. Stamped over
the top margin, it is read as part of the letter: Tesseract mixes its rows with the issuer's
address beside it, and its date becomes the letter's date. Here a stamp is found first, from the
image alone: a rectangular frame of a stamp's size (long straight strokes), or on a colour scan a
compact block of coloured ink. Each candidate is read on its own (``--psm 6``) and is a receipt
stamp when its text holds two of a stamp's rows (``เลขรับ``, ``วันที่``, ``เวลา``, ``ผู้รับ``: a table
cell or a boxed notice does not). A stamp
is painted over with paper before the page is read, and its text is kept apart (``models.Stamp``).

>>> is_receipt("กองนโยบายและแผน\\nเลขรับ ๑๖๒๖\\nวันที่ ๑ ก.ย. ๖๕\\nเวลา ๑๕.๔๑ น."), is_receipt("สิ่งที่ส่งมาด้วย ๑ ฉบับ")
(True, False)

Written here: Tesseract has no notion of a stamp, and the frames are found with OpenCV's morphology
(already a dependency for QR codes); without OpenCV no stamp is found and pages read as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw

from pipeline.models import Stamp
from pipeline.ocr.binarize import binarize
from pipeline.ocr.engine import Engine

# a stamp's size as shares of the page: about 5 x 2.5 cm on an A4 page of 21 x 29.7 cm
MIN_WIDTH, MAX_WIDTH = 0.08, 0.45
MIN_HEIGHT, MAX_HEIGHT = 0.025, 0.16
MIN_ASPECT, MAX_ASPECT = 1.1, 5.0
MARGIN = 0.01  # share of the page width painted over around a stamp (its frame, ink outside it)
# the rows of a receipt stamp, as OCR leaves them (ร read as ว, a mark lost): the receipt number
# (เลขรับ, เลขที่รับ, รับที่), the day (วันที่), the time (เวลา), the clerk (ผู้รับ, ลงชื่อ)
RECEIPT_ROWS = (re.compile(r"เลข\S{0,4}[รว]ับ|[รว]ับที่"), re.compile(r"วันท"), re.compile(r"เวลา|เวสา"),
                re.compile(r"ผู้[รว]ับ|ลงชื่อ"))
MIN_ROWS = 2  # a box saying only "เวลา ๑๓.๐๐ น." (a meeting) or "ได้รับ" is no receipt stamp


@dataclass(frozen=True, slots=True)
class FoundStamps:
    """The page with its stamps painted over, and the stamps (text, box)."""

    page: Image.Image
    stamps: tuple[Stamp, ...]


def is_receipt(text: str) -> bool:
    """Does a box's text read as a receipt stamp: two of its rows (receipt number, day, time, clerk)?"""
    squashed = text.replace(" ", "")
    return sum(1 for row in RECEIPT_ROWS if row.search(squashed)) >= MIN_ROWS


def _stamp_sized(box: tuple[int, int, int, int], size: tuple[int, int]) -> bool:
    _, _, w, h = box
    width, height = size
    return (MIN_WIDTH * width < w < MAX_WIDTH * width and MIN_HEIGHT * height < h < MAX_HEIGHT * height
            and MIN_ASPECT < w / max(h, 1) < MAX_ASPECT)


def frame_boxes(grey: Image.Image, binary: Image.Image | None = None) -> list[tuple[int, int, int, int]]:
    """Boxes (left, top, width, height) of rectangular frames of a stamp's size: long horizontal and
    vertical strokes, joined. ``binary``: ``binarize(grey)`` when the page already has it."""
    try:
        import cv2
    except ImportError:
        return []
    ink = (np.asarray(binarize(grey) if binary is None else binary) < 128).astype(np.uint8) * 255
    height, width = ink.shape
    ink = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, np.ones((3, 3), np.uint8))  # a frame broken by wear
    across = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (max(8, width // 40), 1)))
    down = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, max(8, height // 100))))
    lines = across | down
    contours, _ = cv2.findContours(cv2.dilate(lines, np.ones((7, 7), np.uint8)), cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    boxes = [tuple(int(v) for v in cv2.boundingRect(c)) for c in contours]
    return [b for b in boxes if _stamp_sized(b, (width, height)) and _outlined(lines, b)]


MAX_FILL = 0.35  # a frame is an outline: a box this full of long strokes is a filled block (a bar, a photo)


def _outlined(lines: np.ndarray, box: tuple[int, int, int, int]) -> bool:
    left, top, w, h = box
    return float((lines[top:top + h, left:left + w] > 0).mean()) < MAX_FILL


def ink_blocks(colour: Image.Image) -> list[tuple[int, int, int, int]]:
    """Boxes of compact blocks of coloured ink of a stamp's size (a stamp's rows run together)."""
    try:
        import cv2
    except ImportError:
        return []
    ink = (np.asarray(colour) < 200).astype(np.uint8) * 255
    height, width = ink.shape
    joined = cv2.dilate(ink, cv2.getStructuringElement(cv2.MORPH_RECT, (max(3, width // 80), max(3, height // 150))))
    contours, _ = cv2.findContours(joined, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    boxes = [tuple(int(v) for v in cv2.boundingRect(c)) for c in contours]
    return [b for b in boxes if _stamp_sized(b, (width, height))]


def _read(image: Image.Image, box, engine: Engine, langs: str) -> str:
    left, top, w, h = box
    return engine.read(binarize(image.crop((left, top, left + w, top + h))), langs=langs, psm=6).text


def _painted(image: Image.Image, boxes, paper: int) -> Image.Image:
    out = image.copy()
    draw = ImageDraw.Draw(out)
    pad = round(MARGIN * image.width)
    for left, top, w, h in boxes:
        draw.rectangle((left - pad, top - pad, left + w + pad, top + h + pad), fill=paper)
    return out


def take_stamps(black: Image.Image, colour: Image.Image | None, engine: Engine, langs: str, *,
                black_binary: Image.Image | None = None,
                colour_binary: Image.Image | None = None) -> tuple[FoundStamps, Image.Image | None]:
    """The receipt stamps of a page, from the black print's frames and the coloured ink's blocks; the
    black page and the colour layer with the stamps painted over (see the module docstring); a layer
    without a stamp is returned as the same object. ``black_binary``, ``colour_binary``: the layers
    binarised, when the page already has them."""
    found: list[Stamp] = []
    on_black, on_colour = [], []
    for box in frame_boxes(black, black_binary):
        text = _read(black, box, engine, langs)
        if is_receipt(text):
            found.append(Stamp(" ".join(text.split()), box))
            on_black.append(box)
    if colour is not None:
        for box in [*frame_boxes(colour, colour_binary), *ink_blocks(colour)]:
            if any(_overlaps(box, s.box) for s in found):
                continue
            text = _read(colour, box, engine, langs)
            if is_receipt(text):
                found.append(Stamp(" ".join(text.split()), box))
                on_colour.append(box)
    if not found:
        return FoundStamps(black, ()), colour
    paper = int(np.percentile(np.asarray(black), 90))
    black = _painted(black, on_black, paper) if on_black else black
    colour = _painted(colour, on_colour, 255) if on_colour and colour is not None else colour
    return FoundStamps(black, tuple(sorted(found, key=lambda s: (s.box[1], s.box[0])))), colour


def _overlaps(a, b) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]
