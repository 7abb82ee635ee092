"""Deadline normalisation moved to :mod:`gaiko.tracking.deadlines` (the pledge-tracking package); this name is kept
so that existing imports keep working."""

from .tracking.deadlines import fiscal_year, implied_previous, normalise_deadline, parse_number, shift_deadline

__all__ = ["normalise_deadline", "fiscal_year", "shift_deadline", "implied_previous", "parse_number"]
