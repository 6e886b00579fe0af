"""Every regular expression of the extractors, built from named pieces.

Each piece carries a real Thai example. The patterns run on *normalised* text
(``pipeline.normalize``): Thai digits are still Thai, dotted leaders are gone, sara am is whole.
"""

from __future__ import annotations

import re

from pythainlp.util.date import thai_abbr_months, thai_full_months

from pipeline.thai_chars import to_arabic

# --- characters -----------------------------------------------------------------------------
DIGIT = r"[0-9๐-๙]"  # "๒๕๖๒" or "2562"
DIGITS = DIGIT + "+"
SP = r"[ \t]"  # a space inside a line
WS = r"[ \t]*"  # optional spaces inside a line
GAP = r"[ \t]*\n?[ \t]*"  # optional spaces, at most one line break (a wrapped line)
THAI_CONSONANT = "ก-ฮ"

def arabic(text: str) -> str:
    """Thai digits to Arabic: ``arabic("๐๐๑๗.๒") == "0017.2"`` (``pipeline.thai_chars.to_arabic``)."""
    return to_arabic(text)


# --- months: full, abbreviated (dotted, undotted, spaced), colloquial -------------------------
MONTH_NAMES: dict[str, int] = {}
for _i, (_full, _abbr) in enumerate(zip(thai_full_months, thai_abbr_months, strict=True), start=1):
    MONTH_NAMES[_full] = _i  # "พฤษภาคม"
    MONTH_NAMES[_full.replace("\u0e4c", "")] = _i  # "กุมภาพันธ" (the last mark dropped by a PDF layer)
    MONTH_NAMES[_abbr] = _i  # "พ.ค."
    MONTH_NAMES[_abbr.replace(".", "")] = _i  # "พค" (OCR and careless typing)
for _i, _short in enumerate(
    ["มกรา", "กุมภา", "มีนา", "เมษา", "พฤษภา", "มิถุนา", "กรกฎา", "สิงหา", "กันยา", "ตุลา", "พฤศจิกา", "ธันวา"],
    start=1,
):
    MONTH_NAMES[_short] = _i  # "พฤษภา" (colloquial; pythainlp lacks กรกฎา)


def month_number(token: str, last_dot_lost: bool = False) -> int | None:
    """``month_number("ก. ย.") == 9``; spaces inside an abbreviation are ignored, and with
    ``last_dot_lost`` its lost last dot too: ``month_number("พ.ย", last_dot_lost=True) == 11``
    (the OCR repair asks without it, to put the dot back)."""
    key = re.sub(r"\s+", "", token)
    if key in MONTH_NAMES:
        return MONTH_NAMES[key]
    found = MONTH_NAMES.get(key.rstrip("."))
    return found if found or not last_dot_lost else MONTH_NAMES.get(key + ".")  # "พ.ย" (last dot lost)


def _month_alternation() -> str:
    forms = set()
    for name in MONTH_NAMES:
        if "." in name:
            # "ก.ย." also as "ก. ย." and "ก.ย" (last dot lost)
            parts = [re.escape(p) for p in name.strip(".").split(".")]
            forms.add(r"\.\s?".join(parts) + r"\.?")
            forms.add("".join(parts) + r"\.")  # "๑๕ พย. ๖๕": the inner dot lost (the bare "พย" is a name of its own)
        else:
            forms.add(re.escape(name))
    return "|".join(sorted(forms, key=len, reverse=True))


MONTH = f"(?:{_month_alternation()})"  # "พฤษภาคม" | "พ.ค." | "พค" | "พฤษภา"
ERA = r"(?:พ\.\s?ศ\.?|ค\.\s?ศ\.?|พศ\.?|คศ\.?)"  # "พ.ศ." before the year

