"""Indonesian verb and noun forms from a root and an affix pattern, by the language's
morphophonology (the nasal prefix meN-/peN- and its assimilation).

::

    >>> forms("tangkap", "meN")
    ['menangkap']
    >>> forms("periksa", "peN-an")
    ['pemeriksaan']
    >>> forms("kritik", "meN")          # a consonant cluster keeps its first letter
    ['mengkritik']

Affix patterns: ``meN``, ``di``, ``ter``, ``ber``, ``peN``, ``per``, ``ke``, ``bare`` (the root
alone, as in "kami tangkap"), each optionally with a suffix (``meN-kan``, ``di-i``, ``peN-an``,
``per-an``, ``ke-an``, ``bare-kan``). Voice of a form: ``active`` (meN-, ber-), ``passive`` (di-,
ter-), ``bare`` (object-focus: the agent is the pronoun right before), ``nominal`` (peN-an,
per-an, ke-an, pe-an, or the root itself listed as a noun).
"""

from __future__ import annotations

__all__ = ["VOICES", "forms", "nasal_prefix", "voice_of"]

_VOWELS = frozenset("aeiou")
#: first letters that the nasal replaces (when not followed by another consonant)
_DROPPED = {"k": "ng", "p": "m", "s": "ny", "t": "n"}
_NASAL_BY_LETTER = {
    **dict.fromkeys("bfv", "m"),
    **dict.fromkeys("cdjz", "n"),
    **dict.fromkeys("gh", "ng"),
    **dict.fromkeys("lmnrwy", ""),
}

VOICES: dict[str, str] = {
    "meN": "active", "memper": "active", "ber": "active",
    "di": "passive", "diper": "passive", "ter": "passive",
    "bare": "bare",
    "peN": "nominal", "per": "nominal", "pe": "nominal", "ke": "nominal", "noun": "nominal",
}


def nasal_prefix(root: str, base: str) -> str:
    """``base`` ("me" or "pe") with the nasal the root's first sound takes, joined to the root."""
    first = root[:1]
    cluster = len(root) > 1 and root[1] not in _VOWELS and first not in _VOWELS and root[:2] != "ny"
    if root.count("a") + root.count("e") + root.count("i") + root.count("o") + root.count("u") == 1:
        return f"{base}nge{root}"  # a one-syllable root: mengebom, pengeboman
    if first in _VOWELS:
        return f"{base}ng{root}"
    if first in _DROPPED:
        if cluster or root.startswith("sy"):  # mengkritik, memprotes, mentransfer
            nasal = {"k": "ng", "p": "m", "s": "n", "t": "n"}[first]
            return f"{base}{nasal}{root}"
        return f"{base}{_DROPPED[first]}{root[1:]}"
    return f"{base}{_NASAL_BY_LETTER.get(first, '')}{root}"


def _prefixed(root: str, prefix: str) -> str:
    if prefix == "meN":
        return nasal_prefix(root, "me")
    if prefix == "peN":
        return nasal_prefix(root, "pe")
    if prefix == "memper":
        return f"memper{root}"
    if prefix == "diper":
        return f"diper{root}"
    if prefix == "ber" and root.startswith("r"):
        return f"be{root}"
    if prefix in ("bare", "noun"):
        return root
    return f"{prefix}{root}"


def _suffixed(stem: str, suffix: str) -> str:
    if suffix == "an" and stem.endswith("a") and not stem.endswith("aa"):
        return f"{stem}an"  # pemeriksaan keeps both vowels in writing
    return f"{stem}{suffix}"


def forms(root: str, pattern: str) -> list[str]:
    """The written forms of ``root`` under ``pattern`` (e.g. ``"meN-kan"``)."""
    prefix, _, suffix = pattern.partition("-")
    if prefix not in VOICES:
        raise ValueError(f"unknown affix pattern {pattern!r}")
    words = root.split(" ")
    head = _suffixed(_prefixed(words[0], prefix), suffix) if suffix else _prefixed(words[0], prefix)
    return [" ".join([head, *words[1:]])]


def voice_of(pattern: str) -> str:
    """The voice of the forms an affix pattern makes."""
    return VOICES[pattern.partition("-")[0]]
