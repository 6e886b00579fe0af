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

from pipeline.ocr.digits.reader import margin_box, reread_line
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


def reread_latin_words(scan: PageScan, line: str, words) -> str:
    """``line`` with each unsure Latin-looking token read again alone by the English model.

    The English reading is taken only when it is sure, holds two Latin letters or more, and the
    token held no Thai digit: ``(ไฟล์ 007)`` -> ``(ไฟล์ PDF)``; a number stays a number.
    """
    out = line
    for word, (start, end) in reversed(list(zip(words, _offsets(line, words), strict=True))):
        if word.confidence >= UNSURE or not UNSURE_LATIN.fullmatch(word.text) or line[start:end] != word.text:
            continue
        again = scan.read(margin_box(scan.image, (word,)), langs="eng")
        text = again.text.strip()
        if (ENGLISH_WORD.fullmatch(text) and sum(c.isalpha() for c in text) >= 2 and again.confidence >= SURE):
            out = out[:start] + text + out[end:]
    return out


def postprocess(scan: PageScan, result: OcrResult) -> OcrResult:
    """The ``latin`` step: each line with an address sign replaced by its ``tha+eng`` reading, and
    unsure Latin-looking tokens of other lines read again with the English model."""
    lines = result.text.split("\n")
    changed = False
    for index, words in result.lines_with_words():
        if scan.options.langs == LATIN_LANGS:
            break
        if ADDRESS_SIGN.search(lines[index]):
            again = reread_line(scan, words, langs=LATIN_LANGS).strip()
            if again:
                lines[index], changed = again, True
        elif any(w.confidence < UNSURE and UNSURE_LATIN.fullmatch(w.text) for w in words):
            again = reread_latin_words(scan, lines[index], words)
            lines[index], changed = again, changed or again != lines[index]
    return replace(result, text="\n".join(lines)) if changed else result

