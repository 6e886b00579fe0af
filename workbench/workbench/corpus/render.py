"""Write the corpus to disk: ``truth.jsonl`` plus one folder per format.

    python -m workbench.corpus --seed 1 --n 200 build/corpus --formats txt,docx,pdf

Layout of OUT: ``truth.jsonl`` (one truth row per letter, key ``file`` = file stem),
``txt/<stem>.txt`` (about a fifth cp874, a few utf-8-sig, the rest utf-8), ``docx/<stem>.docx``,
``pdf/<stem>.pdf`` (LibreOffice from the docx), ``scan/<stem>.png|.tif`` (from the PDF), and
``archive/<stem>.jpg|.png|.tif|.pdf`` (the PDF aged with stamps, pens, holes and copy damage; what was
added in ``archive_artefacts.jsonl``, see ``archive.py``).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from itertools import groupby
from pathlib import Path

from workbench.corpus.generate import generate
from workbench.corpus.model import LetterTruth
from workbench.corpus.txtout import file_text

FORMATS = ("txt", "docx", "pdf", "scan", "archive")


def by_file(letters: list[LetterTruth]) -> list[tuple[str, list[LetterTruth]]]:
    """Letters grouped by file stem, in segment order."""
    return [(stem, list(group)) for stem, group in groupby(letters, key=lambda x: x.truth["file"])]


def pick_encoding(rng: random.Random) -> str:
    roll = rng.random()
    return "cp874" if roll < 0.2 else ("utf-8-sig" if roll < 0.25 else "utf-8")


def write_txt(out_dir: Path, files: list[tuple[str, list[LetterTruth]]], seed: int) -> None:
    folder = out_dir / "txt"
    folder.mkdir(parents=True, exist_ok=True)
    for stem, letters in files:
        rng = random.Random(f"{seed}:txt:{stem}")
        text = file_text(letters, rng)
        (folder / f"{stem}.txt").write_bytes(text.encode(pick_encoding(rng)))


def write_docx_all(out_dir: Path, files: list[tuple[str, list[LetterTruth]]], seed: int) -> list[Path]:
    from workbench.corpus.docxout import write_docx

    folder = out_dir / "docx"
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for stem, letters in files:
        path = folder / f"{stem}.docx"
        write_docx(path, letters, random.Random(f"{seed}:docx:{stem}"))
        paths.append(path)
    return paths


def write_truth(out_dir: Path, letters: list[LetterTruth]) -> None:
    with (out_dir / "truth.jsonl").open("w", encoding="utf-8") as fh:
        for letter in letters:
            fh.write(json.dumps(letter.truth, ensure_ascii=False) + "\n")


def write_corpus(out_dir, seed: int, n: int, formats=("txt", "docx", "pdf", "scan")) -> dict[str, float]:
    """Generate *n* letters from *seed* and write the selected *formats*; returns seconds per step.

    PDF needs docx (written to docx/ even when not asked for); scan needs PDF.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    unknown = set(formats) - set(FORMATS)
    if unknown:
        raise ValueError(f"unknown formats: {sorted(unknown)}; choose from {FORMATS}")
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    letters = generate(seed, n)
    files = by_file(letters)
    write_truth(out_dir, letters)
    timings["generate"] = time.perf_counter() - t0
    if "txt" in formats:
        t0 = time.perf_counter()
        write_txt(out_dir, files, seed)
        timings["txt"] = time.perf_counter() - t0
    if {"docx", "pdf", "scan", "archive"} & set(formats):
        t0 = time.perf_counter()
        docx_paths = write_docx_all(out_dir, files, seed)
        timings["docx"] = time.perf_counter() - t0
        if {"pdf", "scan", "archive"} & set(formats):
            _pdf_and_scan(out_dir, docx_paths, seed, formats, timings, files)
    return timings


def _pdf_and_scan(out_dir: Path, docx_paths: list[Path], seed: int, formats, timings: dict, files) -> None:
    from workbench.corpus.raster import docx_to_pdf, pdf_to_scan

    t0 = time.perf_counter()
    docx_to_pdf(docx_paths, out_dir / "pdf")
    timings["pdf"] = time.perf_counter() - t0
    if "scan" in formats:
        t0 = time.perf_counter()
        for path in docx_paths:
            pdf_to_scan(out_dir / "pdf" / f"{path.stem}.pdf", out_dir / "scan", seed)
        timings["scan"] = time.perf_counter() - t0
    if "archive" in formats:
        from workbench.corpus.archive import write_archive_file

        t0 = time.perf_counter()
        truths = {stem: [x.truth for x in letters] for stem, letters in files}
        (out_dir / "archive").mkdir(parents=True, exist_ok=True)
        with (out_dir / "archive_artefacts.jsonl").open("w", encoding="utf-8") as fh:
            for path in docx_paths:
                name, marks = write_archive_file(out_dir / "pdf" / f"{path.stem}.pdf", out_dir / "archive", path.stem,
                                                 truths[path.stem], seed)
                fh.write(json.dumps({"path": name, **marks}, ensure_ascii=False) + "\n")
        timings["archive"] = time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m workbench.corpus", description="Generate the conformance corpus.")
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--formats", default="txt,docx,pdf", help=f"comma list of {','.join(FORMATS)}")
    args = parser.parse_args(argv)
    formats = tuple(f.strip() for f in args.formats.split(",") if f.strip())
    try:
        timings = write_corpus(args.out, args.seed, args.n, formats)
    except (ValueError, RuntimeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    steps = ", ".join(f"{k} {v:.1f}s" for k, v in timings.items())
    print(f"wrote {args.n} letters to {args.out} ({steps})")
    return 0
