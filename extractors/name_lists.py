"""Is a word a listed Thai given name, family name or dictionary word? (pythainlp's lists)

Used to choose between two OCR readings of one signer's name (``extractors.signature``): the reading
whose every word is listed is kept. Apart from ``pipeline.ocr.names`` (which mends names on OCR text)
so that the extractors need nothing of the OCR package.

>>> is_listed("นาคสวัสดิ์"), is_listed("สุนิสา"), is_listed("นาคลวัสดิ์")
(False, True, False)
"""

from __future__ import annotations

from functools import cache


@cache
def _listed() -> frozenset[str]:
    from pythainlp.corpus import thai_family_names, thai_female_names, thai_male_names, thai_words

    return frozenset((*thai_family_names(), *thai_male_names(), *thai_female_names(), *thai_words()))


def is_listed(word: str) -> bool:
    """``word`` is in pythainlp's name lists or its word list."""
    return word in _listed()
