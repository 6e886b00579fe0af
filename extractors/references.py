"""Letters cited by a letter: the ``อ้างถึง`` block of the header and ``ตามหนังสือ … ที่ … ลงวันที่ …`` in the body.

>>> [c.ref_no.canonical for c in find_citations(
...     "ตามหนังสือจังหวัดอ่างทอง ที่ อท ๐๐๑๗.๒/ว ๒๙๓๐ ลงวันที่ ๑๕ สิงหาคม ๒๕๖๐ นั้น", 0, None)]
['อท 0017.2/ว 2930']
"""

from __future__ import annotations

import re

from extractors.lines import join_wrapped
from extractors.patterns import DATE, DIGIT, REF_AGENCY, REF_ORDER, arabic
from extractors.ref_numbers import parse_ref
from extractors.thai_dates import parse_match
from pipeline.models import Citation, RefNo, Span, ThaiDate

# "ลงวันที่ ๑๕ สิงหาคม ๒๕๖๐", "ลว. 15 ก.ย. 48", "ลงวัน ๑ …"
# "ลงวันที่", "ลว.", and the word wrapped at any point: "ลง\nวันที่", "ลงวัน\nที่"
DATED = re.compile(rf"(?:ลง[ \t]*\n?[ \t]*วัน(?:[ \t]*\n?[ \t]*ที่)?|ลว(?:[ \t]*\n?[ \t]*\.)?)[ \t\n]*(?={DIGIT})")
# what names the cited document, looking back from its number: "หนังสือจังหวัดอ่างทอง ด่วนที่สุด ที่"
DOC_WORD = re.compile(r"(?:หนังสือ|คำสั่ง|ประกาศ)(?!ที่อ้างถึง)")
URGENCY_WORDS = re.compile(r"(?:ด่วนที่สุด|ด่วนมาก|ด่วน|ลับที่สุด|ลับมาก|ลับ)")
THI = re.compile(r"(?:^|(?<=[\s(]))ที่[ \t\n]*$")  # the word "ที่" right before a number
SHORT_BEFORE_DATED = re.compile(rf"ว\.?[ \t]*\n?[ \t]*(?P<serial>{DIGIT}{{1,6}})[ \t\n]*$")
LOOKBACK = 120  # characters searched back for "หนังสือ<issuer>"
TITLE_LOOKBACK = 320  # … and for a cited instrument's whole title: "ประกาศกระทรวง… (ฉบับที่ ๒๕๙) พ.ศ. ๒๕๔๕ เรื่อง …"
ABOUT = re.compile(r"[ \t\n]*(?:เรื่อง|ว่าด้วย|\(?ฉบับที่|ที่[ \t]*[0-9๐-๙])")  # where a cited title's issuer ends
TOPIC = re.compile(r"[ \t\n]*เรื่อง[^\n]{0,160}?(?=[ \t\n]*(?:ลง[ \t]*วัน|ลว))")  # "ที่ ๖๒/๒๕๖๖ เรื่อง แต่งตั้ง… ลงวันที่"
DATE_WINDOW = 24  # characters allowed between a number and its "ลงวันที่"
SPECKS = " \t\n,»«'\"|:;“”"  # what may stand between them: spaces, a comma, a scan's specks ("/๓๗๓๖» ลงวันที่")
WRAP_ROOM = 80  # characters "ลงวันที่" itself may take when wrapped onto an indented line
_WS = re.compile(r"\s+")
_SPACES = re.compile(r"[ \t]+")


def _date_after(text: str, pos: int, offset: int) -> tuple[ThaiDate | None, int]:
    """A ``ลงวันที่ <date>`` starting within a few characters after ``pos``; returns (date, end)."""
    topic = TOPIC.match(text, pos)
    if topic and not DATE.search(topic.group(0)) and not REF_AGENCY.search(topic.group(0)):
        pos = topic.end()  # a cited order's subject stands between its number and its date
    window = text[pos : pos + DATE_WINDOW + WRAP_ROOM]  # "ลง" may end a line and "วันที่" start an indented one
    lead = DATED.search(window)
    if lead is None or lead.start() > DATE_WINDOW or window[: lead.start()].strip(SPECKS):
        return None, pos
    match = DATE.match(text, pos + lead.end())
    if match is None:
        return None, pos
    return parse_match(match, offset), match.end()


