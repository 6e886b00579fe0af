"""Repair what Tesseract's Thai model typically gets wrong in letters, conservatively, on OCR text only.

>>> repair("ที อท ๐๐๑๗.๒/ว ๒๐๕๕ วันที ๒๖ พฤษภาคม ๒๕๖๒\\nเรือง การปรับปรุงแนวทาง\\nสิงทีส่งมาด้วย ๑. แนวทาง")
'ที่ อท ๐๐๑๗.๒/ว ๒๐๕๕ วันที่ ๒๖ พฤษภาคม ๒๕๖๒\\nเรื่อง การปรับปรุงแนวทาง\\nสิ่งที่ส่งมาด้วย ๑. แนวทาง'

Each rule fixes a form that is not a Thai word where it stands: a lost upper mark on a keyword
(``ที`` before a number, ``เรือง``/``อางถึง``/``เรยน`` as a line's label, ``สิงทีส่งมาด้วย``), ``ํา`` for ``ำ``,
and a run of ``๑`` that Tesseract reads from a dotted leader. Names and running text are left alone:
a rule that could hit a real word is anchored at the start of a line or needs a number after it.
The readers apply it to OCR pages only (Page.method == "ocr"), through ``ocr.register_postprocessor``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.normalize import STEPS

DIGIT = "[๐-๙0-9]"
TONE = "[\u0e48-\u0e4b]"
UPPER = "[\u0e31\u0e34-\u0e37\u0e47-\u0e4e]"


@dataclass(frozen=True, slots=True)
class Rule:
    """A named regex repair; ``pattern.sub(repl, text)`` applies it."""

    name: str
    pattern: re.Pattern
    repl: str


# Words that take ที่ before a number ("วันที่ ๒๖", "ครั้งที่ ๙/๒๕๖๑"); not นาที or ทันที.
ORDINAL_HEADS = ("วัน", "ครั้ง", "ครัง", "ข้อ", "หมู่", "ฉบับ", "ลำดับ", "ชั้น", "คน", "ราย", "ปี", "เดือน", "ตอน", "เล่ม", "หน้า")
_AFTER_HEAD = "(?:" + "|".join(f"(?<={h})" for h in ORDINAL_HEADS) + "|(?<![^ (\n]))"

RULES: tuple[Rule, ...] = (
    # "วันที ๒๖", "ลงวันที ๑๕", "ครั้งที ๙/๒๕๖๑", "ที ๑๒๓/๒๕๖๒": ที with no tone before a number.
    Rule("thi_before_number", re.compile(f"{_AFTER_HEAD}ที(?!{TONE}|{UPPER})(?=[ ]?{DIGIT})"), "ที่"),
    # "ที อท ๐๐๑๗.๒", "ที มท.๐๘๐๘": the ref-no label before an agency code and a number.
    Rule("thi_before_ref", re.compile(f"(?m)^([ ]*)ที(?!{TONE}|{UPPER})(?=[ ]+[ก-ฮ]{{1,3}}\\.?[ ]?{DIGIT})"), r"\1ที่"),
    # "เรือง การปรับปรุง..." as the subject label at the start of a line.
    Rule("rueang_label", re.compile("(?m)^([ ]*)เร(?:ื|ี)?(?:่)?อ(?:่)?ง(?=[ .…]|$)"), r"\1เรื่อง"),
    # "อางถึง", "อ้างถิง", "อางถิง" as a label at the start of a line.
    Rule("angthueng_label", re.compile("(?m)^([ ]*)อ(?:้)?างถ(?:ึ|ิ)ง(?=[ .…]|$)"), r"\1อ้างถึง"),
    # "เรยน", "เรี่ยน" as the salutation label at the start of a line.
    Rule("rian_label", re.compile("(?m)^([ ]*)เร(?:ี)?(?:่)?ยน(?= )"), r"\1เรียน"),
    # "สิงทีส่งมาด้วย", "สิ่งทีสงมาดวย", ...: the enclosures label, with any of its four marks lost.
    Rule("enclosures_label", re.compile("สิ(?:่)?งที(?:่)?ส(?:่)?งมาด(?:้)?วย"), "สิ่งที่ส่งมาด้วย"),
    # "จึงเรียนมาเพือ", "เพือทราบ": เพือ is not a word; เพื่อ is.
    Rule("phuea", re.compile("เพือ(?!่)"), "เพื่อ"),
    # "๑๑๑๑๑ ที่มีลักษณะ": a dotted leader at the start of a line read as a run of ๑.
    Rule("leader_read_as_one", re.compile("(?m)^([ ]*)๑{4,}(?=[ ]|$)"), r"\1....."),
)


def repair(text: str) -> str:
    """Apply ``ํา`` -> ``ำ`` and every rule of ``RULES``, in order, to OCR text.

    >>> repair("อางถึง หนังสือจังหวัด ที่ อท ๐๐๑๗.๒/ว ๒๙๓๐ ลงวันที ๑๕ สิงหาคม ๒๕๖๐")
    'อ้างถึง หนังสือจังหวัด ที่ อท ๐๐๑๗.๒/ว ๒๙๓๐ ลงวันที่ ๑๕ สิงหาคม ๒๕๖๐'
    >>> repair("นายเรือง รุ่งเรือง")   # a name: not at a label position, left alone
    'นายเรือง รุ่งเรือง'
    """
    text = STEPS["sara_am"](text)
    for rule in RULES:
        text = rule.pattern.sub(rule.repl, text)
    return text


def postprocess(image, result):
    """OCR post-processor (``ocr.register_postprocessor``): repair the text, keep the words."""
    from pipeline.ocr import OcrResult

    return OcrResult(repair(result.text), result.words)
