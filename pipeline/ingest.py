"""Files -> linked tables: read, normalise, segment and extract per file (in parallel), then link.

Per-file work is a pure function of the file's bytes, so each result is committed to the output
folder's catalog (``pipeline.catalog``, SQLite) as the file finishes, keyed by the file's SHA-256 and
a hash of this package's code, tables and OCR switches: a stopped run loses only the files in flight,
and a rerun over an unchanged archive hashes each file and does nothing else. The catalog remembers
every file ingested into the folder, so a later run over another folder links to letters ingested
earlier; files gone from the folders given are dropped. Linking and the tables are always redone
over the whole catalog.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import shutil
import sys
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import TextIO

from pipeline.codec import dumps, loads, register
from pipeline.models import Problem, Record
from pipeline.ocr import OcrOptions
from pipeline.process import plan_or_process, process_file, read_all, stopped
from pipeline.results import FileResult, gathered, relocated

__all__ = ["FileResult", "IngestResult", "code_version", "plan_or_process", "process_file", "run_ingest", "summary"]


@dataclass(frozen=True, slots=True)
class IngestResult:
    files: int
    records: list[Record]
    problems: list[Problem]
    unreadable: int
    cached: int
    written: list[Path]
    skipped: dict[str, int] = field(default_factory=dict)  # reason -> files not taken as input
    changed: tuple[str, ...] = ()  # inputs whose bytes differ from the last run's manifest (fixity check failed)
    letters: int = 0  # letters in the tables (``records`` is empty when the tables were kept as they were, and
    # for a streamed run of more than ``pipeline.streamed.KEEP_RECORDS`` letters: ``linked_run`` reads them back)
    kept: bool = False  # nothing changed since the last run: its tables were kept, not written again


@register
@dataclass(frozen=True, slots=True)
class Written:
    """What the last run wrote, kept in the catalog: its fingerprint, counts and problems."""

    fingerprint: str
    letters: int
    unreadable: int
    problems: tuple[Problem, ...]
    written: tuple[str, ...]


@cache
def _code_hash() -> str:
    """Hash of the code, tables, word lists and model that produce records."""
    digest = hashlib.sha256()
    for package in ("pipeline", "extractors"):
        root = Path(__file__).resolve().parent.parent / package
        for file in sorted(root.rglob("*")):
            if file.suffix in (".py", ".csv", ".txt", ".onnx"):
                digest.update(file.read_bytes())
    return digest.hexdigest()


def code_version(ocr: OcrOptions = OcrOptions()) -> str:
    """Hash of the code and tables and of the OCR switches (``OcrOptions.cache_key``): the cache is void
    when any of them changes."""
    return hashlib.sha256(f"{_code_hash()}|{ocr.cache_key()}".encode()).hexdigest()[:16]


def file_sha(path: Path) -> str | None:
    """SHA-256 of the file's bytes, None when it cannot be read (the reader then reports why)."""
    from pipeline.discover import open_regular

    digest = hashlib.sha256()
    try:
        with open_regular(path) as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


def _under(path: str, roots: list[str]) -> bool:
    return any(path == r or path.startswith(r.rstrip(os.sep) + os.sep) for r in roots)


def _inputs(found: list[str], roots: list[Path], catalog) -> tuple[list[str], list[str]]:
    """This run's inputs: the files found, then the catalog's files from earlier runs outside ``roots`` that
    still exist; and the catalog's paths that are gone (deleted, renamed, now excluded)."""
    if catalog is None:
        return found, []
    current = set(found)
    names = [str(r) for r in roots]
    gone, earlier = [], []
    for known in catalog.files():
        if known.path in current:
            continue
        if _under(known.path, names) or not os.path.lexists(known.path):
            gone.append(known.path)
        else:
            earlier.append(known.path)
    return found + earlier, gone


def ocr_model_hash() -> str:
    """``sha256:…`` of the OCR digit model shipped with the package ('' when it is absent)."""
    model = Path(__file__).resolve().parent / "ocr" / "digits" / "thai_digits.onnx"
    return f"sha256:{hashlib.sha256(model.read_bytes()).hexdigest()}" if model.exists() else ""


