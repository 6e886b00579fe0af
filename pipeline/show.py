"""``saraban show FILE``: one file's letters, readable in a terminal, with where each value came from."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from pipeline.ingest import process_file
from pipeline.link import link
from pipeline.models import Record
from pipeline.normalize import normalize, steps_for
from pipeline.ocr import OcrOptions
from pipeline.readers import ReadError, read_file
from pipeline.tables import build_tables

_FIELDS = (
    ("doc_type", "kind"), ("ref_no", "ที่"), ("doc_date", "date"), ("doc_date_text", "  as printed"),
    ("issuer", "issuer"), ("subject", "เรื่อง"), ("recipient", "เรียน"), ("urgency", "urgency"),
    ("secrecy", "secrecy"), ("signer_title", "signer title"), ("signer_name", "signer"),
    ("signer_position", "position"), ("signer_acting", "acting"), ("signer_acting_for", "  for"),
    ("effective_date", "effective"), ("effective_date_text", "  as printed"), ("effective_rule", "effective"),
    ("confidence", "confidence"),
)


def _print_letter(row: dict, out: TextIO) -> None:
    print(f"── letter {row['segment_index']}  {row['doc_id']}", file=out)
    for key, label in _FIELDS:
        if row.get(key) not in (None, ""):
            print(f"  {label:<13} {row[key]}", file=out)
    for ref in row["references"]:
        target = ref["target_doc_id"] or ref.get("cited_group") or ""
        print(f"  cites #{ref['seq']} ({ref['where']}) {ref['ref_no'] or '-'} {ref['cited_date'] or ''} "
              f"{ref['cited_issuer'] or ''} -> {ref['status']} {target}", file=out)
    for att in row["attachments"]:
        qty = f" × {att['quantity']} {att['unit'] or ''}" if att["quantity"] is not None else ""
        print(f"  encl. {att['seq']}. {att['description']}{qty}", file=out)
    for date in row["dates"]:
        print(f"  date  {date['role']:<9} {date['date']}  {date['date_text']}", file=out)
    for issue in row["issues"]:
        print(f"  ! {issue['code']}: {issue['message']}", file=out)


def _marked(text: str, record: Record) -> str:
    """The letter's text with extracted values wrapped in ⟦label: …⟧ markers."""
    spans = []
    if record.ref_no and record.ref_no.span:
        spans.append((record.ref_no.span, "ref_no"))
    for field, label in ((record.subject, "subject"), (record.recipient, "recipient"), (record.issuer, "issuer")):
        if field.span:
            spans.append((field.span, label))
    spans += [(d.span, d.role) for d in record.dates]
    spans += [(a.span, f"attachment {a.seq}") for a in record.attachments]
    if record.signer.span:
        spans.append((record.signer.span, "signer"))
    pieces, pos = [], record.span.start
    for span, label in sorted(spans, key=lambda s: s[0].start):
        if span.start < pos:
            continue  # nested in an earlier span
        pieces += [text[pos : span.start], f"⟦{label}: ", text[span.start : span.end], "⟧"]
        pos = span.end
    pieces.append(text[pos : record.span.end])
    return "".join(pieces)


def _print_json(path: Path, result, nested: list[dict], out: TextIO | None) -> None:
    """One line of JSON (JSON Lines for several files): ``{"path", "readable", "letters": [records.jsonl
    objects with their text], "problems"}``."""
    import json

    obj = {"path": str(path), "readable": result.readable, "letters": nested,
           "problems": [p.to_dict() for p in result.problems if not p.doc_id]}
    print(json.dumps(obj, ensure_ascii=False), file=out)


def show_file(path: Path, spans: bool = False, out: TextIO | None = None, html: Path | None = None,
              ocr: OcrOptions = OcrOptions(), fmt: str = "text") -> int:
    """Print every letter of ``path``; 1 if the file could not be read. ``html``: also write a review page.
    ``fmt="json"``: one JSON object instead (each letter as in records.jsonl, with its ``text``)."""
    result = process_file(path, ocr)
    if fmt == "json":
        records = link(list(result.records)) if result.readable else []
        _, nested = build_tables(records, list(result.problems))
        texts = {r.doc_id: r.text for r in records}
        _print_json(path, result, [{**row, "text": texts[row["doc_id"]]} for row in nested], out)
        return 0 if result.readable else 1
    print(f"{path}", file=out)
    if not result.readable:
        for problem in result.problems:
            print(f"  ! {problem.code}: {problem.message}", file=out)
        return 1
    records = link(list(result.records))
    _, nested = build_tables(records, list(result.problems))
    for row in nested:
        _print_letter(row, out)
    file_level = [p for p in result.problems if not p.doc_id]
    for problem in file_level:
        print(f"  ! {problem.code}: {problem.message}", file=out)
    if html and records:  # each record holds its letter's text: nothing to read again
        from pipeline.review import review_html

        html.write_text(review_html(records, path.name), encoding="utf-8")
        print(f"review page: {html}", file=out)
    if spans and records:
        try:
            document = read_file(path, ocr)
            text = normalize(document.raw_text, steps_for(document)).text
        except ReadError:
            return 1
        for record in records:
            print(f"── text of letter {record.segment_index}", file=out)
            print(_marked(text, record), file=out)
    return 0
