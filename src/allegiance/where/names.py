"""Fold place names so that spelling variants meet: "Nangarhār" = "Nangarhar", "Al-Durayhimi" =
"al Durayhimi", and (as a looser second key) "Konar" ~ "Kunar", "Hodeidah" ~ "Hudaydah".

unidecode strips diacritics; the consonant skeleton is our own, because transliterations of Arabic,
Pashto or Cyrillic names differ mostly in vowels, doubled letters and silent h/w/y (no library on
hand folds exactly that, and Soundex/Metaphone are tuned to English surnames).
"""

from __future__ import annotations

import re

from unidecode import unidecode

_APOSTROPHES = re.compile(r"[’'`‘ʻʼ´]")
_NON_WORD = re.compile(r"[^a-z0-9]+")
# Arabic definite article as written in transliterations: "al-", "el-", "ad-", "ash " …
_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|at|an|az|ash|adh|ath|ed|es|ez|ul)\s+(?=\w)")
_DROPPED = set("aeiouyhw")


def fold(text: str) -> str:
    """Exact-match key: ASCII, lower case, punctuation as single spaces, no leading "the"."""
    key = _APOSTROPHES.sub("", unidecode(text).lower())
    key = _NON_WORD.sub(" ", key).strip()
    return key[4:] if key.startswith("the ") else key


def skeleton(text: str) -> str:
    """Loose key: the folded name without Arabic article, vowels, h/w/y or doubled letters."""
    key = _ARTICLE.sub("", fold(text))
    words = []
    for word in key.split():
        letters = [word[0]] + [c for c in word[1:] if c not in _DROPPED]
        collapsed = [c for i, c in enumerate(letters) if i == 0 or c != letters[i - 1]]
        words.append("".join(collapsed))
    return " ".join(words)


def strip_affixes(name: str, prefixes: list[str], suffixes: list[str]) -> str:
    """ "Muhafazat al Hudaydah" → "al Hudaydah", "Basra Governorate" → "Basra"."""
    for prefix in prefixes:
        if name.lower().startswith(prefix.lower()) and len(name) > len(prefix) + 2:
            name = name[len(prefix) :]
    for suffix in suffixes:
        if name.lower().endswith(suffix.lower()) and len(name) > len(suffix) + 2:
            name = name[: -len(suffix)]
    return name.strip(" ,")
