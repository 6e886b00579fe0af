"""Text without layout that was wrapped at a fixed width (text dumps, web copies, e-mail): its line breaks
fall anywhere, so they say nothing of where a title, a date or a name ends. The same document, flat and
wrapped, must give the same fields (``workbench.text_forms`` measures this on the real Gazette texts)."""

from __future__ import annotations

import pytest
from workbench.text_forms import head_first, wrapped

from pipeline.process import process_file
from pipeline.readers.text import decode_counted

ANNOUNCEMENT = (
    "ประกาศกรมปศุสัตว์ เรื่อง ชะลอการนำเข้าหรือนำผ่านราชอาณาจักรซึ่งสุกร หมูป่า หรือซากสุกร ซากหมูป่า "
    "จากสาธารณรัฐอินเดีย พ.ศ. 2565 สืบเนื่องจากประกาศกรมปศุสัตว์ เรื่อง ชะลอการนำเข้าหรือนำผ่านราชอาณาจักร"
    "ซึ่งสุกร หมูป่า หรือซากสุกร ซากหมูป่า จากสาธารณรัฐอินเดีย พ.ศ. 2565 ลงวันที่ 18 กรกฎาคม 2565 "
    "ประกาศในราชกิจจานุเบกษา เมื่อวันที่ 8 สิงหาคม 2565 มีผลบังคับใช้เป็นเวลาเก้าสิบวัน ฉะนั้น อาศัยอำนาจ"
    "ตามความในมาตรา 31 แห่งพระราชบัญญัติโรคระบาดสัตว์ พ.ศ. 2558 อธิบดีกรมปศุสัตว์จึงออกประกาศไว้ ดังต่อไปนี้ "
    "ข้อ 1 ให้ชะลอการนำเข้า ประกาศ ณ วันที่ 4 พฤศจิกายน พ.ศ. 256 5 สรวิศ ธานีโต อธิบดีกรมปศุสัตว์ "
    "หน้า 3 เล่ม 139 ตอนพิเศษ 262 ง ราชกิจจานุเบกษา 7 พฤศจิกายน 2565"
)
ORDER = (
    "คำสั่งนายทะเบียน ที่ 61/2565 เรื่อง ให้บริษัทประกันภัยงดรับประกันภัยรถยนต์เพิ่มเติม ด้วยปรากฏว่า "
    "บริษัทมีฐานะการเงินไม่มั่นคง อาศัยอำนาจตามความในมาตรา 52 แห่งพระราชบัญญัติประกันวินาศภัย พ.ศ. 2535 "
    "นายทะเบียนจึงมีคำสั่งให้บริษัทงดรับประกันภัย ตั้งแต่บัดนี้เป็นต้นไป สั่ง ณ วันที่ 2 6 กันยา ยน พ.ศ. 2565 "
    "สุทธิพล ทวีชัยการ เลขาธิการ คณะกรรมการกำกับและส่งเสริมการประกอบธุรกิจประกันภัย นายทะเบียน"
)
FIELDS = ("doc_type", "subject", "doc_date", "signer_name", "signer_position")


def fields(record) -> tuple:
    return (record.doc_type, record.subject.value, record.doc_date.date.isoformat() if record.doc_date else None,
            record.signer.name, record.signer.position)


def read(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    records = process_file(path).records
    assert len(records) == 1
    return fields(records[0])


@pytest.mark.parametrize(("text", "expected"), [
    (ANNOUNCEMENT, ("announcement", "ชะลอการนำเข้าหรือนำผ่านราชอาณาจักรซึ่งสุกร หมูป่า หรือซากสุกร ซากหมูป่า "
                    "จากสาธารณรัฐอินเดีย พ.ศ. 2565", "2022-11-04", "สรวิศ ธานีโต", "อธิบดีกรมปศุสัตว์")),
    (ORDER, ("order", "ให้บริษัทประกันภัยงดรับประกันภัยรถยนต์เพิ่มเติม", "2022-09-26", "สุทธิพล ทวีชัยการ",
             "เลขาธิการ คณะกรรมการกำกับและส่งเสริมการประกอบธุรกิจประกันภัย นายทะเบียน")),
])
@pytest.mark.parametrize("seed", ["a", "b", "c", "d", "e", "f"])
def test_flat_and_wrapped_give_the_same_fields(tmp_path, text, expected, seed):
    assert read(tmp_path, "flat.txt", text) == expected
    assert read(tmp_path, f"wrapped-{seed}.txt", wrapped(text, seed)) == expected


def test_a_cited_subject_that_happens_to_begin_a_line_is_not_the_title(tmp_path):
    head = ("ประกาศกรมปศุสัตว์ เรื่อง ชะลอการนำเข้าหรือนำผ่านราชอาณาจักรซึ่งสุกร หมูป่า หรือซากสุกร\n"
            "ซากหมูป่า จากสาธารณรัฐอินเดีย พ.ศ. 2565 สืบเนื่องจากประกาศกรมปศุสัตว์\n"
            "เรื่อง ชะลอการนำเข้าหรือนำผ่านราชอาณาจักรซึ่งสุกร หมูป่า หรือซากสุกร ซากหมูป่า จากสาธารณรัฐอินเดีย\n")
    tail = ANNOUNCEMENT[ANNOUNCEMENT.index("พ.ศ. 2565 ลงวันที่"):]
    text = head + wrapped(tail, "tail")
    assert read(tmp_path, "cited.txt", text)[1] == ("ชะลอการนำเข้าหรือนำผ่านราชอาณาจักรซึ่งสุกร หมูป่า หรือซากสุกร "
                                                    "ซากหมูป่า จากสาธารณรัฐอินเดีย พ.ศ. 2565")


def test_the_running_head_before_the_page_changes_nothing(tmp_path):
    raw = ANNOUNCEMENT.replace("หน้า 3 เล่ม", "้ หนา 3 ่ เลม")
    moved = head_first(raw, "x")
    assert moved.startswith("้ หนา 3 ่ เลม 139 ตอนพิเศษ 262 ง ราชกิจจานุเบกษา 7 พฤศจิกายน 2565\nประกาศกรมปศุสัตว์")
    assert read(tmp_path, "head.txt", moved) == read(tmp_path, "foot.txt", raw)


def test_cp874_thai_with_stray_control_bytes_is_text():
    data = ("ประกาศกรมปศุสัตว์ เรื่อง การนำเข้า\x15สุกร\x13 " * 40).encode("cp874")
    text, encoding, _ = decode_counted(data)
    assert encoding == "cp874" and "ประกาศกรมปศุสัตว์" in text
