"""lintnews: a linter for machine-translated and scraped news copy."""

__version__ = "0.1.0"
