"""Records to JSON-ready values: the one conversion behind every JSON, CSV and Parquet output."""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from datetime import date
from typing import Any

__all__ = ["plain"]


def plain(value: Any) -> Any:
    """Dataclasses (by field, in order), lists, tuples, dicts and dates → JSON-ready values.

    An object with ``to_dict()`` (an article, a stored article) gives its contract.
    """
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return to_dict()
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, (list, tuple)):
        return [plain(x) for x in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, date):
        return value.isoformat()
    return value
