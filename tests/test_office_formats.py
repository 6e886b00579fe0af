"""Word 97-2003 .doc, .rtf and OpenDocument .odt files, read through LibreOffice (pipeline/readers/office.py):
the same letter in each gives the fields its .docx gives, and what LibreOffice cannot read is a problem row."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from pipeline.errors import ReadError
from pipeline.process import process_file
from pipeline.readers import office, read_file

OFFICE = Path(__file__).resolve().parents[1] / "data" / "raw" / "office"
needs_soffice = pytest.mark.skipif(office.soffice() is None, reason="LibreOffice (soffice) is not installed")


def fields(path: Path) -> list[tuple]:
    return [(r.doc_type, r.ref_no.text if r.ref_no else None, r.doc_date.date.isoformat() if r.doc_date else None,
             r.issuer.value, r.recipient.value) for r in process_file(path).records]


@needs_soffice
@pytest.mark.parametrize(("name", "kind"), [("stamped_2546_0002.doc", "doc"), ("stamped_2546_0002.rtf", "rtf"),
                                            ("stamped_2546_0002.odt", "odt")])
def test_each_kind_is_read_as_its_word_original(name, kind):
    document = read_file(OFFICE / name)
    assert document.source_format == kind and document.method == "text"
    assert document.reader.startswith(f"LibreOffice {kind}")
    # what the Word original (a generated หนังสือประทับตรา, converted by LibreOffice) gives
    assert fields(OFFICE / name) == [("stamped", "สต 0018.1/272", "2003-04-07", "จังหวัดสตูล", "ส่วนราชการในสังกัด")]


def test_an_ole_file_without_a_word_stream_is_not_sent_to_libreoffice(tmp_path):
    sheet = tmp_path / "budget.xls"
    sheet.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512) + "Workbook".encode("utf-16-le") + bytes(512))
    with pytest.raises(ReadError) as info:
        read_file(sheet)
    assert info.value.code == "unsupported" and "not a Word document" in info.value.message


@needs_soffice
def test_a_damaged_doc_is_a_problem_row_not_a_crash(tmp_path):
    damaged = tmp_path / "damaged.doc"  # an OLE header and a Word stream's name, noise for the rest
    noise = random.Random(4)
    damaged.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + noise.randbytes(4000) + "WordDocument".encode("utf-16-le")
                        + noise.randbytes(3000))
    result = process_file(damaged)
    assert not result.records
    assert result.problems[0].code in ("office_unreadable", "empty", "no_letter")


def test_without_libreoffice_the_message_says_what_is_missing(tmp_path, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(ReadError) as info:
        read_file(OFFICE / "stamped_2546_0002.doc")
    assert info.value.code == "unsupported" and "needs LibreOffice" in info.value.message
