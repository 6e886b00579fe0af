"""Fixity as archivists keep it: ``manifest-sha256.txt`` (BagIt: ``<sha256> <path>`` per line, ``%``,
CR and LF in a path percent-encoded) and an events log in JSON Lines with PREMIS event types.

>>> manifest_line("ab12", "หนังสือเวียน/ว ๒๐๕๕\\n.txt")
'ab12  หนังสือเวียน/ว ๒๐๕๕%0A.txt'
>>> parse_manifest_line('ab12  หนังสือเวียน/ว ๒๐๕๕%0A.txt')
('หนังสือเวียน/ว ๒๐๕๕\\n.txt', 'ab12')
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pipeline.names import escape

MANIFEST_NAME = "manifest-sha256.txt"
EVENTS_NAME = "events.jsonl"

# PREMIS 3 event types (id.loc.gov/vocabulary/preservation/eventType)
INGESTION = "ingestion"
DIGEST = "message digest calculation"
FIXITY_CHECK = "fixity check"
FORMAT_ID = "format identification"


_PERCENT = re.compile("[%\x00-\x1f\x7f-\x9f\u2028\u2029\udc80-\udcff]")


def _percent(char: str) -> str:
    if "\udc80" <= char <= "\udcff":
        return f"%{ord(char) - 0xDC00:02X}"
    return "".join(f"%{b:02X}" for b in char.encode("utf-8"))


def _encode(path: str) -> str:
    """``%``, CR and LF percent-encoded (BagIt), and so are the other control characters and line
    separators, and each byte of a name that is not UTF-8 (a lone surrogate)."""
    return _PERCENT.sub(lambda m: _percent(m.group()), path)


def _decode(path: str) -> str:
    from urllib.parse import unquote_to_bytes

    return os.fsdecode(unquote_to_bytes(path)) if "%" in path else path


def manifest_line(sha256: str, path: str) -> str:
    return f"{sha256}  {_encode(Path(path).as_posix())}"


def parse_manifest_line(line: str) -> tuple[str, str] | None:
    """``(path, sha256)`` of one manifest line, None for a blank or malformed one."""
    sha, sep, path = line.rstrip("\n").partition(" ")
    if not sep or not sha:
        return None
    return _decode(path.lstrip(" ")), sha


def read_manifest(out_dir: Path) -> dict[str, str]:
    """``path -> sha256`` of the manifest the last run wrote ({} when there is none)."""
    path = Path(out_dir) / MANIFEST_NAME
    if not path.exists():
        return {}
    parsed = (parse_manifest_line(line) for line in path.read_text(encoding="utf-8").split("\n"))
    return dict(p for p in parsed if p is not None)


def write_manifest(entries: Iterable[tuple[str, str]], out_dir: Path) -> Path:
    """``(path, sha256)`` pairs, sorted by path, written atomically."""
    target = Path(out_dir) / MANIFEST_NAME
    tmp = target.with_name(target.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as fh:  # line by line: an archive's manifest is not built in memory
        for path, sha in sorted(entries):
            fh.write(manifest_line(sha, path) + "\n")
    os.replace(tmp, target)
    return target


@dataclass(frozen=True, slots=True)
class Agent:
    """Who acted: ``Agent("saraban 0.1.0", "sha256:3f9a…")`` (the OCR digit model's hash, '' if absent)."""

    name: str
    ocr_model: str = ""


@dataclass(frozen=True, slots=True)
class Event:
    """One PREMIS event about one input file: ``Event("fixity check", "ว ๒๐๕๕.txt", "ab12…", "fail", "…")``."""

    event_type: str
    path: str
    sha256: str
    outcome: str  # success | fail
    detail: str = ""

    def to_dict(self, agent: Agent, when: str) -> dict:
        return {"eventType": self.event_type, "eventDateTime": when, "eventOutcome": self.outcome,
                "eventOutcomeDetail": self.detail, "object": escape(self.path), "sha256": self.sha256,
                "agent": agent.name, "ocr_model": agent.ocr_model}


def fixity_events(previous: dict[str, str], current: dict[str, str]) -> list[Event]:
    """A ``fixity check`` for each input the last manifest lists: ``success`` when the bytes are the same,
    ``fail`` (with both digests) when they changed."""
    events = []
    for path, sha in current.items():
        before = previous.get(path)
        if before is None:
            continue
        if before == sha:
            events.append(Event(FIXITY_CHECK, path, sha, "success"))
        else:
            events.append(Event(FIXITY_CHECK, path, sha, "fail", f"manifest had {before}, the file now has {sha}"))
    return events


def append_events(events: Iterable[Event], agent: Agent, out_dir: Path, now: dt.datetime | None = None) -> Path:
    """Append ``events`` to ``OUT/events.jsonl`` (one JSON object a line), flushed to disk."""
    when = (now or dt.datetime.now(dt.timezone.utc)).isoformat(timespec="seconds")
    target = Path(out_dir) / EVENTS_NAME
    with target.open("a", encoding="utf-8") as fh:
        for event in events:
            fh.write(json.dumps(event.to_dict(agent, when), ensure_ascii=False) + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    return target
