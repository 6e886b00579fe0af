"""The issuing office apart from its address: ``issuer`` -> (office as printed, address as printed).

An external letter's ส่วนราชการเจ้าของหนังสือ is printed with its address under it, and the header reader
keeps both (lines joined by spaces). The office is what comes before the first word that can only
start an address: a road, lane, sub-district, district, village, post box, a house number before
one of those, ``กรุงเทพฯ``/``กทม.``, or a postal code. Nothing is guessed: when the first word is
already an address, the office is empty.

>>> split_issuer("ศาลากลางจังหวัดนครราชสีมา ถนนมหาดไทย นม 30000")
('ศาลากลางจังหวัดนครราชสีมา', 'ถนนมหาดไทย นม 30000')
>>> split_issuer("มหาวิทยาลัยเกษตรศาสตร์ ๕๐ ถนนงามวงศ์วาน แขวงลาดยาว เขตจตุจักร กทม. ๑๐๙๐๐")
('มหาวิทยาลัยเกษตรศาสตร์', '๕๐ ถนนงามวงศ์วาน แขวงลาดยาว เขตจตุจักร กทม. ๑๐๙๐๐')
>>> split_issuer("ศาลากลางจังหวัดเลย ลย ๔๒๐๐๐")
('ศาลากลางจังหวัดเลย', 'ลย ๔๒๐๐๐')
>>> split_issuer("สำนักงานเขตพื้นที่การศึกษาประถมศึกษาฉะเชิงเทรา เขต ๑")
('สำนักงานเขตพื้นที่การศึกษาประถมศึกษาฉะเชิงเทรา เขต ๑', '')
"""

from __future__ import annotations

import re

# Words that start an address and never a Thai office's name. ``เขต`` only with a name joined to it
# (เขตดุสิต), since ``เขต ๑`` and ``เขตพื้นที่`` are parts of offices' names.
_ADDRESS_WORD = re.compile(
    r"(?:ถนน|ถ\.|ซอย|ซ\.|ตรอก|ตำบล|ต\.|อำเภอ|อ\.|แขวง|หมู่ที่|หมู่|ม\.\s*[0-9๐-๙]|เลขที่|ตู้\s*ป|ป\.?ณ\.|โทร|"
    r"กรุงเทพ|กทม|เขต(?!\s|พื้นที่|การ|ตรวจ|$))"
)
_NUMBER = re.compile(r"[0-9๐-๙]+(?:[/-][0-9๐-๙]+)*")  # a house number: ๕๐, 99/1, ๑๒๓-๔
_POSTCODE = re.compile(r"[0-9๐-๙]{5}")
_PROVINCE = re.compile(r"[ก-ฮ]{2,3}\.?")  # the province's letters before its postal code: นม 30000


def _starts_address(words: list[str], i: int) -> bool:
    word = words[i]
    if _ADDRESS_WORD.match(word) or _POSTCODE.fullmatch(word):
        return True
    following = words[i + 1] if i + 1 < len(words) else ""
    if _PROVINCE.fullmatch(word) and _POSTCODE.fullmatch(following):
        return True
    after_zone = i > 0 and words[i - 1] in ("เขต", "ภาค")  # เขต ๑: an office's number, not a house number
    return bool(_NUMBER.fullmatch(word) and not after_zone and following and _ADDRESS_WORD.match(following))


def split_issuer(issuer: str) -> tuple[str, str]:
    """``(office, address)`` of an issuer as printed; ``("", "")`` for an empty one."""
    words = issuer.split()
    for i in range(len(words)):
        if _starts_address(words, i):
            return " ".join(words[:i]), " ".join(words[i:])
    return " ".join(words), ""
