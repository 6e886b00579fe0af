"""A full disk, an output folder that cannot be written, a second run on the same folder: one line,
a status of its own (pipeline.exits), no traceback, and the previous complete tables left intact."""

from __future__ import annotations

import errno
import subprocess
import sys
from pathlib import Path

import pytest
from archive_builders import letter_folder, tables

from pipeline import exits, sqlite_db, writers
from pipeline.catalog import STATE_DIR
from pipeline.cli import main
from pipeline.lock import hold

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture()
def done(tmp_path):
    """A folder of letters ingested once (the previous complete outputs), then one letter more."""
    folder = letter_folder(tmp_path / "in", 3)
    out = tmp_path / "out"
    assert main(["ingest", str(folder), "--out", str(out), "--quiet", "--workers", "1"]) == 0
    before = tables(out)
    letter_folder(folder, 1, start=3)
    return folder, out, before


def _failing(after: int, error: int):
    """A ``json.dumps`` that fails with ``error`` after ``after`` calls: a write that stops half way."""
    real = writers.json.dumps
    calls = {"n": 0}

    def dumps(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] > after:
            raise OSError(error, __import__("os").strerror(error))
        return real(*args, **kwargs)

    return dumps


@pytest.mark.parametrize(("error", "status", "words"), [
    (errno.ENOSPC, exits.DISK_FULL, "the disk is full: cannot write to"),
    (errno.EDQUOT, exits.DISK_FULL, "the disk is full: cannot write to"),
    (errno.EROFS, exits.UNWRITABLE, "cannot write to"),
    (errno.EACCES, exits.UNWRITABLE, "cannot write to"),
])
def test_a_write_that_fails_half_way_keeps_the_previous_tables(done, monkeypatch, capsys, error, status, words):
    folder, out, before = done
    monkeypatch.setattr(writers.json, "dumps", _failing(3, error))
    assert main(["ingest", str(folder), "--out", str(out), "--quiet", "--workers", "1"]) == status
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and words in err[0] and "the previous tables are left as they were" in err[0]
    assert tables(out) == before
    assert not list(out.glob("*.tmp"))
    monkeypatch.undo()
    assert main(["ingest", str(folder), "--out", str(out), "--quiet", "--workers", "1"]) == 0  # and the next run writes
    assert tables(out) != before


def test_a_full_disk_while_writing_sqlite_removes_its_tmp(done, monkeypatch, capsys):
    folder, out, _ = done
    old = (out / "saraban.sqlite").read_bytes()

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(writers, "write_graph", full)  # after the CSVs, JSONL and SQLite were renamed
    def half_written(tables, path, *options):
        Path(path).write_bytes(b"SQLite format 3\x00")  # part of the database, then the disk is full
        full()

    monkeypatch.setattr(sqlite_db, "write_database", half_written)
    assert main(["ingest", str(folder), "--out", str(out), "--quiet", "--workers", "1"]) == exits.DISK_FULL
    assert (out / "saraban.sqlite").read_bytes() == old
    assert not (out / "saraban.sqlite.tmp").exists()


def test_an_output_folder_that_is_a_file_is_status_4(tmp_path, capsys):
    letter_folder(tmp_path / "in", 1)
    (tmp_path / "out").write_text("a file where the output folder should be")
    assert main(["ingest", str(tmp_path / "in"), "--out", str(tmp_path / "out")]) == exits.UNWRITABLE
    assert capsys.readouterr().err.count("\n") == 1


def test_a_state_folder_that_cannot_be_made_is_status_4(tmp_path, capsys):
    folder = letter_folder(tmp_path / "in", 1)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / STATE_DIR).write_text("a file where the state folder should be")
    assert main(["ingest", str(folder), "--out", str(tmp_path / "out")]) == exits.UNWRITABLE
    err = capsys.readouterr().err
    assert err.startswith("saraban: cannot write to") and "Traceback" not in err


def test_a_second_run_is_status_3_in_one_line_with_no_traceback(done):
    folder, out, before = done
    with hold(out / STATE_DIR):
        run = subprocess.run([sys.executable, "-m", "pipeline", "ingest", str(folder), "--out", str(out)],
                             capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert run.returncode == exits.LOCKED
    assert run.stderr.count("\n") == 1 and "another saraban run" in run.stderr
    assert tables(out) == before
