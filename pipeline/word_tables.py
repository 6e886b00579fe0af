"""The normalisation's word tables, kept in one data file so that a run does not rebuild them.

``pipeline.thai_repair`` and ``pipeline.thai_spacing`` derive their tables from pythainlp's word list
and the Thai National Corpus counts: damaged forms keyed to their words (``อานาจ`` -> ``อำนาจ``),
flooded forms (``ควำม`` -> ``ความ``), the trigrams that let a text skip a search. Building them takes
about 0.4 s, which every run paid before its workers forked, more than a hundred Gazette texts'
worth of reading. The first run (or ``make setup``) writes them to ``STORE``; later runs load them in
a twentieth of the time.

The file is a ``marshal`` dump of str, int, dict and frozenset values only: loading it runs no code
(``pickle`` could), and a file that is damaged, foreign, or made by other code or another pythainlp
is ignored (its ``key`` differs) and the tables are built as before. The Aho-Corasick automata are kept
too, as pyahocorasick's pickled state in bytes, read back by an unpickler that builds nothing but an
``ahocorasick.Automaton`` (0.02 s against 0.2 s to build the three; its own ``save``/``load`` calls back
into Python for each of the 100,000 words, slower than building).

>>> tables = stored()  # {} until a run has written the file
>>> sorted(tables)[:2] if tables else []  # doctest: +SKIP
['common', 'damage_trigrams']
"""

from __future__ import annotations

import hashlib
import io
import marshal
import os
import pickle
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


class _AutomatonOnly(pickle.Unpickler):
    """Unpickles pyahocorasick's automaton and refuses any other class: a tampered file runs no code."""

    def find_class(self, module: str, name: str):
        if (module, name) == ("ahocorasick", "Automaton"):
            import ahocorasick

            return ahocorasick.Automaton
        raise pickle.UnpicklingError(f"{module}.{name} is not an automaton")


def automaton_bytes(automaton) -> bytes:
    """An ``ahocorasick.Automaton`` (int values) as bytes the store can hold."""
    return pickle.dumps(automaton, protocol=pickle.HIGHEST_PROTOCOL)


def automaton_from(data: bytes):
    """The automaton ``automaton_bytes`` made, or None for bytes that are not one.

    >>> import ahocorasick; a = ahocorasick.Automaton(); _ = a.add_word("กรม", 3); a.make_automaton()
    >>> list(automaton_from(automaton_bytes(a)).iter("สำนักกรม"))
    [(7, 3)]
    """
    import ahocorasick

    try:
        automaton = _AutomatonOnly(io.BytesIO(data)).load()
    except Exception:  # noqa: BLE001 - damaged or foreign bytes: the automaton is built instead
        return None
    return automaton if isinstance(automaton, ahocorasick.Automaton) else None


def stored_automaton(name: str):
    """The automaton stored under ``name``, its bytes then let go (they are most of the file: the process
    keeps the automaton, not both), or None when the store has none or it cannot be read."""
    data = stored().get(name)
    if not isinstance(data, bytes):
        return None
    automaton = automaton_from(data)
    stored()[name] = TAKEN
    return automaton


TAKEN = "taken"  # what stands in ``stored()`` for an automaton's bytes once they were read


@lru_cache(maxsize=1)
def stored() -> dict:
    """``load()``, once per process (workers forked after ``pipeline.normalize.prepare`` share it)."""
    return load()
