"""Handwritten minutes (เกษียณหนังสือ) at a letter's foot: where they begin, so that they stay out of
the letter's own fields (its date, its citations, its dates).

Whoever receives a letter writes on it, under the signature or in the margins: an address and an
instruction (``เรียน ผอ.กอง`` / ``๑. เพื่อโปรดทราบ`` / ``มอบ งานสารบรรณ ดำเนินการ``), a signature,
a printed name and a short date (``๒ ก.ย. ๖๕``). None of it is the letter's.

>>> from extractors.lines import split_lines
>>> lines = split_lines("จึงเรียนมาเพื่อโปรดพิจารณา\\n   (นายวัลลภ ทาทอง)\\n   อาจารย์หัวหน้าโครงการ\\n"
...                     "เรียน รองอธิการบดี\\n๑. เพื่อโปรดพิจารณา\\n๒ ก.ย. ๖๕")
>>> minutes_start(lines)
3
"""

from __future__ import annotations

from extractors.lines import Line
from extractors.signature import body_end, is_minute, name_line


def minutes_start(lines: list[Line]) -> int | None:
    """The index of the first line of handwritten minutes after the letter's signature, or ``None``.

    They begin after the signer's name (or, where it cannot be read, after the body's end) with a line
    in the form of a minute (``signature.MINUTES``: เรียน …, ทราบ, มอบ, ดำเนินการ, เพื่อโปรด…).
    """
    start = name_line(lines)
    if start is None:
        start = body_end(lines)
    if start is None:
        return None
    return next((i for i in range(start + 1, len(lines)) if is_minute(lines[i].text)), None)

