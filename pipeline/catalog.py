"""The catalog of an output folder (``OUT/.saraban/catalog.sqlite``): every file ingested into it and
what each gave, committed as each file finishes, so a stopped run loses only the files in flight.

Two tables:

- ``results``: one row per file content (SHA-256) and pipeline version: the ``FileResult`` as JSON
  (``pipeline.codec``, data only) with the SHA-256 of that JSON, checked when it is read back;
- ``files``: one row per path: the content it held when last seen.

>>> # with Catalog.open(Path("ผลลัพธ์")) as catalog:
>>> #     catalog.store("หนังสือเวียน/ว ๒๐๕๕.txt", result, version)   # committed at once
>>> #     catalog.lookup(result.sha256, version)                         # -> the same FileResult
"""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from pipeline.codec import dumps, loads
from pipeline.results import FileResult

STATE_DIR = ".saraban"
CATALOG_NAME = "catalog.sqlite"
SCHEMA = (
    "CREATE TABLE IF NOT EXISTS results (sha256 TEXT NOT NULL, version TEXT NOT NULL, result TEXT NOT NULL,"
    " digest TEXT NOT NULL, PRIMARY KEY (sha256, version))",
    "CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, sha256 TEXT NOT NULL, version TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
)


@dataclass(frozen=True, slots=True)
class CatalogFile:
    """A path the catalog knows and the content (SHA-256) it held when last ingested."""

    path: str
    sha256: str
    version: str


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Catalog:
    """One SQLite file in WAL mode; each ``store`` is its own transaction."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    @classmethod
    def open(cls, out_dir: Path) -> Catalog:
        folder = Path(out_dir) / STATE_DIR
        folder.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(folder / CATALOG_NAME, isolation_level=None, timeout=30)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: a killed process loses nothing committed
        for statement in SCHEMA:
            db.execute(statement)
        return cls(db)

    def __enter__(self) -> Catalog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    def lookup(self, sha256: str, version: str) -> FileResult | None:
        """The stored result of this content under this version, or None (also when the row is damaged)."""
        row = self.db.execute("SELECT result, digest FROM results WHERE sha256 = ? AND version = ?",
                              (sha256, version)).fetchone()
        if row is None or _digest(row[0]) != row[1]:
            return None
        try:
            result = loads(row[0])
        except (ValueError, KeyError, TypeError):
            return None
        return result if isinstance(result, FileResult) else None

    def store(self, path: str, result: FileResult, version: str) -> None:
        """Keep ``result`` (for its content) and that ``path`` holds it, in one transaction."""
        text = dumps(result)
        with self.db:
            self.db.execute("BEGIN")
            self.db.execute("INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?)",
                            (result.sha256, version, text, _digest(text)))
            self.db.execute("INSERT OR REPLACE INTO files VALUES (?, ?, ?)", (path, result.sha256, version))

    def note(self, path: str, sha256: str, version: str) -> None:
        """Record that ``path`` holds content whose result is stored already (a rename, a copy)."""
        self.db.execute("INSERT OR REPLACE INTO files VALUES (?, ?, ?)", (path, sha256, version))

    def get(self, key: str) -> str | None:
        """A value of the ``meta`` table (what the last run wrote, for instance), or None."""
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def put(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def files(self) -> list[CatalogFile]:
        """Every path the catalog knows, sorted."""
        return [CatalogFile(*row) for row in self.db.execute("SELECT path, sha256, version FROM files ORDER BY path")]

    def forget(self, paths: list[str]) -> None:
        """Drop paths that are gone (deleted, renamed away, now excluded); results stay for their content."""
        with self.db:
            self.db.execute("BEGIN")
            self.db.executemany("DELETE FROM files WHERE path = ?", [(p,) for p in paths])
