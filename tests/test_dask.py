"""The Dask executor: the per-file and per-page work on a distributed cluster (here a LocalCluster),
tables equal to a local run's."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from archive_builders import letter_folder, tables

from pipeline.executors import ExecutorOptions, LimitExceeded, Limits, run_dask
from pipeline.ingest import run_ingest

distributed = pytest.importorskip("distributed")
SCAN = Path(__file__).resolve().parents[1] / "data" / "raw" / "scan" / "doc_2549_0005.png"


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local:
        yield local


def test_a_dask_run_gives_the_local_tables(cluster, tmp_path):
    folder = letter_folder(tmp_path / "in", 6)
    (folder / "empty.txt").write_bytes(b"")
    if shutil.which("tesseract"):  # a scan: its page is read on the cluster too
        shutil.copy(SCAN, folder / "scan.png")
    local = run_ingest([folder], tmp_path / "local", workers=2, use_cache=False)
    on_dask = run_ingest([folder], tmp_path / "dask", use_cache=False,
                         executor=ExecutorOptions(kind="dask", scheduler=cluster.scheduler_address))
    assert tables(tmp_path / "dask") == tables(tmp_path / "local")
    assert (on_dask.files, on_dask.unreadable) == (local.files, 1)
    assert len(on_dask.records) == len(local.records) >= 12


def test_the_command_line_takes_a_scheduler(cluster, tmp_path):
    from pipeline.cli import main

    folder = letter_folder(tmp_path / "in", 2)
    assert main(["ingest", str(folder), "--out", str(tmp_path / "o"), "--executor", "dask",
                 "--scheduler", cluster.scheduler_address, "--quiet", "--parquet"]) == 0
    assert (tmp_path / "o" / "documents.csv").read_text(encoding="utf-8-sig").count("\n") == 5


def test_partitioned_parquet_reads_back_as_the_csv(tmp_path):
    import pandas as pd

    from pipeline.tables import TABLES
    from pipeline.writers import write_parquet

    rows = [{"doc_id": f"130319b970b2-{i}", "subject": "ขอความอนุเคราะห์ข้อมูล", "serial": i} for i in range(5)]
    tables_ = {name: [] for name in TABLES} | {"documents": rows}
    write_parquet(tables_, tmp_path, part_rows=2)
    parts = sorted(p.name for p in (tmp_path / "documents").iterdir())
    assert parts == ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]
    back = pd.read_parquet(tmp_path / "documents")
    assert back["doc_id"].tolist() == [r["doc_id"] for r in rows]
    assert back["serial"].tolist() == [0, 1, 2, 3, 4]


def _busy(item):
    if item == "slow":
        end = time.monotonic() + 60
        while time.monotonic() < end:  # Python work: the limit stops it at the next instruction
            pass
    return item.upper()


def test_a_task_past_its_time_limit_is_stopped_on_dask_and_the_others_go_on():
    # a threaded LocalCluster: the tasks run in worker threads, where SIGALRM cannot reach, as on a cluster
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as local:
        started = time.monotonic()
        results = dict(run_dask(_busy, ["a", "slow", "b"], local.scheduler_address, Limits(time_s=2)))
    assert time.monotonic() - started < 45
    assert isinstance(results.pop("slow"), LimitExceeded)
    assert results == {"a": "A", "b": "B"}
