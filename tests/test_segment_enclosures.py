"""Pages after a letter's signature: a schedule or a form is the letter's enclosure (no record of its
own, an ``enclosure`` issue); a page that begins a letter is a letter. Wording of real announcements."""

from pathlib import Path

import pytest

from pipeline.process import process_file
from pipeline.segment import segment

ANNOUNCEMENT = (
    "                 ประกาศคณะกรรมการบริหารพนักงานราชการ\n"
    "                    เรื่อง  ค่าตอบแทนของพนักงานราชการ\n                           พ.ศ. ๒๕๕๔\n\n"
    "        ข้อ ๑๓ ในกรณีที่จะให้ได้รับอัตราค่าตอบแทนแตกต่างไปจากที่กำหนดในประกาศนี้\n"
    "ให้ส่วนราชการเสนอคณะกรรมการพิจารณา\n        ทั้งนี้ ตั้งแต่ วันที่ ๑ มีนาคม ๒๕๕๔ เป็นต้นไป\n"
    "                    ประกาศ ณ วันที่ ๒๘ กุมภาพันธ์ ๒๕๕๔\n\n"
    "                    (นายสาทิตย์ วงศ์หนองเตย)\n                 รัฐมนตรีประจำสำนักนายกรัฐมนตรี\n"
    "              ประธานกรรมการบริหารพนักงานราชการ\n"
)
SCHEDULE = (
    "                         บัญชีกลุ่มงานบริการ\n                                          (บาท/เดือน)\n"
    "   ๑๓    ประกาศนียบัตรวิชาชีพเทคนิค (ปวท.)         บริการ/เทคนิค         ๗,๗๗๐\n"
    "   ๑๔    ประกาศนียบัตรวิชาชีพ (ปวช.) หรือประกาศนียบัตร      บริการ/เทคนิค    ๗,๐๑๐\n"
    "   แนบท้ายประกาศคณะกรรมการฯ เรื่อง ค่าตอบแทนของพนักงานราชการ พ.ศ. ๒๕๕๔ ลงวันที่ ๒๘ กุมภาพันธ์ ๒๕๕๔\n"
)
LETTER = (
    "ที่ ศธ ๐๔๐๒๕/๓๔๕๘                สำนักงานเขตพื้นที่การศึกษาประถมศึกษาขอนแก่น เขต ๑\n"
    "                       ๑๘ กันยายน ๒๕๖๐\nเรื่อง ขอเชิญร่วมประชุมสัมมนาทางวิชาการ\n"
    "เรียน ผู้บริหารโรงเรียนในสังกัดทุกโรงเรียน\n        จึงเรียนมาเพื่อพิจารณา\n"
    "                       ขอแสดงความนับถือ\n                 (นายจิรพงษ์ ไชยยศ)\n"
    "      รองผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาขอนแก่น เขต ๑\n"
)

