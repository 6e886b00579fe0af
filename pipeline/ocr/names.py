r"""A signer's name that OCR made unspellable, put back from the Thai name lists pythainlp ships.

Under a signature the name stands in brackets: ``(นายณัฐวุฒิ ศรีสุวรรณ)``. Tesseract now and then takes
a mark for another and gives a form no Thai word can have: ``ณ์ฐวุฒิ`` (a silent-letter ``์`` on a
name's first letter), and it reads the ``ด`` of the title ``ดร.`` as ``ต`` (no title is ``ตร.``).
Only such impossible forms are mended, and only when exactly one listed given name or family name
(about 22,000 in pythainlp) is one mark away.

A name OCR read as another possible name (``สุขสวัสดิ`` for ``สุขสวัสดิ์``, ``อ้านาจ`` for ``อำนาจ``)
stays as read: Thai names come in many spellings that differ by one mark, most real names are in no
list, and measured on the lists themselves (a fifth held out as "unlisted"), choosing the listed
neighbour of a possible name changed 2.8% of correctly read unlisted names.

>>> repair_name_lines("        (นายณ์ฐวุฒิ ศรีสุวรรณ)\n        (ตร.รัชนี สุขสวัสดิ)")
'        (นายณัฐวุฒิ ศรีสุวรรณ)\n        (ดร.รัชนี สุขสวัสดิ)'
>>> repair_name_lines("(นายสมชาย ใจดี)")
'(นายสมชาย ใจดี)'

Written here: pythainlp offers the lists but no look-up by OCR edits; ``ocr_spell`` measures the
edits.
"""

from __future__ import annotations

import re
from functools import cache

from pipeline.ocr.repair.lexicon import dictionary
from pipeline.ocr.spell import edit_units, unmarked
from pipeline.thai_chars import MARK_SET

MAX_UNITS = 1.0  # ocr_spell.edit_units: one mark lost or changed (an added mark, 1.5, is too far)
# "(ตร.บุญเลิศ …)": ด of the title ดร. read as its look-alike ต; no title is ตร.
LOST_TITLE = re.compile(r"(?m)^([ \t]*\([ \t]*)ตร\.")
NAME_IN_BRACKETS = re.compile(r"(?m)^(?P<head>[ \t]*\()(?P<name>[^()\n0-9๐-๙]{3,80})(?=\)[ \t]*$)")
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


def impossible(part: str) -> bool:
    """Can no Thai word be spelled so: a mark first, or ``์`` (a silent letter) on the first letter?

    >>> impossible("ณ์ฐวุฒิ"), impossible("สุขสวัสดิ"), impossible("ิสมชาย")
    (True, False, True)
    """
    return bool(part) and (part[0] in MARK_SET or part[1:2] == "\u0e4c")


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
    fixed = THAI_PART.sub(lambda m: listed_name(m.group()) or m.group(), rest)
    return name[:at] + fixed + name[at + len(rest):]


def repair_name_lines(text: str) -> str:
    """``ตร.`` as ``ดร.`` and each bracketed name line through ``repair_name`` (see the module docstring)."""
    text = LOST_TITLE.sub(r"\1ดร.", text)
    return NAME_IN_BRACKETS.sub(lambda m: m.group("head") + repair_name(m.group("name")), text)


def postprocess(scan, result):
    """The ``names`` step: mend signers' names, keep the words."""
    from dataclasses import replace

    return replace(result, text=repair_name_lines(result.text))
