"""Ingest speed on the real Royal Gazette texts (issue target: >= 200 files/s on 2 cores, end to end).

    .venv/bin/python -m workbench.bench.gazette_speed [--real ../shared/real] [--repeat 3]

``REAL/gazette/*.txt`` (1,000 texts of ราชกิจจานุเบกษา, layout lost, Thai damaged by PDF extraction:
``อานาจ``, ``ระเบยี บ``, ``พ.ศ. 256 6``) is ingested by a fresh ``python -m pipeline ingest DIR --out OUT``
into an empty output folder (catalog included), with one worker and with every core, timed from start
to exit: start-up, reading, normalising, extraction, linking and writing every table. The machine may
be shared, so each row also gives the CPU seconds (user + system of the ingest and its workers) per
1,000 files, which other work does not change much, and the load average when the run began; the
wall figure is the best of ``--repeat`` runs. With no real texts (``REAL`` absent) it says so and
skips.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from workbench.bench.ingest_speed import CACHE, ROOT

DEFAULT_REAL = ROOT / ".." / "shared" / "real"  # as `make eval-real` (REAL ?= ../shared/real)

_WRAPPER = (
    "import resource, subprocess, sys, time; t = time.perf_counter(); "
    "subprocess.run(sys.argv[1:], check=True, capture_output=True); "
    "u = resource.getrusage(resource.RUSAGE_CHILDREN); "
    "print(time.perf_counter() - t, u.ru_utime + u.ru_stime, u.ru_maxrss)"
)


def run(folder: Path, out: Path, workers: str) -> dict:
    """One ingest of ``folder`` into a new ``out`` in a child process: wall and CPU seconds, peak RSS (MB),
    and the one-minute load average just before it started."""
    shutil.rmtree(out, ignore_errors=True)
    load = os.getloadavg()[0]
    command = [sys.executable, "-m", "pipeline", "ingest", str(folder), "--out", str(out), "--quiet",
               "--workers", workers]
    done = subprocess.run([sys.executable, "-c", _WRAPPER, *command], check=True, capture_output=True, text=True,
                          cwd=ROOT)
    wall, cpu, peak = (float(x) for x in done.stdout.split())
    return {"seconds": wall, "cpu": cpu, "peak_mb": peak / 1024, "load": load}


def best(folder: Path, out: Path, workers: str, repeat: int) -> dict:
    """The fastest of ``repeat`` runs (the least disturbed by other work), with its own CPU and load."""
    return min((run(folder, out, workers) for _ in range(max(1, repeat))), key=lambda r: r["seconds"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--real", type=Path, default=DEFAULT_REAL, help="the real development sets (REAL)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per row; the fastest is shown")
    args = parser.parse_args(argv)
    folder = args.real.resolve() / "gazette"
    files = sorted(folder.glob("*.txt")) if folder.is_dir() else []
    if not files:
        print(f"skipped: no real Gazette texts in {folder} (give the real sets with --real, or REAL= for make)")
        return 0
    print(f"{len(files)} real Gazette texts ({folder}), {os.cpu_count()} CPUs, Python {sys.version.split()[0]}\n")
    print("| workers | seconds | files/s | CPU s per 1,000 files | CPU busy | peak RSS (MB) | load average |\n"
          "|---|---|---|---|---|---|---|")
    cores = os.cpu_count() or 1
    for workers in ("1", "0"):
        row = best(folder, CACHE / f"gazette-out-{workers}", workers, args.repeat)
        name = "all" if workers == "0" else workers
        print(f"| {name} | {row['seconds']:.2f} | {len(files) / row['seconds']:.0f} | "
              f"{row['cpu'] * 1000 / len(files):.2f} | {row['cpu'] / row['seconds'] / cores:.0%} | "
              f"{row['peak_mb']:.1f} | {row['load']:.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
