"""Thai character classes and digit tables, defined once for the whole project.

>>> to_arabic("ที่ อท ๐๐๑๗.๒/ว ๒๐๕๕")
'ที่ อท 0017.2/ว 2055'
>>> to_thai("2562")
'๒๕๖๒'
>>> import re
>>> sorted(MARK_SET) == sorted(c for c in map(chr, range(0x0E00, 0x0E80)) if re.fullmatch(f"[{MARKS}]", c))
True

Two forms of each class: a regex class body (``MARKS``, used inside ``[...]``) and, for the marks,
a frozenset (``MARK_SET``) for membership tests in loops. The translation tables are built once;
pythainlp's ``thai_digit_to_arabic_digit`` loops in Python per character, and identifiers of every
letter pass through these.
"""

from __future__ import annotations

# --- classes, as regex class bodies -----------------------------------------------------------------
CONSONANTS = "\u0e01-\u0e2e"  # ก..ฮ
ABOVE_BELOW_VOWELS = "\u0e31\u0e34-\u0e3a\u0e47"  # ั ิ ี ึ ื ุ ู ฺ ็
TONES = "\u0e48-\u0e4c"  # ่ ้ ๊ ๋ ์ (with the thanthakhat, as pythainlp's tonemarks are not)
MARKS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"  # every combining Thai mark: ั ิ..ฺ ็..๎

# --- single characters ------------------------------------------------------------------------------
NIKHAHIT, SARA_AA, SARA_AM = "\u0e4d", "\u0e32", "\u0e33"  # ํ า ำ  (ํ + า is a decomposed ำ)

# --- sets for membership tests ----------------------------------------------------------------------
MARK_SET = frozenset(chr(c) for c in [0x0E31, *range(0x0E34, 0x0E3B), *range(0x0E47, 0x0E4F)])
TONE_MARKS = frozenset("\u0e48\u0e49\u0e4a\u0e4b")  # ่ ้ ๊ ๋ : the four tone marks proper

# --- digits -----------------------------------------------------------------------------------------
THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
ARABIC_DIGITS = "0123456789"
ALL_DIGITS = THAI_DIGITS + ARABIC_DIGITS
TO_ARABIC = str.maketrans(THAI_DIGITS, ARABIC_DIGITS)
TO_THAI = str.maketrans(ARABIC_DIGITS, THAI_DIGITS)


def to_arabic(text: str) -> str:
    """Thai digits to Arabic, everything else as it is: ``to_arabic("๐๐๑๗.๒") == "0017.2"``."""
    return text.translate(TO_ARABIC)


def to_thai(text: str) -> str:
    """Arabic digits to Thai, everything else as it is: ``to_thai("15") == "๑๕"``."""
    return text.translate(TO_THAI)