# a B.E. year of 25xx whose first digit OCR read apart: "๒ ๕๖๔" ("25 66" and "256 6" are joined by
# ``pipeline.normalize``, which leaves this form)
SPLIT_BE_YEAR = rf"[๒2][ ][๕5]{DIGIT}{{2}}"
# "๒๖ พฤษภาคม ๒๕๖๒", "15 ก.ย. 48", "๑ ธันวาคม พ.ศ. ๒๕๖๑", "๒๖พ.ค.๖๒", "๕ พ.ย ๒๕๖๓", "1๕ ตุลาคม ๒๕6๓",
# "๒ ก.พ. ๒ ๕๖๔" (SPLIT_BE_YEAR); never "15 มีนาคม 25" of a split "25 63" taken as a two-digit year
DATE = re.compile(
    rf"(?<![0-9๐-๙])(?P<day>{DIGIT}{{1,2}})(?:{GAP}(?:เดือน){WS}|{GAP})(?P<month>{MONTH})"
    rf"{GAP}(?P<era>{ERA})?{GAP}(?P<year>{DIGIT}{{4}}|{SPLIT_BE_YEAR}|{DIGIT}{{2}}(?!{WS}{DIGIT}{{2}}(?![0-9๐-๙])))"
    rf"(?![0-9๐-๙])"
)

# --- reference numbers --------------------------------------------------------------------------
# agency letters: "อท", "มท", "ศธ", "กทม", also "มท." (a stray dot)
AGENCY = rf"(?P<agency>[{THAI_CONSONANT}]{{2,3}})\.?"
# owner code with sub-units: "๐๐๑๗.๒", "04349", "0603.32.01", "๐๘๐๕.๒"
UNIT = rf"(?P<unit>{DIGIT}{{2,6}}(?:{WS}\.{WS}{DIGIT}{{1,4}}){{0,3}})"
# circular marker: "ว", "ว.", "ว " (หนังสือเวียน)
CIRCULAR = r"(?P<circ>ว\.?)"
# running number, sometimes with a letter suffix: "๒๐๕๕", "3694", "123ก"
SERIAL = rf"(?P<serial>{DIGIT}{{1,7}})(?P<suffix>[ก-ฮ](?![ก-๙]))?"

# "อท ๐๐๑๗.๒ / ว ๒๐๕๕", "ศธ 04349/ว3694", "อว 0603.09/ว.2122", "ตช 0018.21/1420"
# a court's part before the serial: "ศย 300.027/(ค)อ 5419" (a letter in brackets, then a letter or two)
COURT_PART = r"(?P<court>\([ก-ฮ]{1,2}\)[ก-ฮ]{0,2})"
# a serial that runs on past a speck ("ศธ. 04199/ว 20 ฯ7": ๔ read as ฯ) is not read at all: its digits are not all there
SERIAL_RUNS_ON = r"(?![ \t]?[ฯๆ@#*~^|'\"«»•·][ \t]?[0-9๐-๙])"
REF_AGENCY = re.compile(
    rf"(?<![ก-๙]){AGENCY}{GAP}{UNIT}{GAP}/{GAP}(?:{COURT_PART}{WS})?(?:{CIRCULAR}{GAP})?{SERIAL}(?![0-9๐-๙/]){SERIAL_RUNS_ON}"
)
# a draft's number with the serial left blank, at the end of its line or before a memo's date:
# "ที่ นว ๕๒๐๐๗.๓/", "ที่ นว ๕๒๐๐๗.๓/ วันที่ ๗ เมษายน ๒๕๖๙"
REF_BLANK = re.compile(rf"{AGENCY}{WS}{UNIT}{WS}/{WS}(?:{CIRCULAR}{WS})?(?=$|วันที่|[ \t]{{3,}}[^ \t0-9๐-๙])", re.M)  # (or the address column after a wide gap) a number wrapped at the end of a printed line keeps going on the next ({GAP})
# orders and announcements: "๑๒๓/๒๕๖๙" (running number / B.E. year)
REF_ORDER = re.compile(rf"(?<![0-9๐-๙/.])(?P<serial>{DIGIT}{{1,5}}){WS}/{WS}(?P<year>{DIGIT}{{4}})(?![0-9๐-๙])")
# the short citation form: "ว 10", "ว.๓๔๗"
REF_SHORT = re.compile(rf"(?<![ก-๙]){CIRCULAR}{GAP}(?P<serial>{DIGIT}{{1,6}})(?![0-9๐-๙/.])")

