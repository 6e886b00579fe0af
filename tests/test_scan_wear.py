"""Scanned letters as another renderer's wear and real archives leave them: the keyword of the
salutation glued to its text, a cited ``ลงวันที่`` or a receipt stamp where the header's date is
unreadable, a ``ที่`` lost before the number, an acting phrase spaced apart, ``(`` of a name read as
``เ``, specks glued to numbers. The wording is that of real letters as Tesseract reads them.
"""

import datetime as dt

import pytest

from extractors.header import document_date, ref_line, subject
from extractors.lines import split_lines
from extractors.signature import acting_phrase, signer
from extractors.thai_dates import find_dates
from pipeline.ocr.repair.rules import repair

SUBJECTS = [
    # (header as OCR read it, the subject)
    ("ที่ อว ๐๖๑๗.๓๓/๔๒๖๘         วันที่ ๒๘ พฤษภาคม ๒๕๖๗\nเรื่องขอความร่วมมือสำรวจข้อมูลครัวเรือนผู้มีรายได้น้อย\n"
     "เรียนอธิการบดีมหาวิทยาลัยราชภัฏบุรีรัมย์\n          อนุสนธิหนังสือกรมการขนส่งทางบก\n",
     "ขอความร่วมมือสำรวจข้อมูลครัวเรือนผู้มีรายได้น้อย"),  # เรียน glued to the recipient
    ("เรื่อง การตรวจสอบทรัพย์สินประจำปีของหน่วยงาน\nเรียนผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษามหาสารคาม เขต ๑\n",
     "การตรวจสอบทรัพย์สินประจำปีของหน่วยงาน"),
    ("เรื่อง ขอความร่วมมือประชาสัมพันธ์การรับสมัคร\n        นักศึกษาภาคพิเศษ\nเรียน ผู้อำนวยการสำนักงาน\n",
     "ขอความร่วมมือประชาสัมพันธ์การรับสมัครนักศึกษาภาคพิเศษ"),  # a wrapped subject still joined
]


@pytest.mark.parametrize(("text", "want"), SUBJECTS)
def test_the_subject_ends_at_the_salutation(text, want):
    assert subject(split_lines(text)).value == want


DATES = [
    # (letter head as OCR read it, kind, the letter's date or None)
    ("บันทึกข้อความ\nส่วนราชการ สำนักงานจังหวัดพัทลุง\nที่ พท ๐๐๓๒.๑/๘๖๘๙          วันที่ ๒ ก.พ. ๒ ๕๖๔\n"
     "เรื่อง ขอความอนุเคราะห์\nเรียน ปลัดจังหวัดพัทลุง\n", "memo", dt.date(2021, 2, 2)),  # the year in two pieces
    ("บันทึกข้อความ\nส่วนราชการ กองสาธารณสุขและสิ่งแวดล้อม\n  สพ 51846/4215           วนท 13 เมษายน 2564\n"
     "เรื่อง ขอรับการสนับสนุนวิทยากร\n", "memo", dt.date(2021, 4, 13)),  # วันที่ with its marks lost
    # the header's date unreadable: the subject lost its เรื่อง, a cited ลงวันที่ in the body is not the date
    ("บันทึกข้อความ\nที่ พท ๐๐๓๒.๑/๘๖๘๙          วันที่ ๒ กุพ.\nเรืองขอความอนุเคราะห์ใช้สถานที่\nเรียนปลัดจังหวัดพัทลุง\n"
     "          อนุสนธิหนังสือตำรวจภูธรจังหวัดภูเก็ต ที่\nตช ๐๐๑๘.๑๔/๗๗๗๘ ลงวันที่ ๕ ธันวาคม ๒๕๖๓ เรื่อง ขอ\n",
     "memo", None),
    # a stamped letter whose closing date is unreadable: the body's ลงวันที่ is a cited letter's
    ("ที่  อว ๐๖๔๕.๒๗/๗๑๐๙\n   ถึง   ผู้อำนวยการสำนักงานอธิการบดี\n            ตามหนังสือจังหวัดสุราษฎร์ธานี\n"
     "   ลงวันที่ ๘ มีนาคม ๒๕๖๕ มหาวิทยาลัยได้แจ้ง\n            จึงแจ้งมาเพื่อทราบ\n\n"
     "                                 หาวิทยาลัย  [กูนครสวรรค์\n                                     ๑ ธ.\n",
     "stamped", None),
    ("ที่  อว ๐๖๔๕.๒๗/๗๑๐๙\n   ถึง   ผู้อำนวยการสำนักงานอธิการบดี\n            จึงแจ้งมาเพื่อทราบ\n\n"
     "                                 มหาวิทยาลัยราชภัฏนครสวรรค์\n                                     ๑๕@ ธันวาคม ๒๕๖๕\n",
     "stamped", dt.date(2022, 12, 15)),  # a speck after the day (the OCR repair takes it off)
    # a receipt stamp's date above an external letter whose own date line is unreadable
    ("                                   ฝ่ายบริหารทั่วไป\n                                   เลขรับ ๔๐๙๔๙\n"
     "                                   วันที่ ๒๓ มิ.ย. ๖๗\n                                   เวลา ๑๐.๓๐ น.\n"
     "ที่ อว ๐๖๔๕.๒๗/๗๑๐๙                 มหาวิทยาลัยราชภัฏนครสวรรค์\n                       ว มีนาคม พ.ศ.\n"
     "เรื่อง ขอเชิญประชุม\nเรียน คณบดี\n", "external", None),
    ("ที่ อว ๐๖๒๘.๐๒/๙๐๒๑       มหาวิทยาลัยราชภัฏเชียงใหม่\n        |                       ๒๑ สิงหาคม ๒๕๖๕\n"
     "เรื่อง ขออนุญาตให้ข้าราชการไปราชการ\n", "external", dt.date(2022, 8, 21)),  # a lone speck far before the date
    # an order whose signing line is unreadable: a date in its text is an effective or a cited one
    ("คำสั่งมหาวิทยาลัยราชภัฏบุรีรัมย์\nที่ ๙๓/๒๕๖๖\n        ทั้งนี้ ตั้งแต่วันที่ ๒๙ กรกฎาคม ๒๕๖๖ เป็นต้นไป\n"
     "             สงณานท ๑๓ กรกฎาคม พ ศุ   ๕๖๖\n", "order", None),
]


SIGNING_LINES = [
    # (an instrument's signing line as OCR read it, its kind, the date)
    ("1                      สั่ง ณ วันที่ 5 สิงหาคม พ.ศ. 2565\n", "order", dt.date(2022, 8, 5)),  # a speck far left
    ("ป ประกาศ ณ วันที่ ๙ กันยายน พ ศ. ๒๕๖๖\n", "announcement", dt.date(2023, 9, 9)),  # a lone letter, พ.ศ.'s dots lost
    ("ประกาศ ณวันที่ ๒๗ มีนาคม พ:ศ. ๒๕๖๗\n", "announcement", dt.date(2024, 3, 27)),  # a colon for a dot
    ("ประกาศ ณ วันท ๒๕ สิงหาคม ๒๕๖๗\n", "regulation", dt.date(2024, 8, 25)),  # วันที่'s marks lost
    ("ประกาศ ณ วันที่ ๑๗ซ กุมภาพันธ์ พ.ศ. ๒๕๖๗\n", "regulation", dt.date(2024, 2, 17)),  # a letter glued to the day
    ("ที่ อว ๐๖๔๕.๒๗/๑๔๗๘        วันท ๑๐ ม.ย. ๒๕๖๔\nเรื่อง การเตรียม\n", "memo", dt.date(2021, 6, 10)),  # มิ.ย.'s ิ lost
]


@pytest.mark.parametrize(("text", "kind", "want"), SIGNING_LINES)
def test_worn_signing_and_date_lines(text, kind, want):
    date, _ = document_date(split_lines(repair(text)), kind)
    assert (date.date if date else None) == want


