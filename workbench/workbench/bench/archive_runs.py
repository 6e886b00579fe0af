"""Archive-scale runs: one worker against all cores (digital letters and a long scan), a rerun over
an unchanged folder, and peak memory as the archive grows.

    .venv/bin/python -m workbench.bench.archive_runs [--letters 10000] [--pages 20] [--formats txt,docx,pdf]
    .venv/bin/python -m workbench.bench.archive_runs --parts memory --memory 10000,100000 [--memory-flags "--parquet --xlsx"]

Each run is a fresh ``python -m pipeline ingest`` process timed from start to exit (start-up,
reading, linking and writing every table included); CPU is the user + system time of it and its
workers over the wall time and the cores (``RUSAGE_CHILDREN``); peak memory the largest resident set.
The digital letters are the conformance corpus (``--n``, seed 5); the scan is the sample scan of
``data/raw/scan`` repeated as a ``--pages``-page image-only PDF; the rerun folder holds the sample's
two letters renumbered, ``--letters / 2`` text files. The memory rows ingest such a folder of each size
(first run, catalog kept, both cores) in a process of their own, which reports its own peak resident
set apart from its largest worker's.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from workbench.bench.ingest_speed import CACHE, ROOT, corpus

SCAN = ROOT / "data" / "raw" / "scan" / "doc_2549_0005.png"
THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")

_WRAPPER = (
    "import resource, subprocess, sys, time; t = time.perf_counter(); "
    "subprocess.run(sys.argv[1:], check=True, capture_output=True); "
    "u = resource.getrusage(resource.RUSAGE_CHILDREN); "
    "print(time.perf_counter() - t, u.ru_utime + u.ru_stime, u.ru_maxrss)"
)


def run(folder: Path, out: Path, *flags: str) -> dict:
    """One ingest in a child process: wall seconds, CPU busy (share of all cores), peak RSS in MB."""
    command = [sys.executable, "-m", "pipeline", "ingest", str(folder), "--out", str(out), "--quiet", *flags]
    done = subprocess.run([sys.executable, "-c", _WRAPPER, *command], check=True, capture_output=True, text=True,
                          cwd=ROOT)
    wall, cpu, peak = (float(x) for x in done.stdout.split())
    return {"seconds": round(wall, 2), "cpu_busy": round(cpu / wall / (os.cpu_count() or 1), 2),
            "cpu_s": round(cpu, 2), "peak_mb": round(peak / 1024, 1)}


# the ingest in this process, so that its own peak (RUSAGE_SELF) is told apart from its workers' (CHILDREN)
_IN_PROCESS = (
    "import resource, runpy, sys, time; t = time.perf_counter(); sys.argv = ['saraban', *sys.argv[1:]]\n"
    "try:\n    runpy.run_module('pipeline', run_name='__main__')\nexcept SystemExit as exc:\n"
    "    assert not exc.code, exc.code\n"
    "me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(time.perf_counter() - t, me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime, me.ru_maxrss, "
    "kids.ru_maxrss)"
)


def run_split(folder: Path, out: Path, *flags: str) -> dict:
    """``run``, with the peak resident set of the main process and of its largest worker apart."""
    command = ["ingest", str(folder), "--out", str(out), "--quiet", *flags]
    done = subprocess.run([sys.executable, "-c", _IN_PROCESS, *command], check=True, capture_output=True, text=True,
                          cwd=ROOT)
    wall, cpu, main_kb, workers_kb = (float(x) for x in done.stdout.split()[-4:])
    return {"seconds": round(wall, 2), "cpu_s": round(cpu, 2), "main_mb": round(main_kb / 1024, 1),
            "workers_mb": round(workers_kb / 1024, 1)}


def scan_pdf(pages: int) -> Path:
    from PIL import Image

    folder = CACHE / f"scan-{pages}"
    target = folder / f"scan-{pages}.pdf"
    if not target.exists():
        folder.mkdir(parents=True, exist_ok=True)
        page = Image.open(SCAN).convert("L")
        page.save(target, save_all=True, append_images=[page] * (pages - 1), resolution=300)
    return folder


def letter_folder(letters: int) -> Path:
    sample = (ROOT / "tests" / "fixtures" / "angthong_2562_computer_systems.txt").read_text(encoding="utf-8")
    folder = CACHE / f"letters-{letters}"
    if not folder.exists():
        folder.mkdir(parents=True)
        for i in range(letters // 2):
            text = sample.replace("๒๐๕๕", str(10000 + i).translate(THAI)).replace("๒๐๕๖", str(90000 + i).translate(THAI))
            (folder / f"l{i:06d}.txt").write_text(text, encoding="utf-8")
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="corpus letters for the digital rates")
    parser.add_argument("--formats", default="txt,docx,pdf")
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--letters", type=int, default=10000, help="letters in the rerun folder")
    parser.add_argument("--parts", default="digital,scan,rerun",
                        help="which rows to run (comma-separated): digital, scan, rerun, memory")
    parser.add_argument("--memory", default="10000,100000", help="letters of each memory row (comma-separated)")
    parser.add_argument("--memory-flags", default="", help="ingest flags of the memory rows, e.g. '--parquet --xlsx'")
    args = parser.parse_args(argv)
    parts = set(args.parts.split(","))
    print(f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}, load average {os.getloadavg()[0]:.1f}\n")
    print("| input | workers | seconds | letters/s | CPU s | CPU busy | peak RSS (MB) |\n|---|---|---|---|---|---|---|")
    formats = tuple(f for f in args.formats.split(",") if f)
    if "digital" in parts:
        digital = corpus(args.n, 5, formats)
        for fmt in formats:
            for workers in ("1", "0"):
                row = run(digital / fmt, CACHE / f"runs-{fmt}-{workers}", "--no-cache", "--workers", workers)
                name = "all" if workers == "0" else workers
                print(f"| {fmt} ({args.n} letters) | {name} | {row['seconds']} | {round(args.n / row['seconds'])} | "
                      f"{row['cpu_s']} | {row['cpu_busy']:.0%} | {row['peak_mb']} |")
    if "scan" in parts:
        _scan_rows(args.pages)
    if "rerun" in parts:
        _rerun_rows(args.letters)
    if "memory" in parts:
        _memory_rows(tuple(int(n) for n in args.memory.split(",")), tuple(args.memory_flags.split()))
    return 0


def _memory_rows(sizes: tuple[int, ...], flags: tuple[str, ...] = ()) -> None:
    """Peak memory of a first run (catalog kept, both cores, ``flags`` added) over the rerun folder's letters,
    for each size."""
    print("\n| letters | files | seconds | CPU s | peak RSS, main process (MB) | peak RSS, largest worker (MB) |\n"
          "|---|---|---|---|---|---|")
    for count in sizes:
        letters = letter_folder(count)
        out = CACHE / f"memory-{count}"
        shutil.rmtree(out, ignore_errors=True)
        row = run_split(letters, out, *flags)
        shutil.rmtree(out, ignore_errors=True)
        print(f"| {count} | {count // 2} | {row['seconds']} | {row['cpu_s']} | {row['main_mb']} | {row['workers_mb']} |",
              flush=True)


def _scan_rows(pages: int) -> None:
    scan = scan_pdf(pages)
    for workers in ("1", "0"):
        row = run(scan, CACHE / f"runs-scan-{workers}", "--no-cache", "--workers", workers)
        name = "all" if workers == "0" else workers
        print(f"| {pages}-page scanned PDF | {name} | {row['seconds']} | | {row['cpu_s']} | {row['cpu_busy']:.0%} | "
              f"{row['peak_mb']} |")


def _rerun_rows(count: int) -> None:
    letters = letter_folder(count)
    out = CACHE / f"rerun-{count}"
    shutil.rmtree(out, ignore_errors=True)  # the first run is a first run
    first = run(letters, out)
    again = run(letters, out)
    print(f"| {count} letters, first run | all | {first['seconds']} | {round(count / first['seconds'])} | "
          f"{first['cpu_s']} | {first['cpu_busy']:.0%} | {first['peak_mb']} |")
    print(f"| {count} letters, unchanged rerun | all | {again['seconds']} | | {again['cpu_s']} | "
          f"{again['cpu_busy']:.0%} | {again['peak_mb']} |")


if __name__ == "__main__":
    raise SystemExit(main())
