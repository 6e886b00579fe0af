"""``saraban report OUT [--to DIR]``: a static review site over a whole run (default ``OUT/report/``).

``index.html`` counts the letters (by format, method, kind, confidence band), the links and the
problems, lists the citations the archive cannot resolve, and draws the citation graph;
``letters/<doc_id>.html`` shows one letter: its page images (for PDFs and scans), its text exactly as
read with each value marked where it was read, the values, link statuses and problems beside it, the
letters it cites and that cite it. Plain HTML and one stylesheet: no script, nothing fetched from a
network; it opens from the disk.

>>> # write_report(Path("ผลลัพธ์")) -> Report(Path("ผลลัพธ์/report"), letters=10, images=5)
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Report", "write_report"]


@dataclass(frozen=True, slots=True)
class Report:
    """What ``write_report`` wrote: the site's folder, its pages and its page images."""

    root: Path
    letters: int
    images: int
    pages: tuple[Path, ...]


def _uncatalogued(out_dir: Path, run) -> list[dict]:
    """issues.csv rows of files the catalog does not hold (a file stopped by a limit is not kept there)."""
    import csv

    issues = out_dir / "issues.csv"
    if not issues.is_file():
        return []
    known = {res.path for res in run.results}
    with issues.open(encoding="utf-8-sig", newline="") as fh:
        return [row for row in csv.DictReader(fh) if row.get("source_path") and row["source_path"] not in known]


def write_report(out_dir: Path, to_dir: Path | None = None) -> Report:
    """Write the review site of the run in ``out_dir`` to ``to_dir`` (``OUT/report``); ``NoCatalog`` when
    ``out_dir`` was not written by ``saraban ingest``."""
    from pipeline.graph import cited_by, cited_groups
    from pipeline.ingest import file_sha
    from pipeline.linked import linked_run
    from pipeline.report.graph_svg import Edges, citation_svg
    from pipeline.report.images import page_images
    from pipeline.report.index_page import index_page
    from pipeline.report.letter_page import LetterContext, letter_page

    run = linked_run(Path(out_dir))
    root = Path(to_dir) if to_dir else Path(out_dir) / "report"
    (root / "letters").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(Path(__file__).with_name("style.css"), root / "style.css")
    records = list(run.records)
    groups, incoming, by_id = cited_groups(records), cited_by(records), run.by_id()
    file_problems: dict[str, list] = {}
    for problem in run.problems:
        if not problem.doc_id:
            file_problems.setdefault(problem.source_path, []).append(problem)
    found = Edges(records, groups)
    shas: dict[Path, str | None] = {}

    def sha_of(path: Path) -> str | None:
        if path not in shas:
            shas[path] = file_sha(path)
        return shas[path]

    written, images = [], 0
    for record in records:
        pictures = page_images(record, root / "img", root, sha_of)
        images += len(pictures.paths)
        ctx = LetterContext(by_id, tuple(incoming.get(record.doc_id, ())), groups,
                            tuple(file_problems.get(record.source.path, ())), pictures,
                            citation_svg(found, href=lambda d: f"{d}.html", focus=record.doc_id))
        path = root / "letters" / f"{record.doc_id}.html"
        path.write_text(letter_page(record, ctx), encoding="utf-8")
        written.append(path)
    index = root / "index.html"
    graph = citation_svg(found, href=lambda d: f"letters/{d}.html")
    index.write_text(index_page(run, groups, incoming, graph, _uncatalogued(Path(out_dir), run)), encoding="utf-8")
    return Report(root, len(records), images, (index, *written))
