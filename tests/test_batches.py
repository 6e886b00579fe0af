"""Files sent to a worker several at a time: every item comes back once with its own result, a limit
or a crash costs only its own item, and the batch size follows the number of items."""

from __future__ import annotations

import os
import time

import pytest

from pipeline.executors import (
    BATCHES_A_WORKER,
    ExecutorOptions,
    LimitExceeded,
    Limits,
    WorkerCrashed,
    run_all,
    run_local,
)

NAMES = ["ที่ มท 0310.1/ว 1179", "ประกาศ", "คำสั่ง", "ระเบียบ", "slow", "ข้อบังคับ", "poison", "กฎกระทรวง"]


def _read(item: str) -> str:
    if item == "slow":
        time.sleep(30)
    if item == "poison":
        os._exit(9)  # as the kernel's OOM killer would end it
    return f"อ่านแล้ว: {item}"


@pytest.mark.parametrize("batch", [1, 3, 8])
def test_every_item_comes_back_once_with_its_own_result(batch):
    items = [n for n in NAMES if n not in ("slow", "poison")] * 3
    results = list(run_local(_read, items, 2, Limits(), batch=batch))
    assert sorted(r[0] for r in results) == sorted(items)
    assert all(result == f"อ่านแล้ว: {item}" for item, result in results)


@pytest.mark.parametrize("batch", [1, 4])
def test_a_slow_item_inside_a_batch_is_stopped_alone(batch):
    results = dict(run_local(_read, [n for n in NAMES if n != "poison"], 2, Limits(time_s=0.5), batch=batch))
    assert isinstance(results.pop("slow"), LimitExceeded)
    assert results == {n: f"อ่านแล้ว: {n}" for n in NAMES if n not in ("slow", "poison")}


def test_a_worker_that_dies_inside_a_batch_costs_only_its_item():
    results = dict(run_local(_read, [n for n in NAMES if n != "slow"], 2, Limits(), batch=4))
    assert isinstance(results.pop("poison"), WorkerCrashed)
    assert results == {n: f"อ่านแล้ว: {n}" for n in NAMES if n not in ("slow", "poison")}


@pytest.mark.parametrize(("count", "expected"), [
    (5, 1),                                   # a few files: one a task
    (2 * BATCHES_A_WORKER * 3, 3),            # enough for 16 tasks a worker of three files
    (10_000, 8),                              # at most the batch asked for
])
def test_the_batch_grows_with_the_items_up_to_its_limit(count, expected, monkeypatch):
    seen = {}

    def fake_local(fn, items, workers, limits, window=4, batch=1, idle=None):
        seen.update(workers=workers, batch=batch)
        return iter(())

    monkeypatch.setattr("pipeline.executors.run_local", fake_local)
    list(run_all(_read, list(range(count)), ExecutorOptions(workers=2), cores=2, batch=8))
    assert seen == {"workers": 2, "batch": expected}
