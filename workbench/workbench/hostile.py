"""The hostile files of docs/ROBUSTNESS.md, built at full size, each read in a process of its own with
the default caps, and its CPU time and peak memory measured.

    python -m workbench.hostile --out build/hostile

Files: a .docx whose document.xml inflates to 1.1 GB, a PDF with a 2 GiB stream, a PDF of 5,000 text
pages, a TIFF of 600 frames, a white PNG of 2 gigapixels, a text file with invalid bytes, UTF-16
without a BOM. Each is built streaming (no builder holds the inflated bytes either).
"""

from __future__ import annotations

import argparse
import io
import json
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCX = ROOT / "data" / "raw" / "docx" / "doc_2541_0002.docx"
TEXT = ROOT / "tests" / "fixtures" / "angthong_2562_computer_systems.txt"
MB = 1 << 20


def docx_bomb(path: Path, inflated: int = 1100 * MB) -> None:
    with zipfile.ZipFile(DOCX) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename != "word/document.xml":
                dst.writestr(item.filename, data)
                continue
            head, sep, tail = data.partition(b"?>")
            with dst.open(item.filename, "w", force_zip64=True) as fh:
                fh.write(head + sep)
                for _ in range(inflated // MB):
                    fh.write(b" " * MB)
                fh.write(tail)


def _pdf(streams, path: Path) -> None:
    """A PDF of one page per content stream; ``streams`` yields each page's deflated bytes."""
    out = path.open("wb")
    out.write(b"%PDF-1.4\n")
    offsets: list[int] = []

    def obj(body: bytes) -> None:
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % len(offsets) + body + b"\nendobj\n")

    packed = list(streams)
    kids = b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(len(packed)))
    obj(b"<</Type/Catalog/Pages 2 0 R>>")
    obj(b"<</Type/Pages/Kids[%s]/Count %d>>" % (kids, len(packed)))
    obj(b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>")
    for i, data in enumerate(packed):
        obj(b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 3 0 R>>>>/Contents %d 0 R>>"
            % (5 + 2 * i))
        obj(b"<</Length %d/Filter/FlateDecode>>stream\n" % len(data) + data + b"\nendstream")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(offsets) + 1, xref))
    out.close()


def _deflated(chunks) -> bytes:
    packer, out = zlib.compressobj(9), io.BytesIO()
    for chunk in chunks:
        out.write(packer.compress(chunk))
    out.write(packer.flush())
    return out.getvalue()


def pdf_bomb(path: Path, inflated: int = 2048 * MB) -> None:
    page = b"BT /F1 14 Tf 72 720 Td (A letter) Tj ET"
    _pdf([_deflated([page] + [b" " * MB] * (inflated // MB))], path)


def pdf_pages(path: Path, pages: int = 5000) -> None:
    _pdf([zlib.compress(b"BT /F1 14 Tf 72 720 Td (Page %d of a long letter) Tj ET" % n) for n in range(1, pages + 1)],
         path)


def tiff_frames(path: Path, frames: int = 600) -> None:
    from PIL import Image

    images = [Image.new("L", (200, 100), 255) for _ in range(frames)]
    images[0].save(path, save_all=True, append_images=images[1:])


def white_png(path: Path, width: int = 50_000, height: int = 40_000) -> None:
    """A white grey PNG of ``width`` x ``height`` (2 gigapixels), written row by row."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    row = b"\x00" + b"\xff" * width
    idat = _deflated(row for _ in range(height))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
                     + chunk(b"IDAT", idat) + chunk(b"IEND", b""))


def damaged_text(path: Path) -> None:
    data = TEXT.read_bytes()
    path.write_bytes(data[:2000] + b"\xff\xfe\x80\x81" + data[2000:])


def utf16_text(path: Path) -> None:
    path.write_bytes(TEXT.read_text(encoding="utf-8").encode("utf-16-le"))


BUILDERS = {"bomb.docx": docx_bomb, "bomb.pdf": pdf_bomb, "pages_5000.pdf": pdf_pages, "frames_600.tif": tiff_frames,
            "white_2gpx.png": white_png, "damaged.txt": damaged_text, "utf16.txt": utf16_text}

MEASURE = """
import json, resource, sys
from pathlib import Path
from pipeline.process import process_file
result = process_file(Path(sys.argv[1]))
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"cpu_s": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024,
                  "letters": len(result.records), "pages": result.ocr_pages,
                  "rows": [(p.code, p.severity, p.message[:110]) for p in result.problems][:3]}, ensure_ascii=False))
"""


def measure(path: Path) -> dict:
    """CPU seconds and peak memory of reading ``path`` in a fresh process (the interpreter included)."""
    done = subprocess.run([sys.executable, "-c", MEASURE, str(path)], capture_output=True, text=True, timeout=3600,
                          cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    if done.returncode:
        return {"error": done.stderr.strip().splitlines()[-1:]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m workbench.hostile", description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default="build/hostile")
    parser.add_argument("--only", action="append", default=[], help="build and read only this file (repeatable)")
    args = parser.parse_args(argv)
    folder = Path(args.out)
    folder.mkdir(parents=True, exist_ok=True)
    print("| file | size on disk | CPU s | peak memory | letters | rows |\n|---|---:|---:|---:|---:|---|")
    for name, build in BUILDERS.items():
        if args.only and name not in args.only:
            continue
        path = folder / name
        if not path.exists():
            build(path)
        got = measure(path)
        rows = "; ".join(f"{c} ({s}): {m}" for c, s, m in got.get("rows", [])) or got.get("error", "")
        print(f"| {name} | {path.stat().st_size / MB:.1f} MB | {got.get('cpu_s', 0):.1f} | "
              f"{got.get('peak_mb', 0):.0f} MB | {got.get('letters', '')} | {rows} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
