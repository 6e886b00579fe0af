"""saraban: folders of Thai official documents to linked, queryable tables.

The public verbs, one per stage (each is also its module's own):

>>> [verb for verb in __all__ if verb.islower()]
['extract', 'ingest', 'link', 'normalize', 'process_file', 'read_file', 'read_pages', 'read_tables', 'segment']

``ingest(paths, out_dir)`` runs everything and writes the tables; the others are the stages it is made
of, for use one at a time: ``read_file(path) -> Document``, ``normalize(text)``, ``segment(text)``,
``extract(document, letter) -> Record``, ``link(records)``, ``read_pages(images, options)`` (OCR); ``read_tables(out_dir)`` reads a run's tables
back as pandas frames of the declared types.
Names are loaded on first use, so ``import pipeline`` costs nothing.
"""

from __future__ import annotations

from importlib import import_module

__version__ = "0.1.0"  # pyproject.toml's version is read from here

# name -> module that defines it
_VERBS = {
    "ingest": ("pipeline.ingest", "run_ingest"),
    "process_file": ("pipeline.ingest", "process_file"),
    "read_file": ("pipeline.readers", "read_file"),
    "normalize": ("pipeline.normalize", "normalize"),
    "segment": ("pipeline.segment", "segment"),
    "extract": ("pipeline.extract", "extract"),
    "link": ("pipeline.link", "link"),
    "read_pages": ("pipeline.ocr", "read_pages"),
    "read_tables": ("pipeline.load", "read_tables"),
    "OcrOptions": ("pipeline.ocr", "OcrOptions"),
    "Document": ("pipeline.models", "Document"),
    "Record": ("pipeline.models", "Record"),
    "ReadError": ("pipeline.errors", "ReadError"),
}

__all__ = sorted(_VERBS)


def __getattr__(name: str):
    if name not in _VERBS:
        raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
    module, attr = _VERBS[name]
    value = getattr(import_module(module), attr)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
