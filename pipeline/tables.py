"""The output schema (CONTRACT.md): records -> rows of each table, in a fixed column order.

Values are JSON-ready: ``None`` where absent (an empty cell in CSV), Arabic digits in identifiers,
ISO dates. Columns after the contract's own are additions (allowed by the contract).
"""

from __future__ import annotations

import hashlib

from pipeline.graph import cited_by, cited_groups
from pipeline.graph import edges as graph_edges
from pipeline.models import Problem, Record, ThaiDate

DOCUMENT_COLUMNS = (
    "doc_id", "source_path", "source_sha256", "source_format", "method", "segment_index", "doc_type",
    "ref_no", "ref_no_text", "agency_code", "agency_name", "unit_code", "serial", "is_circular", "issuer",
    "doc_date", "doc_date_text", "subject", "recipient", "urgency", "secrecy", "signer_title", "signer_name",
    "signer_position", "signer_acting", "signer_acting_for", "effective_date", "effective_date_text",
    "n_references", "n_attachments", "confidence", "problems",
    # additions
    "cited_by_count", "cited_by", "effective_rule", "span_start", "span_end",
    # official instruments and the Royal Gazette (issue 11)
    "title", "gazette_volume", "gazette_section", "gazette_page", "gazette_date", "effective_date_source",
    "countersigner_title", "countersigner_name", "countersigner_position",
    # receipt stamps on scans (issue 12): never the letter's own number or date
    "received_no", "received_date", "received_time", "received_text",
    # copies of one letter (issue 13)
    "source_paths", "copy_group",
    # the issuing office apart from its address (issue 15)
    "issuer_office", "issuer_address",
    # a certified copy's สำเนาถูกต้อง block (issue 12): who certified it, never the signer
    "certified_by", "certified_by_position",
)
REFERENCE_COLUMNS = (
    "doc_id", "seq", "where", "cited_issuer", "ref_no", "ref_no_text", "cited_date", "cited_date_text",
    "target_doc_id", "status", "score",
    # additions
    "candidates", "cited_group", "text", "span_start", "span_end",
)
ATTACHMENT_COLUMNS = ("doc_id", "seq", "description", "quantity", "unit")
DATE_COLUMNS = ("doc_id", "role", "date", "date_text", "span_start", "span_end")
ISSUE_COLUMNS = ("source_path", "doc_id", "severity", "code", "message")
URL_COLUMNS = ("doc_id", "seq", "url", "url_text", "span_start", "span_end",
               # additions: QR codes on scans (issue 12)
               "source", "page", "box")
TEXT_COLUMNS = ("doc_id", "span_start", "text")  # texts.jsonl and the SQLite/Parquet table "texts"
EDGE_COLUMNS = ("source", "target", "seq", "status", "score", "ref_no", "cited_date")  # edges.csv
TABLES = {
    "documents": DOCUMENT_COLUMNS,
    "references": REFERENCE_COLUMNS,
    "attachments": ATTACHMENT_COLUMNS,
    "dates": DATE_COLUMNS,
    "issues": ISSUE_COLUMNS,
    "urls": URL_COLUMNS,
}


# One declared type per column (pipeline.typed maps them to Parquet, SQLite and pandas):
# str (codes such as unit_code "0418" stay text), int (nullable), float, bool (nullable), date (ISO).
_DOCUMENT_TYPES = {
    "segment_index": "int", "serial": "int", "is_circular": "bool", "doc_date": "date", "effective_date": "date",
    "n_references": "int", "n_attachments": "int", "confidence": "float", "problems": "int",
    "cited_by_count": "int", "span_start": "int", "span_end": "int", "gazette_volume": "int",
    "gazette_page": "int", "gazette_date": "date", "received_date": "date",
}
_REFERENCE_TYPES = {"seq": "int", "cited_date": "date", "score": "float", "span_start": "int", "span_end": "int"}
_SPAN_TYPES = {"span_start": "int", "span_end": "int"}
TYPES = {
    "documents": {c: _DOCUMENT_TYPES.get(c, "str") for c in DOCUMENT_COLUMNS},
    "references": {c: _REFERENCE_TYPES.get(c, "str") for c in REFERENCE_COLUMNS},
    "attachments": {"doc_id": "str", "seq": "int", "description": "str", "quantity": "int", "unit": "str"},
    "dates": {c: {"date": "date", **_SPAN_TYPES}.get(c, "str") for c in DATE_COLUMNS},
    "issues": {c: "str" for c in ISSUE_COLUMNS},
    "urls": {c: {"seq": "int", "page": "int", **_SPAN_TYPES}.get(c, "str") for c in URL_COLUMNS},
    "texts": {"doc_id": "str", "span_start": "int", "text": "str"},
    "edges": {c: {"seq": "int", "score": "float", "cited_date": "date"}.get(c, "str") for c in EDGE_COLUMNS},
}
# Every table of the typed outputs (SQLite, Parquet, xlsx, read_tables): the CSV tables, then these.
ALL_TABLES = {**TABLES, "texts": TEXT_COLUMNS, "edges": EDGE_COLUMNS}
# Changes with any column or type: tables written under another schema are never kept as they are.
SCHEMA_ID = hashlib.sha256(repr((ALL_TABLES, TYPES)).encode("utf-8")).hexdigest()[:16]


