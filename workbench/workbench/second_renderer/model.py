"""Values of a composed letter: what is printed, and the truth that goes with it.

Every value is frozen; a letter is composed once and then only rendered. Example of a number:

>>> RefNo("มท", "0810.5", 1234, True).canonical
'มท 0810.5/ว 1234'
>>> RefNo("", "", 123, False, year=2566).canonical
'123/2566'
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class RefNo:
    """A letter's number (ที่): agency code, owner code with sub-units, running number, ว for circulars;
    an order's number has only a running number and a B.E. year (``ที่ ๑๒๓/๒๕๖๖``)."""

    agency: str
    unit: str
    serial: int
    circular: bool
    year: int | None = None

    @property
    def canonical(self) -> str:
        if self.year is not None:
            return f"{self.serial}/{self.year}"
        tail = f"ว {self.serial}" if self.circular else str(self.serial)
        return f"{self.agency} {self.unit}/{tail}"


@dataclass(frozen=True, slots=True)
class Printed:
    """A date and the text printed for it: ``Printed(date(2023, 1, 12), "๑๒ มกราคม ๒๕๖๖")``."""

    date: dt.date
    text: str

    @property
    def iso(self) -> str:
        return self.date.isoformat()


@dataclass(frozen=True, slots=True)
class Citation:
    """A cited letter: ``หนังสือกรมบัญชีกลาง ที่ กค ๐๔๐๕.๒/ว ๑๒๓ ลงวันที่ ๓ มีนาคม ๒๕๖๖``.

    ``ref_no`` is canonical (``None`` when only a date is printed); ``target`` the truth key
    (``"sr_0004#0"``) of the cited letter when it is in the corpus."""

    ref_no: str | None
    cited: dt.date | None
    target: str | None
    where: str  # header | body


@dataclass(frozen=True, slots=True)
class Attachment:
    """``สิ่งที่ส่งมาด้วย ๑. แบบตอบรับการเข้าร่วมประชุม จำนวน ๑ ฉบับ`` -> description, 1, ฉบับ."""

    description: str
    quantity: int | None
    unit: str | None


@dataclass(frozen=True, slots=True)
class Signer:
    """``(นางสาวพิมพ์ชนก ศรีสุข)`` / ``รองผู้ว่าราชการจังหวัด ปฏิบัติราชการแทน`` / ``ผู้ว่าราชการจังหวัดน่าน``.

    ``lines`` are the printed lines under the name; the truth fields are kept apart."""

    title: str
    name: str
    position: str
    acting: str | None
    acting_for: str | None
    lines: tuple[str, ...]

    @property
    def name_line(self) -> str:
        return f"({self.title}{self.name})"


@dataclass(frozen=True, slots=True)
class Para:
    """One printed paragraph, its role in the page layout and its text.

    Kinds: ``emblem`` (Garuda, centred), ``memo_head`` (small Garuda + บันทึกข้อความ), ``stamp`` (urgency or
    secrecy, red), ``pair`` (``left`` at the margin, ``right`` at the right column), ``right`` (a line of
    the right column), ``date`` (the external letter's date line), ``field`` (``label`` + text with a
    hanging indent: เรื่อง, เรียน, อ้างถึง), ``item`` (a further item under a field's text), ``body``,
    ``plain``, ``centre``, ``sig`` (the signature column), ``gap`` (room for a signature), ``blank``,
    ``break`` (next letter on a new page). ``hand`` is printed after ``left`` in a hand-like blue."""

    kind: str
    text: str = ""
    left: str = ""
    right: str = ""
    label: str = ""
    hand: str = ""
    bold: bool = False
    big: bool = False


@dataclass(frozen=True, slots=True)
class Letter:
    """A composed letter: its printed paragraphs and its truth (the scorer's fields)."""

    key: str  # "<file stem>#<segment index>"
    kind: str  # memo, external, stamped, order, announcement, regulation
    paras: tuple[Para, ...]
    truth: dict = field(hash=False, compare=False)
