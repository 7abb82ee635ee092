"""``python -m gaiko``: the same command line as ``gaiko``."""

from .cli import main

if __name__ == "__main__":
    main()
