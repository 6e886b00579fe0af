"""The end of a large run, in flat memory: copies grouped, citations linked and every table written from
the spill's index (``pipeline.spill``) and the letters read back from the catalog a slice at a time.

The tables are the ones the in-memory end writes (``pipeline.ingest``), byte for byte, because each
step is the same function over the same letters in the same order: ``pipeline.copies.rank_of`` picks a
group's best copy, ``pipeline.link.resolve`` links each citation against the same targets,
``pipeline.graph``'s rules group missing letters, and ``pipeline.tables.record_rows`` makes the rows.
Only the order-free parts are looked up in SQLite: who cites a letter, its copy group, its paths.

>>> # done = write_tables(spill, catalog, version, {}, [], Path("ผลลัพธ์"), ("sqlite",))
>>> # done.letters, done.written[0].name  ->  (100000, 'documents.csv')
"""

from __future__ import annotations

import itertools
import json
import marshal
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from pipeline.codec import loads
from pipeline.copies import rank_of
from pipeline.graph import _bucket, _group_key, _same_letter
from pipeline.graph import edges as graph_edges
from pipeline.link import RESOLVERS, resolve
from pipeline.models import Link, Problem, Record
from pipeline.names import unescape
from pipeline.results import FileResult, relocated
from pipeline.spill import Spill, SpilledIndex, stored
from pipeline.tables import issue_rows, record_rows

SLICE = 256  # files read back from the catalog at once
KEEP_RECORDS = 2_000  # a streamed run of at most this many letters also returns them (``IngestResult.records``)

# the letters in table order: each content's letters under its first path, in file order
IN_ORDER = """
    SELECT l.sha, l.pos, l.doc_id, l.citations, COALESCE(c.best, l.doc_id)
    FROM (SELECT sha, MIN(ord) AS first FROM inputs WHERE sha IS NOT NULL GROUP BY sha) f
    JOIN letters l ON l.sha = f.sha LEFT JOIN copies c ON c.doc_id = l.doc_id
    ORDER BY f.first, l.pos"""


@dataclass(frozen=True, slots=True)
class Streamed:
    """What the end of a streamed run wrote: every problem, the counts, the files, and the letters when few."""

    problems: list[Problem]
    unreadable: int
    letters: int
    written: list[Path]
    records: list[Record]


def group_copies(spill: Spill) -> None:
    """``pipeline.copies.copy_groups`` over the spill: each copy's best copy in ``copies``; only best copies
    stay link targets."""
    db = spill.db
    rows = db.execute("SELECT copy_key, doc_id, method, format, confidence FROM letters WHERE copy_key IN "
                      "(SELECT copy_key FROM letters WHERE copy_key IS NOT NULL GROUP BY copy_key "
                      "HAVING COUNT(DISTINCT sha) > 1) ORDER BY copy_key").fetchall()
    for _, members in itertools.groupby(rows, key=lambda row: row[0]):
        members = list(members)
        top = min(members, key=lambda m: rank_of(m[2], m[3], m[4], m[1]))[1]
        db.executemany("INSERT OR REPLACE INTO copies VALUES (?, ?)", ((m[1], top) for m in members))
    db.execute("DELETE FROM targets WHERE doc_id IN (SELECT doc_id FROM copies WHERE best != doc_id)")


def link_all(spill: Spill) -> None:
    """``pipeline.link.link`` over the spill: each letter's links, who cites whom (``cited_by``'s order) and
    the distinct missing letters cited (``pipeline.graph.cited_groups``' keys, with the first citation)."""
    db = spill.db
    index = SpilledIndex(db)
    cursor = db.execute(IN_ORDER)
    while rows := cursor.fetchmany(SLICE):
        for sha, pos, doc_id, text, best in rows:
            citations = loads(text)
            links = tuple(resolve(c, index, RESOLVERS, best) for c in citations)
            db.execute("INSERT INTO links VALUES (?, ?, ?)", (sha, pos, _packed(links)))
            for citation, link in zip(citations, links, strict=True):
                if link.status in ("resolved", "probable") and link.target_doc_id:
                    db.execute("INSERT OR IGNORE INTO incoming VALUES (?, ?)", (link.target_doc_id, doc_id))
                elif link.status == "not_in_corpus":
                    bucket, name = ascii(_bucket(citation)), _group_key(citation)
                    db.execute("INSERT OR IGNORE INTO missing VALUES (?, ?, ?, ?)",
                               (ascii((bucket, name)), bucket, json.dumps(name), stored(citation)))