def _iso(date: ThaiDate | None) -> str | None:
    return date.date.isoformat() if date else None


def _text(date: ThaiDate | None) -> str | None:
    return date.text if date else None


def document_row(record: Record, incoming: list[str], paths: tuple[str, ...] = (), copy_group: str = "") -> dict:
    """One documents.csv row (``incoming``: ids of letters citing this one; ``paths``: every path holding the
    file's bytes; ``copy_group``: the best copy's doc_id when the letter is also in another file)."""
    from extractors.ref_numbers import agency_name

    ref, signer = record.ref_no, record.signer
    return {
        "doc_id": record.doc_id, "source_path": record.source.path, "source_sha256": record.source.sha256,
        "source_format": record.source_format, "method": record.method, "segment_index": record.segment_index,
        "doc_type": record.doc_type,
        "ref_no": ref.canonical if ref else None, "ref_no_text": ref.text if ref else None,
        "agency_code": (ref.agency or None) if ref else None,
        "agency_name": (agency_name(ref.agency) or None) if ref and ref.agency else None,
        "unit_code": (ref.unit or None) if ref else None, "serial": ref.serial if ref else None,
        "is_circular": ref.circular if ref else None,
        "issuer": record.issuer.value or None, "doc_date": _iso(record.doc_date), "doc_date_text": _text(record.doc_date),
        "subject": record.subject.value or None, "recipient": record.recipient.value or None,
        "urgency": record.urgency or None, "secrecy": record.secrecy or None,
        "signer_title": signer.title or None, "signer_name": signer.name or None,
        "signer_position": signer.position or None, "signer_acting": signer.acting or None,
        "signer_acting_for": signer.acting_for or None,
        "effective_date": _iso(record.effective_date),
        "effective_date_text": _text(record.effective_date),
        "effective_rule": record.effective_text or None,
        "n_references": len(record.citations), "n_attachments": len(record.attachments),
        "confidence": record.confidence, "problems": len(record.problems),
        "cited_by_count": len(incoming), "cited_by": ";".join(incoming) or None,
        "span_start": record.span.start, "span_end": record.span.end,
        **_instrument_columns(record),
        "source_paths": ";".join(paths or (record.source.path,)), "copy_group": copy_group or None,
        **_office_columns(record.issuer.value),
        "certified_by": " ".join(x for x in (record.certified_by.title, record.certified_by.name) if x) or None,
        "certified_by_position": record.certified_by.position or None,
    }


def _office_columns(issuer: str) -> dict:
    from extractors.issuer_office import split_issuer

    office, address = split_issuer(issuer)
    return {"issuer_office": office or None, "issuer_address": address or None}


def text_row(record: Record) -> dict:
    """The letter's normalised text; a span ``s`` of any table lies at ``s - span_start`` in it."""
    return {"doc_id": record.doc_id, "span_start": record.span.start, "text": record.text}


def _instrument_columns(record: Record) -> dict:
    mark, counter = record.gazette, record.countersigner
    return {
        "title": record.title.value or None,
        "gazette_volume": mark.volume if mark else None, "gazette_section": mark.section if mark else None,
        "gazette_page": mark.page if mark else None, "gazette_date": _iso(mark.date) if mark else None,
        "effective_date_source": record.effective_source or None,
        "countersigner_title": counter.title or None, "countersigner_name": counter.name or None,
        "countersigner_position": counter.position or None,
        "received_no": record.received_no or None, "received_date": _iso(record.received_date),
        "received_time": record.received_time or None, "received_text": record.received.text if record.received else None,
    }


