"""The e-Saraban (ECMS) exchange export: codes, names, organisation ids, and every exported letter of
the shipped sample valid against ecms.schema.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.export.ecms import SCHEMA_PATH, OrgIds, secret_code, speed_code, split_name
from pipeline.linked import linked_run

jsonschema = pytest.importorskip("jsonschema", reason="jsonschema (a dev dependency) is not installed")


@pytest.mark.parametrize(("mark", "code"), [("", "001"), ("ด่วน", "002"), ("ด่วนมาก", "003"), ("ด่วนที่สุด", "004")])
def test_speed_codes(mark, code):
    assert speed_code(mark) == code


@pytest.mark.parametrize(("mark", "code"), [("", "001"), ("ลับ", "002"), ("ลับมาก", "003"), ("ลับที่สุด", "004")])
def test_secret_codes(mark, code):
    assert secret_code(mark) == code


@pytest.mark.parametrize("bad", ["ด่วนภายใน", "ปกติ", "urgent"])
def test_a_mark_without_a_code_is_refused(bad):
    with pytest.raises(ValueError):
        speed_code(bad)
    with pytest.raises(ValueError):
        secret_code(bad)


@pytest.mark.parametrize(("name", "parts"), [
    ("ประมวล มุ่งมาตร", ("ประมวล", "มุ่งมาตร")),
    ("พรทิพย์  จันทนเสวี", ("พรทิพย์", "จันทนเสวี")),
    ("สม ชาย วงศ์ สวัสดิ์", ("", "")),  # OCR spaced it: which part is the family name is a guess
    ("สมชาย", ("", "")),
    ("", ("", "")),
])
def test_a_name_is_split_only_when_it_is_two_words(name, parts):
    assert split_name(name) == parts


@pytest.fixture(scope="module")
def exported(sample_run, tmp_path_factory):
    to = tmp_path_factory.mktemp("ecms")
    assert main(["export", str(sample_run), "--format", "ecms", "--to", str(to)]) == 0
    return {json.loads(p.read_text(encoding="utf-8"))["ID"]: json.loads(p.read_text(encoding="utf-8"))
            for p in sorted(to.glob("*.json"))}, to


def test_every_letter_is_exported_and_valid(sample_run, exported):
    letters, to = exported
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    records = linked_run(sample_run).records
    files = sorted(to.glob("*.json"))
    assert sorted(p.stem for p in files) == sorted(r.doc_id for r in records)
    for path in files:
        jsonschema.validate(json.loads(path.read_text(encoding="utf-8")), schema)


def test_schema_rejects_a_buddhist_era_date(exported):
    letters, _ = exported
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    letter = dict(next(iter(letters.values())), CorrespondenceDate="26/05/2562")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(letter, schema)


def test_a_memo_with_its_signer_and_missing_citations(exported):
    letters, _ = exported
    memo = letters["อท ๐๐๑๗.๒ / ว ๒๐๕๕"]
    assert memo["CorrespondenceDate"] == "2019-05-26"
    assert memo["Subject"].startswith("การปรับปรุงแนวทางการจัดการระบบคอมพิวเตอร์")
    assert (memo["SpeedCode"], memo["SecretCode"]) == ("001", "001")
    assert memo["SignerParty"] == {"GivenName": "ประมวล", "FamilyName": "มุ่งมาตร", "JobTitle": "รองผู้ว่าราชการจังหวัด"}
    assert memo["Receiver"]["JobTitle"] == "หัวหน้าส่วนราชการสังกัดราชการส่วนภูมิภาคจังหวัดอ่างทอง"
    assert [(r["ID"], r["CorrespondenceDate"], r["Subject"]) for r in memo["ReferenceCorrespondence"]] == [
        ("อท ๐๐๑๗.๒/ว ๒๙๓๐", "2017-08-15", ""), ("อท ๐๐๑๗.๒/ว ๓๖๐๒", "2016-10-19", "")]  # not in the archive
    assert memo["Sender"]["OrganizationID"] == ""


def test_a_cited_letter_in_the_archive_gives_its_subject(sample_run, exported):
    letters, _ = exported
    cited = next(r for r in linked_run(sample_run).records if r.ref_no and r.ref_no.canonical == "อว 0603.32.01/4432")
    letter = letters["กค 0405.4/5186"]
    first = letter["ReferenceCorrespondence"][0]
    assert (first["ID"], first["CorrespondenceDate"]) == ("อว 0603.32.01 /4432", "2005-08-08")
    assert first["Subject"] == cited.subject.value == "ซักซ้อมแนวทางการดำเนินการป้องกันและแก้ไขปัญหาภัยแล้ง"
    assert letter["SignerParty"]["FamilyName"] == "อินทรสุวรรณ"


def test_urgency_becomes_the_speed_code(exported):
    letters, _ = exported
    assert letters["สธ 0208.03/5587"]["SpeedCode"] == "003"  # ด่วนมาก


def test_attachments(exported):
    letters, _ = exported
    attachments = letters["อท ๐๐๑๗.๒/ว ๒๐๕๖"]["Attachment"]
    assert attachments[:2] == [
        {"Name": "แนวทางการจัดการระบบคอมพิวเตอร์ฯ ที่มีลักษณะเป็นการเช่า", "Quantity": 1, "Unit": "ฉบับ"},
        {"Name": "หลักเกณฑ์และแนวทางปฏิบัติการจัดการระบบคอมพิวเตอร์ฯ", "Quantity": 4, "Unit": "ฉบับ"}]


def test_organisation_ids_come_from_the_users_table(sample_run, tmp_path):
    table = tmp_path / "org.csv"
    table.write_text("key,id\nอท 0017.2,0017-2\nอธิบดีกรมบัญชีกลาง,CGD-01\n", encoding="utf-8-sig")
    to = tmp_path / "ecms"
    assert main(["export", str(sample_run), "--format", "ecms", "--to", str(to), "--org-ids", str(table)]) == 0
    letters = {d["ID"]: d for d in (json.loads(p.read_text(encoding="utf-8")) for p in to.glob("*.json"))}
    assert letters["อท ๐๐๑๗.๒ / ว ๒๐๕๕"]["Sender"]["OrganizationID"] == "0017-2"
    assert letters["กค 0405.4/5186"]["Receiver"]["OrganizationID"] == "CGD-01"
    assert letters["สธ 0208.03/5587"]["Sender"]["OrganizationID"] == ""


def test_a_table_without_its_columns_is_refused(tmp_path):
    table = tmp_path / "org.csv"
    table.write_text("name,code\nอท,1\n", encoding="utf-8")
    with pytest.raises(ValueError, match="key,id"):
        OrgIds.read(table)


def test_a_folder_without_a_run_is_a_usage_error(tmp_path, capsys):
    assert main(["export", str(tmp_path), "--format", "ecms", "--to", str(tmp_path / "x")]) == 2
    assert "saraban ingest" in capsys.readouterr().err
    assert not Path(tmp_path / "x").exists()
