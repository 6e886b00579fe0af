"""Web addresses in a letter, normalised (Thai digits as Arabic, scheme and host in lower case).

>>> [(u.url, u.text) for u in web_addresses("ดูได้ที่ http://๑๒๓.๒๔๒.๑๕๙.๑๓๕/web.", 0)]
[('http://123.242.159.135/web', 'http://๑๒๓.๒๔๒.๑๕๙.๑๓๕/web')]
"""

from __future__ import annotations

import re

from extractors.patterns import URL, arabic
from pipeline.models import Span, WebAddress

TRAILING = ".,;:!?)]'"  # sentence punctuation after an address is not part of it
SCHEME_HOST = re.compile(r"^(?P<scheme>https?://)?(?P<host>[^/?#]+)", re.I)


def normalise(text: str) -> str:
    """``"HTTP : //WWW.Moi.go.th/Web"`` -> ``"http://www.moi.go.th/Web"``."""
    url = re.sub(r"^(https?)[ \t]?:[ \t]?//", r"\1://", arabic(text), flags=re.I)
    m = SCHEME_HOST.match(url)
    return (m["scheme"] or "").lower() + m["host"].lower() + url[m.end():] if m else url


def web_addresses(text: str, offset: int = 0) -> list[WebAddress]:
    """Every web address in ``text`` in order, each with its span (shifted by ``offset``)."""
    found = []
    for m in URL.finditer(text):
        raw = m.group(0).rstrip(TRAILING)
        if len(raw) < 8 or "." not in raw:
            continue
        found.append(WebAddress(len(found) + 1, normalise(raw), raw, Span(offset + m.start(), offset + m.start() + len(raw))))
    return found
