r"""A signer's name that OCR made unspellable, put back from the Thai name lists pythainlp ships.

Under a signature the name stands in brackets: ``(นายณัฐวุฒิ ศรีสุวรรณ)``. Tesseract now and then takes
a mark for another and gives a form no Thai word can have: ``ณ์ฐวุฒิ`` (a silent-letter ``์`` on a
name's first letter), and it reads the ``ด`` of the title ``ดร.`` as ``ต`` (no title is ``ตร.``).
Only such impossible forms are mended, and only when exactly one listed given name or family name
(about 22,000 in pythainlp) is one mark away.

A name's last ``์`` (a silent-letter mark) lost or added where the lists say a name cannot end so is
put back (``พงษ์ศักดิ`` -> ``พงษ์ศักดิ์``, ``ไชยยศ์`` -> ``ไชยยศ``, ``karan_ending``): of about 3,500 listed names
ending in ``…ักดิ์`` none ends in ``…ักดิ``, and of those ending ``…ยศ`` none in ``…ยศ์``. Measured on the
lists (a fifth held out, the endings counted on the rest), the rule changes 6 of 4,234 names read
right (0.14%) and mends 53% of the names that lost the mark, 63% of those that gained one.

Any other name OCR read as another possible name (``ศรีพร`` for ``ศิริพร``, ``อ้านาจ`` for ``อำนาจ``)
stays as read: Thai names come in many spellings that differ by one mark, most real names are in no
list, and measured on the lists themselves (a fifth held out as "unlisted"), choosing the listed
neighbour of a possible name changed 2.8% of correctly read unlisted names.

>>> repair_name_lines("        (นายณ์ฐวุฒิ ศรีสุวรรณ)\n        (ตร.รัชนี สุขสวัสดิ)")
'        (นายณัฐวุฒิ ศรีสุวรรณ)\n        (ดร.รัชนี สุขสวัสดิ์)'
>>> repair_name_lines("(นายสมชาย ใจดี)")
'(นายสมชาย ใจดี)'
>>> repair_name_lines("(นายพงษ์ศักดิ แก้วประเสริฐ)")
'(นายพงษ์ศักดิ์ แก้วประเสริฐ)'

Written here: pythainlp offers the lists but no look-up by OCR edits; ``ocr_spell`` measures the
edits.
"""

from __future__ import annotations

import re
from functools import cache

from pipeline.ocr.repair.lexicon import dictionary
from pipeline.ocr_edits import edit_units, unmarked
from pipeline.thai_chars import MARK_SET

KARAN = "\u0e4c"  # ์, the silent-letter mark
ENDING_LENGTHS = (4, 3)  # code points of a name's ending weighed before a lost ์ (ักดิ, ัตน, พันธ)
ADDED_LENGTHS = (4, 3, 2)  # and before an added one (ยศ of ไชยยศ์)
MIN_ENDINGS = 30  # names ending so, for an ending's evidence to count
RATIO = 50  # the other spelling of the ending at most 1 in RATIO as often
MAX_UNITS = 1.0  # ocr_spell.edit_units: one mark lost or changed (an added mark, 1.5, is too far)
# "(ตร.บุญเลิศ …)": ด of the title ดร. read as its look-alike ต; no title is ตร.
LOST_TITLE = re.compile(r"(?m)^([ \t]*\([ \t]*)ตร\.")
# and after an academic title, wherever the name stands ("เผศ.ตร.กนกวรรณ บุญมาก)", its "(" read as เ)
LOST_TITLE_AFTER = re.compile(r"(?<![ก-ฺๅ-๙.])((?:ผศ|รศ)\.[ \t]?)ตร\.(?=[ \t]?[ก-ฮเแโใไ])")
NAME_IN_BRACKETS = re.compile(r"(?m)^(?P<head>[ \t]*\()(?P<name>[^()\n0-9๐-๙]{3,80})(?=\)[ \t]*$)")
# a name a signature ran across, its "(" lost under the stroke: ".-- /'นายจิรพงษ์ ไชยยศ์)" (mended only after a title)
TAIL_NAME = re.compile(r"(?m)(?P<head>[/'\"|][ \t]*)(?P<name>[ก-๙][^()\n0-9๐-๙/|\"']{2,60})(?=\)[ \t]*$)")
THAI_PART = re.compile(r"[\u0e01-\u0e4e]+")


@cache
def _names() -> tuple[frozenset[str], dict[str, tuple[str, ...]]]:
    """Listed names, and the listed names by their letters (``ocr_spell.unmarked``: a look-alike letter is no name edit)."""
    from pythainlp.corpus import thai_family_names, thai_female_names, thai_male_names

    names = frozenset(n for n in (*thai_family_names(), *thai_male_names(), *thai_female_names())
                      if THAI_PART.fullmatch(n) and len(n) >= 3)
    by_skeleton: dict[str, list[str]] = {}
    for name in names:
        by_skeleton.setdefault(unmarked(name), []).append(name)
    return names, {k: tuple(v) for k, v in by_skeleton.items()}


