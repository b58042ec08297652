"""The `allegiance` command line (Typer + Rich). Commands live in the modules of this package and
register themselves on the one `app` defined in app.py."""

from . import analysis, check, listings, main, serve  # noqa: F401  (importing registers the commands)
from .app import app

__all__ = ["app"]
