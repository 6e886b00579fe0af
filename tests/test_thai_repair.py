"""Repairs of the damage real Thai PDF text carries (as in Royal Gazette text dumps): tables of cases.
Each repair checks itself with the dictionary; a word the damage happens to spell is left alone."""

import pytest

from pipeline.normalize import normalize

REPAIRS = [
    # sara am lost entirely
    ("อาศัยอานาจตามความในมาตรา 6", "อาศัยอำนาจตามความในมาตรา 6"),
    ("ผู้ใหญ่บ้านตาบลตะคุ อาเภอปักธงชัย", "ผู้ใหญ่บ้านตำบลตะคุ อำเภอปักธงชัย"),
    ("เรื่อง กาหนดเขตพื้นที่", "เรื่อง กำหนดเขตพื้นที่"),
    # ำ drawn as a tone mark and า
    ("เรื่อง ก้าหนดทางน้าชลประทาน", "เรื่อง กำหนดทางน้ำชลประทาน"),
    # decomposed, with or without a space
    ("ค ําสั่งกระทรวงแรงงาน", "คำสั่งกระทรวงแรงงาน"),
    ("ส านักงานจังหวัด ประจ าปี", "สำนักงานจังหวัด ประจำปี"),
    # a font map that drew every า as ํา: the real ones come back by the dictionary
    ("อําศัยอ ํานําจตํามควํามในมําตรํา 5 แห่งพระรําชบัญญัติภําษีสรรพสํามิต กํารคลัง ก ําหนด" * 2,
     "อาศัยอำนาจตามความในมาตรา 5 แห่งพระราชบัญญัติภาษีสรรพสามิต การคลัง กำหนด" * 2),
    # digits and month names split by a space, the era's dot spaced
    ("ประกาศ ณ วันที่ 2 1 ธันวาคม พ.ศ. 256 5", "ประกาศ ณ วันที่ 21 ธันวาคม พ.ศ. 2565"),
    ("ณ วันที่ 9 กันยา ยน พ.ศ. 25 6 5", "ณ วันที่ 9 กันยายน พ.ศ. 2565"),
    ("ณ วันที่ 10 เมษายน พ . ศ . 256 6", "ณ วันที่ 10 เมษายน พ.ศ. 2566"),
    ("ณ วันที่ 30 มกราคม พ.ศ . 256 6", "ณ วันที่ 30 มกราคม พ.ศ. 2566"),
    ("ณ วันที่ 5 เ ม ษายน พ.ศ. 2566", "ณ วันที่ 5 เมษายน พ.ศ. 2566"),
    ("คำสั่งกระทรวงแรงงาน ที่ 409 / 256 5 เรื่อง", "คำสั่งกระทรวงแรงงาน ที่ 409 / 2565 เรื่อง"),
    # the same splits where text wrapped at a fixed width broke the line instead
    ("ประกาศ ณ วันที่ 1 พฤษภาคม พ.ศ. 256\n6 รณรงค์ พูลพิพัฒน์", "ประกาศ ณ วันที่ 1 พฤษภาคม พ.ศ. 2566 รณรงค์ พูลพิพัฒน์"),
    ("ประกาศ ณ วันที่ 2\n6 ธันวาคม พ.ศ. 2565", "ประกาศ ณ วันที่ 26 ธันวาคม พ.ศ. 2565"),
    ("ณ วันที่ 9 กันยา\nยน พ.ศ. 25 6 5", "ณ วันที่ 9 กันยายน พ.ศ. 2565"),
    ("ณ วันที่ 17 พฤษภาคม พ .\nศ . 2564", "ณ วันที่ 17 พฤษภาคม พ.ศ. 2564"),
    ("ให้ไว้ ณ วันที่ 30 มกราคม พ.ศ\n. 256 6", "ให้ไว้ ณ วันที่ 30 มกราคม พ.ศ. 2566"),
    ("อุปกรณ์ห้องน\n้า โดยที่เป็นการสมควร", "อุปกรณ์ห้องน้า โดยที่เป็นการสมควร"),  # a mark never begins a line
    # the Gazette head's displaced tone marks
    ("หนองบัวลำภู ้ หนา 28 ่ เลม 140 ตอนพิเศษ 17 ง", "หนองบัวลำภู หน้า 28 เล่ม 140 ตอนพิเศษ 17 ง"),
    # a space after a leading vowel
    ("ศาสตราจารย์เ กียรติคุณ คุณหญิงไขศรี", "ศาสตราจารย์เกียรติคุณ คุณหญิงไขศรี"),
    # a PDF's gap between a tone mark and า inside a word
    ("ผู้กำกับการฝ่ ายอำนวยการ ตำรวจภูธรจังหวัดยโสธร", "ผู้กำกับการฝ่ายอำนวยการ ตำรวจภูธรจังหวัดยโสธร"),
    # stray control bytes
    ("ระเบียบ\x13กรุงเทพมหานคร", "ระเบียบ กรุงเทพมหานคร"),
]


