"""Readers: paths, directories, stdin and JSON Lines → :class:`~kronik.model.RawArticle`.

``read_inputs(paths)`` yields a ``RawArticle`` per article, or an :class:`~kronik.errors.InputError`
(never raised) for one that cannot be read, so a batch continues past bad files.
"""

from kronik.ingest.decode import decode_bytes, sniff_kind
from kronik.ingest.readers import iter_files, read_bytes, read_inputs, read_path, read_text_input

__all__ = [
    "decode_bytes",
    "iter_files",
    "read_bytes",
    "read_inputs",
    "read_path",
    "read_text_input",
    "sniff_kind",
]