CASES = [
    # (what, text, [(first line of each part, is an enclosure)])
    ("a schedule after the signature", ANNOUNCEMENT + "\f\n" + SCHEDULE,
     [("ประกาศคณะกรรมการบริหารพนักงานราชการ", False), ("บัญชีกลุ่มงานบริการ", True)]),
    ("a letter on the next page", LETTER + "\f\n" + LETTER,
     [("ที่ ศธ ๐๔๐๒๕/๓๔๕๘", False), ("ที่ ศธ ๐๔๐๒๕/๓๔๕๘", False)]),
    ("a letter whose ที่-line OCR lost: its เรื่อง and เรียน make it one",
     LETTER + "\f\n" + LETTER.replace("ที่ ศธ ๐๔๐๒๕/๓๔๕๘", "ทฑท อว ๘๑๑๕.๑ /๐๑๗๔"),
     [("ที่ ศธ ๐๔๐๒๕/๓๔๕๘", False), ("ทฑท อว ๘๑๑๕.๑ /๐๑๗๔", False)]),
    ("the acting line goes on over the page",
     LETTER + "\f\n                 รักษาราชการแทน ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาขอนแก่น เขต ๑\n"
     "กลุ่มอำนวยการ\nโทร ๐๔๓-๒๔๖๖๖๓-๕\n" + SCHEDULE.replace("บัญชี", "ตาราง"),
     [("ที่ ศธ ๐๔๐๒๕/๓๔๕๘", False)]),
    ("the principal goes on over the page, after the acting line",
     LETTER.rstrip("\n") + " รักษาราชการแทน\n\f\n"
     "              ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาขอนแก่น เขต ๑\nกลุ่มอำนวยการ\nโทร ๐๔๓-๒๔๖๖๖๓-๕\n"
     + SCHEDULE.replace("บัญชี", "ตาราง"),
     [("ที่ ศธ ๐๔๐๒๕/๓๔๕๘", False)]),
    ("... and after an acting phrase broken over two lines",
     LETTER.replace("      รองผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาขอนแก่น เขต ๑\n",
                    "             ผู้อำนวยการกองการเจ้าหน้าที่ ปฏิบัติ\n                        ราชการแทน\n")
     + "\f\n             อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\nสำนักบริหารการคลังท้องถิ่น\nโทร 0 5334 6871\n"
     + SCHEDULE.replace("บัญชี", "ตาราง"),
     [("ที่ ศธ ๐๔๐๒๕/๓๔๕๘", False)]),
    ("the rest of the contact block on the next page is no enclosure, and the letter after it is the next",
     LETTER + "สำนักงานป้องกันและบรรเทาสาธารณภัยจังหวัดราชบุรี\n\f\nฝ่ายปฏิบัติการ\nโทร ๐-๓๕๙๑-๐๒๔๖\n"
     "โทรสาร ๐ ๕๓๒๕ ๖๗๔๒\nไปรษณีย์อิเล็กทรอนิกส์ saraban50@moi.go.th\n"
     "ผู้ประสานงาน นายประเสริฐ ศรีวิชัย โทร. ๐-๔๓๐๐-๕๒๓๘\n\f\n" + ANNOUNCEMENT,
     [("ที่ ศธ ๐๔๐๒๕/๓๔๕๘", False), ("ประกาศคณะกรรมการบริหารพนักงานราชการ", False)]),
    ("specks on the next page are no enclosure", LETTER + "\f\n   ๆ ." + "\n",
     [("ที่ ศธ ๐๔๐๒๕/๓๔๕๘", False)]),
    ("a complete letter after a schedule is its own", ANNOUNCEMENT + "\f\n" + SCHEDULE + LETTER,
     [("ประกาศคณะกรรมการบริหารพนักงานราชการ", False), ("บัญชีกลุ่มงานบริการ", True),
      ("ที่ ศธ ๐๔๐๒๕/๓๔๕๘", False)]),
    ("no page break: the schedule stays with the letter (as printed on its page)", ANNOUNCEMENT + SCHEDULE,
     [("ประกาศคณะกรรมการบริหารพนักงานราชการ", False)]),
]


@pytest.mark.parametrize(("what", "text", "want"), CASES, ids=[c[0][:40] for c in CASES])
def test_enclosures(what, text, want):
    parts = segment(text)
    assert len(parts) == len(want)
    assert [(p.text.strip()[: len(first)], p.enclosure) for p, (first, _) in zip(parts, want, strict=True)] == want


def test_an_enclosure_is_reported_and_not_a_record(tmp_path: Path):
    path = tmp_path / "ประกาศ.txt"
    path.write_text(ANNOUNCEMENT + "\f\n" + SCHEDULE, encoding="utf-8")
    result = process_file(path)
    assert [r.signer.name for r in result.records] == ["สาทิตย์ วงศ์หนองเตย"]
    assert [p.code for p in result.problems if p.code == "enclosure"] == ["enclosure"]


def test_the_principal_over_the_page_is_the_signers():
    text = LETTER.replace("      รองผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาขอนแก่น เขต ๑\n",
                          "             ผู้อำนวยการกองการเจ้าหน้าที่ ปฏิบัติ\n                        ราชการแทน\n") + \
        "\f\n             อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\nสำนักบริหารการคลังท้องถิ่น\nโทร 0 5334 6871\n"
    from extractors.lines import split_lines
    from extractors.signature import signer

    s = signer(split_lines(segment(text)[0].text))
    assert (s.position, s.acting, s.acting_for) == ("ผู้อำนวยการกองการเจ้าหน้าที่", "ปฏิบัติราชการแทน",
                                                    "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น")


def test_letters_after_an_enclosure_are_counted_among_letters(tmp_path: Path):
    """The letter after a schedule is the file's second letter: segment 1 (its doc_id ends -1)."""
    parts = segment(ANNOUNCEMENT + "\f\n" + SCHEDULE + LETTER)
    assert [(p.index, p.enclosure) for p in parts] == [(0, False), (2, True), (1, False)]
    path = tmp_path / "ประกาศ.txt"
    path.write_text(ANNOUNCEMENT + "\f\n" + SCHEDULE + LETTER, encoding="utf-8")
    result = process_file(path)
    assert [(r.segment_index, r.doc_id[-2:]) for r in result.records] == [(0, "-0"), (1, "-1")]
