"""A streamed run (results left in the catalog, linking from the spill, tables written a letter at a time)
writes the in-memory run's tables byte for byte, and its parts agree with the in-memory functions."""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import replace
from pathlib import Path

import pytest
from archive_builders import letter_folder, letters_text
from builders import docx_from_text
from test_copies import GROUPS
from test_link import CASES, CORPUS

from extractors.references import find_citations
from pipeline.catalog import STATE_DIR
from pipeline.ingest import run_ingest
from pipeline.link import CorpusIndex, resolve
from pipeline.models import Record
from pipeline.results import FileResult
from pipeline.spill import Spill, SpilledIndex
from pipeline.streamed import group_copies

OUTPUTS = ("documents.csv", "references.csv", "attachments.csv", "dates.csv", "issues.csv", "urls.csv",
           "records.jsonl", "texts.jsonl", "edges.csv", "citations.graphml", "saraban.sqlite", "manifest-sha256.txt",
           "parquet/documents.parquet", "parquet/references.parquet", "parquet/texts.parquet", "parquet/edges.parquet")


def _result(records: list[Record], sha: str) -> FileResult:
    return FileResult(f"{sha}.txt", sha, tuple(replace(r, source=replace(r.source, sha256=sha)) for r in records),
                      (), True, "txt")


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    """Letters citing two missing letters, a byte-identical copy, the same letter as .docx, an unreadable
    PDF, an empty file, a name that is not UTF-8 and a Word lock file."""
    folder = letter_folder(tmp_path_factory.mktemp("archive") / "in", 5)
    (folder / "copies").mkdir()
    (folder / "copies" / "l000 again.txt").write_bytes((folder / "l000.txt").read_bytes())
    docx_from_text(letters_text(1), folder / "copies" / "l001.docx")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    (folder / "empty.txt").write_bytes(b"")
    with open(os.fsencode(folder) + b"/bad\xff.txt", "wb") as fh:
        fh.write(letters_text(9).encode("utf-8"))
    (folder / "~$l000.docx").write_bytes(b"lock")
    return folder


def _events(out: Path) -> list[dict]:
    lines = (out / "events.jsonl").read_text(encoding="utf-8").splitlines()
    return [{k: v for k, v in json.loads(line).items() if k != "eventDateTime"} for line in lines]


def _written(out: Path) -> dict[str, bytes]:
    """Every file a run wrote but its state and events log; a workbook's parts but its creation time."""
    import zipfile

    files = {}
    for path in sorted(out.rglob("*")):
        name = str(path.relative_to(out))
        if path.is_dir() or name.startswith(STATE_DIR) or name == "events.jsonl":
            continue
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as book:
                files.update({f"{name}:{part}": book.read(part) for part in book.namelist()
                              if part != "docProps/core.xml"})
        else:
            files[name] = path.read_bytes()
    return files


@pytest.mark.parametrize(("use_cache", "extra"), [
    (True, ("sqlite", "parquet")),
    (False, ("sqlite", "parquet")),
    (False, ("sqlite", "search-index", "xlsx", "parquet-parts")),
])
def test_a_streamed_run_writes_the_in_memory_tables_byte_for_byte(archive, tmp_path, use_cache, extra):
    whole = run_ingest([archive], tmp_path / "whole", workers=1, use_cache=use_cache, extra=extra)
    streamed = run_ingest([archive], tmp_path / "streamed", workers=1, use_cache=use_cache, extra=extra,
                          stream_from=0)
    written = _written(tmp_path / "streamed")
    assert written == _written(tmp_path / "whole")
    assert {"documents.csv", "citations.graphml", "saraban.sqlite", "manifest-sha256.txt"} <= set(written)
    assert ("saraban.xlsx:xl/worksheets/sheet1.xml" in written) == ("xlsx" in extra)
    assert ("parquet/documents/part-00000.parquet" in written) == ("parquet-parts" in extra)
    assert _events(tmp_path / "streamed") == _events(tmp_path / "whole")
    assert (streamed.files, streamed.letters, streamed.unreadable, streamed.cached) == (10, 14, 2, 0)
    assert (whole.files, whole.letters, whole.unreadable, whole.problems) == (10, 14, 2, streamed.problems)
    assert [w.name for w in streamed.written] == [w.name for w in whole.written]
    assert streamed.records == whole.records  # few letters: returned, linked, as the in-memory run's
    left = {p.name for p in (tmp_path / "streamed" / STATE_DIR).iterdir()}  # no spill, no scratch catalog
    assert left == ({"catalog.sqlite", "lock"} if use_cache else {"lock"})


