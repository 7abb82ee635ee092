"""gaiko's pipeline: components that run after the spaCy parse.

Each component is a callable ``Doc -> Doc`` with a ``name``, the attributes it
``requires`` and those it ``assigns``; all of them are registered in
:data:`REGISTRY` (see :mod:`gaiko.pipeline.registry`) and assembled by
:func:`build_pipeline`, which checks that every requirement is met by the
parser or an earlier component.
"""

from .registry import REGISTRY, DEFAULT_PIPELINE, Component, build_pipeline, register
from .state import DocState, get_state

__all__ = ["REGISTRY", "DEFAULT_PIPELINE", "Component", "build_pipeline", "register", "DocState", "get_state"]
