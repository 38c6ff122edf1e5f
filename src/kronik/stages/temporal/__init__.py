"""Temporal expressions: the date grammar, their resolution on an article's timeline, the
inference of a publication date, and the date of the episode a passage belongs to."""

from kronik.stages.temporal.episode import EpisodeDate, episode_date
from kronik.stages.temporal.found import Found
from kronik.stages.temporal.grammar import DateGrammar
from kronik.stages.temporal.published import PublicationDating
from kronik.stages.temporal.resolve import resolve
from kronik.stages.temporal.timeline import resolve_all

__all__ = ["DateGrammar", "EpisodeDate", "Found", "PublicationDating", "episode_date", "resolve", "resolve_all"]