def group_missing(spill: Spill) -> None:
    """``pipeline.graph.cited_groups`` over the spill's missing letters, a bucket (one office, one day) at a
    time: each key's group name in ``groups``."""
    db = spill.db
    rows = db.execute("SELECT key, bucket, name, citation FROM missing ORDER BY bucket, rowid")
    for _, members in itertools.groupby(rows, key=lambda row: row[1]):
        members = [(key, bucket, json.loads(name), citation) for key, bucket, name, citation in members]
        citations = [loads(m[3]) for m in members]
        parent = list(range(len(members)))
        for a, b in itertools.combinations(range(len(members)), 2):
            if _same_letter(citations[a], citations[b]):
                parent[_find(parent, a)] = _find(parent, b)
        names: dict[int, str] = {}
        for k, m in enumerate(members):
            root = _find(parent, k)
            names[root] = min(names.get(root, m[2]), m[2])
        db.executemany("INSERT INTO groups VALUES (?, ?)",
                       ((m[0], json.dumps(names[_find(parent, k)])) for k, m in enumerate(members)))


def _find(parent: list[int], i: int) -> int:
    """The root of ``i`` in the union-find forest ``parent`` (paths halved on the way)."""
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def standing(spill: Spill, catalog, version: str, unstored: dict[str, FileResult]) -> Iterator[tuple[FileResult | None, bool]]:
    """Each input in order as ``(result, readable)``; ``result`` None for a byte-identical copy whose
    letters stand under an earlier path (``pipeline.results.gathered``)."""
    db, last = spill.db, -1
    while rows := db.execute(
            "SELECT i.ord, i.path, i.sha, c.letters, c.readable, (SELECT MIN(ord) FROM inputs j WHERE j.sha = i.sha) "
            "FROM inputs i LEFT JOIN contents c ON c.sha = i.sha WHERE i.ord > ? ORDER BY i.ord LIMIT ?",
            (last, SLICE)).fetchall():
        last = rows[-1][0]
        rows = [(o, unescape(path), sha, letters, readable, first) for o, path, sha, letters, readable, first in rows]
        wanted = {sha for ord_, path, sha, letters, _, first in rows
                  if path not in unstored and sha and not (letters and first != ord_)}
        loaded = catalog.lookup_many(sorted(wanted), version)
        for ord_, path, sha, letters, readable, first in rows:
            if path in unstored:
                yield unstored[path], unstored[path].readable
            elif letters and first != ord_:
                yield None, True
            elif sha in loaded:
                yield relocated(loaded[sha], path), bool(readable)
            else:  # damaged since it was stored in this very run
                yield FileResult(path, sha or "", (), (Problem("catalog_unreadable", "the stored result of this file "
                                 "cannot be read back; run `saraban ingest` again", "error", path),), False), False


