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

import errno
import hashlib
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from pipeline.codec import dumps, loads
from pipeline.names import escape, unescape
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


def _storable(text: str) -> str:
    """JSON text SQLite can hold: a lone surrogate (a file name's byte that is not UTF-8, ``"\\udcff"``) as
    its JSON escape, which ``json.loads`` reads back as the same character."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def encode(result: FileResult) -> str:
    """The text ``store`` keeps for ``result`` (workers make it, ``pipeline.process.Encoded``)."""
    return _storable(dumps(result))


EXPECTED = {"results": ("sha256", "version", "result", "digest"), "files": ("path", "sha256", "version"),
            "meta": ("key", "value")}
SQLITE_FULL = 13  # sqlite's "database or disk is full"


def _connect(path: Path) -> sqlite3.Connection:
    """The catalog at ``path`` with its tables; sqlite3.DatabaseError when the file is not (or no longer)
    a catalog: not a database, damaged pages, another program's tables."""
    db = sqlite3.connect(path, isolation_level=None, timeout=30)
    try:
        db.text_factory = lambda raw: raw.decode("utf-8", "replace")  # a damaged byte fails its row's digest
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: a killed process loses nothing committed
        for statement in SCHEMA:
            db.execute(statement)
        for table, columns in EXPECTED.items():
            found = tuple(row[1] for row in db.execute(f"PRAGMA table_info({table})"))
            if found != columns:
                raise sqlite3.DatabaseError(f"table {table} has columns {', '.join(found)}, not a saraban catalog")
        problems = [row[0] for row in db.execute("PRAGMA integrity_check(5)")]  # ~30 ms for 60 MB
        if problems != ["ok"]:
            raise sqlite3.DatabaseError("; ".join(problems))
    except BaseException:
        db.close()
        raise
    return db


def _full(exc: sqlite3.Error) -> bool:
    return getattr(exc, "sqlite_errorcode", None) == SQLITE_FULL or "disk is full" in str(exc)


