"""Which files of the given folders are inputs: every regular file, except the output folder itself,
system and lock files, and what ``--exclude`` / ``--include`` leave out.

>>> rules = Selection(exclude=("*/ร่าง/*",))
>>> rules.skip_reason(Path("หนังสือเวียน/ร่าง/ว ๑๒.docx")), rules.skip_reason(Path("หนังสือเวียน/ว ๑๒.docx"))
('excluded', None)
>>> Selection().skip_reason(Path("หนังสือเวียน/~$ว ๑๒.docx")), Selection().skip_reason(Path("a/.DS_Store"))
('lock_file', 'system_file')

A skipped file is counted by its reason in ``Discovery.skipped`` (the run's summary prints the counts):
never an error, never silently gone.
"""

from __future__ import annotations

import fnmatch
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

SYSTEM_FILES = frozenset({".ds_store", "thumbs.db", "desktop.ini", "ehthumbs.db", "icon\r"})
SYSTEM_PREFIXES = ("._",)  # macOS resource forks on shared drives
LOCK_PREFIXES = ("~$", ".~lock")  # Word's owner file, LibreOffice's lock file
SKIPPED_DIRS = frozenset({".git", "__macosx", ".saraban", "$recycle.bin", ".trashes"})


@dataclass(frozen=True, slots=True)
class Selection:
    """What to take: ``include`` globs (none: everything) and ``exclude`` globs, matched against the path
    as found (``"ฝ่ายบริหาร/2562/*.pdf"``) and against the bare name (``"*.tmp"``); ``out`` is never read."""

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    out: Path | None = None

    def skip_reason(self, path: Path) -> str | None:
        """``None`` for an input, else why it is skipped: system_file, lock_file, excluded, not_included."""
        name = path.name
        lower = name.lower()
        if lower in SYSTEM_FILES or name.startswith(SYSTEM_PREFIXES):
            return "system_file"
        if name.startswith(LOCK_PREFIXES):
            return "lock_file"
        text = path.as_posix()
        if any(_matches(text, name, g) for g in self.exclude):
            return "excluded"
        if self.include and not any(_matches(text, name, g) for g in self.include):
            return "not_included"
        return None


def _matches(text: str, name: str, glob: str) -> bool:
    return fnmatch.fnmatchcase(text, glob) or fnmatch.fnmatchcase(name, glob)


@dataclass(frozen=True, slots=True)
class Discovery:
    """The inputs in order (sorted per folder, each once) and the skipped files counted by reason."""

    files: tuple[Path, ...]
    skipped: dict[str, int] = field(default_factory=dict)


def _inside(path: Path, folder: Path | None) -> bool:
    if folder is None:
        return False
    try:
        return path.resolve() == folder or path.resolve().is_relative_to(folder)
    except OSError:
        return False


def discover(paths: list[Path], selection: Selection = Selection()) -> Discovery:
    """Every regular file under ``paths`` (recursively, in sorted order) that ``selection`` takes.

    The output folder (``selection.out``) and anything inside it is never an input, nor are the folders
    of ``SKIPPED_DIRS`` (``.git``, ``__MACOSX``, …).
    """
    out = selection.out.resolve() if selection.out is not None else None
    found: dict[str, Path] = {}
    skipped: Counter[str] = Counter()

    def consider(candidate: Path) -> None:
        reason = selection.skip_reason(candidate)
        if reason is not None:
            skipped[reason] += 1
        else:
            found.setdefault(str(candidate), candidate)

    for path in paths:
        if not path.is_dir():
            consider(path)
            continue
        if _inside(path, out):
            skipped["output_folder"] += 1
            continue
        for root, dirs, files in os.walk(path):
            kept = []
            for d in sorted(dirs):
                if d.lower() in SKIPPED_DIRS or _inside(Path(root) / d, out):
                    skipped["skipped_folder" if d.lower() in SKIPPED_DIRS else "output_folder"] += 1
                else:
                    kept.append(d)
            dirs[:] = kept
            for name in sorted(files):
                consider(Path(root) / name)
    return Discovery(tuple(found.values()), dict(sorted(skipped.items())))
