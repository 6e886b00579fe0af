"""Text lines Tesseract's page segmentation left out, found from the ink no word box covers, read alone.

``--psm 11`` now and then drops most of a clear line: the ``ที่ นย ๐๐๒๒/๒๐๒๙`` heading a letter at
the top of a page came back as a single ``ก``, and the letter it starts was lost to segmentation.
This post-processor masks every word box out of the binarised page, looks for bands of rows that
still hold a line's worth of ink, and reads each band with ``--psm 7``. A reading Tesseract is
reasonably sure of (``MIN_CONFIDENCE``) is added as a new line, with its words, so the digit reader
and the layout treat it like any other line; ink that reads as nothing (a rule, a logo, a signature,
a smudge) adds nothing.

>>> # postprocess(page, result).text  -> result.text + "\\nที่ นย ๐๐๒๒/๒๐๒๙"

Written by hand: Tesseract has no "read what you skipped" mode, and its other page segmentation
modes lose the upper marks psm 11 keeps (docs/BENCHMARKS.md).
"""

from __future__ import annotations

import statistics
from dataclasses import replace

import numpy as np

from pipeline.ocr.engine import PageScan
from pipeline.ocr.result import OcrResult, OcrWord

INK = 128  # grey level below which a pixel is ink
PAD = 4  # pixels added around each word box before masking it
MIN_ROW_INK = 12  # a row with less uncovered ink than this is background (speckle)
MIN_BAND = 0.5  # a band must be this share of a word height tall
MIN_WIDTH = 3  # ... and this many word heights wide
MIN_CONFIDENCE = 0.6  # a re-read below this adds nothing
MAX_BANDS = 8  # a page with more uncovered bands than this is a picture, not dropped lines


def _touches_words(band: tuple[int, int, int, int], words) -> bool:
    """Does any word box overlap the band? Ink beside words of a line Tesseract did read (marks
    outside their boxes, a word it skipped) is not a dropped line."""
    left, top, right, bottom = band
    return any(w.box[0] < right and left < w.box[0] + w.box[2] and w.box[1] < bottom and top < w.box[1] + w.box[3]
               for w in words)


def uncovered_bands(image, words) -> list[tuple[int, int, int, int]]:
    """Boxes (left, top, right, bottom) of bands of ink, a line tall and wide, that no word box touches."""
    ink = np.asarray(image.convert("L")) < INK
    if not words or not ink.any():
        return []
    mask = ink.copy()
    height, width = mask.shape
    for w in words:
        left, top, w_width, w_height = w.box
        mask[max(0, top - PAD):min(height, top + w_height + PAD), max(0, left - PAD):min(width, left + w_width + PAD)] = False
    line_height = statistics.median(w.box[3] for w in words)
    rows = mask.sum(axis=1) >= MIN_ROW_INK
    bands, start = [], None
    for y, on in enumerate([*rows, False]):
        if on and start is None:
            start = y
        elif not on and start is not None:
            if y - start >= MIN_BAND * line_height:
                columns = np.flatnonzero(mask[start:y].any(axis=0))
                band = (int(columns[0]), start, int(columns[-1]) + 1, y) if columns.size else None
                if band and band[2] - band[0] >= MIN_WIDTH * line_height and not _touches_words(band, words):
                    bands.append(band)
            start = None
    return bands


def _same_row(band: tuple[int, int, int, int], words) -> list:
    """Words on the band's rows (the ``ก`` Tesseract made of the ``ที่ นย`` before a dropped number)."""
    _, top, _, bottom = band
    return [w for w in words if top <= w.box[1] + w.box[3] / 2 <= bottom]


def _crops(band: tuple[int, int, int, int], row, size: tuple[int, int]) -> list[tuple[int, int, int, int]]:
    """The crops (left, top, right, bottom) a dropped line is read from. Tesseract reads a line
    differently as its crop changes: the row with its marks, and the band's own rows (tall marks cut),
    are both tried (once when they are the same); the surer reading is kept."""
    left = min([band[0], *(w.box[0] for w in row)])
    right = max([band[2], *(w.box[0] + w.box[2] for w in row)])
    top = min([band[1], *(w.box[1] for w in row)])
    bottom = max([band[3], *(w.box[1] + w.box[3] for w in row)])
    margin = (band[3] - band[1]) // 2
    return list({
        (max(0, left - margin), max(0, top - margin), min(size[0], right + margin), min(size[1], bottom + margin)),
        (max(0, left - margin), max(0, band[1] - margin // 2), min(size[0], right + margin), min(size[1], band[3] + margin)),
    })


def postprocess(scan: PageScan, result: OcrResult) -> OcrResult:
    """The ``recover`` step: each dropped line read alone, with what Tesseract read of its row, and put
    in place of that partial reading (see the module docstring)."""
    image = scan.image
    bands = uncovered_bands(image, result.words)
    if not bands or len(bands) > MAX_BANDS:
        return result
    lines = result.text.split("\n")
    line_words = list(result.paired_lines())
    block = max((w.line[0] for w in result.words), default=0) + 1
    added: list[tuple[str, tuple[OcrWord, ...]]] = []
    replaced: set[int] = set()
    rows = [_same_row(band, result.words) for band in bands]
    crops = [_crops(band, row, image.size) for band, row in zip(bands, rows, strict=True)]
    readings = iter(scan.read_boxes([box for boxes in crops for box in boxes]))  # all bands' crops in one go
    for n, (row, boxes) in enumerate(zip(rows, crops, strict=True)):
        box, found = max(((b, next(readings)) for b in boxes), key=lambda pair: pair[1].confidence)
        text = " ".join(found.text.split())
        if not text or found.confidence < MIN_CONFIDENCE:
            continue
        ids = {id(w) for w in row}
        replaced |= {i for i, ws in enumerate(line_words) if ws and all(id(w) in ids for w in ws)}
        added.append((text, tuple(replace(w, box=(w.box[0] + box[0], w.box[1] + box[1], w.box[2], w.box[3]),
                                          line=(block + n, 1, 1)) for w in found.words)))
    if not added:
        return result
    keep = [i for i in range(len(lines)) if i not in replaced]
    new_lines = [lines[i] for i in keep] + [text for text, _ in added]
    new_line_words = [line_words[i] for i in keep] + [ws for _, ws in added]
    dropped = {id(w) for i in replaced for w in line_words[i]}
    words = tuple(w for w in result.words if id(w) not in dropped) + tuple(w for _, ws in added for w in ws)
    return OcrResult("\n".join(new_lines), words, tuple(new_line_words))
