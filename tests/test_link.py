"""Resolution, in the style of eyecite's tests: the citing text and the expected target (None = must stay unresolved)."""

import datetime as dt

import pytest

from extractors.ref_numbers import parse_ref
from extractors.references import find_citations
from pipeline.graph import cited_by, cited_groups
from pipeline.link import link
from pipeline.models import Field, Record, RefNo, SourceFile, Span, ThaiDate


def letter(doc_id: str, ref: str, day: dt.date, issuer: str = "", citing: str = "", kind: str = "external") -> Record:
    """A record as extraction would make it: own number and date, citations parsed from ``citing``; a number
    ending in its slash is a scan's whose serial could not be read (``extractors.serial``: serial ``None``)."""
    own = parse_ref(ref) if ref and not ref.endswith("/") else None
    if ref.endswith("/"):
        agency, unit = ref[:-1].split()
        own = RefNo(agency, unit, None, False, ref, Span(0, len(ref)))
    return Record(doc_id=doc_id, source=SourceFile(f"{doc_id}.txt", "0" * 64, 1), source_format="txt",
                  method="text", segment_index=0, span=Span(0, 1), doc_type=kind, ref_no=own, issuer=Field(issuer),
                  doc_date=ThaiDate(day, day.isoformat(), Span(0, 1), "document"),
                  citations=tuple(find_citations(citing, 0, None)))


CORPUS = [
    letter("A", "อท 0017.2/ว 2530", dt.date(2017, 8, 15), "จังหวัดอ่างทอง"),
    letter("B", "มท 0810.5/ว 1234", dt.date(2019, 3, 1), "กระทรวงมหาดไทย"),
    letter("C", "มท 0810.5/ว 1239", dt.date(2019, 3, 1), "กระทรวงมหาดไทย"),
    letter("D", "นร 1008/ว 10", dt.date(2005, 9, 15), "สำนักงาน ก.พ."),
    letter("E", "123/2562", dt.date(2019, 3, 1), "จังหวัดอ่างทอง"),
    letter("F", "ศธ 04009/ว 77", dt.date(2020, 1, 2), "สำนักงานเขตพื้นที่การศึกษา"),
    letter("G", "ศธ 04009/ว 77", dt.date(2020, 1, 2), "สำนักงานเขตพื้นที่การศึกษา"),
    letter("H", "ศธ 04297/4607", dt.date(2021, 10, 15), "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาสุรินทร์ เขต ๓"),
    # scans whose serial could not be read: the printed part only
    letter("I", "ทส 0610.1/", dt.date(2021, 3, 4), "กรมทรัพยากรน้ำ"),
    letter("J", "พท 51161/", dt.date(2022, 7, 21), "เทศบาลเมืองพัทลุง"),
    letter("K", "พท 51161/9793", dt.date(2022, 7, 21), "เทศบาลเมืองพัทลุง"),
    # a scan whose number could not be read at all, and an announcement (printed with no number) of another day
    letter("L", "", dt.date(2023, 1, 28), "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาชัยนาท เขต ๑ ถนนมิตรภาพ"),
    letter("M", "", dt.date(2023, 2, 3), "จังหวัดชัยนาท", kind="announcement"),
    letter("N", "อว 0606.25/ว 686", dt.date(2023, 10, 21), "มหาวิทยาลัยราชภัฏชัยภูมิ"),
]

