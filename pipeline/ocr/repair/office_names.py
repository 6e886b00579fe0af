"""Offices' long names with several marks lost or misread by OCR, put back whole (OCR text only).

Worn print loses the small marks of a long office name several at a time: ``สำนักงานเขตพื้นที่การศึกษา``
comes back as ``สำนักงานเขตพนทการศึกษา`` (four marks of ``พื้นที่`` gone), ``สำนักงานสาธารณสุขจังหวัดพิษณุโลก``
as ``…สาธารณสุขจึงหวดพิษณุโลก``. A word-by-word reading (``pipeline.ocr.spell``) allows a word only a third
of its length in edits, and ``พนท`` is three letters no word explains: it cannot see that the run is one
office. Here the unit is the office's whole name: a stretch whose letters, marks aside and look-alikes as
one (``spell.skeleton``), are exactly those of a known name of eight letters or more is that name, when
what differs is only what OCR does to marks and look-alike letters (``spell.edit_units``) and no more than
a quarter of the name's length.

The names: kinds of provincial and local offices (``OFFICE_KINDS``) alone and with each province's name,
the central government's departments (``words/departments.txt``), the agencies of agency_codes.csv, and the
long words of the letter lexicon.

>>> repair_office_names("สำนักงานเขตพนทการศึกษาประถมศึกษานครนายก เขต ๑")
'สำนักงานเขตพื้นที่การศึกษาประถมศึกษานครนายก เขต ๑'
>>> repair_office_names("สำนักงานสาธารณสุขจึงหวดพิษณุโลก")
'สำนักงานสาธารณสุขจังหวัดพิษณุโลก'
>>> repair_office_names("ตำรวจภูธรจังหวัดสระบุรี")   # printed right: nothing to change
'ตำรวจภูธรจังหวัดสระบุรี'

Written here: pythainlp's spell checkers work word by word, and a fuzzy matcher (rapidfuzz) would accept
any edit; only Tesseract's edits to marks and look-alike letters are taken, over a whole name.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from pipeline.thai_chars import MARK_SET

MIN_SKELETON = 8  # letters of a name's skeleton: shorter ones are met by chance inside other words
EDIT_SHARE = 4  # a name may take up to len(name) // EDIT_SHARE edit units

# offices a letter's header names after a province (``…จังหวัดนครนายก``, ``มหาวิทยาลัยราชภัฏเชียงใหม่``)
OFFICE_KINDS = (
    "สำนักงานเขตพื้นที่การศึกษาประถมศึกษา", "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษา", "สำนักงานสาธารณสุขจังหวัด",
    "ศาลากลางจังหวัด", "สำนักงานจังหวัด", "ตำรวจภูธรจังหวัด", "มหาวิทยาลัยราชภัฏ", "เทศบาลนคร", "เทศบาลเมือง",
    "สำนักงานเทศบาลเมือง", "สำนักงานเทศบาลนคร", "องค์การบริหารส่วนจังหวัด", "ผู้ว่าราชการจังหวัด",
    "รองผู้ว่าราชการจังหวัด", "อำเภอเมือง", "จังหวัด", "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด",
    "สำนักงานป้องกันและบรรเทาสาธารณภัยจังหวัด", "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด",
    "สำนักงานศึกษาธิการจังหวัด", "สำนักงานเกษตรจังหวัด", "สำนักงานคลังจังหวัด", "สำนักงานที่ดินจังหวัด",
    "สำนักงานวัฒนธรรมจังหวัด", "สำนักงานพระพุทธศาสนาจังหวัด", "สำนักงานแรงงานจังหวัด", "สำนักงานพาณิชย์จังหวัด",
    "สำนักงานอุตสาหกรรมจังหวัด", "สำนักงานท่องเที่ยวและกีฬาจังหวัด", "สำนักงานทรัพยากรธรรมชาติและสิ่งแวดล้อมจังหวัด",
)


@dataclass(frozen=True, slots=True)
class _Names:
    by_skeleton: dict[str, str]  # a name's skeleton -> the name (skeletons two names share are left out)
    lengths: tuple[int, ...]  # the skeletons' lengths, longest first


@cache
def departments() -> tuple[str, ...]:
    """The names of ``pipeline/ocr/words/departments.txt``: ``"กรมบัญชีกลาง"``, ``"กรมศิลปากร"``, …"""
    from importlib import resources

    text = resources.files("pipeline.ocr").joinpath("words/departments.txt").read_text(encoding="utf-8")
    return tuple(w for w in (line.split("#", 1)[0].strip() for line in text.splitlines()) if w and " " not in w)


@cache
def _names() -> _Names:
    from pythainlp.corpus import provinces

    from pipeline.ocr.repair.lexicon import lexicon
    from pipeline.ocr_edits import skeleton

    names = set(lexicon()) | set(OFFICE_KINDS) | set(departments())
    names |= {kind + province for kind in OFFICE_KINDS for province in provinces()}
    seen: dict[str, set[str]] = {}
    for name in names:
        if len(key := skeleton(name)) >= MIN_SKELETON:
            seen.setdefault(key, set()).add(name)
    by_skeleton = {key: next(iter(found)) for key, found in seen.items() if len(found) == 1}
    return _Names(by_skeleton, tuple(sorted({len(k) for k in by_skeleton}, reverse=True)))


def _letters(text: str) -> tuple[str, list[int]]:
    """``text``'s skeleton and, for each of its letters, the index of the letter in ``text``."""
    from pipeline.ocr_edits import CLASS
    from pipeline.thai_chars import SARA_AA, SARA_AM

    out, where = [], []
    for i, c in enumerate(text):
        if c in MARK_SET:
            continue
        c = SARA_AA if c == SARA_AM else c
        out.append(CLASS.get(c, c))
        where.append(i)
    return "".join(out), where


