"""Progress: a tally with rate and ETA, plain lines when not on a terminal, nothing with --quiet."""

from __future__ import annotations

import io

import pytest
from archive_builders import letter_folder

from pipeline.cli import main
from pipeline.ingest import run_ingest
from pipeline.progress import Progress, ProgressOptions, Tally

TALLIES = [
    (Tally(10), "0/10 files, 0 letters, 0 pages OCRed, 0 problems, 0.0 files/s, ETA ?"),
    (Tally(10, 5, 9, 3, 1, 0, 10.0), "5/10 files, 9 letters, 3 pages OCRed, 1 problems, 0.5 files/s, ETA 0m10s"),
    # files from the catalog count as done but not in the rate
    (Tally(100, 60, 90, 0, 0, 50, 5.0), "60/100 files, 90 letters, 0 pages OCRed, 0 problems, 2.0 files/s, ETA 0m20s"),
    (Tally(20000, 100, 100, 400, 2, 0, 100.0), "100/20000 files, 100 letters, 400 pages OCRed, 2 problems, "
     "1.0 files/s, ETA 5h31m"),
]


@pytest.mark.parametrize(("tally", "line"), TALLIES)
def test_tally_line(tally, line):
    assert tally.line() == line


def test_plain_lines_when_not_a_terminal(tmp_path):
    stream = io.StringIO()
    run_ingest([letter_folder(tmp_path / "in", 3)], tmp_path / "out", workers=1,
               progress=ProgressOptions(mode="plain", interval_s=0.0), stream=stream)
    lines = stream.getvalue().splitlines()
    assert [line.split(" files,")[0] for line in lines] == ["saraban: 1/3", "saraban: 2/3", "saraban: 3/3"]
    assert lines[-1].startswith("saraban: 3/3 files, 6 letters, 0 pages OCRed, 0 problems, ")


def test_a_bar_on_a_terminal():
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    progress = Progress(2, ProgressOptions(), stream)
    assert progress.mode == "bar"
    progress.advance(2, 1, 0, cached=False)
    progress.close()
    shown = stream.getvalue()
    assert "1/2" in shown
    assert "2 letters, 1 pages OCRed, 0 problems" in shown


def test_quiet_prints_nothing(tmp_path, capsys):
    assert main(["ingest", str(letter_folder(tmp_path / "in", 2)), "--out", str(tmp_path / "o"), "--quiet"]) == 0
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", "")


def test_bad_progress_mode():
    with pytest.raises(ValueError, match="progress must be one of"):
        ProgressOptions(mode="loud")