@pytest.mark.parametrize(("raw", "expected"), REPAIRS)
def test_repair(raw, expected):
    assert normalize(raw).text == expected


LEFT_ALONE = [
    "ประกาศกรมปศุสัตว์ เรื่อง การนำเข้า",  # ประกาศ is no damaged ประกำ
    "ท้องที่ตำบลปิล็อก ตามพระราชบัญญัติ",  # clean text stays as it is
    "นายทา ใจดี ทาสี",  # ทา is a word: never turned into ทำ
    "ข้อ 3 0 คน",  # digits split before no month are not joined
    "ประกาศ ณ วันที่ 1 มีนาคม พ.ศ. 2566\n1. ข้อ",  # a whole year, then a numbered line
    "พ.ศ. 2566\n12 มีนาคม",  # a year at a line's end and a day on the next are not one number
    "ใบหน้า ข้างหน้า",  # หน้า is not a lost น้ำ
    "การได้รับสิทธิชำระภาษีในโควตาตามพันธกรณี",
    "ศาลากลางจังหวัดสมุทรปราการ ถนนนครราชสีมา สป ๕๓๐๐๐",  # a province's code before the postcode stands apart
    "ถนนราชดำเนินนอก กทม. ๑๐๓๐๐",
    # น้ำ before a space is no sign of a flood: the ำ of สำนัก stays
    "เรียน ผู้อำนวยการสำนักโบราณคดี\nส่วนราชการ กองโบราณคดีใต้น้ำ กรมศิลปากร",
]


@pytest.mark.parametrize("text", LEFT_ALONE)
def test_left_alone(text):
    assert normalize(text).text == text


def test_a_scans_text_is_not_searched_for_a_flood():
    """A flood (ำ drawn for every า) is a text layer's font damage: a scan's text keeps its ำ, and its lost
    ones are still mended."""
    from pipeline.normalize import SCAN_STEPS

    assert "sara_am_flood" not in SCAN_STEPS and "lost_sara_am_scan" in SCAN_STEPS
    assert normalize("ตำมที่กำรประชุม อานาจหน้าที่", SCAN_STEPS).text == "ตำมที่กำรประชุม อำนาจหน้าที่"


def test_repairs_keep_the_way_back():
    n = normalize("อาศัยอานาจตาม ประกาศ ณ วันที่ 2 1 ธันวาคม พ.ศ. 256 5")
    i = n.text.index("2565")
    assert n.raw[slice(*n.raw_span(i, i + 4))] == "256 5"
    j = n.text.index("อำนาจ")
    assert n.raw[slice(*n.raw_span(j, j + 5))] == "อานาจ"