def _issuer_before(text: str, pos: int) -> tuple[str, int] | None:
    """``หนังสือ<issuer> [ด่วน…] ที่`` ending at ``pos`` -> (issuer, start of หนังสือ)."""
    start = max(0, pos - LOOKBACK)
    window = text[start:pos]
    words = list(DOC_WORD.finditer(window))
    if not words:
        start = max(0, pos - TITLE_LOOKBACK)
        window = text[start:pos]
        words = [w for w in DOC_WORD.finditer(window) if "เรื่อง" in window[w.end():]]
        if not words:
            return None
    word = words[-1]
    between = window[word.end():]
    if DATE.search(between) or REF_AGENCY.search(between) or "\n\n" in between:
        return None
    between = THI.sub("", between.rstrip())
    between = URGENCY_WORDS.sub(" ", between)
    issuer = join_wrapped([_SPACES.sub(" ", part) for part in between.strip().split("\n")])
    issuer = issuer.rstrip(" ,")
    if about := ABOUT.search(issuer):
        issuer = issuer[: about.start()].rstrip()  # "มหาวิทยาลัยพะเยา เรื่อง การจัดตั้ง…": the issuer only
    if issuer.startswith("ที่") or len(issuer) > 90:
        issuer = ""
    return issuer, start + word.start()


def _candidate_refs(text: str, offset: int) -> list[RefNo]:
    """Agency numbers anywhere, order numbers only right after the word ที่ (not ครั้งที่ ๙/๒๕๖๑)."""
    refs = [parse_ref(m.group(0), offset + m.start()) for m in REF_AGENCY.finditer(text)]
    for match in REF_ORDER.finditer(text):
        if THI.search(text[max(0, match.start() - 6) : match.start()]):
            refs.append(parse_ref(match.group(0), offset + match.start()))
    return sorted((r for r in refs if r is not None), key=lambda r: r.span.start)


def _short_ref_before(text: str, pos: int, offset: int) -> RefNo | None:
    """The short form ``ว 10`` just before ``ลว.``: "หนังสือสำนักงาน ก.พ. ว 10 ลว. 15 ก.ย. 48"."""
    window = text[max(0, pos - 16) : pos]
    m = SHORT_BEFORE_DATED.search(window)  # ว may touch the issuer: "…ผู้สูงอายุว ๓๓ ลว."
    if m is None:
        return None
    start = offset + max(0, pos - 16) + m.start()
    return RefNo("", "", int(arabic(m["serial"])), True, m.group(0), Span(start, start + len(m.group(0))))


def _citation(seq: int, where: str, issuer: str, ref: RefNo | None, date: ThaiDate | None,
              text: str, start: int, end: int, offset: int) -> Citation:
    raw = text[start:end]
    return Citation(seq, where, issuer, ref, date.with_role("cited") if date else None,
                    _WS.sub(" ", raw).strip(), Span(offset + start, offset + end))


def find_citations(text: str, offset: int, own_ref: RefNo | None, header: Span | None = None) -> list[Citation]:
    """Citations in ``text`` (a letter, starting at document offset ``offset``), in order.

    ``own_ref`` (the letter's own number) is skipped; a citation inside ``header`` (the อ้างถึง
    block) has ``where="header"``, else ``"body"``. The same (number, date) cited twice is kept once.
    """
    found: list[Citation] = []
    used_dates: set[int] = set()
    for ref in _candidate_refs(text, offset):
        if own_ref is not None and own_ref.span == ref.span:
            continue
        local_end = ref.span.end - offset
        date, end = _date_after(text, local_end, offset)
        back = _issuer_before(text, ref.span.start - offset)
        if date is None and back is None:
            continue
        if date is not None:
            used_dates.add(date.span.start)
        issuer, start = back if back else ("", ref.span.start - offset)
        found.append((start, issuer, ref, date, max(end, local_end)))
    for lead in DATED.finditer(text):
        match = DATE.match(text, lead.end())
        date = parse_match(match, offset) if match else None
        if date is None or date.span.start in used_dates:
            continue
        short = _short_ref_before(text, lead.start(), offset)
        back = _issuer_before(text, (short.span.start - offset) if short else lead.start())
        if back is None:
            continue
        found.append((back[1], back[0], short, date, match.end()))
    return _dedupe(sorted(found, key=lambda f: f[0]), text, offset, header)


def _dedupe(found: list[tuple], text: str, offset: int, header: Span | None) -> list[Citation]:
    seen: set[tuple] = set()
    citations: list[Citation] = []
    for start, issuer, ref, date, end in found:
        key = (ref.canonical if ref else issuer, date.date if date else None)
        if key in seen:
            continue
        seen.add(key)
        inside = header is not None and header.start <= offset + start < header.end
        citations.append(_citation(len(citations) + 1, "header" if inside else "body",
                                   issuer, ref, date, text, start, end, offset))
    return citations
