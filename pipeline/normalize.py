"""Clean the Thai text a reader produced, step by named step, keeping the way back to the raw text.

>>> n = normalize("ส่วนราชการ...คําสั่ง\\r\\n")
>>> n.text
'ส่วนราชการ คำสั่ง\\n'
>>> n.raw[slice(*n.raw_span(11, 17))]
'คําสั่ง'

Steps run in the order of ``DEFAULT_STEPS``; each is also callable alone: ``STEPS["sara_am"]("คําสั่ง")``.
A step that changes lengths records its edits as sparse anchors (``array('q')``), one per edit, so
a clean 20 MB file costs almost nothing beyond its two strings. Thai rules follow pythainlp's
``reorder_vowels`` (sara am, เเ, tone before vowel), rewritten here as regexes because that
function cannot report where it changed the text.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from array import array
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from pipeline import thai_repair, thai_spacing
from pipeline.thai_chars import (
    ABOVE_BELOW_VOWELS,
    CONSONANTS,
    MARK_SET,
    MARKS,
    NIKHAHIT,
    SARA_AA,
    SARA_AM,
    TONES,
)

# newlines: "\r\n" and lone "\r" -> "\n"; other spaces -> " " (one for one, so no offsets move).
RE_CRLF = re.compile(r"\r\n?")
SPACE_TABLE = str.maketrans(
    {c: " " for c in "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"}
    | {c: "\n" for c in "\v\u0085\u2028\u2029"}
    | {chr(c): " " for c in (*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20))}  # stray control bytes
)
# a character SPACE_TABLE changes: a text with none is not translated (most are clean)
RE_SPACE_TABLE = re.compile("[" + re.escape("".join(map(chr, SPACE_TABLE))) + "]")
# zero_width: ZWSP, ZWNJ, ZWJ, word joiner, BOM, soft hyphen.
RE_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]+")
# sara_am: "คํา" / "คํ า" / "น ํ้า" -> "คำ"; "สาํ" (reversed, seen in Royal Gazette text) -> "สำ".
RE_SARA_AM = re.compile(f"{NIKHAHIT}([{TONES}]?) ?{SARA_AA}|{SARA_AA}([{TONES}]?){NIKHAHIT}")
# mark_order: "ส่ัง" -> "สั่ง" (tone before vowel); "เเ" -> "แ"; "กา่" -> "ก่า"; doubled mark "ก่่" -> "ก่".
RE_MARK_ORDER = re.compile(
    f"([{TONES}]+)([{ABOVE_BELOW_VOWELS}]+)"
    f"|\u0e40\u0e40"
    f"|(?<=[{CONSONANTS}])([{SARA_AA}{SARA_AM}])([{TONES}])"
    f"|([{MARKS}])\\5+"
)
# what every match of RE_MARK_ORDER holds, as patterns that start with a character class and so are scanned
# for fast (the lookbehind and the back reference keep the engine from doing so): a text with none is clean
RE_MARK_ORDER_HINTS = (
    re.compile(f"[{TONES}][{ABOVE_BELOW_VOWELS}]"),
    re.compile("\u0e40\u0e40"),
    re.compile(f"[{SARA_AA}{SARA_AM}][{TONES}]"),
    re.compile("|".join(c + c for c in sorted(MARK_SET))),
)
# mark_spacing: a space before a mark or a following vowel never separates words: "ส ัง" -> "สัง".
# (" า" after a consonant is left alone: it is the trace of a lost ำ, "ส านัก", see looks_broken; after a
# tone mark it is a PDF's gap inside the word: "ฝ่ ายอำนวยการ" -> "ฝ่ายอำนวยการ".)
# a mark never begins a word, nor a line: "ห้องน ้า", and "ห้องน\n้า" where text wrapped at a width broke there
RE_SPACE_BEFORE_MARK = re.compile(f"(?: +|(?<=[\u0e01-\u0e2e]) *\n *)(?=[{MARKS}\u0e30\u0e33\u0e45])"
                                  f"|(?<=[\u0e48-\u0e4b]) +(?=\u0e32)")
RE_SPACE_BEFORE_MARK_HINT = re.compile(f"[ \n][{MARKS}\u0e30\u0e33\u0e45]|[\u0e48-\u0e4b] +\u0e32")  # faster
# dotted_leaders: "ส่วนราชการ...จังหวัด" -> "ส่วนราชการ จังหวัด"; "\n.....ที่มี" -> "\nที่มี"; "๔๙๑๒...\n" -> "๔๙๑๒\n".
# possessive (no backtracking): "(?:[ .…]*[.…])?" was cubic on a line of 1,400 dots and spaces
# A leader never begins with the dot that closes an abbreviation ("ก.ค........." keeps "ก.ค."), and a draft's
# year not yet given, "(ฉบับที่ ..) พ.ศ. ....", is no leader: it is matched first (``ERA_PLACEHOLDER``) and kept
# (two to four dots; a form's longer run after พ.ศ. is a leader, the era keeps its dot).
LEADER = r"(?<![ก-ฮ]\.[ก-ฮ])(?:\.(?: ?\.){2,}+|…+)(?:[ ]*[.…])*+"
ERA_PLACEHOLDER = r"(?P<era>พ\.ศ\.[ ]?\.{2,4}+(?![.…]))"  # a form's long leader after พ.ศ. is a leader
RE_LEADER_LINE_START = re.compile(f"(?m)^[ ]*{LEADER}[ ]*")
RE_LEADER_LINE_END = re.compile(f"(?m){ERA_PLACEHOLDER}|[ ]*{LEADER}[ ]*$")
RE_LEADER_INNER = re.compile(f"{ERA_PLACEHOLDER}|[ ]*{LEADER}[ ]*")
# nfc: lines that NFC would change.
RE_LINE = re.compile(r"[^\n]+")


# --- offset map -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EditMap:
    """Edits of one step: output range ``[out_start, out_end)`` replaced input ``[in_start, in_end)``."""

    out_start: array
    out_end: array
    in_start: array
    in_end: array

    def to_input(self, i: int) -> int:
        """Map an output offset of this step to an input offset."""
        k = bisect_right(self.out_start, i) - 1
        if k < 0:
            return i
        if i >= self.out_end[k]:
            return self.in_end[k] + (i - self.out_end[k])
        return self.in_start[k] + min(i - self.out_start[k], self.in_end[k] - self.in_start[k])


Edit = tuple[int, int, str]  # (start, end, replacement) in the step's input


def apply_edits(text: str, edits: Sequence[Edit]) -> tuple[str, EditMap | None]:
    """Apply sorted, non-overlapping edits; return the new text and its offset map."""
    if not edits:
        return text, None
    parts: list[str] = []
    maps = EditMap(array("q"), array("q"), array("q"), array("q"))
    pos = out = 0
    for start, end, repl in edits:
        parts.append(text[pos:start])
        out += start - pos
        parts.append(repl)
        maps.out_start.append(out)
        maps.in_start.append(start)
        out += len(repl)
        maps.out_end.append(out)
        maps.in_end.append(end)
        pos = end
    parts.append(text[pos:])
    return "".join(parts), maps


def regex_edits(pattern: re.Pattern, repl: Callable[[re.Match], str] | str, text: str) -> list[Edit]:
    """Edits that ``pattern.sub(repl, text)`` would make, skipping matches left unchanged."""
    edits = []
    for m in pattern.finditer(text):
        new = repl if isinstance(repl, str) else repl(m)
        if new != m.group(0):
            edits.append((m.start(), m.end(), new))
    return edits


# --- steps ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Step:
    """A named ``str -> str`` step that can also report its offset map (``apply``)."""

    name: str
    apply: Callable[[str], tuple[str, EditMap | None]] = field(repr=False)

    def __call__(self, text: str) -> str:
        return self.apply(text)[0]


def _newlines(text: str) -> tuple[str, EditMap | None]:
    if RE_SPACE_TABLE.search(text):
        text = text.translate(SPACE_TABLE)
    if "\r" not in text:
        return text, None
    return apply_edits(text, regex_edits(RE_CRLF, "\n", text))


def _zero_width(text: str) -> tuple[str, EditMap | None]:
    return apply_edits(text, regex_edits(RE_ZERO_WIDTH, "", text))


@lru_cache(maxsize=1)
def pua_table() -> dict[int, str]:
    """PUA code point -> standard Thai, read from ``extractors/tables/thai_pua_map.csv``.

    >>> chr(0xF70B).translate(pua_table())  # MAI THO (down) -> ้
    '้'
    """
    table: dict[int, str] = {}
    with resources.files("extractors").joinpath("tables/thai_pua_map.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            std = "".join(chr(int(cp, 16)) for cp in re.findall(r"U\+([0-9A-Fa-f]{4,6})", row["standard_codepoint(s)"]))
            table[int(row["pua_codepoint"].removeprefix("U+"), 16)] = std
    return table


@lru_cache(maxsize=1)
def _pua_regex() -> re.Pattern:
    return re.compile("[" + "".join(map(chr, pua_table())) + "]")


def _pua_glyphs(text: str) -> tuple[str, EditMap | None]:
    table = pua_table()
    if not _pua_regex().search(text):
        return text, None
    if all(len(v) == 1 for v in table.values()):  # one for one: offsets do not move
        return text.translate(table), None
    return apply_edits(text, regex_edits(_pua_regex(), lambda m: table[ord(m.group(0))], text))


def _sara_am(text: str) -> tuple[str, EditMap | None]:
    if NIKHAHIT not in text:  # every match holds one
        return text, None
    return apply_edits(text, regex_edits(RE_SARA_AM, lambda m: (m.group(1) or m.group(2) or "") + SARA_AM, text))


def _squeeze(marks: str) -> str:
    """A run of marks with each doubled mark once: ``"่่" -> "่"``."""
    return "".join(c for i, c in enumerate(marks) if i == 0 or marks[i - 1] != c)


def _mark_order_repl(m: re.Match) -> str:
    if m.group(1):  # the doubled marks of a swapped run too: "ที่่ั" -> "ทีั่" in one pass
        return _squeeze(m.group(2)) + _squeeze(m.group(1))
    if m.group(3):
        return m.group(4) + m.group(3)
    if m.group(5):
        return m.group(5)
    return "\u0e41"  # เเ -> แ


def _mark_order(text: str) -> tuple[str, EditMap | None]:
    if not _may_need_mark_order(text):
        return text, None
    return apply_edits(text, regex_edits(RE_MARK_ORDER, _mark_order_repl, text))


def _may_need_mark_order(text: str) -> bool:
    """Could ``RE_MARK_ORDER`` match in ``text``? ``False`` for clean Thai: ``"ที่ได้ไปแล้ว"``."""
    return any(hint.search(text) for hint in RE_MARK_ORDER_HINTS)


def _space_before_mark(text: str) -> tuple[str, EditMap | None]:
    if not RE_SPACE_BEFORE_MARK_HINT.search(text):
        return text, None
    return apply_edits(text, regex_edits(RE_SPACE_BEFORE_MARK, "", text))


def _mark_spacing(text: str) -> tuple[str, EditMap | None]:
    text, first = _space_before_mark(text)
    text, second = apply_edits(text, thai_spacing.cluster_space_edits(text))
    return text, _chain(first, second)


def _dotted_leaders(text: str) -> tuple[str, EditMap | None]:
    if "..." not in text and "…" not in text and ". ." not in text:
        return text, None
    text, a = apply_edits(text, regex_edits(RE_LEADER_LINE_START, "", text))
    text, b = apply_edits(text, regex_edits(RE_LEADER_LINE_END, lambda m: m["era"] or "", text))
    text, c = apply_edits(text, regex_edits(RE_LEADER_INNER, lambda m: m["era"] or " ", text))
    return text, _chain(_chain(a, b), c)


def _edits_step(make_edits: Callable[[str], list[Edit]]) -> Callable[[str], tuple[str, EditMap | None]]:
    return lambda text: apply_edits(text, make_edits(text))


def _nfc(text: str) -> tuple[str, EditMap | None]:
    if unicodedata.is_normalized("NFC", text):
        return text, None
    return apply_edits(text, regex_edits(RE_LINE, lambda m: unicodedata.normalize("NFC", m.group(0)), text))


@dataclass(frozen=True, slots=True)
class _Chained:
    """Two maps of one step applied one after the other (duck-types EditMap.to_input)."""

    first: EditMap | _Chained
    second: EditMap | _Chained

    def to_input(self, i: int) -> int:
        return self.first.to_input(self.second.to_input(i))


def _chain(first, second):
    if first is None:
        return second
    if second is None:
        return first
    return _Chained(first, second)


STEPS: dict[str, Step] = {
    s.name: s
    for s in (
        Step("newlines", _newlines),
        Step("zero_width", _zero_width),
        Step("pua_glyphs", _pua_glyphs),
        Step("gazette_marks", _edits_step(thai_repair.gazette_mark_edits)),
        Step("sara_am", _sara_am),
        Step("sara_am_flood", _edits_step(thai_repair.sara_am_flood_edits)),
        Step("mark_order", _mark_order),
        Step("letter_spacing", _edits_step(thai_repair.letter_spacing_edits)),
        Step("spaced_sara_am", _edits_step(thai_repair.spaced_sara_am_edits)),
        Step("mark_spacing", _mark_spacing),
        Step("vowel_spacing", _edits_step(thai_repair.vowel_spacing_edits)),
        Step("lost_sara_am", _edits_step(thai_repair.lost_sara_am_edits)),
        Step("date_spacing", _edits_step(thai_repair.date_spacing_edits)),
        Step("dotted_leaders", _dotted_leaders),
        Step("nfc", _nfc),
        # a scan's text: ำ lost is mended, but no flood is looked for (below)
        Step("lost_sara_am_scan", _edits_step(lambda text: thai_repair.lost_sara_am_edits(text, look_for_flood=False))),
    )
}
DEFAULT_STEPS: tuple[str, ...] = tuple(name for name in STEPS if name != "lost_sara_am_scan")
# Text that OCR read: a flood (ำ drawn for every า) is a text layer's font damage and never a scan's, and
# looking for one there takes a scan's right ำ for it (``ผู้อำนวยการสำนัก…`` read as ``การสาน``, the flooded
# form of การสาน): the flood steps are left out.
SCAN_STEPS: tuple[str, ...] = tuple("lost_sara_am_scan" if name == "lost_sara_am" else name
                                    for name in DEFAULT_STEPS if name != "sara_am_flood")


def steps_for(document) -> tuple[str, ...]:
    """``SCAN_STEPS`` for a document every page of which OCR read, else ``DEFAULT_STEPS``."""
    pages = document.pages
    return SCAN_STEPS if pages and all(page.method == "ocr" for page in pages) else DEFAULT_STEPS


# --- public API -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """Normalised text, the raw text it came from, and the per-step edit maps between them.

    >>> n = normalize("เรื่อง...ขอเชิญประชุม")
    >>> n.text, n.raw_span(7, 19)
    ('เรื่อง ขอเชิญประชุม', (9, 21))
    """

    text: str
    raw: str
    maps: tuple = field(default=(), repr=False, compare=False)  # EditMap per changing step, in order

    def raw_index(self, i: int) -> int:
        """Offset in ``raw`` of the character at normalised offset ``i`` (``len(text)`` -> ``len(raw)``).

        >>> normalize("ค ํา").raw_index(1)  # "คำ": ำ came from "ํา" at raw offset 2
        2
        """
        if not 0 <= i <= len(self.text):
            raise IndexError(f"offset {i} outside 0..{len(self.text)}")
        for m in reversed(self.maps):
            i = m.to_input(i)
        return i

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw ``(start, end)`` for the normalised half-open range ``[start, end)``.

        >>> n = normalize("คําสั่ง ระเบยี บ")
        >>> n.text, n.raw_span(0, 6)
        ('คำสั่ง ระเบียบ', (0, 7))
        """
        if end < start:
            raise ValueError(f"bad span {start}..{end}")
        return self.raw_index(start), self.raw_index(end)


