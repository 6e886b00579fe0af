"""``make bench``: every benchmark in turn, Markdown tables on stdout (copied into docs/BENCHMARKS.md)."""

from workbench.bench import archive_runs, ingest_speed, outputs, pdf_readers

print("## Ingest speed and memory\n")
ingest_speed.main([])
print("\n## PDF readers\n")
pdf_readers.main([])
print("\n## Archive-scale runs\n")
archive_runs.main([])
print("\n## Outputs and query engines\n")
outputs.main([])
