"""MkDocs hook: the catalogue's proofs as pages of this guide, checked when the guide is built.

``on_files`` checks the catalogue (reusing the verdict cache, as ``derivations check`` does),
renders every derivation with ``derivations.render.mkdocs_pages`` into ``catalogue/``, and adds
the parts of Debian's MathJax 2.7 (``libjs-mathjax``, which ``scripts/install-tex.sh``
installs) that typeset TeX as CommonHTML, and the Pygments style sheet for the code blocks
(highlighted at build time), so the pages load nothing from the network. A failing derivation or
a missing MathJax stops the build.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

MATHJAX = Path("/usr/share/javascript/mathjax")
#: What MathJax needs for ``config=TeX-AMS_CHTML`` (about 2 MB of its 54).
MATHJAX_PARTS = ("MathJax.js", "config/TeX-AMS_CHTML.js", "extensions", "jax/input/TeX",
                 "jax/element", "jax/output/CommonHTML", "fonts/HTML-CSS/TeX/woff",
                 "localization/en")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    from derivations.catalogue import SECTIONS
    from derivations.pipeline import TITLE, catalogue_answer, check
    from derivations.render import mkdocs_pages

    results = check(cache=True)
    failed = [r.derivation.name for r in results if not r.ok]
    if failed:
        raise PluginError(f"the catalogue does not check: {', '.join(failed)} "
                          "(run 'derivations check')")
    pages = mkdocs_pages.files(results, TITLE, SECTIONS, catalogue_answer(results))
    for name, text in pages.items():
        files.append(File.generated(config, f"catalogue/{name}", content=text))
    if not (MATHJAX / "MathJax.js").is_file():
        raise PluginError(f"no MathJax at {MATHJAX}: run 'bash scripts/install-tex.sh' "
                          "(Debian's libjs-mathjax typesets the catalogue's formulas)")
    from pygments.formatters import HtmlFormatter

    files.append(File.generated(config, "css/pygments.css",
                                content=HtmlFormatter().get_style_defs(".codehilite") + "\n"))
    for part in MATHJAX_PARTS:
        source = MATHJAX / part
        for path in sorted(source.rglob("*")) if source.is_dir() else [source]:
            if path.is_file():
                uri = f"javascripts/mathjax/{path.relative_to(MATHJAX).as_posix()}"
                files.append(File.generated(config, uri, abs_src_path=str(path)))
    return files


def on_post_build(config: MkDocsConfig) -> None:
    """Drop the theme's 404 page: it loads its style sheets from the site's root (``/css/``),
    right only on a server at a domain's root; the guide is also read from its files."""
    (Path(config.site_dir) / "404.html").unlink(missing_ok=True)
