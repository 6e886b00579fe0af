r"""Thai words OCR misread by a mark or a look-alike letter, put back by a word-frequency reading.

Tesseract's Thai model drops or doubles the small marks above and below a letter, and takes one
letter for its look-alike: ``จังหวัด`` comes back as ``จงหวด`` (two ``ั`` lost), ``ซักซ้อม`` as
``ชักข้อม``, ``ของรัฐ`` as ``ของวัฐ``. ``จง`` and ``หวด`` are both Thai words, so a dictionary lookup
alone cannot see the first error; a reading that weighs how likely each word is can.

``correct(text)`` reads each run of Thai letters as the most likely sequence of dictionary words
(pythainlp's word list, frequencies of the Thai National Corpus), where a word may be reached from
the printed letters by OCR-like edits (a mark lost, added or changed; ``ำ`` read as ``้า``; a letter
for its look-alike, ``lexicon.CONFUSABLE``) at a price per edit, and a letter no word explains
costs as much as a rare word. A run is changed only when the best reading with edits beats the
best reading without them by ``MARGIN``: a name or a rare word that is printed right stays.

>>> correct("แต่งตั้งคณะทำงานของจงหวด")
'แต่งตั้งคณะทำงานของจังหวัด'
>>> correct("ซักซ้อมแนวทางการดำเนินการ")   # printed right: nothing to change
'ซักซ้อมแนวทางการดำเนินการ'

Written here: pythainlp's spell checkers (``correct``, ``NorvigSpellChecker``) work word by word on
an existing segmentation and accept any edit; an OCR error changes the segmentation itself
(``จง|หวด``), and only the edits Tesseract makes are plausible.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

from pipeline.ocr.repair.lexicon import lexicon
from pipeline.ocr.repair.office_names import repair_office_names
from pipeline.ocr_edits import CLASS, edit_units, skeleton, unmarked  # noqa: F401 (CLASS and unmarked: this module's API)

MAX_WORD = 20  # code points; longer words of the list are compounds the reading builds from parts
MIN_EDITED = 6  # shorter words are too easily made from a stray letter or a name (docs/ACCURACY.md: Wikipedia titles)
EDIT_COST = 3.5  # nats per edit unit (a mark lost is about a 1-in-150 event per word)
UNKNOWN_COST = 10.0  # nats per letter no word explains (a word seen once in the corpus costs ~17)
MARGIN = 4.0  # nats the reading with edits must win by
# A word an edit may lead to is seen in the Thai National Corpus, whole or as two words (ภาค|รัฐ), or
# is a letter word (ocr_lexicon): the lists also hold rare words and names that protect right text but
# are poor guesses.
MIN_COUNT = 1
# Tesseract reads the tail of น and ณ as a ล of its own now and then (สารบรรณลอิเล็กทรอนิกส์,
# ดินโคลนลถล่ม); dropping that ล is one edit
PHANTOM, TAILED = "ล", "นณ"
_THAI_RUN = re.compile(r"[\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e4e]+")  # letters and marks; no digits, ฯ, ๆ


@dataclass(frozen=True, slots=True)
class Repair:
    """One word put back: ``Repair(start=21, end=26, printed='จงหวด', word='จังหวัด')`` (offsets in the text)."""

    start: int
    end: int
    printed: str
    word: str


@dataclass(frozen=True, slots=True)
class _Model:
    cost: dict[str, float]  # -log P(word) for every word of the lists
    by_skeleton: dict[str, tuple[str, ...]]  # the words an edit may lead to (MIN_COUNT), by skeleton
    longest: int


@cache
def _model() -> _Model:
    """The word lists pythainlp ships (its own, the Royal Institute's, Volubilis: 127,000 words with
    loanword spellings such as ``โคโรนา`` and ``โอทอป``), the letter lexicon, each word's price from
    its count in the Thai National Corpus, and the words an edit may lead to."""
    from pythainlp.corpus import thai_orst_words, thai_volubilis_words, thai_words
    from pythainlp.corpus.tnc import word_freqs

    counts = dict(word_freqs())
    listed = (*thai_words(), *thai_orst_words(), *thai_volubilis_words(), *lexicon())
    words = {w for w in listed if _THAI_RUN.fullmatch(w) and len(w) <= MAX_WORD}
    total = sum(counts.values())
    cost = {w: -math.log((counts.get(w, 0) + 0.5) / total) for w in words}
    by_skeleton: dict[str, list[str]] = {}
    def attested(w: str) -> bool:  # seen in the corpus, or a compound of two words seen (ภาค|รัฐ)
        return counts.get(w, 0) >= MIN_COUNT or any(
            counts.get(w[:k], 0) >= MIN_COUNT and counts.get(w[k:], 0) >= MIN_COUNT for k in range(2, len(w) - 1))

    targets = set(lexicon()) | {w for w in words if attested(w)}
    for w in words & targets:
        by_skeleton.setdefault(skeleton(w), []).append(w)
    return _Model(cost, {k: tuple(v) for k, v in by_skeleton.items()}, max(map(len, words)))


def _boundaries(run: str) -> list[int]:
    """Where a word may start or end in ``run``: Thai character cluster edges (pythainlp's TCC), so a
    mark never leaves its letter, nor a leading vowel the letter it precedes."""
    from pythainlp.tokenize import tcc

    return sorted({0, len(run), *tcc.tcc_pos(run)})


def _best(run: str, edits: bool) -> tuple[float, list[tuple[int, int, str]]]:
    """The cheapest reading of ``run``: its cost and its words ``(start, end, word)``."""
    model = _model()
    cuts = _boundaries(run)
    best: dict[int, tuple[float, int, str]] = {0: (0.0, -1, "")}
    for a_i, a in enumerate(cuts):
        if a not in best:
            continue
        base = best[a][0]
        for b in cuts[a_i + 1:]:
            if b - a > model.longest + 2:
                break
            piece = run[a:b]
            options = []
            if piece in model.cost:
                options.append((model.cost[piece], piece))
            if edits:
                for word in model.by_skeleton.get(skeleton(piece), ()):
                    if word != piece and len(word) >= MIN_EDITED:
                        units = edit_units(piece, word)
                        if units <= max(1, len(word) // 3):
                            options.append((model.cost[word] + EDIT_COST * units, word))
            if b == cuts[a_i + 1]:
                options.append((UNKNOWN_COST * (b - a), piece))  # one cluster no word explains
                if edits and piece == PHANTOM and a and run[a - 1] in TAILED:
                    options.append((EDIT_COST, ""))  # the tail of น or ณ read as a letter of its own
            for cost, word in options:
                if b not in best or base + cost < best[b][0]:
                    best[b] = (base + cost, a, word)
    words, end = [], len(run)
    while end > 0:
        _, start, word = best[end]
        words.append((start, end, word))
        end = start
    return best[len(run)][0], words[::-1]


def repairs(text: str) -> list[Repair]:
    """The words ``correct`` would put back, with where they stand in ``text``."""
    found = []
    for m in _THAI_RUN.finditer(text):
        run = m.group()
        plain, _ = _best(run, edits=False)
        cost, words = _best(run, edits=True)
        if plain - cost < MARGIN:
            continue
        found += [Repair(m.start() + a, m.start() + b, run[a:b], w) for a, b, w in words if run[a:b] != w]
    return found


SUBJECT_CONTINUATION = 2  # wrapped lines of a subject read after its เรื่อง line


def subject_lines(lines: list[str]) -> list[int]:
    """Which lines hold a subject: a ``เรื่อง`` line and the lines it wraps onto, up to the next
    heading (``เรียน``, ``อ้างถึง``, ``สิ่งที่ส่งมาด้วย``) or body paragraph (``ด้วย``, ``ตามที่``).

    >>> subject_lines(["ที่ มท ๐๒๐๗/ว ๑", "เรื่อง การเตรียมความพร้อม", "ของจงหวด", "เรียน ผู้ว่าราชการจังหวัด"])
    [1, 2]
    """
    from extractors.patterns import ATTACHMENT_HEAD, BODY_OPENER, REFERENCE_HEAD, SALUTATION, SUBJECT

    stops = (SALUTATION, REFERENCE_HEAD, ATTACHMENT_HEAD, BODY_OPENER, SUBJECT)
    found = []
    for i, line in enumerate(lines):
        if SUBJECT.match(line):
            found.append(i)
            for j in range(i + 1, min(len(lines), i + 1 + SUBJECT_CONTINUATION)):
                if not lines[j].strip() or any(p.match(lines[j]) for p in stops):
                    break
                found.append(j)
    return found


POSITION_LINES = 3  # lines of a signer's position read after the bracketed name


def position_lines(lines: list[str]) -> list[int]:
    """Which lines hold a signer's position: up to ``POSITION_LINES`` below a bracketed name, up to a
    blank line or the next bracket.

    >>> position_lines(["(นายสมชาย ใจดี)", "หัวหน้าสำนักงานส่งเสริมการปกครองท้อง", "ถินจังหวัดสุโขทัย", "", "โทร. ๐"])
    [1, 2]
    """
    from extractors.patterns import NAME_LINE

    found = []
    for i, line in enumerate(lines):
        if NAME_LINE.match(line):
            for j in range(i + 1, min(len(lines), i + 1 + POSITION_LINES)):
                if not lines[j].strip() or lines[j].lstrip().startswith("("):
                    break
                found.append(j)
    return found


HEAD_LINES = 20  # an issuer's line stands among a letter's first lines
ADDRESS_LINES = 5  # lines of an external letter's office and address under its ที่ line


def issuer_lines(lines: list[str]) -> list[int]:
    """Which lines hold an issuer, above the first ``เรื่อง`` and ``เรียน``: a memo's ``ส่วนราชการ`` line and an
    instrument's title line, each with the line under it (where a long office name wraps), an external
    letter's ``ที่`` line (its office beside the number) and its address under it, down to the date.

    >>> issuer_lines(["ส่วนราชการ สำนักงานอธิการบด มหาวัทยาลยราชภฎ", "        นครสวรรค",
    ...               "ที่ อว ๐๖๔๕.๒๗/๑๔๗๘        วันท ๑๐ ม.ย. ๒๕๖๔", "เรื่องการเตรียมความพร้อม"])
    [0, 1, 2]
    """
    from extractors.header import TITLE_KIND
    from extractors.patterns import DATE, LINE_REF, OWNER, SALUTATION, SUBJECT

    stop = next((i for i, line in enumerate(lines[:HEAD_LINES]) if SUBJECT.match(line) or SALUTATION.match(line)),
                min(len(lines), HEAD_LINES))
    found: set[int] = set()
    for i in range(stop):
        if OWNER.match(lines[i]) or TITLE_KIND.match(lines[i]):
            found.update(j for j in (i, i + 1) if j < stop and lines[j].strip())
        elif LINE_REF.match(lines[i]):
            found.add(i)
            for j in range(i + 1, min(stop, i + 1 + ADDRESS_LINES)):
                if DATE.match(lines[j].strip()) or LINE_REF.match(lines[j]):
                    break
                if lines[j].strip():
                    found.add(j)
    return sorted(found)


def postprocess(scan, result):
    """The ``spell`` step: correct the subject lines, the issuer's and the recipient's lines and signers'
    positions, keep the words; offices' long names first, whole (``repair.office_names``).

    Only those: elsewhere a letter is full of names (signers, places, addresses) that a reading by
    word frequency would bend toward common words.
    """
    from dataclasses import replace

    lines = result.text.split("\n")
    chosen = set(subject_lines(lines)) | set(position_lines(lines)) | set(issuer_lines(lines)) | set(recipient_lines(lines))
    for block in _blocks(sorted(chosen)):
        for i, text in zip(block, correct_wrapped([repair_office_names(lines[i]) for i in block]), strict=True):
            lines[i] = text
    return replace(result, text="\n".join(lines))


def recipient_lines(lines: list[str]) -> list[int]:
    """Which lines hold the recipient: the first ``เรียน``/``ถึง`` line among a letter's first lines and the
    lines it wraps onto, up to a heading or a body paragraph (offices' titles, as the issuer's).

    >>> recipient_lines(["เรื่อง ขอเชิญประชุม", "เรียน นายอำเภอ ทุกอำเภอ และหัวหน้าส่วนราชการ", "      ประจำจังหวัด",
    ...                  "อ้างถึง หนังสือ", "เรียน ผอ."])
    [1, 2]
    """
    from extractors.patterns import ATTACHMENT_HEAD, BODY_OPENER, REFERENCE_HEAD, SALUTATION, SUBJECT

    stops = (SALUTATION, REFERENCE_HEAD, ATTACHMENT_HEAD, BODY_OPENER, SUBJECT)
    for i, line in enumerate(lines[:HEAD_LINES]):
        if SALUTATION.match(line):
            found = [i]
            for j in range(i + 1, min(len(lines), i + 1 + SUBJECT_CONTINUATION)):
                if not lines[j].strip() or any(p.match(lines[j]) for p in stops):
                    break
                found.append(j)
            return found
    return []


def correct_issuer_lines(text: str) -> str:
    r"""A laid-out page with its issuer's lines (``issuer_lines``) read as the likeliest words: Tesseract's
    sparse mode gives ``ส่วนราชการ`` and the office beside it apart, so they are found only once laid out.

    >>> correct_issuer_lines("ส่วนราชการ   สำนักงานอธิการบด มหาวัทยาลยราชภฎ\nเรื่อง ขอเชิญ\nด้วยจงหวด")
    'ส่วนราชการ   สำนักงานอธิการบดี มหาวิทยาลัยราชภัฏ\nเรื่อง ขอเชิญ\nด้วยจงหวด'
    """
    lines = text.split("\n")
    for block in _blocks(sorted(set(issuer_lines(lines)) | set(recipient_lines(lines)))):
        for i, fixed in zip(block, correct_wrapped([repair_office_names(lines[i]) for i in block]), strict=True):
            lines[i] = fixed
    return "\n".join(lines)


def _blocks(indices: list[int]) -> list[list[int]]:
    """Consecutive line numbers grouped: ``[1, 2, 7] -> [[1, 2], [7]]``."""
    blocks: list[list[int]] = []
    for i in indices:
        if blocks and blocks[-1][-1] == i - 1:
            blocks[-1].append(i)
        else:
            blocks.append([i])
    return blocks


def correct_wrapped(lines: list[str]) -> list[str]:
    """``correct`` over lines that wrap one text: Thai wraps between words with no space, so a line
    ending ``ของ`` and the next ``วัฐ`` are read as ``ของวัฐ``; each line gets its share back.

    >>> correct_wrapped(["เรื่อง แนวทางการรักษาความปลอดภัยของหน่วยงานของ", "วัฐ"])[1]
    'รัฐ'
    """
    joined = "".join(lines)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    out = list(lines)
    for r in reversed(repairs(joined)):
        inside = [k for k in range(len(lines)) if starts[k] < r.end and r.start < starts[k + 1]]
        if len(inside) == 1:
            k = inside[0]
            a, b = r.start - starts[k], r.end - starts[k]
            out[k] = out[k][:a] + r.word + out[k][b:]
        elif len(inside) == 2:  # a word over the break: mend it where the printed part differs
            k, cut = inside[0], starts[inside[1]] - r.start
            if r.word.startswith(r.printed[:cut]):
                out[k + 1] = r.word[cut:] + out[k + 1][r.end - starts[k + 1]:]
            elif r.word.endswith(r.printed[cut:]):
                keep = len(r.printed) - cut
                out[k] = out[k][:r.start - starts[k]] + r.word[:len(r.word) - keep]
    return out


def correct(text: str) -> str:
    """``text`` with every repair made (see the module docstring)."""
    out, pos = [], 0
    for r in repairs(text):
        out.append(text[pos:r.start] + r.word)
        pos = r.end
    return "".join(out) + text[pos:]
