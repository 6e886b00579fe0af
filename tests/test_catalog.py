"""The catalog: data-only results committed per file, resumed after Ctrl-C or kill -9, incremental reruns."""

from __future__ import annotations

import csv
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from archive_builders import SAMPLE, letter_folder, letters_text, tables

from pipeline.catalog import Catalog
from pipeline.cli import main
from pipeline.codec import dumps, loads
from pipeline.ingest import code_version, process_file, run_ingest
from pipeline.lock import OutputLocked, hold
from pipeline.results import FileResult

ROOT = Path(__file__).resolve().parents[1]


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_a_real_result_goes_to_json_and_back_unchanged():
    result = process_file(SAMPLE)
    assert [r.ref_no.canonical for r in result.records] == ["อท 0017.2/ว 2055", "อท 0017.2/ว 2056"]
    assert loads(dumps(result)) == result


@pytest.mark.parametrize(("text", "error"), [
    ('{"_": "Popen", "args": ["rm"]}', "unknown stored class 'Popen'"),
    ('{"_": "os.system"}', "unknown stored class 'os.system'"),
])
def test_only_known_classes_are_read_back(text, error):
    with pytest.raises(ValueError, match=error):
        loads(text)


def test_a_damaged_catalog_row_is_read_again_not_trusted(tmp_path):
    result = process_file(SAMPLE)
    version = code_version()
    with Catalog.open(tmp_path) as catalog:
        catalog.store(str(SAMPLE), result, version)
        assert catalog.lookup(result.sha256, version) == result
        catalog.db.execute("UPDATE results SET result = replace(result, '2055', '2099')")
        assert catalog.lookup(result.sha256, version) is None


def test_a_rerun_reads_nothing_and_gives_the_same_tables(tmp_path):
    folder = letter_folder(tmp_path / "in", 6)
    first = run_ingest([folder], tmp_path / "out", workers=2)
    before = tables(tmp_path / "out")
    again = run_ingest([folder], tmp_path / "out", workers=2)
    assert (first.cached, again.cached, again.files) == (0, 6, 6)
    assert tables(tmp_path / "out") == before


def test_an_unchanged_rerun_keeps_the_tables_and_a_change_rewrites_them(tmp_path, capsys):
    folder = letter_folder(tmp_path / "in", 3)
    out = tmp_path / "out"
    assert main(["ingest", str(folder), "--out", str(out)]) == 0
    before = tables(out)
    stamp = (out / "documents.csv").stat().st_mtime_ns
    assert main(["ingest", str(folder), "--out", str(out)]) == 0
    assert "3 files, 6 letters, 0 unreadable, 0 problems (3 from cache); nothing changed" in capsys.readouterr().out
    assert (out / "documents.csv").stat().st_mtime_ns == stamp
    (out / "edges.csv").unlink()  # a table gone: written again
    assert main(["ingest", str(folder), "--out", str(out)]) == 0
    assert tables(out) == before
    (folder / "l002.txt").unlink()
    assert main(["ingest", str(folder), "--out", str(out)]) == 0
    assert "2 files, 4 letters" in capsys.readouterr().out
    assert len(_rows(out / "documents.csv")) == 4


def test_new_changed_renamed_and_deleted_files(tmp_path):
    folder = letter_folder(tmp_path / "in", 5)
    run_ingest([folder], tmp_path / "out", workers=1)
    (folder / "l005.txt").write_text(letters_text(5), encoding="utf-8")  # new
    (folder / "l001.txt").write_text(letters_text(41), encoding="utf-8")  # changed
    (folder / "l002.txt").rename(folder / "renamed.txt")  # renamed
    (folder / "l003.txt").unlink()  # deleted
    again = run_ingest([folder], tmp_path / "out", workers=1)
    fresh = run_ingest([folder], tmp_path / "fresh", workers=1, use_cache=False)
    assert tables(tmp_path / "out") == tables(tmp_path / "fresh")
    assert again.cached == 3  # l000, renamed.txt and l004; the new and the changed file were read
    assert again.changed == (str(folder / "l001.txt"),)
    assert fresh.files == again.files == 5


