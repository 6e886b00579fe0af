"""A stamped letter's office read in part from its stamp, and named whole in the letter's own text.

A หนังสือประทับตรา is signed by its office's stamp over the name (``เทศบาลเมืองพิจิตร``), and a scan of the
stamp's ink comes back in pieces: ``ศบาลเมอง)»#``, ``เทศบาลเมืองพิ 259``, ``หาวทยาลัย เชียงให``. Its text
names the office whole where the office acts (``ด้วยเทศบาลเมืองพิจิตรขอส่งเอกสาร…``). The whole name is
taken when it is the only office named in the body that every piece read from the stamp belongs to, and
those pieces cover at least half its letters: each line's pieces stand in it in their order, marks aside
and look-alikes as one (``spell.skeleton``; a ghost line of the stamp is a line of its own). Anything else
stays as read (and damage makes it empty, as before).

>>> from extractors.lines import split_lines
>>> lines = split_lines("ถึง   ผู้ว่าราชการจังหวัดพิจิตร\\n         ด้วยเทศบาลเมืองพิจิตรขอส่งเอกสาร\\n"
...                     "                                        ศบาลเมอง)»#\\n")
>>> office_named_in_text("ศบาลเมอง)»#", lines, 2).value
'เทศบาลเมืองพิจิตร'

Only for OCR text of stamped letters: a text layer's stamp line is what was typed.
"""

from __future__ import annotations

import re

from extractors.lines import Line
from pipeline.models import Field, Span

MIN_COVER = 0.5  # of the name's letters the stamp's pieces must cover
PIECE = re.compile(r"[ก-๎]{3,}")  # a piece of Thai read from the stamp
OFFICE_START = re.compile(r"(?:กรม|กอง|สำนัก|มหาวิทยาลัย|เทศบาล|จังหวัด|องค์การ|ศาลากลาง|ตำรวจ|อำเภอ|ที่ว่าการ)")


def office_named_in_text(reading: str, lines: list[Line], stop: int) -> Field | None:
    """The office whose stamp was read as ``reading`` (the stamp's lines as OCR gave them, breaks kept: a ghost
    line's piece stays a piece of its own), named whole in ``lines`` above line ``stop`` (the stamp's first line),
    below the salutation; ``None`` when no single office fits (see the module docstring).
    """
    from extractors.patterns import SALUTATION
    from pipeline.ocr.repair.office_names import printed_names
    from pipeline.ocr_edits import skeleton

    rows = [[skeleton(p) for p in PIECE.findall(row)] for row in reading.split("\n")]
    pieces = [p for row in rows for p in row]
    if not pieces or _complete(reading):
        return None
    first = next((i + 1 for i, line in enumerate(lines[:stop]) if SALUTATION.match(line.text)), 0)
    found: dict[str, Span] = {}
    for line in lines[first:stop]:
        for start, end, name in printed_names(line.text):
            whole = skeleton(name)
            if OFFICE_START.match(name) and all(_fits(row, whole) for row in rows) and (
                    sum(map(len, pieces)) >= MIN_COVER * len(whole)):
                found.setdefault(name, Span(line.start + start, line.start + end))
    if len(found) != 1:
        return None
    (name, span), = found.items()
    return Field(name, span)


def _fits(pieces: list[str], whole: str) -> bool:
    """Do a stamp line's ``pieces`` stand in the name's skeleton ``whole`` in their order, apart (``ศบาลเมอง``
    in ``เทศบาลเมองพจตร``; not ``สำนักงานเขต…นครสวรรค`` then ``เขต``: a name read whole, and more after it)?"""
    at = 0
    for piece in pieces:
        found = whole.find(piece, at)
        if found < 0:
            return False
        at = found + len(piece)
    return True


def _complete(reading: str) -> bool:
    """Is ``reading`` one known office's whole name, printed right (not a kind alone: ``สำนักงานสาธารณสุขจังหวัด``
    wants its province)?"""
    from pipeline.ocr.repair.office_names import OFFICE_KINDS, printed_names

    value = re.sub(r"\s+", "", reading)
    names = printed_names(value)
    return len(names) == 1 and names[0][:2] == (0, len(value)) and value not in OFFICE_KINDS
