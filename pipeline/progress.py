"""Progress of a run: a live bar on a terminal (rich), a plain line every ``interval_s`` seconds
otherwise (a log file, CI), nothing with ``--quiet``.

>>> tally = Tally(total=1200, done=300, letters=410, ocr_pages=35, problems=7, cached=100, seconds=50.0)
>>> tally.line()
'300/1200 files, 410 letters, 35 pages OCRed, 7 problems, 4.0 files/s, ETA 3m45s'

The rate and ETA count only the files read in this run (those from the catalog cost nothing).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from typing import TextIO

MODES = ("auto", "bar", "plain", "quiet")


@dataclass(frozen=True, slots=True)
class ProgressOptions:
    """``mode``: auto (a bar on a terminal, lines otherwise), bar, plain or quiet; ``interval_s``: seconds
    between plain lines."""

    mode: str = "auto"
    interval_s: float = 10.0

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"progress must be one of {', '.join(MODES)}, not {self.mode!r}")


@dataclass(frozen=True, slots=True)
class Tally:
    """How far a run is: files done of total, what they gave, seconds since the start."""

    total: int
    done: int = 0
    letters: int = 0
    ocr_pages: int = 0
    problems: int = 0
    cached: int = 0
    seconds: float = 0.0

    def rate(self) -> float:
        read = self.done - self.cached
        return read / self.seconds if self.seconds > 0 and read > 0 else 0.0

    def eta_s(self) -> float | None:
        rate = self.rate()
        return (self.total - self.done) / rate if rate > 0 else None

    def line(self) -> str:
        eta = self.eta_s()
        return (f"{self.done}/{self.total} files, {self.letters} letters, {self.ocr_pages} pages OCRed, "
                f"{self.problems} problems, {self.rate():.1f} files/s, ETA {_clock(eta) if eta is not None else '?'}")


def _clock(seconds: float) -> str:
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}h{minutes:02d}m" if hours else f"{minutes}m{secs:02d}s"


class Progress:
    """Told of each finished file (``advance``); shows the tally as its options say."""

    def __init__(self, total: int, options: ProgressOptions, stream: TextIO) -> None:
        self.tally = Tally(total)
        self.options = options
        self.stream = stream
        self.start = time.monotonic()
        self.last_line = self.start
        mode = options.mode
        if mode == "auto":
            mode = "bar" if getattr(stream, "isatty", lambda: False)() else "plain"
        self.mode = mode
        self.bar = None
        if mode == "bar" and total:
            self._start_bar()

    def _start_bar(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
        from rich.progress import Progress as RichProgress

        self.bar = RichProgress(TextColumn("[bold]saraban"), BarColumn(), MofNCompleteColumn(),
                                TextColumn("{task.fields[detail]}"), TimeRemainingColumn(),
                                console=Console(file=self.stream), transient=False)
        self.task = self.bar.add_task("files", total=self.tally.total, detail="")
        self.bar.start()

    def advance(self, letters: int, ocr_pages: int, problems: int, cached: bool) -> None:
        t = self.tally
        self.tally = replace(t, done=t.done + 1, letters=t.letters + letters, ocr_pages=t.ocr_pages + ocr_pages,
                             problems=t.problems + problems, cached=t.cached + int(cached),
                             seconds=time.monotonic() - self.start)
        if self.bar is not None:
            t = self.tally
            detail = (f"{t.letters} letters, {t.ocr_pages} pages OCRed, {t.problems} problems, "
                      f"{t.rate():.1f} files/s")
            self.bar.update(self.task, completed=t.done, detail=detail)
        elif self.mode == "plain":
            now = time.monotonic()
            if now - self.last_line >= self.options.interval_s:
                self.last_line = now
                print(f"saraban: {self.tally.line()}", file=self.stream, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None
