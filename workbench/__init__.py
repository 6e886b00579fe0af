"""The workbench: evaluations, benchmarks and tools around the product. Imports ``pipeline`` and
``extractors``; they never import it, and it is not shipped in the wheel."""
