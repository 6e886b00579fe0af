"""Sensible folders: the output folder is never input, system and lock files are counted not errors,
--include/--exclude, and the arguments are checked before any file is read."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest
from archive_builders import SAMPLE, letter_folder

from pipeline.cli import check_out, main
from pipeline.discover import Selection, discover

ROOT = Path(__file__).resolve().parents[1]

NAMES = [
    # (file name, why it is skipped; None: it is an input)
    ("ว ๒๐๕๕.txt", None),
    ("หนังสือเวียน.docx", None),
    (".DS_Store", "system_file"),
    ("Thumbs.db", "system_file"),
    ("thumbs.db", "system_file"),
    ("desktop.ini", "system_file"),
    ("._scan.pdf", "system_file"),
    ("~$หนังสือเวียน.docx", "lock_file"),
    (".~lock.หนังสือเวียน.docx#", "lock_file"),
]


@pytest.mark.parametrize(("name", "reason"), NAMES)
def test_system_and_lock_files(name, reason):
    assert Selection().skip_reason(Path("สารบรรณ") / name) == reason


GLOBS = [
    # (include, exclude, path, reason)
    ((), ("*.tmp",), "2562/ว 12.tmp", "excluded"),
    ((), ("*/ร่าง/*",), "2562/ร่าง/ว 12.docx", "excluded"),
    ((), ("*/ร่าง/*",), "2562/ว 12.docx", None),
    (("*.pdf",), (), "2562/ว 12.docx", "not_included"),
    (("*.pdf",), (), "2562/ว 12.pdf", None),
    (("*.pdf",), ("*/ร่าง/*",), "2562/ร่าง/ว 12.pdf", "excluded"),
]


@pytest.mark.parametrize(("include", "exclude", "path", "reason"), GLOBS)
def test_include_and_exclude(include, exclude, path, reason):
    assert Selection(include=include, exclude=exclude).skip_reason(Path(path)) == reason


@pytest.fixture()
def messy(tmp_path):
    folder = letter_folder(tmp_path / "in", 2)
    (folder / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1" + bytes(100))
    (folder / "Thumbs.db").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))
    (folder / "~$l000.docx").write_bytes(b"\x05owner" + bytes(40))
    (folder / ".git").mkdir()
    (folder / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    return folder


def test_system_files_are_counted_not_errors(messy, tmp_path, capsys):
    out = messy / "out"  # inside the input folder
    assert main(["ingest", str(messy), "--out", str(out), "--quiet"]) == 0
    assert main(["ingest", str(messy), "--out", str(out)]) == 0  # the output is not read back as input
    printed = capsys.readouterr().out
    assert "2 files, 4 letters, 0 unreadable, 0 problems (2 from cache)" in printed
    assert "skipped: 1 lock_file, 1 output_folder, 1 skipped_folder, 2 system_file" in printed
    with (out / "issues.csv").open(encoding="utf-8-sig") as fh:
        assert list(csv.DictReader(fh)) == []


def test_discovery_keeps_order_and_counts(messy):
    found = discover([messy], Selection(out=messy / "out"))
    assert [p.name for p in found.files] == ["l000.txt", "l001.txt"]
    assert found.skipped == {"lock_file": 1, "skipped_folder": 1, "system_file": 2}


def test_exclude_on_the_command_line(messy, tmp_path, capsys):
    assert main(["ingest", str(messy), "--out", str(tmp_path / "o"), "--exclude", "l001.*"]) == 0
    assert "1 files, 2 letters" in capsys.readouterr().out


BAD_OUT = [
    # (what --out is, the message, the exit status: 4 cannot be written, 2 bad usage)
    ("file", "is a file, not a folder", 4),
    ("under_a_file", "cannot create or write to", 4),
    ("the_input", "is one of the inputs", 2),
]


@pytest.mark.parametrize(("kind", "message", "status"), BAD_OUT)
def test_a_bad_out_is_refused_before_any_reading(tmp_path, kind, message, status, capsys):
    (tmp_path / "plain").write_text("x")
    out = {"file": tmp_path / "plain", "under_a_file": tmp_path / "plain" / "out", "the_input": SAMPLE}[kind]
    assert main(["ingest", str(SAMPLE), "--out", str(out)]) == status
    assert message in capsys.readouterr().err
    assert check_out(out, [SAMPLE]) is not None


@pytest.mark.parametrize("flags", [["--file-timeout", "-1"], ["--scheduler", "tcp://x:8786"], ["--workers", "-2"]])
def test_bad_options_exit_2(tmp_path, flags):
    assert main(["ingest", str(SAMPLE), "--out", str(tmp_path), *flags]) == 2


def test_version():
    done = subprocess.run([sys.executable, "-m", "pipeline", "--version"], capture_output=True, text=True,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, timeout=60)
    assert done.returncode == 0
    assert done.stdout.startswith("saraban ")
