"""Writing files so that nothing is lost: every file is written whole or not at all."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_tree(out: Path, files: Mapping[str, str]) -> list[Path]:
    """Write every file of a rendered build; unchanged files are left untouched."""
    written = []
    for name, content in sorted(files.items()):
        path = out / name
        data = content.encode("utf-8")
        if path.exists() and path.read_bytes() == data:
            continue
        write_atomically(path, data)
        written.append(path)
    return written


def stale(out: Path, files: Mapping[str, str]) -> list[str]:
    """Names of the files under ``out`` that differ from what the code generates."""
    names = []
    for name, content in sorted(files.items()):
        path = out / name
        if not path.exists() or path.read_bytes() != content.encode("utf-8"):
            names.append(name)
    return names
