"""A mutation fuzzer over the sample files: every reader gets damaged copies of real inputs (bit flips,
truncation, splices, runs of zeros; for .docx edits of one zip entry, for PNG a chunk changed with its
checksum made right), each read by
``pipeline.process.process_file``, which must never raise and must give records or issue rows.

    python -m workbench.fuzz --cases 3000 --seed 1          # the figures of docs/ROBUSTNESS.md

Deterministic: case ``i`` of seed ``s`` is always the same bytes. Scans are read with a stand-in OCR
engine (an empty page), so the cases test the readers, not Tesseract's speed.

>>> len(mutants(b"%PDF-1.4 hello", "x.pdf", random.Random(1), 3))
3
"""

from __future__ import annotations

import argparse
import io
import random
import resource
import sys
import tempfile
import time
import zipfile
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_DIRS = (ROOT / "data" / "raw", ROOT / "tests" / "fixtures")
KINDS = {".txt": "text", ".docx": "docx", ".pdf": "pdf", ".png": "image", ".tif": "image", ".jpg": "image"}


def samples() -> list[Path]:
    """The sample inputs the fuzzer mutates: every file of data/raw and tests/fixtures a reader takes."""
    return sorted(p for d in SAMPLE_DIRS for p in d.rglob("*") if p.is_file() and p.suffix.lower() in KINDS)


def image_variants(folder: Path) -> list[Path]:
    """Each PNG sample saved again as JPEG and as an uncompressed TIFF under ``folder``: decoders that
    take damage further than PNG's checksums let it go."""
    from PIL import Image

    out = []
    for png in (p for p in samples() if p.suffix.lower() == ".png"):
        with Image.open(png) as img:
            small = img.convert("L").reduce(2)
        for suffix in (".jpg", ".tif"):
            path = folder / f"{png.stem}{suffix}"
            small.save(path)
            out.append(path)
    return out


def _flip(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.choice((1, 1, 2, 8, 64))):
        out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
    return bytes(out)


def _truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(len(data))]


def _splice(data: bytes, rng: random.Random) -> bytes:
    """A piece of the file copied over another place of it (duplicated headers, repeated objects)."""
    a, b = sorted(rng.randrange(len(data)) for _ in range(2))
    at = rng.randrange(len(data))
    return data[:at] + data[a:b] + data[at + (b - a) // 2 :]


def _zeros(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data))
    return data[:at] + bytes(rng.choice((16, 512, 4096))) + data[at + 16 :]


def _random_tail(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(len(data))] + rng.randbytes(rng.randrange(1, 2048))


def _png_chunk(data: bytes, rng: random.Random) -> bytes:
    """One chunk of a PNG mutated and its CRC made right again, so the damage reaches the decoder
    (a plain bit flip is caught by the checksum at once)."""
    import struct

    if not data.startswith(b"\x89PNG"):
        return _flip(data, rng)
    chunks, pos = [], 8
    while pos + 8 <= len(data):
        size = struct.unpack(">I", data[pos : pos + 4])[0]
        chunks.append((pos, size, data[pos + 4 : pos + 8]))
        pos += 12 + size
    if not chunks:
        return _flip(data, rng)
    at, size, kind = rng.choice(chunks)
    body = data[at + 8 : at + 8 + size]
    body = (_flip(body, rng) if rng.random() < 0.6 else _truncate(body, rng)) if body else rng.randbytes(13)
    chunk = struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    return data[:at] + chunk + data[at + 12 + size :]


BYTE_MUTATIONS: dict[str, Callable[[bytes, random.Random], bytes]] = {
    "bit_flip": _flip, "truncate": _truncate, "splice": _splice, "zeros": _zeros, "random_tail": _random_tail,
}


def _zip_edit(data: bytes, rng: random.Random) -> bytes:
    """One entry of a .docx changed: its bytes mutated, cut, emptied, dropped, or renamed."""
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        items = [(i, src.read(i.filename)) for i in src.infolist()]
    victim = rng.randrange(len(items))
    edit = rng.choice(("mutate", "truncate", "empty", "drop", "rename", "duplicate"))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for n, (info, body) in enumerate(items):
            name = info.filename
            if n == victim:
                if edit == "drop":
                    continue
                if edit == "mutate" and body:
                    body = _flip(body, rng) if rng.random() < 0.5 else _splice(body, rng)
                elif edit == "truncate" and body:
                    body = body[: rng.randrange(len(body))]
                elif edit == "empty":
                    body = b""
                elif edit == "rename":
                    name = name + ".old"
                elif edit == "duplicate":
                    dst.writestr(name + "/../" + name.rsplit("/", 1)[-1], body)
            dst.writestr(name, body)
    return out.getvalue()