def test_a_later_run_links_to_letters_ingested_earlier(tmp_path):
    cited, citing = tmp_path / "2561", tmp_path / "2562"
    cited.mkdir()
    citing.mkdir()
    # the memo made to cite the external letter อท 0017.2/ว 2056 of 21 May 2019; ingest them apart
    text = SAMPLE.read_text(encoding="utf-8")
    cut = text.index("ที่ อท ๐๐๑๗.๒/ว ๒๐๕๖")
    memo = text[:cut].replace("ว ๒๙๓๐ ลงวันที่ ๑๕ สิงหาคม ๒๕๖๐", "ว ๒๐๕๖ ลงวันที่ ๒๑ พฤษภาคม ๒๕๖๒")
    (citing / "memo.txt").write_text(memo, encoding="utf-8")
    (cited / "letter.txt").write_text(text[cut:], encoding="utf-8")
    out = tmp_path / "out"
    run_ingest([cited], out, workers=1)
    run_ingest([citing], out, workers=1)
    together = run_ingest([cited, citing], tmp_path / "together", workers=1, use_cache=False)
    refs = _rows(out / "references.csv")
    assert len(_rows(out / "documents.csv")) == 2
    assert sorted(r["status"] for r in refs) == sorted(r["status"] for r in _rows(tmp_path / "together" / "references.csv"))
    letter_id = next(r.doc_id for r in together.records if r.source.path.endswith("letter.txt"))
    assert {r["target_doc_id"] for r in refs if r["status"] == "resolved"} == {letter_id}


def test_a_second_run_on_the_same_output_refuses_clearly(tmp_path, capsys):
    with hold(tmp_path / "out" / ".saraban"):
        with pytest.raises(OutputLocked):
            run_ingest([SAMPLE], tmp_path / "out")
        assert main(["ingest", str(SAMPLE), "--out", str(tmp_path / "out")]) == 3
    assert "another saraban run" in capsys.readouterr().err
    assert main(["ingest", str(SAMPLE), "--out", str(tmp_path / "out")]) == 0


def _ingest_command(folder: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "pipeline", "ingest", str(folder), "--out", str(out), "--workers", "2", "--quiet"]


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


@pytest.mark.slow
def test_kill_9_at_random_moments_then_a_rerun_gives_the_uninterrupted_tables(tmp_path):
    folder = letter_folder(tmp_path / "in", 120)
    subprocess.run(_ingest_command(folder, tmp_path / "whole"), env=_env(), check=True, timeout=300)
    out = tmp_path / "killed"
    rng = random.Random(13)
    kept = []
    for _ in range(6):
        run = subprocess.Popen(_ingest_command(folder, out), env=_env(), start_new_session=True)
        time.sleep(rng.uniform(0.5, 4.0))
        os.killpg(run.pid, signal.SIGKILL)  # the run and its workers, at once
        run.wait()
        if (out / ".saraban" / "catalog.sqlite").exists():
            with sqlite3.connect(out / ".saraban" / "catalog.sqlite") as db:
                kept.append(db.execute("SELECT count(*) FROM files").fetchone()[0])
    subprocess.run(_ingest_command(folder, out), env=_env(), check=True, timeout=300)
    assert tables(out) == tables(tmp_path / "whole")
    assert kept and max(kept) > 0  # work done before a kill was kept


@pytest.mark.slow
def test_ctrl_c_keeps_what_was_read_and_the_same_command_resumes(tmp_path):
    folder = letter_folder(tmp_path / "in", 400)
    out = tmp_path / "out"
    command = [*_ingest_command(folder, out)[:-1]]  # not quiet: the message is checked
    run = subprocess.Popen(command, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           start_new_session=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    catalog = out / ".saraban" / "catalog.sqlite"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and _kept(catalog) < 20:
        time.sleep(0.2)
    os.killpg(run.pid, signal.SIGINT)  # as Ctrl-C on a terminal: the run and its workers
    _, err = run.communicate(timeout=120)
    kept = _kept(catalog)
    assert run.returncode == 130, err
    assert "interrupted; the files read so far are kept" in err
    assert "Traceback" not in err
    assert 20 <= kept < 400
    again = run_ingest([folder], out, workers=2)
    assert again.cached == kept
    assert tables(out) == tables(_whole(folder, tmp_path))


def _kept(catalog: Path) -> int:
    if not catalog.exists():
        return 0
    try:
        with sqlite3.connect(catalog, timeout=5) as db:
            return db.execute("SELECT count(*) FROM files").fetchone()[0]
    except sqlite3.OperationalError:  # the run is creating it
        return 0


def _whole(folder: Path, tmp_path: Path) -> Path:
    run_ingest([folder], tmp_path / "whole", workers=2, use_cache=False)
    return tmp_path / "whole"


def test_the_catalog_holds_no_pickle(tmp_path):
    run_ingest([SAMPLE], tmp_path, workers=1)
    with sqlite3.connect(tmp_path / ".saraban" / "catalog.sqlite") as db:
        (stored,) = db.execute("SELECT result FROM results").fetchone()
    assert stored.startswith('{"_":"FileResult"')
    assert isinstance(loads(stored), FileResult)
