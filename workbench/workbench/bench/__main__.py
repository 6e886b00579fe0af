"""``make bench``: every benchmark in turn, Markdown tables on stdout (copied into docs/BENCHMARKS.md).

    .venv/bin/python -m workbench.bench [--real ../shared/real]   # the real Gazette texts (skipped when absent)
"""

import argparse

from workbench.bench import archive_runs, gazette_speed, ingest_speed, ocr_overhead, outputs, pdf_readers

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--real", default=str(gazette_speed.DEFAULT_REAL), help="the real development sets (REAL)")
args = parser.parse_args()

print("## Ingest speed and memory\n")
ingest_speed.main([])
print("\n## Real Royal Gazette texts\n")
gazette_speed.main(["--real", args.real])
print("\n## PDF readers\n")
pdf_readers.main([])
print("\n## Archive-scale runs\n")
archive_runs.main([])
print("\n## Outputs and query engines\n")
outputs.main([])
print("\n## OCR CPU per page: bare Tesseract vs ours\n")
ocr_overhead.main(["--real", args.real, "--calls"])
