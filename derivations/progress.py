"""Progress lines for long builds: shown on a terminal, silent when output goes elsewhere.

A lecturer at a terminal sees what a slow build is doing (compiling the PDF, executing the
notebook); CI logs and pipes stay clean, so their output is the same bytes on every run.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TextIO


@dataclass
class Progress:
    """Writes ``what … done in 1.2 s`` lines to ``stream`` (stderr) only when it is a terminal."""

    stream: TextIO = field(default_factory=lambda: sys.stderr)
    enabled: bool | None = None  # None: decide by ``stream.isatty()``

    def __post_init__(self) -> None:
        if self.enabled is None:
            isatty = getattr(self.stream, "isatty", None)
            self.enabled = bool(isatty and isatty())

    def _write(self, text: str) -> None:
        if self.enabled:
            self.stream.write(text)
            self.stream.flush()

    @contextmanager
    def stage(self, what: str) -> Iterator[None]:
        """Announce ``what``, run the block, then say how long it took (or that it failed)."""
        start = time.perf_counter()
        self._write(f"{what} …")
        try:
            yield
        except BaseException:
            self._write(" failed\n")
            raise
        self._write(f" done in {time.perf_counter() - start:.1f} s\n")

    def count(self, what: str, done: int, total: int) -> None:
        """A counter that rewrites its own line: ``checking 12/33``; a newline at the end."""
        self._write(f"\r{what} {done}/{total}" + ("\n" if done == total else ""))


#: A progress reporter that never writes, for library calls and tests.
QUIET = Progress(enabled=False)
