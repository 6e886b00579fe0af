"""Lines with a web address or an e-mail address, read again with the English model as well.

The page is read with Tesseract's Thai model alone (``ocr.LANGS``): with ``tha+eng`` the English
model wins on short Thai tokens and the agency code of a reference number comes back as Latin
(``ที่ AB ๐๔๐๔๕/ว ๖๕๘`` for ``ที่ ศธ ๐๔๐๔๕/ว ๖๕๘``; docs/ACCURACY.md). The Thai model has no Latin
letters, so an address comes back as Thai-looking noise around the signs it does know:
``ทแน ูว://๓๐๗.๖๖๖.๑๙.๓๔๕`` for ``http://103.226.19.345``. A line showing such a sign (``@``, ``://``)
is read again on its own with ``tha+eng`` (``--psm 7``); the Thai-digit reader then checks its
digits like any other line's.

>>> [bool(ADDRESS_SIGN.search(t)) for t in ("อีเมล ๓๐๗ม@ลนแ.๓๐.ท", "ทน์เว:ะ//๑๒๓.๒๕๒.๑๕๓๕", "ที่ ศธ ๐๔๐๔๕/ว ๖๕๘",
...                                         "เ โรไปโชศต@ซฆฬฮฒู้4ตฒ่่11+331")]   # the last: a rule read as specks
[True, True, False, False]
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline import ocr

# an e-mail address keeps its shape (x@y.z) in the Thai reading; a web address its "://" or "//"
ADDRESS_SIGN = re.compile(r"\S@\S+\.\S|:/{1,2}\S|\S//\S+\.\S|\bwww\.")


def postprocess(image, result: ocr.OcrResult) -> ocr.OcrResult:
    """OCR post-processor: each line with an address sign replaced by its ``tha+eng`` reading."""
    from pipeline.thai_digits import reread_line

    lines = result.text.split("\n")
    changed = False
    for index, words in result.lines_with_words():
        if ADDRESS_SIGN.search(lines[index]) and ocr.LANGS != ocr.LATIN_LANGS:
            again = reread_line(image, words, langs=ocr.LATIN_LANGS).strip()
            if again:
                lines[index], changed = again, True
    return replace(result, text="\n".join(lines)) if changed else result

