"""Letter-like Thai lines with the digit runs of official letters, for training the digit reader.

>>> import random

from pipeline.thai_chars import THAI_DIGITS, to_arabic, to_thai
>>> line = random_line(random.Random(3), max_chars=60)
>>> # e.g. "ตามหนังสือ ที่ มท ๐๘๐๘.๒/ว ๒๐๕๕ ลงวันที่ ๑๕ สิงหาคม ๒๕๖๐"

Digits are drawn uniformly, so every digit and every pair of digits turns up; about a quarter of
the numbers use Arabic digits, as mixed letters do. Pure text generation: no fonts, no images.
"""

from __future__ import annotations

import random

from pipeline.thai_chars import THAI_DIGITS, to_arabic, to_thai

ARABIC_SHARE = 0.25

WORDS = (
    "ที่", "เรื่อง", "เรียน", "อ้างถึง", "สิ่งที่ส่งมาด้วย", "ตามที่", "หนังสือ", "จังหวัด", "อ่างทอง", "กระทรวง",
    "มหาดไทย", "สำนักงาน", "ส่วนราชการ", "กลุ่มงาน", "ยุทธศาสตร์", "ข้อมูล", "โทร.", "โทรสาร", "วันที่", "ลงวันที่",
    "พ.ศ.", "เมื่อ", "ได้", "แจ้ง", "ว่า", "การ", "ประชุม", "คณะกรรมการ", "บริหาร", "จัดการ", "ระบบ",
    "คอมพิวเตอร์", "และ", "หรือ", "ของ", "ใน", "สังกัด", "ความละเอียด", "แจ้งแล้ว", "นั้น", "จึงเรียนมาเพื่อ",
    "โปรดทราบ", "พิจารณา", "ดำเนินการ", "ต่อไป", "ขอแสดงความนับถือ", "นาย", "นาง", "นางสาว", "ผู้ว่าราชการ",
    "รองผู้ว่าราชการจังหวัด", "ปฏิบัติราชการแทน", "อำเภอ", "ตำบล", "หมู่ที่", "ถนน", "เทศบาล", "องค์การ",
    "บริหารส่วนจังหวัด", "งบประมาณ", "จำนวน", "เงิน", "บาท", "ล้านบาท", "ฉบับ", "ชุด", "แผ่น", "ราย", "คน",
    "ครั้งที่", "ข้อ", "มาตรา", "ระเบียบ", "ประกาศ", "คำสั่ง", "ศาลากลาง", "เวลา", "น.", "ณ", "ห้องประชุม",
    "ชั้น", "อาคาร", "ภายใน", "ตั้งแต่", "ถึง", "ไม่เกิน", "ประจำปี", "ปีงบประมาณ", "รายละเอียด", "ปรากฏ",
    "ตาม", "เอกสาร", "แนบ", "มาพร้อมนี้", "เว็บไซต์", "หน้า", "เลขที่", "รหัสไปรษณีย์", "ประชาสัมพันธ์",
    "ท้องถิ่น", "กรม", "ส่งเสริม", "การปกครอง", "ปลัด", "อธิบดี", "นายอำเภอ", "ทุกอำเภอ", "หัวหน้า",
    "หน่วยงาน", "รัฐวิสาหกิจ", "เห็นชอบ", "ปรับปรุง", "หลักเกณฑ์", "แนวทาง", "ปฏิบัติ", "กรณี", "จัดหา",
    "ขอความร่วมมือ", "แบบ", "รายงาน", "ผล", "ภายในวันที่", "ด่วนที่สุด", "ด่วนมาก", "ลับ", "สำเนา", "คู่ฉบับ",
    "ฯ", "ๆ", "กทม.", "จ.", "อ.", "ต.", "ม.", "ถ.", "ส.ค.", "ฝ่าย", "งาน", "ศูนย์", "ข้าราชการ", "พนักงาน",
    "ตำแหน่ง", "ระดับ", "ชำนาญการ", "พิเศษ", "เงินเดือน", "อัตรา", "ค่าตอบแทน", "ค่าใช้จ่าย", "เบิก", "จ่าย",
    "QR", "Code", "web", "e-mail", "สารบรรณ", "ลำดับ", "ตัวชี้วัด", "ร้อยละ", "ไตรมาส", "โครงการ", "กิจกรรม",
)
FULL_MONTHS = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)
SHORT_MONTHS = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.")
AGENCIES = ("อท", "มท", "ศธ", "กค", "นร", "สธ", "กษ", "คค", "พณ", "รง", "ทส", "วธ", "อก", "ยธ", "กต", "พม", "สว")
WRAPS = (("(", ")"), ("“", "”"), ("[", "]"), ("<", ">"), ('"', '"'), ("«", "»"))
LATIN = ("doc", "web", "www", "moi", "go", "th", "pdf", "ID", "Fax", "Tel", "No.", "mail", "gov", "saraban", "info",
         "office", "login", "Line", "Facebook", "https", "OK", "Thailand", "Province", "m", "o", "a", "l")
