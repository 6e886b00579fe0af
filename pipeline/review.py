"""A review page for archivists: a letter's text with every extracted value highlighted where it was read.

``saraban show FILE --html OUT.html`` writes it. The text is a spaCy ``Doc`` (the ``th`` tokenizer,
which pythainlp provides) with one span per value in ``doc.spans["saraban"]``, rendered by displaCy's
span style: overlapping values (a date inside a citation) stay visible, and each span's label names
the column it fills.
"""

from __future__ import annotations

from functools import cache

from pipeline.models import Record, Span

SPANS_KEY = "saraban"


@cache
def _nlp():
    import spacy

    return spacy.blank("th")


def _labelled_spans(record: Record) -> list[tuple[Span, str]]:
    spans: list[tuple[Span, str]] = []
    if record.ref_no and record.ref_no.span:
        spans.append((record.ref_no.span, "ref_no"))
    for field, label in ((record.issuer, "issuer"), (record.subject, "subject"), (record.recipient, "recipient")):
        if field.span:
            spans.append((field.span, label))
    spans += [(d.span, f"date:{d.role}") for d in record.dates]
    spans += [(c.span, f"cites #{c.seq}") for c in record.citations]
    spans += [(a.span, f"attachment {a.seq}") for a in record.attachments]
    if record.signer.span:
        spans.append((record.signer.span, "signer"))
    return spans


def letter_doc(text: str, record: Record):
    """spaCy ``Doc`` of one letter (``text`` is the document's normalised text) with its value spans.

    >>> # letter_doc(text, record).spans["saraban"][0].label_ == "ref_no"
    """
    from spacy.tokens import Span as SpacySpan

    offset = record.span.start
    doc = _nlp()(text[record.span.start : record.span.end])
    found = []
    for span, label in _labelled_spans(record):
        piece = doc.char_span(span.start - offset, span.end - offset, label=label, alignment_mode="expand")
        if piece is not None:
            found.append(SpacySpan(doc, piece.start, piece.end, label=label))
    doc.spans[SPANS_KEY] = found
    return doc


def review_html(text: str, records: list[Record], title: str) -> str:
    """One HTML page with every letter of a file, values highlighted (displaCy span style)."""
    from spacy import displacy

    docs = [letter_doc(text, r) for r in records]
    for doc, record in zip(docs, records, strict=True):
        doc.user_data["title"] = f"{title} — letter {record.segment_index} ({record.doc_type})"
    return displacy.render(docs, style="span", page=True, options={"spans_key": SPANS_KEY})