def test_an_order_whose_title_was_lost_is_still_an_order():
    from extractors.header import doc_type

    text = "          เป็นไปด้วยความเรียบร้อย\n          สั่งณ วันที่ ๑๑ ธันวาคม พ.ศ. ๒๕๖๕\n"
    assert doc_type(split_lines(text)) == "order"
    assert doc_type(split_lines("          จึงประกาศให้ทราบ\n          ประกาศ ณ วันที่ ๑๑ ธันวาคม พ.ศ. ๒๕๖๕\n")) == "other"


@pytest.mark.parametrize(("text", "kind", "want"), DATES)
def test_the_letters_own_date(text, kind, want):
    date, _ = document_date(split_lines(repair(text)), kind)
    assert (date.date if date else None) == want


REFS = [
    # (header as OCR read it, the canonical number or None)
    ("บันทึกข้อความ\nส่วนราชการ กองสาธารณสุข\n  สพ 51846/4215           วนท 13 เมษายน 2564\nเรื่อง ขอรับ\n",
     "สพ 51846/4215"),  # ที่ lost before a known agency's whole number
    ("บันทึกข้อความ\n  สพ 51846/           วันที่ 13 เมษายน 2564\nเรื่อง ขอรับ\n", None),  # no serial: not taken
    ("บันทึกข้อความ\n  ขข 51846/4215           วันที่ 13 เมษายน 2564\nเรื่อง ขอรับ\n", None),  # no such agency
    ("เรื่อง ขอรับ\nเรียน นายก\n  สพ 51846/4215 ลงวันที่ ๓ มีนาคม ๒๕๖๔\n", None),  # in the body: a citation
    ("ที่ อว อว๐๖๑๗.๓๓/๘๔๔๐        วันที่ ๒๓ กรกฎาคม ๒๕๖๖\nเรื่อง การป้องกัน\n", "อว 0617.33/8440"),  # code read twice
    ("ซ่\nท อว ๐๖๑๗ฒญ.๓๓/๔๒๖๘         วันที่ ๒๘ พฤษภาคม ๒๕๖๗ญ\nเรื่อง ขอความร่วมมือ\n", "อว 0617.33/4268"),  # specks
]


@pytest.mark.parametrize(("text", "want"), REFS)
def test_the_letters_own_number(text, want):
    found = ref_line(split_lines(repair(text)))
    assert (found[1].canonical if found else None) == want


ACTING = [
    ("รองอธิการบดีฝ่ายบริหารปฏิ วัติราชการแทนอธิการบดีมหาวิทยาลัยราชภัฏบุรีรัมย์", "ปฏิบัติราชการแทน", 22),
    ("ปลัดเทศบาลเมืองสุพรรณบุรีปฏิบัติรา ชการแทนนายกเทศมนตรีเมืองสุพรรณบุรี", "ปฏิบัติราชการแทน", 25),
    ("รองผู้อำนวยการ รักษาราชการแทน", "รักษาราชการแทน", 15),
    ("ผู้อำนวยการกองปฏิวัติ", None, None),  # no acting phrase
]


@pytest.mark.parametrize(("text", "phrase", "start"), ACTING)
def test_acting_phrase(text, phrase, start):
    found = acting_phrase(text)
    assert (found[2], found[0]) == (phrase, start) if phrase else found is None


