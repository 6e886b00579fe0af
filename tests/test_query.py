"""``saraban query OUT`` and ``saraban show --format json`` on the shipped sample."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.query import canonical_ref


def _json(capsys, *argv: str) -> list[dict]:
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("typed", [
    "อท 0017.2/ว 2056", "อท ๐๐๑๗.๒/ว ๒๐๕๖", "ที่ อท ๐๐๑๗.๒ / ว ๒๐๕๖", "อท0017.2/ว2056", "อท 0017.2/ว. 2056",
    "130319b970b2-1",
])
def test_cites_accepts_any_way_of_typing_the_number(shipped_out, capsys, typed):
    rows = _json(capsys, "query", str(shipped_out), "cites", typed, "--format", "json")
    assert [(r["seq"], r["cited_ref_no"], r["status"]) for r in rows] == [
        (1, "อท 0017.2/ว 2530", "not_in_corpus"), (2, "อท 0017.2/ว 3602", "not_in_corpus")]


@pytest.mark.parametrize(("argv", "column", "expected"), [
    (("cited-by", "อว ๐๖๐๓.๓๒.๐๑/๔๔๓๒"), "citing_doc_id", ["d22a96759a6f-2", "d8142df5bc35-0"]),
    # a missing letter: both variant numbers of it (ว 2530 and ว 2930, one cited_group)
    (("cited-by", "อท", "0017.2/ว", "2530"), "citing_doc_id", ["130319b970b2-1", "130319b970b2-0"]),
    (("effective", "๒๕๖๑"), "doc_id", ["130319b970b2-0", "130319b970b2-1"]),
    (("effective", "2541"), "doc_id", ["e62a06578093-0", "d22a96759a6f-0"]),
    (("from", "อท"), "doc_id", ["130319b970b2-1", "130319b970b2-0"]),
    (("from", "มหาวิทยาลัยเกษตรศาสตร์"), "doc_id", ["56add0930608-0"]),
    (("from", "จังหวัดอ่างทอง"), "doc_id", ["d22a96759a6f-0", "130319b970b2-1", "130319b970b2-0"]),
    (("search", "ภัยแล้ง"), "doc_id", ["56add0930608-0", "d22a96759a6f-2", "d8142df5bc35-0"]),
    (("--sql", "SELECT doc_id FROM most_cited"), "doc_id", ["56add0930608-0"]),
])
def test_named_questions(shipped_out, capsys, argv, column, expected):
    rows = _json(capsys, "query", str(shipped_out), *argv, "--format", "json")
    assert [r[column] for r in rows] == expected


def test_missing_lists_each_missing_letter_once(shipped_out, capsys):
    rows = _json(capsys, "query", str(shipped_out), "missing", "--format", "json")
    assert len(rows) == 6
    assert rows[0]["ref_nos"] == "อท 0017.2/ว 2930,อท 0017.2/ว 2530" and rows[0]["n_citing_letters"] == 2


def test_csv_and_plain_table(shipped_out, capsys):
    assert main(["query", str(shipped_out), "missing", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("cited_group,ref_no,ref_nos,cited_date") and len(lines) == 7
    assert main(["query", str(shipped_out), "from", "นว"]) == 0  # not a terminal: tab-separated
    out = capsys.readouterr().out.splitlines()
    assert out[0].split("\t")[:2] == ["doc_id", "ref_no"] and out[1].split("\t")[1] == "นว 0022/ว 2208"


def test_without_sqlite_the_csvs_answer(shipped_out, tmp_path, capsys):
    import shutil

    for name in ("documents.csv", "references.csv", "texts.jsonl", "edges.csv"):
        shutil.copy(shipped_out / name, tmp_path / name)
    rows = _json(capsys, "query", str(tmp_path), "cited-by", "อว 0603.32.01/4432", "--format", "json")
    assert [r["citing_doc_id"] for r in rows] == ["d22a96759a6f-2", "d8142df5bc35-0"]


@pytest.mark.parametrize(("argv", "message"), [
    (("effective", "2019"), "Buddhist-era year"),
    (("cites", "ไม่ใช่เลขที่"), "not a letter number"),
    (("cites",), "cites needs REF"),
    ((), "ask one question"),
    (("--sql", "SELECT * FROM nowhere"), "no such table"),
    (("--sql", "DELETE FROM documents"), "readonly"),
    (("search", "ภั"), "three characters"),
])
def test_bad_questions_exit_2(shipped_out, capsys, argv, message):
    assert main(["query", str(shipped_out), *argv]) == 2
    assert message in capsys.readouterr().err


def test_canonical_ref_doctest_value():
    assert canonical_ref("ที่ อว ๐๖๐๓.๓๒.๐๑ /๔๔๓๒") == "อว 0603.32.01/4432"


def test_show_format_json(capsys):
    path = Path(__file__).resolve().parents[1] / "data" / "raw" / "txt" / "angthong_2562_computer_systems.txt"
    assert main(["show", str(path), "--format", "json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["readable"] is True and [r["ref_no"] for r in shown["letters"]] == ["อท 0017.2/ว 2055", "อท 0017.2/ว 2056"]
    second = shown["letters"][1]
    assert second["issuer_office"] == "ศาลากลางจังหวัดอ่างทอง" and second["text"].startswith("ที่ อท ๐๐๑๗.๒/ว ๒๐๕๖")
    assert second["references"][0]["ref_no"] == "อท 0017.2/ว 2530"


def test_an_old_untyped_sqlite_is_replaced_by_the_csvs(shipped_out, tmp_path, capsys):
    import shutil
    import sqlite3

    for name in ("documents.csv", "references.csv", "texts.jsonl", "edges.csv"):
        shutil.copy(shipped_out / name, tmp_path / name)
    with sqlite3.connect(tmp_path / "saraban.sqlite") as db:  # as saraban wrote it before the views
        db.execute('CREATE TABLE documents ("doc_id", "ref_no")')
    rows = _json(capsys, "query", str(tmp_path), "missing", "--format", "json")
    assert len(rows) == 6


def test_rich_table_on_a_terminal():
    import io

    from pipeline.query import Answer, render

    out = io.StringIO()
    render(Answer(("ref_no", "subject"), (("อท 0017.2/ว 2055", "การปรับปรุงแนวทาง"),)), "table", out, terminal=True)
    text = out.getvalue()
    assert "อท 0017.2/ว 2055" in text and "การปรับปรุงแนวทาง" in text and "┃" in text


def test_show_format_json_is_one_line_a_file(capsys):
    raw = Path(__file__).resolve().parents[1] / "data" / "raw" / "txt"
    paths = [str(raw / "angthong_2562_computer_systems.txt"), str(raw / "letter-2548_0004.txt")]
    assert main(["show", *paths, "--format", "json"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["path"] for line in lines] == paths