LETTER_SPACED = [
    # Thai distributed justification (Word): every character set apart; read as text, never OCRed
    ("ที่ทำการ จ ัง ห ว ัด น ค ร ร า ช ส ีม า  ถนน", "ที่ทำการ จังหวัดนครราชสีมา  ถนน"),
    ("เรื่อง ข อ เ ชิ ญ ป ร ะ ชุ ม  ผู้ว่า", "เรื่อง ขอเชิญประชุม  ผู้ว่า"),
    ("ก ข ค ง จ ฉ ช", "ก ข ค ง จ ฉ ช"),  # letters listed are no word: left alone
    ("ไป มา ได้ ดี ที่ นี่ นะ", "ไป มา ได้ ดี ที่ นี่ นะ"),  # short words stay words
]


@pytest.mark.parametrize(("raw", "expected"), LETTER_SPACED)
def test_letter_spacing(raw, expected):
    assert normalize(raw).text == expected


def test_letter_spaced_page_is_not_broken():
    from pipeline.normalize import looks_broken

    assert looks_broken("สำนักงาน จ ัง ห ว ัด น ค ร ร า ช ส ีม า " * 10) is None


MORE = [
    # a word or two drawn with ำ for า in otherwise good text
    ("ประกำศ ณ วันที่ 25 ตุลาคม", "ประกาศ ณ วันที่ 25 ตุลาคม"),
    ("ผู้รับสนองพระบรมรำชโองการ พลเอก", "ผู้รับสนองพระบรมราชโองการ พลเอก"),
    # a consonant set apart from its word
    ("เป็นต้นไป ป ระกาศ ณ วันที่ 27 กรกฎาคม", "เป็นต้นไป ประกาศ ณ วันที่ 27 กรกฎาคม"),
    ("ประกาศ ณ วัน ที่ 31 สิงหาคม", "ประกาศ ณ วัน ที่ 31 สิงหาคม"),  # two words: stays (the signing line reads it)
]
KEPT = [
    "หลักเกณฑ์และวิธีการจัดทำสถานที่ปิดประกาศ",  # จัดทำ is no flooded จัดทาส
    "ตามหนังสือ ที่ มท 0310.1/ว 1179 ก ข ค",
    "อานาจ",  # a repair at the very end of a text keeps its length
]


@pytest.mark.parametrize(("raw", "expected"), MORE)
def test_more_repairs(raw, expected):
    assert normalize(raw).text == expected


@pytest.mark.parametrize("text", KEPT[:2])
def test_more_left_alone(text):
    assert normalize(text).text == text


def test_repair_at_the_end_of_a_text():
    from pipeline.thai_repair import lost_sara_am_edits

    assert lost_sara_am_edits("อานาจ") == [(0, 5, "อำนาจ")]


SHORT_WORDS = [
    ("น าความ ท าการ", "นำความ ทำการ"),  # the common two-letter words with ำ, set apart by a space
    ("ตำมควำมใน ว่ำด้วย กำรออก", "ตามความใน ว่าด้วย การออก"),  # a flood's short words
    ("นำความ คำสั่ง", "นำความ คำสั่ง"),  # นำค|วาม is no flooded นาค
]


@pytest.mark.parametrize(("raw", "expected"), SHORT_WORDS)
def test_short_words(raw, expected):
    assert normalize(raw).text == expected