CLOSE = "        จึงเรียนมาเพื่อโปรดพิจารณา\n                                      ขอแสดงความนับถือ\n\n"
SIGNERS = [
    # (signature block as OCR read it, (title, name, position, acting, acting_for))
    (CLOSE + "                                   (นางสาวธีดารัตน์ ปัญญาดี) ก.\n"
     "                                    ผู้ว่าราชการจังหวัดราชบุรี\n",
     ("นางสาว", "ธีดารัตน์ ปัญญาดี", "ผู้ว่าราชการจังหวัดราชบุรี", "", "")),  # a speck after ")"
    (CLOSE + "                                     . (นายวรวุฒิ ดวงแก้ว) .\n"
     "                                  นายกเทศมนตรีเมืองสุพรรณบุรี\n",
     ("นาย", "วรวุฒิ ดวงแก้ว", "นายกเทศมนตรีเมืองสุพรรณบุรี", "", "")),
    (CLOSE + "      5                             ผู 5-:                       เนางวรรณภา สายบุญ)\n"
     "                                                          อธิการบดีมหาวิทยาลัยราชภัฏอุดรธานี\n",
     ("นาง", "วรรณภา สายบุญ", "อธิการบดีมหาวิทยาลัยราชภัฏอุดรธานี", "", "")),  # "(" read as เ, a stroke before
    (CLOSE + "                                  เผศ.ตร.กนกวรรณ บุญมาก)\n"
     " ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาบึงกาฬ เขต 2\n",
     ("", "", "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาบึงกาฬ เขต 2", "", "")),  # ดร. read as ตร.: the name
    # would start with a title's remains, left empty; the position under it, wider than the column, is read
    # a name lost under the stroke: the position below it is still the signer's
    ("          สั่ง ณ วันที่ ๑๓ มิถุนายน พ.ศ. ๒๕๖๔\n\n                                  เก ศรีวิชัย)\n"
     "                               ปลัดจังหวัดราชบุรี ปฏิบัติราชการแทน\n"
     "                                     ผู้ว่าราชการจังหวัดราชบุรี\n",
     ("", "", "ปลัดจังหวัดราชบุรี", "ปฏิบัติราชการแทน", "ผู้ว่าราชการจังหวัดราชบุรี")),
    (CLOSE + "                                2 0 น\n                                คณบดีคณะวิทยาการจัดการ\n",
     ("", "", "คณบดีคณะวิทยาการจัดการ", "", "")),
    ("          ประกาศ ณ วันที่ ๒๑ พฤศจิกายน พ.ศ. ๒๕๖๕\n\n                                    รองอธิการบดีฝ่ายวิชาการ\n"
     "              ปฏิบัติราชการแทนอธิการบดีมหาวิทยาลัยราชภัฏบุรีรัมย์\n",
     ("", "", "รองอธิการบดีฝ่ายวิชาการ", "ปฏิบัติราชการแทน", "อธิการบดีมหาวิทยาลัยราชภัฏบุรีรัมย์")),
    (CLOSE + "                              (นายวรวุฒิ  อ่อนละมัย)\n                            ผู้ว่าราชการจังหวัดสมุทรปราการ\n",
     ("นาย", "วรวุฒิ อ่อนละมัย", "ผู้ว่าราชการจังหวัดสมุทรปราการ", "", "")),  # OCR's double space
    # a name stamped in ink read twice (print and colour layer), a blank line before the position
    ("         ประกาศ ณวันที่ 24 มิถุนายน พ.ศ. 2567\n\n                              (นางสุนิสา นาคลวัสดิ์)\n"
     "                              (นางสุนิสา นาคสวัสดิ์)\n\n  รองอธิบดีกรมส่งเสริมการปกครองท้องถิ่น ปฏิบัติราชการแทน\n"
     "                      อธิบดีกรมส่งเสริมการปกครองท้องถิ่น\n",
     ("นาง", "สุนิสา นาคลวัสดิ์", "รองอธิบดีกรมส่งเสริมการปกครองท้องถิ่น", "ปฏิบัติราชการแทน",
      "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น")),  # neither reading listed: the first kept
    (CLOSE + "                              (นายสมศักดิ์ ใจดิ)\n                              (นายสมศักดิ์ ใจดี)\n"
     "                              ผู้อำนวยการกองคลัง\n", ("นาย", "สมศักดิ์ ใจดี", "ผู้อำนวยการกองคลัง", "", "")),
    (CLOSE + "                              (นายสมศักดิ์ ใจดี)\n\n                              เรียน ผอ.\n",
     ("นาย", "สมศักดิ์ ใจดี", "", "", "")),  # after the gap, minutes are no position
    # a post's field in brackets under it is the position's, not a name; a speck line inside the block
    (CLOSE + "                      (นายศุภชัย กาญจนวงศ์)\n                       นายแพทย์เชี่ยวชาญ\n"
     "                      (ด้านเวชกรรมป้องกัน)\n                       ปฏิบัติราชการแทน\n"
     "                 นายแพทย์สาธารณสุขจังหวัดลำพูน\n",
     ("นาย", "ศุภชัย กาญจนวงศ์", "นายแพทย์เชี่ยวชาญ (ด้านเวชกรรมป้องกัน)", "ปฏิบัติราชการแทน", "นายแพทย์สาธารณสุขจังหวัดลำพูน")),
    (CLOSE + "                                  นายแพทย์เชี่ยวชาญ\n                                 (ด้านเวชกรรมป้องกัน)\n"
     "      ปฏิบัติราชการแทนนายแพทย์สาธารณสุขจังหวัดมหาสารคาม\n\n      สำนักงานสาธารณสุขจังหวัดมหาสารคาม\n",
     ("", "", "นายแพทย์เชี่ยวชาญ (ด้านเวชกรรมป้องกัน)", "ปฏิบัติราชการแทน", "นายแพทย์สาธารณสุขจังหวัดมหาสารคาม")),
    (CLOSE + "                              (นายทวีศักดิ์ วิเศษศักดิ์)\n    รองผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษา\n"
     "                     พระนครศรีอยุธยา เขต ๒\n                                  =\n                                ปฏิบัติราชการแทน\n"
     "      ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาพระนครศรีอยุธยา เขต ๒\n",
     ("นาย", "ทวีศักดิ์ วิเศษศักดิ์", "รองผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาพระนครศรีอยุธยา เขต ๒",
      "ปฏิบัติราชการแทน", "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาพระนครศรีอยุธยา เขต ๒")),
    # the position line's marks lost: only the acting line is read
    ("          จึงเรียนมาเพื่อโปรดทราบ\n\n                                 นกวชาการสาธารณสุขเชียวชาญ\n"
     "                    ปฏิบัติราชการแทนนายแพทย์สาธารณสุขจังหวัดร้อยเอ็ด\n",
     ("", "", "", "ปฏิบัติราชการแทน", "นายแพทย์สาธารณสุขจังหวัดร้อยเอ็ด")),
    # no position then: a stamped letter's agency and date, a contact block, minutes
    ("            จึงแจ้งมาเพื่อทราบ\n                                 มหาวิทยาลัยราชภัฏนครสวรรค์\n"
     "                                     ๑๕ ธันวาคม ๒๕๖๕\n   คณะมนุษยศาสตร์และสังคมศาสตร์\n   โทร. ๐-๖๖๘๒-๔๙๖๑\n",
     ("", "", "", "", "")),
    (CLOSE + "\nกลุ่มส่งเสริมการจัดการศึกษา\nหัวหน้ากลุ่มงานบริหาร\n", ("", "", "", "", "")),
    (CLOSE + "                         เรียน ผอ.\n                         หัวหน้างานสารบรรณ\n", ("", "", "", "", "")),
    (CLOSE + "                                   (นายภานุวัฒน์ ศรีวิชัย)\n"
     "                                   รองอธิการบดีฝ่ายบริหาร\n"
     "                     ปฏิบัติรา ชการแทนอธิการบดีมหาวิทยาลัยราชภัฏอุดรธานี\n",
     ("นาย", "ภานุวัฒน์ ศรีวิชัย", "รองอธิการบดีฝ่ายบริหาร", "ปฏิบัติราชการแทน", "อธิการบดีมหาวิทยาลัยราชภัฏอุดรธานี")),
    (CLOSE + "                                    (นายบุญเลิศ ประทุมทอง)\n                                   รองผู้อำนวยการสำนักงาน\n"
     "                         เขตพื้นที่การศึกษาประถมศึกษาบึงกาฬ เขต ๒\n"
     "  ปฏิบัติราชการแทนผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษา\n                            บึงกาฬ เขต ๒\n\n"
     "กลุ่มส่งเสริมการจัดการศึกษา\n",
     ("นาย", "บุญเลิศ ประทุมทอง", "รองผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาบึงกาฬ เขต ๒", "ปฏิบัติราชการแทน",
      "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาบึงกาฬ เขต ๒")),  # the acting line wider than the column
    # the name lost under the stroke; the rest of a line cut short on สำนักงาน set further left, wider
    (CLOSE + "\n                              รองผู้อำนวยการสำนักงาน\n"
     "             เขตพื้นที่การศึกษาประถมศึกษานครนายก  เขต ๑\n"
     "   รักษาราชการแทนผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา\n                  ประถมศึกษานครนายก\n"
     "                                      เขต ๑\n\n กลุ่มบริหารงานบุคคล\nโทร. ๐-๖๑๘๐-๘๓๐๒\n",
     ("", "", "รองผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษานครนายก เขต ๑", "รักษาราชการแทน",
      "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษานครนายก เขต ๑")),
    # blank lines the scan put inside lines cut short (…สำนักงาน, …รักษาราชการแทน), the principal back at the margin
    ("                            สั่ง ณ วันที่ 16 มกราคม พ.ศ. 2564\n\n\n                                   (นางปวีณา  ดวงแก้ว)\n\n"
     "                                 รองผู้อำนวยการสำนักงาน\n\n     เขตพื้นที่การศึ\n"
     "                  กษาประถมศึกษาภูเก็ต เขต 1 รักษาราชการแทน\n\n"
     "  ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาภูเก็ต เขต 1\n\nเรียนบ หห๐\n",
     ("นาง", "ปวีณา ดวงแก้ว", "รองผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาภูเก็ต เขต 1", "รักษาราชการแทน",
      "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาภูเก็ต เขต 1")),
    (CLOSE + "                                   (นายภานุวัฒน์ ศรีวิชัย)\n"
     "                                   จิงญ่: ปล เวัญ ว - อธิการบดี\n",
     ("นาย", "ภานุวัฒน์ ศรีวิชัย", "", "", "")),  # a position line of specks and strokes is left empty
]


@pytest.mark.parametrize(("text", "want"), SIGNERS)
def test_signer_blocks_of_worn_scans(text, want):
    s = signer(split_lines(text))
    assert (s.title, s.name, s.position, s.acting, s.acting_for) == want


