"""Spaces that PDF extraction put inside Thai words, decided with pythainlp's word list.

Damage seen in Royal Gazette text: ``ระเบยี บสาํ นักนายกรฐั มนตรี`` for ``ระเบียบสำนักนายกรัฐมนตรี``:
an above vowel drawn after the next consonant, then a space (``บยี บ`` for ``บียบ``), or a bare
space after a syllable (``สำ นัก``). Normal Thai also has spaces after marks (``กรณี ที่``), so no
regex can tell them apart; a dictionary can. pythainlp's ``normalize`` only removes spaces *before*
marks, hence this module.

Rule: a space after a Thai mark or following vowel and before a Thai letter is a *candidate*.
- strong repair: keeping it leaves characters no dictionary word covers, and joining (or moving the
  displaced marks back) covers them: ``ระเบยี บ`` -> ``ระเบียบ``.
- weak repair: only in a text with at least two strong repairs making up 20% of candidates, a
  join that gives fewer words: ``สำ นัก`` -> ``สำนัก``. Clean text never reaches this stage.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.thai_chars import MARKS

RE_CANDIDATE = re.compile(f"(?<=[{MARKS}\u0e30\u0e32\u0e33]) (?=[\u0e01-\u0e2e\u0e40-\u0e44])")
RE_THAI_RUN_CHAR = re.compile("[\u0e01-\u0e3a\u0e40-\u0e4e]")
RE_CONSONANT = re.compile("[\u0e01-\u0e2e]")
RE_MARK = re.compile(f"[{MARKS}]")
MAX_WORD = 20  # longest dictionary word we try (most are far shorter)


@lru_cache(maxsize=1)
def words() -> frozenset[str]:
    """pythainlp's Thai word list (bundled, no network), loaded once per process (from
    ``pipeline.word_tables`` once a run has stored it)."""
    from pipeline.word_tables import stored

    if "words" in stored():
        return stored()["words"]
    from pythainlp.corpus import thai_words

    return frozenset(w for w in thai_words() if len(w) >= 2)


@lru_cache(maxsize=1)
def word_automaton():
    """An Aho-Corasick automaton (pyahocorasick) of ``words()``, each word's value its length: every word in a
    piece of text found in one pass in C, where a loop over its substrings made a set look-up for each.

    >>> sorted(word_automaton().iter("ระเบียบ"))[-1]  # (index of the last letter, length): ระเบียบ
    (6, 7)
    """
    import ahocorasick

    from pipeline.word_tables import stored_automaton

    if (automaton := stored_automaton("word_automaton")) is not None:
        return automaton
    automaton = ahocorasick.Automaton()
    for word in words():
        automaton.add_word(word, len(word))
    automaton.make_automaton()
    return automaton


@lru_cache(maxsize=8192)
def _cost(chunk: str) -> tuple[int, int]:
    """(characters no word covers, number of pieces) of the best split of ``chunk``.

    >>> _cost("ระเบียบสำนัก")
    (0, 2)
    """
    lengths: dict[int, list[int]] = {}  # end -> lengths of the words ending there
    for last, length in word_automaton().iter(chunk):
        if length <= MAX_WORD:
            lengths.setdefault(last + 1, []).append(length)
    best: list[tuple[int, int]] = [(0, 0)]
    for i in range(1, len(chunk) + 1):
        u, k = best[i - 1]
        cand = (u + 1, k + 1)
        for length in lengths.get(i, ()):
            bu, bk = best[i - length]
            if (bu, bk + 1) < cand:
                cand = (bu, bk + 1)
        best.append(cand)
    return best[-1]


RE_RUN_BEFORE = re.compile(RE_THAI_RUN_CHAR.pattern + "*\\Z")  # the run ending where a search stops
RE_RUN_AFTER = re.compile(RE_THAI_RUN_CHAR.pattern + "*")


def _bounds(text: str, s: int) -> tuple[int, int]:
    """Start of the Thai run ending at ``s`` and end of the one starting at ``s + 1`` (max 20 each)."""
    a = RE_RUN_BEFORE.search(text, max(0, s - MAX_WORD), s).start()
    b = RE_RUN_AFTER.match(text, s + 1, max(s + 1, min(len(text), s + 1 + MAX_WORD))).end()
    return a, b


def _locally_fine(text: str, s: int, a: int, b: int) -> bool:
    """A word ends just before the space and another starts just after it (the clean-text case); an
    abbreviation after it (``เกาหลี พ.ศ.``, ``นาย ก.``: a letter and its dot) starts a word too."""
    vocab = words()
    left = any(text[j:s] in vocab for j in range(a, s - 1))
    if not left:
        return False
    return (text[s + 2 : s + 3] == "." and b == s + 2 or any(text[s + 1 : e] in vocab for e in range(s + 3, b + 1))
            or _code(text, s + 1, b))


def _code(text: str, a: int, b: int) -> bool:
    """Is ``text[a:b]`` a code of two or three bare consonants before a number, a dot or the line's end (a
    province's ``สป ๕๓๐๐๐``, an agency's ``ศธ ๐๔๐๐๙``, ``กทม.``)? No word is spelt so: it stands apart.

    >>> _code("ถนนนครราชสีมา สป ๕๓๐๐๐", 14, 16), _code("ถนนนครราชสีมา สปา", 14, 17)
    (True, False)
    """
    after = text[b : b + 2]
    return (2 <= b - a <= 3 and all("ก" <= c <= "ฮ" for c in text[a:b])
            and (after[:1] in ("", ".", "\n") or after[:1] == " " and after[1:2].isdigit()))


def _alternatives(text: str, s: int, a: int) -> list[tuple[int, str]]:
    """(start, replacement of text[start:s+1]) for a plain join and for moving displaced marks back."""
    alts = [(s, "")]
    m = s
    while m > a and RE_MARK.match(text, m - 1):
        m -= 1
    # "C1 C2 marks ␣" -> "C1 marks C2": บยี␣ -> บีย
    if m < s and m - 2 >= a and RE_CONSONANT.match(text, m - 1) and RE_CONSONANT.match(text, m - 2):
        alts.append((m - 1, text[m:s] + text[m - 1]))
    return alts


def _best_repair(text: str, s: int, a: int, b: int, strong: bool) -> tuple[int, int, str] | None:
    keep = tuple(x + y for x, y in zip(_cost(text[a:s]), _cost(text[s + 1 : b]), strict=True))
    best, best_cost = None, keep
    for start, repl in _alternatives(text, s, a):
        cost = _cost(text[a:start] + repl + text[s + 1 : b])
        better = cost[0] < best_cost[0] if strong else (cost[0] <= best_cost[0] and cost < best_cost)
        if better:
            best, best_cost = (start, s + 1, repl), cost
    return best


def cluster_space_edits(text: str) -> list[tuple[int, int, str]]:
    """Edits ``(start, end, replacement)`` that remove spaces wrongly put inside Thai words.

    >>> cluster_space_edits("ระเบยี บสำ นักนายกรฐั มนตรี")
    [(4, 7, 'ีย'), (10, 11, ''), (19, 22, 'ัฐ')]
    >>> cluster_space_edits("เรียน หัวหน้าส่วนราชการ กรณี ที่มีลักษณะ")
    []
    """
    candidates = [m.start() for m in RE_CANDIDATE.finditer(text)]
    if not candidates:
        return []
    strong: dict[int, tuple[int, int, str]] = {}
    for s in candidates:
        a, b = _bounds(text, s)
        if not _locally_fine(text, s, a, b):
            edit = _best_repair(text, s, a, b, strong=True)
            if edit:
                strong[s] = edit
    if len(strong) >= 2 and len(strong) * 5 >= len(candidates):
        for s in candidates:
            if s not in strong:
                a, b = _bounds(text, s)
                edit = _best_repair(text, s, a, b, strong=False)
                if edit:
                    strong[s] = edit
    edits = sorted(strong.values())
    return [e for i, e in enumerate(edits) if i == 0 or e[0] >= edits[i - 1][1]]
