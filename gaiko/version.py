"""gaiko's version, and the coder version stamped on every record."""

__version__ = "0.1.0"

#: Bumped whenever a lexicon or rule change can change coded output.
CODER_VERSION = f"gaiko-{__version__}"
