"""Exports of a run's letters for other systems: the e-Saraban exchange JSON (``ecms``, one file per
letter) and a spaCy DocBin (``spacy``, every letter with its values as spans, for annotators).

>>> # run_export(Path("ผลลัพธ์"), "ecms", Path("ecms"))  ->  'wrote 10 ECMS letters in ecms'
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["run_export"]


def run_export(out_dir: Path, fmt: str, to: Path, org_ids: Path | None = None) -> str:
    """Export the letters of the run in ``out_dir`` as ``fmt`` to ``to``; returns what was written, in words.

    ValueError for an unknown format or a bad ``org_ids`` table; ``NoCatalog`` when ``out_dir`` has no run."""
    from pipeline.linked import linked_run

    if fmt not in ("ecms", "spacy"):
        raise ValueError(f"unknown export format {fmt!r} (ecms, spacy)")
    if org_ids is not None and fmt != "ecms":
        raise ValueError("--org-ids is for --format ecms")
    records = list(linked_run(Path(out_dir)).records)
    if fmt == "ecms":
        from pipeline.export.ecms import OrgIds, write_ecms

        ids = OrgIds.read(org_ids) if org_ids is not None else OrgIds()
        written = write_ecms(records, Path(to), ids)
        return f"wrote {len(written)} ECMS letters in {to}"
    from pipeline.export.spacy_docbin import write_docbin

    count = write_docbin(records, Path(to))
    return f"wrote {count} letters to {to}"
