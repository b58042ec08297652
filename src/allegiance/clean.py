"""Body text and metadata from a page. PLACEHOLDER: being written."""

from __future__ import annotations

import hashlib

from .records import CleanDoc, RawInput


def clean(raw: RawInput) -> CleanDoc:
    text = raw.content
    return CleanDoc(id=hashlib.sha256(text.encode()).hexdigest(), source=raw.source, url=raw.url, title=raw.title, text=text)
