"""Exports of the letters for other systems: the e-Saraban exchange JSON (``ecms``) and a spaCy DocBin
(``spacy_docbin``)."""
