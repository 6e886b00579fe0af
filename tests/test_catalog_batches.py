"""Results that arrive together are committed together: one transaction per arrived batch, made before the
run waits for more, so a kill still loses only the files in flight."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from archive_builders import SAMPLE

from pipeline.catalog import Catalog
from pipeline.executors import ExecutorOptions, run_all
from pipeline.ingest import code_version, process_file


def _stored(out: Path) -> int:
    with sqlite3.connect(out / ".saraban" / "catalog.sqlite") as db:
        return db.execute("SELECT count(*) FROM files").fetchone()[0]


def test_staged_results_are_committed_by_flush_in_one_go(tmp_path):
    result, version = process_file(SAMPLE), code_version()
    catalog = Catalog.open(tmp_path)
    catalog.stage("หนังสือเวียน/ว ๒๐๕๕.txt", result, version)
    catalog.stage("สำเนา/ว ๒๐๕๕.txt", result, version)
    assert _stored(tmp_path) == 0  # another reader sees nothing before the flush
    catalog.flush()
    assert _stored(tmp_path) == 2
    catalog.stage("อีกฉบับ.txt", result, version)
    catalog.close()  # closing commits what was staged
    again = Catalog.open(tmp_path)
    assert [f.path for f in again.files()] == sorted(["หนังสือเวียน/ว ๒๐๕๕.txt", "สำเนา/ว ๒๐๕๕.txt", "อีกฉบับ.txt"])
    assert again.lookup(result.sha256, version).records == result.records
    again.close()


def _square(n: int) -> int:
    return n * n


@pytest.mark.parametrize("workers", [1, 2])
def test_idle_comes_after_every_result_given_and_before_the_next_wait(workers):
    given, idles = [], []
    results = run_all(_square, list(range(12)), ExecutorOptions(workers=workers), 2,
                      idle=lambda: idles.append(len(given)))
    for item, outcome in results:
        given.append((item, outcome))
    assert sorted(given) == [(n, n * n) for n in range(12)]
    if workers == 1:  # in this process: after each result
        assert idles == list(range(1, 13))
    else:  # before each wait: first with nothing given yet, then as batches came, never more than were given
        assert idles[0] == 0 and idles == sorted(idles) and idles[-1] < 12 and 2 <= len(idles) <= 13


@pytest.mark.parametrize("encode", [True, False])
def test_a_worker_sends_the_catalog_text_with_the_result_when_asked(encode):
    from pipeline.catalog import encode as catalog_text
    from pipeline.codec import loads
    from pipeline.ocr import OcrOptions
    from pipeline.process import Encoded, _Work

    done = _Work(OcrOptions(), pages=False, encode=encode)(str(SAMPLE))
    if encode:
        assert isinstance(done, Encoded)
        assert done.text == catalog_text(done.result)
        assert loads(done.text) == done.result
        assert [r.ref_no.canonical for r in done.result.records] == ["อท 0017.2/ว 2055", "อท 0017.2/ว 2056"]
    else:
        assert [r.ref_no.canonical for r in done.records] == ["อท 0017.2/ว 2055", "อท 0017.2/ว 2056"]