def normalize(raw: str, steps: Sequence[str] = DEFAULT_STEPS) -> NormalizedText:
    """Run the named steps over ``raw`` and keep an offset map back to it.

    >>> normalize("ระเบยี บสาํ นักนายกรฐั มนตรี").text
    'ระเบียบสำนักนายกรัฐมนตรี'
    >>> normalize("ส่ัง", steps=["mark_order"]).text
    'สั่ง'
    """
    unknown = [s for s in steps if s not in STEPS]
    if unknown:
        raise ValueError(f"unknown normalisation step(s): {', '.join(unknown)}; known: {', '.join(STEPS)}")
    text, maps = raw, []
    for name in steps:
        text, m = STEPS[name].apply(text)
        if m is not None:
            maps.append(m)
    for _ in range(SETTLE_PASSES if tuple(steps) in (DEFAULT_STEPS, SCAN_STEPS) else 0):
        if not any(check(text) for check in SETTLE_CHECKS):
            break
        for step in SETTLE_STEPS:  # a later step can bring marks together ("ที่...่" -> "ที่ ่" -> "ที่่")
            text, m = step.apply(text)
            if m is not None:
                maps.append(m)
    return NormalizedText(text, raw, tuple(maps))


def prepare() -> None:
    """Load the word lists and tables the steps use, once (``normalize`` loads them on first use anyway):
    processes forked afterwards start with them. ``prepare(); normalize("อานาจ").text == "อำนาจ"``."""
    pua_table()
    thai_repair.prepare()


