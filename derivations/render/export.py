"""Running the notebook and exporting it: HTML that typesets its math offline, Markdown, PDF.

The HTML is one self-contained file: MathJax 3 is inlined (``render/offline.py``), so its
formulas render with no network and no system package on the reader's machine.

Execution records no timings and the exporters draw nothing at random, so the executed notebook,
its HTML and its Markdown are the same bytes on every run. The PDF (xelatex) is not: it carries
its build time. nbclient and nbconvert are imported here only, so that ``derivations check``
does not pay for them.
"""

from __future__ import annotations

import copy
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from derivations.errors import NotebookFailed, TexFailed, TexUnavailable
from derivations.render import offline
from derivations.render.notebook import TITLE_CELL

if TYPE_CHECKING:
    from nbformat import NotebookNode

#: The JupyterLab look, minus everything it loads from a CDN: require.js (only widgets need it)
#: and the Mermaid loader (no diagrams here); MathJax 3 inline instead of MathJax 2 from a URL.
_HTML_TEMPLATE = """{%- extends 'index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block html_head_js_mathjax -%}
{{ resources.derivations_mathjax }}
{%- endblock html_head_js_mathjax -%}
"""

#: The PDF: no section numbers (the theorems carry theirs), no title cell (the title page has
#: it), and the evidence marks in the text taken from the math font, which has them.
_TEX_TEMPLATE = r"""((*- extends 'index.tex.j2' -*))
((* block packages *))
((( super() )))
    \usepackage{newunicodechar}
    \newunicodechar{✓}{\ensuremath{\checkmark}}
    \newunicodechar{≈}{\ensuremath{\approx}}
    \setcounter{secnumdepth}{0}
((* endblock packages *))
((* block markdowncell scoped *))
((*- if cell.id != '@TITLE@' -*))((( super() )))((*- endif -*))
((* endblock markdowncell *))
""".replace("@TITLE@", TITLE_CELL)


def execute(nb: NotebookNode, *, timeout: float = 600, cwd: Path | None = None) -> NotebookNode:
    """A copy of ``nb`` with every code cell run in a fresh ``python3`` kernel, in ``cwd``.

    No timing lands in the outputs (``record_timing=False``); the kernel's Python version is
    left out of the metadata so that the notebook does not depend on the machine's patch level.
    """
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    run = copy.deepcopy(nb)
    client = NotebookClient(run, kernel_name="python3", timeout=timeout, record_timing=False,
                            extra_arguments=["--IPKernelApp.log_level=ERROR"],  # no TCP warning
                            resources={"metadata": {"path": str(cwd or Path.cwd())}})
    try:
        client.execute()
    except CellExecutionError as exc:
        cell = (errors(run) or ["?"])[0]
        detail = f"{exc.ename}: {exc.evalue}" if exc.evalue else exc.ename
        raise NotebookFailed(f"executing the notebook failed: cell {cell!r} raised {detail}") \
            from exc
    except (CellTimeoutError, DeadKernelError) as exc:
        raise NotebookFailed(f"executing the notebook failed: {exc}") from exc
    run.metadata.get("language_info", {}).pop("version", None)
    return run


def errors(nb: NotebookNode) -> list[str]:
    """The ids of the cells whose outputs hold an error."""
    return [str(cell.get("id")) for cell in nb.cells
            if any(out.get("output_type") == "error" for out in cell.get("outputs", ()))]


def ipynb(nb: NotebookNode) -> str:
    import nbformat

    return nbformat.writes(nb, version=4) + "\n"


def html(nb: NotebookNode) -> str:
    """A standalone HTML page (JupyterLab style) that carries MathJax inline and loads no script
    or style sheet from anywhere else; a template that would is a bug here, so it raises
    ``BuildError`` (a ``RuntimeError``) rather than write the page."""
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab",
                            extra_loaders=[DictLoader({"derivations.html.j2": _HTML_TEMPLATE})],
                            template_file="derivations.html.j2")
    body, _ = exporter.from_notebook_node(
        nb, resources={"metadata": {"name": "derivations"},
                       "derivations_mathjax": offline.inline_mathjax()})
    return offline.require_self_contained(str(body), "the notebook's HTML")


def markdown(nb: NotebookNode) -> str:
    """Markdown with ``$``-delimited math (MkDocs with arithmatex, Jupyter Book, pandoc)."""
    from nbconvert import MarkdownExporter

    body, _ = MarkdownExporter().from_notebook_node(
        nb, resources={"metadata": {"name": "derivations"}})
    return str(body)


def pdf(nb: NotebookNode) -> bytes:
    """The PDF nbconvert makes with pandoc and xelatex; TexUnavailable/TexFailed as for the
    article."""
    from jinja2 import DictLoader
    from nbconvert import PDFExporter
    from nbconvert.exporters.pdf import LatexFailed
    from nbconvert.utils.pandoc import PandocMissing

    if shutil.which("xelatex") is None:
        raise TexUnavailable("cannot build the notebook PDF: xelatex is not installed (on "
                             "Debian: apt-get install texlive-xetex texlive-fonts-recommended "
                             "texlive-plain-generic)")
    exporter = PDFExporter(extra_loaders=[DictLoader({"derivations.tex.j2": _TEX_TEMPLATE})],
                           template_file="derivations.tex.j2")
    try:
        body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": "derivations"}})
    except PandocMissing as exc:
        raise TexUnavailable(f"cannot build the notebook PDF: {exc}") from exc
    except LatexFailed as exc:
        raise TexFailed(f"xelatex failed on the notebook:\n{str(exc)[-3000:]}") from exc
    return bytes(body)
