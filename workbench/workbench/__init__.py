"""saraban's workbench: what measures and trains the product, kept out of it.

``corpus`` generates letters with their truth and renders them (txt, docx, pdf, scans), ``evaluate``
scores an ingest against that truth, ``bench`` times it, ``ocr_model`` trains the Thai-digit
reader. Everything here imports ``pipeline`` and ``extractors``; nothing there imports this.

    python -m workbench corpus --seed 1 --n 200 build/corpus    # = saraban corpus …
    python -m workbench eval build/corpus                       # = saraban eval …
"""