REPAIRS = [
    # a letter glued after a serial is a speck from จ on (a real suffix runs ก, ข, ค, ง); ธ read as อ5
    ("ที่ กพ๐๐๓๒.๓/๓๗๓๖ท                 ศาลากลางจังหวัดกำแพงเพชร", "ที่ กพ๐๐๓๒.๓/๓๗๓๖                 ศาลากลางจังหวัดกำแพงเพชร"),
    ("ตามหนังสือ ที่ ศธ 04235/416อ ลงวันที่ 20 พฤษภาคม 2564", "ตามหนังสือ ที่ ศธ 04235/416 ลงวันที่ 20 พฤษภาคม 2564"),
    ("ที่ มท ๐๘๐๘/๑๒๓ก ลงวันที่", "ที่ มท ๐๘๐๘/๑๒๓ก ลงวันที่"),
    ("ที่ ศอ5 ๐๔๒๓๕ /๔๑๖จ", "ที่ ศธ ๐๔๒๓๕ /๔๑๖"),
    ("อางถง หนงสอสำนักงานเขตพื้นที่การศึกษา", "อ้างถึง หนงสอสำนักงานเขตพื้นที่การศึกษา"),  # both marks of the label lost
    # zeros read as Latin o: a unit number, a cited date's day
    ("ที่ มค oo28.oo9/ 2962", "ที่ มค 0028.009/ 2962"),
    ("ที่ 169/2564 ลงวันที่\n  1o พฤศจิกายน 2564 เรื่อง", "ที่ 169/2564 ลงวันที่\n  10 พฤศจิกายน 2564 เรื่อง"),
    ("ที่  ศ8 ๐๔๐๓๔/ว๖๒๗๗", "ที่  ศธ ๐๔๐๓๔/ว๖๒๗๗"),  # ธ read as 8
    ("สั่ง ณ วันที่ ๑๗ฒ กุมภาพันธ์ พ.ศ. ๒๕๖๗ฒ", "สั่ง ณ วันที่ ๑๗ กุมภาพันธ์ พ.ศ. ๒๕๖๗"),
    ("โทร. ๐ ๔๒๐๗ฒ ๙๗๒๕", "โทร. ๐ ๔๒๐๗ ๙๗๒๕"),
    ("ที่ อว อว๐๖๑๗.๓๓/๘๔๔๐", "ที่ อว๐๖๑๗.๓๓/๘๔๔๐"),
    ("วันที่ ๒ กุพ. ๒ ๕๖๔", "วันที่ ๒ ก.พ. ๒๕๖๔"),
    ("                     ๑๕@ ธันวาคม ๒๕๖๕", "                     ๑๕ ธันวาคม ๒๕๖๕"),
    ("            ทฑท อว ๘๑๑๕.๑ /๐๑๗๔", "            ที่ อว ๘๑๑๕.๑ /๐๑๗๔"),  # ที่ read as three look-alike letters
    ("ที่ ทส อ๐๖๑๐.๕/ว ๘๙๗๖", "ที่ ทส ๐๖๑๐.๕/ว ๘๙๗๖"),
    # left alone: a word after a number, a code-like word repeated, a count after a split-looking number
    ("จำนวน ๑๒ฐาน ๕ ฐานข้อมูล", "จำนวน ๑๒ฐาน ๕ ฐานข้อมูล"),
    ("นา นา ๒ ไร่", "นา นา ๒ ไร่"),
    ("ทองท อว ๘๑๑๕.๑ /๐๑๗๔", "ทองท อว ๘๑๑๕.๑ /๐๑๗๔"),  # a word before the number is no label
    ("ที่ ขอว ๐๖๔๓.๐๖/๓๐๘", "ที่ อว ๐๖๔๓.๐๖/๓๐๘"),  # a speck read as a letter before the code
    ("จำนวน ๑๐ ราย ๒ ๕๖๔ คน", "จำนวน ๑๐ ราย ๒ ๕๖๔ คน"),
]


@pytest.mark.parametrize(("raw", "fixed"), REPAIRS)
def test_specks_and_split_numbers(raw, fixed):
    assert repair(raw) == fixed


def test_a_year_whose_first_digit_stands_apart_is_read_whole():
    assert [d.date for d in find_dates("ลงวันที่ ๒ ก.พ. ๒ ๕๖๔")] == [dt.date(2021, 2, 2)]
    assert find_dates("ลงวันที่ ๒ ก.พ. ๒ ๔๖๔") == []  # only a 25xx year is joined: ๒๔๖๔ needs no split reading


STAMP_ABOVE = ("                               ฝ่ายบริหารทั่วไป\n                               เลขรับ  . 2222 --\n"
               "                               วันที่ . 2o มี.ค. 6ๆ\n                                   22 ห.\n\n")
KINDS = [
    # (head as OCR read it, its kind)
    (STAMP_ABOVE + "       ' ประกาศมหาวิทยาลัยราชภัฏสุราษฎร์ธานี\n    เรื่อง กำหนดวันหยุดราชการประจำปี\n", "announcement"),
    (STAMP_ABOVE + "                คำสั่งเทศบาลเมืองสุพรรณบุรี\n                      ที่ ๔๖๗/๒๕๖๖\n", "order"),
    ("ต๊-\n\n                คำสั่งเทศบาลเมืองสุพรรณบุรี\n                      ที่ ๔๖๗/๒๕๖๖\n", "order"),  # specks above
    # three lines of text above: a letter that cites an order, not the order itself
    ("ที่ อว ๐๖๑๗.๓๓/๘๔๔๐\nมหาวิทยาลัยราชภัฏบุรีรัมย์\nถนนจิระ อำเภอเมือง\nคำสั่งเทศบาลเมืองสุพรรณบุรี\n"
     "เรื่อง ขอเชิญประชุม\nเรียน คณบดี\n", "external"),
    ("- ประกาศมหาวิทยาลัย\nเรื่อง ขอเชิญประชุม\nเรียน คณบดี\n", "external"),  # a list's dash is no speck
]


@pytest.mark.parametrize(("text", "kind"), KINDS)
def test_a_title_under_a_receipt_stamp_or_specks(text, kind):
    from extractors.header import doc_type

    assert doc_type(split_lines(text)) == kind


ISSUERS = [
    ("ที่ ทส อ๐๖๑๐.๕/ว ๘๙๗๖ฒอว            กรมทรัพยากรน้ำ\n                                    ถนนเจริญเมือง\n"
     "                            ๙ ธันวาคม ๒๕๖๕\nเรื่อง ขอความอนุเคราะห์\n", "ทส 0610.5/ว 8976", "กรมทรัพยากรน้ำ ถนนเจริญเมือง"),
    ("ที่ อว ๐๖๒๘.๐๒/๙๐๒๑ฯ       มหาวิทยาลัยราชภัฏเชียงใหม่\n                                   ถนนสุขุมวิท อำเภอเมือง\n"
     "                                ๒๑ สิงหาคม ๒๕๖๕\nเรื่อง ขออนุญาต\n", "อว 0628.02/9021",
     "มหาวิทยาลัยราชภัฏเชียงใหม่ ถนนสุขุมวิท อำเภอเมือง"),  # specks glued to the serial, then the gap
    # a ghost of the office's first letters beside it (a seal, the scanner's second pass), skipped
    ("           ที่ อว ๐๖๕๕.๓๖/๖๖๒๖              มหาวิทยาลัยราชภัฏอุดรธานี\n                                           . มหาวิทยา\n"
     "                                              ถนนศรีจันทร์ อำเภอเมือง\n                                      ๑๔ เมษายน ๒๕๖๖\n"
     "           เรื่อง    ขอรับ\n", "อว 0655.36/6626", "มหาวิทยาลัยราชภัฏอุดรธานี ถนนศรีจันทร์ อำเภอเมือง"),
    ("ที่ ลบ ๐๐๑๗.๓/๕๖๑๒                 ศาลากลางจังหวัดลพบุรี\n                                      . ศาลาเ\n"
     "                                      ถนนราชดำเนิน ลพบุรี ๖๖๑๓๐\n                         ๒๓ ธันวาคม ๒๕๖๔\nเรื่อง ขอเชิญ\n",
     "ลบ 0017.3/5612", "ศาลากลางจังหวัดลพบุรี ถนนราชดำเนิน ลพบุรี ๖๖๑๓๐"),  # its last letter misread
    # the number line read twice (once alone, once with the ghost), zeros read as Latin o
    ("ที่ มค 0028.009/ 2962\nที่ มค oo28.oo9/ 2962 . สำนักง\n                                     สำนักงานสาธารณสุขจังหวัด\n"
     "มหาสารคาม\n                                     ถนนสุขุมวิท อำเภอเมือง\n                          7 เมษายน 2564\n"
     " เรื่อง   แนวทาง\n", "มค 0028.009/2962", "สำนักงานสาธารณสุขจังหวัดมหาสารคาม ถนนสุขุมวิท อำเภอเมือง"),  # the name goes on over its line
    # ธ of ศธ read as 8
    ("ที่  ศ8 ๐๔๐๓๔/ว๖๒๗๗           สำนักงานเขตพื้นที่การศึกษา\nประถมศึกษาบึงกาฬ เขต ๒\n"
     "                              ถนนสุขุมวิท อำเภอเมืองบึงกาฬ\n                        ๒๒ ธันวาคม ๒๕๖๔\nเรื่อง  แนวทาง\n",
     "ศธ 04034/ว 6277", "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาบึงกาฬ เขต ๒ ถนนสุขุมวิท อำเภอเมืองบึงกาฬ"),
    # the ghost on the ที่ line, as a whole word again or before the office
    ("ที่ ศก 0018.2/ว 163 . ศาลากลางจังหวัดศรีสะเกษ\n                                 ศาลากลางจังหวัดศรีสะเกษ\n"
     "                                 ถนนสุขุมวิท ศรีสะเกษ 51000\n                            12 กรกฎาคม พ.ศ. 2566\n"
     " เรื่อง การเบิก\n", "ศก 0018.2/ว 163", "ศาลากลางจังหวัดศรีสะเกษ ถนนสุขุมวิท ศรีสะเกษ 51000"),
    ("ที่ ศธ 04235/416     ก. สำนัก: สำนักงานเขตพื้นที่การศึกษา\nประถมศึกษาพระนครศรีอยุธยา เขต 2\n"
     "                                 ถนนเจริญเมือง\n                  ๒๐ พฤษภาคม ๒๕๖๔\nเรื่อง ขอ\n", "ศธ 04235/416",
     "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาพระนครศรีอยุธยา เขต 2 ถนนเจริญเมือง"),
    ("ที่ อว ๐๖๕๕.๓๖/๖๖๒๖     มหาวิทยาลัยราชภัฏอุดรธานี\n                 . ถนนศรีจันทร์ อำเภอเมือง\n"
     "                                      ๑๔ เมษายน ๒๕๖๖\nเรื่อง ขอรับ\n", "อว 0655.36/6626",
     "มหาวิทยาลัยราชภัฏอุดรธานี ถนนศรีจันทร์ อำเภอเมือง"),  # a lone speck before a line's first letter: taken off
]


