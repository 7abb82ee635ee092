"""The tracker's status policy: statuses re-decided from pooled statistics per deciding path and pledge kind.

``gaiko/data/pledges/status_policy.yaml`` (docs/rounds/pledges.md, Round p30) holds the relation model's ledger threshold and a
list of ``remap`` rules ``{path, kind?, status}``: a computed status whose ``status_path`` (and pledge kind) matches
the first such rule gets the rule's status instead. The file says how it was chosen (leave-one-set-out over the
studied storylines). Read once per process (cached).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

__all__ = ["POLICY_FILE", "StatusPolicy", "status_policy", "STATUSES"]

POLICY_FILE = "pledges/status_policy.yaml"
#: the statuses a ledger entry may have
STATUSES = frozenset({"open", "overdue", "fulfilled", "partially_fulfilled", "in_progress", "stalled", "broken",
                      "withdrawn", "unclear"})


@dataclass(frozen=True)
class StatusPolicy:
    """``threshold``: probability in [0, 1] the relation model needs in the ledger; ``remap``: (path, kind or None,
    status) rules, first match wins."""

    threshold: float
    remap: tuple[tuple[str, str | None, str], ...]

    def apply(self, status: str, path: str, kind: str | None) -> tuple[str, str | None]:
        """(status, note): the policy's status for a computed ``status`` decided by ``path`` for a pledge of ``kind``,
        and a one-line note saying why when it differs (None when the status stands)."""
        for p, k, new in self.remap:
            if p == path and (k is None or k == kind):
                if new == status:
                    return status, None
                what = f"a {kind} decided by {path}" if k else f"a pledge decided by {path}"
                return new, f"status policy: {what} is {new} more often than {status} (docs/pledges.md, Round p30)"
        return status, None


@lru_cache(maxsize=4)
def status_policy(path: str | None = None) -> StatusPolicy:
    """The shipped policy (or the file at ``path``). Raises :class:`gaiko.errors.DataFileError` when the file is
    missing or malformed (an unknown status, a threshold outside [0, 1], a rule without a path)."""
    from ..errors import DataFileError
    from ..tables import data_path, load_yaml

    p = path or str(data_path(POLICY_FILE))
    data = load_yaml(p)
    if not isinstance(data, dict) or "relation_model_threshold" not in data or "remap" not in data:
        raise DataFileError(p, "needs relation_model_threshold and remap; see gaiko/data/pledges/status_policy.yaml")
    try:
        th = float(data["relation_model_threshold"])
    except (TypeError, ValueError):
        raise DataFileError(p, "relation_model_threshold must be a number") from None
    if not 0.0 <= th <= 1.0:
        raise DataFileError(p, f"relation_model_threshold {th} is not a probability")
    rules = []
    for i, r in enumerate(data["remap"] or ()):
        if not isinstance(r, dict) or not r.get("path") or r.get("status") not in STATUSES:
            raise DataFileError(p, f"remap rule {i + 1}: needs a path and a status among {', '.join(sorted(STATUSES))}")
        rules.append((str(r["path"]), str(r["kind"]) if r.get("kind") else None, str(r["status"])))
    return StatusPolicy(th, tuple(rules))
