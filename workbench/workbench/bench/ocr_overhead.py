"""CPU time of our OCR path per scanned page against bare ``tesseract PAGE - -l tha+eng`` on the same page.

    OMP_THREAD_LIMIT=1 .venv/bin/python -m workbench.bench.ocr_overhead [--real ../shared/real] [--calls]

Pages, in four sets: the sample scan (``data/raw/scan``); the real scanned letters 01, 03, 05 and 08
of ``REAL/letters`` when they are there; the scans of ``saraban corpus --seed 5 --n 6 --formats scan``;
and those of the second renderer (``python -m workbench.second_renderer --seed 3131 --n 6 --formats
scan``). Both corpora are built once under build/bench/ocr_overhead and reused.

For each page, as ``saraban ingest`` meets it (``pipeline.readers.plan_file``, one ``PageTask`` each):

- **bare**: the page as the reader renders it (a TIFF frame, a PDF page rendered by pdfium) saved as
  a lossless PNG, then ``tesseract PAGE.png - -l tha+eng`` (its default page segmentation), one
  thread (``OMP_THREAD_LIMIT=1``); CPU = user + system of that child (``RUSAGE_CHILDREN``).
- **ours**: ``page_tasks.read_page_task`` (the file opened and the page rendered, inks split, blank
  and not-text checks, stamps, binarising, every Tesseract call: the page, stamp candidates, the
  coloured layer, dropped lines, Latin words, digit lines read again; the digit model; the repairs,
  spelling, names; QR codes), then the document's layout (``page_tasks.assemble``) shared out over its
  pages; CPU = user + system of this process (every thread: onnxruntime, OpenCV) plus its Tesseract
  children. The first page of each set is read once before timing, so imports and the loading of the
  digit model and the word tables (once per worker process, not per page) are not counted.

CPU rather than wall time: the machine is shared. ``--calls`` adds a table of the Tesseract runs of
our path by the module that made them: processes started, images read (a step's crops go to one
process), their megapixels and CPU. ``--pages`` prints every page's figures.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from workbench.bench.pdf_readers import CACHE, ROOT

OUT = CACHE / "ocr_overhead"
DEFAULT_REAL = ROOT / ".." / "shared" / "real"  # as `make eval-real` (REAL ?= ../shared/real)
REAL_LETTERS = ("01", "03", "05", "08")
CORPUS_SEED, SECOND_SEED, LETTERS = 5, 3131, 6
SCAN_SUFFIXES = {".png", ".tif", ".tiff", ".jpg", ".jpeg", ".pdf"}


def cpu_seconds(who: int) -> float:
    """User + system CPU seconds of ``resource.RUSAGE_SELF`` or ``RUSAGE_CHILDREN`` so far."""
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def both_cpu() -> tuple[float, float]:
    """(this process, its waited-for children) CPU seconds so far."""
    return cpu_seconds(resource.RUSAGE_SELF), cpu_seconds(resource.RUSAGE_CHILDREN)


def _corpus(name: str, command: list[str]) -> list[Path]:
    """The scans of a generated corpus, built by ``command`` into OUT/name once."""
    folder = OUT / name
    if not (folder / "scan").is_dir():
        folder.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([*command, str(folder)], check=True, cwd=ROOT, capture_output=True)
    return sorted(p for p in (folder / "scan").iterdir() if p.suffix.lower() in SCAN_SUFFIXES)


def page_sets(real: Path) -> dict[str, list[Path]]:
    """The files of each set, in a fixed order (a set with no files is left out)."""
    letters = real / "letters"
    sets = {
        "sample scan": sorted((ROOT / "data" / "raw" / "scan").glob("*")),
        "real letters": sorted(p for code in REAL_LETTERS for p in letters.glob(f"{code}_*.pdf")) if letters.is_dir() else [],
        f"corpus seed {CORPUS_SEED}": _corpus(f"corpus-{CORPUS_SEED}", [sys.executable, "-m", "pipeline", "corpus", "--seed",
                                                                        str(CORPUS_SEED), "--n", str(LETTERS), "--formats", "scan"]),
        f"second renderer seed {SECOND_SEED}": _corpus(f"second-{SECOND_SEED}", [sys.executable, "-m", "workbench.second_renderer",
                                                                                 "--seed", str(SECOND_SEED), "--n", str(LETTERS),
                                                                                 "--formats", "scan"]),
    }
    return {name: files for name, files in sets.items() if files}


@dataclass
class Calls:
    """Tesseract runs of our path, by the pipeline.ocr module that made them: processes started, images
    read (several in one process through ``read_many``), their megapixels and the processes' CPU."""

    count: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    images: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    megapixels: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    cpu: dict[str, float] = field(default_factory=lambda: defaultdict(float))