SYMBOLS = ("%", "&", "@", "#", "*", "+", "=", "«", "»", "'", "~", "_", "|", "!", "?", ";")


def number(rng: random.Random, n: int, *, lead_zero: bool = True) -> str:
    """``n`` uniform random digits (Thai digits; ``to_script`` may switch them to Arabic)."""
    first = THAI_DIGITS if lead_zero else THAI_DIGITS[1:]
    return rng.choice(first) + "".join(rng.choice(THAI_DIGITS) for _ in range(n - 1))


def to_script(text: str, arabic: bool) -> str:
    """Thai digits -> Arabic ones when ``arabic``: ``to_script("๒๕๖๒", True) == "2562"``."""
    return to_arabic(text) if arabic else text


def _date(rng: random.Random) -> str:
    day = to_thai(str(rng.randint(1, 31)))
    year = rng.choice(("๒๕", "๒๕", "๒๔")) + number(rng, 2)
    month = rng.choice(FULL_MONTHS if rng.random() < 0.75 else SHORT_MONTHS)
    era = "พ.ศ. " if rng.random() < 0.15 else ""
    return f"{day} {month} {era}{year}" if rng.random() < 0.85 else f"{day}/{number(rng, 2)}/{year}"


def _ref(rng: random.Random) -> str:
    unit = number(rng, rng.choice((4, 4, 5))) + (f".{number(rng, 1)}" if rng.random() < 0.6 else "")
    serial = number(rng, rng.randint(1, 5), lead_zero=False)
    sep = rng.choice(("/", "/", " / ", "/ "))
    circ = rng.choice(("ว ", "ว", "", "ว ", ""))
    return f"{rng.choice(AGENCIES)} {unit}{sep}{circ}{serial}"


def _phone(rng: random.Random) -> str:
    shapes = (
        lambda: f"๐-{number(rng, 4)}-{number(rng, 4)}",
        lambda: f"๐{number(rng, 1)}-{number(rng, 3)}-{number(rng, 4)}",
        lambda: f"๐๘-{number(rng, 4)}-{number(rng, 4)}",
        lambda: f"๐ {number(rng, 4)} {number(rng, 4)}",
        lambda: f"มท.{number(rng, 5)}",
        lambda: number(rng, 4),
    )
    return rng.choice(shapes)()


def _amount(rng: random.Random) -> str:
    groups = [number(rng, rng.randint(1, 3), lead_zero=False)] + [number(rng, 3) for _ in range(rng.randint(0, 3))]
    cents = f".{number(rng, 2)}" if rng.random() < 0.3 else ""
    return ",".join(groups) + cents + rng.choice((" บาท", "", " บาท", "-"))


