"""Lines with a web address or an e-mail address, and unsure Latin words, read again with the English model.

The page is read with Tesseract's Thai model alone (``OcrOptions.langs``): with ``tha+eng`` the English
model wins on short Thai tokens and the agency code of a reference number comes back as Latin
(``ที่ AB ๐๔๐๔๕/ว ๖๕๘`` for ``ที่ ศธ ๐๔๐๔๕/ว ๖๕๘``; docs/ACCURACY.md). The Thai model has no Latin
letters, so an address comes back as Thai-looking noise around the signs it does know:
``ทแน ูว://๓๐๗.๖๖๖.๑๙.๓๔๕`` for ``http://103.226.19.345``. A line showing such a sign (``@``, ``://``)
is read again on its own with ``tha+eng`` (``--psm 7``); the Thai-digit reader then checks its
digits like any other line's.

>>> [bool(ADDRESS_SIGN.search(t)) for t in ("อีเมล ๓๐๗ม@ลนแ.๓๐.ท", "ทน์เว:ะ//๑๒๓.๒๕๒.๑๕๓๕", "ที่ ศธ ๐๔๐๔๕/ว ๖๕๘",
...                                         "เ โรไปโชศต@ซฆฬฮฒู้4ตฒ่่11+331")]   # the last: a rule read as specks
[True, True, False, False]
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.ocr.digits.reader import margin_box
from pipeline.ocr.engine import PageScan
from pipeline.ocr.options import LATIN_LANGS
from pipeline.ocr.result import OcrResult

# an e-mail address keeps its shape (x@y.z) in the Thai reading; a web address its "://" or "//"
ADDRESS_SIGN = re.compile(r"\S@\S+\.\S|:/{1,2}\S|\S//\S+\.\S|\bwww\.")


# A Latin word in a Thai line (``(ไฟล์ PDF)``, ``Google Form``) comes back from the Thai model as a
# low-confidence token of digits and the few Latin letters it has: ``(ไฟล์ 007)`` at 0.2.
UNSURE_LATIN = re.compile(r"(?=[^0-9A-Za-z]*[0-9A-Za-z])[0-9A-Za-z()\-.]{2,}")  # a memo's leader dots are not one
UNSURE = 0.8  # Tesseract's word confidence below which such a token is read again (PDF read as "506)" at 0.63)
ENGLISH_WORD = re.compile(r"[(]?[A-Za-z0-9][A-Za-z0-9.\-]*[)]?")
SURE = 0.7  # the English reading's confidence needed to take it


def _offsets(line: str, words) -> list[tuple[int, int]]:
    """Where each TSV word stands in ``line`` (the words are the line's non-space characters in order)."""
    spots, pos = [], 0
    for word in words:
        while pos < len(line) and line[pos].isspace():
            pos += 1
        start = pos
        taken = 0
        while pos < len(line) and taken < len(word.text):
            if not line[pos].isspace():
                taken += 1
            pos += 1
        spots.append((start, pos))
    return spots


def unsure_tokens(line: str, words) -> list[tuple[object, int, int]]:
    """The words of ``line`` to read again with English, with where each stands in the line: unsure,
    Latin-looking, and as the line shows them."""
    return [(word, start, end) for word, (start, end) in zip(words, _offsets(line, words), strict=True)
            if word.confidence < UNSURE and UNSURE_LATIN.fullmatch(word.text) and line[start:end] == word.text]


def _with_english(line: str, tokens, readings) -> str:
    """``line`` with each token replaced by its English reading where that is sure and Latin."""
    out = line
    for (_, start, end), again in reversed(list(zip(tokens, readings, strict=True))):
        text = again.text.strip()
        if (ENGLISH_WORD.fullmatch(text) and sum(c.isalpha() for c in text) >= 2 and again.confidence >= SURE):
            out = out[:start] + text + out[end:]
    return out


def reread_latin_words(scan: PageScan, line: str, words) -> str:
    """``line`` with each unsure Latin-looking token read again alone by the English model.

    The English reading is taken only when it is sure, holds two Latin letters or more, and the
    token held no Thai digit: ``(ไฟล์ 007)`` -> ``(ไฟล์ PDF)``; a number stays a number.
    """
    tokens = unsure_tokens(line, words)
    readings = scan.read_boxes([margin_box(scan.image, (word,)) for word, _, _ in tokens], langs="eng")
    return _with_english(line, tokens, readings)


def postprocess(scan: PageScan, result: OcrResult) -> OcrResult:
    """The ``latin`` step: each line with an address sign replaced by its ``tha+eng`` reading, and
    unsure Latin-looking tokens of other lines read again with the English model. The crops of each
    model are read in one go (``PageScan.read_boxes``), each as if alone."""
    if scan.options.langs == LATIN_LANGS:
        return result
    lines = result.text.split("\n")
    addresses: list[tuple[int, tuple[int, int, int, int]]] = []
    unsure: list[tuple[int, list]] = []
    for index, words in result.lines_with_words():
        if ADDRESS_SIGN.search(lines[index]):
            addresses.append((index, margin_box(scan.image, words)))
        elif any(w.confidence < UNSURE and UNSURE_LATIN.fullmatch(w.text) for w in words):
            unsure.append((index, unsure_tokens(lines[index], words)))
    changed = False
    readings = scan.read_boxes([box for _, box in addresses], langs=LATIN_LANGS)
    for (index, _), again in zip(addresses, readings, strict=True):
        text = " ".join(again.text.split("\n")).strip()  # as digits.reader.reread_line joins a reading
        if text:
            lines[index], changed = text, True
    readings = iter(scan.read_boxes([margin_box(scan.image, (word,)) for _, tokens in unsure for word, _, _ in tokens],
                                    langs="eng"))
    for index, tokens in unsure:
        again = _with_english(lines[index], tokens, [next(readings) for _ in tokens])
        lines[index], changed = again, changed or again != lines[index]
    return replace(result, text="\n".join(lines)) if changed else result
