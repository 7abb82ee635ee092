"""gaiko's actor knowledge: loading the knowledge base, finding and resolving mentions."""

from .kb import KnowledgeBase, load_kb

__all__ = ["KnowledgeBase", "load_kb"]