def _is_thai_letter(c: str) -> bool:
    return "\u0e01" <= c <= "\u0e4e" and c not in MARK_SET


def _matches(text: str, repairs: bool) -> list[tuple[int, int, str]]:
    """Known names in ``text`` by their skeleton, longest first at each letter, without overlaps: those OCR
    damaged within the edit budget (``repairs``) or those printed right (not ``repairs``)."""
    from pipeline.ocr_edits import edit_units

    names = _names()
    skel, where = _letters(text)
    found: list[tuple[int, int, str]] = []
    k = 0
    while k < len(skel):
        for n in names.lengths:
            name = names.by_skeleton.get(skel[k:k + n]) if k + n <= len(skel) else None
            if name is None:
                continue
            start, end = where[k], where[k + n - 1] + 1
            while end < len(text) and text[end] in MARK_SET:
                end += 1  # the last letter's marks
            printed = text[start:end]
            if " " in printed or "\n" in printed:
                continue
            if printed == name and repairs:
                break  # printed right; a longer name may still begin inside it (นายอำเภอ | อำเภอเมืองพัทลุง)
            if printed == name or (repairs and edit_units(printed, name) <= len(name) // EDIT_SHARE):
                found.append((start, end, name))
                k += n - 1
            break
        k += 1
    return found


def office_name_repairs(text: str) -> list[tuple[int, int, str]]:
    """The names ``repair_office_names`` puts back: ``(start, end, name)``, offsets in ``text``, in order."""
    return _matches(text, repairs=True)


def printed_names(text: str) -> list[tuple[int, int, str]]:
    """The known names printed whole and right in ``text``: ``(start, end, name)``, in order.

    >>> printed_names("ด้วยเทศบาลเมืองพิจิตรขอส่งเอกสาร")
    [(4, 21, 'เทศบาลเมืองพิจิตร')]
    """
    return _matches(text, repairs=False)


def repair_office_names(text: str) -> str:
    """``text`` with every office name OCR damaged put back (see the module docstring)."""
    out, pos = [], 0
    for start, end, name in office_name_repairs(text):
        out.append(text[pos:start] + name)
        pos = end
    return "".join(out) + text[pos:]