@cache
def _endings() -> dict[str, int]:
    """How many listed names end with each 2 to 5 code points: ``_endings()["ักดิ์"] == 207``."""
    names, _ = _names()
    counts: dict[str, int] = {}
    for name in names:
        for k in range(2, 6):
            if len(name) > k:
                counts[name[-k:]] = counts.get(name[-k:], 0) + 1
    return counts


def karan_ending(part: str) -> str:
    """``part`` with its last ``์`` put back or taken off where the listed names never end as printed
    and often end the other way; otherwise ``part`` unchanged.

    >>> karan_ending("พงษ์ศักดิ"), karan_ending("ไชยยศ์"), karan_ending("สุขสวัสดิ์"), karan_ending("สิทธิ")
    ('พงษ์ศักดิ์', 'ไชยยศ', 'สุขสวัสดิ์', 'สิทธิ')
    """
    names, _ = _names()
    if part in names:
        return part
    counts = _endings()
    if part.endswith(KARAN):
        for k in ADDED_LENGTHS:
            ending = part[-k - 1:]
            if len(part) > k + 1 and counts.get(ending, 0) == 0 and counts.get(ending[:-1], 0) >= MIN_ENDINGS:
                return part[:-1]
        return part
    for k in ENDING_LENGTHS:
        ending = part[-k:]
        marked = counts.get(ending + KARAN, 0)
        if len(part) > k and marked >= MIN_ENDINGS and counts.get(ending, 0) * RATIO <= marked:
            return part + KARAN
    return part


SARA_I, SARA_II = "\u0e34", "\u0e35"  # ิ and ี, read for each other at a name's end (ปัญญาดิ for ปัญญาดี)


def final_vowel(part: str) -> str:
    """``part`` with its last ``ิ`` read as ``ี`` (or the other way) where the listed names never end as
    printed and often end the other way: ``final_vowel("ปัญญาดิ") == "ปัญญาดี"``, ``final_vowel("กิตติ") == "กิตติ"``.
    Measured as ``karan_ending``: 1 of 4,234 held-out listed names changed, 56% of the swapped ones mended."""
    names, _ = _names()
    if part in names or part[-1:] not in (SARA_I, SARA_II):
        return part
    other = SARA_II if part[-1] == SARA_I else SARA_I
    counts = _endings()
    for k in ADDED_LENGTHS:
        ending = part[-k:]
        swapped = counts.get(ending[:-1] + other, 0)
        if len(part) > k and swapped >= MIN_ENDINGS and counts.get(ending, 0) * RATIO <= swapped:
            return part[:-1] + other
    return part


STACKED = re.compile("[\u0e31\u0e34-\u0e37\u0e47][\u0e31\u0e34-\u0e37\u0e47]")  # two vowels above one letter


def impossible(part: str) -> bool:
    """Can no Thai word be spelled so: a mark first, ``์`` (a silent letter) on the first letter, or two
    vowels above one letter (``กิตติศักดิี``: 1 listed name of 21,170 is so spelt)?

    >>> impossible("ณ์ฐวุฒิ"), impossible("สุขสวัสดิ"), impossible("ิสมชาย"), impossible("กิตติศักดิี")
    (True, False, True, True)
    """
    return bool(part) and (part[0] in MARK_SET or part[1:2] == "\u0e4c" or bool(STACKED.search(part)))


def listed_name(part: str) -> str | None:
    """The one listed name an impossible ``part`` is a one-mark misreading of, or None.

    >>> listed_name("ณ์ฐวุฒิ"), listed_name("สุขสวัสดิ"), listed_name("ณัฐวุฒิ")
    ('ณัฐวุฒิ', None, None)
    """
    names, by_skeleton = _names()
    if not impossible(part) or part in names or part in dictionary():
        return None
    near = [n for n in by_skeleton.get(unmarked(part), ()) if edit_units(part, n) <= MAX_UNITS]
    return near[0] if len(near) == 1 else None


def repair_name(name: str) -> str:
    """Each part of a bracketed name (title split off) put back when ``listed_name`` knows it."""
    from extractors.signature import split_title

    _, rest = split_title(name)
    at = name.rfind(rest) if rest else -1
    if at < 0:
        return name
    fixed = THAI_PART.sub(lambda m: listed_name(m.group()) or final_vowel(karan_ending(m.group())), rest)
    return name[:at] + fixed + name[at + len(rest):]


def repair_name_lines(text: str) -> str:
    """``ตร.`` as ``ดร.`` and each bracketed name line through ``repair_name`` (see the module docstring)."""
    from extractors.signature import split_title

    text = LOST_TITLE_AFTER.sub(r"\1ดร.", LOST_TITLE.sub(r"\1ดร.", text))
    text = NAME_IN_BRACKETS.sub(lambda m: m.group("head") + repair_name(m.group("name")), text)
    return TAIL_NAME.sub(lambda m: m.group("head") + (repair_name(m.group("name")) if split_title(m.group("name"))[0]
                                                      else m.group("name")), text)


def postprocess(scan, result):
    """The ``names`` step: mend signers' names, keep the words."""
    from dataclasses import replace

    return replace(result, text=repair_name_lines(result.text))
