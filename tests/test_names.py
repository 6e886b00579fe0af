"""File names with any bytes (not UTF-8, control characters, newlines, right-to-left marks) are kept
faithfully in every output, with the stated escape (pipeline.names), and never break a writer."""

from __future__ import annotations

import csv
import json
import os
import sqlite3
import xml.dom.minidom
from pathlib import Path

import pytest
from archive_builders import letters_text

from pipeline.cli import main
from pipeline.fixity import manifest_line, parse_manifest_line
from pipeline.names import escape, raw_bytes, unescape, xml_safe

NAMES = [
    # (the name's bytes, how the tables write it)
    (b"bad\xff.txt", "bad\\xff.txt"),
    (b"a\x01b.txt", "a\\x01b.txt"),
    (b"new\nline.txt", "new\\x0aline.txt"),
    (b"tab\there.txt", "tab\\x09here.txt"),
    ("rtl\u200fmark.txt".encode(), "rtl\u200fmark.txt"),
    ("ว ๑๒\\๒๕๖๒.txt".encode(), "ว ๑๒\\\\๒๕๖๒.txt"),
    ("c1\u0085.txt".encode(), "c1\\xc2\\x85.txt"),
    ("หนังสือเวียน ว ๒๐๕๕.txt".encode(), "หนังสือเวียน ว ๒๐๕๕.txt"),
    (b"\xe0\xb8.txt", "\\xe0\\xb8.txt"),  # half of a Thai character
]


@pytest.mark.parametrize(("raw", "written"), NAMES)
def test_the_escape_round_trips_to_the_raw_bytes(raw, written):
    name = os.fsdecode(raw)
    assert escape(name) == written
    assert raw_bytes(written) == raw
    assert unescape(written) == name


@pytest.mark.parametrize(("raw", "written"), NAMES)
def test_the_manifest_round_trips_any_name(raw, written):
    name = "in/" + os.fsdecode(raw)
    assert parse_manifest_line(manifest_line("ab12", name)) == (name, "ab12")


def test_xml_safe_keeps_thai_and_escapes_control_characters():
    assert xml_safe("เรื่อง\x0c\x01ขอ\tเชิญ") == "เรื่อง\\x0c\\x01ขอ\tเชิญ"


@pytest.fixture(scope="module")
def named_run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("names")
    for i, (raw, _) in enumerate(NAMES):
        with open(os.fsencode(folder) + b"/" + raw, "wb") as fh:
            fh.write(letters_text(i).encode("utf-8"))
    out = tmp_path_factory.mktemp("out")
    status = main(["ingest", str(folder), "--out", str(out), "--workers", "1", "--parquet", "--quiet"])
    return folder, out, status


def _written(folder: Path) -> set[str]:
    return {escape(str(folder)) + "/" + w for _, w in NAMES}


def test_every_name_gives_its_letters(named_run):
    _, _, status = named_run
    assert status == 0


def test_csv_holds_every_name_escaped(named_run):
    folder, out, _ = named_run
    with (out / "documents.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["source_path"] for r in rows} == _written(folder)
    assert {r["source_paths"] for r in rows} == _written(folder)
    for row in rows:  # each escaped path opens the very file
        with open(raw_bytes(row["source_path"]), "rb") as fh:
            assert row["source_sha256"] in __import__("hashlib").sha256(fh.read()).hexdigest()


def test_jsonl_sqlite_and_parquet_hold_the_same_names(named_run):
    import pyarrow.parquet as pq

    folder, out, _ = named_run
    jsonl = {json.loads(line)["source_path"] for line in (out / "records.jsonl").read_text(encoding="utf-8").splitlines()}
    with sqlite3.connect(out / "saraban.sqlite") as db:
        rows = {r[0] for r in db.execute("SELECT source_path FROM documents")}
    parquet = set(pq.read_table(out / "parquet" / "documents.parquet").column("source_path").to_pylist())
    assert jsonl == rows == parquet == _written(folder)


def test_graphml_is_valid_xml_with_the_names(named_run):
    folder, out, _ = named_run
    assert not (out / "citations.graphml.tmp").exists()
    dom = xml.dom.minidom.parse(str(out / "citations.graphml"))
    keys = {k.getAttribute("id"): k.getAttribute("attr.name") for k in dom.getElementsByTagName("key")}
    paths = {d.firstChild.data for d in dom.getElementsByTagName("data")
             if keys.get(d.getAttribute("key")) == "source_path" and d.firstChild}
    assert paths == _written(folder)


def test_manifest_and_events_name_every_file(named_run):
    folder, out, _ = named_run
    manifest = (out / "manifest-sha256.txt").read_text(encoding="utf-8").splitlines()
    assert {parse_manifest_line(line)[0] for line in manifest} == {
        str(folder) + "/" + os.fsdecode(raw) for raw, _ in NAMES}
    events = [json.loads(line) for line in (out / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {e["object"] for e in events if e["eventType"] == "ingestion"} == _written(folder)


def test_a_rerun_finds_every_name_in_the_catalog(named_run, capsys):
    folder, out, _ = named_run
    assert main(["ingest", str(folder), "--out", str(out), "--workers", "1", "--parquet"]) == 0
    assert f"{len(NAMES)} files, {2 * len(NAMES)} letters, 0 unreadable, 0 problems ({len(NAMES)} from cache)" \
        in capsys.readouterr().out
