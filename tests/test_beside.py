"""The database written in a forked child beside the other tables (pipeline/beside.py)."""

from __future__ import annotations

import os
import threading

import pytest

from pipeline.beside import SideWriteError, beside, can_fork


def _write_to(path):
    return lambda: path.write_text("ฐานข้อมูล", encoding="utf-8")


@pytest.mark.parametrize("fork", [True, False])
def test_the_write_is_done_when_wait_returns(tmp_path, fork):
    target = tmp_path / "saraban.sqlite"
    done = beside(_write_to(target), fork=fork)
    done.wait()
    assert target.read_text(encoding="utf-8") == "ฐานข้อมูล"
    assert (done.pid > 0) is fork  # forked, or written in place before beside returned


def test_a_failed_write_in_the_child_is_raised_in_the_parent_with_its_message(tmp_path):
    def full_disk():
        raise OSError(28, "No space left on device")

    done = beside(full_disk, fork=True)
    with pytest.raises(SideWriteError, match="No space left on device"):
        done.wait()


def test_a_failed_write_in_place_raises_at_once():
    def broken():
        raise ValueError("ตารางเสีย")

    with pytest.raises(ValueError, match="ตารางเสีย"):
        beside(broken, fork=False)


def test_no_fork_while_another_thread_runs():
    stop = threading.Event()
    worker = threading.Thread(target=stop.wait)
    worker.start()
    try:
        assert not can_fork()
    finally:
        stop.set()
        worker.join()
    assert can_fork() == ((os.cpu_count() or 1) > 1)


def test_an_ingest_writes_the_same_database_with_and_without_the_forked_writer(tmp_path, monkeypatch):
    import sqlite3

    from pipeline import beside as module
    from pipeline.cli import main

    sample = os.path.join(os.path.dirname(__file__), "fixtures", "angthong_2562_computer_systems.txt")
    dumps = []
    for fork in (True, False):
        monkeypatch.setattr(module, "can_fork", lambda fork=fork: fork)
        out = tmp_path / f"out-{fork}"
        assert main(["ingest", sample, "--out", str(out), "--quiet", "--no-cache", "--workers", "1"]) == 0
        with sqlite3.connect(out / "saraban.sqlite") as db:
            dumps.append(list(db.iterdump()))
    assert dumps[0] == dumps[1] and any("INSERT INTO \"documents\"" in line for line in dumps[0])
