"""What OCR keeps of a Thai word, and the price of the edits Tesseract makes to it.

Tesseract's Thai model drops, adds and swaps the small marks above and below a letter and takes a letter
for its look-alike; it seldom drops or adds a letter. A word's *skeleton* is what survives those edits (its
letters without marks, ``ำ`` as ``า``, look-alikes as one class), and ``edit_units`` prices the edits from a
word to what was printed, infinite for any edit OCR does not make. ``pipeline.ocr.spell`` reads words by
them, ``pipeline.ocr.repair.office_names`` offices' names, ``pipeline.ocr.names`` signers' names, and the
extractors and the linker compare what two readings share.

>>> skeleton("จังหวัด") == skeleton("จงหวด"), edit_units("จงหวด", "จังหวัด")
(True, 2.0)

Written here: pythainlp's edit distances count every edit alike; only Tesseract's are plausible here.
"""

from __future__ import annotations

import math

from pipeline.confusions import pairs
from pipeline.thai_chars import MARK_SET, NIKHAHIT, SARA_AA, SARA_AM, TONE_MARKS

# Letters Tesseract's Thai model takes for one another (a serif, a loop, a tail lost or added);
# ธ comes back as 5 or ถ in the TH Sarabun designs (ศธ -> ศ5, สธ -> ส5 on 300 dpi scans), ฎ as ภ
# with its tail read as a mark (สฎ -> สภู). The pairs are the ``letter`` rows of ocr_confusions.csv.
CONFUSABLE = pairs("letter")
EXTRA_MARK = 1.5  # edit units for a mark printed where the word has none: OCR adds marks less often than it drops them
EXTRA_TONE = 2.5  # a tone mark, least of all (a tail read as a mark is a vowel below: รัฐ read as รัฐุ)


def _classes() -> dict[str, str]:
    """Each look-alike letter's class representative (CONFUSABLE pairs joined transitively)."""
    parent: dict[str, str] = {}

    def find(c: str) -> str:
        while parent.setdefault(c, c) != c:
            c = parent[c]
        return c

    for pair in CONFUSABLE:
        a, b = sorted(pair)
        parent[find(b)] = find(a)
    return {c: find(c) for c in parent}


CLASS = _classes()


def unmarked(text: str) -> str:
    """The letters without marks, ``ำ`` as ``า``: ``unmarked("จังหวัด") == "จงหวด"``."""
    return "".join(c for c in text.replace(SARA_AM, SARA_AA) if c not in MARK_SET)


def skeleton(text: str) -> str:
    """The letters without marks, ``ำ`` as ``า``, look-alikes as one: what OCR keeps of a word.

    >>> skeleton("จังหวัด") == skeleton("จงหวด"), skeleton("ซักซ้อม") == skeleton("ชักข้อม")
    (True, True)
    """
    return "".join(CLASS.get(c, c) for c in unmarked(text))


def _unit_cost(a: str, b: str) -> float:
    """The price of reading ``b`` where ``a`` was printed (one code point each)."""
    if a == b:
        return 0.0
    if a in MARK_SET and b in MARK_SET:
        return 1.0
    if frozenset((a, b)) in CONFUSABLE:
        return 1.0
    return math.inf


def _extra_cost(c: str) -> float:
    """The price of a character printed where the word has none: a tone mark OCR seldom invents."""
    if c in TONE_MARKS:
        return EXTRA_TONE
    return EXTRA_MARK if c in MARK_SET else math.inf


def edit_units(printed: str, word: str) -> float:
    """Weighted edits from ``word`` to what OCR ``printed``: a mark lost 1, a mark added 1.5 (a tone
    mark 2.5), a mark for another 1, a look-alike letter 1; anything else is not an OCR edit (infinite).

    >>> edit_units("จงหวด", "จังหวัด"), edit_units("อ้านวย", "อำนวย"), edit_units("ขาด", "ขีด")
    (2.0, 1.0, inf)
    """
    p = printed.replace(SARA_AM, NIKHAHIT + SARA_AA)
    w = word.replace(SARA_AM, NIKHAHIT + SARA_AA)
    prev = [0.0]
    for j in range(1, len(w) + 1):
        prev.append(prev[-1] + (1.0 if w[j - 1] in MARK_SET else math.inf))
    for i in range(1, len(p) + 1):
        row = [prev[0] + _extra_cost(p[i - 1])]
        for j in range(1, len(w) + 1):
            row.append(min(prev[j - 1] + _unit_cost(w[j - 1], p[i - 1]),
                           prev[j] + _extra_cost(p[i - 1]),
                           row[j - 1] + (1.0 if w[j - 1] in MARK_SET else math.inf)))
        prev = row
    return prev[-1]
