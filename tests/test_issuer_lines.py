"""An issuer printed over several lines, joined as it was printed: a line that begins an item of the
address (a road, a district, a number, a unit) stands apart; a name the line could not hold goes on."""

import pytest

from extractors.header import _join_address, _join_owner

ADDRESS = [
    # (the address block's lines, the issuer)
    (["สำนักงานเขตพื้นที่การศึกษา", "ประถมศึกษาสระแก้ว เขต ๓", "ถนนราชดำเนิน อำเภอเมือง", "สระแก้ว", "จังหวัดสระแก้ว ๕๖๑๒๐"],
     "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาสระแก้ว เขต ๓ ถนนราชดำเนิน อำเภอเมืองสระแก้ว จังหวัดสระแก้ว ๕๖๑๒๐"),
    (["สำนักงานป้องกันและบรรเทา", "สาธารณภัยจังหวัดนครพนม", "ศาลากลางจังหวัดนครพนม", "ถนนมิตรภาพ อำเภอเมือง"],
     "สำนักงานป้องกันและบรรเทาสาธารณภัยจังหวัดนครพนม ศาลากลางจังหวัดนครพนม ถนนมิตรภาพ อำเภอเมือง"),
    (["มหาวิทยาลัยเกษตรศาสตร์", "๕๐ ถนนงามวงศ์วาน แขวง", "ลาดยาว เขตจตุจักร", "กทม. ๑๐๙๐๐"],
     "มหาวิทยาลัยเกษตรศาสตร์ ๕๐ ถนนงามวงศ์วาน แขวงลาดยาว เขตจตุจักร กทม. ๑๐๙๐๐"),
    (["สำนักเลขาธิการคณะรัฐมนตรี", "ทำเนียบรัฐบาล กทม. ๑๐๓๐๐"], "สำนักเลขาธิการคณะรัฐมนตรี ทำเนียบรัฐบาล กทม. ๑๐๓๐๐"),
    (["ศาลากลางจังหวัดสงขลา", "ถนนนครราชสีมา", "สข 75000"], "ศาลากลางจังหวัดสงขลา ถนนนครราชสีมา สข 75000"),
    (["สำนักงาน", "เขตพื้นที่การศึกษา", "ถนนพหลโยธิน", "เขตดุสิต"], "สำนักงานเขตพื้นที่การศึกษา ถนนพหลโยธิน เขตดุสิต"),
    # จังหวัด goes on an office's name until the street is given; a province and its postcode stand apart
    (["สำนักงานสาธารณสุข", "จังหวัดประจวบคีรีขันธ์", "ถนนพหลโยธิน อำเภอเมือง", "จังหวัดประจวบคีรีขันธ์ ๗๗๐๐๐"],
     "สำนักงานสาธารณสุขจังหวัดประจวบคีรีขันธ์ ถนนพหลโยธิน อำเภอเมือง จังหวัดประจวบคีรีขันธ์ ๗๗๐๐๐"),
    (["ศาลากลางจังหวัดอำนาจเจริญ", "ถนนนิมมานเหมินท์", "อำนาจเจริญ 82120"],
     "ศาลากลางจังหวัดอำนาจเจริญ ถนนนิมมานเหมินท์ อำนาจเจริญ 82120"),
    (["สำนักงานเขตพื้นที่การศึกษาประถมศึกษาชลบุรี เขต ๑", "ถนนมิตรภาพ อำเภอเมือง จังหวัด", "ชลบุรี ๒๐๐๐๐"],
     "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาชลบุรี เขต ๑ ถนนมิตรภาพ อำเภอเมือง จังหวัดชลบุรี ๒๐๐๐๐"),
]


@pytest.mark.parametrize(("parts", "issuer"), ADDRESS)
def test_address_lines(parts, issuer):
    assert _join_address(parts) == issuer


OWNERS = [
    (["สำนักงานป้องกันและบรรเทาสาธารณภัยจังหวัดขอนแก่น", "ฝ่ายปฏิบัติการ"],
     "สำนักงานป้องกันและบรรเทาสาธารณภัยจังหวัดขอนแก่น ฝ่ายปฏิบัติการ"),
    (["สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดมุกดาหาร", "กลุ่มงานส่งเสริมและพัฒนาท้องถิ่น"],
     "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดมุกดาหาร กลุ่มงานส่งเสริมและพัฒนาท้องถิ่น"),
    (["สำนักงานเขตพื้นที่การศึกษาประถมศึกษา", "สระแก้ว เขต ๓"], "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาสระแก้ว เขต ๓"),
]


