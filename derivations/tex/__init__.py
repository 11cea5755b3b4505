"""Checking the derivations in a lecturer's own ``.tex`` file, where they stand.

``document`` finds the declarations (``%dv`` comment lines), the author's macros and the
``align*`` chains; ``declarations`` makes the vocabulary and the hypotheses; ``reader`` reads a
row on the grammar of ``grammar.lark``; ``chains`` prints each row back, refuses the rows that
do not read as written, and makes one derivation per chain, each step with its line.
"""

from derivations.tex.chains import Reading, read_file

__all__ = ["Reading", "read_file"]
