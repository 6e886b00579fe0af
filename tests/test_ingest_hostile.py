"""Bad input never crashes a batch and is never silently skipped: every file is in documents.csv or issues.csv."""

from __future__ import annotations

import csv
import random
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from pipeline.cli import main

SAMPLE = Path(__file__).parent / "fixtures" / "angthong_2562_computer_systems.txt"
PROSE = ("ประเทศไทยมีประวัติศาสตร์ยาวนาน ผู้คนอาศัยอยู่ริมแม่น้ำเจ้าพระยามาหลายร้อยปี "
         "วัฒนธรรมไทยมีความหลากหลายทั้งอาหาร ภาษา และศิลปะการแสดง\n") * 20


def _encrypted_pdf(folder: Path) -> bytes:
    """A PDF with an /Encrypt dictionary (made by pypdfium2 cannot encrypt; craft the trailer)."""
    return (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
            b"3 0 obj<</Filter/Standard/V 1/R 2/O(0123456789abcdef0123456789abcdef)/U(0123456789abcdef0123456789abcdef)"
            b"/P -4>>endobj\ntrailer<</Root 1 0 R/Encrypt 3 0 R/ID[<00><00>]>>\n%%EOF\n")


HOSTILE = {
    # name: (bytes, expected code)
    "empty.txt": (b"", "empty"),
    "spaces.txt": (b"   \n\n\t\n", "empty"),
    "random.bin": (random.Random(1).randbytes(8192), "binary"),
    "truncated.pdf": (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R", "pdf_unreadable"),
    "legacy.doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), "unsupported"),
    "prose.txt": (PROSE.encode("utf-8"), "no_letter"),
}


def _zip_not_docx(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("photos/readme.txt", "not a word document")


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    for name, (data, _) in HOSTILE.items():
        (folder / name).write_bytes(data)
    (folder / "encrypted.pdf").write_bytes(_encrypted_pdf(folder))
    _zip_not_docx(folder / "fake.docx")
    (folder / "sub").mkdir()
    (folder / "sub" / "letter.txt").write_bytes(SAMPLE.read_bytes())
    (folder / "big.txt").write_text((PROSE + SAMPLE.read_text(encoding="utf-8")) * 2800, encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    status = main(["ingest", str(folder), "--out", str(out), "--workers", "2"])
    return folder, out, status


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_exit_status_is_1_when_a_file_is_unreadable(batch):
    assert batch[2] == 1


def test_every_file_is_accounted_for(batch):
    folder, out, _ = batch
    files = {str(p) for p in folder.rglob("*") if p.is_file()}
    seen = {r["source_path"] for r in _rows(out / "documents.csv")} | {r["source_path"] for r in _rows(out / "issues.csv")}
    assert files <= seen


@pytest.mark.parametrize(("name", "code"), [(n, c) for n, (_, c) in HOSTILE.items()]
                         + [("encrypted.pdf", "pdf_encrypted"), ("fake.docx", "not_docx")])
def test_each_bad_file_has_a_clear_issue_row(batch, name, code):
    folder, out, _ = batch
    rows = [r for r in _rows(out / "issues.csv") if r["source_path"] == str(folder / name)]
    assert [r["code"] for r in rows] == [code]
    assert len(rows[0]["message"]) > 20


def test_good_letters_still_come_through(batch):
    folder, out, _ = batch
    docs = [r for r in _rows(out / "documents.csv") if r["source_path"] == str(folder / "sub" / "letter.txt")]
    assert [d["ref_no"] for d in docs] == ["อท 0017.2/ว 2055", "อท 0017.2/ว 2056"]


def test_a_20_mb_text_file_is_read_in_full(batch):
    folder, out, _ = batch
    big = folder / "big.txt"
    assert big.stat().st_size > 20_000_000
    docs = [r for r in _rows(out / "documents.csv") if r["source_path"] == str(big)]
    assert len(docs) == 2 * 2800


def test_a_part_that_is_no_letter_is_reported(tmp_path):
    mixed = tmp_path / "mixed.txt"
    mixed.write_text(SAMPLE.read_text(encoding="utf-8") + "\n\nบันทึกข้อความ\n" + PROSE, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["ingest", str(mixed), "--out", str(out)]) == 0
    assert len(_rows(out / "documents.csv")) == 2
    assert [r["code"] for r in _rows(out / "issues.csv")] == ["not_a_letter_part"]


def test_exit_status_0_when_all_files_read(tmp_path):
    assert main(["ingest", str(SAMPLE), "--out", str(tmp_path)]) == 0


def test_bad_usage_exits_2(tmp_path):
    assert main(["ingest", str(tmp_path / "nope"), "--out", str(tmp_path)]) == 2
    with pytest.raises(SystemExit) as raised:
        main(["ingest"])
    assert raised.value.code == 2


def test_no_traceback_on_the_terminal(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "x.pdf").write_bytes(b"%PDF-1.4 broken")
    done = subprocess.run([sys.executable, "-m", "pipeline", "ingest", str(tmp_path / "in"), "--out", str(tmp_path / "o")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr + done.stdout
    assert "pdf_unreadable" in done.stderr


def test_rerun_uses_the_cache_and_gives_the_same_tables(tmp_path):
    first = tmp_path / "a"
    main(["ingest", str(SAMPLE), "--out", str(first)])
    before = (first / "documents.csv").read_bytes()
    main(["ingest", str(SAMPLE), "--out", str(first)])
    assert (first / "documents.csv").read_bytes() == before
    assert (first / ".saraban" / "catalog.sqlite").exists()
    assert not (first / ".cache").exists()  # no pickle cache any more
