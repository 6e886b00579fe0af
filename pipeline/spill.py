"""A large run's working tables on disk: what linking needs of every letter, kept in SQLite, not in memory.

A run over an archive (100,000 letters) cannot hold every ``Record`` until the end, so as each file's
result arrives only a compact index of its letters goes here (number, office, day, issuer, the copy
key, the citations); the letters themselves stay in the catalog and are read back in slices when the
tables are written (``pipeline.streamed``). The linker reads this index through ``SpilledIndex``, which
answers the same ``by_ref``, ``by_unit_day`` and ``by_date`` look-ups as ``pipeline.link.CorpusIndex``.
SQLite rather than a dict because its page cache is bounded: memory stays flat however many letters.

>>> # spill = Spill(Path("ผลลัพธ์/.saraban/spill-4242"))
>>> # spill.add_content(result)          # a file's letters: "อท 0017.2/ว 2055" of 2019-05-26, its citations
>>> # SpilledIndex(spill.db).by_ref.get("อท 0017.2/ว 2055", [])  -> [Target('0c8501f0230c-1', …)]
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

from pipeline.codec import dumps
from pipeline.copies import letter_key
from pipeline.link import Target
from pipeline.names import escape

SCHEMA = (
    # every input of the run, in order: its path and content; fresh when read in this run (not from the catalog)
    "CREATE TABLE inputs (ord INTEGER PRIMARY KEY, path TEXT NOT NULL, sha TEXT, fresh INTEGER NOT NULL)",
    "CREATE INDEX inputs_sha ON inputs (sha)",
    # one row per content: what the events log and the counts need of it
    "CREATE TABLE contents (sha TEXT PRIMARY KEY, readable INTEGER, format TEXT, letters INTEGER, codes TEXT)",
    # one row per letter of a content: its copy key and rank, and its citations (``codec`` JSON)
    "CREATE TABLE letters (sha TEXT NOT NULL, pos INTEGER NOT NULL, doc_id TEXT NOT NULL, copy_key BLOB,"
    " method TEXT, format TEXT, confidence REAL, citations TEXT NOT NULL, PRIMARY KEY (sha, pos))",
    "CREATE INDEX letters_key ON letters (copy_key)",
    # what the linker knows of each letter (``pipeline.link.Target``): best copies only, once copies are grouped
    "CREATE TABLE targets (sha TEXT NOT NULL, pos INTEGER NOT NULL, doc_id TEXT NOT NULL, ref TEXT, agency TEXT,"
    " unit TEXT, serial INTEGER, circular INTEGER, date TEXT, names TEXT, numbered INTEGER, PRIMARY KEY (sha, pos))",
    "CREATE INDEX targets_ref ON targets (ref)",
    "CREATE INDEX targets_unit_day ON targets (agency, unit, date)",
    "CREATE INDEX targets_date ON targets (date)",
    "CREATE TABLE copies (doc_id TEXT PRIMARY KEY, best TEXT NOT NULL)",
    # each letter's links (``marshal``), who cites whom, and the missing letters' groups
    "CREATE TABLE links (sha TEXT NOT NULL, pos INTEGER NOT NULL, links BLOB NOT NULL, PRIMARY KEY (sha, pos))",
    "CREATE TABLE incoming (target TEXT NOT NULL, source TEXT NOT NULL, UNIQUE (target, source))",
    "CREATE TABLE missing (key TEXT PRIMARY KEY, bucket TEXT NOT NULL, name TEXT NOT NULL, citation TEXT NOT NULL)",
    "CREATE INDEX missing_bucket ON missing (bucket)",
    "CREATE TABLE groups (key TEXT PRIMARY KEY, name TEXT NOT NULL)",
)
CACHE_KIB = 16_384  # SQLite's page cache for the spill: the most memory it takes, whatever the run's size


def stored(value: object) -> str:
    """``codec`` JSON that SQLite can hold: a lone surrogate (a byte of a file's text that was not UTF-8) as
    its JSON escape, which ``codec.loads`` reads back as the same character."""
    return dumps(value).encode("utf-8", "backslashreplace").decode("utf-8")


def copy_key(record) -> bytes | None:
    """A fixed-size stand-in for ``pipeline.copies.letter_key`` (its SHA-256): letters with equal keys are copies."""
    key = letter_key(record)
    return None if key is None else hashlib.sha256(json.dumps(key).encode("ascii")).digest()


class Spill:
    """The spill database in ``folder`` (created; removed by ``close``)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder.mkdir(parents=True)
        self.db = sqlite3.connect(self.folder / "spill.sqlite", isolation_level=None)
        self.db.execute("PRAGMA journal_mode=OFF")  # scratch data: a crash leaves nothing worth recovering
        self.db.execute("PRAGMA synchronous=OFF")
        self.db.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        self.db.execute("PRAGMA temp_store=FILE")
        for statement in SCHEMA:
            self.db.execute(statement)
        self.db.execute("BEGIN")

    def close(self) -> None:
        self.db.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def add_input(self, ord_: int, path: str, sha: str | None, fresh: bool) -> None:
        """The run's ``ord_``-th input, its content, and whether it is read in this run (paths as the tables
        write them, ``pipeline.names.escape``: SQLite holds no lone surrogate)."""
        self.db.execute("INSERT INTO inputs VALUES (?, ?, ?, ?)", (ord_, escape(path), sha, int(fresh)))

    def add_content(self, result) -> None:
        """What linking needs of one file's result (``FileResult``), once per content."""
        if not result.sha256:
            return
        codes = ",".join(p.code for p in result.problems)
        new = self.db.execute("INSERT OR IGNORE INTO contents VALUES (?, ?, ?, ?, ?)",
                              (result.sha256, int(result.readable), result.source_format, len(result.records),
                               codes)).rowcount
        if not new:
            return
        from extractors.ref_numbers import agency_name
        from pipeline.link import NUMBERED_KINDS

        for pos, r in enumerate(result.records):
            self.db.execute("INSERT INTO letters VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                            (result.sha256, pos, r.doc_id, copy_key(r), r.method, r.source_format, r.confidence,
                             stored(r.citations)))
            ref = r.ref_no
            names = [n for n in (r.issuer.value, agency_name(ref.agency) if ref else "") if n]
            self.db.execute("INSERT INTO targets VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            (result.sha256, pos, r.doc_id, ref.key if ref else "", ref.agency if ref else "",
                             ref.unit if ref else "", ref.serial if ref else None, int(ref.circular) if ref else 0,
                             r.doc_date.date.isoformat() if r.doc_date else None, json.dumps(names),
                             int(r.doc_type in NUMBERED_KINDS)))


