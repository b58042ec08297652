"""allegiance: conflict news in, evidence-linked PLOVER events and actor relations out."""

__version__ = "0.1.0"
