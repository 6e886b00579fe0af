"""Ingest speed and memory on 1,000 generated digital letters, per input format.

    .venv/bin/python -m workbench.bench.ingest_speed [--n 1000] [--formats txt,docx,pdf]

Each format folder is ingested by a fresh ``python -m pipeline ingest --no-cache`` process (all
cores), timed from start to exit; peak memory is the largest resident set of that process and its
workers (``RUSAGE_CHILDREN``), so start-up and writing the tables are included.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]  # the repository: workbench/workbench/bench/this.py
CACHE = ROOT / "build" / "bench"


def corpus(n: int, seed: int, formats: tuple[str, ...]) -> Path:
    """The generated corpus, built once and reused while its size, seed and formats are the same."""
    from workbench.corpus.render import write_corpus

    folder = CACHE / f"corpus-{seed}-{n}"
    stamp = folder / "formats.json"
    if not (stamp.exists() and set(json.loads(stamp.read_text())) >= set(formats)):
        write_corpus(folder, seed=seed, n=n, formats=formats)
        stamp.write_text(json.dumps(list(formats)))
    return folder


def _count(records: Path) -> int:
    with records.open(encoding="utf-8") as fh:
        return sum(1 for _ in fh)


# run by a fresh interpreter, so that RUSAGE_CHILDREN holds only this ingest and its workers
_WRAPPER = (
    "import resource, subprocess, sys, time; t = time.perf_counter(); "
    "subprocess.run(sys.argv[1:], check=True, capture_output=True); "
    "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def measure(folder: Path, out: Path) -> dict:
    """Ingest ``folder`` in a child process; wall time, letters/s and peak RSS of its largest process."""
    command = [sys.executable, "-m", "pipeline", "ingest", str(folder), "--out", str(out), "--no-cache"]
    done = subprocess.run([sys.executable, "-c", _WRAPPER, *command], check=True, capture_output=True,
                          text=True, cwd=ROOT)
    seconds_text, peak_text = done.stdout.split()
    seconds, peak_kb = float(seconds_text), int(peak_text)
    letters = _count(out / "records.jsonl")
    files = sum(1 for p in folder.iterdir() if p.is_file())
    return {"files": files, "letters": letters, "seconds": round(seconds, 2),
            "letters_per_s": round(letters / seconds, 1), "peak_mb": round(peak_kb / 1024, 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--formats", default="txt,docx,pdf")
    args = parser.parse_args(argv)
    formats = tuple(f for f in args.formats.split(",") if f)
    folder = corpus(args.n, args.seed, formats)
    print(f"{args.n} letters (seed {args.seed}), {os.cpu_count()} CPUs, Python {sys.version.split()[0]}")
    print("| format | files | letters | seconds | letters/s | peak RSS (MB) |\n|---|---|---|---|---|---|")
    for fmt in formats:
        row = measure(folder / fmt, CACHE / f"out-{fmt}")
        print(f"| {fmt} | {row['files']} | {row['letters']} | {row['seconds']} | {row['letters_per_s']} | {row['peak_mb']} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
