"""Edit distance between two strings (used to score OCR and to repair near-miss words).

Written by hand: no edit-distance package is a dependency, and this one is small and fast enough.
"""

from __future__ import annotations


def levenshtein(a: str, b: str) -> int:
    """Edit distance, bit-parallel (Myers/Hyyrö) on Python ints: fast enough for whole letters.

    >>> levenshtein("สำนัก", "สำานัก"), levenshtein("กลุ่ม", "กล่่ม")
    (1, 1)
    """
    if not a or not b:
        return len(a) + len(b)
    peq: dict[str, int] = {}
    for i, c in enumerate(a):
        peq[c] = peq.get(c, 0) | (1 << i)
    mask, high = (1 << len(a)) - 1, 1 << (len(a) - 1)
    pv, mv, score = mask, 0, len(a)
    for c in b:
        eq = peq.get(c, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = (mv | ~(xh | pv)) & mask
        mh = pv & xh
        score += 1 if ph & high else -1 if mh & high else 0
        ph = ((ph << 1) | 1) & mask
        mh = (mh << 1) & mask
        pv = (mh | ~(xv | ph)) & mask
        mv = ph & xv
    return score
