"""The letters of an output folder, linked, read back from its catalog (``OUT/.saraban/catalog.sqlite``).

The report and the exports start from here rather than from the CSVs: the catalog holds every
``Record`` whole (its text, every value's span), and linking is redone over them exactly as
``saraban ingest`` does at its end (byte-identical files are one document; copies grouped; then
``pipeline.link.link``), so the links are the ones in references.csv.

>>> # run = linked_run(Path("ผลลัพธ์"))
>>> # run.records[0].ref_no.canonical  ->  'อท 0017.2/ว 2055'
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline.models import Problem, Record
from pipeline.results import FileResult, gathered, relocated


@dataclass(frozen=True, slots=True)
class LinkedRun:
    """Every letter of an output folder with its links, the files' results and every problem."""

    records: tuple[Record, ...]
    results: tuple[FileResult, ...]
    problems: tuple[Problem, ...]
    paths: dict[str, tuple[str, ...]]  # SHA-256 -> every path holding those bytes
    copies: dict[str, str]  # doc_id -> its copy group

    def by_id(self) -> dict[str, Record]:
        return {r.doc_id: r for r in self.records}


class NoCatalog(LookupError):
    """The folder has no catalog: it was not written by ``saraban ingest`` (or with ``--no-cache``)."""


def linked_run(out_dir: Path) -> LinkedRun:
    """The letters ingested into ``out_dir``, linked as ``saraban ingest`` links them.

    Raises ``NoCatalog`` when ``out_dir`` holds no catalog; a file whose stored result cannot be read
    back (a damaged row) becomes a ``catalog_unreadable`` problem, and the others go on.
    """
    from pipeline.catalog import CATALOG_NAME, STATE_DIR, Catalog
    from pipeline.copies import copy_groups
    from pipeline.link import link

    if not (Path(out_dir) / STATE_DIR / CATALOG_NAME).is_file():
        raise NoCatalog(f"{out_dir} has no {STATE_DIR}/{CATALOG_NAME}: run `saraban ingest … --out {out_dir}` first")
    results, problems = [], []
    with Catalog.open(Path(out_dir)) as catalog:
        for known in catalog.files():
            result = catalog.lookup(known.sha256, known.version)
            if result is None:
                problems.append(Problem("catalog_unreadable", "the stored result of this file cannot be read back; "
                                        "run `saraban ingest` again", "error", known.path))
                continue
            results.append(relocated(result, known.path))
    records, found, paths = gathered(results)
    problems.extend(found)
    copies = copy_groups(records)
    linked = link(records, copies=copies)
    return LinkedRun(tuple(linked), tuple(results), tuple(problems), paths, copies)
