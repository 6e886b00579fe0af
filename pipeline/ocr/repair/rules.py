"""Repair what Tesseract's Thai model typically gets wrong in letters, conservatively, on OCR text only.

>>> repair("ที อท ๐๐๑๗.๒/ว ๒๐๕๕ วันที ๒๖ พฤษภาคม ๒๕๖๒\\nเรือง การปรับปรุงแนวทาง\\nสิงทีส่งมาด้วย ๑. แนวทาง")
'ที่ อท ๐๐๑๗.๒/ว ๒๐๕๕ วันที่ ๒๖ พฤษภาคม ๒๕๖๒\\nเรื่อง การปรับปรุงแนวทาง\\nสิ่งที่ส่งมาด้วย ๑. แนวทาง'

Each rule fixes a form that is not a Thai word where it stands: a lost upper mark on a keyword
(``ที`` before a number, ``เรือง``/``อางถึง``/``เรยน`` as a line's label, ``สิงทีส่งมาด้วย``), ``ํา`` for ``ำ``,
and a run of ``๑`` that Tesseract reads from a dotted leader. Names and running text are left alone:
a rule that could hit a real word is anchored at the start of a line or needs a number after it.
It runs on OCR pages only, as the ``repair`` step of ``pipeline.ocr.steps``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.normalize import STEPS
from pipeline.ocr.repair.lexicon import CONFUSABLE, repair_words
from pipeline.thai_chars import MARKS, THAI_DIGITS, to_arabic, to_thai

DIGIT = "[๐-๙0-9]"
TONE = "[\u0e48-\u0e4b]"
UPPER = "[\u0e31\u0e34-\u0e37\u0e47-\u0e4e]"


@dataclass(frozen=True, slots=True)
class Rule:
    """A named regex repair; ``pattern.sub(repl, text)`` applies it."""

    name: str
    pattern: re.Pattern
    repl: str


# the start of a month's name or abbreviation ("ก.พ.", "มีนาคม", a speck inside: "กุพ.")
MONTH_HEAD = r"(?:[ก-ฮ]\u0e38?\.?[ก-ฮ]\.|มกรา|กุมภา|มีนา|เมษา|พฤษภา|มิถุนา|กรกฎา|สิงหา|กันยา|ตุลา|พฤศจิกา|ธันวา)"

# Words that take ที่ before a number ("วันที่ ๒๖", "ครั้งที่ ๙/๒๕๖๑"); not นาที or ทันที.
ORDINAL_HEADS = ("วัน", "ครั้ง", "ครัง", "ข้อ", "หมู่", "ฉบับ", "ลำดับ", "ชั้น", "คน", "ราย", "ปี", "เดือน", "ตอน", "เล่ม", "หน้า")
_AFTER_HEAD = "(?:" + "|".join(f"(?<={h})" for h in ORDINAL_HEADS) + "|(?<![^ (\n]))"

RULES: tuple[Rule, ...] = (
    # "สัง ณ วันท 16 มกราคม": the ี and ่ of วันที่ both lost before a number.
    Rule("wanthi_lost_marks", re.compile(f"(?<=วัน)ท(?!{TONE}|{UPPER})(?=[ ]?{DIGIT})"), "ที่"),
    # "ประกาศ ณ ววันที่ ๖ ตุลาคม": the ว of วันที่ read twice after a space (after a word, "แล้ววันที่", it is that word's)
    Rule("doubled_wan", re.compile("(?<![ก-๙])ว(?=วันที่)"), ""),
    # "หนังสือสำนักงาน… ว ฒ๗๕๙๙ ลว. ๓๐ พ.ย. ๖๕": a speck read as a letter glued before a short form's serial
    Rule("short_form_speck", re.compile(f"(?<![ก-๙])(ว\\.?[ \t]*)[ก-ฮ](?={DIGIT}{{2,5}}[ \t]+(?:ลว|ลงวันที่))"), r"\1"),
    # "ตั้งแต่วันท ร 14 กันยายน": วันที่ with its marks lost and a speck read as a letter before the day
    Rule("wanthi_speck", re.compile(f"(?<=วัน)ท(?:\u0e35\u0e48?)?[ ]+[ก-ฮ](?=[ ]+{DIGIT}{{1,2}}[ \t\n]*[ก-ฮ])"), "ที่"),
    # "ที่ ศธ ๐๔๒๗๙/๘๘๔๘            งนท ๘ พ.ค. ๖๖": a memo's วันที่ read as a few letters, after the gap on the
    # number's line and before a day and a month
    Rule("memo_date_label", re.compile(f"(?m)^([ \t]*ที่[ \t]+[^\n]*?{DIGIT}[ \t]{{3,}})(?!วันที่)[ก-ฮ\u0e30-\u0e4e]{{2,5}}"
                                       f"(?=[ \t]+{DIGIT}{{1,2}}[ \t]+{MONTH_HEAD})"), r"\1วันที่"),
    # "๘ พ.ค. อ๖๖", "๒ ก.พ. ษ๒๕๖๔": a speck read as a letter glued before the year after a month's abbreviation
    Rule("year_lead_speck", re.compile(rf"(?<=[ก-ฮ]\.[ก-ฮ]\.[ \t])[ก-ฮ](?={DIGIT}{{2}}(?:{DIGIT}{{2}})?(?![0-9๐-๙]))"), ""),
    # words of letters OCR reads with marks lost where the form is no word: ผู้ว่าราชการ, กลุ่ม, ฝ่าย before a
    # unit's name (ฝาย, a weir, is a word alone), สิ่งปลูกสร้าง, and น้ำ of the compounds ใต้น้ำ, ทรัพยากรน้ำ, แหล่งน้ำ
    Rule("phu_wa", re.compile("ผ\u0e39?\u0e49?ว\u0e48?าราชการ"), "ผู้ว่าราชการ"),
    Rule("klum", re.compile("กลุ(?=ม)"), "กลุ่"),
    Rule("fai", re.compile("ฝาย(?=(?:บริหาร|อำนวยการ|วิชาการ|ปกครอง|ปฏิบัติการ|แผน|นโยบาย|กิจการ|ทะเบียน|บุคคล|"
                           "ประชาสัมพันธ์|สวัสดิการ|พัสดุ|การเงิน|งบประมาณ|ส่งเสริม|พัฒนา))"), "ฝ่าย"),
    Rule("sing_plook", re.compile("สิงปลูกสร้าง"), "สิ่งปลูกสร้าง"),
    Rule("nam_compound", re.compile("(?:(?<=ใต้)|(?<=ทรัพยากร)|(?<=แหล่ง))น(?:\u0e49\u0e32|\u0e33|า)(?![ก-๙])"), "น้ำ"),
    # "ลงวนท ๓ มิถุนายน", "ลงวันทึี ๔ กันยายน": ลงวันที่ with its marks lost or read as others, before a day
    Rule("longwanthi_marks", re.compile(f"ลง[ ]?ว\u0e31?น[ ]?ท(?!\u0e35\u0e48)[\u0e34-\u0e37\u0e48]{{0,3}}(?=[ ]?{DIGIT})"),
         "ลงวันที่"),
    # "ที่ พย ๐๐๒๙.๖/๒๙๗๕- ลงวันที่": a speck read as a hyphen or a dot glued after a cited serial
    Rule("serial_dash_speck", re.compile(f"(?<=/)([ \t]*(?:ว\\.?[ \t]*)?{DIGIT}+)[-–_,'\"]+(?=[ \t]+(?:ลงวันที่|ลว))"), r"\1"),
    # "วันที ๒๖", "ลงวันที ๑๕", "ครั้งที ๙/๒๕๖๑", "ที ๑๒๓/๒๕๖๒": ที with no tone before a number.
    Rule("thi_before_number", re.compile(f"{_AFTER_HEAD}ที(?!{TONE}|{UPPER})(?=[ ]?{DIGIT})"), "ที่"),
    # "ที อท ๐๐๑๗.๒", "ที มท.๐๘๐๘": the ref-no label before an agency code and a number.
    Rule("thi_before_ref", re.compile(f"(?m)^([ ]*)ที(?!{TONE}|{UPPER})(?=[ ]+[ก-ฮ]{{1,3}}\\.?[ ]?{DIGIT})"), r"\1ที่"),
    # "เรือง การปรับปรุง..." as the subject label at the start of a line.
    Rule("rueang_label", re.compile("(?m)^([ ]*)เร(?:ื|ี)?(?:่)?[ ]?อ(?:่)?ง(?=[ .…]|$)"), r"\1เรื่อง"),  # "เร อง"
    # "คำสั่ง…\n   286/2564": an order's or announcement's number whose ที่ the scan lost, alone on the line
    # under the title.
    Rule("order_number_label", re.compile(f"(?m)^([ ]*(?:คำสั่ง|ประกาศ)[^\n]*\n[ ]*)(?={DIGIT}{{1,4}}[ ]?/[ ]?{DIGIT}{{4}}[ ]*$)"),
         r"\1ที่ "),
    # "อางถึง", "อ้างถิง", "อางถิง", "อางถง", "ย้างถึง" (อ read as ย) as a label at the start of a line.
    Rule("angthueng_label", re.compile("(?m)^([ ]*)[อย](?:้)?างถ(?:ึ|ิ)?ง(?=[ .…]|$)"), r"\1อ้างถึง"),
    # "ถง", "ถิง" as the salutation label of a หนังสือประทับตรา at the start of a line ("ถง   ผู้อำนวยการ…").
    Rule("thueng_label", re.compile("(?m)^([ ]*)ถ(?:ิ|ี|ื)?ง(?=[ ]+[ก-ฮเแโใไ])"), r"\1ถึง"),
    # "บนทกขอความ", "บันทึกข้อ ความ": a memo's title with its marks lost or a space inside, alone on its line.
    Rule("memo_title", re.compile("(?m)^([ ]*)บ\u0e31?น[ ]?ท\u0e36?ก[ ]?ข\u0e49?อ[ ]?ความ(?=[ ]*$)"), r"\1บันทึกข้อความ"),
    # "ส่วนราช การ", "สวนราชการ", "ส วนราชการ" (the tone mark read as a gap): a memo's office label at the start
    # of a line.
    Rule("owner_label", re.compile("(?m)^([ ]*)ส[\u0e48 ]?วนร[ ]?าช[ ]?การ(?= |$)"), r"\1ส่วนราชการ"),
    # "ขอความอนุเคราะ :หผู้เชี่ยวชาญ": a speck read as a colon or a bar inside a word (after a space, glued to
    # the next letter); not after a label ("เรื่อง :การ…" keeps its colon).
    Rule("colon_speck", re.compile("(?<=[ก-ฮ\u0e30-\u0e4e])(?<!เรื่อง)(?<!เรียน)(?<!ที่)(?<!ถึง)(?<!โทร)(?<!ราชการ) [:;|](?=[ก-ฮ])"), ""),
    # "เรยน", "เรี่ยน" as the salutation label at the start of a line.
    Rule("rian_label", re.compile("(?m)^([ ]*)เร(?:ี)?(?:่)?ยน(?= )"), r"\1เรียน"),
    # "สิงทีส่งมาด้วย", "สิ่งทีสงมาดวย", ...: the enclosures label, with any of its four marks lost.
    Rule("enclosures_label", re.compile("สิ(?:่)?งที(?:่)?ส(?:่)?งมาด(?:้)?วย"), "สิ่งที่ส่งมาด้วย"),
    # "จึงเรียนมาเพือ", "เพือทราบ": เพือ is not a word; เพื่อ is.
    Rule("phuea", re.compile("เพือ(?!่)"), "เพื่อ"),
    # "มส ๐๐๒๓/วิ๓๖๑๘": a speck read as a mark on the circular ว after the slash.
    Rule("circular_speck", re.compile(f"(?<=/)([ ]?)ว[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]+(?=[ .]?{DIGIT})"), r"\1ว"),
    # "พย ๐๐๒๒/๔๗๙ งวันที่ ๗ …": the ล of ลงวันที่ lost after a letter's number (งวันที่ is no word).
    Rule("longwanthi", re.compile(f"(?<={DIGIT})([ \t]+)งวันที่"), r"\1ลงวันที่"),
    # "กค ๐๔๒๑.๔/ว ๒๑๘๗ญ่ ลงวันที่": a speck read as a letter with a mark glued to a number before ลงวันที่/ลว.
    Rule("serial_tail_speck", re.compile(f"(?<={DIGIT})[ก-ฮ][\u0e31\u0e34-\u0e4e]+(?=[ \t]*(?:ลงวันที่|ลว))"), ""),
    # "๑๐ มกราคม ๒๕๖๙ฉ่", "๒๕๔๙สฆ่", "๑๑ ตุลาคม ๒๕๖๗.": specks read as letters, marks or a dot after the year of a
    # date standing alone
    Rule("date_line_speck", re.compile(f"(?m)^([ \t]*{DIGIT}{{1,2}}[ \t]+[^ \t\n]+[ \t]+{DIGIT}{{4}})(?:[ก-ฮ\u0e30-\u0e4e]{{1,4}}|[.,'|]{{1,2}})[ \t]*$"), r"\1"),
    # "จ้านวน ๕ แผ่น", "จ้ำนวน", "จานวน": ำ read as ้ + า or as า in จำนวน, or a tone mark on it (none is a word).
    Rule("chamnuan", re.compile("จ้านวน|จ[\u0e48-\u0e4b]ำนวน|จานวน"), "จำนวน"),
    # "เขตดุสิต กทม ๑๐๓๐๐": the dot of กทม. lost before the postcode (on the next line too).
    Rule("bangkok_dot", re.compile(f"(?<![ก-๙])กทม(?=[ \t]*\n?[ \t]*{DIGIT}{{5}}(?!{DIGIT}))"), "กทม."),
    # "สัง ณ วันที่ ๑๖ มกราคม": an order's closing with its tone mark lost.
    Rule("sang_na", re.compile("(?<![ก-๙])สั?ง(?=[ \t]*ณ[ \t]*วันที่)"), "สั่ง"),
)


# "ะเบียบกรมการปกครอง", "ำสั่งจังหวัด", "ระกาศกระทรวง": a title whose first letter was lost at the
# start of its line (no Thai word starts with ะ or ำ, and ระกาศ is not a word).
TITLE_FIRST = {"ะเบียบ": "ร", "ำสั่ง": "ค", "ระกาศ": "ป"}
LOST_TITLE_LETTER = re.compile("(?m)^([ \t]*)(" + "|".join(TITLE_FIRST) + ")(?=[ \t]|[ก-ฮ]|$)")

MARK = MARKS  # every combining Thai mark, as a character class
# A vowel or tone mark stands on a consonant (or on another mark); after a dot, a space or a digit it
# is a speck read as a mark: "ก.ุพ." -> "ก.พ.", "พ.ุย." -> "พ.ย.".
ORPHAN_MARK = re.compile(f"(?<=[^\u0e01-\u0e4e])[{MARK}]+|^[{MARK}]+", re.M)  # after a Thai letter: normalize's job
# "ว ๆ๗๙๔": ๆ repeats a word; before a digit it is a speck.
REPEAT_BEFORE_DIGIT = re.compile("(?<=[ /ว])ๆ(?=[๐-๙0-9])")

D = "[๐-๙0-9]"
# the ที่ of a reference number as Tesseract misreads it: ที (mark lost), ทิ่, ฑที, ทฑท (specks read as its
# look-alikes), 1, i
LABEL = "(?:[ฑท]{0,2}[ทฑ][\u0e34-\u0e37]?[\u0e48-\u0e4b]?|[17il](?![.)]))"
CODE_TOKEN = f"[ก-ฮ][ก-ฮ{MARK}0-9]{{1,4}}"  # "ศธ5", "บริ", "ชูย": an agency code with a speck on it
REF_TAIL = rf"[ \t]*\n?[ \t]*\.?[ \t]*{D}{{2,6}}(?:[ \t]*\.[ \t]*{D}{{1,4}})*[ \t]*/"  # " ๐๔๐๔๕/", wrapped too
REF_CODE = re.compile(f"(?<![^ \t\n(])(?P<code>{CODE_TOKEN})(?={REF_TAIL})")
REF_LABEL = re.compile(rf"(?<![^ \t\n(])(?P<label>{LABEL})(?P<gap>[ \t]+)(?=(?P<code>[ก-ฮ]{{2,3}})\.?{REF_TAIL})")
# "ที =๔๒๔/๒๕๔๑", "ฑที ๙๒๓/๒๕๔๖": an order's number at the start of its line
ORDER_LABEL = re.compile(rf"(?m)^(?P<indent>[ \t]*){LABEL}[ \t]*[=:\-]?[ \t]*(?={D}{{1,5}}[ \t]*/[ \t]*{D}{{4}}(?!{D}))")
# "ที ไว๖๖๗/๒๕๖๙": specks read as one or two letters against the number, on a line holding only that
ORDER_LABEL_SPECKS = re.compile(
    rf"(?m)^(?P<indent>[ \t]*){LABEL}[ \t]*[ก-ฮ\u0e30-\u0e4e]{{1,2}}(?={D}{{1,5}}[ \t]*/[ \t]*{D}{{4}}[ \t]*$)")
# "ศธ ๐๔๓๔๙.๗.ญ / ๔๔๑๔", "นค ๐๐๑๗ฒ/ว. ๕๖๙๘", "มท ๐๒๑๑.๓.ตศา / ๖๖๖": specks read as letters (after a dot or not) between a
# unit number and its slash; ว is left, it may be the circular mark misplaced
UNIT_SPECK = re.compile(rf"(?<={D})[ \t]*\.?(?!ว)[ก-ฮ][ก-ฮ\u0e30-\u0e4e]{{0,3}}(?=[ \t]*/)")
# "สค ๐๐๑๗/ว ๔๙๓๗ฒ", "กพ๐๐๓๒.๓/๓๗๓๖ท", "ศธ 04235/416อ": a speck read as a letter glued after a serial; a real
# suffix runs ก, ข, ค, ง from the start of the alphabet, so the letters from จ on are taken for specks
SERIAL_TAIL_SPECK = re.compile(rf"(?<=/)([ \t]*(?:ว\.?)?[ \t]*{D}+)[จ-ฮ][\u0e31\u0e34-\u0e4e]*(?![ก-๙])")  # "๒๒๙๗ญ่" too
# "นภ ๐๐๑๙.๓/ว. ด๓๔๙๓", "สพ ๕๑๐๒๑ /ส๙๑๓", "นบ ๐๐๒๒.๕/วิฒ๗๑๖": a speck read as a letter glued before a serial
SERIAL_SPECK = re.compile(rf"(?<=/)([ \t]*(?:ว[\u0e31\u0e34-\u0e4e]*\.?[ \t]*)?)(?!ว)[ก-ฮเแโใไ]{{1,2}}(?={D}{{2,}})")  # "ว เ๒๒๙๗", "/ สจ๙๖๕๑"
# "สธ 0410.5 /๐4632": a serial's first digit alone in the other script (a speck read as ๐ before Arabic digits,
# or as 0 before Thai ones); a number is printed in one script
SERIAL_SCRIPT_SPECK = re.compile(r"(?<=/)([ \t]*(?:ว\.?[ \t]*)?)(?:[๐-๙](?=[0-9]{3,5}(?![0-9๐-๙]))|[0-9](?=[๐-๙]{3,5}(?![0-9๐-๙])))")
# "บร ๐๐๒๓.๑/ว3. ๑๐๕๓": a speck read as a Latin digit or letter (and a dot) between ว and a Thai serial
CIRCULAR_LATIN_SPECK = re.compile(r"(?<=/)([ \t]*ว)[0-9A-Za-z]\.?(?=[ \t]*[๐-๙]{2,})")
# "ที่ สส ๕๑๐๒๑ว. ๒๒๒๓": the slash before the circular ว lost, on the reference line
LOST_SLASH = re.compile(rf"(?m)^([ \t]*ที่[ \t]+[ก-ฮ]{{2}}[ \t]+{D}{{2,6}}(?:\.{D}{{1,4}})*)[ \t]*ว(?=\.?[ \t]*{D})")
# "ศธ 04349./7/4898": the dot of a unit read as a dot and a slash
UNIT_DOT_SLASH = re.compile(rf"(?<={D})\./(?={D}{{1,4}}[ \t]*/)")


@cache
def _known_codes() -> frozenset[str]:
    from extractors.ref_numbers import agency_table

    return frozenset(agency_table())


def substitution_cost(a: str, b: str) -> float:
    """0 for the same character, 0.5 for look-alikes Tesseract confuses (``lexicon.CONFUSABLE``), else 1."""
    return 0.0 if a == b else 0.5 if frozenset((a, b)) in CONFUSABLE else 1.0


def weighted_distance(a: str, b: str) -> float:
    """Edit distance where a look-alike substitution costs half."""
    row = [float(j) for j in range(len(b) + 1)]
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], float(i)
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + substitution_cost(ca, cb))
    return row[-1]


def nearest_code(token: str) -> str | None:
    """The one known agency code ``token`` is a look-alike misreading of (one letter), or None.

    >>> nearest_code("ศ5"), nearest_code("ส5"), nearest_code("ศถจ")
    ('ศธ', 'สธ', None)
    """
    scored = sorted((weighted_distance(token, code), code) for code in _known_codes())
    if not scored or scored[0][0] > 0.5 or (len(scored) > 1 and scored[1][0] == scored[0][0]):
        return None
    return scored[0][1]


# ธ in the TH Sarabun designs: its flag read as a letter or mark of its own (ศถจี, ศธจ) or ธ as จ with
# the flag as ์ or ง (ศจ์, ศจงี); only inside an agency code, where the result must be a known code
# (and ธ read as 8 in the Loma and Waree designs: ศ8)
FLAGGED_THO = re.compile("(?<=^[ก-ฮ])(?:[ธถจ58][ถจง5-9]?|อ[5-9])$")  # after the code's first letter: ศ58, ศถ5, ศถจ, ศจ, ศจง, ศ8, ศอ5


def repair_agency_codes(text: str) -> str:
    r"""An agency code with a speck on it, before a unit number and a slash, back to the code when
    what is left is a known code; then a damaged ``ที่`` before it.

    >>> repair_agency_codes("ที่ ศธ5 ๐๔๐๔๕/ว ๖๕๘ และ ทิ่ กค ๐๔๐๕.๔/ว ๗๙๔")
    'ที่ ศธ ๐๔๐๔๕/ว ๖๕๘ และ ที่ กค ๐๔๐๕.๔/ว ๗๙๔'
    >>> repair_agency_codes("ที่ ศู5 ๐๔๑๑๐.๘ / ๕๑๔")   # ธ read as 5: one look-alike from ศธ only
    'ที่ ศธ ๐๔๑๑๐.๘ / ๕๑๔'
    >>> repair_agency_codes("หนังสือจังหวัดสุราษฎร์ธานี ที่ สภู\n๐๐๑๙.๔/๒๐๘๑")   # ฎ read as ภู, the number wrapped
    'หนังสือจังหวัดสุราษฎร์ธานี ที่ สฎ\n๐๐๑๙.๔/๒๐๘๑'
    >>> repair_agency_codes("ที่  นรวี ๑๐๐๘/๔๒๙")   # a speck with a mark after the code
    'ที่  นร ๑๐๐๘/๔๒๙'
    >>> repair_agency_codes("ที่ ศถจี ๐๔๓๔๙/ว ๓๒๙๒, ที่ ศจ์ ๐๔๓๔๙.๗ /๔๘๙๘, ที่ ศจงี ๐๔๐๐๒/ว.๔๖๓๒")   # ธ read apart
    'ที่ ศธ ๐๔๓๔๙/ว ๓๒๙๒, ที่ ศธ ๐๔๓๔๙.๗ /๔๘๙๘, ที่ ศธ ๐๔๐๐๒/ว.๔๖๓๒'
    >>> repair_agency_codes("ท่ ศ58 ๐๔๐๐๒ / ๕๗๐๕, ที่ บปริ ๐๐๒๓.๑/ว ๑๐๕๓")
    'ที่ ศธ ๐๔๐๐๒ / ๕๗๐๕, ที่ บร ๐๐๒๓.๑/ว ๑๐๕๓'
    >>> repair_agency_codes("ที่  ศ8 ๐๔๐๓๔/ว๖๒๗๗")   # ธ read as 8
    'ที่  ศธ ๐๔๐๓๔/ว๖๒๗๗'
    >>> repair_agency_codes("ที่ ขอว ๐๖๔๓.๐๖/๓๐๘")   # a speck before the code
    'ที่ อว ๐๖๔๓.๐๖/๓๐๘'
    >>> repair_agency_codes("ที่ อวง ๐๖๕๗.๓๑/ว ๑๐๕๐")   # a speck read as a letter after the code
    'ที่ อว ๐๖๕๗.๓๑/ว ๑๐๕๐'
    >>> repair_agency_codes("ที่ ศอจี ๐๔๑๑๐.๙/ว ๑๖๔๗")   # ศอจ is no agency code (ศธ misread): left as read
    'ที่ ศอจี ๐๔๑๑๐.๙/ว ๑๖๔๗'
    """
    known = _known_codes()

    def code(m: re.Match) -> str:
        token = m.group("code")
        if token in known:
            return token
        unmarked = re.sub(f"[{MARK}]", "", token)
        stripped = re.sub("[0-9]", "", unmarked)
        forms = [stripped]
        if len(stripped) == 3 and token[2:3] == stripped[2] and re.match(f"[{MARK}]", token[3:4]):
            forms.append(stripped[:2])  # "นรวี": a code is two bare letters; a third with a mark on it is a speck
        for form in forms:
            for candidate in (form, FLAGGED_THO.sub("ธ", unmarked if form == stripped else form)):  # ธ read apart
                if candidate in known:
                    return candidate
        if len(token) == 3 and token == stripped and token[1:] in known:
            return token[1:]  # "ขอว ๐๖๔๓.๐๖/๓๐๘": a speck read as a bare letter before the code (not "ศอจี")
        if len(token) == 3 and token == stripped and token[:2] in known:
            return token[:2]  # "อวง ๐๖๕๗.๓๑/ว ๑๐๕๐": ... or after it
        pairs = [i for i in range(len(stripped) - 1) if substitution_cost(stripped[i], stripped[i + 1]) < 1]
        doubled = {stripped[:j] + stripped[j + 1:] for i in pairs for j in (i, i + 1)} & known if len(stripped) == 3 else set()
        if len(doubled) == 1:
            return doubled.pop()  # "บปร": a letter read twice, as itself and its look-alike
        return nearest_code(unmarked) or token

    def label(m: re.Match) -> str:
        # ที with its mark lost needs no known code after it: "ที บท ๐๐๒๒ / ๓๙๕๑"
        sure = m.group("code") in known or m.group("label") == "ที"
        return ("ที่" if sure else m.group("label")) + m.group("gap")

    return REF_LABEL.sub(label, REF_CODE.sub(code, text))


SUBJECT_LINE = re.compile(r"(?m)^[ \t]*เรื่อง")


def repair_code_by_header(text: str) -> str:
    r"""The letter's own agency code read as another known code one look-alike away (``สก`` as ``ศก``),
    or with a speck read as a third letter (``ชบป``; every code is two letters), put back when the
    header above the subject names exactly one such agency and not the code as read.

    >>> repair_code_by_header("ที่ ศก ๐๐๒๓.๓/๓๗๓๕  ศาลากลางจังหวัดสระแก้ว\nเรื่อง ขอเชิญประชุม")
    'ที่ สก ๐๐๒๓.๓/๓๗๓๕  ศาลากลางจังหวัดสระแก้ว\nเรื่อง ขอเชิญประชุม'
    >>> repair_code_by_header("ที่ ชบป ๐๐๑๙.๓/ว ๓๘๐๗  สำนักงานพัฒนาชุมชนจังหวัดชลบุรี\nเรื่อง ขอเชิญประชุม")
    'ที่ ชบ ๐๐๑๙.๓/ว ๓๘๐๗  สำนักงานพัฒนาชุมชนจังหวัดชลบุรี\nเรื่อง ขอเชิญประชุม'
    >>> repair_code_by_header("ที่ ศอจี ๐๔๑๑๐.๙/ว ๑๖๔๗  สำนักงานเขตพื้นที่การศึกษา\nเรื่อง ขอเชิญประชุม")
    'ที่ ศอจี ๐๔๑๑๐.๙/ว ๑๖๔๗  สำนักงานเขตพื้นที่การศึกษา\nเรื่อง ขอเชิญประชุม'
    >>> repair_code_by_header("ที่ ศก ๐๐๒๓.๓/๓๗๓๕  ศาลากลางจังหวัดศรีสะเกษ\nเรื่อง ประชุมที่สระแก้ว")
    'ที่ ศก ๐๐๒๓.๓/๓๗๓๕  ศาลากลางจังหวัดศรีสะเกษ\nเรื่อง ประชุมที่สระแก้ว'
    """
    from extractors.ref_numbers import agency_table

    subject = SUBJECT_LINE.search(text)
    head = text[:subject.start()] if subject else text
    table = agency_table()

    def named(code: str) -> bool:
        name = table[code].get("name_th", "")
        return len(name) >= 3 and name in head

    def code(m: re.Match) -> str:
        token = m.group("code")
        if token in table and named(token):
            return token
        if token in table:
            near = {k for k in table if len(k) == len(token) and weighted_distance(token, k) == 0.5}
        else:
            near = {token[:i] + token[i + 1:] for i in range(len(token))} if len(token) == 3 else set()
        alike = [k for k in near if k in table and named(k)]
        return alike[0] if len(alike) == 1 else token

    return REF_CODE.sub(code, head) + text[len(head):]


# "๓๖๑๘ าว. ๒๑ พ.ย.", "๑๗๙๙ ลิว.\n๒๖", "๗๖๙๐ ดว. ๙\n ม.ค. ๖๔": ลว. (ลงวันที่) after a letter's number, misread
DATED_ABBREVIATION = re.compile(
    f"(?<={D})(?P<sp>[ \t]+)(?P<token>[ก-ฮ\u0e30-\u0e4e]{{1,4}}\\.)(?=[ \t]*\n?[ \t]*{D}{{1,2}}[ \t]*\n?[ \t]*[ก-ฮ])"
)
SPECKS_AFTER_LW = re.compile("ลว[ก-ฮ\u0e30-\u0e4e]{1,2}\\.")  # "ลวาว.": ลว. with specks read as letters before its dot


# "๑๑๑๑๑ ที่มีลักษณะ", "๑๑๑9๑๑ ของรัฐ": a memo's dotted leader at the start of a line, read as ๑s
LEADER = re.compile("(?m)^(?P<indent>[ ]*)(?P<run>[๑19๒l]{4,})(?=[ ]|$)")


def repair_leaders(text: str) -> str:
    r"""A run of ``๑`` (one other digit-like speck at most) opening a line, back to the dots it was.

    >>> repair_leaders("๑๑๑9๑๑ ของรัฐ\n๑๑๑๑๒ เกียรติ\n๑๑๑๒๐ นนทบุรี")   # a postcode has two others: kept
    '...... ของรัฐ\n..... เกียรติ\n๑๑๑๒๐ นนทบุรี'
    """
    def fix(m: re.Match) -> str:
        run = m.group("run")
        return m.group("indent") + "." * len(run) if run.count("๑") >= len(run) - 1 else m.group()

    return LEADER.sub(fix, text)


def repair_dated(text: str) -> str:
    """``ลว.`` one edit off, between a letter's number and a date, put back.

    >>> repair_dated("ที่ มส ๐๐๒๓/ว ๓๖๑๘ าว. ๒๑ พ.ย. ๒๕๔๑ และ ที่ ศธ ๐๔๑๗๙/ ว ๑๗๔๔ ลวาว. ๑๗ พ.ย. ๖๕")
    'ที่ มส ๐๐๒๓/ว ๓๖๑๘ ลว. ๒๑ พ.ย. ๒๕๔๑ และ ที่ ศธ ๐๔๑๗๙/ ว ๑๗๔๔ ลว. ๑๗ พ.ย. ๖๕'
    """
    from pipeline.edit_distance import levenshtein

    def fix(m: re.Match) -> str:
        token = m.group("token")
        return m.group("sp") + ("ลว." if levenshtein(token, "ลว.") == 1 or SPECKS_AFTER_LW.fullmatch(token) else token)

    return DATED_ABBREVIATION.sub(fix, text)


def repair_order_label(text: str) -> str:
    """``ที =๔๒๔/๒๕๔๑`` or ``ที ไว๖๖๗/๒๕๖๙`` at the start of a line (an order's number) -> ``ที่ ๔๒๔/๒๕๔๑``."""
    text = ORDER_LABEL_SPECKS.sub(lambda m: m.group("indent") + "ที่ ", text)
    return ORDER_LABEL.sub(lambda m: m.group("indent") + "ที่ ", text)


# a date's month slot: a day, a word, a year ("๑๓ พ.ุย. ๒๕๔๔", "๓ กั้นยายน พ.ศ. ๒๕๖๔", "๔ กก.ค. ๔๐")
MONTH_SLOT = re.compile(
    f"(?<![0-9๐-๙])(?P<day>{D}{{1,2}})(?P<sp>[ \t]*)(?P<token>[^\\s0-9๐-๙]{{2,12}}?)"
    f"(?=[ \t]*\n?[ \t]*(?:พ\\.[ \t]?ศ\\.[ \t]*)?(?P<year>{D}{{4}}|{D}{{2}})(?!{D}))"
)


def _month_forms() -> dict[str, tuple[str, int]]:
    """``{"มกราคม": ("มกราคม", 1), "มค": ("ม.ค.", 1), …}``: each form without dots -> (printed form, month)."""
    from pythainlp.util.date import thai_abbr_months, thai_full_months

    forms = {full: (full, i) for i, full in enumerate(thai_full_months, 1)}
    forms |= {abbr.replace(".", ""): (abbr, i) for i, abbr in enumerate(thai_abbr_months, 1)}
    return forms


def nearest_month(token: str) -> str | None:
    """The one month form ``token`` is a misreading of, or None.

    Abbreviations are compared without their dots and may be one edit off, full names two; a token
    as near to two months as to one (``5.ค.``: ม.ค.? ก.ค.? ธ.ค.?) is left alone.

    >>> nearest_month("กก.ค."), nearest_month("กั้นยายน"), nearest_month("ก.ค"), nearest_month("5.ค.")
    ('ก.ค.', 'กันยายน', 'ก.ค.', None)
    >>> nearest_month("มุค.")   # the first dot read as ุ: ม.ค., though มี.ค. is as near by edits
    'ม.ค.'
    >>> nearest_month("ม.ย.")   # a mark lost: มิ.ย. alone (ม.ค. and พ.ย. need a letter changed)
    'มิ.ย.'

    """
    from pipeline.edit_distance import levenshtein
    from pipeline.ocr_edits import edit_units, unmarked

    key = token.replace(".", "").replace(" ", "")
    undotted = re.sub("[\u0e38\u0e39]", "", key)  # a dot on the baseline read as ุ or ู: "มุค." for ม.ค.
    if undotted != key and undotted in _month_forms() and len(undotted) <= 3:
        return _month_forms()[undotted][0]
    marks = {(printed, month) for form, (printed, month) in _month_forms().items()
             if form != key and unmarked(form) == unmarked(key) and edit_units(key, form) <= 1}  # one mark lost or changed
    if len({m for _, m in marks}) == 1 and key not in _month_forms():
        return next(iter(marks))[0]
    best: dict[int, set[tuple[str, int]]] = {}
    for form, (printed, month) in _month_forms().items():
        allowed = 1 if len(form) <= 3 else 2
        d = levenshtein(key, form)
        if d <= allowed:
            best.setdefault(d, set()).add((printed, month))
    if not best:
        return None
    found = best[min(best)]
    return next(iter(found))[0] if len({m for _, m in found}) == 1 else None


def repair_months(text: str) -> str:
    """A month misread between a day and a year, put back when it is near one month only.

    >>> repair_months("ลงวันที่ ๑๓ พ.ย. ๒๕๔๔ และ ลว. ๔ กก.ค. ๔๐ วันที่ ๓ กั้นยายน พ.ศ. ๒๕๖๔")
    'ลงวันที่ ๑๓ พ.ย. ๒๕๔๔ และ ลว. ๔ ก.ค. ๔๐ วันที่ ๓ กันยายน พ.ศ. ๒๕๖๔'
    >>> repair_months("จำนวน ๓ คน ๒๕ ราย")   # not near a month: left alone
    'จำนวน ๓ คน ๒๕ ราย'
    """
    from extractors.patterns import arabic, month_number

    def fix(m: re.Match) -> str:
        token = m.group("token")
        if month_number(token) is not None or not 1 <= int(arabic(m.group("day"))) <= 31:
            return m.group()
        month = nearest_month(token)
        return m.group("day") + m.group("sp") + month if month else m.group()

    return MONTH_SLOT.sub(fix, text)


ITEM = re.compile(rf"(?:^|[ \t])(?P<num>{D}{{1,2}})[ \t]*\.(?=[ \t])")  # "๒. คู่มือ…", "สิ่งที่ส่งมาด้วย ๑. …"
ITEM_AT_START = re.compile(rf"^[ \t]*(?P<num>{D}{{1,2}})[ \t]*\.(?=[ \t])")
LOST_ITEM = re.compile(r"^(?P<indent>[ \t]*)(?P<junk>[ก-ฮ][ก-ฮ\u0e30-\u0e4e]{0,3})\.(?=[ \t])")  # "ดตก. สำเนา…" for "๓."


def _item_number(match: re.Match | None) -> tuple[int, bool] | None:
    """(number, printed in Thai digits) of an item match."""
    if match is None:
        return None
    num = match.group("num")
    return int(to_arabic(num)), num[0] in THAI_DIGITS


def repair_list_numbers(text: str) -> str:
    r"""An item number of a numbered list read as letters, put back between its neighbours.

    >>> repair_list_numbers("สิ่งที่ส่งมาด้วย ๑. คู่มือ\n๒. หลักเกณฑ์\nดตก. สำเนารายงาน\n๔. สำเนาคำสั่ง")
    'สิ่งที่ส่งมาด้วย ๑. คู่มือ\n๒. หลักเกณฑ์\n๓. สำเนารายงาน\n๔. สำเนาคำสั่ง'
    >>> repair_list_numbers("๒. รองศาสตราจารย์\nดร.สมชาย ใจดี\n๓. นายสมศักดิ์")   # ๒ then ๓: nothing lost
    '๒. รองศาสตราจารย์\nดร.สมชาย ใจดี\n๓. นายสมศักดิ์'
    """
    lines = text.split("\n")
    for i, line in enumerate(lines):
        lost = LOST_ITEM.match(line)
        if lost is None or i == 0 or i + 1 >= len(lines):
            continue
        before = _item_number(([m for m in ITEM.finditer(lines[i - 1])] or [None])[-1])
        after = _item_number(ITEM_AT_START.match(lines[i + 1]))
        if before and after and after[0] == before[0] + 2:
            digit = str(before[0] + 1)
            if before[1]:
                digit = to_thai(digit)
            lines[i] = lost.group("indent") + digit + "." + line[lost.end():]
    return "\n".join(lines)


@cache
def _full_months() -> str:
    from pythainlp.util.date import thai_full_months

    return "(?:" + "|".join(thai_full_months) + ")"


def repair_day_slot(text: str) -> str:
    r"""The day of a written date, damaged: specks glued to it (``๑๓ดา  กุมภาพันธ์ ๒๕๕๐``, ``๑๕@ ธันวาคม ๒๕๖๕``), or an Arabic
    ``4`` read as ``ๆ`` (``วันที่ ๆ ธันวาคม 2559``: ๆ is never a day, and 4 is the digit it is read for).

    >>> repair_day_slot("               ๑๓ดา  กุมภาพันธ์ ๒๕๕๐\nสั่ง ณ วันที่ ๆ ธันวาคม 2559")
    '               ๑๓  กุมภาพันธ์ ๒๕๕๐\nสั่ง ณ วันที่ 4 ธันวาคม 2559'
    """
    month = _full_months()
    year = r"[ \t]+(?:พ\.[ \t]?ศ\.[ \t]*)?"
    text = re.sub(rf"(?m)^([ \t]*{D}{{1,2}})[ก-ฮ\u0e30-\u0e4e@#*^~\"'«»!?]{{1,3}}(?=[ \t]+{month}{year}{D}{{4}}[ \t]*$)",
                  r"\1", text)
    return re.sub(rf"(?m)(^[ \t]*|วันที่[ \t]*)ๆ(?=[ \t]+{month}{year}[0-9]{{4}}(?![0-9]))", r"\g<1>4", text)


# "๒๕๖๗ฒ", "๑๗ฒ กุมภาพันธ์", "๐๖๑๗ฒญ.๓๓", "๔๒๐๗ฒ ๙๗๒๕": a speck read as a rare letter glued after a digit, before
# a digit, a dot, a slash, a space or the line's end (no Thai word is a rare letter alone after a number)
RARE_AFTER_DIGIT = re.compile(rf"(?<={D})[ฆฌญฎฏฐฑฒฬฮ]{{1,2}}(?=[0-9๐-๙./ \t\n]|$)")


def repair_digit_specks(text: str) -> str:
    r"""Rare letters glued to a number by specks, taken off.

    >>> repair_digit_specks("สั่ง ณ วันที่ ๑๗ฒ กุมภาพันธ์ พ.ศ. ๒๕๖๗ฒ\nท อว ๐๖๑๗ฒญ.๓๓/๔๒๖๘")
    'สั่ง ณ วันที่ ๑๗ กุมภาพันธ์ พ.ศ. ๒๕๖๗\nท อว ๐๖๑๗.๓๓/๔๒๖๘'
    >>> repair_digit_specks("๕ ฐานข้อมูล ๑๒ฐาน")   # a word after a number: left alone
    '๕ ฐานข้อมูล ๑๒ฐาน'
    """
    return RARE_AFTER_DIGIT.sub("", text)


# a B.E. year split by a space after a month: "๒ กุพ. ๒ ๕๖๔", "6 ก.พ. 2 567"
SPLIT_YEAR = re.compile(
    rf"(?<![0-9๐-๙])(?P<head>{D}{{1,2}}[ \t]*(?P<month>[^\s0-9๐-๙]{{2,12}})[ \t]+(?:พ\.[ \t]?ศ\.[ \t]*)?)"
    rf"(?P<a>[๒2])[ \t](?P<b>[๕5]{D}{{2}})(?!{D})")


def repair_split_year(text: str) -> str:
    """A year printed whole and read in two pieces, joined after a month (or a near misreading of one).

    >>> repair_split_year("วันที่ ๒ กุพ. ๒ ๕๖๔ และ ๑๐ ราย ๒ ๕๖๔ คน")
    'วันที่ ๒ กุพ. ๒๕๖๔ และ ๑๐ ราย ๒ ๕๖๔ คน'
    """
    from extractors.patterns import month_number

    def fix(m: re.Match) -> str:
        month = m.group("month")
        if month_number(month, last_dot_lost=True) is None and nearest_month(month) is None:
            return m.group()
        return m.group("head") + m.group("a") + m.group("b")

    return SPLIT_YEAR.sub(fix, text)


# "ที่ ทส อ๐๖๑๐.๕/ว ๘๙๗๖": a speck read as a letter glued before the unit number, after ที่ and the code
UNIT_LEAD_SPECK = re.compile(
    rf"(?m)^(?P<head>[ \t]*ที่[ \t]+(?P<code>[ก-ฮ]{{2}})\.?[ \t]+)[ก-ฮ](?={D}{{2,6}}(?:[ \t]*\.[ \t]*{D}{{1,4}})*[ \t]*/)")


def repair_unit_lead_speck(text: str) -> str:
    r"""A letter glued before the unit number of a known agency's reference, taken off.

    >>> repair_unit_lead_speck("ที่ ทส อ๐๖๑๐.๕/ว ๘๙๗๖            กรมทรัพยากรน้ำ\nที่ ขข อ๐๖๑๐/๑")
    'ที่ ทส ๐๖๑๐.๕/ว ๘๙๗๖            กรมทรัพยากรน้ำ\nที่ ขข อ๐๖๑๐/๑'
    """
    known = _known_codes()
    return UNIT_LEAD_SPECK.sub(lambda m: m.group("head") if m.group("code") in known else m.group(), text)


# "ทส ๐ ๖๑๐ . ๕ / ว ๘๙๗๖", "ขก\n0020 . 9 / 11 81 ลงวันที่": a known agency's number with its digits read apart;
# the serial only when ลงวันที่/ลว. follows it (a number after it could be a count)
SPACED_UNIT = rf"{D}(?:[ \t]?{D}){{1,5}}(?:[ \t]*\.[ \t]*{D}(?:[ \t]?{D}){{0,3}}){{0,3}}"
SPACED_REF = re.compile(
    rf"(?<![ก-๙])(?P<code>[ก-ฮ]{{2}})(?P<gap>\.?[ \t]+|\.?[ \t]*\n[ \t]*)(?P<unit>{SPACED_UNIT})(?P<slash>[ \t]*/[ \t]*)"
    rf"(?P<circ>ว\.?[ \t]*)?(?P<serial>{D}{{1,5}}(?:[ \t]{D}{{1,4}}(?=[ \t]*(?:ลงวันที่|ลว)))?)")


def repair_spaced_refs(text: str) -> str:
    r"""A known agency's reference number whose digits OCR read apart, put together.

    >>> repair_spaced_refs("กรมทรัพยากรน้า ที่ ทส ๐ ๖๑๐ . ๕ / ว ๘๙๗๖ ลงวันที่ ๙\nขก\n0020 . 9 / 11 81 ลงวันที่ 26")
    'กรมทรัพยากรน้า ที่ ทส ๐๖๑๐.๕/ว ๘๙๗๖ ลงวันที่ ๙\nขก\n0020.9/1181 ลงวันที่ 26'
    >>> repair_spaced_refs("ที่ ทส ๐๖๑๐.๕/ว ๘๙๗๖ จำนวน ๓ คน, ขข ๑ ๒/๓")   # whole already; no such agency
    'ที่ ทส ๐๖๑๐.๕/ว ๘๙๗๖ จำนวน ๓ คน, ขข ๑ ๒/๓'
    """
    known = _known_codes()

    def fix(m: re.Match) -> str:
        if m.group("code") not in known:
            return m.group()
        unit = re.sub(r"[ \t]+", "", m.group("unit"))
        circ = m.group("circ") or ""
        return m.group("code") + m.group("gap") + unit + "/" + (circ.strip() + " " if circ else "") + re.sub(
            r"[ \t]+", "", m.group("serial"))

    return SPACED_REF.sub(lambda m: fix(m) if re.search(r"[ \t]", m.group("unit") + m.group("serial")) else m.group(), text)


# "13-มีนาคม พ.ศ, 2567": a speck read as a hyphen between the day and a month's full name, a comma for the
# last dot of พ.ศ. before the year
DAY_HYPHEN = re.compile(rf"(?<![0-9๐-๙])({D}{{1,2}})-(?=(?:มกรา|กุมภา|มีนา|เมษา|พฤษภา|มิถุนา|กรกฎา|สิงหา|กันยา|ตุลา|พฤศจิกา|ธันวา)ค?ม?)")
ERA_COMMA = re.compile(rf"(?<![ก-๙])พ\.[ \t]?ศ,(?=[ \t]*{D}{{4}})")
# the era before a year with its dots read as a colon or lost, or specks read as marks: "พ:ศ. ๒๕๖๗", "พ ศ. ๒๕๖๖",
# "พุศ. ๒๔๓๔", "พ.ศี. ๒๕๓๕" (never a word: พ and ศ with no vowel letter between, then a four-digit year)
ERA_SPECKS = re.compile(rf"(?<![ก-๙])พ(?:[\u0e38\u0e39]{{1,2}}|[ \t]?[:;][ \t]?|[ \t])?ศ[\u0e34-\u0e39]?[.,:]?(?=[ \t]*{D}{{4}}(?!{D}))")
# a speck read as a letter glued to the day of a date: "ประกาศ ณ วันที่ ๑๗ซ กุมภาพันธ์ พ.ศ. ๒๕๖๗"
DAY_SPECK_LETTER = re.compile(
    rf"(?<![0-9๐-๙])({D}{{1,2}})[ก-ฯ](?=[ \t]+(?:มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม"
    rf"|พฤศจิกายน|ธันวาคม)[ \t]*(?:พ\.ศ\.[ \t]*)?{D}{{4}})")


def repair_date_specks(text: str) -> str:
    """A hyphen between a day and its month, a comma for the dot of ``พ.ศ.``, put back; so are the era's
    dots read as a colon or lost (``พ:ศ.``, ``พ ศ.``), specks on it (``พุศ.``) and a letter glued to the day.

    >>> repair_date_specks("ประกาศ ณ วันที่ 13-มีนาคม พ.ศ, 2567 และ ๒๑-๒๒ กันยายน ๒๕๖๐")
    'ประกาศ ณ วันที่ 13 มีนาคม พ.ศ. 2567 และ ๒๑-๒๒ กันยายน ๒๕๖๐'
    >>> repair_date_specks("๒๗ มีนาคม พ:ศ. ๒๕๖๗, ๙ กันยายน พ ศ. ๒๕๖๖, พุศ. ๒๔๓๔, ๑๗ซ กุมภาพันธ์ พ.ศ. ๒๕๖๗")
    '๒๗ มีนาคม พ.ศ. ๒๕๖๗, ๙ กันยายน พ.ศ. ๒๕๖๖, พ.ศ. ๒๔๓๔, ๑๗ กุมภาพันธ์ พ.ศ. ๒๕๖๗'
    >>> repair_date_specks("ทรัพย์ศ ๒๕๖๗ ครั้ง")   # inside a word: left alone
    'ทรัพย์ศ ๒๕๖๗ ครั้ง'
    """
    text = ERA_SPECKS.sub("พ.ศ.", ERA_COMMA.sub("พ.ศ.", DAY_HYPHEN.sub(r"\1 ", text)))
    return DAY_SPECK_LETTER.sub(r"\1", text)


# "ที่ อว อว๐๖๑๗.๓๓/๘๔๔๐": the agency code read twice before its number
DOUBLED_CODE = re.compile(rf"(?<![ก-๙])(?P<code>[ก-ฮ]{{2}})[ \t]+(?P=code)(?=[ \t]*\.?[ \t]*{D}{{2,6}})")


def repair_doubled_code(text: str) -> str:
    """A known agency code read twice before its number, once.

    >>> repair_doubled_code("ที่ อว อว๐๖๑๗.๓๓/๘๔๔๐ และ นา นา ๒ ไร่")
    'ที่ อว๐๖๑๗.๓๓/๘๔๔๐ และ นา นา ๒ ไร่'
    """
    known = _known_codes()
    return DOUBLED_CODE.sub(lambda m: m.group("code") if m.group("code") in known else m.group(), text)


# a unit number with a zero read as Latin o: "มค oo28.oo9/ 2962"; only between an agency code and its slash
LATIN_O_UNIT = re.compile(r"(?<![ก-๙])(?P<code>[ก-ฮ]{2,3}\.?[ \t]*)(?P<unit>[oO0-9๐-๙]{2,6}(?:\.[oO0-9๐-๙]{1,4}){0,3})(?=[ \t]*/)")


def _zeroed(number: str) -> str:
    """Each Latin ``o`` of ``number`` as a zero in the number's own digits: ``oo28`` -> ``0028``, ``๒o`` -> ``๒๐``."""
    return re.sub("[oO]", "0" if re.search("[0-9]", number) else "๐", number)


# "ที่ ว5o๔๐๖.๗/๕๕๕๕": the ธ of a code read as 5 and glued to its unit (a zero read as o): "วธ ๐๔๐๖.๗/…"
GLUED_THO = re.compile(r"(?<![ก-๙A-Za-z0-9])(?P<first>[ก-ฮ])5(?=[oO0-9๐-๙]{2,6}(?:\.[oO0-9๐-๙]{1,4})*[ \t]*/)")


def repair_glued_tho(text: str) -> str:
    r"""A code's ธ read as 5 and glued to the unit, put back with its space when the code is a known one.

    >>> repair_glued_tho("ที่ ว5o๔๐๖.๗/๕๕๕๕ ลงวันที่ และ ที่ ข5๐๐๑/๓")
    'ที่ วธ o๔๐๖.๗/๕๕๕๕ ลงวันที่ และ ที่ ข5๐๐๑/๓'
    """
    known = _known_codes()
    return GLUED_THO.sub(lambda m: m.group("first") + "ธ " if m.group("first") + "ธ" in known else m.group(), text)


def repair_latin_o(text: str) -> str:
    r"""Zeros of a unit number read as Latin ``o`` back to zeros, in the unit's own digits.

    >>> repair_latin_o("ที่ มค oo28.oo9/ 2962 และ ที่ สป ๐o๒๐.๓/๙๓๕๖")
    'ที่ มค 0028.009/ 2962 และ ที่ สป ๐๐๒๐.๓/๙๓๕๖'
    >>> repair_latin_o("ที่ มค oo.oo/ 2962")   # no digit in it: not a number
    'ที่ มค oo.oo/ 2962'
    """
    def unit(m: re.Match) -> str:
        digits = m.group("unit")
        if not re.search("[oO]", digits) or not re.search("[0-9๐-๙]", digits):
            return m.group()
        return m.group("code") + _zeroed(digits)

    return LATIN_O_UNIT.sub(unit, text)


@cache
def _latin_o_date_patterns() -> tuple[re.Pattern, re.Pattern]:
    """(day before a month, year after one) with a Latin ``o`` among their digits; built once (the month
    names come from ``extractors.patterns``, imported here to keep the OCR package free of it at import)."""
    from extractors.patterns import MONTH

    day = re.compile(rf"(?P<pre>(?<![0-9๐-๙A-Za-z])(?<![A-Za-z] ))(?P<n>{D}[oO]|[oO]{D})(?P<post>[ \t]*(?:{MONTH}))")
    year = re.compile(rf"(?P<pre>(?:{MONTH})[ \t]*(?:พ\.[ \t]?ศ\.[ \t]*)?)(?P<n>(?={D}*[oO]){D}[0-9๐-๙oO]{{3}})"
                      rf"(?P<post>(?![0-9๐-๙A-Za-z]))")
    return day, year


def repair_latin_o_dates(text: str) -> str:
    r"""A date's zero read as Latin ``o``: the day before a month (``1o พฤศจิกายน 2564``) and a year after
    one (``๙ มี.ค. 25o4``), back to a zero in the number's own digits.

    >>> repair_latin_o_dates("ลงวันที่  1o พฤศจิกายน 2564 เรื่อง และ ๒o ม.ค. ๒๕๖๗, วันที่ 3 มีนาคม 256o")
    'ลงวันที่  10 พฤศจิกายน 2564 เรื่อง และ ๒๐ ม.ค. ๒๕๖๗, วันที่ 3 มีนาคม 2560'
    >>> repair_latin_o_dates("room 1o มีนาคม")   # after a Latin word: not a day
    'room 1o มีนาคม'
    """
    def zero(m: re.Match) -> str:
        return m.group("pre") + _zeroed(m.group("n")) + m.group("post")

    day, year = _latin_o_date_patterns()
    return year.sub(zero, day.sub(zero, text))


# "ป ฎบดตราชการแทน", "ส๕ส ๑๕๒ ฎิบัติราชการแทน": the ปฏิบัติ of an acting phrase misread before a whole ราชการแทน
ACTING_TAIL = re.compile("ราชการแทน")
ACTING_HEADS = {"ปฏิบัติ": "ปฏบต", "รักษา": "รกษ"}  # the two phrases ending ราชการแทน, by their letters
HEAD_REACH = 10  # characters before ราชการแทน a misread head may take, on its line
MAX_HEAD_DISTANCE = 1.5  # weighted edits between the letters read and ปฏบต: one lost and one look-alike


def repair_acting(text: str) -> str:
    r"""The ``ปฏิบัติ`` of ``ปฏิบัติราชการแทน`` read as letters near it, put back when the letters read are
    near ``ปฏบต`` and far from ``รักษา`` (the other phrase ending ``ราชการแทน``).

    >>> repair_acting("รองนายกเทศมนตรีเมืองน่าน ป ฎบดตราชการแทน\n.ป ส๕ส ๑๕๒\nฎิบัติราชการแทนนายแพทย์")
    'รองนายกเทศมนตรีเมืองน่าน ปฏิบัติราชการแทน\n.ป ส๕ส ๑๕๒\nปฏิบัติราชการแทนนายแพทย์'
    >>> repair_acting("รักษาราชการแทน และ ไปราชการแทน และ ข้าราชการแทน")   # whole, or another word
    'รักษาราชการแทน และ ไปราชการแทน และ ข้าราชการแทน'
    """
    from pipeline.ocr_edits import unmarked  # the letters without marks; spaces are dropped below

    out, pos = [], 0
    for m in ACTING_TAIL.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        lead = max(line_start, m.start() - HEAD_REACH)
        before = text[lead:m.start()]
        if before.endswith(tuple(ACTING_HEADS)):
            continue
        best = None
        for i, ch in enumerate(before):
            letters = unmarked(before[i:]).replace(" ", "").replace("\t", "")
            if not "ก" <= ch <= "ฮ" or len(letters) < 3:
                continue
            near = weighted_distance(letters, ACTING_HEADS["ปฏิบัติ"])
            if best is None or near < best[0]:
                best = (near, i, letters)
        if best is None or best[0] > MAX_HEAD_DISTANCE:
            continue
        if weighted_distance(best[2], ACTING_HEADS["รักษา"]) < best[0] + 1:
            continue
        start = lead + best[1]
        if start < pos:
            continue
        out.append(text[pos:start] + "ปฏิบัติ")
        pos = m.start()
    out.append(text[pos:])
    return "".join(out)


# ". ด้วยสำนักงาน…", ", นายแพทย์…", "'กันยายน ๒๕๖๗": a speck read as a dot, comma, quote or bar before a
# line's first Thai letter (no Thai line begins so); kept as spaces, so the line's columns stay
LEAD_SPECK = re.compile(r"(?m)^(?P<indent>[ \t]*)(?P<speck>[.,'`‘’|][ \t]*)(?=[(ก-ฮเแโใไ])")
# "กลุ่มง านอำนวยการ": a space Tesseract put before a following vowel (า, ะ, ำ); no Thai word begins with one.
# Before า it may also be the trace of a lost ำ ("ส านัก" for สำนัก, as normalize reads it): joined only when a
# word then spans the join and none would with ำ there
SPACE_BEFORE_VOWEL = re.compile("(?<=[ก-ฮ\u0e31-\u0e4e]) (?=[\u0e30\u0e32\u0e33\u0e45])")
JOIN_REACH = 12  # letters either side of the join a word spanning it may take


def _spans_word(run: str, at: int) -> bool:
    """Does a dictionary word of three letters or more cover the join at ``at`` of ``run``?"""
    from pipeline.ocr.repair.lexicon import dictionary

    words = dictionary()
    return any(run[a:b] in words for a in range(max(0, at - JOIN_REACH), at)
               for b in range(at + 1, min(len(run), at + JOIN_REACH) + 1) if b - a >= 3)


def _joins_a_word(text: str, space: int) -> bool:
    """Is the space at ``space`` (before a following vowel) inside a word: ``กลุ่มง านอำนวยการ`` yes (งาน), and
    not ``ส านัก`` (สำนัก, with its ำ lost, is the word)?"""
    if text[space + 1] != "\u0e32":
        return True
    left = re.search(r"[ก-\u0e4e]*$", text[:space]).group()
    right = re.match(r"[ก-\u0e4e]*", text[space + 1:]).group()
    run = left + right
    return _spans_word(run, len(left)) and not _spans_word(left + "\u0e33" + right[1:], len(left))
# "… ถือปฏิบัติต่อไป .", "๒๕ กันยายน ๒๕๖๗ .": a speck alone after a line's last word
TAIL_SPECK = re.compile(r"(?m)(?<=[^ \t\n])[ \t]+[.,'`‘’|][ \t]*$")
# "จงเรยนมา เพื่อโปรด…", "จงแจงมาเพื่อทราบ": the closing's จึง and its label with marks lost, at a line's start
CLOSING = re.compile("(?m)^([ \t]*)จ[\u0e34-\u0e36]?ง[ ]?(?:(?P<rian>เร[\u0e35\u0e34]?ยน)|แจ\u0e49?ง)มา")
# "ที่ มห\n๐๐๓๑.๐๐๔ ๕๕๖๓ ลงวันที่": the slash between a cited number's unit and its serial read as a space
SLASH_AS_SPACE = re.compile(
    rf"(?P<head>ที่[ \t]+(?P<code>[ก-ฮ]{{2}})\.?[ \t]*\n?[ \t]*{D}{{2,6}}(?:\.{D}{{1,4}})*)[ \t]+(?P<serial>{D}{{1,5}})"
    rf"(?=[ \t]*\n?[ \t]*(?:ลงวันที่|ลว\.))")
# "ที่ สน๐๐๓๑.๐๐๖/๒๑๗๙'": a speck read as a quote glued after a serial
SERIAL_QUOTE_SPECK = re.compile(rf"(?<=/)([ \t]*(?:ว\.?)?[ \t]*{D}+)['’‘`\"”“]+(?=[ \t]|$)", re.M)

# "ดวนทสด", "ดวน    ลบทสด", "ดวนมาก": urgency and secrecy stamps with their marks lost, a line holding
# only them (ดวน, ทสด and ลบทสด are no words; a stamp's line has nothing else on it)
_URGENCY_WORD = "ด\u0e48?วน(?P<u>[ \t]?(?:ท\u0e35?\u0e48?ส\u0e38?ด|มาก))?"
_SECRECY_WORD = "ล\u0e31?บ(?P<s>[ \t]?(?:ท\u0e35?\u0e48?ส\u0e38?ด|มาก))?"
STAMP_LINE = re.compile(
    rf"(?m)^(?P<indent>[ \t]*)(?:(?P<urgency>{_URGENCY_WORD})(?P<gap>[ \t]+)?)?(?P<secrecy>(?(gap){_SECRECY_WORD}))?[ \t]*$")
# "ลบ" alone on its line: the secrecy stamp with its mark lost (the verb ลบ, to delete, is never a line of its own)
SECRECY_LINE = re.compile(rf"(?m)^(?P<indent>[ \t]*)(?!ลับ(?:ที่สุด|มาก)?[ \t]*$){_SECRECY_WORD}[ \t]*$")
_DEGREE = {"ท": "ที่สุด", "ม": "มาก"}


def _stamp_word(base: str, degree: str | None) -> str:
    return base + (_DEGREE[degree.strip()[0]] if degree else "")


def repair_stamp_words(text: str) -> str:
    r"""An urgency stamp (``ด่วน``, ``ด่วนมาก``, ``ด่วนที่สุด``) and a secrecy stamp beside it with marks lost,
    on a line of their own.

    >>> repair_stamp_words(" ดวนทสด\n ดวน    ลบทสด\nดวนมาก\nด่วน\nลบ ข้อความ\nลบ\nลับ")
    ' ด่วนที่สุด\n ด่วน    ลับที่สุด\nด่วนมาก\nด่วน\nลบ ข้อความ\nลับ\nลับ'
    """
    def fix(m: re.Match) -> str:
        if not m.group("urgency"):
            return m.group()
        out = m.group("indent") + _stamp_word("ด่วน", m.group("u"))
        if m.group("secrecy"):
            out += m.group("gap") + _stamp_word("ลับ", m.group("s"))
        return out

    return SECRECY_LINE.sub(lambda m: m.group("indent") + _stamp_word("ลับ", m.group("s")),
                            STAMP_LINE.sub(fix, text))

# "ที่ ทส                กรมทรัา" / "      ๐๖๑๐.๑/ว๓๑๓๙      กรมทรัพยากรน้ำ": the number wrapped under its code, the
# address column's first words (or their ghost) between them on the code's line
CODE_ALONE = re.compile(r"(?m)^(?P<head>[ \t]*ที่[ \t]+(?P<code>[ก-ฮ]{2})\.?)(?P<gap>[ \t]{3,})(?P<right>\S[^\n]*)\n"
                        rf"(?P<indent>[ \t]*)(?P<number>{D}{{2,6}}(?:\.{D}{{1,4}})*[ \t]*/[ \t]*(?:ว\.?[ \t]*)?{D}{{1,5}})"
                        r"(?P<rest>[^\n]*)$")


def repair_wrapped_number(text: str) -> str:
    r"""A known agency's number wrapped onto the next line with the address column's text between, put
    back on the code's line (the right column keeps its place where the line allows).

    >>> print(repair_wrapped_number("ที่ ทส                   กรมทรัา\n      ๐๖๑๐.๑/ว๓๑๓๙      กรมทรัพยากรน้ำ"))
    ที่ ทส ๐๖๑๐.๑/ว๓๑๓๙      กรมทรัา
                            กรมทรัพยากรน้ำ
    """
    known = _known_codes()

    def fix(m: re.Match) -> str:
        if m.group("code") not in known:
            return m.group()
        first = m.group("head") + " " + m.group("number")
        column = len(m.group("head")) + len(m.group("gap"))
        first += " " * max(3, column - len(first)) + m.group("right")
        second = " " * (len(m.group("indent")) + len(m.group("number"))) + m.group("rest")
        return first + "\n" + second

    return CODE_ALONE.sub(fix, text)


def repair_line_specks(text: str) -> str:
    r"""Specks at the edges of lines, a closing label with its marks lost, a serial's slash read as a space.

    >>> repair_line_specks("        . ด้วยสำนักงาน\n    'กันยายน ๒๕๖๗ .\n  จงเรยนมา เพื่อโปรดทราบ")
    '          ด้วยสำนักงาน\n     กันยายน ๒๕๖๗\n  จึงเรียนมา เพื่อโปรดทราบ'
    >>> repair_line_specks("ที่ มห\n๐๐๓๑.๐๐๔ ๕๕๖๓ ลงวันที่ ๑๕ และ ที่ สน๐๐๓๑.๐๐๖/๒๑๗๙' ลงวันที่")
    'ที่ มห\n๐๐๓๑.๐๐๔/๕๕๖๓ ลงวันที่ ๑๕ และ ที่ สน๐๐๓๑.๐๐๖/๒๑๗๙ ลงวันที่'
    >>> repair_line_specks("ที่ ขข ๐๐๓๑ ๕๕๖๓ ลงวันที่")   # no such agency: left as read
    'ที่ ขข ๐๐๓๑ ๕๕๖๓ ลงวันที่'
    """
    known = _known_codes()
    text = SPACE_BEFORE_VOWEL.sub(lambda m: "" if _joins_a_word(text, m.start()) else m.group(), text)
    text = LEAD_SPECK.sub(lambda m: m.group("indent") + " " * len(m.group("speck")), text)
    text = TAIL_SPECK.sub("", text)
    text = CLOSING.sub(lambda m: m.group(1) + ("จึงเรียนมา" if m.group("rian") else "จึงแจ้งมา"), text)
    text = SLASH_AS_SPACE.sub(
        lambda m: m.group("head") + "/" + m.group("serial") if m.group("code") in known else m.group(), text)
    return repair_stamp_words(SERIAL_QUOTE_SPECK.sub(r"\1", text))


def repair(text: str) -> str:
    """Apply ``ํา`` -> ``ำ`` and every rule of ``RULES``, in order, to OCR text.

    >>> repair("อางถึง หนังสือจังหวัด ที่ อท ๐๐๑๗.๒/ว ๒๙๓๐ ลงวันที ๑๕ สิงหาคม ๒๕๖๐")
    'อ้างถึง หนังสือจังหวัด ที่ อท ๐๐๑๗.๒/ว ๒๙๓๐ ลงวันที่ ๑๕ สิงหาคม ๒๕๖๐'
    >>> repair("นายเรือง รุ่งเรือง")   # a name: not at a label position, left alone
    'นายเรือง รุ่งเรือง'
    """
    text = repair_latin_o_dates(repair_latin_o(repair_glued_tho(STEPS["sara_am"](text))))
    text = repair_doubled_code(repair_split_year(repair_digit_specks(text)))
    text = repair_date_specks(repair_unit_lead_speck(text))
    text = UNIT_SPECK.sub("", REPEAT_BEFORE_DIGIT.sub("", ORPHAN_MARK.sub("", repair_line_specks(text))))
    # before the rules too: "/วิฒ๗๑๖" loses its speck letter here and its mark in circular_speck
    text = CIRCULAR_LATIN_SPECK.sub(r"\1", SERIAL_SPECK.sub(r"\1", LOST_SLASH.sub(r"\1/ว", text)))
    for rule in RULES:
        text = rule.pattern.sub(rule.repl, text)
    text = SERIAL_TAIL_SPECK.sub(r"\1", SERIAL_SPECK.sub(r"\1", text))  # after circular_speck: "วิ ๔๙๓๗ฒ"
    text = SERIAL_SCRIPT_SPECK.sub(r"\1", text)
    text = UNIT_DOT_SLASH.sub(".", text)
    text = LOST_TITLE_LETTER.sub(lambda m: m.group(1) + TITLE_FIRST[m.group(2)] + m.group(2), text)
    text = repair_order_label(repair_code_by_header(repair_agency_codes(repair_words(repair_leaders(repair_wrapped_number(text))))))
    text = repair_acting(text)
    return repair_spaced_refs(repair_list_numbers(repair_day_slot(repair_months(repair_dated(text)))))


def repair_laid_out(text: str) -> str:
    r"""``repair`` once more on a page as laid out (``pipeline.ocr.layout``): Tesseract's sparse mode gives
    the pieces of one printed line apart (``ท`` and ``๑๖๙/๒๕๖๔``, ``วันที่ ๒ กุพ. ๒`` and ``๕๖๔``), and a rule
    that needs both pieces only meets them once the layout has joined them.

    >>> repair_laid_out("                          ท ๑๖๙/๒๕๖๔\nที่ พท ๐๐๓๒.๑/๘๖๘๙          วันที่ ๒ กุพ. ๒ ๕๖๔")
    '                          ที่ ๑๖๙/๒๕๖๔\nที่ พท ๐๐๓๒.๑/๘๖๘๙          วันที่ ๒ ก.พ. ๒๕๖๔'

    The issuer's lines (``ส่วนราชการ …``, the office beside a ``ที่`` number and its address, a title) are
    read as the likeliest words here too (``pipeline.ocr.spell.correct_issuer_lines``), for the same reason.
    """
    from pipeline.ocr.spell import correct_issuer_lines

    return correct_issuer_lines(repair(text))


def postprocess(scan, result):
    """The ``repair`` step: repair the text, keep the words."""
    from dataclasses import replace

    return replace(result, text=repair(result.text))