# --- header keywords (at the start of a line) ---------------------------------------------------
# a speck or two a scan leaves before a line's first word: "' ประกาศมหาวิทยาลัย…", "| คำสั่ง…"
LEADING_SPECK = r"""(?:['"“”‘’|«».,:;!]{1,2}[ \t]*)?"""
# "ที่ อท ๐๐๑๗.๒/ว ๒๐๕๖", "ที่..พล ๐๐๒๓/๑๙๓๖" (a short form leader the normaliser leaves)
LINE_REF = re.compile(r"^[ \t]*ที่(?:[ \t.:]*(?=[ก-ฮ]{2}|[0-9๐-๙])|[ \t]+)", re.M)
# "เรื่อง การปรับปรุง…", "เรื่อง..การ…", "เรื่อง ! รับสมัคร…" (a speck before the subject)
SUBJECT = re.compile(r"^[ \t]*เรื่อง[ \t:.]*(?:[!|][ \t]+)?", re.M)
SALUTATION = re.compile(r"^[ \t]*(?P<kw>กราบเรียน|เรียน|นมัสการ|ถึง)(?=[ \t]|[ก-๙])[ \t:]*", re.M)  # "เรียน ผู้ว่า…"
REFERENCE_HEAD = re.compile(r"^[ \t]*อ้างถึง[ \t:]*", re.M)  # "อ้างถึง ๑. หนังสือ…"
ATTACHMENT_HEAD = re.compile(r"^[ \t]*สิ่งที่ส่งมาด้วย[ \t:]*", re.M)  # "สิ่งที่ส่งมาด้วย ๑. …"
OWNER = re.compile(r"^[ \t]*ส่วนราชการ[ \t:]*", re.M)  # memo "ส่วนราชการ สำนักงานจังหวัด… โทร. …"
CLOSING = re.compile(
    r"^[ \t]*(?:ขอแสดงความนับถือ(?:อย่างยิ่ง)?|ด้วยความเคารพ(?:อย่างสูง)?|ขอนมัสการด้วยความเคารพ)[ \t]*$", re.M
)
# "(นายประมวล มุ่งมาตร)": a name has Thai letters and no digits, so "(โทร. ๐-๓๕๗๘-๓๔๒๘)" is not one
NAME_LINE = re.compile(r"^[ \t]*\((?P<name>(?!โทร|Tel)[^()\n0-9๐-๙]{0,40}[ก-ฮ][^()\n0-9๐-๙]{2,60})\)[ \t]*$", re.M)
NUMBERED_ITEM = re.compile(rf"^[ \t]*(?P<num>{DIGIT}{{1,2}})[ \t]*[.)][ \t]*", re.M)  # "๒. หลักเกณฑ์…"
URGENCY = re.compile(r"(?<![ก-๙])(ด่วนที่สุด|ด่วนมาก|ด่วน)(?!ภายใน)")  # "ด่วนที่สุด"
URGENCY_WITHIN = re.compile(r"(?<![ก-๙])ด่วนภายใน")
SECRECY = re.compile(r"(?<![ก-๙])(ลับที่สุด|ลับมาก|ลับ)(?![ก-๙])")  # "ลับมาก"
# " โทร.๐-๓๕๖๑-๔๙๑๒", " (โทร. 0 3522 1923)", " โทร. ภายใน 4906"
PHONE = re.compile(r"[ \t]*\(?[ \t]*(?:โทร(?:ศัพท์|สาร)?[ \t]?\.?|Tel[ \t]?\.?)[ \t:]*(?:ภายใน|[0-9๐-๙(]).*$", re.M)

# words that open a body paragraph: a salutation or subject never continues with them
BODY_OPENERS = (
    "ตามที่", "ตามหนังสือ", "ตามคำสั่ง", "ตามระเบียบ", "ตามประกาศ", "ตามมติ", "ตามบันทึก", "ด้วย", "อนุสนธิ",
    "เนื่องด้วย", "เนื่องจาก", "ในการนี้", "จึงเรียน", "จึงขอ", "ข้าพเจ้า", "โดยที่", "อาศัยอำนาจ", "บัดนี้",
    "ขอให้", "ขอส่ง", "ขอแจ้ง", "ขอเชิญ", "ขอความ", "ขอรายงาน", "ขออนุญาต", "ขอประชาสัมพันธ์",
)


def spaced(word: str) -> str:
    """A regex for ``word`` that lets a space in between its characters (OCR splits ``จึง เรียน``)."""
    return " ?".join(re.escape(c) for c in word)


