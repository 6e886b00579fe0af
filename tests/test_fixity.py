"""Fixity: the manifest of every input, a fixity check of each on a rerun, PREMIS events with the agent."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from archive_builders import letter_folder, letters_text

from pipeline.fixity import Event, fixity_events, parse_manifest_line, read_manifest
from pipeline.ingest import ocr_model_hash, run_ingest, version_string

LINES = [
    # (sha, path, manifest line)
    ("ab12", "สารบรรณ/ว ๒๐๕๕.txt", "ab12  สารบรรณ/ว ๒๐๕๕.txt"),
    ("ab12", "a b/100%.pdf", "ab12  a b/100%25.pdf"),
    ("ab12", "two\nlines.txt", "ab12  two%0Alines.txt"),
]


@pytest.mark.parametrize(("sha", "path", "line"), LINES)
def test_manifest_lines_are_bagit_style(sha, path, line):
    from pipeline.fixity import manifest_line

    assert manifest_line(sha, path) == line
    assert parse_manifest_line(line) == (path, sha)


CHECKS = [
    # (previous manifest, current digests, expected events)
    ({"a.txt": "1"}, {"a.txt": "1"}, [Event("fixity check", "a.txt", "1", "success")]),
    ({"a.txt": "1"}, {"a.txt": "2"}, [Event("fixity check", "a.txt", "2", "fail", "manifest had 1, the file now has 2")]),
    ({}, {"new.txt": "3"}, []),
]


@pytest.mark.parametrize(("previous", "current", "expected"), CHECKS)
def test_fixity_events(previous, current, expected):
    assert fixity_events(previous, current) == expected


def _events(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "events.jsonl").read_text(encoding="utf-8").splitlines()]


def test_a_changed_file_is_a_failed_fixity_check_on_the_rerun(tmp_path):
    folder = letter_folder(tmp_path / "in", 3)
    out = tmp_path / "out"
    run_ingest([folder], out, workers=1)
    manifest = read_manifest(out)
    assert sorted(Path(p).name for p in manifest) == ["l000.txt", "l001.txt", "l002.txt"]
    first = _events(out)
    assert [e["eventType"] for e in first[:3]] == ["message digest calculation", "format identification", "ingestion"]
    assert {e["agent"] for e in first} == {f"saraban {version_string()}"}
    assert {e["ocr_model"] for e in first} == {ocr_model_hash()}
    (folder / "l001.txt").write_text(letters_text(99), encoding="utf-8")
    again = run_ingest([folder], out, workers=1)
    assert again.changed == (str(folder / "l001.txt"),)
    checks = [e for e in _events(out)[len(first):] if e["eventType"] == "fixity check"]
    assert [(Path(e["object"]).name, e["eventOutcome"]) for e in checks] == [
        ("l000.txt", "success"), ("l001.txt", "fail"), ("l002.txt", "success")]
    assert read_manifest(out)[str(folder / "l001.txt")] != manifest[str(folder / "l001.txt")]
