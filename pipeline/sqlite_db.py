"""``saraban.sqlite``: every table with declared types, keys, indexes, the citation edges, views for the
usual questions, and full-text search over each letter's text (a trigram index with ``--search-index``,
else a scan that finds the same letters).

Types come from ``pipeline.tables.TYPES`` (``unit_code`` is TEXT, so ``0418`` keeps its zero; dates are
ISO text in DATE columns, booleans 0/1 in BOOLEAN columns). Full-text search is FTS5 with the
``trigram`` tokenizer: Thai is written without spaces between words, and a trigram index finds any
substring of three characters or more (``ภัยแล้ง``) without a word segmenter's mistakes
(docs/BENCHMARKS.md compares it with pythainlp-segmented text).

    SELECT doc_id FROM texts WHERE rowid IN (SELECT rowid FROM texts_fts WHERE texts_fts MATCH '"ภัยแล้ง"')
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from pipeline.tables import ALL_TABLES
from pipeline.typed import SQLITE_TYPES, column_type, typed_value

# table -> (primary key, {column: referenced table}); keys only where the rows are unique by construction
KEYS: dict[str, tuple[tuple[str, ...], dict[str, str]]] = {
    "documents": (("doc_id",), {"copy_group": "documents"}),
    "references": (("doc_id", "seq"), {"doc_id": "documents", "target_doc_id": "documents"}),
    "attachments": (("doc_id", "seq"), {"doc_id": "documents"}),
    "dates": ((), {"doc_id": "documents"}),
    "issues": ((), {}),
    "urls": ((), {"doc_id": "documents"}),
    "texts": (("doc_id",), {"doc_id": "documents"}),
    "edges": ((), {"source": "documents"}),
}
INDEXES = (
    ("documents", ("ref_no",)), ("documents", ("agency_code", "doc_date")), ("documents", ("doc_date",)),
    ("documents", ("effective_date",)), ("documents", ("issuer_office",)),
    ("references", ("target_doc_id",)), ("references", ("ref_no",)), ("references", ("cited_group",)),
    ("references", ("status",)), ("attachments", ("doc_id",)), ("dates", ("doc_id",)), ("dates", ("date",)),
    ("urls", ("doc_id",)), ("issues", ("doc_id",)), ("issues", ("code",)),
    ("edges", ("source",)), ("edges", ("target",)),
)

_YEAR = "CAST(strftime('%Y', {c}) AS INTEGER) + 543"
# ปีงบประมาณ: the Thai fiscal year starts on 1 October, so 1 Oct 2019 .. 30 Sep 2020 is fiscal 2563
_FISCAL = "CAST(strftime('%Y', {c}) AS INTEGER) + 543 + (CAST(strftime('%m', {c}) AS INTEGER) >= 10)"

VIEWS = {
    # every citation with both ends: the citing letter's and the cited letter's number, subject and date
    "citations": """
        SELECT r.doc_id AS citing_doc_id, s.ref_no AS citing_ref_no, s.subject AS citing_subject,
               s.doc_date AS citing_date, r.seq, r."where", r.ref_no AS cited_ref_no, r.cited_date,
               r.cited_issuer, r.status, r.score, r.target_doc_id, t.ref_no AS target_ref_no,
               t.subject AS target_subject, t.doc_date AS target_date, r.cited_group
        FROM "references" r JOIN documents s ON s.doc_id = r.doc_id
        LEFT JOIN documents t ON t.doc_id = r.target_doc_id""",
    # the letters of the archive cited most (resolved or probable links)
    "most_cited": """
        SELECT t.doc_id, t.ref_no, t.subject, t.doc_date, COUNT(*) AS n_citations,
               COUNT(DISTINCT r.doc_id) AS n_citing_letters
        FROM "references" r JOIN documents t ON t.doc_id = r.target_doc_id
        WHERE r.status IN ('resolved', 'probable')
        GROUP BY t.doc_id ORDER BY n_citations DESC, t.doc_date""",
    # cited letters the archive lacks, one row per cited_group (variant numbers of one letter)
    "missing_letters": """
        SELECT cited_group, MIN(ref_no) AS ref_no, GROUP_CONCAT(DISTINCT ref_no) AS ref_nos, MIN(cited_date) AS cited_date,
               MIN(cited_issuer) AS cited_issuer, COUNT(*) AS n_citations,
               COUNT(DISTINCT doc_id) AS n_citing_letters, GROUP_CONCAT(DISTINCT doc_id) AS citing_doc_ids
        FROM "references" WHERE status = 'not_in_corpus' AND cited_group IS NOT NULL
        GROUP BY cited_group ORDER BY n_citations DESC, cited_group""",
    # each letter's Buddhist-era year and fiscal year (ปีงบประมาณ) of its own date
    "letter_years": f"""
        SELECT doc_id, agency_code, agency_name, issuer_office, doc_date,
               {_YEAR.format(c="doc_date")} AS year_be, {_FISCAL.format(c="doc_date")} AS fiscal_year_be
        FROM documents WHERE doc_date IS NOT NULL""",
    "letters_by_agency_year": """
        SELECT agency_code, agency_name, year_be, COUNT(*) AS n_letters
        FROM letter_years GROUP BY agency_code, agency_name, year_be ORDER BY agency_code, year_be""",
    "letters_by_agency_fiscal_year": """
        SELECT agency_code, agency_name, fiscal_year_be, COUNT(*) AS n_letters
        FROM letter_years GROUP BY agency_code, agency_name, fiscal_year_be ORDER BY agency_code, fiscal_year_be""",
    # when each rule applies: a date, or a start printed as a rule without one
    "effective_timeline": f"""
        SELECT effective_date, {_YEAR.format(c="effective_date")} AS year_be, effective_date_source,
               effective_date_text, effective_rule, doc_id, doc_type, ref_no, COALESCE(subject, title) AS subject,
               doc_date
        FROM documents WHERE effective_date IS NOT NULL OR effective_rule IS NOT NULL
        ORDER BY effective_date IS NULL, effective_date, doc_id""",
}


def _create(name: str) -> str:
    columns = ALL_TABLES[name]
    key, refs = KEYS.get(name, ((), {}))
    parts = [f'"{c}" {SQLITE_TYPES[column_type(name, c)]}' for c in columns]
    if key:
        parts.append(f"PRIMARY KEY ({', '.join(key)})")
    parts += [f'FOREIGN KEY ("{c}") REFERENCES "{t}"(doc_id)' for c, t in refs.items()]
    return f'CREATE TABLE "{name}" (\n  ' + ",\n  ".join(parts) + "\n)"


def _sqlite_value(kind: str, value: object) -> object:
    value = typed_value(kind, value)
    return value.isoformat() if isinstance(value, dt.date) else value


def write_database(tables: dict[str, list[dict]], path: Path, search_index: bool = True) -> None:
    """Create ``path`` from the rows of ``build_tables`` (a table missing from ``tables`` is empty)."""
    db = sqlite3.connect(path)
    try:
        fill_database(db, tables, search_index)
    finally:
        db.close()


def fill_database(db: sqlite3.Connection, tables: dict[str, list[dict]], search_index: bool = True) -> None:
    """Tables, indexes, views and (``search_index``) the full-text index in the empty database ``db``."""
    with db:
        for name, columns in ALL_TABLES.items():
            db.execute(_create(name))
            kinds = [column_type(name, c) for c in columns]
            marks = ", ".join("?" for _ in columns)
            db.executemany(f'INSERT INTO "{name}" VALUES ({marks})',  # row by row: ``tables`` may stream them
                           (tuple(_sqlite_value(k, row.get(c)) for k, c in zip(kinds, columns, strict=True))
                            for row in tables.get(name, [])))
        for table, columns in INDEXES:
            db.execute(f'CREATE INDEX "{table}_{"_".join(columns)}" ON "{table}" ({", ".join(columns)})')
        for name, body in VIEWS.items():
            db.execute(f'CREATE VIEW "{name}" AS {body}')
        if search_index:
            db.execute("CREATE VIRTUAL TABLE texts_fts USING fts5(text, content='texts', content_rowid='rowid', "
                       "tokenize='trigram')")
            db.execute("INSERT INTO texts_fts(texts_fts) VALUES ('rebuild')")


SNIPPET = 32  # characters of context on each side of a match found without the index


def search_text(db: sqlite3.Connection, words: str) -> list[tuple[str, str]]:
    """``(doc_id, snippet)`` of every letter whose text holds ``words`` (three characters or more): through
    the trigram index ``texts_fts`` when the database has one (``saraban ingest --search-index``), else by
    reading every text (the same letters; a second or so for 100,000 letters)."""
    if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'texts_fts'").fetchone():
        phrase = '"' + words.replace('"', '""') + '"'
        return db.execute(
            "SELECT t.doc_id, snippet(texts_fts, 0, '[', ']', '…', 64) FROM texts_fts "
            "JOIN texts t ON t.rowid = texts_fts.rowid WHERE texts_fts MATCH ? ORDER BY t.doc_id", (phrase,)
        ).fetchall()
    rows = db.execute("SELECT doc_id, text, instr(text, ?) FROM texts WHERE instr(text, ?) > 0 ORDER BY doc_id",
                      (words, words)).fetchall()
    return [(doc_id, _snippet(text, at - 1, len(words))) for doc_id, text, at in rows]


def _snippet(text: str, start: int, length: int) -> str:
    """``…context[match]context…`` around the first match, on one line."""
    before, after = max(0, start - SNIPPET), start + length + SNIPPET
    lead, tail = ("…" if before else ""), ("…" if after < len(text) else "")
    piece = f"{text[before:start]}[{text[start:start + length]}]{text[start + length:after]}"
    return lead + piece.replace("\n", " ") + tail
