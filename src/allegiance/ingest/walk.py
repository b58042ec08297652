"""The files a batch names: folders walked in sorted order, every entry accounted for.

Each entry found becomes a file to read or a `Failure` that says why it is not read: an unknown
file type, a broken symbolic link, a symbolic-link loop, a folder or file that cannot be read
(permissions), a FIFO or device (reading one could block forever). Nothing is skipped silently,
so a folder that yields nothing readable says so. The walk is iterative (any depth) and follows
symbolic links to folders, except one that leads back to a folder above it. Paths in `exclude`
(the store's own files, when the store lies inside a folder being read) are not inputs and are
passed over.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from pathlib import Path

from ..records import Failure
from .formats import KNOWN, failure, is_known


def list_inputs(path: Path, exclude: frozenset[str] = frozenset()) -> Iterator[Path | Failure]:
    """Each file to read under `path` (or `path` itself), or a `Failure`; `exclude` holds real
    paths (`os.path.realpath`) to pass over in folders."""
    problem = stat_problem(path)
    if problem:
        yield failure(path, problem)
    elif path.is_dir():
        yield from _walk(path, exclude)
    elif path.is_file():
        yield path
    else:
        yield failure(path, "not a regular file or folder (a FIFO, socket or device is not read)")


def stat_problem(path: Path) -> str | None:
    """Why `path` cannot be opened at all, or None."""
    try:
        os.stat(path)
        return None
    except OSError as err:
        if err.errno == errno.ELOOP:
            return "symbolic link loop"
        if os.path.islink(path):
            try:
                return f"broken symbolic link (to {os.readlink(path)})"
            except OSError:
                return "broken symbolic link"
        if err.errno == errno.ENOENT:
            return "no such file or folder"
        return f"cannot read: {err.strerror or err}"
    except ValueError as err:  # an embedded NUL byte in the name
        return f"cannot read: {err}"


def _walk(root: Path, exclude: frozenset[str]) -> Iterator[Path | Failure]:
    # a stack of (entries still to visit, the (device, inode) of the folders above them)
    stack: list[tuple[Iterator[Path], frozenset[tuple[int, int]]]] = []
    entries = _entries(root, frozenset())
    if isinstance(entries, Failure):
        yield entries
        return
    stack.append(entries)
    while stack:
        children, above = stack[-1]
        path = next(children, None)
        if path is None:
            stack.pop()
            continue
        if exclude and os.path.realpath(path) in exclude:
            continue
        problem = stat_problem(path)
        if problem:
            yield failure(path, problem)
        elif path.is_dir():
            inner = _entries(path, above)
            if isinstance(inner, Failure):
                yield inner
            else:
                stack.append(inner)
        elif not path.is_file():
            yield failure(path, "not a regular file (a FIFO, socket or device is not read)")
        elif is_known(path):
            yield path
        else:
            yield failure(path, f"unknown file type {_kind(path)!r} (read: {KNOWN})")


def _entries(
    folder: Path, above: frozenset[tuple[int, int]]
) -> tuple[Iterator[Path], frozenset[tuple[int, int]]] | Failure:
    try:
        info = os.stat(folder)
        key = (info.st_dev, info.st_ino)
        if key in above:
            return failure(folder, "symbolic link loop: leads back to a folder above it")
        with os.scandir(folder) as scan:
            names = sorted(entry.name for entry in scan)
    except OSError as err:
        return failure(folder, f"cannot read folder: {err.strerror or err}")
    return iter([folder / name for name in names]), above | {key}


def _kind(path: Path) -> str:
    return "".join(path.suffixes[-2:]).lower() or "no extension"
