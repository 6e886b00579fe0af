"""Subject lines read by word frequency: OCR's lost marks and look-alikes put back, right text left alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from workbench.corpus.generate import generate

from pipeline.ocr.result import OcrResult
from pipeline.ocr.spell import (
    correct,
    correct_wrapped,
    edit_units,
    issuer_lines,
    postprocess,
    repairs,
    skeleton,
    subject_lines,
)
from pipeline.readers import read_file

ROOT = Path(__file__).resolve().parents[1]

FIXES = [
    # (what Tesseract gave, the subject as printed): seen on 300 dpi scans of generated letters
    ("แต่งตั้งคณะทำงานขับเคลื่อนการพัฒนาระบบบริหารจัดการข้อมูลของจงหวด",
     "แต่งตั้งคณะทำงานขับเคลื่อนการพัฒนาระบบบริหารจัดการข้อมูลของจังหวัด"),  # two ั lost; จง and หวด are words
    ("ชักข้อมแนวทางการดำเนินการป้องกันและแก้ไขปัญหาภัยแล้ง",
     "ซักซ้อมแนวทางการดำเนินการป้องกันและแก้ไขปัญหาภัยแล้ง"),  # ซ read as ช and as ข
    ("แต่งตั้งเจ้าหน้าที่รับถิดชอบงานสารบรรณอิเล็กทรอนิกส์",
     "แต่งตั้งเจ้าหน้าที่รับผิดชอบงานสารบรรณอิเล็กทรอนิกส์"),  # ผ read as ถ
    ("ความมั่นคงปลอดภัยไซเบอร์ของหน่วยงานของวัฐ", "ความมั่นคงปลอดภัยไซเบอร์ของหน่วยงานของรัฐ"),
    ("โครงการพัฒนาศักยภาพบุคลากร ประจำปงบประมาณ ๒๕๔๘", "โครงการพัฒนาศักยภาพบุคลากร ประจำปีงบประมาณ ๒๕๔๘"),
    ("มาตรการประหยัดพลังงานในหน่วยงานภาครัฐุ", "มาตรการประหยัดพลังงานในหน่วยงานภาครัฐ"),  # ฐ's tail read as ุ
    ("รับผิดชอบงานสารบรรณลอิเล็กทรอนิกส์", "รับผิดชอบงานสารบรรณอิเล็กทรอนิกส์"),  # the tail of ณ read as ล
    ("รับมือสถานการณ์อุทกภัยและดินโคลนลถล่ม", "รับมือสถานการณ์อุทกภัยและดินโคลนถล่ม"),
]

KEEP = [
    # printed right: subjects of real offices, names, loanwords in their own spelling
    "ซักซ้อมแนวทางการดำเนินการป้องกันและแก้ไขปัญหาภัยแล้ง",
    "แต่งตั้งนายสุรเชษฐ์ ชัยวงศ์ เป็นผู้รักษาราชการแทน",
    "ขอให้ตรวจสอบข้อเท็จจริงกรณีร้องเรียนของนางสมหญิง แก้วประเสริฐ",
    "มาตรการป้องกันการแพร่ระบาดของโรคติดเชื้อไวรัสโคโรนา ๒๐๑๙ (โควิด-๑๙)",
    "การประกวดผลิตภัณฑ์หนึ่งตำบลหนึ่งผลิตภัณฑ์ (โอทอป) ระดับจังหวัด",
    "ขออนุมัติเดินทางไปราชการ ณ โรงแรมเซ็นทาราแกรนด์ จังหวัดขอนแก่น",
    "การจัดงานเทศกาลไหมนานาชาติ ประเพณีผูกเสี่ยว และงานกาชาดจังหวัดขอนแก่น",
    "ขอรับการสนับสนุนงบประมาณโครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ ๗ บ้านโนนสะอาด",
    "แนวทางการปฏิบัติตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. ๒๕๖๒",
    "ขอเชิญชวนร่วมบริจาคโลหิตกับสภากาชาดไทย",
    "การใช้ระบบสารบรรณอิเล็กทรอนิกส์ (e-saraban) ของส่วนราชการ",
    "รายงานสถานการณ์อุทกภัยในพื้นที่อำเภอบางบัวทอง",
    "ซ้อมแผนป้องกันและบรรเทาสาธารณภัยด้านอัคคีภัย",
    "ขอให้ทุกคนละเว้นการจอดรถในบริเวณศาลากลาง",  # a real ล after น
    "รายงานผลการดำเนินงานลดลงจากปีที่ผ่านมา",
]


@pytest.mark.parametrize(("ocr", "printed"), FIXES)
def test_misreadings_are_put_back(ocr, printed):
    assert correct(ocr) == printed


@pytest.mark.parametrize("text", KEEP)
def test_right_text_is_left_alone(text):
    assert correct(text) == text


def test_every_repair_says_what_was_printed_where():
    (repair,) = repairs("ข้อมูลของจงหวด")
    assert (repair.start, repair.end, repair.printed, repair.word) == (9, 14, "จงหวด", "จังหวัด")


@pytest.mark.parametrize(("printed", "word", "units"), [
    ("จงหวด", "จังหวัด", 2.0),     # two marks lost
    ("อ้านวย", "อำนวย", 1.0),      # ำ read as ้า
    ("ถิด", "ผิด", 1.0),           # a look-alike letter
    ("เซ็นทารา", "เซนทารา", 1.5),  # a mark added costs more than one lost
    ("ท้อง", "ทอง", 2.5),          # a tone mark added, more again
    ("ขาด", "ขีด", float("inf")),  # a vowel letter for a mark: not an OCR edit
    ("กรม", "กรรม", float("inf")),  # a letter lost: not an OCR edit
])
def test_edit_units(printed, word, units):
    assert edit_units(printed, word) == units


def test_skeleton_forgets_marks_and_look_alikes():
    assert skeleton("ซักซ้อม") == skeleton("ชักข้อม") == skeleton("ชกชอม")
    assert skeleton("ขาด") != skeleton("ขีด")


def test_a_subject_wrapped_onto_the_next_line_is_read_as_one_text():
    lines = ["เรื่อง แนวทางการรักษาความมันคงปลอดภัยไซเบอร์ของหน่วยงานของ", "วัฐ"]
    assert correct_wrapped(lines) == ["เรื่อง แนวทางการรักษาความมั่นคงปลอดภัยไซเบอร์ของหน่วยงานของ", "รัฐ"]


@pytest.mark.parametrize(("lines", "expected"), [
    (["ที่ มท ๐๒๐๗/ว ๑", "เรื่อง การเตรียมความพร้อม", "ของจงหวด", "เรียน ผู้ว่าราชการจังหวัด"], [1, 2]),
    (["เรื่อง ขอเชิญประชุม", "เรียน นายอำเภอ", "ด้วยจงหวดได้รับแจ้ง"], [0]),
    (["คำสั่งจังหวัดชัยนาท", "เรื่อง แต่งตั้งคณะทำงาน", "ด้วยจังหวัดเห็นสมควร", "ให้ดำเนินการ"], [1]),
    (["ด้วยจงหวดได้รับแจ้ง", "(นายสมชาย ใจดี)"], []),
])
def test_subject_lines(lines, expected):
    assert subject_lines(lines) == expected


def test_only_subject_lines_are_corrected():
    """A body line or a signer's name is not the corrector's: names there would bend to common words."""
    text = "เรื่อง ข้อมูลของจงหวด\nเรียน ผู้ว่าราชการจังหวัด\nด้วยจงหวดได้รับแจ้ง\n(นายเลโกลัส ใจดี)"
    got = postprocess(None, OcrResult(text, ())).text.split("\n")
    assert got == ["เรื่อง ข้อมูลของจังหวัด", "เรียน ผู้ว่าราชการจังหวัด", "ด้วยจงหวดได้รับแจ้ง", "(นายเลโกลัส ใจดี)"]


def test_subjects_of_generated_letters_are_never_changed():
    """Every subject the corpus generator writes (120 letters of every kind) is printed right."""
    letters = generate(3, 120)
    subjects = {letter.truth["subject"] for letter in letters if letter.truth.get("subject")}
    assert len(subjects) > 20
    assert [s for s in subjects if correct(s) != s] == []


def test_shipped_samples_subject_lines_are_never_changed():
    texts = [read_file(p).raw_text for p in sorted((ROOT / "data" / "raw" / "txt").glob("*.txt"))]  # cp874 too
    assert texts
    for text in texts:
        lines = text.split("\n")
        for i in subject_lines(lines):
            assert correct(lines[i]) == lines[i]


ISSUER_FIXES = [
    ("เรียน อธการบดมหาวทยาลยราชภฎสุราษฎร์ธานี", "เรียน อธิการบดีมหาวิทยาลัยราชภัฏสุราษฎร์ธานี"),  # the recipient too
    # (an issuer's line as Tesseract read a worn scan, as printed)
    ("ส่วนราชการ   สำนักงานจังหวัดพัทลุง กลุ่มงานยุทธศาสตรและ", "ส่วนราชการ   สำนักงานจังหวัดพัทลุง กลุ่มงานยุทธศาสตร์และ"),
    ("ส่วนราชการ   สำนักงานอธิการบด มหาวัทยาลยราชภฎ", "ส่วนราชการ   สำนักงานอธิการบดี มหาวิทยาลัยราชภัฏ"),
    ("ที่ ทส ๐๖๑๐.๕/ว ๘๙๗๖          กรมทรพยากรน้ำ", "ที่ ทส ๐๖๑๐.๕/ว ๘๙๗๖          กรมทรัพยากรน้ำ"),
    ("ส่วนราชการ กองสาธารณสุขและ สิ่งแวัดล้อม", "ส่วนราชการ กองสาธารณสุขและ สิ่งแวดล้อม"),  # a mark added
    ("ที่ มค 0028.009/2962\n        สำนักงานสาธารณสุขจังหวัดมหาสารคาม\n        จงหวดมหาสารคาม 11130",
     "ที่ มค 0028.009/2962\n        สำนักงานสาธารณสุขจังหวัดมหาสารคาม\n        จังหวัดมหาสารคาม 11130"),  # the address
]


@pytest.mark.parametrize(("ocr", "printed"), ISSUER_FIXES)
def test_issuer_lines_are_corrected(ocr, printed):
    got = postprocess(None, OcrResult(ocr + "\nเรื่อง ขอเชิญประชุม", ())).text
    assert got.removesuffix("\nเรื่อง ขอเชิญประชุม") == printed


@pytest.mark.parametrize(("lines", "expected"), [
    (["ส่วนราชการ สำนักงานอธิการบด", "        นครสวรรค", "ที่ อว ๐๖๔๕.๒๗/๑๔๗๘  วันที่ ๑๐", "เรื่องการเตรียม"], [0, 1, 2]),
    (["ที่ อว ๐๖๕๕.๓๖/๖๖๒๖      มหาวิทยาลัยราชภัฏอุดรธานี", "       ถนนศรีจันทร์", "", "   จงหวดอุดรธานี",
      "   ๑๔ เมษายน ๒๕๖๖", "  ด้วยจงหวด"], [0, 1, 3]),
    (["       ประกาศกรมทรัพยากรน้ำ", "เรื่อง การใช้น้ำ", "ส่วนราชการ ในเนื้อความ"], [0]),  # nothing below เรื่อง
    (["เรียน ผู้ว่าราชการจังหวัด", "ที่ มท ๐๒๐๗/ว ๑"], []),
])
def test_issuer_lines(lines, expected):
    assert issuer_lines(lines) == expected


def test_issuers_of_generated_letters_and_agency_names_are_never_changed():
    """Every issuer and recipient the corpus generator writes, every agency name of the table and every
    province are printed right."""
    from pythainlp.corpus import provinces

    from extractors.ref_numbers import agency_table

    letters = generate(3, 120)
    issuers = {letter.truth[f] for letter in letters for f in ("issuer", "recipient") if letter.truth.get(f)}
    names = {row["name_th"] for row in agency_table().values()} | set(provinces())
    assert len(issuers) > 20 and len(names) > 90
    assert [s for s in issuers | names if correct(s) != s] == []
