"""Odd spaces → plain spaces, one character for one, so offsets into the text never move."""

from __future__ import annotations

import re

# No-break, figure, narrow no-break, thin, hair, en/em and other fixed-width spaces, the ideographic
# space, and invisible format characters (zero-width space/joiners, BOM, soft hyphen) that scrapes
# leave between words. Each becomes one plain space.
ODD_SPACES = re.compile("[\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff\u00ad\u200c\u200d\u2060]")


def plain_spaces(text: str) -> str:
    """Replace odd spaces with ' ' (same length) and normalise line ends to '\\n'."""
    return ODD_SPACES.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))
