# saraban: Thai government circulars -> linked tables.  `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
RAW    ?= data/raw
OUT    ?= data/processed
SEED   ?= 1
N      ?= 200
CORPUS ?= build/corpus
OCR_STEPS ?= 3000
REAL   ?= ../shared/real

.DEFAULT_GOAL := help
.PHONY: help setup system-deps ingest test bench bench-ocr lint clean corpus eval eval-real eval-forms ocr-model fuzz

help: ## list the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

# System packages, each only when missing: tesseract-ocr + tesseract-ocr-tha (scans), fonts-thai-tlwg
# (Laksaman etc.), poppler-utils (pdftoppm), libreoffice-writer-nogui (the tests build PDFs from .docx),
# chromium (the tests load the review site of `saraban report` in headless Chromium).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
system-deps: ## install Tesseract + Thai data, Thai fonts, poppler, LibreOffice, Chromium when absent (Debian/Ubuntu)
	@need=""; \
	command -v tesseract >/dev/null 2>&1 || need="$$need tesseract-ocr"; \
	tesseract --list-langs 2>/dev/null | grep -qx tha || need="$$need tesseract-ocr-tha"; \
	fc-list 2>/dev/null | grep -qi laksaman || need="$$need fonts-thai-tlwg"; \
	command -v pdftoppm >/dev/null 2>&1 || need="$$need poppler-utils"; \
	command -v soffice >/dev/null 2>&1 || need="$$need libreoffice-writer-nogui"; \
	command -v chromium >/dev/null 2>&1 || need="$$need chromium"; \
	if [ -n "$$need" ]; then \
	  command -v apt-get >/dev/null 2>&1 || { echo "install by hand:$$need" >&2; exit 1; }; \
	  echo "system-deps: installing$$need"; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$need >/dev/null; \
	fi

# saraban itself, and beside it the workbench (workbench/: corpus, scorer, benchmarks; not in saraban's wheel)
$(VENV)/.installed: pyproject.toml workbench/pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev,ocr]' -e ./workbench
	@touch $@

setup: system-deps $(VENV)/.installed ## create .venv and install saraban with its dependencies

ingest: setup ## read data/raw and write the tables to data/processed
	$(VENV)/bin/saraban ingest $(RAW) --out $(OUT) --xlsx --search-index

test: setup ## run the test suite (fails when no test runs)
	$(PY) -m pytest

bench: setup ## speed and memory figures (docs/BENCHMARKS.md)
	$(PY) -m workbench.bench --real $(REAL)

bench-ocr: setup ## OCR CPU per scanned page, ours against bare tesseract -l tha+eng (docs/BENCHMARKS.md)
	OMP_THREAD_LIMIT=1 $(PY) -m workbench.bench.ocr_overhead --real $(REAL) --calls

corpus: setup ## generate the conformance corpus: make corpus SEED=1 N=200 CORPUS=build/corpus
	$(VENV)/bin/saraban corpus --seed $(SEED) --n $(N) $(CORPUS)

eval: setup ## field accuracy on the corpus (docs/ACCURACY.md)
	$(VENV)/bin/saraban eval $(CORPUS) --write build/ACCURACY.md

eval-real: setup ## accuracy on the real development sets in $(REAL) (the "Real documents" section of docs/ACCURACY.md)
	$(PY) -m workbench.eval_real --real $(REAL) --scans --write docs/ACCURACY.md

eval-forms: setup ## the real Gazette texts in other extractors' forms (wrapped, Thai digits, cp874...), each scored
	$(PY) -m workbench.text_forms --real $(REAL)

# Training needs torch (CPU build) and onnx for the export; the runtime needs only onnxruntime.
ocr-model: setup ## train the Thai-digit reader on a 2-core CPU -> pipeline/ocr/digits/thai_digits.onnx
	@$(PY) -c "import torch" 2>/dev/null || $(PY) -m pip install -q torch==2.13.0
	@$(PY) -c "import onnx" 2>/dev/null || $(PY) -m pip install -q onnx
	$(PY) -m workbench.ocr_model.train --out pipeline/ocr/digits/thai_digits.onnx --steps $(OCR_STEPS) --seed $(SEED)

fuzz: setup ## property-based tests (3,000 strings each) and 3,000 damaged sample files through every reader
	SARABAN_HYPOTHESIS_PROFILE=fuzz $(PY) -m pytest -q -p no:cacheprovider tests/test_properties.py
	$(PY) -m workbench.fuzz --cases 3000 --seed $(SEED)

lint: setup ## ruff
	$(VENV)/bin/ruff check pipeline extractors workbench tests

clean: ## remove outputs and caches (keeps .venv)
	rm -rf $(OUT)/*.csv $(OUT)/*.jsonl $(OUT)/*.sqlite $(OUT)/parquet $(OUT)/.cache build .pytest_cache .ruff_cache
