"""One run at a time per output folder: an exclusive ``flock`` on ``OUT/.saraban/lock``, released when
the run ends or its process dies (also after ``kill -9``: the kernel drops the lock with the process).

>>> # with hold(Path("ผลลัพธ์"), wait=False): ...   # a second run meanwhile: OutputLocked
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_NAME = "lock"
_HELD: set[int] = set()  # descriptors of the locks this process holds


def _drop_inherited() -> None:
    """In a forked worker: close the copies of the parent's lock descriptors, so that a worker that
    outlives the run does not keep the output folder locked (a ``flock`` lives while any copy is open)."""
    for fd in list(_HELD):
        try:
            os.close(fd)
        except OSError:
            pass
    _HELD.clear()


os.register_at_fork(after_in_child=_drop_inherited)


class OutputLocked(RuntimeError):
    """Another run is writing to this output folder."""


@contextmanager
def hold(state_dir: Path, wait: bool = False) -> Iterator[None]:
    """Hold the output folder's lock for the block; ``wait``: block until the other run ends, else
    raise ``OutputLocked`` at once (naming the process that holds it)."""
    state_dir.mkdir(parents=True, exist_ok=True)
    path = state_dir / LOCK_NAME
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode(errors="replace").strip() or "another process"
            raise OutputLocked(f"another saraban run (process {holder}) is writing to {state_dir.parent}; "
                               "wait for it to end, or run with --wait") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        _HELD.add(fd)
        yield
    finally:
        _HELD.discard(fd)
        os.close(fd)
