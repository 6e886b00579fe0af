"""One letter's text -> ``Record``: every field with its span, problems where the text is doubtful."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from extractors import attachments as attach
from extractors import gazette, header, instrument, serial, signature
from extractors.damage import damaged
from extractors.effective import date_role, effective
from extractors.effective_source import resolve
from extractors.lines import Line, split_lines, without_layout
from extractors.minutes import minutes_start
from extractors.patterns import REFERENCE_HEAD, URL
from extractors.receipt import receipt
from extractors.ref_numbers import is_known_agency
from extractors.references import find_citations
from extractors.stamped_office import office_named_in_text
from extractors.thai_dates import find_dates, invalid_dates
from extractors.urls import normalise as normalise_url
from extractors.urls import web_addresses
from pipeline.models import (
    Citation,
    Document,
    Field,
    Letter,
    Problem,
    Record,
    Signer,
    Span,
    ThaiDate,
    WebAddress,
)

CORE_FIELDS = ("ref_no", "doc_date", "subject", "signer")


def doc_id(sha256: str, index: int) -> str:
    """``doc_id("3f2a…", 1) == "3f2a9c0d1e2b-1"``: stable across runs and machines."""
    return f"{sha256[:12]}-{index}"


def _block_span(lines: list[Line], head) -> Span | None:
    found = attach.block(lines, head)
    if found is None:
        return None
    first, last = found
    return Span(lines[first].start, lines[last - 1].end)


# a scan's meeting, deadline or other date this many years or more from the letter's own: OCR misread a digit
# of the year (๒๕๖๖ read ๒๕๐๖); left out and said (cited dates may be old: a circular of ๒๕๔๘ is cited still)
FAR_YEARS = 10
NEAR_ROLES = frozenset({"meeting", "deadline", "other"})


def _line_at(lines: list[Line], position: int) -> int:
    """The index of the line holding ``position`` (an offset in the document)."""
    return bisect_right([line.start for line in lines], position) - 1


def _far_from(date: ThaiDate, doc_date: ThaiDate | None) -> bool:
    return (doc_date is not None and date.role in NEAR_ROLES
            and abs(date.date.year - doc_date.date.year) >= FAR_YEARS)


def _all_dates(text: str, offset: int, doc_date: ThaiDate | None, citations: tuple[Citation, ...],
               eff: ThaiDate | None, lines: list[Line] | None = None) -> tuple[ThaiDate, ...]:
    """Every date of the letter in text order, each with its role (``published``: a Gazette head's)."""
    roles = {m.date.span.start: "published" for m in gazette.marks(text, offset)}
    roles |= {c.date.span.start: "cited" for c in citations if c.date}
    if eff:
        roles[eff.span.start] = "effective"
    if doc_date:
        roles[doc_date.span.start] = "document"
    dates = []
    lines = split_lines(text, offset) if lines is None else lines  # the letter's body lines, as extract has them
    for date in find_dates(text, offset):
        role = roles.get(date.span.start)
        if role is None and header.receipt_stamp_row(lines, _line_at(lines, date.span.start)):
            continue  # a receipt stamp's "วันที่ ๑๘ ธ.ค. ๖๔": the day it was received (received_date), not the letter's
        dates.append(date.with_role(role or date_role(text, date.span.start - offset)))
    return tuple(dates)


def _problems(record: Record, text: str, path: str) -> list[Problem]:
    found = []

    def add(code: str, message: str, severity: str = "warning") -> None:
        found.append(Problem(code, message, severity, path, record.doc_id))

    if record.ref_no is None and record.doc_type not in ("announcement", "regulation", "law"):
        add("missing_ref_no", "no reference number (ที่ …) found in the header")
    elif record.ref_no is not None and record.ref_no.agency and not is_known_agency(record.ref_no.agency):
        add("unknown_agency_code", f"agency code {record.ref_no.agency!r} is not in the agency table")
    if record.doc_date is None:
        add("missing_date", "no document date found")
    if not record.subject.value and record.doc_type not in ("regulation", "stamped", "law"):  # none has เรื่อง
        add("missing_subject", "no subject (เรื่อง) found")
    if not record.signer.name and (why := signature.unsupported(split_lines(text))):
        add("unreadable_signer", f"{why}; signer's name left empty (a later name is minutes or a certified copy's)")
    for bad in invalid_dates(text):
        add("invalid_date", f"date-like text is not a real date: {bad!r}")
    if record.doc_date:
        later = [c for c in record.citations if c.date and c.date.date > record.doc_date.date]
        for c in later:
            add("cited_after_document", f"cites a letter dated {c.date.date} after its own date {record.doc_date.date}")
    return found


def _confidence(record: Record, page_confidence: float | None) -> float:
    present = [record.ref_no is not None, record.doc_date is not None, bool(record.subject.value),
               bool(record.signer.name)]
    score = 0.6 + 0.1 * sum(present) - 0.05 * len(record.problems)
    if page_confidence is not None:
        score *= page_confidence
    return round(max(0.0, min(1.0, score)), 3)


def _instrument_fields(text: str, offset: int, lines: list[Line], line_kind: str) -> dict:
    """Fields of an official instrument read from running text (``extractors.instrument``), to stand
    in for the line rules where the text has no layout or they found nothing. Empty outside instruments."""
    title = instrument.title(text, offset)  # at the head of the text: a memo starts with บันทึกข้อความ instead
    self_named = title is None and line_kind in ("other", "regulation", "announcement", "order")
    if self_named:
        title = instrument.self_named(text, offset)  # no title read at the head: the one its first clause gives
    if title is None:
        return {}
    date, signer = instrument.signing(text, offset)
    unreadable = date is None and bool(instrument.issue_date(text, offset)[2])
    return {"title": title, "date": date, "signer": signer, "flat": without_layout(lines), "unreadable": unreadable,
            "countersigner": instrument.countersigner(text, offset) if title.kind == "law" else Signer(),
            "self_named": self_named}


def _choose(line_value, inst_value, flat: bool):
    """The line rule's value where the text has layout and it found one, else the running-text one."""
    empty = not line_value or (isinstance(line_value, (Field, Signer)) and not _filled(line_value))
    return inst_value if (flat or empty) and _filled(inst_value) else line_value


def _title_subject(line_value: Field, inst_value: Field, flat: bool) -> Field:
    """An instrument's subject: the line rule's ``เรื่อง`` block or the title's, read from running text.

    The line rule is kept only where it reads the title's own subject: a ``เรื่อง`` that begins some
    other line (a cited ``ประกาศ … เรื่อง …`` in text wrapped at a width) is not the title's. Where both
    start at the same place, the shorter wins: the block's last line tells where a printed subject ends,
    and the title's rules where the body begins on the same line (``… อาคารชุด ด้วย บริษัท …``)."""
    if not inst_value.value or inst_value.span is None or line_value.span is None:
        return _choose(line_value, inst_value, flat)
    if abs(line_value.span.start - inst_value.span.start) > 2:
        return inst_value
    if flat or len(inst_value.value) < len(line_value.value):
        return inst_value
    return line_value


def _filled(value) -> bool:
    if isinstance(value, Field):
        return bool(value.value)
    if isinstance(value, Signer):
        return bool(value.name)
    return value is not None


def _effective(text: str, offset: int, doc_date: ThaiDate | None, mark) -> tuple[ThaiDate | None, str, str]:
    """(effective date, how it was obtained, the relative rule as printed)."""
    eff = effective(text, offset)
    if eff is None:
        return None, "", ""
    if eff.date:
        return eff.date, "printed", ""
    date, how = resolve(eff.relative, eff.span, doc_date, mark.date if mark else None)
    return date, how, eff.relative


def extract(document: Document, letter: Letter) -> Record:
    """The ``Record`` of one letter of ``document`` (spans index the document's normalised text)."""
    offset = letter.span.start
    lines = split_lines(letter.text, offset)
    kind = header.doc_type(lines)
    ref = header.ref_line(lines)
    shaky = serial.uncertain_ref(lines) if document.method == "ocr" else None
    if shaky and (ref is None or ref[0] == shaky[0]):
        ref = shaky[:2]  # a scan's hand-written serial read as specks: the printed part only
    own_ref = ref[1] if ref else None
    cut = minutes_start(lines)
    body, body_text = (lines[:cut], letter.text[: lines[cut].start - offset]) if cut else (lines, letter.text)
    doc_date, date_index = header.document_date(body, kind)
    inst = _instrument_fields(letter.text, offset, lines, kind)
    title = inst.get("title")
    flat = inst.get("flat", False)
    subject, issuer, signer = header.subject(lines), header.issuer(lines, kind, date_index), signature.signer(lines)
    if title:
        kind = title.kind
        own_ref = own_ref or title.number
        # the signing line decides an instrument's date: a date elsewhere is a cited one
        doc_date = inst["date"] if inst["date"] or flat else doc_date
        subject = _title_subject(subject, title.subject, flat)
        issuer = _choose(issuer, title.issuer, flat)
        signer = inst["signer"] if inst["signer"].name else signer  # the name after the signing line
    mark = gazette.first_mark(letter.text, offset)
    if doc_date and mark and any(m.span.start <= doc_date.span.start < m.span.end for m in gazette.marks(letter.text, offset)):
        doc_date = None  # the Gazette's publication date is never the document's own
    late = bool(doc_date and mark and doc_date.date > mark.date.date)
    if late:
        doc_date = None  # signed after it was published: a date read from the wrong place
    stamp_read = issuer if document.method == "ocr" and kind == "stamped" and issuer.span else None
    named = office_named_in_text(letter.text[issuer.span.start - offset : issuer.span.end - offset], lines,
                                 _line_at(lines, issuer.span.start)) if stamp_read else None
    unreadable_issuer = document.method == "ocr" and damaged(issuer.value) and not named
    if named:
        issuer = named  # the stamp read in part; the office the letter names whole
    if unreadable_issuer:
        issuer = Field("")  # a stamp or a seal over the letterhead: part of it read as letters
    urgency, secrecy = header.urgency_secrecy(lines, kind)
    citations = tuple(find_citations(body_text, offset, own_ref, _block_span(body, REFERENCE_HEAD)))
    eff_date, eff_source, eff_rule = _effective(body_text, offset, doc_date, mark)
    dates = _all_dates(body_text, offset, doc_date, citations, eff_date, body)
    far = [d for d in dates if _far_from(d, doc_date)] if document.method == "ocr" else []
    record = Record(
        doc_id=doc_id(document.source.sha256, letter.index),
        source=document.source,
        source_format=document.source_format,
        method=document.method,
        segment_index=letter.index,
        span=letter.span,
        doc_type=kind,
        ref_no=own_ref,
        issuer=issuer,
        doc_date=doc_date.with_role("document") if doc_date else None,
        subject=subject,
        recipient=header.recipient(lines) if kind in ("memo", "external", "stamped", "other") else Field(""),
        urgency=urgency,
        secrecy=secrecy,
        signer=signer,
        effective_date=eff_date,
        effective_text=eff_rule,
        effective_source=eff_source,
        title=title.title if title else Field(""),
        gazette=mark,
        countersigner=inst.get("countersigner", Signer()),
        urls=_with_codes(web_addresses(letter.text, offset), document, letter),
        **_receipt(document, letter),
        citations=citations,
        attachments=tuple(attach.attachments(lines)),
        dates=tuple(d for d in dates if d not in far),  # minutes' dates are not the letter's
        text=letter.text,
        pages=letter.pages,
        certified_by=signature.certifier(lines),
    )
    problems = tuple(_problems(record, letter.text, document.source.path))
    if inst.get("self_named"):
        problems += (Problem("title_from_first_clause", "no title could be read at the head; the kind, issuer and "
                             f"subject are those the first clause names ({title.title.value!r})", "warning",
                             document.source.path, record.doc_id),)
    if inst.get("unreadable"):
        problems += (Problem("unreadable_date", "the signing line (ประกาศ/สั่ง/ให้ไว้ ณ วันที่) holds no date that can "
                             "be read; doc_date left empty", "warning", document.source.path, record.doc_id),)
    if named:
        problems += (Problem("issuer_from_text", f"the office's stamp was read in part ({stamp_read.value!r}); the "
                             f"office the letter's text names whole, {named.value!r}, is the one those pieces belong to",
                             "warning", document.source.path, record.doc_id),)
    if unreadable_issuer:
        problems += (Problem("unreadable_issuer", "the issuer's lines hold specks and letters no office or address "
                             "is spelt with (a stamp or a seal over them); issuer left empty", "warning",
                             document.source.path, record.doc_id),)
    if far:
        problems += (Problem("implausible_date", "dates read "
                             + ", ".join(f"{d.text!r} ({d.role})" for d in far)
                             + f" lie {FAR_YEARS} years or more from the letter's date {doc_date.date}: a digit of the year "
                             "misread by OCR; left out", "warning", document.source.path, record.doc_id),)
    if shaky and own_ref is shaky[1]:
        problems += (Problem("serial_uncertain", f"{shaky[2]}; ref_no keeps the printed part {own_ref.text!r}",
                             "warning", document.source.path, record.doc_id),)
    if late:
        problems += (Problem("date_after_publication", "the signing date read lies after the Gazette's publication "
                             f"date {mark.date.date}; left empty", "warning", document.source.path, record.doc_id),)
    pages = [p.confidence for p in document.pages if p.confidence is not None]
    page_conf = min(pages) if pages else None
    record = _replace(record, problems=problems)
    return _replace(record, confidence=_confidence(record, page_conf))


def _letter_pages(document: Document, letter: Letter) -> list:
    first, last = letter.pages
    return [p for p in document.pages if first <= p.number <= last]


def _with_codes(found: list[WebAddress], document: Document, letter: Letter) -> tuple[WebAddress, ...]:
    """The letter's web addresses, then the QR codes of the pages it stands on (a scan's, with page and box)."""
    codes = [(page.number, code) for page in _letter_pages(document, letter) for code in page.codes]
    more = [WebAddress(len(found) + i, normalise_url(code.text) if URL.fullmatch(code.text.strip()) else "", code.text,
                       None, "qr", number, code.box) for i, (number, code) in enumerate(codes, 1)]
    return tuple(found) + tuple(more)


def _receipt(document: Document, letter: Letter) -> dict:
    """The receipt stamp on the letter's first page, and what of it can be read (``extractors.receipt``)."""
    pages = _letter_pages(document, letter)
    stamp = pages[0].stamps[0] if pages and pages[0].stamps else None
    if stamp is None:
        return {}
    read = receipt(stamp.text)
    return {"received": stamp, "received_no": read.number, "received_date": read.date, "received_time": read.time}


def _replace(record: Record, **changes) -> Record:
    return replace(record, **changes)


def looks_like_letter(record: Record) -> bool:
    """At least two of: a reference number, a date, a subject, a salutation, a signer, an instrument's title."""
    signs = [record.ref_no is not None, record.doc_date is not None, bool(record.subject.value),
             bool(record.recipient.value), bool(record.signer.name), bool(record.title.value)]
    return sum(signs) >= 2

