"""Escaping prose for LaTeX: every special character becomes a literal."""

from __future__ import annotations

_SPECIAL = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "&": r"\&", "#": r"\#",
    "_": r"\_", "%": r"\%", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
    "<": r"\textless{}", ">": r"\textgreater{}", "|": r"\textbar{}",
}


def escape(text: str) -> str:
    """``text`` as LaTeX that prints exactly these characters."""
    return "".join(_SPECIAL.get(ch, ch) for ch in text)
