"""Only regular files are read: FIFOs, sockets and devices are refused without being opened; symlinks
are followed inside the input and refused when they leave it, loop or lead nowhere; nothing is taken
twice; every refusal is an issues.csv row."""

from __future__ import annotations

import csv
import os
import socket
from pathlib import Path

import pytest
from archive_builders import letters_text

from pipeline.cli import main
from pipeline.discover import NotRegular, Selection, discover, open_regular
from pipeline.readers import ReadError, read_file


def _letter(path: Path, i: int) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(letters_text(i), encoding="utf-8")
    return path


@pytest.fixture()
def odd(tmp_path):
    """A folder with one of each special thing, and three good letters (one through a folder link)."""
    root = tmp_path / "in"
    _letter(root / "good.txt", 0)
    _letter(root / "sub" / "inner.txt", 1)
    _letter(tmp_path / "elsewhere" / "outside.txt", 2)
    _letter(tmp_path / "elsewhere" / "deep" / "far.txt", 3)
    os.mkfifo(root / "letter.txt")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(root / "socket.txt"))
    (root / "leaves.txt").symlink_to(tmp_path / "elsewhere" / "outside.txt")
    (root / "leaves_dir").symlink_to(tmp_path / "elsewhere" / "deep")
    (root / "loop_a").symlink_to(root / "loop_b")
    (root / "loop_b").symlink_to(root / "loop_a")
    (root / "nowhere.txt").symlink_to(root / "gone.txt")
    (root / "sub" / "self").symlink_to(root / "sub")  # a folder link back up: walked once
    (root / "linked_here").symlink_to(tmp_path / "in" / "sub")
    yield root
    sock.close()


REFUSED = [
    # (name, code, severity)
    ("letter.txt", "not_a_regular_file", "warning"),
    ("socket.txt", "not_a_regular_file", "warning"),
    ("leaves.txt", "symlink_outside_input", "warning"),
    ("leaves_dir", "symlink_outside_input", "warning"),
    ("loop_a", "symlink_loop", "error"),
    ("loop_b", "symlink_loop", "error"),
    ("nowhere.txt", "broken_symlink", "error"),
]


def test_discovery_refuses_each_special_thing(odd):
    found = discover([odd])
    assert [p.relative_to(odd).as_posix() for p in found.files] == ["good.txt", "sub/inner.txt"]
    assert sorted((Path(r.path).name, r.code, r.severity) for r in found.refused) == sorted(REFUSED)
    assert found.skipped == {"folder_seen_twice": 2}  # sub/self and linked_here lead to sub, already walked


def test_a_symlinked_folder_inside_the_input_is_followed(tmp_path):
    root = tmp_path / "in"
    _letter(tmp_path / "in" / "real" / "a.txt", 0)
    (root / "alias").symlink_to(root / "real")
    assert [p.name for p in discover([root / "alias", root]).files] == ["a.txt"]  # the link given first
    only_link = tmp_path / "in2"
    _letter(only_link / "store" / "b.txt", 1)
    (only_link / "a_link").symlink_to(only_link / "store")
    # the link sorts first, but the real folder is walked first and keeps its path
    assert [p.relative_to(only_link).as_posix() for p in discover([only_link]).files] == ["store/b.txt"]


@pytest.mark.parametrize("given", [
    lambda root: [root, root],
    lambda root: [root, root / "good.txt"],
    lambda root: [root, Path(str(root) + "/"), root / "." / "sub"],
])
def test_a_folder_given_twice_gives_each_file_once(odd, given):
    assert [p.name for p in discover(given(odd)).files] == ["good.txt", "inner.txt"]


def test_open_regular_never_opens_a_fifo(tmp_path):
    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(NotRegular):
        open_regular(tmp_path / "pipe")
    with pytest.raises(ReadError) as err:
        read_file(tmp_path / "pipe")
    assert err.value.code == "not_a_regular_file"


def test_a_run_over_special_files_ends_with_a_row_for_each(odd, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["ingest", str(odd), "--out", str(out), "--workers", "1"]) == 1  # loops, broken link: errors
    with (out / "issues.csv").open(encoding="utf-8-sig", newline="") as fh:
        issues = sorted((Path(r["source_path"]).name, r["code"], r["severity"]) for r in csv.DictReader(fh))
    assert issues == sorted(REFUSED)
    with (out / "documents.csv").open(encoding="utf-8-sig", newline="") as fh:
        assert sorted({Path(r["source_path"]).name for r in csv.DictReader(fh)}) == ["good.txt", "inner.txt"]
    printed = capsys.readouterr().out
    assert "2 files, 4 letters, 3 unreadable, 7 problems" in printed
    assert "skipped: 2 folder_seen_twice" in printed


def test_a_fifo_that_appears_later_is_a_new_row_not_the_old_tables(tmp_path, capsys):
    root = tmp_path / "in"
    _letter(root / "good.txt", 0)
    out = tmp_path / "out"
    assert main(["ingest", str(root), "--out", str(out), "--quiet"]) == 0
    os.mkfifo(root / "letter.txt")
    assert main(["ingest", str(root), "--out", str(out), "--quiet"]) == 0
    with (out / "issues.csv").open(encoding="utf-8-sig", newline="") as fh:
        assert [(r["code"], Path(r["source_path"]).name) for r in csv.DictReader(fh)] == [
            ("not_a_regular_file", "letter.txt")]


def test_the_output_folder_and_system_files_stay_counted_skips(odd, tmp_path):
    (odd / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    found = discover([odd], Selection(out=odd / "sub"))
    assert [p.name for p in found.files] == ["good.txt"]
    assert found.skipped == {"output_folder": 2, "system_file": 1}