@pytest.mark.parametrize(("parts", "issuer"), OWNERS)
def test_memo_owner_lines(parts, issuer):
    assert _join_owner(parts) == issuer


RECIPIENTS = [
    (["นายอำเภอ ทุกอำเภอ นายกองค์การบริหารส่วนจังหวัด", "ทุกจังหวัด และผู้อำนวยการ"],
     "นายอำเภอ ทุกอำเภอ นายกองค์การบริหารส่วนจังหวัด ทุกจังหวัด และผู้อำนวยการ"),
    (["ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาลพบุรี", "หัวหน้าส่วนราชการ"],
     "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาลพบุรี หัวหน้าส่วนราชการ"),
    (["ผู้ว่าราชการจังหวัดนนทบุรี และ", "นายกองค์การบริหารส่วนจังหวัดนนทบุรี"],
     "ผู้ว่าราชการจังหวัดนนทบุรี และนายกองค์การบริหารส่วนจังหวัดนนทบุรี"),  # และ joins what follows
    (["ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา", "ประถมศึกษาสระแก้ว เขต ๓"],
     "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาสระแก้ว เขต ๓"),
]


@pytest.mark.parametrize(("parts", "recipient"), RECIPIENTS)
def test_recipient_lines(parts, recipient):
    from extractors.header import _join_recipients

    assert _join_recipients(parts) == recipient


def test_an_abbreviation_on_the_next_line_stands_apart():
    from extractors.lines import join_wrapped

    assert join_wrapped(["เลขาธิการ", "ก.พ."]) == "เลขาธิการ ก.พ."
    assert join_wrapped(["ประจำปีงบประมาณ", "พ.ศ. ๒๕๖๖"]) == "ประจำปีงบประมาณ พ.ศ. ๒๕๖๖"
    assert join_wrapped(["การดำเนิน", "การตามระเบียบ"]) == "การดำเนินการตามระเบียบ"


def test_a_speck_at_the_end_of_an_issuer_is_no_part_of_it():
    from extractors.header import _without_tail_speck
    from pipeline.models import Field, Span

    value = "กองโรคติดต่อทั่วไป กรมควบคุมโรค"
    assert _without_tail_speck(Field(value + "-", Span(0, len(value) + 1))).value == value
    assert _without_tail_speck(Field("ถนนราชดำเนินนอก กทม.", Span(0, 20))).value == "ถนนราชดำเนินนอก กทม."


def test_a_ghost_of_the_title_under_it_is_not_the_issuer():
    from extractors.instrument import title

    text = ("               ประกาศมหาวิทยาลัยราชภัฏอุดรธานี\n                                  ยราชภัฏอ\n"
            "         เรื่อง กำหนดวันหยุดราชการประจำปีของหน่วยงาน\n\n          ด้วยมหาวิทยาลัยราชภัฏอุดรธานีเห็นสมควรประกาศ\n")
    found = title(text)
    assert (found.kind, found.issuer.value) == ("announcement", "มหาวิทยาลัยราชภัฏอุดรธานี")


