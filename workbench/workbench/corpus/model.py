"""Values of the corpus generator: issuing offices, letter plans, printed blocks, truths.

A letter is planned (``LetterPlan``: who, when, which number), then composed into printed
``Block``s and its truth dict (``LetterTruth``).  Example plan: an external letter of
``จังหวัดอ่างทอง`` numbered ``อท 0017.2/ว 2056``, dated 2019-05-21, printed in Thai digits.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from workbench.corpus.thaitext import RefNo

DOC_TYPES = ("memo", "external", "stamped", "order", "regulation", "announcement")


@dataclass(frozen=True, slots=True)
class Office:
    """An issuing office, e.g. ``จังหวัดอ่างทอง`` / ``สำนักงานจังหวัดอ่างทอง`` with code ``อท``."""

    code: str  # agency code printed in ที่, e.g. อท, มท
    agency_name: str  # the code's name from agency_codes.csv (จังหวัดอ่างทอง, กระทรวงมหาดไทย)
    org: str  # the organisation as printed after คำสั่ง/ประกาศ/หนังสือ (จังหวัดอ่างทอง, กรมการปกครอง)
    unit_name: str  # e.g. สำนักงานจังหวัดอ่างทอง, กองคลัง
    divisions: tuple[str, ...]
    unit_codes: tuple[str, ...]
    address: tuple[str, ...]
    head: str  # head position, e.g. ผู้ว่าราชการจังหวัดอ่างทอง
    deputies: tuple[str, ...]
    province: str  # province name used in placeholders (อ่างทอง)
    kind: str  # province | central | area


@dataclass(frozen=True, slots=True)
class Person:
    title: str  # นาย, ผศ.ดร., พล.ต.อ.
    name: str  # given name and surname: ประมวล มุ่งมาตร


@dataclass(frozen=True, slots=True)
class LetterPlan:
    """What is decided before the text is written (number, date, issuer, thread)."""

    idx: int
    doc_type: str
    office: Office
    ref: RefNo | None
    date: dt.date
    thai: bool  # Thai digits (most letters) or Arabic
    subject: str
    thread: int = -1
    urgency: str = ""
    secrecy: str = ""
    cites: tuple[int, ...] = ()  # idx of earlier corpus letters this one cites


@dataclass(frozen=True, slots=True)
class Block:
    """One printed block.  *kind* selects the layout; *lines* are hard line breaks.

    kinds: top, title, field (label + lines), refdate (memo ที่ … วันที่ …), left, right, center,
    para, items (label + numbered lines), sig, contact, rule.
    """

    kind: str
    lines: tuple[str, ...]
    label: str = ""
    extra: str = ""  # refdate: the date part; field: dotted-leader style flag "dots"


@dataclass(frozen=True, slots=True)
class LetterTruth:
    """A composed letter: its printed blocks and its truth row (CONTRACT.md keys)."""

    plan: LetterPlan
    blocks: tuple[Block, ...]
    truth: dict = field(hash=False, compare=True)

    @property
    def key(self) -> str:
        return f"{self.truth['file']}#{self.truth['segment_index']}"
