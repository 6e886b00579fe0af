"""Reference-number variants -> canonical ref_no, agency and unit (a table of cases)."""

import pytest

from extractors.ref_numbers import agency_name, parse_ref

CASES = [
    # (as printed, canonical, agency, unit, serial, circular)
    ("อท ๐๐๑๗.๒ / ว ๒๐๕๕", "อท 0017.2/ว 2055", "อท", "0017.2", 2055, True),
    ("อท ๐๐๑๗.๒/ว ๒๐๕๖", "อท 0017.2/ว 2056", "อท", "0017.2", 2056, True),
    ("นร ๐๕๐๕/ว ๓๔๗", "นร 0505/ว 347", "นร", "0505", 347, True),
    ("มท ๐๘๐๕.๒/ว ๓๔๘๒", "มท 0805.2/ว 3482", "มท", "0805.2", 3482, True),
    ("มท ๐๓๑๙ /ว ๑๘๗๗", "มท 0319/ว 1877", "มท", "0319", 1877, True),
    ("อว 0603.09/ว.2122", "อว 0603.09/ว 2122", "อว", "0603.09", 2122, True),
    ("ศธ 04349/ว3694", "ศธ 04349/ว 3694", "ศธ", "04349", 3694, True),
    ("ศธ 04045/ว11081", "ศธ 04045/ว 11081", "ศธ", "04045", 11081, True),
    ("อว 0603.32.01/ว 249", "อว 0603.32.01/ว 249", "อว", "0603.32.01", 249, True),
    ("ตช 0018.21/1420", "ตช 0018.21/1420", "ตช", "0018.21", 1420, False),
    ("ทส 0201.62/25", "ทส 0201.62/25", "ทส", "0201.62", 25, False),
    ("ปจ 51021/5960", "ปจ 51021/5960", "ปจ", "51021", 5960, False),
    ("ศธ 04338.51/ว ๑๒", "ศธ 04338.51/ว 12", "ศธ", "04338.51", 12, True),
    ("มท๐๘๑๐.๕/ว๑๒๓๔", "มท 0810.5/ว 1234", "มท", "0810.5", 1234, True),
    ("มท ๐๘๑๐.๕ / ว. ๑๒๓๔", "มท 0810.5/ว 1234", "มท", "0810.5", 1234, True),
    ("มท. 0810/123", "มท 0810/123", "มท", "0810", 123, False),
    # a serial printed with leading zeros keeps them (the hand labels of real letters do: อว 8115.1/0174);
    # matching compares its number (RefNo.key)
    ("อก 0704/ว 0105", "อก 0704/ว 0105", "อก", "0704", 105, True),
    ("อว ๘๑๑๕.๑/๐๑๗๔", "อว 8115.1/0174", "อว", "8115.1", 174, False),
]


@pytest.mark.parametrize(("text", "key"), [
    ("อว ๘๑๑๕.๑/๐๑๗๔", "อว 8115.1/174"),
    ("อก 0704/ว 0105", "อก 0704/ว 105"),
    ("ศธ 04349/ว3694", "ศธ 04349/ว 3694"),
    ("ศธ 04025/0012ก", "ศธ 04025/12ก"),
])
def test_matching_compares_a_padded_serial_as_its_number(text, key):
    assert parse_ref(text).key == key


@pytest.mark.parametrize(("text", "canonical", "agency", "unit", "serial", "circular"), CASES)
def test_reference_number_variants(text, canonical, agency, unit, serial, circular):
    ref = parse_ref(text)
    assert ref is not None, text
    assert (ref.canonical, ref.agency, ref.unit, ref.serial, ref.circular) == (canonical, agency, unit, serial, circular)
    assert ref.text == text.strip()


@pytest.mark.parametrize(("text", "canonical", "serial", "year"), [
    ("๑๒๓/๒๕๖๙", "123/2569", 123, 2569),
    ("45/2562", "45/2562", 45, 2562),
    ("๑๒๓ / ๒๕๖๙", "123/2569", 123, 2569),
])
def test_order_numbers(text, canonical, serial, year):
    ref = parse_ref(text)
    assert (ref.canonical, ref.serial, ref.year, ref.agency) == (canonical, serial, year, "")


@pytest.mark.parametrize("text", ["๕๐๐,๐๐๐ บาท", "โทร. ๐-๓๕๖๑-๔๙๑๒", "ครั้งที่", "", "12/34"])
def test_not_reference_numbers(text):
    assert parse_ref(text) is None


def test_short_form_only_when_asked():
    assert parse_ref("ว 10") is None
    ref = parse_ref("ว 10", allow_short=True)
    assert (ref.serial, ref.circular, ref.agency, ref.canonical) == (10, True, "", "ว 10")


@pytest.mark.parametrize(("code", "name"), [
    ("อท", "จังหวัดอ่างทอง"), ("มท", "กระทรวงมหาดไทย"), ("นร", "สำนักนายกรัฐมนตรี"), ("กท", "กรุงเทพมหานคร"), ("ฮฮ", ""),
])
def test_agency_names(code, name):
    assert agency_name(code) == name