def run_ingest(paths: list[Path], out_dir: Path, workers: int | None = None, use_cache: bool = True,
               extra: tuple[str, ...] = ("sqlite",), ocr: OcrOptions = OcrOptions(), *, selection=None,
               executor=None, progress=None, stream: TextIO | None = None, wait: bool = False,
               keep_tables: bool = False, stream_from: int | None = None) -> IngestResult:
    """Ingest ``paths`` (files or folders) and write every table to ``out_dir``; scans are read with ``ocr``.

    ``selection`` (``pipeline.discover.Selection``): globs to include and exclude; ``executor``
    (``pipeline.executors.ExecutorOptions``): where the per-file work runs and its limits (``workers``
    is its shortcut); ``progress`` (``pipeline.progress.ProgressOptions``, default quiet) shown on
    ``stream``; ``wait``: wait for another run on ``out_dir`` to end instead of raising ``OutputLocked``;
    ``keep_tables``: when no input, option or code changed since the last run, keep its tables as they
    are (the result then has counts but no ``records``; the command line does this).

    A run of more than ``stream_from`` files (default ``STREAM_FROM``) is streamed: no result is kept in
    memory once it is in the catalog (a scratch one under ``OUT/.saraban`` with ``use_cache`` False),
    linking works from a compact index on disk (``pipeline.spill``) and the tables are written a letter
    at a time from the catalog (``pipeline.streamed``): the same tables, byte for byte, in flat memory.
    Its ``records`` are the linked letters when there are at most ``pipeline.streamed.KEEP_RECORDS`` of
    them, else empty (``pipeline.linked.linked_run(out_dir)`` reads them back from the catalog).
    """
    from pipeline.catalog import STATE_DIR, Catalog
    from pipeline.discover import Selection, discover
    from pipeline.executors import ExecutorOptions
    from pipeline.lock import hold
    from pipeline.progress import ProgressOptions

    out_dir = Path(out_dir)
    selection = replace(selection or Selection(), out=out_dir)
    executor = executor or ExecutorOptions(workers=workers or 0)
    progress = progress or ProgressOptions(mode="quiet")
    found = discover([Path(p) for p in paths], selection)
    found = replace(found, files=tuple(str(p) for p in found.files))  # not a Path object per file held all run
    with hold(out_dir / STATE_DIR, wait):
        catalog = Catalog.open(out_dir) if use_cache else None
        try:
            return _run(found, [Path(p) for p in paths], out_dir, catalog, extra, ocr, executor, progress,
                        stream or sys.stderr, keep_tables, STREAM_FROM if stream_from is None else stream_from)
        finally:
            if catalog is not None:
                catalog.close()
                for warning in catalog.warnings:
                    print(f"saraban: warning: {warning}", file=stream or sys.stderr)


