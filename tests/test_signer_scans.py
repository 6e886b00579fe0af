"""Signers of scanned letters: handwritten minutes, certified copies, table cells and signature
strokes never give a signer; a signature block that cannot be read leaves it empty with a reason.

The wording is that of real letters (memos of a university, a committee's announcement, a district
office's letter) as Tesseract reads them, with the OCR damage kept where it matters.
"""

import pytest

from extractors.lines import split_lines
from extractors.signature import signer, unsupported

MEMO_BODY = ("บันทึกข้อความ\nส่วนราชการ คณะวิทยาศาสตร์และเทคโนโลยี\nเรื่อง ขออนุมัติและดำเนินโครงการ\n"
             "เรียน รองอธิการบดีฝ่ายนโยบายและแผน\n        ข้าพเจ้าจึงขออนุมัติและดำเนินโครงการ\n"
             "        จึงเรียนมาเพื่อโปรดพิจารณา\n")

CASES = [
    # (what, text, (title, name, position))
    ("the signer's name under the closing",
     "จึงเรียนมาเพื่อโปรดพิจารณา\n        ขอแสดงความนับถือ\n\n        (นายสาทิตย์ วงศ์หนองเตย)\n"
     "        รัฐมนตรีประจำสำนักนายกรัฐมนตรี\n",
     ("นาย", "สาทิตย์ วงศ์หนองเตย", "รัฐมนตรีประจำสำนักนายกรัฐมนตรี")),
    ("a memo's name unreadable under the signature: the minutes' name after it is not taken, the position is",
     MEMO_BODY + "                    (ผู้ช่วยศาสตราจารย ดร.วลลภ ทา\n                    อาจารย์หัวหน้าโครงการ\n"
     "        น รองอธิการบดีฝ่ายนโยบายและแผน\n        1. เพื่อโปรดพิจารณา\n"
     "                    (นางศิริพร จันทพล)\n                    ผู้อำนวยการกองนโยบายและแผน\n",
     ("", "", "อาจารย์หัวหน้าโครงการ")),
    ("minutes without a body end before them: their name is not the signer",
     "เรียน คณบดี\n        ขอให้ดำเนินการ\n\n        เรียน ผอ.กอง\n        - เพื่อโปรดทราบ\n"
     "              (นางศิริพร จันทพล)\n              ผู้อำนวยการกองนโยบายและแผน\n",
     ("", "", "")),
    ("a table's unit in parentheses on an enclosure page is not a name",
     "ประกาศคณะกรรมการบริหารพนักงานราชการ\n        ข้อ ๑๓ ในกรณีที่จะให้ได้รับอัตราค่าตอบแทน\n"
     "                    บัญชีกลุ่มงานบริการ\n                              (บาท/เดือน)\n"
     "  ๑   ปริญญาเอก   ๒๐,๐๐๐\n",
     ("", "", "")),
    ("the announcement's signer, then a certified copy's block: the copy's name is not taken",
     "         ทั้งนี้ ตั้งแต่ วันที่ ๑ มีนาคม ๒๕๕๔ เป็นต้นไป\n              ป 5ะกาศ ณวันที่ ๒@ กุมภาพันธ์ ๒๕๒๔\n"
     "              (นายสาทิตย์ วงศ์หนองเตย)\n            รัฐมนตรีประจำสำนักนายกรัฐมนตรี\n"
     "           ประธานกรรมการบริหารพนักงานราชการ\n                          สำเนาถูกต้อง\n\n"
     "                 (นางสาวลักขณา สิวะอมรรัตน์)\n                นักทรัพยากรบุคคลชำนาญการพิเศษ\n"
     "                     บัญชีกลุ่มงานบริการ\n                              (บาท/เดือน)\n",
     ("นาย", "สาทิตย์ วงศ์หนองเตย",
      "รัฐมนตรีประจำสำนักนายกรัฐมนตรีประธานกรรมการบริหารพนักงานราชการ")),
    ("a certified copy's block alone is no signer",
     "        จึงเรียนมาเพื่อทราบ\n                  สำเนาถูกต้อง\n             (นางสาวลักขณา สิวะอมรรัตน์)\n"
     "            นักทรัพยากรบุคคลชำนาญการพิเศษ\n",
     ("", "", "")),
    ("a signature stroke across the opening parenthesis",
     "        จึงเรียนมาเพื่อพิจารณา\n                   ขอแสดงความนับถือ\n"
     "             .-- /'นายจิรพงษ์ ไชยยศ)\n           รองผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา\n",
     ("นาย", "จิรพงษ์ ไชยยศ", "รองผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา")),
    ("a margin note read onto the signer's lines: the block is the right-hand column",
     "        จึงเรียนมาเพื่อโปรดพิจารณาให้ความอนุเคราะห์\n    เรียน คณบด                      ขอแสดงความนับถือ\n"
     "    (”                                         -๑ๆ\n         เพื่อโปรดทราบ\n"
     "    ( ) เห็นสมควรแจ้ง เง็ง ลั้ [ ชั่ง9 เกศุด47 จง์จป (ผู้ช่วยศาสตราจารย์นฤพนธ์ วงศ์จตุรภัทร)\n"
     "๓นัทห\n            แต่วต๑นย์  เครวย ฝั้ วิจัง    [จล     คณบดีคณะวิทยาศาสตร์การกีฬา\n"
     "- ๑ชัย เล                            ใน 7 ด. 266\n",
     ("ผู้ช่วยศาสตราจารย์", "นฤพนธ์ วงศ์จตุรภัทร", "คณบดีคณะวิทยาศาสตร์การกีฬา")),
]


