"""A scanned reference number whose serial cannot be trusted: keep the printed part, say why.

Offices print ``ที่ ศธ ๐๔๐๒๕/`` and write the running number by hand, often in blue. OCR then reads
the printed prefix well and the serial as specks (``ที่ ศธ ๐๔๐๒๕/ :``) or as digits glued to
strokes (``/๓๔5ฟู้``): a confident number from that would be a wrong one. ``uncertain_ref`` finds such
a line and gives the printed part only (serial ``None``), for a ``serial_uncertain`` problem.

>>> from extractors.lines import split_lines
>>> i, ref, why = uncertain_ref(split_lines("ที่ ศธ ๐๔๐๒๕/ :            สำนักงานเขตพื้นที่การศึกษา\\nเรื่อง ขอเชิญ"))
>>> (i, ref.canonical, why)
(0, 'ศธ 04025/', "what follows the printed 'ศธ ๐๔๐๒๕/' is no number: ':'")
>>> uncertain_ref(split_lines("ที่ ชม 0035.3 /ว๐                    ศาลากลางจังหวัดเชียงใหม่"))[1].canonical
'ชม 0035.3/ว '

Only for text read by OCR: in a text layer the characters are what was typed.
"""

from __future__ import annotations

import re

from extractors.lines import Line
from extractors.patterns import AGENCY, CIRCULAR, LINE_REF, SALUTATION, UNIT, WS, arabic
from pipeline.models import RefNo, Span

# the printed part: "ศธ ๐๔๐๒๕/", "มท ๐๘๐๕.๒/ว" (not the ว of a "วันที่" beside it)
PREFIX = re.compile(rf"(?<![ก-๙]){AGENCY}{WS}{UNIT}{WS}/[ \t]{{0,2}}(?:{CIRCULAR}(?![\u0e01-\u0e4e])[ \t]{{0,2}})?")
CLEAN = re.compile(r"[0-9๐-๙]{1,7}(?:[ก-ฮ](?![ก-๙]))?[.,;:)]?")  # "๓๔๕๘", "123ก", "๐๑๗๔,"
GLUED_DATE_WORD = re.compile("ว\u0e31?น\u0e17\u0e35?\u0e48?.*$")
HEADER_LINES = 12


def _why(prefix: str, rest: str) -> str:
    """Why ``rest`` (what stands after the printed prefix) is no trustworthy serial; '' when it is one."""
    rest = GLUED_DATE_WORD.sub("", rest)  # a memo's "…/ว.๒๑๓๒วันที่": the date word glued to the number
    if re.fullmatch(r"[0๐]+[.,;:)]?", rest):
        return f"the number after the printed {prefix!r} reads {rest!r}: no serial is zero (a lost number's speck)"
    if not rest:
        return (f"no serial can be read after the printed {prefix!r}: a number written by hand the scan lost, "
                "or a draft's blank")
    if CLEAN.fullmatch(rest):
        return ""  # a clean number
    digits = re.match(r"[0-9๐-๙]+", rest)
    if digits:
        return f"the number after the printed {prefix!r} runs into marks: {rest!r}"
    return f"what follows the printed {prefix!r} is no number: {rest!r}"


def uncertain_ref(lines: list[Line]) -> tuple[int, RefNo, str] | None:
    """The header's ``ที่ …/`` line whose serial is specks or glued to strokes: (line index, the printed
    part as a ``RefNo`` with serial ``None``, the reason), or ``None`` when the serial is clean or blank."""
    salutation = next((i for i, line in enumerate(lines) if SALUTATION.match(line.text)), HEADER_LINES)
    for i, line in enumerate(lines[: min(salutation, HEADER_LINES)]):
        head = LINE_REF.match(line.text)
        if not head:
            continue
        at = head.end() + len(line.text[head.end():]) - len(line.text[head.end():].lstrip())
        match = PREFIX.match(line.text, at)
        if not match:
            continue
        after = line.text[match.end():]
        # the serial's token ("๓๔๕๘", ":", "๓๔5ฟู้"); after a wide gap it is the next column's text: blank
        rest = "" if after[:1].isspace() else (after.split() or [""])[0]
        why = _why(match.group(0).strip(), rest)
        if not why:
            return None
        unit = re.sub(r"[ \t]+", "", arabic(match["unit"]))
        printed = re.sub(r"[ \t]+", " ", match.group(0).strip())
        span = Span(line.start + match.start(), line.start + match.end())
        return i, RefNo(match["agency"], unit, None, bool(match["circ"]), printed, span), why
    return None