def _misc(rng: random.Random) -> str:
    shapes = (
        lambda: f"ครั้งที่ {number(rng, rng.randint(1, 2), lead_zero=False)}/{rng.choice(('๒๕', '25'))}{number(rng, 2)}",
        lambda: f"{number(rng, rng.randint(1, 2), lead_zero=False)}.",
        lambda: f"({number(rng, 1, lead_zero=False)})",
        lambda: f"{number(rng, 1, lead_zero=False)})",
        lambda: f"{number(rng, 2)}.{number(rng, 2)} น.",
        lambda: f"{number(rng, 2)}.{number(rng, 2)} - {number(rng, 2)}.{number(rng, 2)} น.",
        lambda: f"http://{number(rng, 3)}.{number(rng, 3)}.{number(rng, 3)}.{number(rng, 3)}/web",
        lambda: number(rng, 5, lead_zero=False),
        lambda: f"- {number(rng, 1, lead_zero=False)} -",
        lambda: f"{number(rng, 1)}-{number(rng, 4)}-{number(rng, 5)}-{number(rng, 2)}-{number(rng, 1)}",
        lambda: f"{number(rng, rng.randint(1, 3), lead_zero=False)}/{number(rng, rng.randint(1, 4))}",
        lambda: f"{number(rng, 2)}:{number(rng, 2)}",
        lambda: f"ร้อยละ {number(rng, 2, lead_zero=False)}.{number(rng, 2)}",
        lambda: number(rng, rng.randint(1, 6)),
    )
    return rng.choice(shapes)()


ITEMS = ((_date, 0.25), (_ref, 0.2), (_phone, 0.12), (_amount, 0.13), (_misc, 0.3))


def digit_item(rng: random.Random) -> str:
    """One number as letters write it: ``"๒๖ พฤษภาคม ๒๕๖๒"``, ``"อท ๐๐๑๗.๒/ว ๒๐๕๕"``, ``"๕๐๐,๐๐๐ บาท"``."""
    make = rng.choices([f for f, _ in ITEMS], weights=[w for _, w in ITEMS])[0]
    return to_script(make(rng), rng.random() < ARABIC_SHARE)


def _latin(rng: random.Random) -> str:
    """Latin text as letters carry it: ``"saraban37@moi.go.th"``, ``"http://www.moi.go.th/doc"``, ``"Fax"``."""
    shapes = (
        lambda: rng.choice(LATIN),
        lambda: f"{rng.choice(LATIN)}{number(rng, rng.randint(1, 3))}@{rng.choice(LATIN)}.go.th",
        lambda: f"{rng.choice(('http', 'https'))}://www.{rng.choice(LATIN)}.go.th/{rng.choice(LATIN)}",
        lambda: f"{rng.choice(LATIN)}{rng.choice(SYMBOLS)}{rng.choice(LATIN)}",
        lambda: rng.choice(SYMBOLS),
        lambda: f"e-mail: {rng.choice(LATIN)}{rng.choice(LATIN)}",
    )
    return to_script(rng.choice(shapes)(), rng.random() < 0.5)


def _word(rng: random.Random) -> str:
    if rng.random() < 0.08:
        return _latin(rng)
    word = rng.choice(WORDS)
    if rng.random() < 0.3:
        word += rng.choice(WORDS)  # Thai writes words without spaces
    if rng.random() < 0.04:
        left, right = rng.choice(WRAPS)
        word = left + word + right
    return word


def random_line(rng: random.Random, max_chars: int = 90) -> str:
    """A line of up to about ``max_chars`` characters mixing words, numbers and dotted leaders."""
    parts: list[str] = []
    target = rng.randint(4, max_chars)
    p_digit = rng.choice((0.2, 0.35, 0.5, 0.8))
    while sum(len(p) + 1 for p in parts) < target:
        r = rng.random()
        if r < p_digit:
            parts.append(digit_item(rng))
        elif r < p_digit + 0.03:
            parts.append("." * rng.randint(3, 12))
        else:
            parts.append(_word(rng))
    line = ""
    for part in parts:
        glue = "" if not line or (rng.random() < 0.12 and not part[0].isdigit()) else " "
        line += glue + part
    return line
