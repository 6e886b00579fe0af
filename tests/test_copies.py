"""Copies of one letter: byte-identical files are one document, the same letter in several formats is
one copy group whose best copy is the link target."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from archive_builders import SAMPLE
from builders import docx_from_text

from pipeline.copies import copy_groups
from pipeline.ingest import run_ingest
from pipeline.models import Field, Record, RefNo, SourceFile, Span, ThaiDate


def _copy(doc_id: str, fmt: str, method: str = "text", subject: str = "ขอความอนุเคราะห์ข้อมูล", sha: str = "",
          confidence: float = 1.0, day: int = 26, issuer: str = "", doc_type: str = "memo") -> Record:
    return Record(doc_id, SourceFile(f"{doc_id}.{fmt}", sha or doc_id, 1), fmt, method, 0, Span(0, 1),
                  ref_no=RefNo("อท", "0017.2", 2055, True), subject=Field(subject), confidence=confidence,
                  issuer=Field(issuer), doc_type=doc_type,
                  doc_date=ThaiDate(dt.date(2019, 5, day), f"{day} พฤษภาคม ๒๕๖๒", Span(0, 1)))


GROUPS = [
    # (records, expected doc_id -> best copy)
    ([_copy("scan", "image", "ocr"), _copy("word", "docx")], {"scan": "word", "word": "word"}),
    ([_copy("pdf", "pdf"), _copy("txt", "txt")], {"pdf": "pdf", "txt": "pdf"}),
    # an OCRed PDF page loses to a text file; between two scans the surer one wins
    ([_copy("pdf", "pdf", "ocr"), _copy("txt", "txt")], {"pdf": "txt", "txt": "txt"}),
    ([_copy("s1", "image", "ocr", confidence=0.8), _copy("s2", "image", "ocr", confidence=0.9)], {"s1": "s2", "s2": "s2"}),
    # spaces in the subject do not matter; another subject or another day is another letter
    ([_copy("a", "txt", subject="ขอความอนุเคราะห์ ข้อมูล"), _copy("b", "docx")], {"a": "b", "b": "b"}),
    ([_copy("a", "txt", subject="ขอเชิญประชุม"), _copy("b", "docx")], {}),
    ([_copy("a", "txt", day=27), _copy("b", "docx")], {}),
    # no subject (a stamped letter): the kind and the issuer must agree instead; neither: never grouped
    ([_copy("a", "txt", subject="", issuer="จังหวัดสตูล", doc_type="stamped"),
      _copy("b", "pdf", subject="", issuer="จังหวัด สตูล", doc_type="stamped")], {"a": "b", "b": "b"}),
    ([_copy("a", "txt", subject="", issuer="จังหวัดสตูล"), _copy("b", "pdf", subject="", issuer="จังหวัดตรัง")], {}),
    ([_copy("a", "txt", subject=""), _copy("b", "docx", subject="")], {}),
    # one file repeating a letter is not a copy of it
    ([_copy("f-0", "txt", sha="f"), _copy("f-1", "txt", sha="f")], {}),
]


@pytest.mark.parametrize(("records", "expected"), GROUPS)
def test_copy_groups(records, expected):
    assert copy_groups(records) == expected


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def formats(tmp_path_factory):
    """A memo citing อท 0017.2/ว 2056, and that letter as a .txt and a .docx."""
    folder = tmp_path_factory.mktemp("formats")
    text = SAMPLE.read_text(encoding="utf-8")
    cut = text.index("ที่ อท ๐๐๑๗.๒/ว ๒๐๕๖")
    memo = text[:cut].replace("ว ๒๙๓๐ ลงวันที่ ๑๕ สิงหาคม ๒๕๖๐", "ว ๒๐๕๖ ลงวันที่ ๒๑ พฤษภาคม ๒๕๖๒")
    (folder / "memo.txt").write_text(memo, encoding="utf-8")
    (folder / "letter.txt").write_text(text[cut:], encoding="utf-8")
    docx_from_text(text[cut:], folder / "letter.docx")
    out = tmp_path_factory.mktemp("out")
    run_ingest([folder], out, workers=1)
    return folder, out


def test_a_citation_of_a_letter_in_two_formats_resolves_to_the_word_file(formats):
    folder, out = formats
    docs = {Path(d["source_path"]).name: d for d in _rows(out / "documents.csv")}
    word = docs["letter.docx"]["doc_id"]
    (cited,) = [r for r in _rows(out / "references.csv") if r["ref_no"] == "อท 0017.2/ว 2056"]
    assert (cited["status"], cited["target_doc_id"]) == ("resolved", word)
    assert docs["letter.txt"]["copy_group"] == docs["letter.docx"]["copy_group"] == word
    assert docs["memo.txt"]["copy_group"] == ""


def test_byte_identical_files_are_one_document_with_every_path(tmp_path):
    (tmp_path / "in" / "copy").mkdir(parents=True)
    (tmp_path / "in" / "a.txt").write_bytes(SAMPLE.read_bytes())
    (tmp_path / "in" / "copy" / "a.txt").write_bytes(SAMPLE.read_bytes())
    run_ingest([tmp_path / "in"], tmp_path / "out", workers=2)
    docs = _rows(tmp_path / "out" / "documents.csv")
    assert [d["doc_id"] for d in docs] == ["130319b970b2-0", "130319b970b2-1"]
    paths = f"{tmp_path / 'in' / 'a.txt'};{tmp_path / 'in' / 'copy' / 'a.txt'}"
    assert [d["source_paths"] for d in docs] == [paths, paths]
    assert [d["source_path"] for d in docs] == [str(tmp_path / "in" / "a.txt")] * 2
