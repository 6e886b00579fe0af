"""A damaged, truncated or foreign catalog never fails a run: it is set aside (or its damaged entries
dropped) with a warning, the files are read again, and the tables are those of a clean run."""

from __future__ import annotations

import random
import shutil
import sqlite3

import pytest
from archive_builders import letter_folder, tables

from pipeline.catalog import CATALOG_NAME, STATE_DIR, Catalog
from pipeline.ingest import run_ingest


def _garbage(data: bytes, rng: random.Random) -> bytes:
    return rng.randbytes(len(data))


def _truncated(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(len(data))]


def _flipped(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randrange(1, 40)):
        out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
    return bytes(out)


def _one_byte(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def _foreign(data: bytes, rng: random.Random) -> bytes:
    return b""  # replaced below by another program's SQLite file


DAMAGE = {"garbage": _garbage, "truncated": _truncated, "flipped": _flipped, "one_byte": _one_byte,
          "foreign": _foreign, "empty": lambda data, rng: b""}
CASES = [(kind, seed) for kind in DAMAGE for seed in range(4 if kind in ("flipped", "one_byte", "truncated") else 1)]


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    folder = letter_folder(tmp_path_factory.mktemp("in"), 4)
    out = tmp_path_factory.mktemp("out")
    run_ingest([folder], out, workers=1)
    with sqlite3.connect(out / STATE_DIR / CATALOG_NAME) as db:  # everything in the main file
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return folder, out


@pytest.mark.parametrize(("kind", "seed"), CASES)
def test_a_damaged_catalog_never_fails_a_run(clean, tmp_path, kind, seed, capsys):
    folder, out = clean
    damaged = tmp_path / "out"
    shutil.copytree(out, damaged)
    path = damaged / STATE_DIR / CATALOG_NAME
    path.write_bytes(DAMAGE[kind](path.read_bytes(), random.Random(seed)))
    if kind == "foreign":
        path.unlink()
        with sqlite3.connect(path) as db:
            db.execute("CREATE TABLE results (id INTEGER, blob BLOB)")
    kept = run_ingest([folder], damaged, workers=1, keep_tables=True)  # the tables kept, or written again
    assert kept.unreadable == 0 and kept.letters == 8
    assert tables(damaged) == tables(out)
    result = run_ingest([folder], damaged, workers=1)  # every entry looked up: damaged ones read again
    assert result.unreadable == 0 and result.letters == 8
    assert tables(damaged) == tables(out)
    again = run_ingest([folder], damaged, workers=1)  # and stored afresh, good
    assert again.cached == 4


def test_a_damaged_entry_is_dropped_with_a_warning_and_read_again(clean, tmp_path, capsys):
    folder, out = clean
    shutil.copytree(out, tmp_path / "out")
    with sqlite3.connect(tmp_path / "out" / STATE_DIR / CATALOG_NAME) as db:
        db.execute("UPDATE results SET result = result || ' ' WHERE rowid = (SELECT min(rowid) FROM results)")
    result = run_ingest([folder], tmp_path / "out", workers=1)
    assert result.cached == 3
    assert "1 damaged catalog entries were dropped and their files read again" in capsys.readouterr().err
    assert tables(tmp_path / "out") == tables(out)


def test_a_catalog_that_is_no_database_is_set_aside_with_a_warning(tmp_path):
    (tmp_path / STATE_DIR).mkdir()
    (tmp_path / STATE_DIR / CATALOG_NAME).write_bytes(b"not a database " * 100)
    with Catalog.open(tmp_path) as catalog:
        assert catalog.files() == []
    assert "set aside as catalog.sqlite.damaged" in catalog.warnings[0]
    assert (tmp_path / STATE_DIR / "catalog.sqlite.damaged").read_bytes().startswith(b"not a database")
