"""QR codes on a scanned page, decoded with OpenCV's ArUco-based QR detector.

>>> # decode_qr(page)  -> (QrCode(text="https://obec.go.th/archives/48213", box=(217, 3209, 120, 120)),)

Chosen by measurement (``python -m workbench.bench.qr_decoders``, docs/BENCHMARKS.md): on 90 scanned
letter pages with a code (rotated up to 3 degrees, blurred, noisy, JPEG, some at 150 or 200 dpi),
``cv2.QRCodeDetectorAruco`` read 50 of 52 codes whose modules are 3 pixels or more and 10 of 30
smaller ones; zbar (pyzbar) 47 and 0, OpenCV's older ``QRCodeDetector`` 24 and 0; none of them read a
wrong or spurious code, and all took about 0.3 s a page. OpenCV comes from PyPI as a wheel; zbar
would need a system library. Without OpenCV installed, no page has codes.
"""

from __future__ import annotations

from functools import cache

import numpy as np

from pipeline.models import QrCode


@cache
def _detector():
    try:
        import cv2
    except ImportError:
        return None
    return cv2.QRCodeDetectorAruco()


def decode_qr(image) -> tuple[QrCode, ...]:
    """Every QR code OpenCV can decode on a grey page image, with its box in page pixels, top to bottom."""
    detector = _detector()
    if detector is None:
        return ()
    try:
        ok, texts, points, _ = detector.detectAndDecodeMulti(np.asarray(image.convert("L")))
    except Exception:  # noqa: BLE001 - OpenCV raises cv2.error on odd images; a code is never worth a page
        return ()
    if not ok or points is None:
        return ()
    found = []
    for text, corners in zip(texts, points, strict=False):
        if not text:
            continue
        xs, ys = corners[:, 0], corners[:, 1]
        left, top = int(max(0, xs.min())), int(max(0, ys.min()))
        found.append(QrCode(text, (left, top, int(round(xs.max())) - left, int(round(ys.max())) - top)))
    return tuple(sorted(found, key=lambda c: (c.box[1], c.box[0])))
