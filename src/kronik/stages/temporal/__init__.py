"""Temporal expressions: the date grammar, resolution, and inference of the reference date."""

from kronik.stages.temporal.parser import DateGrammar, Found, resolve
from kronik.stages.temporal.reference import infer_reference

__all__ = ["DateGrammar", "Found", "infer_reference", "resolve"]
