"""Repairs of OCR text that check themselves: ``rules`` (keyword marks, agency codes, specks in
numbers and dates, months, list numbers) and ``lexicon`` (long letter words one OCR edit off)."""
