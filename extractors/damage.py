"""Is a header value read by OCR damaged beyond trust? Specks and spellings no Thai text can have.

A receipt stamp or a seal over a letterhead leaves the issuer's line as ``แแท่ ศ าต้าต่วงจีง1  วัดเพชรบุรี``:
part of it is the office, the rest is the stamp's ink read as letters. Such a value is a wrong one;
the field is better left empty. The marks of damage, none of which a printed office or address shows:

* a scan's symbols (``[``, ``|``, ``'``, ``!``, …);
* a word that starts with a vowel or mark that follows its consonant (``าต้าต่วง``) or with two leading
  vowels (``แแท่``);
* a consonant standing alone as a word (``ศ``);
* Thai letters glued to Arabic digits or Latin letters (``จีง1``, ``1ผูอ``, ``๑๑6๑๓``).

>>> damaged("แแท่ ศ าต้าต่วงจีง1  วัดเพชรบุรี"), damaged("เทศบาลเมืองสุพรรณซุรี' ๔๕๒๓๒๓")
(True, True)
>>> damaged("ศาลากลางจังหวัดเพชรบุรี ถนนศรีจันทร์ เพชรบุรี ๗๖๐๐๐"), damaged("กรุงเทพฯ ๑๐๔๐๐")
(False, False)

Only for text read by OCR: a text layer holds what was typed (``ซอย3`` is a typist's, not a speck).
"""

from __future__ import annotations

import re

DAMAGE = re.compile(
    r"[\[\]{}|<>=@#%^*~“”\"'«»!?_\\]"  # a scan's symbols
    r"|(?:^|\s)[\u0e30-\u0e3a\u0e45\u0e47-\u0e4e]"  # a word opening with a following vowel or a mark
    r"|(?:^|\s)[เแโใไ]{2}"  # two leading vowels
    r"|(?:^|\s)[ก-ฮ](?=\s|$)"  # a consonant alone
    r"|[ก-๙][0-9A-Za-z]|[0-9A-Za-z][ก-ฮ]"  # Thai glued to Arabic digits or Latin letters
)


def damaged(value: str) -> bool:
    """Does ``value`` show OCR damage no printed office or address has (see the module docstring)?"""
    return bool(DAMAGE.search(value))