# What a later step can leave for an earlier one (a dotted leader removed, a space closed up), run again
# until none is left, so that normalising normalised text changes nothing.
SETTLE_STEPS = (Step("space_before_mark", _space_before_mark), STEPS["sara_am"], STEPS["mark_order"])
SETTLE_CHECKS = (RE_SPACE_BEFORE_MARK_HINT.search, lambda t: NIKHAHIT in t and RE_SARA_AM.search(t),
                 lambda t: _may_need_mark_order(t) and RE_MARK_ORDER.search(t))
SETTLE_PASSES = 3


# --- damage detection -------------------------------------------------------------------------

RE_THAI = re.compile("[\u0e01-\u0e5b]")
RE_LOST_SARA_AM = re.compile(f"[{CONSONANTS}][{TONES}]? {SARA_AA}")
RE_PUA = re.compile("[\ue000-\uf8ff]")
RE_LATIN1_LETTERS = re.compile("[\u00a1-\u00ff]")  # Thai bytes read through a Latin-1 font map
RE_GLYPH_CODES = re.compile(r"[@#$%&?!<>^_`~]")  # a font whose glyphs map to ASCII: "'1>@01>#1/2@$@12B"
RE_PLAUSIBLE = re.compile("[\u0e01-\u0e5b\u0020-\u007e\\s\u2018-\u201d\u2026\u00a0]")