def _target(row) -> Target:
    doc_id, ref, agency, unit, serial, circular, date, names, numbered = row
    return Target(doc_id, ref, agency, unit, serial, bool(circular), dt.date.fromisoformat(date) if date else None,
                  tuple(json.loads(names)), bool(numbered))


class _Lookup:
    """One look-up of ``SpilledIndex`` as a mapping's ``get``: ``key -> [Target, …]``; the last ``CACHED`` keys'
    answers are kept (the resolvers ask for one day several times, and many letters cite the same ones)."""

    COLUMNS = "doc_id, ref, agency, unit, serial, circular, date, names, numbered"
    CACHED = 512

    def __init__(self, db: sqlite3.Connection, where: str, params) -> None:
        self.db, self.sql, self.params = db, f"SELECT {self.COLUMNS} FROM targets WHERE {where} ORDER BY rowid", params
        self.cache: dict = {}

    def get(self, key, default=None):
        found = self.cache.pop(key, None)
        if found is None:
            found = tuple(_target(row) for row in self.db.execute(self.sql, self.params(key)))
            if len(self.cache) >= self.CACHED:
                del self.cache[next(iter(self.cache))]  # the least recently asked
        self.cache[key] = found
        return list(found) if found else default


class SpilledIndex:
    """``pipeline.link.CorpusIndex``'s look-ups over the spill's ``targets`` (best copies of every letter), made
    once the targets are complete (a cached answer is never outdated)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.by_ref = _Lookup(db, "ref = ? AND ref != ''", lambda ref: (ref,))
        self.by_unit_day = _Lookup(db, "ref != '' AND agency = ? AND unit = ? AND date IS ?",
                                   lambda key: (key[0], key[1], key[2].isoformat() if key[2] else None))
        self.by_date = _Lookup(db, "date = ?", lambda day: (day.isoformat(),))
