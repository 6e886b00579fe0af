"""The exit statuses of ``saraban ingest``, one per kind of outcome, and the one line that explains an
environment failure (never a traceback).

===  =====================================================================================
0    every file was read
1    some input could not be read at all (each is a row of issues.csv)
2    bad usage: missing inputs, a bad option, ``--out`` one of the inputs
3    another saraban run is writing to ``--out`` (run with ``--wait``, or later)
4    ``--out`` cannot be written: not a folder, no permission, a read-only file system
5    the disk (or the quota) is full
130  interrupted (Ctrl-C): what was read is kept; the same command resumes
===  =====================================================================================

In 3, 4 and 5 the tables of the previous complete run are left as they were: every table is written
to ``name.tmp`` and renamed, and a ``.tmp`` of a failed write is removed.

>>> environment_failure(OSError(28, "No space left on device"), "ผลลัพธ์")
(5, 'the disk is full: cannot write to ผลลัพธ์ (No space left on device); the previous tables are left as they were')
"""

from __future__ import annotations

import errno

OK, UNREADABLE, USAGE, LOCKED, UNWRITABLE, DISK_FULL, INTERRUPTED = 0, 1, 2, 3, 4, 5, 130
FULL = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG})


def environment_failure(exc: OSError, out: str) -> tuple[int, str]:
    """``(exit status, one line)`` for an OSError met while writing the outputs to ``out``."""
    reason = exc.strerror or str(exc)
    kept = "the previous tables are left as they were"
    if exc.errno in FULL:
        return DISK_FULL, f"the disk is full: cannot write to {out} ({reason}); {kept}"
    return UNWRITABLE, f"cannot write to {out} ({reason}); {kept}"
