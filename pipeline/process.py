"""One file to a FileResult, in any executor: text files whole, scans a page at a time.

``process_file(path)`` reads and extracts a file in one go. For the pool, ``plan_or_process`` does the
same except that a file with pages to OCR comes back as a ``Scan``; its pages are read as tasks of
their own (``pipeline.page_tasks``) and ``finish_file`` puts the document together. ``read_all`` runs
both stages over many files and hands each finished file on as it completes.

>>> # process_file(Path("หนังสือเวียน/ว ๒๐๕๕.txt")).records[0].ref_no  -> RefNo('อท 0017.2/ว 2055')
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from pipeline.models import Document, Problem
from pipeline.normalize import normalize, steps_for
from pipeline.ocr import OcrOptions
from pipeline.readers import ReadError, Scan, finish_scan, plan_file, read_file
from pipeline.results import FileResult


def _unreadable(path: Path, err: BaseException) -> FileResult:
    """The FileResult of a file that could not be read at all."""
    if isinstance(err, ReadError):
        return FileResult(str(path), "", (), (Problem(err.code, err.message, "error", str(path)),), False)
    if isinstance(err, MemoryError):
        return FileResult(str(path), "", (), (Problem("file_memory_limit", "The file needs more memory than a file "
                          "may use (--file-memory-mb).", "error", str(path)),), False)
    message = f"internal error while reading: {type(err).__name__}: {err}"
    return FileResult(str(path), "", (), (Problem("internal_error", message, "error", str(path)),), False)


def process_file(path: Path, ocr: OcrOptions = OcrOptions()) -> FileResult:
    """Read and extract one file. Never raises: every failure becomes a Problem row."""
    try:
        document = read_file(path, ocr)
    except Exception as err:  # noqa: BLE001 - a reader bug must not stop the batch
        return _unreadable(path, err)
    return process_document(path, document)


def plan_or_process(path: Path, ocr: OcrOptions = OcrOptions()) -> FileResult | Scan:
    """``process_file``, except that a file with pages to OCR comes back as a ``Scan`` (its pages are read
    by ``pipeline.page_tasks``, anywhere, then ``finish_file``). Never raises."""
    try:
        planned = plan_file(path, ocr.limits)
    except Exception as err:  # noqa: BLE001 - a reader bug must not stop the batch
        return _unreadable(path, err)
    if isinstance(planned, Document):
        return process_document(path, planned)
    return planned


def finish_file(path: Path, scan: Scan, reads: list, ocr: OcrOptions = OcrOptions()) -> FileResult:
    """The FileResult of a planned scan from its pages' reads (``PageRead``, or what stopped a page)."""
    from pipeline.executors import LimitExceeded, WorkerCrashed
    from pipeline.page_tasks import PageRead, assemble

    failed = [r for r in reads if not isinstance(r, PageRead)]
    if failed:
        if isinstance(failed[0], (LimitExceeded, WorkerCrashed)):
            return settled(str(path), None, failed[0], None)
        return _unreadable(path, failed[0])
    try:
        document = finish_scan(scan, assemble(reads, ocr))
    except Exception as err:  # noqa: BLE001 - a reader bug must not stop the batch
        return _unreadable(path, err)
    return process_document(path, document)


def process_document(path: Path, document: Document) -> FileResult:
    """Normalise, segment and extract a Document read from ``path``. Never raises."""
    # imported here, not at the top: a run's main process, which only links and writes, need not load the
    # extractors before its workers fork
    from pipeline.extract import extract, looks_like_letter
    from pipeline.segment import segment

    problems = list(document.problems)
    try:
        text = normalize(document.raw_text, steps_for(document)).text
        parts = segment(text)
        records = [extract(document, letter) for letter in parts]
    except Exception as err:  # noqa: BLE001 - an extractor bug must not stop the batch
        message = f"internal error while extracting: {type(err).__name__}: {err}"
        problems.append(Problem("internal_error", message, "error", str(path)))
        return FileResult(str(path), document.source.sha256, (), tuple(problems), True, document.source_format,
                          _ocr_pages(document))
    for r, part in zip(records, parts, strict=True):
        if part.enclosure:  # a schedule or form after the signature: the letter's, not a letter
            problems.append(Problem("enclosure", f"pages {part.pages[0]}-{part.pages[1]} (characters {r.span.start}-"
                                    f"{r.span.end}) follow the letter's signature and hold no letter of their own "
                                    "(a schedule, a form, a list): not in documents.csv", "warning", str(path)))
    records = [r for r, part in zip(records, parts, strict=True) if not part.enclosure]
    letters = tuple(r for r in records if looks_like_letter(r))
    if not letters:
        problems.append(Problem("no_letter", "the file was read, but no letter (reference number, date, subject, "
                                "salutation or signature) was found in it", "warning", str(path)))
    elif len(letters) < len(records):
        for r in records:
            if not looks_like_letter(r):
                problems.append(Problem("not_a_letter_part", f"characters {r.span.start}-{r.span.end} of the file "
                                        "hold no letter and are not in documents.csv", "warning", str(path)))
    for record in letters:
        problems.extend(record.problems)
    return FileResult(str(path), document.source.sha256, letters, tuple(problems), True, document.source_format,
                      _ocr_pages(document))


