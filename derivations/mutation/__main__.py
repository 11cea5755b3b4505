"""``python -m derivations.mutation [SOURCE ...]``: the command ``derivations mutate``.

The harness is a front end beside the command line and imports nothing of it (the layers allow
only the other direction), so this runs the command, with the same arguments, defaults and exit
status, in a child process.
"""

from __future__ import annotations

import subprocess
import sys

try:
    done = subprocess.run([sys.executable, "-m", "derivations", "mutate", *sys.argv[1:]],
                          check=False)
except KeyboardInterrupt:  # the child, in the same process group, says so itself
    raise SystemExit(130) from None
raise SystemExit(done.returncode)