@pytest.mark.parametrize(("what", "text", "want"), CASES, ids=[c[0][:50] for c in CASES])
def test_signer_of_scanned_letters(what, text, want):
    s = signer(split_lines(text))
    assert (s.title, s.name, s.position) == want


UNSUPPORTED = [
    # (text, the reason starts with, or '' for none)
    (MEMO_BODY + "                    (ผู้ช่วยศาสตราจารย ดร.วลลภ ทา\n                    อาจารย์หัวหน้าโครงการ\n",
     "the name under the signature cannot be read: (ผู้ช่วยศาสตราจารย ดร.วลลภ ทา"),
    (MEMO_BODY + "                          พงษ์อินทร์วงศ์)\n                    อาจารย์หัวหน้าโครงการ\n"
     "                    (นางศิริพร จันทพล)\n                    ผู้อำนวยการกองนโยบายและแผน\n",
     "the name under the signature cannot be read: พงษ์อินทร์วงศ์)"),
    # a fragment with no position under it is a stroke, not the block: the name below it is the signer's
    (MEMO_BODY + "                          ทา)\n                    (นายวัลลภ ทาทอง)\n"
     "                    อาจารย์หัวหน้าโครงการ\n", ""),
    (MEMO_BODY + "                    (นายวัลลภ ทาทอง)\n                    อาจารย์หัวหน้าโครงการ\n", ""),
    ("เรียน ผู้ว่าราชการจังหวัด\nเพื่อโปรดทราบ", ""),  # no signature at all: nothing to report
]


@pytest.mark.parametrize(("text", "reason"), UNSUPPORTED)
def test_unreadable_signature_gives_a_reason(text, reason):
    assert unsupported(split_lines(text)) == reason
    if reason:
        assert signer(split_lines(text)).name == ""


CERTIFIED = [
    # (text, (title, name, position) of who certified the copy)
    ("        ประกาศ ณ วันที่ ๒๘ กุมภาพันธ์ ๒๕๕๔\n        (นายสาทิตย์ วงศ์หนองเตย)\n        รัฐมนตรีประจำสำนักนายกรัฐมนตรี\n"
     "                  สำเนาถูกต้อง\n\n             (นางสาวลักขณา สิวะอมรรัตน์)\n"
     "            นักทรัพยากรบุคคลชำนาญการพิเศษ\n",
     ("นางสาว", "ลักขณา สิวะอมรรัตน์", "นักทรัพยากรบุคคลชำนาญการพิเศษ")),
    ("        ขอแสดงความนับถือ\n        (นายสาทิตย์ วงศ์หนองเตย)\n        รัฐมนตรีประจำสำนักนายกรัฐมนตรี\n", ("", "", "")),
]


@pytest.mark.parametrize(("text", "want"), CERTIFIED)
def test_certifier_of_a_copy(text, want):
    from extractors.signature import certifier

    c = certifier(split_lines(text))
    assert (c.title, c.name, c.position) == want
    assert signer(split_lines(text)).name == "สาทิตย์ วงศ์หนองเตย"
