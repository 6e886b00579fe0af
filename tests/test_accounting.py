"""One mixed folder of good files and every hostile case: each input is in documents.csv or issues.csv
(or a counted skip), no run stops, and the good files' records are byte for byte those of a run
without the bad ones."""

from __future__ import annotations

import csv
import json
import os
import random
import zipfile
from pathlib import Path

import pytest
from archive_builders import letters_text
from PIL import Image

from pipeline.cli import main
from pipeline.names import escape

ROOT = Path(__file__).resolve().parents[1]
DOCX = ROOT / "data" / "raw" / "docx" / "doc_2541_0002.docx"
CAPS = ["--max-pages", "3", "--max-megapixels", "1", "--max-part-mb", "4", "--max-stream-mb", "4"]


def _good(folder: Path) -> list[Path]:
    paths = []
    for i in range(3):
        path = folder / "ดี" / f"ว {i}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(letters_text(i), encoding="utf-8")
        paths.append(path)
    return paths


def _docx_bomb(path: Path) -> None:
    with zipfile.ZipFile(DOCX) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b"?>", b"?>" + b" " * (6 << 20), 1)
            dst.writestr(item.filename, data)


def _hostile(folder: Path, outside: Path) -> dict[bytes, str]:
    """Every hostile case under ``folder``: name (bytes) -> where it must show ("documents", "issues")."""
    from test_read_limits import _pdf, _text_page

    folder.mkdir(parents=True)
    raw = os.fsencode(folder)
    cases: dict[bytes, str] = {}

    def put(name: bytes, data: bytes, where: str) -> None:
        with open(raw + b"/" + name, "wb") as fh:
            fh.write(data)
        cases[name] = where

    for n, name in enumerate([b"bad\xff.txt", b"a\x01b.txt", b"new\nline.txt", "rtl\u200f.txt".encode()]):
        put(name, letters_text(10 + n).encode("utf-8"), "documents")
    damaged = letters_text(20).encode("utf-8")
    put(b"damaged.txt", damaged[:300] + b"\xff\xfe\x80" + damaged[300:], "documents")
    put(b"utf16.txt", letters_text(21).encode("utf-16-le"), "documents")
    put(b"empty.txt", b"", "issues")
    put(b"random.bin", random.Random(1).randbytes(4096), "issues")
    put(b"truncated.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog", "issues")
    put(b"bomb.pdf", _pdf([_text_page(1) + b" q Q" * (2 << 20)]), "issues")
    put(b"long.pdf", _pdf([_text_page(n) for n in range(1, 6)]), "issues")  # past --max-pages 3: a row
    _docx_bomb(folder / "bomb.docx")
    cases[b"bomb.docx"] = "issues"
    Image.new("L", (1500, 1000), 255).save(folder / "big.png")
    cases[b"big.png"] = "issues"
    frames = [Image.new("L", (60, 40), 255) for _ in range(5)]
    frames[0].save(folder / "long.tif", save_all=True, append_images=frames[1:])
    cases[b"long.tif"] = "issues"
    os.mkfifo(folder / "letter.txt")
    cases[b"letter.txt"] = "issues"
    (outside / "away.txt").write_text(letters_text(30), encoding="utf-8")
    (folder / "leaves.txt").symlink_to(outside / "away.txt")
    (folder / "loop").symlink_to(folder / "loop")
    (folder / "nowhere.txt").symlink_to(folder / "gone.txt")
    cases.update({b"leaves.txt": "issues", b"loop": "issues", b"nowhere.txt": "issues"})
    (folder / "inside_link.txt").symlink_to(folder / "damaged.txt")  # the same file: a counted skip
    return cases


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    root = tmp_path_factory.mktemp("mixed")
    good = _good(root)
    outside = tmp_path_factory.mktemp("outside")
    cases = _hostile(root / "ร้าย", outside)
    clean_out, mixed_out = root.parent / "clean_out", root.parent / "mixed_out"
    assert main(["ingest", str(root / "ดี"), "--out", str(clean_out), "--quiet", "--workers", "1", *CAPS]) == 0
    status = main(["ingest", str(root / "ดี"), str(root / "ร้าย"), str(root / "ร้าย"), "--out", str(mixed_out),
                   "--quiet", "--workers", "2", *CAPS])
    return root, good, cases, clean_out, mixed_out, status


def test_the_run_ends_with_status_1_and_every_table(runs):
    *_, mixed_out, status = runs
    assert status == 1
    assert {p.name for p in mixed_out.iterdir()} >= {"documents.csv", "issues.csv", "records.jsonl",
                                                     "saraban.sqlite", "citations.graphml"}


def test_every_input_is_in_documents_or_issues(runs):
    root, good, cases, _, mixed_out, _ = runs
    documents = {r["source_path"] for r in _rows(mixed_out / "documents.csv")}
    issues = {r["source_path"] for r in _rows(mixed_out / "issues.csv")}
    for path in good:
        assert str(path) in documents
    for name, where in cases.items():
        shown = escape(os.fsdecode(os.fsencode(root / "ร้าย") + b"/" + name))
        assert shown in (documents if where == "documents" else issues), (name, where)


def test_partial_records_say_so(runs):
    *_, mixed_out, _ = runs
    partial = {Path(r["source_path"]).name: r["message"] for r in _rows(mixed_out / "issues.csv") if r["code"] == "over_limit"}
    assert "the record is partial" in partial["long.pdf"] and "the record is partial" in partial["long.tif"]
    assert "--max-part-mb" in partial["bomb.docx"] and "--max-stream-mb" in partial["bomb.pdf"]
    assert "--max-megapixels" in partial["big.png"]


def test_the_good_files_records_are_byte_identical(runs):
    _, good, _, clean_out, mixed_out, _ = runs
    wanted = {str(p) for p in good}

    def good_lines(out: Path) -> list[str]:
        return [line for line in (out / "records.jsonl").read_text(encoding="utf-8").split("\n")
                if line and json.loads(line)["source_path"] in wanted]

    assert good_lines(mixed_out) == good_lines(clean_out)
    assert len(good_lines(clean_out)) == 6
