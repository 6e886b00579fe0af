"""Per-file limits: a file past its time limit, or one whose worker dies, is an issues.csv row and the
batch goes on."""

from __future__ import annotations

import csv
import os
import time
from pathlib import Path

import pytest
from archive_builders import letter_folder, letters_text

from pipeline.executors import (
    ExecutorOptions,
    LimitExceeded,
    Limits,
    WorkerCrashed,
    limited,
    run_inline,
    run_local,
)
from pipeline.ingest import run_ingest


def _slow(item):
    if item == "slow":
        time.sleep(30)
    return item.upper()


def _dies(item):
    if item == "poison":
        os._exit(9)  # as the kernel's OOM killer would end it
    return item.upper()


def _hog(item):
    return len(bytearray(2 << 30)) if item == "hog" else item.upper()  # 2 GiB


def _address_space_mb() -> int:
    status = Path("/proc/self/status").read_text()
    return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmSize:"))) // 1024


def test_a_worker_past_its_memory_limit_fails_that_item_alone():
    limits = Limits(memory_mb=_address_space_mb() + 512)
    results = dict(run_local(_hog, ["a", "hog", "b"], 2, limits))
    assert (results["a"], results["b"]) == ("A", "B")
    assert isinstance(results["hog"], MemoryError)


def test_limited_stops_a_slow_call():
    started = time.monotonic()
    with pytest.raises(LimitExceeded):
        limited(_slow, "slow", 0.2)
    assert time.monotonic() - started < 5


@pytest.mark.parametrize("runner", ["inline", "local"])
def test_a_slow_item_is_stopped_and_the_others_go_on(runner):
    items = ["a", "slow", "b"]
    limits = Limits(time_s=0.5)
    runs = run_inline(_slow, items, limits) if runner == "inline" else run_local(_slow, items, 2, limits)
    results = dict(runs)
    assert (results["a"], results["b"]) == ("A", "B")
    assert isinstance(results["slow"], LimitExceeded)


def test_a_worker_that_dies_costs_only_its_file():
    results = dict(run_local(_dies, ["a", "poison", "b", "c", "d"], 2, Limits()))
    assert {k: v for k, v in results.items() if k != "poison"} == {"a": "A", "b": "B", "c": "C", "d": "D"}
    assert isinstance(results["poison"], WorkerCrashed)


LIMIT_S = 8.0


def test_a_file_past_its_time_limit_is_an_issue_row(tmp_path):
    folder = letter_folder(tmp_path / "in", 2)
    # a minute of work or more, against a limit well above a worker's warm-up (its first file loads the
    # word lists) on a busy 2-core machine: only the huge file can reach it
    (folder / "huge.txt").write_text(letters_text(7) * 6000, encoding="utf-8")
    out = tmp_path / "out"
    result = run_ingest([folder], out, executor=ExecutorOptions(workers=2, limits=Limits(time_s=LIMIT_S)))
    with (out / "issues.csv").open(encoding="utf-8-sig") as fh:
        issues = list(csv.DictReader(fh))
    assert [(Path(i["source_path"]).name, i["code"]) for i in issues] == [("huge.txt", "file_time_limit")]
    assert (result.unreadable, len(result.records)) == (1, 4)
    again = run_ingest([folder], out, executor=ExecutorOptions(workers=2, limits=Limits(time_s=LIMIT_S)))
    assert again.cached == 2  # the stopped file is tried again, not taken from the catalog


def test_limits_are_checked():
    with pytest.raises(ValueError, match="file limits"):
        Limits(time_s=-1)