class Catalog:
    """One SQLite file in WAL mode; each ``store`` is its own transaction.

    A catalog that cannot be trusted never fails a run: a damaged entry (its digest does not match) is
    dropped and the file read again; a damaged or foreign file is set aside as ``catalog.sqlite.damaged``
    and a fresh catalog started. Each such event is one line in ``warnings``. A full disk is ``OSError``
    (ENOSPC), as for any other output.
    """

    def __init__(self, db: sqlite3.Connection, path: Path | None = None) -> None:
        self.db = db
        self.path = path
        self.warnings: list[str] = []
        self.dropped = 0  # entries dropped because their digest did not match
        self.pending: list[tuple[tuple, tuple]] = []  # staged results, not yet committed (``flush``)

    @classmethod
    def open(cls, out_dir: Path) -> Catalog:
        folder = Path(out_dir) / STATE_DIR
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / CATALOG_NAME
        try:
            return cls(_connect(path), path)
        except sqlite3.DatabaseError as exc:
            if _full(exc):
                raise OSError(errno.ENOSPC, "No space left on device (writing the catalog)") from None
            catalog = cls(sqlite3.connect(":memory:"), path)
            catalog._restart(exc)
            return catalog

    def _restart(self, exc: BaseException) -> None:
        """Set the damaged catalog aside and go on with a fresh one (every file is read again)."""
        if isinstance(exc, sqlite3.Error) and _full(exc):
            raise OSError(errno.ENOSPC, "No space left on device (writing the catalog)") from None
        self.db.close()
        assert self.path is not None
        for suffix in ("", "-wal", "-shm"):
            old = self.path.with_name(self.path.name + suffix)
            if old.exists():
                os.replace(old, old.with_name(old.name + ".damaged"))
        self.warnings.append(f"the catalog {self.path} could not be used ({exc}); it was set aside as "
                             f"{self.path.name}.damaged and the files are read again")
        try:
            self.db = _connect(self.path)
        except sqlite3.DatabaseError:  # cannot start one either: this run keeps its catalog in memory
            self.db = sqlite3.connect(":memory:", isolation_level=None)
            for statement in SCHEMA:
                self.db.execute(statement)

    def _safe(self, work, fallback):
        """``work(db)``; on a damaged catalog: set it aside, start afresh, and give ``fallback``."""
        try:
            return work(self.db)
        except sqlite3.DatabaseError as exc:
            self._restart(exc)
            return fallback

    def __enter__(self) -> Catalog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.flush()
        if self.dropped:
            self.warnings.append(f"{self.dropped} damaged catalog entries were dropped and their files read again")
            self.dropped = 0
        self.db.close()

    def lookup(self, sha256: str, version: str) -> FileResult | None:
        """The stored result of this content under this version, or None (also when the row is damaged)."""
        row = self._safe(lambda db: db.execute("SELECT result, digest FROM results WHERE sha256 = ? AND version = ?",
                                               (sha256, version)).fetchone(), None)
        if row is None:
            return None
        result = None
        if _digest(row[0]) == row[1]:
            try:
                result = loads(row[0])
            except (ValueError, KeyError, TypeError, RecursionError):
                result = None
        if not isinstance(result, FileResult):
            self.dropped += 1
            return None
        return result

    def lookup_many(self, shas: list[str], version: str) -> dict[str, FileResult]:
        """``lookup`` of a slice of contents in one query: ``sha256 -> FileResult`` of those stored and whole."""
        found: dict[str, FileResult] = {}
        for start in range(0, len(shas), 500):  # SQLite's limit on a statement's parameters
            part = shas[start : start + 500]
            marks = ", ".join("?" for _ in part)
            rows = self._safe(lambda db, part=part, marks=marks: db.execute(
                f"SELECT sha256, result, digest FROM results WHERE version = ? AND sha256 IN ({marks})",
                (version, *part)).fetchall(), [])
            for sha, text, digest in rows:
                result = None
                if _digest(text) == digest:
                    try:
                        result = loads(text)
                    except (ValueError, KeyError, TypeError, RecursionError):
                        result = None
                if isinstance(result, FileResult):
                    found[sha] = result
                else:
                    self.dropped += 1
        return found

    def store(self, path: str, result: FileResult, version: str) -> None:
        """Keep ``result`` (for its content) and that ``path`` holds it, in one transaction."""
        self.stage(path, result, version)
        self.flush()

    def stage(self, path: str, result: FileResult, version: str, text: str | None = None) -> None:
        """``store``, committed by the next ``flush`` (with every result staged since: one transaction, not one
        a file; the run flushes before it waits for more results, so a kill loses only the files in flight);
        ``text``: ``encode(result)`` when it was made already."""
        text = encode(result) if text is None else text
        self.pending.append(((result.sha256, version, text, _digest(text)), (escape(path), result.sha256, version)))

    def flush(self) -> None:
        """Commit every staged result, in one transaction."""
        if not self.pending:
            return
        pending, self.pending = self.pending, []

        def work(db: sqlite3.Connection) -> None:
            with db:
                db.execute("BEGIN")
                db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?)", (r for r, _ in pending))
                db.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?)", (f for _, f in pending))

        self._safe(work, None)

    def note(self, path: str, sha256: str, version: str) -> None:
        """Record that ``path`` holds content whose result is stored already (a rename, a copy)."""
        self._safe(lambda db: db.execute("INSERT OR REPLACE INTO files VALUES (?, ?, ?)",
                                         (escape(path), sha256, version)), None)

    def get(self, key: str) -> str | None:
        """A value of the ``meta`` table (what the last run wrote, for instance), or None."""
        row = self._safe(lambda db: db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone(), None)
        return row[0] if row else None

    def put(self, key: str, value: str) -> None:
        self._safe(lambda db: db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, _storable(value))), None)

    def files(self) -> list[CatalogFile]:
        """Every path the catalog knows, sorted."""
        rows = self._safe(lambda db: db.execute("SELECT path, sha256, version FROM files ORDER BY path").fetchall(), [])
        return [CatalogFile(unescape(path), sha, version) for path, sha, version in rows]

    def forget(self, paths: list[str]) -> None:
        """Drop paths that are gone (deleted, renamed away, now excluded); results stay for their content."""

        def work(db: sqlite3.Connection) -> None:
            with db:
                db.execute("BEGIN")
                db.executemany("DELETE FROM files WHERE path = ?", [(escape(p),) for p in paths])

        self._safe(work, None)
