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
    MONTH_NAMES[_abbr] = _i  # "พ.ค."
    MONTH_NAMES[_abbr.replace(".", "")] = _i  # "พค" (OCR and careless typing)
for _i, _short in enumerate(
    ["มกรา", "กุมภา", "มีนา", "เมษา", "พฤษภา", "มิถุนา", "กรกฎา", "สิงหา", "กันยา", "ตุลา", "พฤศจิกา", "ธันวา"],
    start=1,
):
    MONTH_NAMES[_short] = _i  # "พฤษภา" (colloquial; pythainlp lacks กรกฎา)


def month_number(token: str) -> int | None:
    """``month_number("ก. ย.") == 9``; spaces and dots inside an abbreviation are ignored."""
    key = re.sub(r"\s+", "", token)
    if key in MONTH_NAMES:
        return MONTH_NAMES[key]
    return MONTH_NAMES.get(key.rstrip("."))


def _month_alternation() -> str:
    forms = set()
    for name in MONTH_NAMES:
        if "." in name:
            # "ก.ย." also as "ก. ย." and "ก.ย" (last dot lost)
            parts = [re.escape(p) for p in name.strip(".").split(".")]
            forms.add(r"\.\s?".join(parts) + r"\.?")
        else:
            forms.add(re.escape(name))
    return "|".join(sorted(forms, key=len, reverse=True))


MONTH = f"(?:{_month_alternation()})"  # "พฤษภาคม" | "พ.ค." | "พค" | "พฤษภา"
ERA = r"(?:พ\.\s?ศ\.?|ค\.\s?ศ\.?|พศ\.?|คศ\.?)"  # "พ.ศ." before the year

# "๒๖ พฤษภาคม ๒๕๖๒", "15 ก.ย. 48", "๑ ธันวาคม พ.ศ. ๒๕๖๑", "๒๖พ.ค.๖๒"
DATE = re.compile(
    rf"(?<![0-9๐-๙])(?P<day>{DIGIT}{{1,2}})(?:{GAP}(?:เดือน){WS}|{GAP})(?P<month>{MONTH})"
    rf"{GAP}(?P<era>{ERA})?{GAP}(?P<year>{DIGIT}{{4}}|{DIGIT}{{2}})(?![0-9๐-๙])"
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
REF_AGENCY = re.compile(
    rf"(?<![ก-๙]){AGENCY}{GAP}{UNIT}{GAP}/{GAP}(?:{CIRCULAR}{GAP})?{SERIAL}(?![0-9๐-๙/])"
)  # a number wrapped at the end of a printed line keeps going on the next ({GAP})
# orders and announcements: "๑๒๓/๒๕๖๙" (running number / B.E. year)
REF_ORDER = re.compile(rf"(?<![0-9๐-๙/.])(?P<serial>{DIGIT}{{1,5}}){WS}/{WS}(?P<year>{DIGIT}{{4}})(?![0-9๐-๙])")
# the short citation form: "ว 10", "ว.๓๔๗"
REF_SHORT = re.compile(rf"(?<![ก-๙]){CIRCULAR}{GAP}(?P<serial>{DIGIT}{{1,6}})(?![0-9๐-๙/.])")

# --- header keywords (at the start of a line) ---------------------------------------------------
# "ที่ อท ๐๐๑๗.๒/ว ๒๐๕๖", "ที่..พล ๐๐๒๓/๑๙๓๖" (a short form leader the normaliser leaves)
LINE_REF = re.compile(r"^[ \t]*ที่(?:[ \t.:]*(?=[ก-ฮ]{2}|[0-9๐-๙])|[ \t]+)", re.M)
SUBJECT = re.compile(r"^[ \t]*เรื่อง[ \t:.]*", re.M)  # "เรื่อง การปรับปรุง…", "เรื่อง..การ…"
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