def write_tables(spill: Spill, catalog, version: str, unstored: dict[str, FileResult], refused: list[FileResult],
                 out_dir: Path, extra: tuple[str, ...], keep_records: int | None = None) -> Streamed:
    """Group copies, link, then write every table of ``out_dir`` (``extra`` as for ``write_all``) a letter at a
    time from ``catalog`` (results under ``version``); ``unstored``: path -> result of the files the catalog
    does not hold (stopped by a limit, or without a digest); ``refused``: discovery's issues rows, last."""
    from pipeline.sinks import TableSinks

    keep_records = KEEP_RECORDS if keep_records is None else keep_records
    group_copies(spill)
    link_all(spill)
    group_missing(spill)
    db = spill.db
    problems: list[Problem] = []
    records: list[Record] = []
    unreadable = letters = 0
    with TableSinks(out_dir, extra, spill.folder / "tables") as sinks:
        inputs = standing(spill, catalog, version, unstored)
        for result, readable in itertools.chain(inputs, ((r, r.readable) for r in refused)):
            unreadable += not readable
            if result is None:
                continue
            problems.extend(result.problems)
            sinks.add_issues(issue_rows(list(result.problems)))
            for pos, record in enumerate(result.records):
                record = _linked(db, result.sha256, pos, record)
                groups = _groups(db, record)
                incoming = [row[0] for row in db.execute("SELECT source FROM incoming WHERE target = ? ORDER BY rowid",
                                                         (record.doc_id,))]
                paths = tuple(unescape(row[0]) for row in db.execute("SELECT path FROM inputs WHERE sha = ? ORDER BY ord",
                                                                     (result.sha256,)))
                best = db.execute("SELECT best FROM copies WHERE doc_id = ?", (record.doc_id,)).fetchone()
                rows = record_rows(record, incoming, paths, best[0] if best else "", groups)
                sinks.add_letter(rows, record, graph_edges([record], groups))
                letters += 1
                if letters <= keep_records:
                    records.append(record)
        written = sinks.close()
    return Streamed(problems, unreadable, letters, written, records if letters <= keep_records else [])


def _packed(links: tuple[Link, ...]) -> bytes:
    """A letter's links as ``marshal`` bytes (plain values this process reads back within the run, a third of
    ``codec``'s time): ``Link("resolved", "0c8501f0230c-1", 1.0, ("0c8501f0230c-1",), "same number")``."""
    return marshal.dumps(tuple((k.status, k.target_doc_id, k.score, k.candidates, k.reason) for k in links))


def _linked(db, sha: str, pos: int, record: Record) -> Record:
    row = db.execute("SELECT links FROM links WHERE sha = ? AND pos = ?", (sha, pos)).fetchone()
    return replace(record, links=tuple(Link(*values) for values in marshal.loads(row[0])) if row else ())


def _groups(db, record: Record) -> dict[tuple[str, int], str]:
    """``cited_groups``' entries of this letter's missing citations."""
    groups = {}
    for citation, link in zip(record.citations, record.links, strict=False):
        if link.status == "not_in_corpus":
            key = ascii((ascii(_bucket(citation)), _group_key(citation)))
            row = db.execute("SELECT name FROM groups WHERE key = ?", (key,)).fetchone()
            if row:
                groups[(record.doc_id, citation.seq)] = json.loads(row[0])
    return groups


def fresh_events(spill: Spill, unstored: dict[str, FileResult]):
    """For each file read in this run, in order: its digest, its format and its ingestion (``pipeline.fixity``
    events, as ``pipeline.ingest`` logs them)."""
    from pipeline.fixity import DIGEST, FORMAT_ID, INGESTION, Event

    cursor = spill.db.execute("SELECT i.path, i.sha, c.readable, c.format, c.letters, c.codes FROM inputs i "
                              "LEFT JOIN contents c ON c.sha = i.sha WHERE i.fresh = 1 ORDER BY i.ord")
    while rows := cursor.fetchmany(SLICE):
        for path, sha, readable, fmt, count, codes in rows:
            path = unescape(path)
            if path in unstored:
                res = unstored[path]
                readable, fmt, count = res.readable, res.source_format, len(res.records)
                codes = ",".join(p.code for p in res.problems)
            sha = sha or ""
            if sha:
                yield Event(DIGEST, path, sha, "success", "sha256")
            if readable:
                yield Event(FORMAT_ID, path, sha, "success", fmt)
                yield Event(INGESTION, path, sha, "success", f"{count} letters")
            else:
                yield Event(INGESTION, path, sha, "fail", codes or "")
