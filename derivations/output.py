"""Writing files so that nothing is lost: every file is written whole or not at all."""

from __future__ import annotations

import contextlib
import os
import signal
import tempfile
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place."""
    tmp = _staged(path, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _staged(path: Path, data: bytes) -> Path:
    """``data`` in a fully written temporary file beside ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def write_tree(out: Path, files: Mapping[str, str | bytes]) -> list[Path]:
    """Write every file of a rendered build, all or none; unchanged files are left untouched.

    Every changed file is first written whole to a temporary file; only when all are written
    are they renamed into place, with Ctrl-C held back during the renames. A failure or an
    interrupt before that leaves the previous files exactly as they were.
    """
    changed = {}
    for name, content in sorted(files.items()):
        path = out / name
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        if not (path.exists() and path.read_bytes() == data):
            changed[path] = data
    staged: dict[Path, Path] = {}
    try:
        for path, data in changed.items():
            staged[path] = _staged(path, data)
        with _interrupts_held():
            for path, tmp in staged.items():
                os.replace(tmp, path)
    except BaseException:
        for tmp in staged.values():
            tmp.unlink(missing_ok=True)
        raise
    return list(changed)


@contextlib.contextmanager
def _interrupts_held() -> Iterator[None]:
    """Hold SIGINT back (in the main thread, where Python handles it) until the block ends."""
    if not hasattr(signal, "pthread_sigmask") or (
            threading.current_thread() is not threading.main_thread()):
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def stale(out: Path, files: Mapping[str, str]) -> list[str]:
    """Names of the files under ``out`` that differ from what the code generates."""
    names = []
    for name, content in sorted(files.items()):
        path = out / name
        if not path.exists() or path.read_bytes() != content.encode("utf-8"):
            names.append(name)
    return names
