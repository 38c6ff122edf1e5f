"""kronik's one exception tree.

::

    KronikError
    ├── InputError                 an article could not be read (names the file)
    │   ├── EmptyInputError        nothing but whitespace
    │   ├── BinaryInputError       not text (NUL bytes, control characters, a known binary magic)
    │   ├── EncodingError          bytes that no encoding decodes cleanly
    │   ├── TooLargeError          over ``Settings.max_input_bytes``
    │   └── MalformedInputError    broken JSON / JSON Lines / HTML, with the line where known
    ├── ConfigError                a bad setting, config file or environment variable
    ├── PipelineError              stages that cannot be built or ordered
    │   ├── UnknownStageError      a stage name nobody registered
    │   └── StageOrderError        a stage requires a field no earlier stage assigns
    ├── StageError                 a stage failed on one article (wraps the cause)
    ├── ResourceError              a language pack, knowledge-base or model file is missing/corrupt
    ├── StoreError                 the SQLite store cannot be opened, migrated or written
    │   └── NotFoundError          no such article / event / story in the store
    ├── QueryError                 a query names an unknown actor, type, mode, format... (lists the
    │                              valid values or the closest matches)
    └── EvaluationError            gold data missing or in the wrong format

Every error carries a message a user can act on; input errors name the file.
"""

from __future__ import annotations

__all__ = [
    "BinaryInputError",
    "ConfigError",
    "EmptyInputError",
    "EncodingError",
    "EvaluationError",
    "InputError",
    "KronikError",
    "MalformedInputError",
    "NotFoundError",
    "PipelineError",
    "QueryError",
    "ResourceError",
    "StageError",
    "StageOrderError",
    "StoreError",
    "TooLargeError",
    "UnknownStageError",
]


class KronikError(Exception):
    """Base of every error kronik raises on purpose."""


class InputError(KronikError):
    """An input article could not be read."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        self.path = path
        self.line = line
        where = path or "<input>"
        if line is not None:
            where = f"{where}:{line}"
        self.reason = message
        super().__init__(f"{where}: {message}")


class EmptyInputError(InputError):
    """The input holds no text."""


class BinaryInputError(InputError):
    """The input is binary, not text."""


class EncodingError(InputError):
    """The input's bytes decode in no known encoding."""


class TooLargeError(InputError):
    """The input exceeds the configured size limit."""


class MalformedInputError(InputError):
    """Broken JSON, JSON Lines or HTML."""


class ConfigError(KronikError):
    """A bad setting."""


class PipelineError(KronikError):
    """The pipeline cannot be built."""


class UnknownStageError(PipelineError):
    """A stage name nobody registered."""


class StageOrderError(PipelineError):
    """A stage requires a field that no earlier stage assigns."""


class StageError(KronikError):
    """A stage failed on one article."""

    def __init__(self, stage: str, cause: BaseException, *, path: str | None = None) -> None:
        self.stage = stage
        self.cause = cause
        self.path = path
        where = f"{path}: " if path else ""
        super().__init__(f"{where}stage {stage!r} failed: {type(cause).__name__}: {cause}")


class ResourceError(KronikError):
    """A resource file is missing or corrupt."""


class StoreError(KronikError):
    """The store cannot be opened, migrated or written."""


class NotFoundError(StoreError):
    """No such record in the store."""


class QueryError(KronikError):
    """A query a user wrote names something that does not exist (the CLI exits 2, the API 422).

    ``field`` is the query field at fault and ``choices`` the valid values or closest matches.
    """

    def __init__(self, message: str, *, field: str | None = None, choices: tuple[str, ...] = ()) -> None:
        self.field = field
        self.choices = choices
        super().__init__(message)


class EvaluationError(KronikError):
    """Gold data missing or in the wrong format."""
