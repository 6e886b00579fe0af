"""Text files as archives hold them: a few invalid bytes in good Thai, UTF-16 without its BOM."""

from __future__ import annotations

import pytest

from pipeline.errors import ReadError
from pipeline.readers import read_file
from pipeline.readers.text import decode_counted

LETTER = "บันทึกข้อความ\nส่วนราชการ สำนักงานจังหวัดอ่างทอง\nที่ อท ๐๐๑๗.๒/ว ๒๐๕๕ วันที่ ๒๖ พฤษภาคม ๒๕๖๒\nเรื่อง ขอเชิญประชุม\n" * 3


@pytest.mark.parametrize(("data", "encoding", "damaged"), [
    (LETTER.encode("utf-8"), "utf-8", 0),
    (LETTER[:70].encode() + b"\xff" + LETTER[70:].encode(), "utf-8", 1),                               # one bad byte
    (LETTER[:70].encode() + "ขอ".encode()[:2] + LETTER[70:].encode(), "utf-8", 1),                      # a cut character
    (LETTER.encode("utf-16-le"), "utf-16-le", 0),                                                      # no BOM
    (LETTER.encode("utf-16-be"), "utf-16-be", 0),
    (LETTER.encode("cp874"), "cp874", 0),                                                              # not "damaged UTF-8"
])
def test_encodings_are_recognised_and_damage_counted(data, encoding, damaged):
    text, found, runs = decode_counted(data)
    assert (found, runs) == (encoding, damaged)
    assert "ขอเชิญประชุม" in text


def test_a_damaged_file_is_read_with_an_encoding_damage_warning(tmp_path):
    path = tmp_path / "letter.txt"
    path.write_bytes(LETTER[:50].encode() + b"\xc3\x28" + LETTER[50:140].encode() + b"\xff\xfe\xfd" + LETTER[140:].encode())
    document = read_file(path)
    assert [(p.code, p.severity) for p in document.problems] == [("encoding_damage", "warning")]
    assert "2 runs" in document.problems[0].message and "ขอเชิญประชุม" in document.raw_text


def test_mostly_invalid_bytes_are_still_binary(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 20 + "เรื่อง".encode())
    with pytest.raises(ReadError) as err:
        read_file(path)
    assert err.value.code == "binary"
