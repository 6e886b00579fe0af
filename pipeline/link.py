"""Resolve citations against everything ingested in one run, conservatively, saying how sure.

Statuses: ``resolved`` (number and date agree with exactly one letter), ``probable`` (one candidate
through a tolerant rule: an OCR-confusable serial, an agency code or suffix misread where unit,
serial, day and issuer agree, the one letter of the unit that day whose serial was unreadable, the one
letter of the named issuer that day with no number read, a short ``ว 10 ลว. …`` form, issuer + date, the
same number and day with the month's marks lost, ``ม.ค.`` for ``มี.ค.``), ``ambiguous`` (two or more
candidates: all listed, none chosen), ``not_in_corpus``. Any other date that disagrees never links. Resolvers are tried in order; the first that finds any
candidate decides (``RESOLVERS`` is the plug-in point).

>>> # cited "อท 0017.2/ว 2930" of 2017-08-15; the corpus holds "อท 0017.2/ว 2530" of that day
>>> # -> probable, score 0.85 (๕/๙ is a known OCR confusion)
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from pipeline.confusions import pairs
from pipeline.models import Citation, Link, Record

# digit pairs Tesseract confuses in Thai fonts (the digit rows of ocr_confusions.csv: ๕/๙, ๒/๖, ๓/๗, …),
# in Arabic digits as canonical serials hold them
OCR_CONFUSIONS = pairs("digit", arabic=True)
LETTER_CONFUSIONS = pairs("letter")  # the letters of agency codes Tesseract takes for one another: ส/ศ, ธ/ร, …
SCORE_EXACT = 1.0
SCORE_EXACT_NO_DATE = 0.8
SCORE_OCR_PAIR = 0.85
SCORE_ONE_DIGIT = 0.7
SCORE_SHORT_FORM = 0.75
SCORE_ISSUER_DATE = 0.6
SCORE_MISREAD = 0.7
SCORE_SERIAL_UNREAD = 0.5
SCORE_MONTH_MARK_LOST = 0.6
NUMBERED_KINDS = frozenset({"memo", "external", "stamped"})  # an announcement or a regulation has no ที่ number


@dataclass(frozen=True, slots=True)
class Target:
    """What the index knows of one ingested letter."""

    doc_id: str
    ref: str  # canonical, as matching compares it (``RefNo.key``)
    agency: str
    unit: str
    serial: int | None
    circular: bool
    date: dt.date | None
    names: tuple[str, ...]  # issuer and agency name, for issuer matching
    numbered: bool = False  # a kind printed with a ที่ number (memo, external, stamped): one without was not read


class CorpusIndex:
    """Lookup tables over the ingested letters."""

    def __init__(self, records: Iterable[Record]) -> None:
        self.targets: list[Target] = []
        self.by_ref: dict[str, list[Target]] = defaultdict(list)
        # (agency, unit, day): the OCR-tolerant rule needs all three, and one office's unit may hold
        # thousands of letters (a scan over them all for each citation was quadratic)
        self.by_unit_day: dict[tuple[str, str, dt.date | None], list[Target]] = defaultdict(list)
        self.by_date: dict[dt.date, list[Target]] = defaultdict(list)
        for record in records:
            self.add(record)

    def add(self, record: Record) -> None:
        from extractors.ref_numbers import agency_name

        ref = record.ref_no
        names = tuple(n for n in (record.issuer.value, agency_name(ref.agency) if ref else "") if n)
        target = Target(
            record.doc_id,
            ref.key if ref else "",
            ref.agency if ref else "",
            ref.unit if ref else "",
            ref.serial if ref else None,
            ref.circular if ref else False,
            record.doc_date.date if record.doc_date else None,
            names,
            record.doc_type in NUMBERED_KINDS,
        )
        self.targets.append(target)
        if target.ref:
            self.by_ref[target.ref].append(target)
            self.by_unit_day[(target.agency, target.unit, target.date)].append(target)
        if target.date:
            self.by_date[target.date].append(target)


def _date_agrees(citation: Citation, target: Target) -> bool:
    return citation.date is None or target.date is None or citation.date.date == target.date


def _decide(candidates: list[Target], score: float, reason: str) -> Link | None:
    unique = {t.doc_id: t for t in candidates}
    if not unique:
        return None
    if len(unique) == 1:
        only = next(iter(unique))
        return Link("resolved" if score >= SCORE_EXACT else "probable", only, score, (only,), reason)
    return Link("ambiguous", "", 0.0, tuple(sorted(unique)), reason)


def exact(citation: Citation, index: CorpusIndex) -> Link | None:
    """Same canonical number; the date, when both sides give one, must be the same day."""
    if citation.ref_no is None or not citation.ref_no.agency and citation.ref_no.year is None:
        return None
    same = [t for t in index.by_ref.get(citation.ref_no.key, []) if _date_agrees(citation, t)]
    dated = citation.date is not None and all(t.date is not None for t in same)
    return _decide(same, SCORE_EXACT if dated else SCORE_EXACT_NO_DATE, "same number")


def month_mark_lost(citation: Citation, index: CorpusIndex) -> Link | None:
    """Same canonical number, same day and year, and the cited month's abbreviation one the target's
    month becomes when OCR loses its marks: ``๙ ม.ค. ๖๔`` cited, the letter dated ``๙ มี.ค. ๖๔`` (``มี.ค.``
    read without its ``ี``). The day and the number must agree; any other date that disagrees never links.

    >>> _months_alike("ม.ค.", 3), _months_alike("ม.ค.", 1), _months_alike("มกราคม", 3)
    (True, False, False)
    """
    from extractors.patterns import DATE

    if citation.ref_no is None or citation.date is None or not citation.ref_no.agency:
        return None
    printed = DATE.match(citation.date.text)
    if printed is None:
        return None
    cited = citation.date.date
    same = [t for t in index.by_ref.get(citation.ref_no.key, []) if t.date and t.date != cited
            and (t.date.day, t.date.year) == (cited.day, cited.year) and _months_alike(printed["month"], t.date.month)]
    return _decide(same, SCORE_MONTH_MARK_LOST, "same number and day, the month's mark lost")


def _months_alike(token: str, month: int) -> bool:
    """Is the month ``token`` as printed a form of ``month`` with its marks lost (and not ``month``'s own)?"""
    from extractors.patterns import MONTH_NAMES, month_number
    from pipeline.ocr_edits import unmarked

    key = token.replace(" ", "")
    return month_number(key) != month and any(
        unmarked(key) == unmarked(name) for name, number in MONTH_NAMES.items() if number == month)


def serial_distance(a: int, b: int) -> float | None:
    """Score for serials that differ in one digit: an OCR confusion pair scores higher; a digit lost
    or added (``15`` for ``115``) scores as any other digit.

    >>> serial_distance(2930, 2530), serial_distance(2930, 2931), serial_distance(15, 115), serial_distance(15, 1150)
    (0.85, 0.7, 0.7, None)
    """
    from pipeline.edit_distance import levenshtein

    sa, sb = str(a), str(b)
    if sa == sb:
        return None
    if len(sa) != len(sb):
        return SCORE_ONE_DIGIT if levenshtein(sa, sb) == 1 else None
    diffs = [(x, y) for x, y in zip(sa, sb, strict=True) if x != y]
    if len(diffs) != 1:
        return None
    return SCORE_OCR_PAIR if frozenset(diffs[0]) in OCR_CONFUSIONS else SCORE_ONE_DIGIT


def ocr_tolerant(citation: Citation, index: CorpusIndex) -> Link | None:
    """Same agency, unit and day; serial one digit off (๕/๙ and kin score higher). Needs a date."""
    ref = citation.ref_no
    if ref is None or not ref.agency or ref.serial is None or citation.date is None:
        return None
    scored = []
    for target in index.by_unit_day.get((ref.agency, ref.unit, citation.date.date), []):
        if target.date != citation.date.date or target.serial is None or target.circular != ref.circular:
            continue
        score = serial_distance(ref.serial, target.serial)
        if score is not None:
            scored.append((score, target))
    if not scored:
        return None
    return _decide([t for _, t in scored], min(s for s, _ in scored), "serial one digit off, same day")


def _digit_lost(a: str, b: str) -> bool:
    """One unit is the other with one digit dropped (``002.3`` / ``0022.3``), its dot lost with it or not
    (``06025`` / ``0606.25``); another digit in place (``0017.3`` / ``0017.2``) is another office.

    >>> _digit_lost("002.3", "0022.3"), _digit_lost("06025", "0606.25"), _digit_lost("0017.3", "0017.2")
    (True, True, False)
    """
    from pipeline.edit_distance import levenshtein

    bare_a, bare_b = a.replace(".", ""), b.replace(".", "")
    return (abs(len(a) - len(b)) == 1 and levenshtein(a, b) == 1) or (
        abs(len(bare_a) - len(bare_b)) == 1 and levenshtein(bare_a, bare_b) == 1)


def misread_number(citation: Citation, index: CorpusIndex) -> Link | None:
    """OCR damage elsewhere in the number: serial and day agree, and either the agency code agrees
    (a speck read after the serial or a lost ``ว``: ``นร ๑๐๑๑/ว ๔๕๓๘ร``; a unit one digit off:
    ``นน ๐๐๒.๓`` for ``นน ๐๐๒๒.๓``) or the unit agrees and the code was misread: its letters read as
    their look-alikes (``สร ๐๔๒๙๗/๔๖๐๗`` for ``ศธ``), or the citation names the target's issuer
    (``หนังสือจังหวัดนครราชสีมา ที่ บท ๐๐๒๒/๓๙๕๑`` for ``นม``)."""
    ref = citation.ref_no
    if ref is None or not ref.unit or ref.serial is None or citation.date is None:
        return None
    same = [t for t in index.by_date.get(citation.date.date, [])
            if t.serial == ref.serial and (t.unit == ref.unit or t.agency == ref.agency and _digit_lost(t.unit, ref.unit))
            and (t.agency == ref.agency or _look_alike_code(ref.agency, t.agency) or _issuer_matches(citation.issuer, t))]
    return _decide(same, SCORE_MISREAD, "unit, serial and day agree; code, suffix or ว misread")


def serial_unread(citation: Citation, index: CorpusIndex) -> Link | None:
    """The cited letter is held, its serial unreadable on the scan (``ทส ๐๖๑๐.๑/`` and a blank): agency, unit
    and day agree, and it is the only letter held of that unit that day. Probable at a low score, the reason
    said: another letter of the office that day, not held, may be the one cited; when a letter of the unit
    that day with a readable serial is held too, the office sent several, and nothing is linked."""
    ref = citation.ref_no
    if ref is None or not ref.agency or not ref.unit or ref.serial is None or citation.date is None:
        return None
    day = citation.date.date
    office_day = [t for t in index.by_unit_day.get((ref.agency, ref.unit, day), []) if t.date == day]
    if any(t.serial is not None for t in office_day):
        return None  # the office sent other letters that day: the unread one need not be the one cited
    return _decide(office_day, SCORE_SERIAL_UNREAD, "no serial read on the cited letter (blank or unreadable); agency, unit and day agree")


def number_unread(citation: Citation, index: CorpusIndex) -> Link | None:
    """The cited letter is held, no number read on its scan at all: it is the only letter held of that day
    with no number whose issuer the citation names (``หนังสือสำนักงานเขตพื้นที่การศึกษาประถมศึกษาชัยนาท เขต ๑
    ที่ ศธ ๐๔๒๗๙/ว ๑๔๓๐ ลงวันที่ ๒๘ มกราคม ๒๕๖๖``). Probable at a low score; when a letter of that issuer and day
    with a number is held too, the office sent several, and nothing is linked."""
    ref = citation.ref_no
    if ref is None or not ref.agency or citation.date is None or not citation.issuer:
        return None
    same_day = [t for t in index.by_date.get(citation.date.date, []) if _issuer_matches(citation.issuer, t)]
    if any(t.ref for t in same_day):
        return None
    unread = [t for t in same_day if t.numbered]  # a letter whose ที่ number is there but was not read
    return _decide(unread, SCORE_SERIAL_UNREAD, "no number read on the cited letter; issuer and day agree")


def _look_alike_code(cited: str, target: str) -> bool:
    """Is one agency code the other with letters read as their look-alikes (``สร`` for ``ศธ``: ส/ศ, ร/ธ)?

    >>> _look_alike_code("สร", "ศธ"), _look_alike_code("นม", "บท"), _look_alike_code("", "ศธ")
    (True, False, False)
    """
    return (bool(cited) and len(cited) == len(target) and cited != target
            and all(a == b or frozenset((a, b)) in LETTER_CONFUSIONS for a, b in zip(cited, target, strict=True)))


def _issuer_matches(cited: str, target: Target) -> bool:
    cited = cited.replace(" ", "")
    if len(cited) < 4:
        return False
    return any(cited in n.replace(" ", "") or n.replace(" ", "") in cited for n in target.names if len(n) >= 4)


def short_form(citation: Citation, index: CorpusIndex) -> Link | None:
    """``หนังสือสำนักงาน ก.พ. ว 10 ลว. 15 ก.ย. 48``: serial, day and issuer must all agree."""
    ref = citation.ref_no
    if ref is None or ref.agency or ref.year is not None or citation.date is None:
        return None
    same = [t for t in index.by_date.get(citation.date.date, [])
            if t.serial == ref.serial and t.circular == ref.circular and _issuer_matches(citation.issuer, t)]
    return _decide(same, SCORE_SHORT_FORM, "short form: serial, day and issuer")


def issuer_and_date(citation: Citation, index: CorpusIndex) -> Link | None:
    """A letter named only by its issuer and date: ``หนังสือกรมบัญชีกลาง ลงวันที่ ๑ …``."""
    if citation.ref_no is not None or citation.date is None or not citation.issuer:
        return None
    same = [t for t in index.by_date.get(citation.date.date, []) if _issuer_matches(citation.issuer, t)]
    return _decide(same, SCORE_ISSUER_DATE, "issuer and day")


Resolver = Callable[[Citation, CorpusIndex], Link | None]
RESOLVERS: tuple[Resolver, ...] = (exact, month_mark_lost, ocr_tolerant, misread_number, serial_unread, number_unread,
                                   short_form, issuer_and_date)


def resolve(citation: Citation, index: CorpusIndex, resolvers: Iterable[Resolver] = RESOLVERS,
            exclude: str = "") -> Link:
    """The link of one citation; ``exclude`` is the citing letter's own id (a letter never cites itself)."""
    for resolver in resolvers:
        link = resolver(citation, index)
        if link is None:
            continue
        if exclude and exclude in link.candidates:
            rest = tuple(c for c in link.candidates if c != exclude)
            if not rest:
                continue
            link = replace(link, candidates=rest, target_doc_id=rest[0] if len(rest) == 1 else "")
        return link
    return Link("not_in_corpus")


def link(records: list[Record], resolvers: Iterable[Resolver] = RESOLVERS,
         copies: dict[str, str] | None = None) -> list[Record]:
    """Every record with ``links`` filled, parallel to its ``citations``.

    ``copies`` (default ``pipeline.copies.copy_groups(records)``) maps each copy of a letter held in
    several files to its best copy: only best copies are link targets, so copies are never rivals.
    """
    from pipeline.copies import copy_groups

    copies = copy_groups(records) if copies is None else copies
    index = CorpusIndex(r for r in records if copies.get(r.doc_id, r.doc_id) == r.doc_id)
    resolvers = tuple(resolvers)
    return [
        replace(r, links=tuple(resolve(c, index, resolvers, copies.get(r.doc_id, r.doc_id)) for c in r.citations))
        for r in records
    ]