def _caller() -> str:
    """The first pipeline.ocr module below the engine on the stack (``page``, ``recover``, ``latin``…)."""
    frame = sys._getframe(3)
    while frame is not None:
        module = frame.f_globals.get("__name__", "")
        if module.startswith("pipeline.ocr.") and module not in ("pipeline.ocr.engine", "pipeline.ocr.tesseract"):
            return module.removeprefix("pipeline.ocr.")
        frame = frame.f_back
    return "?"


@dataclass(frozen=True)
class CountingEngine:
    """Tesseract, with each call counted in ``calls`` under the module that made it."""

    inner: object
    calls: Calls
    name: str = "tesseract"

    def version(self):
        return self.inner.version()

    def read(self, image, *, langs: str, psm: int):
        return self._counted([image], lambda: self.inner.read(image, langs=langs, psm=psm))

    def read_many(self, images, *, langs: str, psm: int):
        from pipeline.ocr.engine import read_all

        images = list(images)
        return self._counted(images, lambda: read_all(self.inner, images, langs=langs, psm=psm))

    def _counted(self, images, run):
        who = _caller()
        before = cpu_seconds(resource.RUSAGE_CHILDREN)
        try:
            return run()
        finally:
            self.calls.count[who] += 1
            self.calls.images[who] += len(images)
            self.calls.megapixels[who] += sum(image.size[0] * image.size[1] for image in images) / 1e6
            self.calls.cpu[who] += cpu_seconds(resource.RUSAGE_CHILDREN) - before


@dataclass(frozen=True)
class PageCpu:
    """One page's CPU seconds: bare Tesseract, and ours split into this process and its Tesseract children."""

    set_name: str
    file: str
    number: int
    bare: float
    ours_self: float
    ours_children: float

    @property
    def ours(self) -> float:
        return self.ours_self + self.ours_children


def bare_cpu(image, tmp: Path) -> float:
    """CPU seconds of ``tesseract PAGE.png - -l tha+eng`` on ``image`` saved as PNG."""
    png = tmp / "page.png"
    image.save(png, format="PNG")
    before = cpu_seconds(resource.RUSAGE_CHILDREN)
    subprocess.run(["tesseract", str(png), "-", "-l", "tha+eng"], check=True, capture_output=True,
                   env={**os.environ, "OMP_THREAD_LIMIT": "1"})
    return cpu_seconds(resource.RUSAGE_CHILDREN) - before


