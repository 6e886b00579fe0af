"""Folders of distinct letters for the archive-scale tests: the sample's two letters under new numbers."""

from __future__ import annotations

from pathlib import Path

SAMPLE = Path(__file__).parent / "fixtures" / "angthong_2562_computer_systems.txt"
THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def letters_text(i: int) -> str:
    """The sample (memo ว ๒๐๕๕ and external letter ว ๒๐๕๖) numbered ว ๓๐๐๐+i and ว ๖๐๐๐+i."""
    text = SAMPLE.read_text(encoding="utf-8")
    return text.replace("๒๐๕๕", str(3000 + i).translate(THAI)).replace("๒๐๕๖", str(6000 + i).translate(THAI))


def letter_folder(folder: Path, n: int, start: int = 0) -> Path:
    """``n`` text files ``l000.txt``… of two letters each, every number distinct."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(start, start + n):
        (folder / f"l{i:03d}.txt").write_text(letters_text(i), encoding="utf-8")
    return folder


def tables(out: Path) -> dict[str, bytes]:
    """The bytes of every table a run writes (not the catalog, manifest or events log)."""
    names = ("documents.csv", "references.csv", "attachments.csv", "dates.csv", "issues.csv", "records.jsonl",
             "edges.csv")
    return {name: (out / name).read_bytes() for name in names}