CASES = [
    # (citing text, expected status, expected target)
    ("ตามหนังสือจังหวัดอ่างทอง ที่ อท ๐๐๑๗.๒/ว ๒๕๓๐ ลงวันที่ ๑๕ สิงหาคม ๒๕๖๐", "resolved", "A"),
    # the serial cited with the leading zeros its letter was printed without: the same number
    ("ตามหนังสือกระทรวงมหาดไทย ที่ มท ๐๘๑๐.๕/ว ๐๑๒๓๔ ลงวันที่ ๑ มีนาคม ๒๕๖๒", "resolved", "B"),
    # ๙ read for ๕: one candidate, same day -> probable
    ("ตามหนังสือจังหวัดอ่างทอง ที่ อท ๐๐๑๗.๒/ว ๒๙๓๐ ลงวันที่ ๑๕ สิงหาคม ๒๕๖๐", "probable", "A"),
    # same number, another day: a date that disagrees never links
    ("ตามหนังสือจังหวัดอ่างทอง ที่ อท ๐๐๑๗.๒/ว ๒๕๓๐ ลงวันที่ ๑๖ สิงหาคม ๒๕๖๐", "not_in_corpus", None),
    # serial one digit off from two letters of the same day (1234 and 1239 from 1238): ambiguous
    ("ตามหนังสือกระทรวงมหาดไทย ที่ มท 0810.5/ว 1238 ลงวันที่ 1 มีนาคม 2562", "ambiguous", None),
    ("หนังสือสำนักงาน ก.พ. ว 10 ลว. 15 ก.ย. 48", "probable", "D"),
    ("ตามคำสั่งจังหวัดอ่างทอง ที่ ๑๒๓/๒๕๖๒ ลงวันที่ ๑ มีนาคม ๒๕๖๒", "resolved", "E"),
    ("ตามหนังสือจังหวัดอ่างทอง ลงวันที่ ๑๕ สิงหาคม ๒๕๖๐", "probable", "A"),
    ("ตามหนังสือกระทรวงการคลัง ลงวันที่ ๑๕ สิงหาคม ๒๕๖๐", "not_in_corpus", None),
    ("ตามหนังสือ ที่ ศธ 04009/ว 77 ลงวันที่ 2 ม.ค. 2563", "ambiguous", None),
    ("ตามหนังสือจังหวัดอ่างทอง ที่ อท ๐๐๑๗.๒/ว ๒๕๓๐ นั้น", "probable", "A"),  # no date: exact number only
    ("ตามหนังสือจังหวัดอ่างทอง ที่ อท ๐๐๑๗.๓/ว ๒๕๓๐ ลงวันที่ ๑๕ สิงหาคม ๒๕๖๐", "not_in_corpus", None),
    # the agency code misread (บท for อท); unit, serial, day and the named issuer agree
    ("ตามหนังสือจังหวัดอ่างทอง ที่ บท ๐๐๑๗.๒/ว ๒๕๓๐ ลงวันที่ ๑๕ สิงหาคม ๒๕๖๐", "probable", "A"),
    # ... but with another issuer named, or none, it stays unresolved
    ("ตามหนังสือจังหวัดสงขลา ที่ บท ๐๐๑๗.๒/ว ๒๕๓๐ ลงวันที่ ๑๕ สิงหาคม ๒๕๖๐", "not_in_corpus", None),
    ("ตามหนังสือ ที่ บท ๐๐๑๗.๒/ว ๒๕๓๐ ลงวันที่ ๑๕ สิงหาคม ๒๕๖๐", "not_in_corpus", None),
    # a speck read as a letter after the serial, and a lost ว
    ("ตามหนังสือจังหวัดอ่างทอง ที่ อท ๐๐๑๗.๒/ว ๒๕๓๐ร ลงวันที่ ๑๕ สิงหาคม ๒๕๖๐", "probable", "A"),
    ("ตามหนังสือจังหวัดอ่างทอง ที่ อท ๐๐๑๗.๒/๒๕๓๐ ลงวันที่ ๑๕ สิงหาคม ๒๕๖๐", "probable", "A"),
    # a digit of the unit or of the serial lost
    ("ตามหนังสือจังหวัดอ่างทอง ที่ อท ๐๑๗.๒/ว ๒๕๓๐ ลงวันที่ ๑๕ สิงหาคม ๒๕๖๐", "probable", "A"),
    ("ตามหนังสือจังหวัดอ่างทอง ที่ อท ๐๐๑๗.๒/ว ๒๓๐ ลงวันที่ ๑๕ สิงหาคม ๒๕๖๐", "probable", "A"),
    # the code's letters read as their look-alikes (ส for ศ, ร for ธ), no issuer named: unit, serial, day agree
    ("ตามหนังสือ ที่ สร ๐๔๒๙๗/๔๖๐๗ ลงวันที่ ๑๕ ตุลาคม ๒๕๖๔", "probable", "H"),
    # ... but another code that is no look-alike stays unresolved
    ("ตามหนังสือ ที่ นม ๐๔๒๙๗/๔๖๐๗ ลงวันที่ ๑๕ ตุลาคม ๒๕๖๔", "not_in_corpus", None),
    # ... and not a unit one digit off under another agency code, issuer named or not
    ("ตามหนังสือจังหวัดอ่างทอง ที่ บท ๐๑๗.๒/ว ๒๕๓๐ ลงวันที่ ๑๕ สิงหาคม ๒๕๖๐", "not_in_corpus", None),
    # the cited letter held, its serial unread on the scan: the only letter of that unit that day
    ("ตามหนังสือกรมทรัพยากรน้ำ ที่ ทส ๐๖๑๐.๑/๘๓๗๙ ลงวันที่ ๔ มีนาคม ๒๕๖๔", "probable", "I"),
    ("ตามหนังสือกรมทรัพยากรน้ำ ที่ ทส ๐๖๑๐.๑/๘๓๗๙ ลงวันที่ ๕ มีนาคม ๒๕๖๔", "not_in_corpus", None),
    ("ตามหนังสือกรมทรัพยากรน้ำ ที่ ทส ๐๖๑๐.๒/๘๓๗๙ ลงวันที่ ๔ มีนาคม ๒๕๖๔", "not_in_corpus", None),
    # ... not when the office sent another letter that day whose serial is read (and is not the one cited)
    ("ตามหนังสือเทศบาลเมืองพัทลุง ที่ พท ๕๑๑๖๑/๑๒๓๔ ลงวันที่ ๒๑ กรกฎาคม ๒๕๖๕", "not_in_corpus", None),
    # the cited letter held with no number read: the one letter of the named issuer that day
    ("ตามหนังสือสำนักงานเขตพื้นที่การศึกษาประถมศึกษาชัยนาท เขต ๑ ที่ ศธ ๐๔๒๗๙/ว ๑๔๓๐ ลงวันที่ ๒๘ มกราคม ๒๕๖๖",
     "probable", "L"),
    ("ตามหนังสือจังหวัดสงขลา ที่ สข ๐๐๑๗.๒/ว ๑๔๓๐ ลงวันที่ ๒๘ มกราคม ๒๕๖๖", "not_in_corpus", None),
    # ... never an announcement, which has no number to lose
    ("ตามหนังสือจังหวัดชัยนาท ที่ ชน ๐๐๑๗.๒/ว ๑๔๓๐ ลงวันที่ ๓ กุมภาพันธ์ ๒๕๖๖", "not_in_corpus", None),
    # the month's mark lost by OCR (ม.ค. read for มี.ค.): same number, same day and year
    ("ตามหนังสือกระทรวงมหาดไทย ที่ มท ๐๘๑๐.๕/ว ๑๒๓๔ ลว. ๑ ม.ค. ๖๒", "probable", "B"),
    # ... not another month (ก.พ. is no มี.ค. with marks lost), nor another day
    ("ตามหนังสือกระทรวงมหาดไทย ที่ มท ๐๘๑๐.๕/ว ๑๒๓๔ ลว. ๑ ก.พ. ๖๒", "not_in_corpus", None),
    ("ตามหนังสือกระทรวงมหาดไทย ที่ มท ๐๘๑๐.๕/ว ๑๒๓๔ ลว. ๒ ม.ค. ๖๒", "not_in_corpus", None),
    # a unit's digit and dot both lost (06025 for 0606.25): serial, day and code agree
    ("ตามหนังสือมหาวิทยาลัยราชภัฏชัยภูมิ ที่ อว ๐๖๐๒๕/ว ๖๘๖ ลงวันที่ ๒๑ ตุลาคม ๒๕๖๖", "probable", "N"),
]