def measure(sets: dict[str, list[Path]], options, calls: Calls | None = None) -> list[PageCpu]:
    """Every page of every set, bare and ours (see the module docstring)."""
    from dataclasses import replace

    from pipeline.page_tasks import PageTask, assemble, read_page_task
    from pipeline.readers import plan_file, render_page, scan_kind

    if calls is not None:
        from pipeline.ocr import engine_for

        options = replace(options, engine=CountingEngine(engine_for(options), calls))
    files = [(name, path) for name, paths in sets.items() for path in paths]
    for paths in sets.values():  # a worker loads its models once (the digit model, the word tables): not per page
        read_page_task(PageTask.of(plan_file(paths[0], options.limits))[0], replace(options, engine=None))
    rows: list[PageCpu] = []
    with tempfile.TemporaryDirectory(prefix="ocr-overhead-") as tmp:
        for set_name, path in files:
            start_self, start_children = both_cpu()
            scan = plan_file(path, options.limits)
            plan_self, plan_children = both_cpu()
            if not hasattr(scan, "numbers"):
                continue  # a file with a sound text layer: no OCR
            tasks = PageTask.of(scan)
            reads, spent = [], []
            for task in tasks:
                before_self, before_children = both_cpu()
                reads.append(read_page_task(task, options))
                after_self, after_children = both_cpu()
                spent.append((after_self - before_self, after_children - before_children))
            before_self, before_children = both_cpu()
            assemble(reads, options)
            after_self, after_children = both_cpu()
            shared_self = (plan_self - start_self + after_self - before_self) / len(tasks)
            shared_children = (plan_children - start_children + after_children - before_children) / len(tasks)
            for task, (own_self, own_children) in zip(tasks, spent, strict=True):
                bare = bare_cpu(render_page(task.path, scan_kind(scan), task.number, options.limits), Path(tmp))
                rows.append(PageCpu(set_name, path.name, task.number, bare, own_self + shared_self,
                                    own_children + shared_children))
    return rows


def report(rows: list[PageCpu], calls: Calls | None = None) -> str:
    """Markdown: CPU per page by set and overall, and the Tesseract calls of our path when counted."""
    out = ["| pages | n | bare `tesseract -l tha+eng` s/page | ours s/page | of which our Tesseract calls | ours / bare |",
           "|---|---|---|---|---|---|"]
    groups = [(name, [r for r in rows if r.set_name == name]) for name in dict.fromkeys(r.set_name for r in rows)]
    for name, group in [*groups, ("**all**", rows)]:
        n = len(group)
        bare, ours = sum(r.bare for r in group), sum(r.ours for r in group)
        children = sum(r.ours_children for r in group)
        out.append(f"| {name} | {n} | {bare / n:.2f} | {ours / n:.2f} | {children / n:.2f} | **{ours / bare:.2f}** |")
    worst = max(rows, key=lambda r: r.ours / max(r.bare, 1e-9))
    out.append(f"\nWorst page: {worst.file} p{worst.number}, {worst.bare:.2f} s bare, {worst.ours:.2f} s ours "
               f"({worst.ours / max(worst.bare, 1e-9):.2f}x)")
    if calls is not None:
        pages = len(rows) or 1
        out += ["", "| Tesseract runs of ours, by module | processes/page | images/page | megapixels/page | CPU s/page |",
                "|---|---|---|---|---|"]
        for who in sorted(calls.count, key=lambda k: -calls.cpu[k]):
            out.append(f"| {who} | {calls.count[who] / pages:.2f} | {calls.images[who] / pages:.2f} "
                       f"| {calls.megapixels[who] / pages:.2f} | {calls.cpu[who] / pages:.3f} |")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--real", default=str(DEFAULT_REAL), help="the real development sets (REAL)")
    ap.add_argument("--calls", action="store_true", help="count our Tesseract runs by module")
    ap.add_argument("--pages", action="store_true", help="print every page's figures too")
    args = ap.parse_args(argv)
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    from pipeline.ocr import OcrOptions

    options = OcrOptions.from_env(os.environ)
    calls = Calls() if args.calls else None
    rows = measure(page_sets(Path(args.real)), options, calls)
    if args.pages:
        for r in rows:
            print(f"{r.set_name:28s} {r.file:45s} p{r.number:<3d} bare {r.bare:6.2f}  ours {r.ours:6.2f} "
                  f"(tesseract {r.ours_children:5.2f})  {r.ours / r.bare:5.2f}x")
    print(report(rows, calls))
    return 0


if __name__ == "__main__":
    sys.exit(main())
