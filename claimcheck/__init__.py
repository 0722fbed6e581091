"""claimcheck: which outlets report which facts of a news story."""

__version__ = "0.1.0"