@pytest.mark.parametrize(("citing", "status", "target"), CASES)
def test_resolution(citing, status, target):
    records = link([*CORPUS, letter("Z", "", dt.date(2024, 1, 1), "", citing)])
    (resolved,) = records[-1].links
    assert resolved.status == status
    assert (resolved.target_doc_id or None) == target
    if status == "ambiguous":
        assert len(resolved.candidates) == 2


def test_a_letter_never_resolves_to_itself():
    own = letter("S", "อท 0017.2/ว 1", dt.date(2019, 1, 1), "", "ตามหนังสือ ที่ อท 0017.2/ว 1 ลงวันที่ 1 มกราคม 2562")
    (only,) = link([own])[0].links
    assert only.status == "not_in_corpus"


def test_missing_letters_with_confusable_numbers_share_a_group():
    memo = letter("M", "อท 0017.2/ว 2055", dt.date(2019, 5, 26), "",
                  "ตามหนังสือจังหวัดอ่างทอง ที่ อท ๐๐๑๗.๒/ว ๒๙๓๐ ลงวันที่ ๑๕ สิงหาคม ๒๕๖๐ และหนังสือจังหวัดอ่างทอง "
                  "ที่ อท ๐๐๑๗.๒/ว ๓๖๐๒ ลงวันที่ ๑๙ ตุลาคม ๒๕๕๙")
    ext = letter("X", "อท 0017.2/ว 2056", dt.date(2019, 5, 21), "",
                 "อ้างถึง หนังสือจังหวัดอ่างทอง ที่ อท ๐๐๑๗.๒/ว ๒๕๓๐ ลงวันที่ ๑๕ สิงหาคม ๒๕๖๐")
    groups = cited_groups(link([memo, ext]))
    assert groups[("M", 1)] == groups[("X", 1)] == "อท 0017.2/ว 2530@2017-08-15"
    assert groups[("M", 2)] == "อท 0017.2/ว 3602@2016-10-19"


def test_cited_by_lists_citing_letters():
    a = letter("A", "อท 0017.2/ว 1", dt.date(2019, 1, 1))
    b = letter("B", "อท 0017.2/ว 2", dt.date(2019, 2, 1), "", "ตามหนังสือ ที่ อท 0017.2/ว 1 ลงวันที่ 1 ม.ค. 2562")
    c = letter("C", "อท 0017.2/ว 3", dt.date(2019, 3, 1), "", "ตามหนังสือ ที่ อท 0017.2/ว 1 ลงวันที่ 1 ม.ค. 62")
    assert cited_by(link([a, b, c])) == {"A": ["B", "C"]}
