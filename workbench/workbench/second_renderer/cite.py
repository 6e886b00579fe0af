"""Numbers and citations as letters print them.

>>> import random
>>> ref = RefNo("มท", "0810.5", 1234, True)
>>> printed_ref(ref, "thai", random.Random(1))
'มท ๐๘๑๐.๕/ว ๑๒๓๔'
>>> printed_ref(RefNo("", "", 45, False, year=2565), "arabic", random.Random(1))
'45/2565'
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from workbench.second_renderer.model import RefNo
from workbench.second_renderer.thai import date_text, digits

# spacing of printed numbers seen in real letters (rules §1.3), with weights
_SHAPES = (("{a} {u}/{c}{s}", 60), ("{a} {u}/{c0}{s}", 14), ("{a} {u} /{c}{s}", 8), ("{a} {u}/ {c}{s}", 7),
           ("{a} {u}/{cd}{s}", 6), ("{a}.{u}/{c}{s}", 2), ("{a}{u}/{c}{s}", 3))


def printed_ref(ref: RefNo, style: str, rng: random.Random, plain: bool = False) -> str:
    """The number as printed in ``style`` digits; ``plain`` keeps the usual spacing."""
    if ref.year is not None:
        return digits(f"{ref.serial}/{ref.year}", style)
    shape = _SHAPES[0][0] if plain else rng.choices([s for s, _ in _SHAPES], [w for _, w in _SHAPES])[0]
    circ = ref.circular
    text = shape.format(a=ref.agency, u=ref.unit, c="ว " if circ else "", c0="ว" if circ else "",
                        cd="ว." if circ else "", s=ref.serial)
    return digits(text, style)


@dataclass(frozen=True, slots=True)
class Cited:
    """What a citation needs of the cited letter: ``Cited("หนังสือ", "กรมบัญชีกลาง", ref, date, "…", None)``."""

    noun: str  # หนังสือ | บันทึกข้อความ | คำสั่ง
    issuer: str
    ref: RefNo
    date: dt.date
    subject: str
    target: str | None  # truth key when the cited letter is in the corpus


def citation_text(c: Cited, style: str, rng: random.Random, urgent: bool = False) -> tuple[str, str]:
    """``(printed citation, form)``; forms: ``full`` (ที่ … ลงวันที่ …), ``lw`` (ลว. with an abbreviated
    month, often a 2-digit year), ``short`` (only ``ว ๑๐ ลว. …``, circulars only).

    ``หนังสือกรมบัญชีกลาง ด่วนที่สุด ที่ กค ๐๔๐๕.๒/ว ๑๒๓ ลงวันที่ ๓ มีนาคม ๒๕๖๖``"""
    form = rng.choices(("full", "lw", "short"), (70, 25, 5 if c.ref.circular and c.ref.year is None else 0))[0]
    speed = " ด่วนที่สุด" if urgent else ""
    if form == "short":
        when = date_text(c.date, "abbr", style, short_year=True)
        return digits(f"{c.noun}{c.issuer} ว {c.ref.serial} ลว. ", style) + when, form
    number = printed_ref(c.ref, style, rng)
    if form == "lw":
        when = date_text(c.date, "abbr", style, short_year=rng.random() < 0.5)
        return f"{c.noun}{c.issuer}{speed} ที่ {number} ลว. {when}", form
    when = date_text(c.date, rng.choices(("full", "abbr"), (85, 15))[0], style)
    return f"{c.noun}{c.issuer}{speed} ที่ {number} ลงวันที่ {when}", form


def canonical_cited(c: Cited, form: str) -> str:
    """The truth's ref_no of a citation: ``ว 10`` for the short form (schema.md)."""
    return f"ว {c.ref.serial}" if form == "short" else c.ref.canonical
