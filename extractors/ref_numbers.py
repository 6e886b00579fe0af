"""Reference numbers (เลขที่หนังสือ) -> canonical ``RefNo``.

``parse_ref("อท ๐๐๑๗.๒ / ว ๒๐๕๕").canonical == "อท 0017.2/ว 2055"``
``parse_ref("ศธ 04349/ว3694").canonical == "ศธ 04349/ว 3694"``
``parse_ref("๑๒๓/๒๕๖๙").canonical == "123/2569"`` (an order: running number / B.E. year)
"""

from __future__ import annotations

import csv
import re
from functools import cache
from importlib import resources

from extractors.patterns import REF_AGENCY, REF_BLANK, REF_ORDER, REF_SHORT, arabic
from pipeline.models import RefNo, Span

_SPACES = re.compile(r"\s+")


@cache
def agency_table() -> dict[str, dict[str, str]]:
    """``agency_table()["อท"]["name_th"] == "อ่างทอง"`` (rows of tables/agency_codes.csv)."""
    with resources.files("extractors").joinpath("tables/agency_codes.csv").open(encoding="utf-8") as fh:
        return {row["code"]: row for row in csv.DictReader(fh)}


def agency_name(code: str) -> str:
    """Official name for a letter code: ``agency_name("อท") == "จังหวัดอ่างทอง"``; '' if unknown."""
    row = agency_table().get(code)
    if row is None:
        return ""
    name = row["name_th"]
    if row["kind"] == "province" and code != "กท":
        return f"จังหวัด{name}"
    return name


def is_known_agency(code: str) -> bool:
    return code in agency_table()


def _from_agency_match(match: re.Match[str], offset: int) -> RefNo:
    unit = _SPACES.sub("", arabic(match["unit"]))
    serial_digits = arabic(match["serial"])
    suffix = match["suffix"] or ""
    court = match["court"] or ""
    padded = len(serial_digits) > 1 and serial_digits.startswith("0")  # "/๐๑๗๔" is kept as printed: "/0174"
    serial_text = f"{serial_digits if padded else int(serial_digits)}{suffix}" if suffix or padded else ""
    if court:  # "(ค)อ 5419": the court's part stays in the canonical form
        serial_text = f"{court} {serial_text or int(serial_digits)}"
    return RefNo(
        agency=match["agency"],
        unit=unit,
        serial=int(serial_digits),
        circular=bool(match["circ"]),
        text=_SPACES.sub(" ", match.group(0).strip()),  # a number wrapped over two lines prints as one
        span=Span(match.start() + offset, match.end() + offset),
        serial_text=serial_text,
    )


def _from_order_match(match: re.Match[str], offset: int) -> RefNo:
    return RefNo(
        agency="",
        unit="",
        serial=int(arabic(match["serial"])),
        circular=False,
        text=match.group(0).strip(),
        span=Span(match.start() + offset, match.end() + offset),
        year=int(arabic(match["year"])),
    )


def parse_ref(text: str, offset: int = 0, allow_order: bool = True, allow_short: bool = False,
              allow_blank: bool = False) -> RefNo | None:
    """The reference number at the start of ``text`` (after optional spaces), or ``None``.

    Tries the agency form first (``มท ๐๘๐๕.๒/ว ๓๔๘๒``), then an order number (``๑๒๓/๒๕๖๙``),
    then, when ``allow_short``, the bare circular form of short citations (``ว 10``), and when
    ``allow_blank`` a draft's number with the serial left blank (``นว ๕๒๐๐๗.๓/``: serial None).
    """
    stripped = len(text) - len(text.lstrip())
    head = text[stripped:]
    match = REF_AGENCY.match(head)
    if match:
        return _from_agency_match(match, offset + stripped)
    if allow_order:
        match = REF_ORDER.match(head)
        if match and 2400 <= int(arabic(match["year"])) <= 2700:
            return _from_order_match(match, offset + stripped)
    if allow_blank and (match := REF_BLANK.match(head)):
        span = Span(match.start() + offset + stripped, match.end() + offset + stripped)
        return RefNo(match["agency"], _SPACES.sub("", arabic(match["unit"])), None, bool(match["circ"]),
                     _SPACES.sub(" ", match.group(0).strip()), span)
    if allow_short:
        match = REF_SHORT.match(head)
        if match:
            return RefNo(
                agency="",
                unit="",
                serial=int(arabic(match["serial"])),
                circular=True,
                text=match.group(0).strip(),
                span=Span(match.start() + offset + stripped, match.end() + offset + stripped),
            )
    return None


def find_refs(text: str, offset: int = 0) -> list[RefNo]:
    """Every agency-form reference number in ``text`` (orders' ``123/2562`` are too ambiguous here)."""
    return [_from_agency_match(m, offset) for m in REF_AGENCY.finditer(text)]