# ำ printed as า where the damaged form is a word (นา, ทา): put back only in a text that lost its sara am
# elsewhere (อานาจ, กาหนด, สานัก here), and only in the phrases นำ and ทำ make
LOST_IN_PHRASES = [
    ("อาศัยอานาจ กาหนด สานัก และการนาสุราออกจากโรงอุตสาหกรรม", "อาศัยอำนาจ กำหนด สำนัก และการนำสุราออกจากโรงอุตสาหกรรม"),
    ("อาศัยอานาจ กาหนด สานัก เศษกระดาษซึ่งนากลับมาใช้ได้อีก", "อาศัยอำนาจ กำหนด สำนัก เศษกระดาษซึ่งนำกลับมาใช้ได้อีก"),
    ("อาศัยอานาจ กาหนด สานัก ที่นากลับมาใช้", "อาศัยอำนาจ กำหนด สำนัก ที่นากลับมาใช้"),  # ที่นา is a word: left
    ("อาศัยอานาจ กาหนด สานัก ภาษีซื้อที่ไม่ให้นาไปหัก", "อาศัยอำนาจ กำหนด สำนัก ภาษีซื้อที่ไม่ให้นำไปหัก"),
    ("อาศัยอานาจ กาหนด สานัก และการทาประวัติคนขับ", "อาศัยอำนาจ กำหนด สำนัก และการทำประวัติคนขับ"),
    # a word's inner น้ำ that lost its tone too, in such a text
    ("อาศัยอานาจ กาหนด เทปพันเกลียวท่อนา", "อาศัยอำนาจ กำหนด เทปพันเกลียวท่อน้ำ"),
    ("อาศัยอานาจ กาหนด หัวฝักบัวอาบนา", "อาศัยอำนาจ กำหนด หัวฝักบัวอาบน้ำ"),
]
PHRASES_LEFT = [
    "อาศัยอานาจ กาหนด สานัก การนายหน้า",  # นา begins นายหน้า
    "อาศัยอานาจ กาหนด สานัก โดยเจตนาให้เกิด",  # นา ends เจตนา
    "อาศัยอานาจ กาหนด สานัก เรือเมตตานาวี",  # เมตตา ends inside ตานา: no ตาน้ำ
    "การนาสุราออก",  # a clean text: นา may be a word
    "เทปพันเกลียวท่อนา",  # one toneless น้ำ alone is no evidence
]


@pytest.mark.parametrize(("raw", "expected"), LOST_IN_PHRASES)
def test_lost_sara_am_in_phrases(raw, expected):
    assert normalize(raw).text == expected


@pytest.mark.parametrize("text", PHRASES_LEFT)
def test_phrases_left_alone(text):
    from pipeline.thai_repair import lost_sara_am_edits

    edits = lost_sara_am_edits(text)
    assert not any(text[s:e].endswith(("นา", "ทา")) or "นา" in text[s:e] and "น้ำ" in w for s, e, w in edits
                   if w not in ("อำนาจ", "กำหนด", "สำนัก"))


def test_a_flood_is_repaired_page_by_page():
    # a Gazette text whose first page is clean and whose schedule pages were drawn with ำ for every า
    clean = "แต่งตั้งผู้ตรวจสอบการทำผลิตภัณฑ์อุตสาหกรรม ตามความในมาตรา 5 แห่งพระราชบัญญัติ " * 6
    flooded = "ลำดับที่ ผลิตภัณฑ์อุตสำหกรรม มำตรฐำนเลขที่ หม้อแปลงไฟฟ้ำกำลัง สำยไฟฟ้ำแรงต่ำ " * 8
    text = normalize(clean + "\nหน้า 33 เล่ม 139 ตอนพิเศษ 249 ง ราชกิจจานุเบกษา\n" + flooded).text
    assert text.count("การทำผลิตภัณฑ์") == 6  # the clean page keeps its ำ
    assert text.count("อุตสาหกรรม มาตรฐานเลขที่ หม้อแปลงไฟฟ้า") == 8
    assert "ำย" not in text and "ฟ้ำ" not in text


def test_a_word_flooded_on_a_clean_page_of_a_flooded_text():
    clean = "ให้แจ้งผู้ประสำนงานรับร่างข้อบัญญัติท้องถิ่นเพื่อไปดำเนินการต่อไป ตามที่กำหนด " * 4
    flooded = "ของพนักงำนเจ้ำหน้ำที่ ตำมประกำศกระทรวงสำธำรณสุข เรื่อง กำรออกคำสั่ง " * 8
    text = normalize(clean + "\n\n" + flooded).text
    assert text.count("ผู้ประสานงาน") == 4 and text.count("ดำเนินการ") == 4
    assert text.count("ของพนักงานเจ้าหน้าที่ ตามประกาศกระทรวงสาธารณสุข") == 8