def mutants(data: bytes, name: str, rng: random.Random, n: int) -> list[tuple[str, bytes]]:
    """``n`` damaged copies of ``data`` (a file named ``name``) as ``(mutation, bytes)``."""
    kinds = list(BYTE_MUTATIONS) + (["zip_entry"] * 3 if name.endswith(".docx") else [])
    kinds += ["png_chunk"] * 6 if name.lower().endswith(".png") else []
    out = []
    for _ in range(n):
        kind = rng.choice(kinds)
        if kind == "zip_entry":
            out.append((kind, _zip_edit(data, rng)))
        elif kind == "png_chunk":
            out.append((kind, _png_chunk(data, rng)))
        else:
            out.append((kind, BYTE_MUTATIONS[kind](data, rng)))
    return out


class BlankEngine:
    """An OCR engine that reads every page as blank: the fuzzer tests the readers, not Tesseract."""

    name = "blank"

    def version(self) -> str:
        return "0"

    def read(self, image, *, langs: str, psm: int):
        from pipeline.ocr.result import OcrResult

        return OcrResult("", (), ())


@dataclass
class Figures:
    """What one fuzzing run found, per reader (the kind of the sample mutated)."""

    tried: Counter = field(default_factory=Counter)
    escaped: list = field(default_factory=list)  # (sample, mutation, case, exception) that left process_file
    unaccounted: list = field(default_factory=list)  # a result with neither records nor issue rows
    outcomes: Counter = field(default_factory=Counter)  # (reader, "records" | issue code)
    worst_s: dict = field(default_factory=lambda: defaultdict(float))  # reader -> CPU seconds of its slowest case


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def fuzz(cases: int, seed: int = 1, folder: Path | None = None) -> Figures:
    """``cases`` damaged inputs, spread over every sample, each read by ``process_file``."""
    from pipeline.ocr import OcrOptions
    from pipeline.process import process_file

    options = OcrOptions(engine=BlankEngine(), qr_codes=False)
    figures = Figures()
    with tempfile.TemporaryDirectory() as tmp:
        work = folder or Path(tmp)
        files = samples() + image_variants(work)
        per = max(1, cases // len(files))
        for sample in files:
            kind = KINDS[sample.suffix.lower()]
            rng = random.Random(f"{seed}:{sample.name}")
            for case, (mutation, data) in enumerate(mutants(sample.read_bytes(), sample.name, rng, per)):
                path = work / f"case{case}{sample.suffix}"
                path.write_bytes(data)
                figures.tried[kind] += 1
                start = _cpu()
                try:
                    result = process_file(path, options)
                except BaseException as exc:  # noqa: BLE001 - counting what escapes is the point
                    figures.escaped.append((sample.name, mutation, case, repr(exc)))
                    continue
                figures.worst_s[kind] = max(figures.worst_s[kind], _cpu() - start)
                if not result.records and not result.problems:
                    figures.unaccounted.append((sample.name, mutation, case))
                for code in ({"records"} if result.records else set()) | {p.code for p in result.problems
                                                                          if p.severity == "error"}:
                    figures.outcomes[(kind, code)] += 1
    return figures


def report(figures: Figures) -> str:
    lines = ["| reader | inputs tried | exceptions escaped | unaccounted | slowest case (CPU s) |", "|---|---:|---:|---:|---:|"]
    for kind in sorted(figures.tried):
        escaped = sum(1 for e in figures.escaped if KINDS.get(Path(e[0]).suffix.lower()) == kind)
        lost = sum(1 for e in figures.unaccounted if KINDS.get(Path(e[0]).suffix.lower()) == kind)
        lines.append(f"| {kind} | {figures.tried[kind]} | {escaped} | {lost} | {figures.worst_s[kind]:.2f} |")
    lines.append("")
    lines.append("outcomes (reader: records, or the error code): " + ", ".join(
        f"{k}: {c} {n}" for (k, c), n in sorted(figures.outcomes.items())))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m workbench.fuzz", description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    start = time.process_time()
    figures = fuzz(args.cases, args.seed)
    print(report(figures))
    print(f"\n{sum(figures.tried.values())} cases in {time.process_time() - start:.0f} s CPU; "
          f"peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    for item in figures.escaped[:20]:
        print("escaped:", *item, file=sys.stderr)
    return 1 if figures.escaped or figures.unaccounted else 0


if __name__ == "__main__":
    sys.exit(main())
