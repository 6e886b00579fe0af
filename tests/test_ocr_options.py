"""OcrOptions: one frozen value from the environment and the command line; its cache key."""

from __future__ import annotations

import pytest

from pipeline.cli import main, ocr_options, parser
from pipeline.ingest import code_version
from pipeline.ocr import OcrOptions

ENV_CASES = [
    ({}, OcrOptions()),
    ({"SARABAN_OCR_LANGS": "tha+eng"}, OcrOptions(langs="tha+eng")),
    ({"SARABAN_OCR_BINARIZE": "0"}, OcrOptions(binarize=False)),
    ({"SARABAN_THAI_DIGITS": "0"}, OcrOptions(thai_digits=False)),
    ({"SARABAN_OCR_STOCK": "1"}, OcrOptions(stock=True)),
    ({"SARABAN_OCR_TIMEOUT": "30"}, OcrOptions(timeout_s=30.0)),
    ({"SARABAN_OCR_DEV_CACHE": "build/tesscache"}, OcrOptions(dev_cache="build/tesscache")),
    ({"SARABAN_OCR_BINARIZE": ""}, OcrOptions()),  # set but empty: the default
]


@pytest.mark.parametrize(("environ", "expected"), ENV_CASES)
def test_options_from_the_environment(environ, expected):
    assert OcrOptions.from_env(environ) == expected


@pytest.mark.parametrize(("argv", "environ", "expected"), [
    (["ingest", "x", "--out", "o"], {}, OcrOptions()),
    (["ingest", "x", "--out", "o", "--no-thai-digits", "--ocr-langs", "tha+eng"], {}, OcrOptions(langs="tha+eng", thai_digits=False)),
    (["ingest", "x", "--out", "o", "--ocr-langs", "tha"], {"SARABAN_OCR_LANGS": "eng"}, OcrOptions()),  # the flag wins
    (["show", "x", "--stock-ocr", "--no-binarize"], {}, OcrOptions(stock=True, binarize=False)),
])
def test_the_command_line_builds_the_options_once(argv, environ, expected):
    assert ocr_options(parser().parse_args(argv), environ) == expected


def test_bad_options_are_bad_usage(tmp_path, capsys):
    assert main(["ingest", str(tmp_path), "--out", str(tmp_path / "out"), "--ocr-langs", "tha eng"]) == 2
    assert "OCR languages" in capsys.readouterr().err
    with pytest.raises(ValueError):
        OcrOptions(timeout_s=0)


def test_switches_that_change_a_reading_change_the_cache_key_and_the_rest_do_not():
    base = code_version(OcrOptions())
    assert code_version(OcrOptions(thai_digits=False)) != base
    assert code_version(OcrOptions(binarize=False)) != base
    assert code_version(OcrOptions(stock=True)) != base
    assert code_version(OcrOptions(dev_cache="build/tesscache", timeout_s=10)) == base
    assert OcrOptions(engine=object()) == OcrOptions()  # the engine is not a reading switch
