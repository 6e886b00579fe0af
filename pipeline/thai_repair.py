"""Repairs of the damage real Thai PDF text carries, each as edits (``normalize`` keeps the offsets).

- ``gazette_marks``: the Royal Gazette running head loses the tone marks of หน้า and เล่ม, printed
  before the words: ``ภู ้ หนา 28 ่ เลม 140`` -> ``ภู หน้า 28 เล่ม 140``.
- ``date_spacing``: digits and month names of a date split by a space: ``พ.ศ. 25 6 6``,
  ``2 1 ธันวาคม``, ``9 กันยา ยน``, ``พ.ศ . 2566``.
- ``sara_am_flood``: a font map that writes every า as ``ํา`` (``อําศัยอ ํานําจตํามควําม``): when most
  า of a text carry it, ำ becomes า again and ``lost_sara_am`` puts back the real ones.
- ``vowel_spacing``: a space after a leading vowel, which no Thai word has: ``ศาสตราจารย์เ กียรติคุณ``.
- ``spaced_sara_am``: ำ drawn as a space and า (``ส านัก``, ``ประจ าปี``), joined where the dictionary knows
  the word (``pdf`` page layers showing it are read, not sent to OCR).
- ``lost_sara_am``: ำ printed as า (``อานาจ``, ``ตารวจ``, ``กาหนด``), put back only where the damaged
  form is no word of pythainlp's dictionary and the repaired one is (``ทา`` stays: it is a word).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from extractors.patterns import MONTH_NAMES
from pipeline.thai_chars import to_arabic
from pipeline.word_tables import automaton_bytes, save, stored

Edit = tuple[int, int, str]
DIGIT = "[0-9๐-๙]"
SARA_AA, SARA_AM, MAI_THO = "\u0e32", "\u0e33", "\u0e49"
TONES = "\u0e48-\u0e4b"

# " ้ หนา 28 ่ เลม" (marks displaced before their words): the Gazette head and foot
RE_HEAD_MARKS = re.compile(rf"\u0e49? ?หนา( *{DIGIT}+ *)\u0e48 ?เลม")
# Where PDF extraction split a date with a space, text wrapped at a fixed width may have broken the line
# instead ("พ.ศ. 256\n6", "2\n6 ธันวาคม", "พ .\nศ ."): a split below is a space or one line break.
SPLIT = "[ \n]"
# "พ.ศ . 2566": a space before the era's last dot
RE_ERA_DOT = re.compile(rf"(?<=พ\.ศ){SPLIT}\.")
_FULL_MONTHS = sorted((m for m in MONTH_NAMES if "." not in m and len(m) >= 5), key=len, reverse=True)
MONTH_FULL = "(?:" + "|".join(_FULL_MONTHS) + ")"
# a 4-digit year split after the era, a month or an order's slash: "พ.ศ. 256 6", "มกราคม 25 6 6", "409 / 256 5"
RE_SPLIT_YEAR = re.compile(rf"(?P<lead>/[ ]?|พ{SPLIT}?\.{SPLIT}?ศ{SPLIT}?\.{SPLIT}?|ศักราช{SPLIT}?|{MONTH_FULL}{SPLIT}?)"
                           rf"(?P<num>{DIGIT}(?:{SPLIT}?{DIGIT}){{3}})(?! ?{DIGIT})")
# a day split before a month: "2 1 ธันวาคม", "3 0 มีนาคม"
SPACED_MONTH = "(?:" + "|".join(f"{SPLIT}?".join(map(re.escape, m)) for m in _FULL_MONTHS) + ")"  # "มีนา คม"
RE_SPLIT_DAY = re.compile(rf"(?<![0-9๐-๙.,/])(?P<a>{DIGIT}){SPLIT}(?P<b>{DIGIT})(?={SPLIT}?{SPACED_MONTH})")
# a full month name split by spaces after a day: "9 กันยา ยน", "29 มิ ถุนายน", "5 เ ม ษายน"
RE_SPLIT_MONTH = re.compile(rf"(?<={DIGIT}){SPLIT}{SPACED_MONTH}(?={SPLIT})")
# "พ . ศ . 2566": spaces around the era's dots
RE_ERA_SPACED = re.compile(rf"พ{SPLIT}?\.{SPLIT}?ศ{SPLIT}?\.(?={SPLIT}?[0-9๐-๙])")


def gazette_mark_edits(text: str) -> list[Edit]:
    """``" ้ หนา 28 ่ เลม"`` -> ``" หน้า 28 เล่ม"``."""
    if "หนา" not in text:
        return []
    return [(m.start(), m.end(), "หน้า " + m.group(1).strip() + " เล่ม") for m in RE_HEAD_MARKS.finditer(text)]


def date_spacing_edits(text: str) -> list[Edit]:
    """Joins the pieces of a split date; a split day must make 1..31, a split year four digits."""
    edits = [(m.start(), m.end(), ".") for m in RE_ERA_DOT.finditer(text) if not RE_ERA_SPACED.match(text, m.start() - 3)]
    for m in RE_SPLIT_YEAR.finditer(text):
        joined = m["num"].replace(" ", "").replace("\n", "")
        if joined != m["num"] and (not m["lead"].startswith("/") or to_arabic(joined).startswith("25")):
            edits.append((m.start("num"), m.end("num"), joined))
    for m in RE_SPLIT_DAY.finditer(text):
        if 1 <= int(to_arabic(m["a"] + m["b"])) <= 31:
            edits.append((m.start(), m.end(), m["a"] + m["b"]))
    for m in RE_SPLIT_MONTH.finditer(text):  # the space before the month stays: "9 กันยา ยน" -> "9 กันยายน"
        month = m.group(0)[1:]
        if " " in month or "\n" in month:
            edits.append((m.start() + 1, m.end(), month.replace(" ", "").replace("\n", "")))
    for m in RE_ERA_SPACED.finditer(text):
        if m.group(0) != "พ.ศ.":
            edits.append((m.start(), m.end(), "พ.ศ."))
    edits.sort()
    kept, end = [], -1
    for e in edits:  # no two edits overlap
        if e[0] >= end:
            kept.append(e)
            end = e[1]
    return kept


RE_AM_JOINED = re.compile(f"(?<! ){SARA_AM}")
FLOOD_LEAST = 20  # joined ำ in a text before it is looked at for a flood
FLOOD_REACH = 150  # characters each side of a joined ำ: one whose neighbourhood has more ำ than า starts a look
# a two-state reading of the text's ำ and า in order (clean: ำ one in ten; flood: nine in ten), which changes
# state only where a run of marks pays for it: a page head's few า do not end a flooded page
P_AM_CLEAN, P_AM_FLOOD, SWITCH = 0.1, 0.9, 1e-3
RE_AA = re.compile(SARA_AA)


def sara_am_flood_edits(text: str) -> list[Edit]:
    """ำ back to า in the stretches where they have taken the place of า (a font map that drew every า
    as ``ํา``).

    The real ones are mostly set apart by a space (``ก ําหนด``, ``จ ําเป็น``): those stay;
    ``lost_sara_am`` finds the rest by the dictionary. The decision is the stretch's, not the text's: a
    Gazette text whose first page is clean (``การทำผลิตภัณฑ์``) and whose schedule pages are flooded
    (``สำยไฟฟ้ำ``) keeps the first page's ำ.

    >>> text = "การทำงาน " * 40 + "หน้า ๓๓ เล่ม ๑๓๙ ราชกิจจานุเบกษา " * 2 + "สำยไฟฟ้ำ " * 60
    >>> edits = sara_am_flood_edits(text)
    >>> len(edits), min(s for s, _, _ in edits) - text.index("สำยไฟฟ้ำ")  # every ำ of the flood, no ทำ
    (120, 1)
    """
    joined = [m.start() for m in RE_AM_JOINED.finditer(text)]
    if len(joined) < FLOOD_LEAST:
        return []
    aa = [m.start() for m in RE_AA.finditer(text)]
    if not any(bisect_left(joined, i + FLOOD_REACH) - bisect_left(joined, i - FLOOD_REACH)
               >= bisect_left(aa, i + FLOOD_REACH) - bisect_left(aa, i - FLOOD_REACH) for i in joined):
        return []
    marks = sorted([(i, True) for i in joined] + [(i, False) for i in aa])
    edits = [(i, i + 1, SARA_AA) for (i, is_am), flooded in zip(marks, _flooded_states([m for _, m in marks]), strict=True)
             if is_am and flooded]
    if not edits:
        return []
    # the text has a flood: its words flooded outside the flooded stretches (ผู้ประสำนงาน on a clean page)
    # are put back here, by the dictionary, while the flood's marks still show
    flipped = {i for i, _, _ in edits}
    words = [e for e in _dictionary_edits(text, RE_AM, _flooded_words(), 4, 1)
             if not any(k in flipped for k in range(e[0], e[1]))]
    return sorted(edits + words)


def _flooded_states(is_am: list[bool]) -> list[bool]:
    """The likeliest clean/flooded state of each mark in order (Viterbi over two states), ``True`` for
    flooded.

    >>> states = _flooded_states([False] * 30 + [True] * 30)  # 30 า, then 30 ำ
    >>> states.index(True), all(states[30:]), _flooded_states([False, True, False, False] * 10).count(True)
    (30, True, 0)
    """
    from math import log

    emit = {False: (log(1 - P_AM_CLEAN), log(1 - P_AM_FLOOD)), True: (log(P_AM_CLEAN), log(P_AM_FLOOD))}
    stay, switch = log(1 - SWITCH), log(SWITCH)
    score = (log(0.5) + emit[is_am[0]][0], log(0.5) + emit[is_am[0]][1])
    back: list[tuple[int, int]] = []
    for mark in is_am[1:]:
        clean_from = (0 if score[0] + stay >= score[1] + switch else 1)
        flood_from = (1 if score[1] + stay >= score[0] + switch else 0)
        back.append((clean_from, flood_from))
        score = (score[clean_from] + (stay if clean_from == 0 else switch) + emit[mark][0],
                 score[flood_from] + (stay if flood_from == 1 else switch) + emit[mark][1])
    state = 0 if score[0] >= score[1] else 1
    states = [state]
    for step in reversed(back):
        state = step[state]
        states.append(state)
    return [s == 1 for s in reversed(states)]


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, int]:
    """Word counts of the Thai National Corpus (bundled with pythainlp)."""
    from pythainlp.corpus import tnc

    return dict(tnc.word_freqs())


@lru_cache(maxsize=1)
def _common() -> frozenset[str]:
    """Dictionary words a repair may produce: seen in the TNC at least 5 times, or long compounds
    (pythainlp's list also holds rare forms such as ``กำรอ`` that would otherwise win)."""
    from pipeline.thai_spacing import words

    if "common" in stored():
        return stored()["common"]
    freq = _frequencies()
    return frozenset(w for w in words() if freq.get(w, 0) >= 5 or len(w) >= 6)


def _table(has: str, damage) -> dict[str, str]:
    freq = _frequencies()
    table = {}
    for w in sorted(_common()):  # in a fixed order: which word wins a shared damaged form must not depend on the hash seed
        if has in w and len(w) >= 3:
            for rank, bad in enumerate(damage(w)):
                if bad != w and bad not in freq and (rank == 0 or bad not in table):
                    table[bad] = w  # the plain loss (ำ drawn as า) wins a tie: นาไป is นำไป, not น้ำไป
    return table


@lru_cache(maxsize=1)
def _damaged_words() -> dict[str, str]:
    """Words with ำ keyed by their damaged forms (no word of the TNC): อานาจ, ก้าหนด, นามัน."""
    if "damaged_words" in stored():
        return stored()["damaged_words"]
    return _table(SARA_AM, lambda w: (
        w.replace(SARA_AM, SARA_AA),  # อานาจ
        re.sub(f"(?<![{TONES}]){SARA_AM}", MAI_THO + SARA_AA, w),  # ก้าหนด
        _toneless_water(w),  # นามัน, ท่อนา: น้ำ lost its tone too (ที่ต่ำ is no ที่ตา)
    ))


# words before which นำ (to lead, to bring) is as likely as น้ำ: ให้นา is ให้นำ as often as ให้น้ำ
VERB_BEFORE_NAM = ("ให้", "ได้", "เอา", "มี", "เป็น", "ไม่", "จะ", "ที่", "และ", "ซึ่ง", "โดย", "การ", "ผู้", "ต้อง",
                   "ควร", "อาจ", "ยัง", "ส่ง", "ยก", "นำ")


def _toneless_water(word: str) -> str:
    """``ท่อน้ำ`` -> ``ท่อนา`` (น้ำ with its tone and sara am lost), unless a verb or a function word comes
    before น้ำ (``ให้น้ำ``: ``ให้นา`` is as often ``ให้นำ``): then the word itself."""
    head = word.split("น้ำ", 1)[0]
    if "น้ำ" not in word or (head and head.endswith(VERB_BEFORE_NAM)):
        return word
    return word.replace("น้ำ", "นา")


@lru_cache(maxsize=1)
def _flooded_words() -> dict[str, str]:
    """Words with า keyed by their forms with every า, or some of them, drawn as ำ (``ควำม``, ``ศาสตรำจารย์``)."""
    if "flooded_words" in stored():
        return stored()["flooded_words"]
    return _table(SARA_AA, _flood_forms)


@lru_cache(maxsize=1)
def _damage_trigrams() -> frozenset[str]:
    """Letter, า, letter around every า of a damaged key (``ตาบ`` of ตาบล; ``จา`` ending ประจา): other า are
    not looked at."""
    if "damage_trigrams" in stored():
        return stored()["damage_trigrams"]
    return frozenset(k[i - 1 : i + 2] for k in _damaged_words() for i, c in enumerate(k) if c == SARA_AA and i)


@lru_cache(maxsize=1)
def _flood_trigrams() -> frozenset[str]:
    """Letter, ำ, letter as a flood writes them and common words do not (``กำร``, ``กำศ``): a text with none
    of them is not searched for a flood."""
    if "flood_trigrams" in stored():
        return stored()["flood_trigrams"]
    freq, seen = _frequencies(), {}
    for w in _common():  # a trigram of common clean words (ทำส of ทำสัญญา), not one of rare ones (กำร of กำราบ)
        for i, c in enumerate(w):
            if c == SARA_AM and i:
                seen[w[i - 1 : i + 2]] = seen.get(w[i - 1 : i + 2], 0) + freq.get(w, 0)
    clean = {k for k, n in seen.items() if n >= 200}
    return frozenset({k[i - 1 : i + 2] for k in _flooded_words() for i, c in enumerate(k) if c == SARA_AM and i} - clean)


def _flood_forms(word: str) -> list[str]:
    """``"ศาสตราจารย์"`` -> every way of drawing some of its า (three at most) as ำ, the whole flood first."""
    at = [i for i, c in enumerate(word) if c == SARA_AA]
    forms = [word.replace(SARA_AA, SARA_AM)]
    if len(at) <= 3 and len(word) >= 6:  # some า only: long words alone (ศาสตรำจารย์), short ones collide (ทำส)
        for mask in range(1, (1 << len(at)) - 1):
            chars = list(word)
            for k, i in enumerate(at):
                if mask >> k & 1:
                    chars[i] = SARA_AM
            forms.append("".join(chars))
    return forms


# frequent damaged forms: a text with none of them is not searched at all
RE_LOST_AM_HINT = re.compile("ต้าบล|อ้าเภอ|นามัน|นาหนัก|สัตว์นา|จ้านวน|้าหนด|น้าหนัก|ทางน้า|แหล่งน้า|อานาจ|กาหนด|ดาเนิน|ตาแหน|จานวน|สานัก|ตาบล|ประจา|คาสั่ง|คาร้อง|จาเป็น|สาหรับ|ชาระ|"
                             "อาเภอ|คาขอ|กากับ|ตารวจ|ทาการ|ทางาน|นาเข้า|สาคัญ|คาว่า|ความสา|กาลัง|ลาดับ|สารวจ|จากัด")
RE_AA_AFTER_CONSONANT = re.compile("(?<=[ก-ฮ่้๊๋])า")
MAX_BEFORE, MAX_AFTER = 7, 12  # letters of a word before and after the า or ำ looked at (พฤศจิก|ายน)


NAME_FOLLOWS = frozenset({"ตำบล", "อำเภอ", "กิ่งอำเภอ"})  # a place's name follows, in no dictionary (ตำบลเปือ)


def _bounded(text: str, s: int, e: int, vocab, word: str = "") -> bool:
    """Does ``text[s:e]`` sit between words (``ตาตา|มพันธ`` does not: no word starts ``มพ``)? After ``word``
    of ``NAME_FOLLOWS`` (the repair) any letter may follow: ``ตาบลเปือ`` is ``ตำบล`` and the name ``เปือ``."""
    before = s == 0 or not "ก" <= text[s - 1] <= "\u0e4e" or any(text[max(0, s - k) : s] in vocab for k in range(2, 11))
    after = (e >= len(text) or not "ก" <= text[e] <= "\u0e4e" or word in NAME_FOLLOWS
             or any(text[e : e + k] in vocab for k in range(2, 11)))
    return before and after


def _covered(text: str, i: int, length: int, end: int = 0) -> bool:
    """Is ``text[i]`` inside a clean dictionary word at least ``length`` long that runs past ``end``, the
    repair's end (``ประกาศ``, not ``ประกำ``; ``การสาน`` ends inside ``สานัก``, so ``สำนัก`` stands)?"""
    from pipeline.thai_spacing import word_automaton

    vocab = _common()
    first, lo = max(i + 1, end + 1), max(0, i - MAX_BEFORE - 2)
    for last, size in word_automaton().iter(text, lo, min(len(text), i + MAX_AFTER + 4)):
        e = last + 1
        if e - size <= i and e >= first and length <= size <= MAX_AFTER + 4 and text[e - size : e] in vocab:
            return True
    return False


def lost_sara_am_edits(text: str, look_for_flood: bool = True) -> list[Edit]:
    """``อานาจ`` -> ``อำนาจ``, ``ก้าหนด`` -> ``กำหนด``; in a run drawn with ำ for every า, ``ควำม`` -> ``ความ``
    (with ``look_for_flood`` False, as for a scan's text, no such run is looked for)."""
    edits = _dictionary_edits(text, RE_AA_AFTER_CONSONANT, _damaged_words(), anchors_in=_damage_trigrams()) \
        if RE_LOST_AM_HINT.search(text) else []
    if any(_toneless_inside(text, e) for e in edits):
        plain = [e for e in edits if not _toneless_inside(text, e)]
        edits = [e for e in edits if not _toneless_inside(text, e) or (len(plain) >= 1 and _starts_word(text, e[0]))]
    triggers = [m.start() for m in RE_AM.finditer(text) if text[m.start() - 1 : m.start() + 2] in _flood_trigrams()] \
        if look_for_flood and SARA_AM in text else []
    if triggers:
        # ำ where the word has า: the whole text flooded, or a word or two (ประกำศ)
        flood = _dictionary_edits(text, RE_AM, _flooded_words(), 4, 1)
        taken = {k for a, b, _ in flood for k in range(a, b)}
        flood += [(m.start(), m.end(), SHORT_FLOOD[m.group(0)]) for m in RE_SHORT_FLOOD.finditer(text)
                  if m.start() not in taken]
        # no repair that ends where a mark above or below goes on, inside a syllable: the ำ of ผู้อำนวยการสำนัก
        # is no flooded การสาน (it would end before the ั of สำนัก); a stem may end before a vowel (มำตร|า)
        flood = [e for e in flood if not RE_MARK_GOES_ON.match(text, e[1])]
        edits = sorted(edits + flood)
        kept, end = [], -1
        for e in edits:
            if e[0] >= end:
                kept.append(e)
                end = e[1]
        edits = kept
    if len(edits) >= 3:  # a text that lost its sara am: a bare น้า is น้ำ too (aunt is no word of a gazette)
        taken = {k for s_, e_, _ in edits for k in range(s_, e_)}
        edits = sorted(edits + [(m.start(), m.end(), "น้ำ") for m in RE_NAA.finditer(text) if m.start() not in taken]
                       + [e for e in _lost_in_phrases(text) if e[0] not in taken])
    return edits


RE_NAA = re.compile("(?<!ห)น้า")  # not หน้า
RE_MARK_GOES_ON = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")  # a mark above or below its letter


def _toneless_inside(text: str, edit: Edit) -> bool:
    """Is the edit a word's inner น้ำ that lost its tone too (``ท่อนา`` -> ``ท่อน้ำ``)? Two marks lost are
    weaker evidence than one: such a repair is made only in a text that lost its sara am elsewhere."""
    s, e, word = edit
    return len(word) > e - s and not word.startswith("น้ำ")


def _starts_word(text: str, i: int) -> bool:
    """Does no dictionary word run across ``i`` (``เมตตา|นาวี``: เมตตา ends inside ตานา, so no ตาน้ำ)?"""
    from pipeline.thai_spacing import word_automaton

    vocab = _common()
    return not any(last + 1 - size < i < last + 1 and size > 2 and text[last + 1 - size : last + 1] in vocab
                   for last, size in word_automaton().iter(text, max(0, i - MAX_BEFORE), min(len(text), i + 3)))
# นำ and ทำ whose damaged forms are words (นา a rice field, ทา to paint): put back in a text that has lost
# its sara am elsewhere, only in the phrases they make: after การ, before a verb of direction or ให้
LOST_IN_PHRASE = {"นา": "นำ", "ทา": "ทำ"}
RE_LOST_IN_PHRASE = re.compile("(?<=การ)(?P<after>นา|ทา)|(?P<before>นา|ทา)(?P<next>ไป|มา|ให้|กลับ|เข้า|ออก|ส่ง|เสนอ)")


def _lost_in_phrases(text: str) -> list[Edit]:
    """``การนาสุรา`` -> ``การนำสุรา``, ``นากลับมาใช้`` -> ``นำกลับมาใช้``, ``การทาประวัติ`` -> ``การทำประวัติ``;
    not where นา or ทา begins a longer word (``การนายหน้า``, ``การทาบทาม``) that does not end inside the next
    word (``นาก|ลับ`` does), nor where it ends one (``เจตนาให้``, ``ที่นา``).

    >>> [(s, r) for s, _, r in _lost_in_phrases("ควบคุมการนาสุราออก การนายหน้า โดยเจตนาให้ ซึ่งนากลับมา")]
    [(9, 'นำ'), (46, 'นำ')]
    """
    from pipeline.thai_spacing import word_automaton

    vocab, automaton, edits = _common(), word_automaton(), []
    for m in RE_LOST_IN_PHRASE.finditer(text):
        s = m.start()
        reading_ends = m.end() if m.group("next") else s + 3  # a longer word ending before here crosses it
        blocked = any(size > 2 and text[last + 1 - size : last + 1] in vocab
                      and ((last + 1 - size == s and last + 1 >= reading_ends)
                           or (last == s + 1 and last + 1 - size < s))
                      for last, size in automaton.iter(text, max(0, s - MAX_BEFORE), min(len(text), s + MAX_AFTER)))
        if not blocked:
            edits.append((s, s + 2, LOST_IN_PHRASE[m.group("after") or m.group("before")]))
    return edits


# three-letter words are too short to look up (นำค|วาม is no นาค): the few a flood writes most, by hand
SHORT_FLOOD = {"กำร": "การ", "ตำม": "ตาม", "ว่ำ": "ว่า"}
RE_SHORT_FLOOD = re.compile("|".join(SHORT_FLOOD))
RE_FLOOD_HINT = re.compile("กำร|ตำม|ควำม|มำตร|ว่ำ|ห้ำม|ต่ำง|รำย|ทำง|" + "|".join(  # and months: "มีนำคม"
    m.replace(SARA_AA, SARA_AM) for m in _FULL_MONTHS if SARA_AA in m))
RE_AM = re.compile(SARA_AM)


_AUTOMATA: dict[int, object] = {}
STORED_AUTOMATA = ("damaged_words", "flooded_words")  # the tables whose automata the store keeps


def _stored_automaton(table: dict[str, str]):
    """The stored automaton of ``table`` when it is one of ``STORED_AUTOMATA`` as loaded from the store."""
    from pipeline.word_tables import stored, stored_automaton

    for name in STORED_AUTOMATA:
        if stored().get(name) is table:
            return stored_automaton(f"{name}_automaton")
    return None


def _automaton(key: int, table: dict[str, str]):
    """An Aho-Corasick automaton of the ``table``'s keys (pyahocorasick): every place a key occurs in a
    text, found in one pass in C, so that only the ``า`` or ``ำ`` inside one are looked at."""
    if key not in _AUTOMATA and (automaton := _stored_automaton(table)) is not None:
        _AUTOMATA[key] = automaton
    if key not in _AUTOMATA:
        import ahocorasick

        automaton = ahocorasick.Automaton()
        for word in table:
            automaton.add_word(word, len(word))
        automaton.make_automaton()
        _AUTOMATA[key] = automaton
    return _AUTOMATA[key]


def _key_spans(text: str, key: int, table: dict[str, str]) -> list[tuple[int, int]]:
    """``(start, end)`` of every place a key of ``table`` occurs in ``text``, ascending:
    ``ต้องกาหนด`` -> ``[(4, 9)]`` (กาหนด)."""
    return sorted((end + 1 - length, end + 1) for end, length in _automaton(key, table).iter(text))


def _regions(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Ranges ``(a, b)``, ascending and apart, holding every letter a span covers past its first. An anchor
    outside them is in no key, so has no repair.

    >>> _regions(_key_spans("ต้องกาหนดอานาจ", id(_damaged_words()), _damaged_words()))  # กาหนด, อานาจ
    [(5, 9), (10, 14)]
    """
    regions: list[tuple[int, int]] = []
    for a, b in spans:
        if regions and a + 1 <= regions[-1][1]:
            regions[-1] = (regions[-1][0], max(b, regions[-1][1]))
        else:
            regions.append((a + 1, b))
    return regions


def _dictionary_edits(text: str, anchors: re.Pattern, table: dict[str, str], shortest: int = 4,
                      margin: int = 0, anchors_in: frozenset[str] | None = None) -> list[Edit]:
    """The longest dictionary repair (at least ``shortest`` letters) around each anchor the ``table`` knows,
    unless a clean dictionary word covers the anchor: one running past the repair (``ประกาศ`` is no ``ประกำ``),
    or with a ``margin`` (a flood) any one longer by it (``จัดทำ`` is no ``จัดทาส``).

    The keys of ``table`` around an anchor: those that occur in the text (``_key_spans``), start at most
    ``MAX_BEFORE`` letters before it (never back into the previous repair, nor after a leading vowel) and
    end at most ``MAX_AFTER`` after it; the longest wins, the first of equals."""
    vocab = _common()
    spans = _key_spans(text, id(table), table)
    starts = [a for a, _ in spans]
    edits: list[Edit] = []
    done = -1
    for m in (m for a, b in _regions(spans) for m in anchors.finditer(text, a, b)):
        i = m.start()
        if i < done or (anchors_in is not None and text[i - 1 : i + 2] not in anchors_in
                        and text[i - 1 : i + 1] not in anchors_in):  # "จา" ends ประจา
            continue
        best = None
        for k in range(bisect_left(starts, max(0, done, i - MAX_BEFORE)), bisect_left(starts, i)):
            s, e = spans[k]
            if (i < e <= i + MAX_AFTER and e - s >= shortest and not (s > 0 and text[s - 1] in "เแโใไ")
                    and (best is None or e - s > best[1] - best[0])):
                best = (s, e, table[text[s:e]])
        if best and (best[0] == done or margin or _bounded(text, best[0], best[1], vocab, best[2])) and not _covered(text, i, best[1] - best[0] + margin, 0 if margin else best[1]):
            s, e, w = best
            edits.append((s, e, w))
            done = e
    return edits


def prepare() -> None:
    """Load or build every table these repairs look words up in, so that the first text does not pay for
    it and processes forked afterwards share them; built tables are stored (``pipeline.word_tables``) for
    the next run: ``prepare(); lost_sara_am_edits("อานาจ")``."""
    from pipeline.thai_spacing import word_automaton, words

    word_automaton()
    tables = {"words": words(), "common": _common(), "damaged_words": _damaged_words(),
              "flooded_words": _flooded_words(), "damage_trigrams": _damage_trigrams(),
              "flood_trigrams": _flood_trigrams()}
    automata = {f"{name}_automaton": _automaton(id(tables[name]), tables[name]) for name in STORED_AUTOMATA}
    automata["word_automaton"] = word_automaton()
    if stored().keys() != tables.keys() | automata.keys():
        tables.update((name, automaton_bytes(automaton)) for name, automaton in automata.items())
        if save(tables):
            stored.cache_clear()  # written once: a later prepare() in this process finds it, not rewrites it


RE_VOWEL_SPACE = re.compile("(?<=[เแโใไ]) +(?=[ก-ฮ])")  # "เ กียรติ" -> "เกียรติ"


def vowel_spacing_edits(text: str) -> list[Edit]:
    """``"ศาสตราจารย์เ กียรติคุณ"`` -> ``"ศาสตราจารย์เกียรติคุณ"``."""
    return [(m.start(), m.end(), "") for m in RE_VOWEL_SPACE.finditer(text)]


SHORT_AM = frozenset({"นำ", "ทำ", "คำ", "จำ", "ดำ", "ลำ", "น้ำ", "ต่ำ", "ค่ำ", "ซ้ำ", "ย้ำ"})  # not รำ of "ร า ช"
RE_SPACED_AA = re.compile("(?<=[ก-ฮ่้๊๋]) า")  # "ส านัก": the space and า stand for ำ


def spaced_sara_am_edits(text: str) -> list[Edit]:
    """``"ส านักงาน ประจ าปี"`` -> ``"สำนักงาน ประจำปี"`` where the joined word is in the dictionary."""
    if " า" not in text:
        return []
    vocab = _common()
    edits: list[Edit] = []
    done = -1
    for m in RE_SPACED_AA.finditer(text):
        i = m.start()
        if i < done:
            continue
        best = None
        for s in range(max(0, i - MAX_BEFORE), i):
            if s > 0 and text[s - 1] in "เแโใไ" or " " in text[s:i]:
                continue
            for e in range(min(len(text), i + 2 + MAX_AFTER), i + 1, -1):
                word = text[s:i] + SARA_AM + text[i + 2 : e]
                if (len(word) >= 3 or word in SHORT_AM) and " " not in text[i + 2 : e] and word in vocab:
                    if best is None or len(word) > len(best[2]):
                        best = (s, e, word)
                    break
        if best:
            edits.append(best)
            done = best[1]
    return edits


# letter-spaced Thai from distributed justification: "จ ัง ห ว ัด น ค ร ร า ช ส ีม า" (six or more short pieces)
RE_SPACED_RUN = re.compile("(?<![\u0e01-\u0e4e])(?:[\u0e01-\u0e4e]{1,3} ){5,}[\u0e01-\u0e4e]{1,3}(?![\u0e01-\u0e4e])")


def letter_spacing_edits(text: str) -> list[Edit]:
    """``"จ ัง ห ว ัด น ค ร ร า ช ส ีม า"`` -> ``"จังหวัดนครราชสีมา"``: a run of short pieces joins when the
    dictionary covers the joined text (four fifths of it at least); a run of real short words stays."""
    if " " not in text:
        return []
    from pipeline.thai_spacing import _cost

    edits = lone_letter_edits(text)
    for m in RE_SPACED_RUN.finditer(text):
        pieces = m.group(0).split(" ")
        if sum(len(p) == 1 for p in pieces) * 2 < len(pieces):
            continue
        joined = "".join(pieces)
        uncovered, _ = _cost(joined)
        if uncovered * 5 <= len(joined) and uncovered < _cost(m.group(0).replace(" ", "|"))[0]:
            edits = [e for e in edits if not m.start() <= e[0] < m.end()] + [(m.start(), m.end(), joined)]
    return sorted(edits)


RE_LONE_LETTER = re.compile("(?:(?<=[ \\n])|^)(?P<c>[ก-ฬฮ]) (?=[ก-ฮเแโใไ])")  # "ป ระกาศ" (ณ and ฯ are words)


def lone_letter_edits(text: str) -> list[Edit]:
    """``"ป ระกาศ ณ วันที่"`` -> ``"ประกาศ ณ วันที่"``: a consonant set apart from the rest of its word,
    joined when a common word of four letters or more starts with it across the space."""
    vocab = _common()
    edits = []
    for m in RE_LONE_LETTER.finditer(text):
        after = text[m.end() : m.end() + 14].split(" ")[0]
        if any(m["c"] + after[:k] in vocab for k in range(len(after), 2, -1)):
            edits.append((m.end() - 1, m.end(), ""))
    return edits
