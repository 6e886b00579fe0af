"""A letter's text as HTML, exactly as read, with each extracted value in a ``<mark>`` at its span.

Nothing is added to the text or taken from it: no spaces between Thai words, line breaks kept (the
page shows it with ``white-space: pre-wrap``), a page break (form feed) drawn as an empty rule.
Values may nest (a date inside a citation) or cross; the text is cut at every value's edge and each
piece is wrapped in the values that cover it, outermost first, so the marks always nest in HTML.
Hand-written because displaCy's span renderer tokenises the text and joins the tokens with spaces.

>>> letter_html("ที่ อท ๐๐๑๗.๒/ว ๒๐๕๕\\nเรื่อง ทดสอบ", [Value(4, 20, "ref_no", "ที่"), Value(28, 33, "subject", "เรื่อง")])
'ที่ <mark class="v-ref_no" title="ที่ (ref_no)" id="v-ref_no">อท ๐๐๑๗.๒/ว ๒๐๕๕</mark>\\nเรื่อง <mark class="v-subject" title="เรื่อง (subject)" id="v-subject">ทดสอบ</mark>'
"""

from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass

from pipeline.models import Record, Span

PAGE_BREAK = '<span class="page-break" role="separator" title="page break"></span>'


@dataclass(frozen=True, slots=True)
class Value:
    """One extracted value's place in the letter's text (offsets into ``Record.text``)."""

    start: int
    end: int
    field: str  # the column it fills: ref_no, doc_date, cites.1, …
    label: str  # what a reader calls it: ที่, ลงวันที่, อ้างถึง 1, …

    @property
    def kind(self) -> str:
        return self.field.split(".", 1)[0]


def _span_values(record: Record) -> list[tuple[Span | None, str, str]]:
    signer, counter = record.signer, record.countersigner
    found: list[tuple[Span | None, str, str]] = [
        (record.ref_no.span if record.ref_no else None, "ref_no", "ที่"),
        (record.issuer.span, "issuer", "ส่วนราชการ"), (record.subject.span, "subject", "เรื่อง"),
        (record.recipient.span, "recipient", "เรียน"), (record.title.span, "title", "ชื่อ"),
        (signer.span, "signer", "ผู้ลงนาม"), (counter.span, "countersigner", "ผู้รับสนองฯ"),
        (record.gazette.span if record.gazette else None, "gazette", "ราชกิจจานุเบกษา"),
    ]
    found += [(d.span, f"date.{d.role}", f"วันที่ ({d.role})") for d in record.dates]
    for c in record.citations:
        found.append((c.span, f"cites.{c.seq}", f"อ้างถึง {c.seq}"))
        if c.ref_no and c.ref_no.span:
            found.append((c.ref_no.span, f"cites_ref_no.{c.seq}", f"เลขที่ที่อ้างถึง {c.seq}"))
    found += [(a.span, f"attachment.{a.seq}", f"สิ่งที่ส่งมาด้วย {a.seq}") for a in record.attachments]
    found += [(u.span, f"url.{u.seq}", f"URL {u.seq}") for u in record.urls]
    return found


def values(record: Record) -> list[Value]:
    """Every value of ``record`` with a span inside its letter, as offsets into ``record.text``.

    A span outside the letter (never expected) is left out rather than drawn in the wrong place."""
    base, size = record.span.start, len(record.text)
    out, seen = [], Counter()
    for span, name, label in _span_values(record):
        if span is None or span.end <= span.start:
            continue
        start, end = span.start - base, span.end - base
        if 0 <= start < end <= size:
            seen[name] += 1  # a second cited date is date.cited.2: every field names one value
            out.append(Value(start, end, name if seen[name] == 1 else f"{name}.{seen[name]}", label))
    return out


def _escape(text: str) -> str:
    return html.escape(text, quote=False).replace("\f", PAGE_BREAK)


def _open(value: Value, first: bool, prefix: str) -> str:
    ident = f' id="{html.escape(prefix)}v-{html.escape(value.field)}"' if first else ""
    title = html.escape(f"{value.label} ({value.field})")
    return f'<mark class="v-{html.escape(value.kind)}" title="{title}"{ident}>'


def letter_html(text: str, marks: list[Value], prefix: str = "") -> str:
    """``text`` escaped, with ``<mark>`` around each value (ids ``<prefix>v-<field>`` on a value's first piece;
    ``prefix`` keeps them apart when a page shows several letters)."""
    cuts = sorted({0, len(text), *(v.start for v in marks), *(v.end for v in marks)})
    ordered = sorted(marks, key=lambda v: (v.start, -v.end, v.field))
    opened: list[Value] = []
    started: set[Value] = set()
    pieces: list[str] = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        covering = [v for v in ordered if v.start <= left and right <= v.end]
        keep = 0
        while keep < min(len(opened), len(covering)) and opened[keep] == covering[keep]:
            keep += 1
        pieces.append("</mark>" * (len(opened) - keep))
        for value in covering[keep:]:
            pieces.append(_open(value, value not in started, prefix))
            started.add(value)
        opened = covering
        pieces.append(_escape(text[left:right]))
    pieces.append("</mark>" * len(opened))
    return "".join(pieces)
