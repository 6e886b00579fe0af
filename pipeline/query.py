"""``saraban query OUT``: the usual questions about a run, answered from its saraban.sqlite.

    saraban query data/processed cites "อท ๐๐๑๗.๒/ว ๒๐๕๖"      # the letters this one cites
    saraban query data/processed cited-by "อว 0603.32.01/4432"  # the letters that cite this one
    saraban query data/processed missing                         # cited letters the archive lacks
    saraban query data/processed effective 2561                  # rules that took effect in B.E. 2561
    saraban query data/processed from อท                         # what this office sent (code or name)
    saraban query data/processed search ภัยแล้ง                   # full-text search of the letters
    saraban query data/processed --sql "SELECT * FROM most_cited"

A REF is a letter number as printed or typed (Thai or Arabic digits, any spacing, ``ที่`` before it)
or a doc_id. Without saraban.sqlite (a run with ``--no-sqlite``, or one written by an older saraban
without the views) the database is built in memory from the CSVs.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from extractors.ref_numbers import parse_ref
from pipeline.normalize import normalize


@dataclass(frozen=True)
class Answer:
    """The rows of one question, with their column names."""

    columns: tuple[str, ...]
    rows: tuple[tuple, ...]

    def records(self) -> list[dict]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


class QueryError(ValueError):
    """A question that cannot be asked (unknown name, a missing or malformed argument, bad SQL)."""


def open_database(out: Path) -> sqlite3.Connection:
    """``out``/saraban.sqlite read-only, or the same database built in memory from the run's CSVs."""
    path = out / "saraban.sqlite"
    if path.exists():
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'citations'").fetchone():
            return db
        db.close()  # written by an older saraban, without the views: built afresh from the CSVs
    if not (out / "documents.csv").exists():
        raise QueryError(f"{out} holds neither saraban.sqlite nor documents.csv: not an output folder of saraban ingest")
    from pipeline.load import read_tables
    from pipeline.sqlite_db import fill_database

    db = sqlite3.connect(":memory:")
    fill_database(db, {name: _rows(frame) for name, frame in read_tables(out).items()})
    return db


def _rows(frame) -> list[dict]:
    """A typed frame's rows as Python values: nulls None, timestamps ISO dates."""
    rows = frame.astype(object).where(frame.notna(), None).to_dict("records")
    dates = [c for c in frame.columns if str(frame[c].dtype).startswith("datetime")]
    for row in rows:
        for column in dates:
            if row[column] is not None:
                row[column] = row[column].date().isoformat()
    return rows


def canonical_ref(ref: str) -> str | None:
    """The canonical form of a letter number as typed: ``"ที่ อท ๐๐๑๗.๒ / ว ๒๐๕๕"`` -> ``"อท 0017.2/ว 2055"``.

    >>> canonical_ref("อท๐๐๑๗.๒/ว.๒๐๕๕")
    'อท 0017.2/ว 2055'
    """
    text = re.sub(r"^\s*ที่\s*", "", normalize(ref).text)
    parsed = parse_ref(text, allow_short=True)
    return parsed.canonical if parsed else None


def _letters(db: sqlite3.Connection, ref: str) -> tuple[list[str], str | None]:
    """The doc_ids ``ref`` names (a doc_id, or letters of that number) and its canonical number."""
    if db.execute("SELECT 1 FROM documents WHERE doc_id = ?", (ref.strip(),)).fetchone():
        return [ref.strip()], None
    canonical = canonical_ref(ref)
    if canonical is None:
        raise QueryError(f"not a letter number or doc_id: {ref!r} (for example อท 0017.2/ว 2055)")
    ids = [r[0] for r in db.execute("SELECT doc_id FROM documents WHERE ref_no = ? ORDER BY doc_id", (canonical,))]
    return ids, canonical


def _run(db: sqlite3.Connection, sql: str, params: tuple = ()) -> Answer:
    try:
        cursor = db.execute(sql, params)
    except sqlite3.Error as exc:
        raise QueryError(f"SQL: {exc}") from exc
    columns = tuple(d[0] for d in cursor.description or ())
    return Answer(columns, tuple(cursor.fetchall()))


def _marks(values: list[str]) -> str:
    return ", ".join("?" for _ in values)


def cites(db: sqlite3.Connection, ref: str) -> Answer:
    """Every citation in the letter(s) ``ref`` names, with the cited letter when the archive has it."""
    ids, _ = _letters(db, ref)
    return _run(db, f"""SELECT citing_doc_id, citing_ref_no, seq, cited_ref_no, cited_date, cited_issuer, status,
        target_doc_id, target_subject FROM citations WHERE citing_doc_id IN ({_marks(ids)})
        ORDER BY citing_doc_id, seq""", tuple(ids))