def _fingerprint(files: list[str], shas: dict[str, str | None], version: str, extra: tuple[str, ...],
                 refused=()) -> str:
    """What the tables are a function of: the inputs in order with their contents, the code, the schema,
    the sinks, and the paths refused (``pipeline.discover.Refusal``)."""
    from pipeline.tables import SCHEMA_ID

    digest = hashlib.sha256(f"{version}|{SCHEMA_ID}|{','.join(extra)}".encode())
    for path in files:
        digest.update(f"\n{path}\0{shas[path] or '-'}".encode("utf-8", "surrogateescape"))
    for refusal in refused:
        digest.update(f"\n{refusal.path}\0{refusal.code}\0{refusal.message}".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def _kept(catalog, fingerprint: str, files, shas, out_dir: Path, ocr, skipped) -> IngestResult | None:
    """The last run's result when it wrote these very tables and they are all still there, else None."""
    text = catalog.get("written") if catalog is not None else None
    if text is None:
        return None
    try:
        last = loads(text)
    except (ValueError, KeyError, TypeError, RecursionError):  # damaged: the tables are written again
        return None
    if not isinstance(last, Written) or last.fingerprint != fingerprint:
        return None
    if not all(Path(p).exists() for p in last.written):
        return None
    from pipeline.fixity import Agent, fixity_events, read_manifest

    checks = fixity_events(read_manifest(out_dir), {p: shas[p] for p in files if shas[p]})
    agent = Agent(f"saraban {version_string()}", ocr_model_hash())
    _log_events(checks, [], shas, out_dir, agent)
    return IngestResult(len(files), [], list(last.problems), last.unreadable, len(files),
                        [Path(p) for p in last.written], skipped, (), last.letters, True)


STREAM_FROM = 2_000  # a run of more files than this is streamed (``run_ingest``): flat memory however large


def _run(found, roots, out_dir, catalog, extra, ocr, executor, progress_options, stream, keep_tables,
         stream_from=STREAM_FROM) -> IngestResult:
    files, gone = _inputs([str(p) for p in found.files], roots, catalog)
    if catalog is not None and gone:
        catalog.forget(gone)
    version = code_version(ocr)
    known = {f.path: f.sha256 for f in catalog.files() if f.version == version} if catalog is not None else {}
    shas = {path: file_sha(Path(path)) for path in files}
    fingerprint = _fingerprint(files, shas, version, extra, found.refused)
    if keep_tables and all(known.get(p) == shas[p] for p in files):
        kept = _kept(catalog, fingerprint, files, shas, out_dir, ocr, found.skipped)
        if kept is not None:
            return kept
    if len(files) > stream_from:
        result = _run_streamed(files, shas, known, out_dir, catalog, extra, ocr, executor, progress_options,
                               stream, found)
    else:
        result = _run_in_memory(files, shas, known, out_dir, catalog, extra, ocr, executor, progress_options,
                                stream, found)
    if catalog is not None:
        catalog.put("written", dumps(Written(fingerprint, result.letters, result.unreadable, tuple(result.problems),
                                             tuple(str(p) for p in result.written if p.name != "events.jsonl"))))
    return result


def _run_in_memory(files, shas, known, out_dir, catalog, extra, ocr, executor, progress_options, stream,
                   found) -> IngestResult:
    """Every file's result kept until the end, then linked and written at once (a run of a few files)."""
    from pipeline.progress import Progress

    version = code_version(ocr)
    results: dict[str, FileResult] = {}
    todo: dict[str, list[str]] = defaultdict(list)  # content (or the path, when unreadable) -> its paths
    progress = Progress(len(files), progress_options, stream)
    try:
        for path in files:
            sha = shas[path]
            hit = catalog.lookup(sha, version) if catalog is not None and sha else None
            if hit is None:
                todo[sha or f"path:{path}"].append(path)
                continue
            results[path] = relocated(hit, path)
            if known.get(path) != sha:
                catalog.note(path, sha, version)
            progress.advance(len(hit.records), 0, len(hit.problems), cached=True)
        cached = len(results)
        first = {paths[0]: key for key, paths in todo.items()}

        def commit(path: str, result: FileResult, text: str | None = None) -> None:
            keep = catalog is not None and result.sha256 and not stopped(result)
            for other in todo[first[path]]:
                results[other] = relocated(result, other)
                if keep:
                    catalog.stage(other, results[other], version, text if other == result.path else None)
            progress.advance(len(result.records), result.ocr_pages, len(result.problems), cached=False)

        read_all(list(first), shas, ocr, executor, commit, idle=catalog.flush if catalog is not None else None,
                 encode=catalog is not None)
    finally:
        if catalog is not None:
            catalog.flush()  # what arrived before a stop (Ctrl-C) is kept
        progress.close()
    fresh = {p for paths in todo.values() for p in paths}
    return _write(files, shas, results, cached, fresh, out_dir, extra, ocr, found.skipped, found.refused)


def _run_streamed(files, shas, known, out_dir, catalog, extra, ocr, executor, progress_options, stream,
                  found) -> IngestResult:
    """Each file's result to the catalog and its index entry to the spill as it arrives, nothing kept;
    then ``pipeline.streamed`` links and writes from them."""
    from pipeline.catalog import STATE_DIR, Catalog
    from pipeline.progress import Progress
    from pipeline.spill import Spill

    version = code_version(ocr)
    state = Path(out_dir) / STATE_DIR
    for stale in state.glob("spill-*"):  # left by a run that was killed (this run holds the folder's lock)
        shutil.rmtree(stale, ignore_errors=True)
    spill = Spill(state / f"spill-{os.getpid()}")
    store = catalog if catalog is not None else Catalog.open(spill.folder / "catalog")  # --no-cache: a scratch one
    unstored: dict[str, FileResult] = {}  # results the catalog does not keep (stopped by a limit, no digest)
    firsts: dict[str, str] = {}  # content (or the path, when unreadable) -> the path it is read from
    more: dict[str, list[str]] = {}  # content -> its other paths (byte-identical copies): few
    progress = Progress(len(files), progress_options, stream)
    cached = 0
    try:
        try:
            for ord_, path in enumerate(files):
                sha = shas[path]
                hit = catalog.lookup(sha, version) if catalog is not None and sha else None
                spill.add_input(ord_, path, sha, hit is None)
                if hit is None:
                    key = sha or f"path:{path}"
                    if firsts.setdefault(key, path) is not path:
                        more.setdefault(key, []).append(path)
                    continue
                spill.add_content(hit)
                cached += 1
                if known.get(path) != sha:
                    catalog.note(path, sha, version)
                progress.advance(len(hit.records), 0, len(hit.problems), cached=True)

            def commit(path: str, result: FileResult, text: str | None = None) -> None:
                keep = bool(result.sha256) and not stopped(result)
                for other in [path, *more.pop(shas[path] or f"path:{path}", ())]:
                    if keep:
                        store.stage(other, relocated(result, other), version, text if other == result.path else None)
                    else:
                        unstored[other] = relocated(result, other)
                if keep:
                    spill.add_content(result)
                progress.advance(len(result.records), result.ocr_pages, len(result.problems), cached=False)

            order = list(firsts.values())
            firsts.clear()
            read_all(order, shas, ocr, executor, commit, idle=store.flush, encode=True)
        finally:
            store.flush()  # what arrived before a stop (Ctrl-C) is kept
            progress.close()
        result = _write_streamed(files, shas, spill, store, version, unstored, cached, out_dir, extra, ocr,
                                 found.skipped, found.refused)
    finally:
        if store is not catalog:
            store.close()
        spill.close()
    return result


def _write_streamed(files, shas, spill, store, version, unstored, cached, out_dir, extra, ocr, skipped,
                    refused) -> IngestResult:
    from pipeline.fixity import Agent, append_events, fixity_events, read_manifest, write_manifest
    from pipeline.streamed import fresh_events, write_tables

    done = write_tables(spill, store, version, unstored, [_refused(r) for r in refused], Path(out_dir), extra)
    written = list(done.written)
    current = {p: shas[p] for p in files if shas[p]}
    checks = fixity_events(read_manifest(out_dir), current)
    written.append(write_manifest(current.items(), out_dir))
    agent = Agent(f"saraban {version_string()}", ocr_model_hash())
    written.append(append_events(itertools.chain(checks, fresh_events(spill, unstored)), agent, out_dir))
    changed = tuple(e.path for e in checks if e.outcome == "fail")
    return IngestResult(len(files), done.records, done.problems, done.unreadable, cached, written, skipped, changed,
                        done.letters)


def _refused(refusal) -> FileResult:
    """The issues.csv row of a path discovery refused (``pipeline.discover.Refusal``)."""
    problem = Problem(refusal.code, refusal.message, refusal.severity, refusal.path)
    return FileResult(refusal.path, "", (), (problem,), refusal.severity != "error")


def _write(files, shas, results, cached, fresh, out_dir, extra, ocr, skipped, refused=()) -> IngestResult:
    from pipeline.copies import copy_groups
    from pipeline.fixity import Agent, fixity_events, read_manifest, write_manifest
    from pipeline.link import link
    from pipeline.tables import build_tables
    from pipeline.writers import write_all, write_graph

    ordered = [results[p] for p in files] + [_refused(r) for r in refused]
    records, problems, paths = gathered(ordered)
    copies = copy_groups(records)
    records = link(records, copies=copies)
    tables, nested = build_tables(records, problems, paths, copies)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = write_all(tables, nested, out_dir, extra)
    written += write_graph(records, out_dir)
    current = {p: shas[p] for p in files if shas[p]}
    checks = fixity_events(read_manifest(out_dir), current)
    written.append(write_manifest(current.items(), out_dir))
    agent = Agent(f"saraban {version_string()}", ocr_model_hash())
    written.append(_log_events(checks, [r for r in ordered if r.path in fresh], shas, out_dir, agent))
    unreadable = sum(1 for res in ordered if not res.readable)
    changed = tuple(e.path for e in checks if e.outcome == "fail")
    return IngestResult(len(files), records, problems, unreadable, cached, written, skipped, changed, len(records))


def _log_events(checks, fresh, shas, out_dir, agent) -> Path:
    """The fixity checks, then for each file read in this run: its digest, its format and its ingestion."""
    from pipeline.fixity import DIGEST, FORMAT_ID, INGESTION, Event, append_events

    events = list(checks)
    ordered = fresh
    for res in ordered:
        sha = shas[res.path] or ""
        if sha:
            events.append(Event(DIGEST, res.path, sha, "success", "sha256"))
        if res.readable:
            events.append(Event(FORMAT_ID, res.path, sha, "success", res.source_format))
            events.append(Event(INGESTION, res.path, sha, "success", f"{len(res.records)} letters"))
        else:
            codes = ",".join(p.code for p in res.problems)
            events.append(Event(INGESTION, res.path, sha, "fail", codes))
    return append_events(events, agent, out_dir)


def version_string() -> str:
    """saraban's version (``0.1.0``): ``pipeline.__version__``, which pyproject.toml takes its version from (read
    without ``importlib.metadata``, whose import alone cost each run 30 ms before its workers forked)."""
    from pipeline import __version__

    return __version__


def summary(result: IngestResult) -> str:
    """One line for the terminal: ``12 files, 15 letters, 2 unreadable, 3 problems (1 from cache); skipped: 1 lock_file``."""
    line = (f"{result.files} files, {result.letters} letters, {result.unreadable} unreadable, "
            f"{len(result.problems)} problems ({result.cached} from cache)")
    if result.skipped:
        line += "; skipped: " + ", ".join(f"{n} {reason}" for reason, n in result.skipped.items())
    if result.kept:
        line += "; nothing changed: the tables were kept"
    if result.changed:
        line += f"; {len(result.changed)} changed since the last run (fixity check failed, see events.jsonl)"
    return line


if __name__ == "__main__":  # pragma: no cover
    sys.exit("use: saraban ingest PATH... --out DIR")