@pytest.mark.parametrize(("text", "ref", "issuer"), ISSUERS)
def test_the_address_block_beside_a_worn_number(text, ref, issuer):
    from extractors.header import document_date
    from extractors.header import issuer as issuer_of

    lines = split_lines(repair(text))
    _, date_index = document_date(lines, "external")
    assert (ref_line(lines)[1].canonical, issuer_of(lines, "external", date_index).value) == (ref, issuer)


MORE_KINDS = [
    # a stamp whose rows OCR damaged beyond its words, then a title with its number under it
    ("                               เจอรริศารฑัวไนป\n                               เลยับ       ๓๐๕ต\n"
     "                               วัณที่\n\n                               ต๊-\n\n"
     "                คำสั่งเทศบาลเมืองสุพรรณบุรี\n                      ที่ ๔๖๗/๒๕๖๖\n"
     "          เรื่อง  แต่งตั้งคณะกรรมการสอบข้อเท็จจริง\n", "order"),
    # a body that opens before it: the order is cited
    ("มหาวิทยาลัยราชภัฏบุรีรัมย์ขอเรียนว่า\nการประชุมครั้งนี้\nมีวาระสำคัญ\n      ตามที่มหาวิทยาลัยได้แจ้ง\n"
     "คำสั่งเทศบาลเมืองสุพรรณบุรี\nที่ ๔๖๗/๒๕๖๖\n", "other"),
]


@pytest.mark.parametrize(("text", "kind"), MORE_KINDS)
def test_a_title_with_its_number_under_a_worn_stamp(text, kind):
    from extractors.header import doc_type

    assert doc_type(split_lines(text)) == kind


def test_a_contact_unit_on_the_next_page_is_not_the_position():
    text = ("          จึงเรียนมาเพื่อโปรดพิจารณาอนุมัติ\n\n                                 (นายประพันธ์ เจริญผล)\n"
            "                                ผู้อำนวยการกองแผนงาน\n\f\n                                            กลุ่มงานอำนวยการ")
    assert signer(split_lines(text)).position == "ผู้อำนวยการกองแผนงาน"


def test_a_position_wrapped_over_a_page_break_goes_on():
    text = ("          จึงเรียนมาเพื่อโปรดพิจารณา\n\n                                 (นายสมชาย ใจดี)\n"
            "                                ผู้ว่าราชการจังหวัด\n\f\n                                เพชรบูรณ์")
    assert signer(split_lines(text)).position == "ผู้ว่าราชการจังหวัดเพชรบูรณ์"


TAILS = [
    ("เรื่อง มอบหมายให้ข้าราชการปฏิบัติหน้าที่เวรรักษาการณ์ = “2 2 2\n\n", "มอบหมายให้ข้าราชการปฏิบัติหน้าที่เวรรักษาการณ์"),
    ("เรื่อง รายชื่อผู้มีสิทธิเข้ารับการประเมินสมรรถนะ ====๒===ๆ๒๑===\n\n", "รายชื่อผู้มีสิทธิเข้ารับการประเมินสมรรถนะ"),
    ("เรื่อง แต่งตั้งเจ้าหน้าที่ผู้รับผิดชอบข้อมูลข่าวสารของราชการ\n                          0สอ\n\n",
     "แต่งตั้งเจ้าหน้าที่ผู้รับผิดชอบข้อมูลข่าวสารของราชการ"),
    # what a subject may end with stays
    ("เรื่อง การประชุมครั้งที่ ๑/๒๕๖๗\n\n", "การประชุมครั้งที่ ๑/๒๕๖๗"),
    ("เรื่อง ขอเชิญร่วมโครงการ “ยกระดับมาตรฐานสินค้า”\n\n", "ขอเชิญร่วมโครงการ “ยกระดับมาตรฐานสินค้า”"),
    ("เรื่อง ประชาสัมพันธ์ปีงบประมาณ พ.ศ. ๒๕๖๖\n\n", "ประชาสัมพันธ์ปีงบประมาณ พ.ศ. ๒๕๖๖"),
]


@pytest.mark.parametrize(("text", "want"), TAILS)
def test_specks_after_a_subject(text, want):
    assert subject(split_lines(text)).value == want


ORDER_UNSIGNED = ("     คำสั่งสำนักงานเขตพื้นที่การศึกษาประถมศึกษาสกลนคร เขต ๒\n                            ที่ ๙๓/๒๕๖๖\n"
                  "      เรื่อง แต่งตั้งเจ้าหน้าที่ผู้รับผิดชอบข้อมูลข่าวสารของราชการ\n\n"
                  "             เพื่อให้การปฏิบัติราชการเป็นไปด้วยความเรียบร้อย\n"
                  "             สงณานท ๑๓ กรกฎาคม พ ศุ   ๕๖๖\n\n                                          ยวรวุฒ ปญญาต)\n"
                  "     รองผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาสกลนคร เขต\n")