def cited_by(db: sqlite3.Connection, ref: str) -> Answer:
    """The letters that cite ``ref``: links to the letter, or citations of its number (also when the
    archive lacks it), and of the variant numbers that name the same missing letter (``cited_group``)."""
    ids, canonical = _letters(db, ref)
    return _run(db, f"""SELECT citing_doc_id, citing_ref_no, citing_date, citing_subject, seq, cited_ref_no,
        status, score, target_doc_id FROM citations
        WHERE target_doc_id IN ({_marks(ids)}) OR cited_ref_no = ?
           OR cited_group IN (SELECT cited_group FROM "references" WHERE ref_no = ?)
        ORDER BY citing_date, citing_doc_id, seq""", (*ids, canonical or "", canonical or ""))


def missing(db: sqlite3.Connection) -> Answer:
    """Cited letters the archive lacks, most cited first (one row per ``cited_group``)."""
    return _run(db, "SELECT * FROM missing_letters")


def effective(db: sqlite3.Connection, year: str) -> Answer:
    """Rules that took effect in the Buddhist-era ``year`` (``2562`` or ``๒๕๖๒``)."""
    digits = normalize(year).text.strip().translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))
    if not digits.isdigit() or not 2400 <= int(digits) <= 2700:
        raise QueryError(f"effective YEAR is a Buddhist-era year such as 2562, not {year!r}")
    return _run(db, "SELECT * FROM effective_timeline WHERE year_be = ?", (int(digits),))


def sent_by(db: sqlite3.Connection, agency: str) -> Answer:
    """Letters of an agency code (``มท``: the code of their number) or of an office whose name holds
    ``agency`` (``จังหวัดอ่างทอง``: agency name, issuing office or issuer)."""
    name = normalize(agency).text.strip()
    if not name:
        raise QueryError("from AGENCY needs a code such as มท or a name")
    columns = "doc_id, ref_no, doc_date, doc_type, agency_code, issuer_office, subject"
    if _AGENCY_CODE.fullmatch(name):
        return _run(db, f"SELECT {columns} FROM documents WHERE agency_code = ? ORDER BY doc_date, doc_id", (name,))
    like = f"%{name}%"
    return _run(db, f"""SELECT {columns} FROM documents
        WHERE agency_name LIKE ? OR issuer_office LIKE ? OR issuer LIKE ? ORDER BY doc_date, doc_id""",
                (like, like, like))


_AGENCY_CODE = re.compile(r"[ก-ฮ]{2,3}")  # มท, ศธ, อว: consonants only, never a name


def search(db: sqlite3.Connection, words: str) -> Answer:
    """Letters whose text holds ``words`` (three characters or more), with a snippet."""
    from pipeline.sqlite_db import search_text

    words = normalize(words).text.strip()
    if len(words) < 3:
        raise QueryError("search needs three characters or more (the index is of trigrams)")
    rows = search_text(db, words)
    return Answer(("doc_id", "snippet"), tuple(rows))


QUESTIONS = {"cites": cites, "cited-by": cited_by, "missing": missing, "effective": effective,
             "from": sent_by, "search": search}
TAKES_ARGUMENT = {"cites": "REF", "cited-by": "REF", "effective": "YEAR", "from": "AGENCY", "search": "WORDS"}


def ask(out: Path, question: str = "", argument: str = "", sql: str = "") -> Answer:
    """The answer to a named question or to ``sql`` over the run in ``out``."""
    if bool(question) == bool(sql):
        raise QueryError("ask one question: " + ", ".join(QUESTIONS) + ", or --sql")
    if question and question not in QUESTIONS:
        raise QueryError(f"unknown question {question!r}: " + ", ".join(QUESTIONS))
    if question in TAKES_ARGUMENT and not argument:
        raise QueryError(f"{question} needs {TAKES_ARGUMENT[question]}")
    db = open_database(out)
    try:
        if sql:
            return _run(db, sql)
        answer = QUESTIONS[question]
        return answer(db, argument) if question in TAKES_ARGUMENT else answer(db)
    finally:
        db.close()


def render(answer: Answer, fmt: str, out, terminal: bool = False) -> None:
    """Print ``answer`` to ``out``: ``table`` (rich on a terminal, tab-separated otherwise), ``csv`` or ``json``."""
    import csv
    import json

    if fmt == "json":
        json.dump(answer.records(), out, ensure_ascii=False, indent=1)
        out.write("\n")
    elif fmt == "csv":
        writer = csv.writer(out)
        writer.writerow(answer.columns)
        writer.writerows([["" if v is None else v for v in row] for row in answer.rows])
    elif terminal:
        from rich.console import Console
        from rich.table import Table

        table = Table(*answer.columns, show_lines=False)
        for row in answer.rows:
            table.add_row(*("" if v is None else str(v) for v in row))
        Console(file=out).print(table)
    else:
        out.write("\t".join(answer.columns) + "\n")
        for row in answer.rows:
            out.write("\t".join("" if v is None else str(v).replace("\n", " ") for v in row) + "\n")
