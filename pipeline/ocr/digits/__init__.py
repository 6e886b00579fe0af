"""The Thai-digit reader: a small CRNN + CTC line model (``thai_digits.onnx``, run by onnxruntime) in
``reader``, and ``align``, which puts the digit runs it read in place of Tesseract's."""
