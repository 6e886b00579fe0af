"""Copies of one letter in several files: a scan and its Word file, a PDF printed from the .docx.

Letters with the same reference number, date and subject (spaces aside) are one letter; a letter
printed without a subject (a หนังสือประทับตรา) is matched on its kind and issuer instead. The group is
named by its best copy, the one whose text is likeliest right: a text layer before OCR, then the
Word file, the PDF, the text file and the image, then the higher confidence, then the smaller doc_id.

>>> import datetime as dt
>>> from pipeline.models import Field, RefNo, Record, SourceFile, Span, ThaiDate
>>> def copy(doc_id, fmt, method):
...     return Record(doc_id, SourceFile(doc_id, doc_id, 1), fmt, method, 0, Span(0, 1),
...                   ref_no=RefNo("อท", "0017.2", 2055, True), subject=Field("ขอความอนุเคราะห์ข้อมูล"),
...                   doc_date=ThaiDate(dt.date(2019, 5, 26), "๒๖ พฤษภาคม ๒๕๖๒", Span(0, 1)))
>>> copy_groups([copy("scan-0", "image", "ocr"), copy("word-0", "docx", "text")])
{'scan-0': 'word-0', 'word-0': 'word-0'}
"""

from __future__ import annotations

from collections import defaultdict

from pipeline.models import Record

FORMAT_RANK = {"docx": 0, "doc": 0, "odt": 0, "rtf": 0, "pdf": 1, "txt": 2, "image": 3}


def letter_key(record: Record) -> tuple[str, ...] | None:
    """(canonical number, ISO date, subject without spaces), or for a letter without a subject (number,
    date, kind, issuer without spaces); None when the number, the date, or both subject and issuer are missing."""
    if record.ref_no is None or record.doc_date is None:
        return None
    subject = "".join(record.subject.value.split())
    if subject:
        return record.ref_no.key, record.doc_date.date.isoformat(), subject
    issuer = "".join(record.issuer.value.split())
    if not issuer:
        return None
    return record.ref_no.key, record.doc_date.date.isoformat(), "", record.doc_type, issuer


def rank(record: Record) -> tuple:
    """Sort key of the copies of one letter: the best first."""
    return rank_of(record.method, record.source_format, record.confidence, record.doc_id)


def rank_of(method: str, source_format: str, confidence: float, doc_id: str) -> tuple:
    """``rank`` from the values it looks at (a copy known only by its index entry, ``pipeline.spill``)."""
    return (method != "text", FORMAT_RANK.get(source_format, 9), -confidence, doc_id)


def copy_groups(records: list[Record]) -> dict[str, str]:
    """``doc_id -> doc_id of its group's best copy`` for every letter that has a copy in another file."""
    groups: dict[tuple, list[Record]] = defaultdict(list)
    for record in records:
        key = letter_key(record)
        if key is not None:
            groups[key].append(record)
    best = {}
    for members in groups.values():
        if len({m.source.sha256 for m in members}) < 2:  # one file repeating a letter is not a copy
            continue
        top = min(members, key=rank).doc_id
        for m in members:
            best[m.doc_id] = top
    return dict(sorted(best.items()))
