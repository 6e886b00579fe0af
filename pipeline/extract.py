"""One letter's text -> ``Record``: every field with its span, problems where the text is doubtful."""

from __future__ import annotations

from dataclasses import replace

from extractors import attachments as attach
from extractors import header, signature
from extractors.effective import date_role, effective
from extractors.lines import Line, split_lines
from extractors.patterns import REFERENCE_HEAD
from extractors.ref_numbers import is_known_agency
from extractors.references import find_citations
from extractors.thai_dates import find_dates, invalid_dates
from pipeline.models import Citation, Document, Field, Letter, Problem, Record, Span, ThaiDate

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


def _all_dates(text: str, offset: int, doc_date: ThaiDate | None, citations: tuple[Citation, ...],
               eff: ThaiDate | None) -> tuple[ThaiDate, ...]:
    """Every date of the letter in text order, each with its role."""
    roles = {c.date.span.start: "cited" for c in citations if c.date}
    if eff:
        roles[eff.span.start] = "effective"
    if doc_date:
        roles[doc_date.span.start] = "document"
    dates = []
    for date in find_dates(text, offset):
        role = roles.get(date.span.start) or date_role(text, date.span.start - offset)
        dates.append(date.with_role(role))
    return tuple(dates)


def _problems(record: Record, text: str, path: str) -> list[Problem]:
    found = []

    def add(code: str, message: str, severity: str = "warning") -> None:
        found.append(Problem(code, message, severity, path, record.doc_id))

    if record.ref_no is None and record.doc_type not in ("announcement", "regulation"):
        add("missing_ref_no", "no reference number (ที่ …) found in the header")
    elif record.ref_no is not None and record.ref_no.agency and not is_known_agency(record.ref_no.agency):
        add("unknown_agency_code", f"agency code {record.ref_no.agency!r} is not in the agency table")
    if record.doc_date is None:
        add("missing_date", "no document date found")
    if not record.subject.value and record.doc_type not in ("regulation", "stamped"):  # neither has เรื่อง
        add("missing_subject", "no subject (เรื่อง) found")
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


def extract(document: Document, letter: Letter) -> Record:
    """The ``Record`` of one letter of ``document`` (spans index the document's normalised text)."""
    offset = letter.span.start
    lines = split_lines(letter.text, offset)
    kind = header.doc_type(lines)
    ref = header.ref_line(lines)
    own_ref = ref[1] if ref else None
    doc_date, date_index = header.document_date(lines, kind)
    urgency, secrecy = header.urgency_secrecy(lines, kind)
    citations = tuple(find_citations(letter.text, offset, own_ref, _block_span(lines, REFERENCE_HEAD)))
    eff = effective(letter.text, offset)
    record = Record(
        doc_id=doc_id(document.source.sha256, letter.index),
        source=document.source,
        source_format=document.source_format,
        method=document.method,
        segment_index=letter.index,
        span=letter.span,
        doc_type=kind,
        ref_no=own_ref,
        issuer=header.issuer(lines, kind, date_index),
        doc_date=doc_date.with_role("document") if doc_date else None,
        subject=header.subject(lines),
        recipient=header.recipient(lines) if kind in ("memo", "external", "stamped", "other") else Field(""),
        urgency=urgency,
        secrecy=secrecy,
        signer=signature.signer(lines),
        effective_date=eff.date if eff else None,
        effective_text=eff.relative if eff else "",
        citations=citations,
        attachments=tuple(attach.attachments(lines)),
        dates=_all_dates(letter.text, offset, doc_date, citations, eff.date if eff else None),
    )
    problems = tuple(_problems(record, letter.text, document.source.path))
    pages = [p.confidence for p in document.pages if p.confidence is not None]
    page_conf = min(pages) if pages else None
    record = _replace(record, problems=problems)
    return _replace(record, confidence=_confidence(record, page_conf))


def _replace(record: Record, **changes) -> Record:
    return replace(record, **changes)


def looks_like_letter(record: Record) -> bool:
    """At least two of: a reference number, a date, a subject, a salutation, a signer."""
    signs = [record.ref_no is not None, record.doc_date is not None, bool(record.subject.value),
             bool(record.recipient.value), bool(record.signer.name)]
    return sum(signs) >= 2

