"""Plain-text scrapes: drop site chrome line by line, keep the body, lift metadata out of the chrome.

A scrape is read as *header* (lines before the first prose paragraph), *body* and *footer* (lines
after the last one). Whole-line chrome patterns (data/clean/chrome.yaml) apply everywhere because
they only ever match a complete widget line. The riskier, shape-based rules — section labels, tag
lists, clusters of related headlines — apply only in the header and footer, so a body sentence is
never dropped for its shape. Kept lines stay exactly as written (minus indentation), so any sentence
of the page can still be found verbatim in the clean text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pycountry

from .dates import DateLine, date_line
from .lexicon import chrome_group, section_labels

TERMINAL = re.compile(r"[.!?…:;。！？][\"”’'»)\]」』]*$|[\"”»」』]$")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
WORD = re.compile(r"[^\W_][\w'’.-]*")
BREADCRUMB = re.compile(r"\s*(?:»|›|>|/|\|)\s*")
TAGS_PREFIX = re.compile(r"^(?:tags?|topics?|keywords?)\s*:\s*", re.IGNORECASE)
MIN_PROSE_WORDS = 8
LONG_LINE_WORDS = 20  # a line this long is body even without final punctuation (truncated scrape)


@dataclass
class Scrape:
    lines: list[str] = field(default_factory=list)  # kept lines, stripped
    breaks: list[str] = field(default_factory=list)  # separator written before each kept line
    removed: list[str] = field(default_factory=list)
    dates: list[DateLine] = field(default_factory=list)
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    headline: str | None = None

    @property
    def text(self) -> str:
        return "".join(sep + line for sep, line in zip(self.breaks, self.lines, strict=True)).strip("\n")


def words(line: str) -> list[str]:
    return WORD.findall(line)


def is_prose(line: str) -> bool:
    # scripts written without spaces (Chinese, Japanese): count characters, ~2 to a word
    n = max(len(words(line)), len(CJK.findall(line)) // 2)
    return n >= LONG_LINE_WORDS or (n >= MIN_PROSE_WORDS and bool(TERMINAL.search(line)))


def tag_list(line: str, region: str) -> list[str] | None:
    """'alliance, Daesh, Taliban, Afghanistan' or 'Tags: a, b' → the tags; None for other lines."""
    prefixed = TAGS_PREFIX.match(line)
    body = line[prefixed.end() :] if prefixed else line
    if region == "body" and not prefixed or TERMINAL.search(body):
        return None
    items = [item.strip() for item in re.split(r"\s*[,;|]\s*", body) if item.strip()]
    if len(items) < (1 if prefixed else 3) or any(len(words(item)) > 4 for item in items):
        return None
    # " and " joins the last item of a sentence's list; a tag line is a bare list
    return None if any(" and " in f" {item} " for item in items[-1:]) and not prefixed else items


def section_label(line: str) -> str | None:
    """A section label ("Asia & Pacific") or the last crumb of a breadcrumb ("Home » World")."""
    line = line.rstrip(" |»>•·-")
    if line.casefold() in section_labels() or is_country(line):
        return line
    first, _, rest = line.partition(" ")  # "Home World": a breadcrumb that lost its separators
    if first.casefold() == "home" and rest.strip().casefold() in section_labels():
        return rest.strip()
    crumbs = [c for c in BREADCRUMB.split(line) if c]
    is_trail = len(crumbs) >= 2 and all(len(words(c)) <= 3 for c in crumbs) and not TERMINAL.search(line)
    known = any(c.casefold() in section_labels() or c.casefold() == "home" for c in crumbs)
    return crumbs[-1] if is_trail and known else None


def is_country(name: str) -> bool:
    """A country's name as a section label ("Afghanistan", "Syria"); codes like "IN" are too risky."""
    if len(name) < 4 or len(words(name)) > 4:
        return False
    try:
        pycountry.countries.lookup(name)
    except LookupError:
        return False
    return True