def reference_rows(record: Record, groups: dict[tuple[str, int], str]) -> list[dict]:
    rows = []
    links = record.links or ()
    for i, c in enumerate(record.citations):
        link = links[i] if i < len(links) else None
        rows.append({
            "doc_id": record.doc_id, "seq": c.seq, "where": c.where, "cited_issuer": c.issuer or None,
            "ref_no": c.ref_no.canonical if c.ref_no else None, "ref_no_text": c.ref_no.text if c.ref_no else None,
            "cited_date": _iso(c.date), "cited_date_text": _text(c.date),
            "target_doc_id": (link.target_doc_id or None) if link else None,
            "status": link.status if link else "not_in_corpus", "score": link.score if link else 0.0,
            "candidates": ";".join(link.candidates) or None if link else None,
            "cited_group": groups.get((record.doc_id, c.seq)), "text": c.text,
            "span_start": c.span.start, "span_end": c.span.end,
        })
    return rows


def attachment_rows(record: Record) -> list[dict]:
    return [{"doc_id": record.doc_id, **a.to_dict(), "unit": a.unit or None} for a in record.attachments]


def date_rows(record: Record) -> list[dict]:
    return [{"doc_id": record.doc_id, **d.to_dict()} for d in record.dates]


def url_rows(record: Record) -> list[dict]:
    return [{"doc_id": record.doc_id, "seq": u.seq, "url": u.url or None, "url_text": u.text,
             "span_start": u.span.start if u.span else None, "span_end": u.span.end if u.span else None,
             "source": u.source, "page": u.page, "box": ",".join(map(str, u.box)) if u.box else None}
            for u in record.urls]


def issue_rows(problems: list[Problem]) -> list[dict]:
    return [p.to_dict() for p in problems]


def record_rows(record: Record, incoming: list[str], paths: tuple[str, ...], copy_group: str,
                groups: dict[tuple[str, int], str]) -> dict[str, list[dict]]:
    """One letter's rows of documents, references, attachments, dates and urls (lists, not yet escaped),
    and under ``nested`` its records.jsonl object; the arguments as for ``document_row`` and
    ``reference_rows``."""
    doc = document_row(record, incoming, paths, copy_group)
    refs, atts, dates = reference_rows(record, groups), attachment_rows(record), date_rows(record)
    urls = url_rows(record)
    signer = {k: doc[f"signer_{k}"] for k in ("title", "name", "position", "acting", "acting_for")}
    nested = {**doc, "signer": signer, "references": refs, "attachments": atts, "dates": dates,
              "urls": urls, "issues": issue_rows(list(record.problems))}
    return {"documents": [doc], "references": refs, "attachments": atts, "dates": dates, "urls": urls,
            "nested": [nested]}


def build_tables(records: list[Record], problems: list[Problem], paths: dict[str, tuple[str, ...]] | None = None,
                 copies: dict[str, str] | None = None) -> tuple[dict[str, list[dict]], list[dict]]:
    """All tables (``ALL_TABLES``: also ``texts`` and ``edges``), plus the nested JSON objects of
    records.jsonl (keys as in the CSVs).

    ``paths``: SHA-256 -> every path holding those bytes (byte-identical copies are one document);
    ``copies``: doc_id -> its copy group (``pipeline.copies.copy_groups``)."""
    paths, copies = paths or {}, copies or {}
    groups = cited_groups(records)
    incoming = cited_by(records)
    tables: dict[str, list[dict]] = {name: [] for name in TABLES}
    nested = []
    for record in records:
        rows = record_rows(record, incoming.get(record.doc_id, []), paths.get(record.source.sha256, ()),
                           copies.get(record.doc_id, ""), groups)
        for name in ("documents", "references", "attachments", "dates", "urls"):
            tables[name].extend(rows[name])
        nested.extend(rows["nested"])
    tables["issues"] = issue_rows(problems)
    tables["texts"] = [text_row(record) for record in records]
    tables["edges"] = graph_edges(records, groups)
    from pipeline.names import escape_rows  # any bytes of a file name, written as its stated escape

    return {name: escape_rows(rows) for name, rows in tables.items()}, escape_rows(nested)


def each_row(tables, name: str):
    """The rows of table ``name`` one at a time: ``tables`` is a dict of lists (``build_tables``), or rows kept
    on disk (``pipeline.sinks.KeptRows``, a streamed run's), read back as they are written out."""
    return tables.rows(name) if hasattr(tables, "rows") else iter(tables.get(name, []))
