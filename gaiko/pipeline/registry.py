"""The one place where pipeline components are registered and assembled."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from spacy.tokens import Doc

from ..errors import ConfigError

__all__ = ["Component", "ComponentInfo", "REGISTRY", "DEFAULT_PIPELINE", "register", "build_pipeline"]

#: What the spaCy parser itself provides.
PARSER_ASSIGNS = frozenset({"token.dep", "token.pos", "token.lemma", "token.ent_type", "doc.ents", "doc.sents"})


class Component(Protocol):
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, doc: Doc) -> Doc: ...


@dataclass
class ComponentInfo:
    name: str
    module: str  # module that defines the factory, imported lazily
    factory: str  # name of the factory inside that module
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    make: Callable[..., Component] | None = field(default=None, repr=False)


#: name -> component info. Modules are imported only when the pipeline is built.
REGISTRY: dict[str, ComponentInfo] = {}


def register(name: str, module: str, factory: str, requires: tuple[str, ...], assigns: tuple[str, ...]) -> None:
    REGISTRY[name] = ComponentInfo(name, module, factory, requires, assigns)


register("actors", "gaiko.pipeline.actors", "ActorResolver",
         requires=("doc.ents", "token.dep", "doc.sents"), assigns=("gaiko.actors",))
register("places", "gaiko.pipeline.places", "PlaceFinder",
         requires=("doc.ents", "gaiko.actors"), assigns=("gaiko.places",))
register("dates", "gaiko.pipeline.dates", "DateResolver",
         requires=("doc.ents", "gaiko.meta"), assigns=("gaiko.dates",))
register("events", "gaiko.pipeline.events", "EventCoder",
         requires=("token.dep", "token.lemma", "gaiko.actors", "gaiko.places", "gaiko.dates"), assigns=("gaiko.events",))
register("pledges", "gaiko.pipeline.pledges", "PledgeExtractor",
         requires=("token.dep", "gaiko.actors", "gaiko.events", "gaiko.meta"), assigns=("gaiko.pledges",))

DEFAULT_PIPELINE: tuple[str, ...] = ("actors", "places", "dates", "events", "pledges")


def build_pipeline(names: tuple[str, ...] = DEFAULT_PIPELINE, **config: Any) -> list[Component]:
    """Instantiate the named components in order, checking their requirements.

    ``config`` is passed to every factory that accepts it (e.g. ``actor_files``).
    """
    available = set(PARSER_ASSIGNS) | {"gaiko.meta"}
    out: list[Component] = []
    for name in names:
        info = REGISTRY.get(name)
        if info is None:
            raise ConfigError(f"unknown pipeline component {name!r}; known: {', '.join(REGISTRY)}")
        missing = [r for r in info.requires if r not in available]
        if missing:
            raise ConfigError(
                f"component {name!r} requires {', '.join(missing)}, which no earlier component assigns; "
                f"put the component that assigns it before {name!r}"
            )
        factory = getattr(import_module(info.module), info.factory)
        out.append(factory(**config))
        available.update(info.assigns)
    return out
