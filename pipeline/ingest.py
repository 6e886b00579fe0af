"""Files -> linked tables: read, normalise, segment and extract per file (in parallel), then link.

Per-file work is a pure function of the file's bytes, so its result is cached under
``OUT/.cache`` keyed by the file's SHA-256 and a hash of this package's code and tables: a rerun
over an unchanged archive reads and hashes each file and does nothing else.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from functools import cache, partial
from pathlib import Path

from pipeline.extract import extract, looks_like_letter
from pipeline.link import link
from pipeline.models import Problem, Record
from pipeline.normalize import normalize
from pipeline.ocr import OcrOptions
from pipeline.readers import ReadError, read_file
from pipeline.segment import segment
from pipeline.tables import build_tables
from pipeline.writers import write_all, write_graph

INLINE_BELOW = 16  # fewer files than this are processed in this process (no pool start-up)


@dataclass(frozen=True, slots=True)
class FileResult:
    """What one input file gave: its letters, its problems, and whether it could be read at all."""

    path: str
    sha256: str
    records: tuple[Record, ...]
    problems: tuple[Problem, ...]
    readable: bool


@dataclass(frozen=True, slots=True)
class IngestResult:
    files: int
    records: list[Record]
    problems: list[Problem]
    unreadable: int
    cached: int
    written: list[Path]


def discover(paths: list[Path]) -> list[Path]:
    """Every regular file under ``paths`` (recursively), sorted, each once. Nothing is filtered out."""
    found: dict[str, Path] = {}
    for path in paths:
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for name in sorted(files):
                    candidate = Path(root) / name
                    found.setdefault(str(candidate), candidate)
        else:
            found.setdefault(str(path), path)
    return list(found.values())


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


def process_file(path: Path, ocr: OcrOptions = OcrOptions()) -> FileResult:
    """Read and extract one file. Never raises: every failure becomes a Problem row."""
    try:
        document = read_file(path, ocr)
    except ReadError as err:
        return FileResult(str(path), "", (), (Problem(err.code, err.message, "error", str(path)),), False)
    except Exception as err:  # noqa: BLE001 - a reader bug must not stop the batch
        message = f"internal error while reading: {type(err).__name__}: {err}"
        return FileResult(str(path), "", (), (Problem("internal_error", message, "error", str(path)),), False)
    problems = list(document.problems)
    try:
        text = normalize(document.raw_text).text
        records = [extract(document, letter) for letter in segment(text)]
    except Exception as err:  # noqa: BLE001 - an extractor bug must not stop the batch
        message = f"internal error while extracting: {type(err).__name__}: {err}"
        problems.append(Problem("internal_error", message, "error", str(path)))
        return FileResult(str(path), document.source.sha256, (), tuple(problems), True)
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
    return FileResult(str(path), document.source.sha256, letters, tuple(problems), True)


def _file_sha(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _cache_path(cache_dir: Path, sha: str, ocr: OcrOptions) -> Path:
    return cache_dir / f"{sha}-{code_version(ocr)}.pickle"


def _relocated(result: FileResult, path: str) -> FileResult:
    """A cached result of identical bytes found under another path."""
    if result.path == path:
        return result
    records = tuple(replace(r, source=replace(r.source, path=path),
                            problems=tuple(replace(p, source_path=path) for p in r.problems)) for r in result.records)
    problems = tuple(replace(p, source_path=path) for p in result.problems)
    return replace(result, path=path, records=records, problems=problems)


def _load_cached(path: Path, cache_dir: Path | None, ocr: OcrOptions) -> FileResult | None:
    if cache_dir is None:
        return None
    try:
        sha = _file_sha(path)
        cached = _cache_path(cache_dir, sha, ocr)
        if cached.exists():
            with cached.open("rb") as fh:
                return _relocated(pickle.load(fh), str(path))
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        return None
    return None


def _store(result: FileResult, cache_dir: Path | None, ocr: OcrOptions) -> None:
    if cache_dir is None or not result.readable or not result.sha256:
        return
    cache_dir.mkdir(parents=True, exist_ok=True)
    target = _cache_path(cache_dir, result.sha256, ocr)
    tmp = target.with_suffix(".tmp")
    with tmp.open("wb") as fh:
        pickle.dump(result, fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, target)


def _process_all(files: list[Path], workers: int, ocr: OcrOptions) -> list[FileResult]:
    work = partial(process_file, ocr=ocr)
    if workers <= 1 or len(files) < INLINE_BELOW:
        return [work(f) for f in files]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(work, files, chunksize=max(1, len(files) // (workers * 8))))


def run_ingest(paths: list[Path], out_dir: Path, workers: int | None = None, use_cache: bool = True,
               extra: tuple[str, ...] = ("sqlite",), ocr: OcrOptions = OcrOptions()) -> IngestResult:
    """Ingest ``paths`` (files or folders) and write every table to ``out_dir``; scans are read with ``ocr``."""
    files = discover([Path(p) for p in paths])
    cache_dir = Path(out_dir) / ".cache" if use_cache else None
    results: dict[int, FileResult] = {}
    todo = []
    for i, path in enumerate(files):
        hit = _load_cached(path, cache_dir, ocr)
        if hit is not None:
            results[i] = hit
        else:
            todo.append(i)
    fresh = _process_all([files[i] for i in todo], workers or os.cpu_count() or 1, ocr)
    for i, result in zip(todo, fresh, strict=True):
        results[i] = result
        _store(result, cache_dir, ocr)
    ordered = [results[i] for i in range(len(files))]
    records = link([r for res in ordered for r in res.records])
    problems = [p for res in ordered for p in res.problems]
    tables, nested = build_tables(records, problems)
    written = write_all(tables, nested, Path(out_dir), extra)
    written += write_graph(records, Path(out_dir))
    unreadable = sum(1 for res in ordered if not res.readable)
    return IngestResult(len(files), records, problems, unreadable, len(files) - len(todo), written)


def summary(result: IngestResult) -> str:
    """One line for the terminal: ``12 files, 15 letters, 2 unreadable, 3 problems (1 cached)``."""
    return (f"{result.files} files, {len(result.records)} letters, {result.unreadable} unreadable, "
            f"{len(result.problems)} problems ({result.cached} from cache)")


if __name__ == "__main__":  # pragma: no cover
    sys.exit("use: saraban ingest PATH... --out DIR")
