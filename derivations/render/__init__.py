"""Renderers of checked results: they print what they are given and decide nothing, so they never
import the kernel or the catalogue.

``view`` computes the strings every format shows (LaTeX from ``printer``, the function's LaTeX
from ``code``); ``escape`` escapes prose for LaTeX and for Markdown; ``sections`` groups the
derivations under headings. The LaTeX outputs are ``latex`` (fragments, style file, article),
``slides``, ``graph`` and ``pdf``; the Markdown ones are the pages of ``book``, in the markup of
``myst``, ``quarto`` or ``mkdocs_pages``, and the ``notebook`` with its ``export``s; ``report``
writes the text and JSON reports.
"""
