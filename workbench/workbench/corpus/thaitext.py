"""Thai surface forms for the corpus: digits, dates, reference numbers, line wrapping.

>>> fmt_date(dt.date(2019, 5, 26), thai=True)
'๒๖ พฤษภาคม ๒๕๖๒'
>>> fmt_date(dt.date(2005, 9, 15), thai=False, abbr=True, yy=True)
'15 ก.ย. 48'
>>> RefNo("อท", "0017.2", 2055, True).text(True, spaced_slash=True)
'อท ๐๐๑๗.๒ / ว ๒๐๕๕'
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.thai_chars import to_arabic, to_thai

MONTHS = ("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน",
          "ตุลาคม", "พฤศจิกายน", "ธันวาคม")
MONTHS_ABBR = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.")


def digits(text: str, thai: bool) -> str:
    """Write every digit of *text* in Thai (``๒๕๖๒``) or Arabic (``2562``) form."""
    return to_thai(text) if thai else to_arabic(text)


def fmt_date(d: dt.date, thai: bool, abbr: bool = False, be: bool = False, yy: bool = False) -> str:
    """A Gregorian date as a Thai letter prints it: ``๑๕ สิงหาคม พ.ศ. ๒๕๖๐``, ``15 ส.ค. 60``."""
    year = d.year + 543
    year_text = f"{year % 100:02d}" if yy else str(year)
    month = MONTHS_ABBR[d.month - 1] if abbr else MONTHS[d.month - 1]
    era = "พ.ศ. " if be else ""
    return digits(f"{d.day} {month} {era}{year_text}", thai)


def phone(rng, thai: bool) -> str:
    """A plausible Thai phone number: ``๐-๓๕๖๑-๔๙๑๒``, ``0 2241 9000``, ``๐๘-๙๙๐๐-๑๒๒๑``."""
    rest = "".join(str(rng.randint(0, 9)) for _ in range(8))
    if rng.random() < 0.2:
        text = f"0{rng.choice('689')}-{rest[:4]}-{rest[4:]}"
    else:
        sep = rng.choice(("-", " ", "-"))
        body = rng.choice(("2", "35", "53", "43", "74", "38")) + rest
        text = f"0{sep}{body[:4]}{sep}{body[4:8]}"
    return digits(text, thai)


@dataclass(frozen=True, slots=True)
class RefNo:
    """A reference number; ``canonical`` is the CONTRACT form (``อท 0017.2/ว 2055``, ``123/2562``)."""

    agency: str
    unit: str
    serial: int
    circular: bool
    year: int | None = None  # B.E. year of an order number

    @property
    def canonical(self) -> str:
        if self.year is not None:
            return f"{self.serial}/{self.year}"
        head = f"{self.agency} {self.unit}".strip()
        tail = f"ว {self.serial}" if self.circular else str(self.serial)
        return f"{head}/{tail}" if head else tail

    def text(self, thai: bool, spaced_slash: bool = False, stray_space: bool = False,
             w_style: str = "ว ") -> str:
        """The number as printed; *w_style* is ``"ว "``, ``"ว"`` or ``"ว."``."""
        if self.year is not None:
            return digits(f"{self.serial}/{self.year}", thai)
        slash = " / " if spaced_slash else (" /" if stray_space else "/")
        tail = f"{w_style}{self.serial}" if self.circular else str(self.serial)
        head = f"{self.agency} {self.unit}".strip()
        return digits(f"{head}{slash}{tail}" if head else tail, thai)


def random_ref_text(rng, ref: RefNo, thai: bool) -> str:
    """Print *ref* with one of the variants seen in real archives."""
    roll = rng.random()
    w_style = rng.choice(("ว ", "ว ", "ว ", "ว", "ว.", "ว. "))
    return ref.text(thai, spaced_slash=0.8 < roll < 0.9, stray_space=roll >= 0.93, w_style=w_style)


@lru_cache(maxsize=1)
def _tokenizer():
    from pythainlp.tokenize import word_tokenize

    return word_tokenize


_ATOM = re.compile(r"\x01(.*?)\x02")


def atom(text: str) -> str:
    """Mark *text* as unbreakable for :func:`wrap` (a date or a reference number)."""
    return f"\x01{text}\x02"


def strip_atoms(text: str) -> str:
    return text.replace("\x01", "").replace("\x02", "")


def tokens(text: str) -> list[str]:
    """Thai words, spaces and atoms of *text*, in order."""
    out: list[str] = []
    pos = 0
    for m in _ATOM.finditer(text):
        if m.start() > pos:
            out.extend(_tokenizer()(text[pos:m.start()], engine="newmm"))
        out.append(m.group(1))
        pos = m.end()
    if pos < len(text):
        out.extend(_tokenizer()(text[pos:], engine="newmm"))
    return out


def wrap(text: str, width: int, first_width: int | None = None) -> list[str]:
    """Break *text* into lines at word boundaries; a break at a space drops the space.

    >>> wrap("การปรับปรุงหลักเกณฑ์และแนวทาง ปฏิบัติ", 20)
    ['การปรับปรุงหลักเกณฑ์', 'และแนวทาง ปฏิบัติ']
    """
    lines: list[str] = []
    line = ""
    limit = first_width or width
    for tok in tokens(text):
        if line and len(line) + len(tok) > limit and not tok.isspace():
            lines.append(line.rstrip(" "))
            line, limit = "", width
        if not (tok.isspace() and not line):
            line += tok
    if line.strip():
        lines.append(line.rstrip(" "))
    return lines