SEALED_HEADERS = [
    # (a scanned header as OCR read it, the issuer): a seal's or a stamp's letters beside the printed office
    # are no part of it
    ("                ประกาศมหาวิทยาลัยราชภัฏสุราษฎร์ธานี\n                       มหาวิท '!\n"
     "            เรื่อง กำหนดวันหยุดราชการประจำปีของหน่วยงาน\n", "announcement", "มหาวิทยาลัยราชภัฏสุราษฎร์ธานี"),
    ("     คำสั่งสำนักงานเขตพื้นที่การศึกษาประถมศึกษานครสวรรค์ เขต ๓\n                         ร ถมศึก1\n"
     "                             ที่ ๒๑๕/๒๕๖๕\n          เรื่อง มอบอำนาจให้รองผู้อำนวยการปฏิบัติราชการแทน\n",
     "order", "สำนักงานเขตพื้นที่การศึกษาประถมศึกษานครสวรรค์ เขต ๓"),
    ("              คำสั่งมหาวิทยาลัยราชภัฏสุราษฎร์ธานี,, ง่\n                     หาวิทยาลั1 1 “ว๕\n"
     "                         ที่ ๗๗/๒๕๖๕\n      เรื่อง แต่งตั้งคณะทำงานจัดทำแผนปฏิบัติราชการประจำปี\n",
     "order", "มหาวิทยาลัยราชภัฏสุราษฎร์ธานี"),
    # a receipt stamp's date row read on the title's line
    ("                                              ฝ่ายบริหารทั่วไป\n                                              เลขรับ ๔๗\n"
     "                        คำสั่งจังหวัดสระบุรี   วันที    ๑๓๑ เม.ย. ๖\n                                              เวลา   ๔2 น.\n"
     "                            ที่ ๙๘/๒๕๖๖\n               เรื่อง แต่งตั้งคณะกรรมการตรวจรับพัสดุ\n", "order", "จังหวัดสระบุรี"),
    # a wrapped name with no damage goes on
    ("ประกาศสำนักงานเขตพื้นที่การศึกษาประถมศึกษา\nฉะเชิงเทรา เขต ๑\nเรื่อง รับสมัครครู\n", "announcement",
     "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาฉะเชิงเทรา เขต ๑"),
    # an external letter: a ghost of the office over the number's line, specks and a piece of its name
    ("ที่ อว ๐๖๐๘.๐๗/ว ๘๑๑๗\n                      )6ๆ) ป มหาวิทย\n                                    มหาวิทยาลัยราชภัฏอุดรธานี\n"
     "                                    ถนนประชาอุทิศ อำเภอเมือง\n                                    จังหวัดอุดรธานี ๗๔๑๐๐\n"
     "                                ๑๗ ตุลาคม ๒๕๖๖\nเรื่อง ขอเชิญส่งบทความ\n", "external",
     "มหาวิทยาลัยราชภัฏอุดรธานี ถนนประชาอุทิศ อำเภอเมือง จังหวัดอุดรธานี ๗๔๑๐๐"),
    ("ที่ กค ๐๔๐๕.๒ /๙๖๒๑\n                     ป . กรมบญเ\n                                  กรมบัญชีกลาง\n"
     "                                  ถนนประชาอุทิศ แขวงทุ่งพญาไท\n                                  เขตราชเทวี กรุงเทพฯ ๑๐๔๐๐\n"
     "                             ๑๘ เมษายน ๒๕๖๕\nเรื่อง ขอเชิญประชุม\n", "external",
     "กรมบัญชีกลาง ถนนประชาอุทิศ แขวงทุ่งพญาไท เขตราชเทวี กรุงเทพฯ ๑๐๔๐๐"),
]


@pytest.mark.parametrize(("text", "kind", "issuer"), SEALED_HEADERS)
def test_a_seal_over_the_letterhead_is_not_the_issuer(text, kind, issuer):
    from extractors.header import document_date
    from extractors.header import issuer as read_issuer
    from extractors.lines import split_lines

    lines = split_lines(text)
    _, date_index = document_date(lines, kind)
    assert read_issuer(lines, kind, date_index).value == issuer


GHOST_LINES = [
    # (a line of the address block, the block's words, a ghost?)
    (")6ๆ) ป มหาวิทย", ["มหาวิทยาลัยราชภัฏอุดรธานี"], True),
    ("ป . กรมบญเ", ["กรมบัญชีกลาง", "ถนนประชาอุทิศ"], True),
    ("ถนนประชาอุทิศ ๆ", ["ถนนประชาอุทิศ"], False),  # a whole line, not the start of a longer word
    ("ป . กรมบญเ", ["ถนนประชาอุทิศ"], False),  # nothing in the block it is the start of
    ("มหาวิทย", ["มหาวิทยาลัยราชภัฏอุดรธานี"], False),  # no damage: left to the speckless test
    ("| สำนักงาน ถนนพหลโยธิน", ["สำนักงานเขตพื้นที่การศึกษา"], False),  # two pieces of text
]


@pytest.mark.parametrize(("value", "words", "ghost"), GHOST_LINES)
def test_ghost_lines(value, words, ghost):
    from extractors.header import _ghost_line

    assert _ghost_line(value, words) is ghost
