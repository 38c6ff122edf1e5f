"""Building the statistical models and learned tables that ship with kronik (offline, from data).

Training may read evaluation's gold-format readers; stages never import training.
"""