def looks_like_headline(line: str) -> bool:
    """Title Case: most words of four letters or more start with a capital."""
    long_words = [w for w in words(line) if len(w) >= 4]
    return bool(long_words) and sum(w[0].isupper() for w in long_words) / len(long_words) >= 0.6


def related_headlines(
    footer: list[int], lines: list[str], keep: set[int], teaser_labels: set[int]
) -> set[int]:
    """Footer lines that list teaser headlines: Title Case lines, and runs of headline-shaped lines
    that are long (3+), hold a Title Case one, or follow a "Related"/"More from" label. A lone
    sentence-case line is kept: it is more often a body line cut short by the scraper."""
    candidates = [
        i
        for i in footer
        if i in keep
        and 3 <= len(words(lines[i])) <= 25
        and not TERMINAL.search(lines[i])
        and (lines[i][:1].isupper() or lines[i][:1].isdigit())
    ]
    runs: list[list[int]] = []
    for i in candidates:  # a run: candidates with only blank or removed lines between them
        if runs and all(j not in keep for j in range(runs[-1][-1] + 1, i)):
            runs[-1].append(i)
        else:
            runs.append([i])
    found: set[int] = set()
    for run in runs:
        titled = [i for i in run if looks_like_headline(lines[i])]
        before = next((j for j in range(run[0] - 1, -1, -1) if lines[j]), None)
        if len(run) >= 3 or (len(run) >= 2 and titled) or before in teaser_labels:
            found.update(run)
        else:
            found.update(titled)
    return found


def clean_lines(text: str, body_only: bool = False) -> Scrape:
    """Split a scrape into kept body lines and metadata. `body_only`: the text is already an
    extracted body (HTML path), so the header/footer shape rules are not needed to find it."""
    raw_lines = text.split("\n")
    lines = [line.strip() for line in raw_lines]
    prose = [i for i, line in enumerate(lines) if is_prose(line)]
    first, last = (prose[0], prose[-1]) if prose else (len(lines), -1)
    out = Scrape()
    keep: set[int] = set()
    teaser_labels: set[int] = set()  # "Related", "More from Africa": what follows is a teaser list
    tag_label = False  # after a bare "Tags:" line, one tag per line follows
    for i, line in enumerate(lines):
        if not line:
            continue
        region = "header" if i < first else "footer" if i > last else "body"
        if body_only:
            region = "body"
        tag_label = (
            tag_label
            and region != "body"
            and len(words(line)) <= 4
            and not TERMINAL.search(line)
            and not chrome_group(line)
        )
        if tag_label:
            out.tags.append(line)
        elif TAGS_PREFIX.fullmatch(line):
            tag_label = not out.tags
        elif not is_prose(line) and (found := date_line(line)):
            out.dates.append(found)
        elif (tags := tag_list(line, region)) is not None:
            out.tags = out.tags or tags
        elif group := chrome_group(line):
            if group == "navigation":
                teaser_labels.add(i)
        elif region == "header" and (label := section_label(line)):
            out.section = label  # the last label before the headline is the most specific one
        else:
            keep.add(i)
            continue
        out.removed.append(line)
    # an extracted HTML body has no footer of teasers left: trafilatura removed those blocks
    footer = [] if body_only else list(range(last + 1, len(lines)))
    for i in sorted(related_headlines(footer, lines, keep, teaser_labels)):
        keep.discard(i)
        out.removed.append(lines[i])
    previous: int | None = None
    for i in sorted(keep):
        out.lines.append(lines[i])
        out.breaks.append(_separator(lines, previous, i))
        previous = i
    header = [lines[i] for i in sorted(keep) if i < first]
    out.headline = next((line for line in header if 3 <= len(words(line)) <= 25), None)
    return out


def _separator(lines: list[str], previous: int | None, current: int) -> str:
    """Paragraphs get a blank line between them; a hard-wrapped sentence keeps its single newline."""
    if previous is None:
        return ""
    same_block = all(lines[j] for j in range(previous, current + 1))
    wrapped = same_block and not TERMINAL.search(lines[previous]) and lines[current][:1].islower()
    return "\n" if wrapped else "\n\n"