SPLITS = [
    # (document text, letters' first lines): the signing line and the name unreadable, a titled title heads page 2
    (ORDER_UNSIGNED + "\f\n                                        สำนักงานเลขานุการ\n"
     "                   ประกาศเทศบาลเมืองสุพรรณบุรี\n      เรื่อง รับสมัครบุคคลเพื่อเลือกสรรเป็นพนักงานราชการทั่วไป\n"
     "             ด้วยเทศบาลเมืองสุพรรณบุรีเห็นสมควรประกาศรับสมัคร\n",
     ["คำสั่งสำนักงานเขตพื้นที่การศึกษาประถมศึกษาสกลนคร เขต ๒", "ประกาศเทศบาลเมืองสุพรรณบุรี"]),
    # page 2 of the same order goes on with a paragraph that names an announcement: one letter
    (ORDER_UNSIGNED.replace("             สงณานท", "\f\n             ประกาศกระทรวงมหาดไทยที่กล่าวแล้ว ให้ถือปฏิบัติ\n"
                            "             สงณานท"), ["คำสั่งสำนักงานเขตพื้นที่การศึกษาประถมศึกษาสกลนคร เขต ๒"]),
    # a signed letter, then a page whose memo title is damaged under a receipt stamp: its ส่วนราชการ begins a letter
    ("บันทึกข้อความ\nส่วนราชการ สำนักงานจังหวัดพัทลุง\nที่ พท ๐๐๓๒.๑/๘๖๘๙ วันที่ ๒ ก.พ. ๒๕๖๔\nเรื่อง ขอความอนุเคราะห์\n"
     "เรียน ปลัดจังหวัด\n     จึงเรียนมาเพื่อโปรดทราบ\n\n                 (นายพงษ์ศักดิ์ แก้วประเสริฐ)\n"
     "                 ผู้ว่าราชการจังหวัดพัทลุง\n\f\n                              สำนักงา” กนเลขานุการาร\n"
     "                              เลวีง] เนน        5 7 5\n                                ๔:    ๑๘ เห\n แล\n"
     "                     บันทึกซื้อ\n\nส่วนราชการ   สำนักงานอธิการบด มหาวัทยาลยราชภฎ\n        นครสวรรค\n"
     "ที่ อว ๐๖๔๕.๒๗/๑๔๗๘        วันท ๑๐ ม.ย. ๒๕๖๔\nเรื่องการเตรียมความพร้อมรับมือสถานการณ์อุทกภัย\n",
     ["บันทึกข้อความ", "สำนักงา” กนเลขานุการาร"]),
]


@pytest.mark.parametrize(("text", "firsts"), SPLITS)
def test_letters_of_one_scanned_file(text, firsts):
    from pipeline.segment import segment

    letters = [x for x in segment(text) if not x.enclosure]
    assert [x.text.strip().split("\n")[0].strip() for x in letters] == firsts


CITED = [
    # (body as OCR read it, [(number, date)])
    ("อ้างถึง    หนังสือจังหวัดกำแพงเพชร ที่ กพ๐๐๓๒.๓/๓๗๓๖» ลงวันที่\n        ๑๙ สิงหาคม ๒๕๖๔\n",
     [("กพ 0032.3/3736", "2021-08-19")]),  # a speck between the number and ลงวันที่
    ("และหนังสือกรมทรัพยากรน้า ที่ ทส ๐ ๖๑๐ . ๕ / ว ๘๙๗๖ ลงวันที่ ๙\nธันวาคม ๒๕๖๕ ความละเอียดแจ้งแล้ว นั้น\n",
     [("ทส 0610.5/ว 8976", "2022-12-09")]),  # the number's digits read apart
    ("และหนังสือจังหวัดขอนแก่น     ฑ     ขก\n0020 . 9 / 11 81 ลงวันที่ 26 กันยายน 2566 ความละเอียดแจ้งแล้ว\n",
     [("ขก 0020.9/1181", "2023-09-26")]),
    # a serial that runs on past a speck (๔ read as ฯ) is not cut short to a wrong number
    ("      กาฬสินธุ์ เขต 3 ที่ ศธ. 04199/ว 20 ฯ7 ลงวันที่ 9 พฤษภาคม 2564 เรื่อง\n", []),
    ("ตามหนังสือ ที่ ศธ. o4199/ว 2497 ลงวันที่ 29 พฤษภาคม 2564 เรื่อง\n", [("ศธ 04199/ว 2497", "2021-05-29")]),  # o for 0
]


@pytest.mark.parametrize(("text", "want"), CITED)
def test_citations_in_worn_scans(text, want):
    from extractors.references import find_citations

    found = find_citations(repair(text), 0, None)
    assert [(c.ref_no.canonical if c.ref_no else None, c.date.date.isoformat() if c.date else None)
            for c in found] == want


ROLES = [
    # (text, the date as printed, its role)
    ("ขอให้แจ้งผลการดำเนินการให้ทราบอย่างช้าในวันที่ 24 เมษายน 2564 โดยให้ถือ", "24 เมษายน 2564", "deadline"),
    ("แจ้งผลการดำเนินการให้ทราบไม่เกินวันที   ๒๘     กุมภาพันธ์\n๒๕๖๔", "๒๘", "deadline"),  # วันที่ with its tone lost
    ("ขอให้แจ้งผลการดำเนินการให้\nทราบภายในวันท 5 เมษายน 2567 โตยให้ถือปฏิบัติ", "5 เมษายน 2567", "deadline"),
    ("ขอให้แจ้งผลการดำเนินการให้ทราบก่อนวันที่\n\f\n        ๓ เมษายน ๒๕๖๔ สำหรับการอบรม", "๓ เมษายน ๒๕๖๔", "deadline"),
    ("รายละเอียดปรากฏตามเอกสารที่แนบมาพร้อมนี้ โดยเมื่อวัน\n   ที่ ๑๘ กรกฎาคม ๒๕๖๕ คณะกรรมการได้ประชุมพิจารณาเรื่องนี้แล้ว",
     "๑๘ กรกฎาคม ๒๕๖๕", "meeting"),  # the meeting named after its date
    ("ทั้งนี้ ที่ปร่ะชุมคณะกรรมการบริหารครั้งที่ 256 เมื่อ\nวันที่ 5 กุมภาพันธ์ 2566 ได้พิจารณาเรื่องดังกล่าวแล้ว",
     "5 กุมภาพันธ์ 2566", "meeting"),  # a speck read as a tone mark in ประชุม
    # not a meeting: an event held in a meeting room, a date after เมื่อ with no meeting named
    ("กำหนดจัดขึ้นในวันที่ ๒๒ กุมภาพันธ์ ๒๕๖๗ เวลา ๐๙.๐๐ น. ณ ห้องประชุม", "๒๒ กุมภาพันธ์ ๒๕๖๗", "other"),
    ("โดยเมื่อวันที่ ๑๐ พฤศจิกายน ๒๕๖๔ มหาวิทยาลัยได้แจ้งผลการดำเนินงาน", "๑๐ พฤศจิกายน ๒๕๖๔", "other"),
]


@pytest.mark.parametrize(("text", "printed", "role"), ROLES)
def test_date_roles_on_worn_scans(text, printed, role):
    from extractors.effective import date_role

    assert date_role(text, text.index(printed)) == role


def test_an_effective_date_after_nab_tae():
    from extractors.effective import effective

    found = effective("ทั้งนี้ ให้มีผลนับแต่วันที่ 28 กันยายน 2566 เป็นต้นไป", 0)
    assert found.date.date == dt.date(2023, 9, 28)


def test_a_speck_between_the_subject_keyword_and_the_subject():
    text = "      เรื่อง ! รับสมัครบุคคลเพื่อเลือกสรรเป็นพนักงานราชการทั่วไป.\n\n"
    assert subject(split_lines(text)).value == "รับสมัครบุคคลเพื่อเลือกสรรเป็นพนักงานราชการทั่วไป."


def test_specks_under_a_title_are_not_its_agency():
    from extractors.header import issuer

    text = ("                 คำสั่งมหาวิทยาลัยราชภัฏบุรีรัมย์\n                          จ |\n"
            "                          ที่ ๑๖๙/๒๕๖๔\n              เรื่อง แต่งตั้งคณะกรรมการตรวจรับพัสดุ\n")
    assert issuer(split_lines(text), "order", None).value == "มหาวิทยาลัยราชภัฏบุรีรัมย์"


@pytest.mark.parametrize(("line", "want"), [
    ("       | ประกาศ ณ วันที่ 13-มีนาคม พ.ศ, 2567", dt.date(2024, 3, 13)),  # a speck before, a hyphen, a comma
    ("                   สั่ง ณ วันที่ ๑๗ฒ กุมภาพันธ์ พ.ศ. ๒๕๖๗ฒ", dt.date(2024, 2, 17)),
    ("       | ประกาศ ณ วันที่ 13-มีนาคม พ.ศ, 25", None),  # the year cut off: no date is made up
])
def test_a_worn_signing_line(line, want):
    text = "        จึงประกาศให้ทราบโดยทั่วกัน\n\n" + line + "\n\n              (นางสาวสุภาพร สุขเจริญ)\n"
    date, _ = document_date(split_lines(repair(text)), "announcement")
    assert (date.date if date else None) == want


