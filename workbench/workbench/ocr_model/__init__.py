"""Training side of the Thai-digit line reader (needs torch; the runtime is ``pipeline.ocr.digits.reader``).

    make ocr-model        # installs torch==2.13.0 if absent, trains, writes pipeline/ocr/digits/thai_digits.onnx

``lines`` makes letter-like Thai text with digit runs (``"ที่ อท ๐๐๑๗.๒/ว ๒๐๕๕"``), ``synth`` renders it
in the TLWG fonts with scan-like damage, ``model`` is the CRNN, ``train`` fits it and exports ONNX.
"""
