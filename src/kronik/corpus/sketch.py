"""Near-duplicate detection with MinHash signatures and LSH bands (datasketch's MinHash).

A text becomes the set of its word shingles; two texts' signatures agree on a share of positions
that estimates the Jaccard similarity of those sets. Signatures are cut into bands: texts sharing
any band are candidates, verified against ``threshold`` on the full signature. With 16 bands of 8
rows the chance to become a candidate is 0.5 at Jaccard 0.7 and above 0.98 at 0.8.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash

__all__ = ["Sketcher", "shingles"]

_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, size: int = 3) -> list[bytes]:
    """Overlapping ``size``-word shingles of the case-folded text (one shingle for short texts)."""
    words = _WORD.findall(text.casefold())
    if len(words) <= size:
        return [" ".join(words).encode("utf-8")] if words else []
    return [" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)]


@dataclass(slots=True, frozen=True)
class Sketcher:
    """Builds signatures and band keys; one instance per chronicle (permutations built once)."""

    bands: int = 16
    rows: int = 8
    shingle_size: int = 3
    seed: int = 17

    @property
    def num_perm(self) -> int:
        return self.bands * self.rows

    def signature(self, text: str) -> np.ndarray:
        """The MinHash signature (``num_perm`` unsigned 32-bit values) of ``text``."""
        sketch = MinHash(num_perm=self.num_perm, seed=self.seed)
        items = shingles(text, self.shingle_size)
        if items:
            sketch.update_batch(items)
        return np.asarray(sketch.hashvalues, dtype="<u4")

    def band_keys(self, signature: np.ndarray) -> list[tuple[int, bytes]]:
        """``(band, key)`` pairs: the bytes of each band of the signature."""
        rows = self.rows
        return [(b, signature[b * rows : (b + 1) * rows].tobytes()) for b in range(self.bands)]

    @staticmethod
    def similarity(a: np.ndarray, b: np.ndarray) -> float:
        """Estimated Jaccard similarity of the shingle sets behind two signatures."""
        if a.shape != b.shape or not len(a):
            return 0.0
        return float(np.mean(a == b))

    @staticmethod
    def to_bytes(signature: np.ndarray) -> bytes:
        return signature.astype("<u4").tobytes()

    @staticmethod
    def from_bytes(blob: bytes) -> np.ndarray:
        return np.frombuffer(blob, dtype="<u4")
