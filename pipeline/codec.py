"""Value objects to plain JSON and back, data only: no pickle, no code run on loading.

Each dataclass is written as an object with its class name under ``"_"`` and only classes named in
``CLASSES`` can be read back; tuples come back as tuples, dates as ``datetime.date``.

>>> from pipeline.models import Field, Span
>>> text = dumps(Field("ขอความอนุเคราะห์ข้อมูล", Span(120, 142)))
>>> text
'{"_":"Field","value":"ขอความอนุเคราะห์ข้อมูล","span":{"_":"Span","start":120,"end":142}}'
>>> loads(text) == Field("ขอความอนุเคราะห์ข้อมูล", Span(120, 142))
True
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import fields, is_dataclass

from pipeline import models

# every value class of pipeline.models (frozen dataclasses of plain values), and nothing else
CLASSES: dict[str, type] = {
    name: cls for name, cls in vars(models).items()
    if isinstance(cls, type) and is_dataclass(cls) and cls.__module__ == models.__name__
}


def register(cls: type) -> type:
    """Allow ``cls`` (a dataclass of plain values) to be read back; usable as a decorator."""
    CLASSES[cls.__name__] = cls
    return cls


_NAMES: dict[type, tuple[str, ...]] = {}  # a dataclass's field names, looked up once


def to_plain(value: object) -> object:
    """``value`` as JSON-ready lists, dicts, strings and numbers (dataclasses tagged with their name)."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    cls = type(value)
    names = _NAMES.get(cls)
    if names is None and is_dataclass(value):
        names = _NAMES[cls] = tuple(f.name for f in fields(value))
    if names is not None:
        plain = {"_": cls.__name__}
        for name in names:
            plain[name] = to_plain(getattr(value, name))
        return plain
    if isinstance(value, (tuple, list)):
        return [to_plain(v) for v in value]
    if isinstance(value, dt.date):
        return {"_": "date", "iso": value.isoformat()}
    if isinstance(value, dict):
        return {"_": "dict", "items": [[to_plain(k), to_plain(v)] for k, v in value.items()]}
    raise TypeError(f"cannot store a {type(value).__name__} as data")


def from_plain(plain: object) -> object:
    """The inverse of ``to_plain``; ValueError for a class not in ``CLASSES``."""
    if isinstance(plain, list):
        return tuple(from_plain(v) for v in plain)
    if not isinstance(plain, dict):
        return plain
    return _revive(plain["_"], {k: v for k, v in plain.items() if k != "_"}, from_plain)


def _revive(name: str, fields: dict, convert) -> object:
    """The object of class ``name`` (a date, a dict or one of ``CLASSES``) from its stored ``fields``, each
    value passed through ``convert`` first."""
    if name == "date":
        return dt.date.fromisoformat(fields["iso"])
    if name == "dict":
        return {convert(k): convert(v) for k, v in fields["items"]}
    cls = CLASSES.get(name)
    if cls is None:
        raise ValueError(f"unknown stored class {name!r}")
    return cls(**{k: convert(v) for k, v in fields.items()})


def dumps(value: object) -> str:
    return json.dumps(to_plain(value), ensure_ascii=False, separators=(",", ":"))


def _hook(plain: dict) -> object:
    """``json.loads``'s object hook: each object, innermost first, to its class (lists in it to tuples)."""
    name = plain.pop("_", None)
    if name is None:
        raise ValueError("a stored object without its class")
    return _revive(name, plain, _frozen)


def _frozen(value: object) -> object:
    return tuple(_frozen(v) for v in value) if isinstance(value, list) else value


def loads(text: str) -> object:
    """The value ``dumps`` wrote (``from_plain(json.loads(text))``, in one pass of the JSON parser)."""
    return _frozen(json.loads(text, object_hook=_hook))