def looks_broken(text: str) -> str | None:
    """Why a text layer cannot be repaired by normalisation (so OCR should read the page), or None.

    >>> looks_broken("ประกาศสำนักงานจังหวัดอ่างทอง เรื่อง ค่าธรรมเนียม") is None
    True
    >>> looks_broken("ส านักงานจังหวัด ประจ าปี ค าสั่ง ก าหนด " * 3) is None  # the dictionary repairs it
    True
    """
    n_thai = len(RE_THAI.findall(text))
    bad = text.count("\ufffd")
    if bad >= 3 and bad * 100 >= len(text):
        return f"{bad} replacement characters (U+FFFD) in the text layer"
    table = pua_table()
    unmapped = sum(1 for c in RE_PUA.findall(text) if ord(c) not in table)
    if unmapped >= 3:
        return f"{unmapped} private-use glyphs with no Thai mapping"
    text = apply_edits(text, thai_repair.letter_spacing_edits(text))[0]  # letter-spaced Thai is read, not OCRed
    lost = len(RE_LOST_SARA_AM.findall(text)) - len(thai_repair.spaced_sara_am_edits(text))  # repairable ones pass
    if lost >= 3 and lost * 1000 >= 2 * max(n_thai, 1):
        return f"lost sara am: {lost} times a consonant, a space, then า (where ำ belongs)"
    latin1 = len(RE_LATIN1_LETTERS.findall(text))
    if latin1 >= 20 and latin1 > n_thai:
        return "Thai text looks 8-bit encoded (font without a Unicode map): mostly Latin-1 letters"
    visible = len(text) - text.count(" ") - text.count("\n")
    codes = len(RE_GLYPH_CODES.findall(text))
    if codes >= 30 and codes * 20 >= visible and n_thai < 3 * codes:
        return f"{codes} symbols such as @ # > where Thai letters belong (a font without a usable Unicode map)"
    if visible >= 50 and len(RE_PLAUSIBLE.findall(text)) < 0.7 * len(text):
        return "mostly unreadable characters (font without a usable Unicode map)"
    return None
