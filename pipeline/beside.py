"""One piece of the final writing done in a forked child while the process writes the rest.

After the last file is read the workers are idle and the main process writes every table alone:
``saraban.sqlite`` (typed rows, indexes, views) is about a third of that time. ``beside(write)`` forks,
the child writes the database and exits, and the parent goes on with the CSV and JSON Lines files;
``wait()`` joins it and raises ``SideWriteError`` with the child's message when it failed (a full disk).
The child shares the parent's tables by copy-on-write, so nothing is pickled.

Forking is skipped (the write runs in place, before ``beside`` returns) where it is not safe or not
useful: no ``os.fork``, one core, or other threads alive in the process (a thread holding a lock at the
fork would leave the child waiting for it forever). ``concurrent.futures`` and ``multiprocessing`` do
not serve: both pickle the arguments or start a fresh interpreter, which costs more than the write.

>>> done = beside(lambda: None)
>>> done.wait()
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass

MESSAGE_BYTES = 4000  # of the child's error, sent back through a pipe


class SideWriteError(OSError):
    """The write done in the forked child failed; the message is the child's exception."""


@dataclass(frozen=True, slots=True)
class Beside:
    """A write running in a child (``pid`` > 0), or already done in place (``pid`` 0)."""

    pid: int = 0
    reader: int = -1

    def wait(self) -> None:
        """Join the child; raise ``SideWriteError`` if its write failed."""
        if not self.pid:
            return
        with os.fdopen(self.reader, "rb") as pipe:
            message = pipe.read().decode("utf-8", errors="replace")
        _, status = os.waitpid(self.pid, 0)
        if status:
            raise SideWriteError(message or f"the writing process ended with status {status}")


def can_fork() -> bool:
    """Is a forked writer both safe and useful here?"""
    return hasattr(os, "fork") and (os.cpu_count() or 1) > 1 and threading.active_count() == 1


def beside(write: Callable[[], None], fork: bool | None = None) -> Beside:
    """Start ``write`` in a forked child (``fork`` None: where ``can_fork()``), else run it now."""
    if not (can_fork() if fork is None else fork):
        write()
        return Beside()
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: write, report, and leave without running the parent's exit handlers
        os.close(reader)
        code = 0
        try:
            write()
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the parent
            os.write(writer, f"{type(exc).__name__}: {exc}".encode()[:MESSAGE_BYTES])
            code = 1
        finally:
            os._exit(code)
    os.close(writer)
    return Beside(pid, reader)