def test_a_streamed_rerun_after_a_change_gives_a_fresh_runs_tables(archive, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for file in archive.glob("l00*.txt"):
        (folder / file.name).write_bytes(file.read_bytes())
    out = tmp_path / "out"
    run_ingest([folder], out, workers=1, stream_from=0)
    (folder / "l004.txt").write_text(letters_text(40), encoding="utf-8")
    (folder / "l005.txt").write_text(letters_text(50), encoding="utf-8")
    again = run_ingest([folder], out, workers=2, stream_from=0)
    run_ingest([folder], tmp_path / "fresh", workers=1, use_cache=False)
    assert (again.cached, again.letters, again.changed) == (4, 12, (str(folder / "l004.txt"),))
    for name in OUTPUTS[:-4]:
        if name != "manifest-sha256.txt":
            assert (out / name).read_bytes() == (tmp_path / "fresh" / name).read_bytes(), name


def test_a_streamed_run_of_many_letters_returns_none_of_them(archive, tmp_path, monkeypatch):
    import pipeline.streamed

    monkeypatch.setattr(pipeline.streamed, "KEEP_RECORDS", 3)
    result = run_ingest([archive], tmp_path, workers=1, use_cache=False, stream_from=0)
    assert (result.letters, result.records) == (14, [])


@pytest.mark.parametrize(("records", "expected"), GROUPS)
def test_the_spill_groups_copies_as_copy_groups_does(tmp_path, records, expected):
    spill = Spill(tmp_path / "spill")
    for sha in dict.fromkeys(r.source.sha256 for r in records):  # one file's letters together
        spill.add_content(_result([r for r in records if r.source.sha256 == sha], sha))
    group_copies(spill)
    assert dict(spill.db.execute("SELECT doc_id, best FROM copies ORDER BY doc_id").fetchall()) == expected
    targets = {row[0] for row in spill.db.execute("SELECT doc_id FROM targets")}
    assert targets == {r.doc_id for r in records if expected.get(r.doc_id, r.doc_id) == r.doc_id}
    spill.close()
    assert not (tmp_path / "spill").exists()


@pytest.fixture(scope="module")
def spilled(tmp_path_factory):
    spill = Spill(tmp_path_factory.mktemp("index") / "spill")
    for i, r in enumerate(CORPUS):
        spill.add_content(_result([r], f"{i:064d}"))
    yield SpilledIndex(spill.db)
    spill.close()


@pytest.mark.parametrize(("citing", "status", "target"), CASES)
def test_the_spilled_index_resolves_as_the_corpus_index(spilled, citing, status, target):
    (citation,) = find_citations(citing, 0, None)
    on_disk = resolve(citation, spilled)
    assert on_disk == resolve(citation, CorpusIndex(CORPUS))
    assert (on_disk.status, on_disk.target_doc_id or None) == (status, target)


@pytest.mark.parametrize(("key", "found"), [
    ("อท 0017.2/ว 2530", ["A"]), ("ศธ 04009/ว 77", ["F", "G"]), ("อท 0017.2/ว 9999", None),
])
def test_the_spilled_index_looks_up_numbers(spilled, key, found):
    targets = spilled.by_ref.get(key)
    assert (None if targets is None else [t.doc_id for t in targets]) == found


@pytest.mark.parametrize(("day", "found"), [
    (dt.date(2019, 3, 1), ["B", "C", "E"]), (dt.date(2017, 8, 15), ["A"]), (dt.date(2001, 1, 1), None),
])
def test_the_spilled_index_looks_up_days(spilled, day, found):
    targets = spilled.by_date.get(day)
    assert (None if targets is None else sorted(t.doc_id for t in targets)) == found


def test_a_killed_streamed_runs_spill_is_removed_by_the_next_run(archive, tmp_path):
    stale = tmp_path / STATE_DIR / "spill-99999"
    stale.mkdir(parents=True)
    (stale / "spill.sqlite").write_bytes(b"left by kill -9")
    result = run_ingest([archive], tmp_path, workers=1, stream_from=0)
    assert result.letters == 14
    assert not stale.exists()
    assert not list((tmp_path / STATE_DIR).glob("spill-*"))
