"""The ``colour`` step: text stamped or typed in coloured ink, read from the page's coloured layer.

``inks.split_inks`` takes the coloured ink off the page before it is read; what of it is print
comes back here. The coloured layer is read on its own and a line is kept when the engine is sure
of it (``MIN_CONFIDENCE``) and it holds a few letters: on a real letter of 2560 the blue stamped
``(นายจิรพงษ์ ไชยยศ)`` and its two position lines read at 0.75–0.94, the handwritten serial and the
signature at 0.45–0.48. The digit reader reads the kept lines' digits on the coloured layer (the
step runs after it, so the print's digits are read on the black layer); then they join the page's
lines with their boxes (page coordinates: the layers are the same size), so the repairs, the
spelling step and the layout treat them like print.

>>> # postprocess(scan_with_blue_stamp, result).text.endswith("(นายจิรพงษ์ ไชยยศ)\\nรองผู้อำนวยการ…")
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.ocr.binarize import binarize
from pipeline.ocr.digits import reader as digits
from pipeline.ocr.engine import PageScan
from pipeline.ocr.options import PSM
from pipeline.ocr.result import OcrResult, OcrWord

MIN_CONFIDENCE = 0.6  # handwriting and signatures read below this, stamped print well above
MIN_LETTERS = 4  # Thai letters a kept line holds at least
THAI_LETTER = re.compile("[\u0e01-\u0e2e]")


def _confidence(words: tuple[OcrWord, ...]) -> float:
    total = sum(len(w.text) for w in words)
    return sum(w.confidence * len(w.text) for w in words) / total if total else 0.0


def coloured_lines(scan: PageScan) -> list[tuple[str, tuple[OcrWord, ...]]]:
    """The lines of the coloured layer the engine is sure of, with their words (page coordinates),
    their digits read by the digit reader on that layer when it is wanted."""
    if scan.colour is None:
        return []
    if not scan.options.binarize:
        layer = scan.colour
    else:
        layer = binarize(scan.colour) if scan.colour_binary is None else scan.colour_binary
    found = scan.engine.read(layer, langs=scan.options.langs, psm=PSM)
    kept = [(line, words) for line, words in zip(found.text.split("\n"), found.paired_lines(), strict=True)
            if words and _confidence(words) >= MIN_CONFIDENCE and len(THAI_LETTER.findall(line)) >= MIN_LETTERS]
    if not kept or not (scan.options.thai_digits and digits.available()):
        return kept
    text = "\n".join(line for line, _ in kept)
    words = tuple(w for _, ws in kept for w in ws)
    read = digits.postprocess(PageScan(scan.colour, scan.engine, scan.options),
                              OcrResult(text, words, tuple(ws for _, ws in kept)))
    return list(zip(read.text.split("\n"), pair_by_line(read, kept), strict=True))


def pair_by_line(result: OcrResult, kept: list[tuple[str, tuple[OcrWord, ...]]]) -> list[tuple[OcrWord, ...]]:
    """The words of each kept line after the digit reader (it keeps lines one for one and changes only
    confidences), matched by their Tesseract line numbers."""
    by_line: dict[tuple[int, int, int], list[OcrWord]] = {}
    for word in result.words:
        by_line.setdefault(word.line, []).append(word)
    return [tuple(by_line.get(ws[0].line, ws)) for _, ws in kept]


def postprocess(scan: PageScan, result: OcrResult) -> OcrResult:
    """The ``colour`` step: the sure lines of the coloured layer added to the page's lines."""
    kept = coloured_lines(scan)
    if not kept:
        return result
    block = max((w.line[0] for w in result.words), default=0) + 1
    lines = result.text.split("\n") if result.text else []
    line_words = list(result.paired_lines()) if result.text else []
    added = []
    for n, (text, words) in enumerate(kept):
        moved = tuple(replace(w, line=(block + n, 1, 1)) for w in words)
        lines.append(text)
        line_words.append(moved)
        added.extend(moved)
    return OcrResult("\n".join(lines), result.words + tuple(added), tuple(line_words))