BODY_OPENER = re.compile(r"^[ \t]*(?:" + "|".join(spaced(w) for w in sorted(BODY_OPENERS, key=len, reverse=True)) + ")")

# keyword lines of the header: a wrapped field stops at any of them
HEADER_KEYWORD = re.compile(
    r"^[ \t]*(?:ที่[ \t]|เรื่อง|กราบเรียน|เรียน[ \t]|นมัสการ|ถึง[ \t]|อ้างถึง|สิ่งที่ส่งมาด้วย|วันที่|บันทึกข้อความ)"
)

# --- official instruments in running text (the Royal Gazette, text without layout) ------------
# the first word of an instrument's title, as printed or split by PDF text ("กฎ กระทรวง", "พระราช บัญญัติ")
INSTRUMENT_KINDS: dict[str, str] = {
    "พระราชบัญญัติ": "law",  # "พระราชบัญญัติอ้อยและน้ำตาลทราย (ฉบับที่ ๒) พ.ศ. ๒๕๖๕"
    "พระราชกำหนด": "law",  # "พระราชกำหนดการบริหารจัดการการทำงานของคนต่างด้าว พ.ศ. ๒๕๖๐"
    "พระราชกฤษฎีกา": "law",  # "พระราชกฤษฎีกาจัดตั้งศาลแขวงสีคิ้ว พ.ศ. ๒๕๖๖"
    "กฎกระทรวง": "law",  # "กฎกระทรวง ฉบับที่ ๓๘๗ (พ.ศ. ๒๕๖๖) ออกตามความในประมวลรัษฎากร"
    "ประกาศ": "announcement",  # "ประกาศจังหวัดสกลนคร เรื่อง ตั้งและกำหนดเขตหมู่บ้าน"
    "แถลงการณ์": "announcement",
    "คำสั่ง": "order",  # "คำสั่งกระทรวงแรงงาน ที่ ๔๐๙/๒๕๖๕ เรื่อง แต่งตั้ง…"
    "ระเบียบ": "regulation",  # "ระเบียบกระทรวงมหาดไทย ว่าด้วยหลักเกณฑ์… พ.ศ. ๒๕๖๖"
    "ข้อบังคับ": "regulation",  # "ข้อบังคับสภาวิชาชีพ… ว่าด้วย…"
    "ข้อบัญญัติ": "regulation",  # "ข้อบัญญัติองค์การบริหารส่วนตำบล… เรื่อง…"
    "เทศบัญญัติ": "regulation",  # "เทศบัญญัติเทศบาลตำบลนาสาร เรื่อง…"
}
_KIND_WORDS = sorted(INSTRUMENT_KINDS, key=len, reverse=True)
# "กฎ กระทรวง", "พระราช บัญญัติ", "ค ำสั่ง": a space may fall inside the word
INSTRUMENT_KIND = "(?P<kind>" + "|".join(spaced(w) for w in _KIND_WORDS) + ")"
# the title at the head of a text: kind word, then the issuer (never "ณ" of a signing line)
INSTRUMENT_TITLE = re.compile(rf"{INSTRUMENT_KIND}(?![ \t]*ณ)(?=[ \t]*[ก-ฮเแโใไ(])")
# where the title stops and the body begins: "โดยที่เป็นการสมควร…", "อาศัยอำนาจ…", "ด้วย บริษัท…"
BODY_START_WORDS = (
    "โดยที่", "อาศัยอำนาจ", "อาศัยอานาจ", "ด้วย", "ตามที่", "เนื่องด้วย", "เนื่องจาก", "อนุสนธิ", "ขอประกาศ", "พระบาทสมเด็จ",
    "ด้วยปรากฏ", "ตามที่ได้", "โดยเป็นการสมควร", "โดยเห็นว่า", "บัดนี้", "ข้อ 1", "ข้อ ๑", "โดยเห็นสมควร",
    "โดยอาศัย", "ประกาศ ณ", "สั่ง ณ", "ให้ไว้ ณ", "ด้วยคณะ", "ด้วยกรม",
    "ด้วยกระทรวง", "ด้วยสำนักงาน", "ในการประชุม", "สืบเนื่อง", "มีพระบรมราชโองการ", "โดยที่ได้",
)
# Words that open a body as often as they continue a title ("… สำหรับคนต่างด้าว ตามมติคณะรัฐมนตรีเมื่อวันที่
# ๓๐ พฤษภาคม ๒๕๖๖", "… เพื่อให้บั้งไฟ พลุ … ขึ้นไปสู่อากาศ (ฉบับที่ ๒) พ.ศ. ๒๕๖๖"): a title stops at one of them
# only when no sentence opener of BODY_START_WORDS follows closely (``extractors.instrument.title``).
TITLE_OR_BODY_WORDS = (
    "ตามประกาศ", "ตามคำสั่ง", "ตามมติ", "ตามหนังสือ", "เพื่อให้", "เพื่ออนุวัติ", "เพื่อเป็น", "ตามข้อ", "ให้ยกเลิก",
    "ให้แต่งตั้ง", "ตามความใน", "ตามพระราชกฤษฎีกา", "ตามกฎกระทรวง", "เพื่อประโยชน์", "เพื่ออำนวย",
)


