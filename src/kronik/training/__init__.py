"""Building the statistical models and learned tables that ship with kronik (offline, from data;
``kronik train``).

Training may read evaluation's gold-format readers; stages never import training.
"""
