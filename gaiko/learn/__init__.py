"""Learning from gaiko's own labelled corpora: reading them, training the type model, measuring.

Nothing here runs at coding time except the trained model's scorer
(:mod:`gaiko.learn.model`). Training needs the ``gaiko[train]`` extra.
"""