def test_a_speck_between_the_name_and_the_position():
    text = ("        จึงประกาศให้ทราบโดยทั่วกัน\n       | ประกาศ ณ วันที่ 13 มีนาคม พ.ศ. 2567\n\n"
            "                              (นางสาวสุภาพร สุขเจริญ)\n                                        =\n"
            "                รองอธิการบดีฝ่ายวิชาการ ปฏิบัติราชการแทน\n                  อธิการบดีมหาวิทยาลัยราชภัฏสุราษฎร์ธานี\n")
    s = signer(split_lines(text))
    assert (s.position, s.acting, s.acting_for) == ("รองอธิการบดีฝ่ายวิชาการ", "ปฏิบัติราชการแทน",
                                                    "อธิการบดีมหาวิทยาลัยราชภัฏสุราษฎร์ธานี")


def test_a_name_whose_doctor_title_was_misread_and_its_wide_position():
    """``(`` read as เ and ดร. as ตร. (the names step mends the title), the position back at the margin."""
    from pipeline.ocr.names import repair_name_lines

    text = repair_name_lines(CLOSE + "                                  เผศ.ตร.กนกวรรณ บุญมาก)\n"
                             " ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาบึงกาฬ เขต 2\n\nกลุ่มส่งเสริมการจัดการศึกษา\n")
    s = signer(split_lines(text))
    assert (s.title, s.name, s.position) == ("ผศ.ดร.", "กนกวรรณ บุญมาก",
                                             "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาบึงกาฬ เขต 2")


def test_a_regulation_whose_edition_number_is_a_speck():
    from extractors.header import subject as subject_of

    text = "ระเบียบมหาวิทยาลัยราชภัฏบุรีรัมย์\nว่าด้วยค่าตอบแทนวิทยากรในการฝึกอบรม (ฉบับที่ «)\nพ.ศ. ๒๕๖๔\n"
    assert subject_of(split_lines(text)).value == "ค่าตอบแทนวิทยากรในการฝึกอบรม"


def test_the_address_block_beside_a_number_whose_serial_was_lost():
    """The serial written by hand and not read: the office after the gap is still the issuer."""
    from extractors.header import document_date
    from extractors.header import issuer as issuer_of

    text = ("ที่ อว ๐๖๐๓.๒๔/               . มหาวิ\n                                    มหาวิทยาลัยราชภัฏ\nนครสวรรค์\n"
            "                                    ถนนมิตรภาพ อำเภอเมือง\n                              ๒๗ มิถุนายน ๒๕๖๖\n"
            "เรื่อง ขอส่งรายงาน\nเรียน ผู้อำนวยการ\n")
    lines = split_lines(repair(text))
    _, at = document_date(lines, "external")
    assert issuer_of(lines, "external", at).value == "มหาวิทยาลัยราชภัฏนครสวรรค์ ถนนมิตรภาพ อำเภอเมือง"
    index, ref = ref_line(lines)  # the printed part only: no number is made up
    assert (index, ref.canonical, ref.serial) == (0, "อว 0603.24/", None)


def test_a_serial_run_into_a_speck_keeps_the_printed_part_and_the_address():
    """``๙๐๒ฯ๑``: the serial's digits run on past a speck, so no number is read from them; the printed part
    goes to ``serial_uncertain`` (``extractors.serial``) and the office beside it is still the issuer."""
    from extractors.header import document_date
    from extractors.header import issuer as issuer_of
    from extractors.serial import uncertain_ref

    text = ("ที่ อว ๐๖๒๘.๐๒/๙๐๒ฯ๑       มหาวิทยาลัยราชภัฏเชียงใหม่\n                                   ถนนสุขุมวิท อำเภอเมือง\n"
            "                                ๒๑ สิงหาคม ๒๕๖๕\nเรื่อง ขออนุญาต\n")
    lines = split_lines(repair(text))
    _, date_index = document_date(lines, "external")
    assert ref_line(lines) is None and uncertain_ref(lines)[1].canonical == "อว 0628.02/"
    assert issuer_of(lines, "external", date_index).value == "มหาวิทยาลัยราชภัฏเชียงใหม่ ถนนสุขุมวิท อำเภอเมือง"


def test_a_serial_read_as_two_pieces_is_not_the_issuer():
    """``/)ว สญ่ณ๙๗๙๓``: the serial read as two pieces of specks before the gap; the office after the gap
    is the issuer, and the number keeps its printed part."""
    from extractors.header import document_date
    from extractors.header import issuer as issuer_of
    from extractors.serial import uncertain_ref

    text = ("ที่ พท ๕๑๑๖๑/)ว สญ่ณ๙๗๙๓             สำนักงานเทศบาลเมืองพัทลุง\n"
            "                                  ถนนนิมมานเหมินท์ พัทลุง ๔๖๑๒๐\n"
            "                           ๒๑ กรกฎาคม ๒๕๖๕\nเรื่อง ขอเชิญประชุม\n")
    lines = split_lines(repair(text))
    _, date_index = document_date(lines, "external")
    assert uncertain_ref(lines)[1].canonical == "พท 51161/"
    assert issuer_of(lines, "external", date_index).value == "สำนักงานเทศบาลเมืองพัทลุง ถนนนิมมานเหมินท์ พัทลุง ๔๖๑๒๐"


DAMAGED_ISSUERS = [
    # (the issuer as read under a stamp or a seal, damaged?)
    ("แแท่ ศ าต้าต่วงจีง1  วัดเพชรบุรี 0 ถนนศรีจันทร์ เพชรบุรี อ๑๐๑๓๐", True),
    ("หาวิทยาลัย [กูนครสวรรค์", True),
    ("เทศบาลเมือง แวลา ๙,๑๕๕2๕ 1ผูอ", True),
    ("านักงานเขตพี้ รศึกษาประถมศึกษามหาสารคาม เขต ๑", True),
    ("ศาลากลางจังหวัดเพชรบุรี ถนนศรีจันทร์ เพชรบุรี ๗๖๐๐๐", False),
    ("กรมทรัพยากรน้ำ ถนนเจริญเมือง แขวงทุ่งพญาไท เขตราชเทวี กรุงเทพฯ ๑๐๔๐๐", False),
    ("สำนักงานเขตพื้นที่การศึกษาประถมศึกษาบึงกาฬ เขต 2 ถนนสุขุมวิท อำเภอเมืองบึงกาฬ จังหวัดบึงกาฬ 64120", False),
    ("มหาวิทยาลัยเกษตรศาสตร์ ๕๐ ถ.งามวงศ์วาน แขวงลาดยาว เขตจตุจักร กทม. ๑๐๙๐๐", False),
]


@pytest.mark.parametrize(("issuer", "want"), DAMAGED_ISSUERS)
def test_an_issuer_damaged_under_a_stamp(issuer, want):
    from extractors.damage import damaged

    assert damaged(issuer) is want


def test_no_generated_issuer_looks_damaged():
    from workbench.corpus.generate import generate

    from extractors.damage import damaged

    issuers = {letter.truth["issuer"] for letter in generate(3, 200) if letter.truth.get("issuer")}
    assert len(issuers) > 50 and [i for i in issuers if damaged(i)] == []