def _ocr_pages(document) -> int:
    return sum(1 for p in document.pages if p.method == "ocr")


@dataclass(frozen=True, slots=True)
class Encoded:
    """A file's result with its catalog text (``pipeline.catalog.encode``), made where the file was read, so
    the main process, which every result passes through, only stores it."""

    result: FileResult
    text: str


@dataclass(frozen=True, slots=True)
class _Work:
    """The per-file task sent to a worker: ``plan_or_process`` (pages of scans come back to be fanned out),
    or ``process_file`` when they are not (``pages`` False: no OCR engine to fan out to); with ``encode``,
    a finished file comes back ``Encoded``."""

    ocr: OcrOptions
    pages: bool = True
    encode: bool = False

    def __call__(self, path: str) -> FileResult | Scan | Encoded:
        done = plan_or_process(Path(path), self.ocr) if self.pages else process_file(Path(path), self.ocr)
        if self.encode and isinstance(done, FileResult):
            from pipeline.catalog import encode

            return Encoded(done, encode(done))
        return done

    def prepare(self) -> None:
        """Load what normalising every file needs (``pipeline.executors`` calls it before forking workers)."""
        from pipeline.normalize import prepare

        prepare()


@dataclass(frozen=True, slots=True)
class _PageWork:
    """The per-page task sent to a worker: ``pipeline.page_tasks.read_page_task``."""

    ocr: OcrOptions

    def __call__(self, task):
        from pipeline.page_tasks import read_page_task

        return read_page_task(task, self.ocr)


def settled(path: str, sha: str | None, outcome: object, limits) -> FileResult:
    """A worker's outcome as a FileResult: a file stopped by its limits or whose worker died is an error row."""
    from pipeline.executors import LimitExceeded, WorkerCrashed

    if isinstance(outcome, FileResult):
        result = outcome
    elif isinstance(outcome, LimitExceeded):
        limit = f"{limits.time_s:g} s" if limits is not None else "its time limit"
        message = f"The file (or one of its pages) took longer than {limit} (--file-timeout) and was stopped."
        result = FileResult(path, "", (), (Problem("file_time_limit", message, "error", path),), False)
    elif isinstance(outcome, WorkerCrashed):
        result = FileResult(path, "", (), (Problem("worker_crashed", f"{outcome}.", "error", path),), False)
    else:
        message = f"internal error: {type(outcome).__name__}: {outcome}"
        result = FileResult(path, "", (), (Problem("internal_error", message, "error", path),), False)
    if not result.sha256 and sha:
        result = replace(result, sha256=sha)
    return result


FILES_A_TASK = 8  # files a worker is sent at once when there are many (pages to OCR go one a task)

STOPPED = frozenset({"file_time_limit", "file_memory_limit", "worker_crashed"})


def stopped(result: FileResult) -> bool:
    """Was the file stopped by its limits (not kept in the catalog: the next run, perhaps with other
    limits, tries it again)?"""
    return any(p.code in STOPPED for p in result.problems)


def read_all(paths: list[str], shas: dict[str, str | None], ocr: OcrOptions, executor,
             done: Callable[[str, FileResult, str | None], None], idle: Callable[[], None] | None = None,
             encode: bool = False) -> None:
    """Read every file of ``paths`` with ``executor`` (``pipeline.executors.ExecutorOptions``), calling
    ``done(path, result, text)`` as each finishes: first each file (text files are then finished), then every
    OCR page of every scan, in file order, each its own task, so one long scan keeps every core busy.
    ``idle()`` is called before each wait for more (``pipeline.executors.run_all``); with ``encode``, ``text``
    is the result's catalog text when the worker made it (``Encoded``), else None."""
    import os

    from pipeline.executors import run_all
    from pipeline.page_tasks import PageTask, engine_ready

    cores = os.cpu_count() or 1
    fan_out = executor.kind == "dask" or engine_ready(ocr)  # no engine here: each file reports it

    def finished(path: str, outcome: object) -> None:
        text = None
        if isinstance(outcome, Encoded):
            outcome, text = outcome.result, outcome.text
        result = settled(path, shas.get(path), outcome, executor.limits)
        done(path, result, text if result is outcome else None)  # settled may give it the file's digest

    scans: dict[str, Scan] = {}
    for path, outcome in run_all(_Work(ocr, fan_out, encode), paths, executor, cores, batch=FILES_A_TASK, idle=idle):
        if isinstance(outcome, (FileResult, Encoded, BaseException)):
            finished(path, outcome)
        elif not outcome.numbers:
            finished(path, finish_file(Path(path), outcome, [], ocr))
        else:
            scans[path] = outcome
    tasks = [task for scan in scans.values() for task in PageTask.of(scan)]
    reads: dict[str, list] = defaultdict(list)
    for task, outcome in run_all(_PageWork(ocr), tasks, executor, cores, idle=idle):
        reads[task.path].append(outcome)
        scan = scans[task.path]
        if len(reads[task.path]) == len(scan.numbers):
            finished(task.path, finish_file(Path(task.path), scan, reads.pop(task.path), ocr))
