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

import errno
import fnmatch
import os
import stat
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

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
class Refusal:
    """A path found but not read, with why: an issues.csv row (``severity`` error counts as unreadable).

    >>> Refusal("หนังสือเวียน/letter.txt", "not_a_regular_file", "a FIFO (named pipe), not a file: not read").code
    'not_a_regular_file'
    """

    path: str
    code: str
    message: str
    severity: str = "warning"


@dataclass(frozen=True, slots=True)
class Discovery:
    """The inputs in order (sorted per folder, each once), the skipped files counted by reason, and the
    paths refused (special files, symlinks that leave the input or loop), each an issues.csv row."""

    files: tuple[Path, ...]
    skipped: dict[str, int] = field(default_factory=dict)
    refused: tuple[Refusal, ...] = ()


KINDS = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
         (stat.S_ISBLK, "a block device"))


def special_kind(mode: int) -> str | None:
    """What a path that is neither a regular file nor a folder is (``"a FIFO (named pipe)"``), else None."""
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return next((name for test, name in KINDS if test(mode)), "not a regular file")


class NotRegular(OSError):
    """The path is not a regular file (a FIFO, a socket, a device): it is never read."""


def open_regular(path: Path) -> BinaryIO:
    """``path`` opened for reading only if it is a regular file (``NotRegular`` otherwise).

    Opened without blocking and checked on the open descriptor, so a FIFO put in place of a file after
    discovery is refused too, never waited on."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        kind = special_kind(os.fstat(fd).st_mode) or ("a folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else None)
        if kind is not None:
            raise NotRegular(errno.EINVAL, f"{kind}, not a regular file")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


def _inside(path: Path, folder: Path | None) -> bool:
    if folder is None:
        return False
    try:
        return path.resolve() == folder or path.resolve().is_relative_to(folder)
    except (OSError, RuntimeError):
        return False


def _under_any(real: str, roots: list[str]) -> bool:
    return any(real == r or real.startswith(r.rstrip(os.sep) + os.sep) for r in roots)


class _Walk:
    """One discovery: what was found, skipped and refused, and which folders and files were seen
    (by their real path), so that nothing is taken twice: a folder given twice, a folder and a file in
    it, a symlink to a folder already walked."""

    def __init__(self, selection: Selection, roots: list[str]) -> None:
        self.selection = selection
        self.out = selection.out.resolve() if selection.out is not None else None
        self.roots = roots
        self.found: dict[str, Path] = {}
        self.skipped: Counter[str] = Counter()
        self.refused: list[Refusal] = []
        self.seen_dirs: set[str] = set()
        self.seen_files: set[str] = set()

    def refuse(self, path: Path, code: str, message: str, severity: str = "warning") -> None:
        self.refused.append(Refusal(str(path), code, message, severity))

    def file(self, path: Path, info: os.stat_result) -> None:
        reason = self.selection.skip_reason(path)
        if reason is not None:
            self.skipped[reason] += 1
            return
        kind = special_kind(info.st_mode)
        if kind is not None:
            self.refuse(path, "not_a_regular_file", f"{kind}, not a regular file: skipped, never opened")
            return
        real = os.path.realpath(path)
        if real in self.seen_files:
            self.skipped["same_file_twice"] += 1
            return
        self.seen_files.add(real)
        self.found[str(path)] = path

    def link(self, path: Path) -> os.stat_result | None:
        """The target's status of a symlink that may be followed, else None (refused)."""
        try:
            info = os.stat(path)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                self.refuse(path, "symlink_loop", "a symbolic link that loops (it leads back to itself): not read",
                            "error")
            else:
                self.refuse(path, "broken_symlink", f"a symbolic link to {os.readlink(path)!s}, which does not "
                            f"exist ({exc.strerror}): not read", "error")
            return None
        real = os.path.realpath(path)
        if not _under_any(real, self.roots):
            self.refuse(path, "symlink_outside_input", f"a symbolic link to {real}, outside the folders given: "
                        "not followed (give that folder too to read it)")
            return None
        return info

    def entry(self, path: Path, later: list[Path]) -> None:
        """One thing a folder lists: a file, a folder to walk (``later`` for symlinked ones), or a refusal."""
        try:
            info = os.lstat(path)
        except OSError as exc:
            self.refuse(path, "io_error", f"cannot be examined: {exc.strerror or exc}", "error")
            return
        if stat.S_ISLNK(info.st_mode):
            info = self.link(path)
            if info is None:
                return
            if stat.S_ISDIR(info.st_mode):
                later.append(path)
                return
        if stat.S_ISDIR(info.st_mode):
            self.folder(path)
        else:
            self.file(path, info)

    def folder(self, path: Path) -> None:
        """Walk ``path`` (sorted; symlinked folders after the real ones, so their real paths are kept)."""
        if path.name.lower() in SKIPPED_DIRS:
            self.skipped["skipped_folder"] += 1
            return
        if _inside(path, self.out):
            self.skipped["output_folder"] += 1
            return
        real = os.path.realpath(path)
        if real in self.seen_dirs:
            self.skipped["folder_seen_twice"] += 1
            return
        self.seen_dirs.add(real)
        try:
            names = sorted(os.listdir(path))
        except OSError as exc:
            self.refuse(path, "folder_unreadable", f"the folder cannot be listed: {exc.strerror or exc}", "error")
            return
        later: list[Path] = []
        for name in names:
            self.entry(path / name, later)
        for linked in later:
            self.folder(linked)


def discover(paths: list[Path], selection: Selection = Selection()) -> Discovery:
    """Every regular file under ``paths`` (recursively, in sorted order) that ``selection`` takes.

    The output folder (``selection.out``) and anything inside it is never an input, nor are the folders
    of ``SKIPPED_DIRS`` (``.git``, ``__MACOSX``, …). Only regular files are inputs: a FIFO, socket or
    device is refused (``not_a_regular_file``) without being opened. Symbolic links are followed while
    they stay inside the folders given; one that leads outside (``symlink_outside_input``), loops
    (``symlink_loop``) or leads nowhere (``broken_symlink``) is refused. A file reached twice (a folder
    given twice, a folder and a file in it, a link to a folder already walked) is taken once.
    """
    roots = [os.path.realpath(p) for p in paths]
    walk = _Walk(selection, roots)
    for path in paths:
        path = Path(path)
        try:
            info = os.stat(path)
        except OSError:
            if os.path.islink(path):
                walk.link(path)
            else:
                walk.refuse(path, "io_error", "cannot be examined", "error")
            continue
        if stat.S_ISDIR(info.st_mode):
            walk.folder(path)
        else:
            walk.file(path, info)
    return Discovery(tuple(walk.found.values()), dict(sorted(walk.skipped.items())), tuple(walk.refused))
