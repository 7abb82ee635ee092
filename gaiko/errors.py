"""The one exception tree of gaiko.

Every error gaiko raises on purpose derives from :class:`GaikoError` and
carries a message that says what went wrong *and what to do next*.
"""

from __future__ import annotations

__all__ = [
    "GaikoError",
    "ConfigError",
    "ModelNotFound",
    "DataFileError",
    "InputRejected",
    "StoreError",
    "SchemaError",
    "NotFound",
    "EvaluationError",
    "MeaningUnavailable",
]


class GaikoError(Exception):
    """Base class for all gaiko errors."""

    #: short machine-readable code, used in the JSON error shape of the API
    code = "gaiko_error"

    def to_dict(self) -> dict[str, str]:
        return {"error": self.code, "message": str(self)}


class ConfigError(GaikoError):
    """A value gaiko was given cannot be used: an unknown filter, status, kind or option, a date that is no date, a
    ``since`` after its ``until``. The message names the value and the ones that are accepted."""

    code = "config_error"


class ModelNotFound(GaikoError):
    """No spaCy English model (the parser gaiko needs) is installed; the message names the ones tried and how to
    install one."""

    code = "model_not_found"


class DataFileError(GaikoError):
    """A lexicon, actor file or table is malformed. The message names the file and line."""

    code = "data_file_error"

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")
        self.path = path
        self.line = line


class InputRejected(GaikoError):
    """An input article cannot be coded; ``reason`` is a short machine-readable word."""

    code = "input_rejected"

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


class StoreError(GaikoError):
    """The store cannot be opened, read or written; ``reason`` names the kind (see :mod:`gaiko.store.opening`)."""

    code = "store_error"

    def __init__(self, message: str, reason: str = "store") -> None:
        super().__init__(message)
        self.reason = reason


class SchemaError(StoreError):
    """The store's schema cannot be used by this gaiko (made by a newer one, or a migration failed)."""

    code = "schema_error"


class NotFound(GaikoError):
    """No event, article, cluster, pledge or job with the id given; the message says where to look for ids."""

    code = "not_found"


class EvaluationError(GaikoError):
    """A gold file or labelled corpus cannot be scored (missing, binary, no items, a record of the wrong format)."""

    code = "evaluation_error"


class MeaningUnavailable(GaikoError):
    """The sentence encoder (:mod:`gaiko.meaning`) cannot run: a library or the model weights are missing.

    The message names what is missing and the command that installs it.
    """

    code = "meaning_unavailable"