def _words_after_space(words: tuple[str, ...], tail: str = "") -> re.Pattern[str]:
    return re.compile(r"[ \t\n]+(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + tail + ")")


BODY_START = _words_after_space(BODY_START_WORDS, r"|[0-9๐-๙]{1,2}[ \t]?\.[ \t]+[ก-ฮเแโใไ]")  # or " ๑. เหตุผล…"
TITLE_OR_BODY = _words_after_space(TITLE_OR_BODY_WORDS)
# the signing line of an instrument: "ประกาศ ณ วันที่ ๒๘ กุมภาพันธ์ พ.ศ. ๒๕๖๖", "สั่ง ณ วันที่", "ให้ไว้ ณ วันที่"
SIGNED_ON_RUN = re.compile(r"(?<![ก-๙])(?P<verb>ประกาศ|สั่ง|ให้ไว้)[ \t\n]*ณ[ \t\n]*(?:วัน[ \t]?ที่[ \t\n]*)?")  # "ณ วัน ที่"
# the reign year after a law's date: "เป็นปีที่ ๘ ในรัชกาลปัจจุบัน"
REIGN_YEAR = re.compile(r"[ \t\n]*เป็นปีที่[ \t\n]*(?P<reign>[0-9๐-๙]{1,2})[ \t\n]*ในรัชกาลปัจจุบัน")
# the countersignature of a law: "ผู้รับสนองพระบรมราชโองการ พลเอก ประยุทธ์ จันทร์โอชา นายกรัฐมนตรี"
COUNTERSIGN = re.compile(r"ผู้รับสนอง[ \t]*พระ[ \t]*(?:บรม[ \t]*)?ราช[ \t]*โองการ[ \t\n]*")
# the Gazette running head or foot: "หน้า ๑ เล่ม ๑๔๐ ตอนที่ ๒๒ ก ราชกิจจานุเบกษา ๒๐ มีนาคม ๒๕๖๖"
# (a PDF layer may keep the tone marks displaced: "หน้า ๑่ / เลม ๑๓๙ …")
GAZETTE_HEAD = re.compile(
    rf"หน้?า[ \t]*(?P<page>{DIGIT}{{1,4}})[่]?[ \t\n]*เล่?ม[ \t]*(?P<volume>{DIGIT}{{1,3}})[ \t\n]*"
    rf"(?P<section>ตอน(?:ที่|พิเศษ)[ \t]*{DIGIT}{{1,4}}[ \t]*[กขคง])[ \t\n]*ราชกิจจานุเบกษา[ \t\n]*"
    rf"(?P<date>{DIGIT}{{1,2}}[ \t]*{MONTH}[ \t]*(?:{ERA}[ \t]*)?{DIGIT}{{4}})"
)

# --- web addresses ------------------------------------------------------------------------------
# "http://๑๒๓.๒๔๒.๑๕๙.๑๓๕/web", "https://www.moi.go.th/…", "www.saraban.go.th" (Thai digits allowed;
# Thai letters end the address: "…go.thเพื่อ")
URL = re.compile(r"(?<![A-Za-z0-9๐-๙])(?:https?[ \t]?:[ \t]?//|www\.)[A-Za-z0-9๐-๙._~:/?#\[\]@!$&'*+,;=%\-]+", re.I)