@pytest.mark.parametrize(("text", "kind"), [
    ("ที่ ตช ๐๐๑๘.๙/ว๓๑๐๒            ตำรวจภูธรจังหวัดปัตตานี\n                              ๓ กันยายน ๒๕๖๖\n"
     " เรื่องการซักซ้อมแนวทาง\n เรียนผู้ว่าราชการจังหวัดปัตตานี\nอ้างถึง   บันทึกข้อความฝ่ายอำนวยการ ที่ ตช ๐๐๑๘.๙/๙๐๐๑\n",
     "external"),  # a memo cited under อ้างถึง does not make the letter a memo
    ("                     บันทึกข้อความ]\nส่วนราชการ   สำนักงานจังหวัดพัทลุง\nที่ พท ๐๐๓๒.๑/๘๖๘๙   วันที่ ๒ ก.พ. ๒๕๖๔\n"
     "เรื่องขอความอนุเคราะห์\n", "memo"),
    ("  | บันทึกข้อความ\nที่ พท ๐๐๓๒.๑/๘๖๘๙   วันที่ ๒ ก.พ. ๒๕๖๔\nเรื่อง ขอ\nเรียน ปลัด\n", "memo"),  # a speck before it
])
def test_the_memo_title_and_a_memo_cited_in_the_header(text, kind):
    from extractors.header import doc_type

    assert doc_type(split_lines(text)) == kind


def _scanned_record(text: str, method: str = "ocr"):
    from pipeline.extract import extract
    from pipeline.models import Document, Letter, Page, SourceFile, Span

    source = SourceFile("letter.pdf", "0" * 64, len(text.encode()))
    document = Document(source, "pdf", (Page(1, text, method=method),))
    return extract(document, Letter(0, Span(0, len(text)), text))


STAMPED_HEAD = ("        ที่ พบ ๐๐๒๖.๔/๗๐๑         แแท่ ศ าต้าต่วงจีง1  วัดเพชรบุรี\n"
                "                                         ถนนศรีจันทร์ เพชรบุรี\n                                ๗ มิถุนายน ๒๕๖๗\n"
                "        เรื่อง ขออนุมัติจัดซื้อวัสดุสำนักงาน\n        กราบเรียน    นายอำเภอ ทุกอำเภอ\n"
                "                 จึงเรียนมาเพื่อโปรดพิจารณาอนุมัติ\n")


def test_a_scan_whose_issuer_is_damaged_gets_none_and_an_issue():
    record = _scanned_record(STAMPED_HEAD)
    assert record.issuer.value == ""
    assert [p.code for p in record.problems if p.code == "unreadable_issuer"] == ["unreadable_issuer"]
    assert record.ref_no.canonical == "พบ 0026.4/701"  # the rest of the header is read as before


def test_a_text_layer_keeps_what_was_typed():
    record = _scanned_record(STAMPED_HEAD, method="text")
    assert record.issuer.value.startswith("แแท่") and not any(p.code == "unreadable_issuer" for p in record.problems)


STAMPED_IN_PIECES = ("ลับ\nที่ 77/2927\nถึง   ผู้ว่าราชการจังหวัดพิจิตร\n"
                     "         ด้วยเทศบาลเมืองพิจิตรขอส่งเอกสารเร่งรัดการจัดทำฐานข้อมูลผู้สูงอายุ\n"
                     "         จึงขอความร่วมมือมาเพื่อดำเนินการ\n                                                  3) [1\n"
                     "                                        ศบาลเมอง\n                                ๕ พฤศจิกายน ๒๕๖๖\n"
                     "กองสวัสดิการสังคม\nโทร. ๐ ๕๖๖๑ ๑๐๒๐\n")


def test_a_stamp_read_in_pieces_is_the_office_the_letter_names():
    record = _scanned_record(STAMPED_IN_PIECES)
    assert (record.doc_type, record.issuer.value) == ("stamped", "เทศบาลเมืองพิจิตร")
    assert STAMPED_IN_PIECES[record.issuer.span.start:record.issuer.span.end] == "เทศบาลเมืองพิจิตร"  # the body's words
    assert [p.code for p in record.problems if "issuer" in p.code] == ["issuer_from_text"]
    typed = _scanned_record(STAMPED_IN_PIECES, method="text")  # a text layer's stamp line is what was typed
    assert not any(p.code == "issuer_from_text" for p in typed.problems)


def test_a_stamped_letter_whose_salutation_was_misread_ends_on_its_date():
    # a หนังสือประทับตรา whose ถึง the scan read ถง, ending on its office and date, then an external letter
    from pipeline.ocr.repair.rules import repair
    from pipeline.segment import segment

    text = repair("ที่ ศธ 04171/4516\nถง   ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษามัธยมศึกษาร้อยเอ็ด\n     เขต 2\n"
                  "         ด้วยสำนักงานเขตพื้นที่การศึกษาประถมศึกษาร้อยเอ็ด เขต 2 ขอส่งเอกสาร\n"
                  "         จึงแจ้งมาเพื่อทราบ\n\n         สำนักงานเขตพื้นที่การศึกษาประถมศึกษาร้อยเอ็ด เขต 2\n"
                  "                                   23 ตุลาคม 2564\n\nกล่มส่งเสริมการจัดการศึกษา\nโทร. 05 109 4002\n\n"
                  "ที่ พล ๐๐๓๒.๐๐๔/๘๗๕             สำนักงานสาธารณสุขจังหวัดพิษณุโลก\n"
                  "                       ๓ มกราคม พ.ศ ๒๕๖๕\nเรื่อง การป้องกันและควบคุมโรคไข้เลือดออกในช่วงฤดูฝน\n"
                  "เรียน  สาธารณสุขอำเภอทุกอำเภอ\n")
    letters = [x for x in segment(text) if not x.enclosure]
    assert [x.text.strip().split("\n")[0] for x in letters] == [
        "ที่ ศธ 04171/4516", "ที่ พล ๐๐๓๒.๐๐๔/๘๗๕             สำนักงานสาธารณสุขจังหวัดพิษณุโลก"]


MEETING_MISREAD = ("ที่ อว ๐๖๓๙.๓๑/๕๐๖๐                   มหาวิทยาลัยราชภัฏนครสวรรค์\n"
                   "                          ๕ มีนาคม ๒๕๖๗\nเรื่อง การจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง\nเรียน คณบดีทุกคณะ\n"
                   "    ตามหนังสือ ที่ กค ๐๔๐๒.๒/ว ๑๖๗ ลงวันที่ ๑๘ ธันวาคม ๒๕๔๘ นั้น รายละเอียดปรากฏตามเอกสาร โดย\n"
                   "    เมื่อวันที่ ๔ กุมภาพันธ์ ๒๕๐๖ คณะกรรมการได้ประชุมพิจารณาเรื่องนี้แล้ว\n"
                   "              จึงเรียนมาเพื่อโปรดทราบ\n")


def test_a_scans_meeting_date_sixty_years_off_is_left_out_and_said():
    """``๒๕ กุมภาพันธ์ ๒๕๖๖`` read ``๔ กุมภาพันธ์ ๒๕๐๖``: a meeting sixty years before the letter is OCR's; the
    cited circular of ๒๕๔๘ stays (letters cite old ones)."""
    record = _scanned_record(MEETING_MISREAD)
    assert [(d.role, d.date.isoformat()) for d in record.dates] == [("document", "2024-03-05"), ("cited", "2005-12-18")]
    (problem,) = [p for p in record.problems if p.code == "implausible_date"]
    assert "๔ กุมภาพันธ์ ๒๕๐๖" in problem.message


def test_a_typed_letters_old_meeting_date_is_kept():
    record = _scanned_record(MEETING_MISREAD, method="text")
    assert ("meeting", "1963-02-04") in [(d.role, d.date.isoformat()) for d in record.dates]


@pytest.mark.parametrize("edition", ["(ฉบับที่ «๔)", "(ฉบับที่ ๔๘ๆ)", "(ฉบับที่ ๔)"])
def test_a_regulations_edition_with_specks_about_its_number_is_not_its_subject(edition):
    from extractors.header import subject as subject_of

    text = f"ระเบียบองค์การบริหารส่วนตำบลบ้านใหม่\nว่าด้วยการลาของพนักงานจ้าง {edition}\nพ.ศ. ๒๕๖๖\n"
    assert subject_of(split_lines(text)).value == "การลาของพนักงานจ้าง"
