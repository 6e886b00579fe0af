"""Words of official letters that OCR got one character wrong, put back (OCR text only).

Tesseract's Thai model misreads a character now and then (``สำบักงาน`` for ``สำนักงาน``, ``ฝายอำนวยการ``
for ``ฝ่ายอำนวยการ``, ``ท้องถิน`` for ``ท้องถิ่น``), and those words make the fields: the issuer, the
recipient, the signer's position. A stretch of text one edit away from exactly one word of
``LEXICON`` is replaced by it when

* the word is long (``MIN_LENGTH`` code points or more): one edit in a long word cannot turn it into
  another word of a letter;
* the stretch starts and ends with the word's own first and last characters (the edit is inside, so
  a correct word followed by the next word's first letter is never touched), unless the edit is a
  look-alike letter in place (``ฮ้างถึง``);
* the edit is one Tesseract makes (``ocr_like``): a mark lost or added, a letter for its look-alike;
* the stretch is not itself a Thai word (pythainlp's dictionary): ``ฝาย`` alone is a weir; it holds no
  space or line break, and no lexicon word is printed whole over any part of it.

>>> repair_words("สำบักงานส่งเสริมการปกครองท้องถินจังหวัด ฝายอำนวยการ")
'สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด ฝ่ายอำนวยการ'
>>> repair_words("ระเบียบบริหารราชการแผ่นดิน")   # ราชการ is there, whole: nothing to mend
'ระเบียบบริหารราชการแผ่นดิน'

Written here: pythainlp's spell checkers correct every word by frequency, names included; this
corrects only the vocabulary of letters, and only where one reading is possible.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from pipeline.edit_distance import levenshtein
from pipeline.ocr_edits import CONFUSABLE
from pipeline.thai_chars import MARK_SET

MIN_LENGTH = 6
# The vocabulary of headers, addresses and signature blocks, and the commonest words of subjects
# (words/letter_words.txt); agency names and provinces are added.


@cache
def letter_words() -> tuple[str, ...]:
    """The words of ``pipeline/ocr/words/letter_words.txt``, in order: ``"สำนักงาน"``, ``"หนังสือ"``, …"""
    text = resources.files("pipeline.ocr").joinpath("words/letter_words.txt").read_text(encoding="utf-8")
    return tuple(w for w in (line.split("#", 1)[0].strip() for line in text.splitlines()) if w)


@cache
def lexicon() -> tuple[str, ...]:
    """``letter_words()``, the Thai names of agency_codes.csv and the provinces: the long ones, longest first."""
    from pythainlp.corpus import provinces

    from extractors.ref_numbers import agency_table

    names = {row["name_th"] for row in agency_table().values() if row.get("name_th")}
    words = {w for w in (*letter_words(), *names, *provinces()) if len(w) >= MIN_LENGTH and " " not in w}
    return tuple(sorted(words, key=len, reverse=True))


@cache
def _halves() -> tuple[re.Pattern, dict[str, list[str]]]:
    """One regex finding every word's left and right half, overlapping (with one edit, one half of the
    word is intact), and which words each half belongs to."""
    owners: dict[str, list[str]] = {}
    for word in lexicon():
        half = len(word) // 2
        for part in {word[:half], word[half:]}:
            owners.setdefault(part, []).append(word)
    pattern = re.compile("(?=(" + "|".join(re.escape(p) for p in sorted(owners, key=len, reverse=True)) + "))")
    return pattern, owners


@cache
def dictionary() -> frozenset[str]:
    from pythainlp.corpus import thai_words

    return frozenset(thai_words()) | frozenset(lexicon())


def _spans(word: str, part: str, start: int, end: int) -> list[tuple[int, int]]:
    """The stretches of length len(word) - 1 .. + 1 that keep ``part`` (found at start:end) where
    ``word`` has it."""
    spans = []
    for size in (len(word) - 1, len(word), len(word) + 1):
        if word.startswith(part):
            spans.append((start, start + size))
        if word.endswith(part):
            spans.append((end - size, end))
    return spans


SARA_AM_SPLIT = ("\u0e49\u0e32", "\u0e33")  # ำ read as ้ + า (its circle taken for mai tho): อ้านวยการ
SARA_AM_RING_LOST = ("\u0e32", "\u0e33")  # ำ read as า, its small circle lost: สานักงาน, อานวยการ


def ocr_like(piece: str, word: str) -> bool:
    """Is the one edit from ``word`` to ``piece`` one Tesseract makes: a mark lost, added or changed,
    a letter read as its look-alike, or a look-alike doubled (``สำบนักงาน``)? A lost vowel letter is
    not: ``องค์กรปกครอง`` holds ``กรปกครอง``, one ``า`` from ``การปกครอง``, and is right.

    >>> ocr_like("สำบักงาน", "สำนักงาน"), ocr_like("ท้องถิน", "ท้องถิ่น"), ocr_like("กรปกครอง", "การปกครอง")
    (True, True, False)
    >>> ocr_like("อ้านวยการ", "อำนวยการ"), ocr_like("สานักงาน", "สำนักงาน")   # ำ read as ้า, or as า
    (True, True)
    """
    if piece.replace(*SARA_AM_SPLIT) == word:
        return True
    p = 0
    while p < min(len(piece), len(word)) and piece[p] == word[p]:
        p += 1
    if len(piece) == len(word):
        a, b = piece[p], word[p]
        return (a in MARK_SET and b in MARK_SET) or frozenset((a, b)) in CONFUSABLE or (a, b) == SARA_AM_RING_LOST
    if len(piece) < len(word):
        return word[p] in MARK_SET
    extra = piece[p]
    neighbours = {piece[p - 1] if p else "", piece[p + 1] if p + 1 < len(piece) else ""}
    return extra in MARK_SET or any(frozenset((extra, n)) in CONFUSABLE for n in neighbours if n)


@cache
def _exact() -> re.Pattern:
    """Every lexicon word, found overlapping."""
    return re.compile("(?=(" + "|".join(re.escape(w) for w in lexicon()) + "))")


def _printed_words(text: str) -> list[tuple[int, int, str]]:
    """Where lexicon words stand printed whole: ``จันทบุรี`` holds ``นทบุรี``, one edit from ``นนทบุรี``,
    and ``บริหารราชการ`` holds ``รราชการ``; neither is a misreading."""
    return [(m.start(1), m.end(1), m.group(1)) for m in _exact().finditer(text)]


def _explained(printed: list[tuple[int, int, str]], start: int, end: int, word: str) -> bool:
    """Is start:end already explained by words printed whole: the same word over part of it, or
    another one reaching outside it? (Another, shorter word inside it is no explanation:
    ``ฝายอำนวยการ`` holds ``อำนวยการ`` and is still ``ฝ่ายอำนวยการ`` misread.)"""
    return any(a < end and start < b and (w == word or a < start or b > end) for a, b, w in printed)


def _candidates(text: str) -> dict[tuple[int, int], str]:
    """``{(start, end): word}`` for each stretch one edit from exactly one lexicon word."""
    pattern, owners = _halves()
    printed = _printed_words(text)
    found: dict[tuple[int, int], set[str]] = {}
    for m in pattern.finditer(text):
        part = m.group(1)
        for word in owners[part]:
            for start, end in _spans(word, part, m.start(1), m.end(1)):
                if start < 0 or end > len(text):
                    continue
                piece = text[start:end]
                inside = piece[0] == word[0] and piece[-1] == word[-1] or len(piece) == len(word)
                if (inside and not any(c.isspace() for c in piece)
                        and (levenshtein(piece, word) == 1 or piece.replace(*SARA_AM_SPLIT) == word) and ocr_like(piece, word)
                        and not _explained(printed, start, end, word)):
                    found.setdefault((start, end), set()).add(word)
    return {span: next(iter(words)) for span, words in found.items() if len(words) == 1}


def repair_words(text: str) -> str:
    """Put back every lexicon word OCR got one edit wrong (see the module docstring)."""
    words = dictionary()
    edits = sorted((span, word) for span, word in _candidates(text).items() if text[span[0]:span[1]] not in words)
    out, pos = [], 0
    for (start, end), word in edits:
        if start < pos:
            continue  # overlaps an edit already made
        out.append(text[pos:start] + word)
        pos = end
    return "".join(out) + text[pos:]
