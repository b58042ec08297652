"""Errors with a clear, specific reason; the batch records them as failures and goes on."""


class AllegianceError(Exception):
    """Base class: the message is what ends up in the `failures` table."""

    stage = "pipeline"


class InputError(AllegianceError):
    """The input cannot be read or decoded (missing file, binary, invalid bytes, bad JSON row)."""

    stage = "ingest"


class CleanError(AllegianceError):
    """No article body could be extracted from the page."""

    stage = "clean"
