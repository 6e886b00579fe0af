"""The normalisation's word tables, kept in one data file so that a run does not rebuild them.

``pipeline.thai_repair`` and ``pipeline.thai_spacing`` derive their tables from pythainlp's word list
and the Thai National Corpus counts: damaged forms keyed to their words (``อานาจ`` -> ``อำนาจ``),
flooded forms (``ควำม`` -> ``ความ``), the trigrams that let a text skip a search. Building them takes
about 0.4 s, which every run paid before its workers forked, more than a hundred Gazette texts'
worth of reading. The first run (or ``make setup``) writes them to ``STORE``; later runs load them in
a twentieth of the time.

The file is a ``marshal`` dump of str, int, dict and frozenset values only: loading it runs no code
(``pickle`` could), and a file that is damaged, foreign, or made by other code or another pythainlp
is ignored (its ``key`` differs) and the tables are built as before. The automata are not stored:
pyahocorasick loads its own dump more slowly than it builds one.

>>> tables = stored()  # {} until a run has written the file
>>> sorted(tables)[:2] if tables else []  # doctest: +SKIP
['common', 'damage_trigrams']
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
STORE = PACKAGE / "data" / "word_tables.marshal"  # git-ignored: made by the first run or `make setup`
SOURCES = ("thai_repair.py", "thai_spacing.py", "word_tables.py")  # the code the tables are a function of


def key() -> str:
    """What the tables are a function of: the code that builds them, pythainlp's version, marshal's and
    Python's format. ``key()`` -> ``'3f2a…'`` (64 hex digits)."""
    import pythainlp

    digest = hashlib.sha256(f"{pythainlp.__version__}|{marshal.version}|{sys.version_info[:2]}".encode())
    for name in SOURCES:
        digest.update((PACKAGE / name).read_bytes())
    return digest.hexdigest()


def load(path: Path = STORE) -> dict:
    """The tables stored at ``path`` for this ``key()``, or ``{}`` (no file, another key, a damaged file)."""
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if not isinstance(data, dict) or data.get("key") != key() or not isinstance(data.get("tables"), dict):
        return {}
    return data["tables"]


def save(tables: dict, path: Path = STORE) -> bool:
    """Write ``tables`` under this ``key()`` (a temporary file renamed into place, so that a run reading it
    meanwhile sees the old file or the new one); False where the folder cannot be written (a read-only
    installation: the tables are then built in each run)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".word_tables.", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                marshal.dump({"key": key(), "tables": tables}, out)
            os.chmod(temporary, 0o644)  # mkstemp's 0600 would keep other users' runs from reading it
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        return False
    return True


@lru_cache(maxsize=1)
def stored() -> dict:
    """``load()``, once per process (workers forked after ``pipeline.normalize.prepare`` share it)."""
    return load()
