#!/usr/bin/env bash
# Install the Debian packages that the PDF, the slides, the notebook exports and the LaTeX tests
# use (as root, or through sudo). Does nothing when every tool is already there.
#   latexmk, pdflatex, TikZ and pgfplots (texlive-pictures), beamer: derivations.pdf and slides.pdf
#   lmodern: outline (Type 1) Latin Modern fonts for T1-encoded text, so no bitmap (Type 3) font
#   xelatex, pandoc, latex-extra, plain-generic: nbconvert's PDF and LaTeX exports
#   libjs-mathjax: MathJax 2.7, served by the MkDocs guide itself
#   chromium: the tests look at the HTML outputs in a headless browser with the network off
#   poppler-utils: pdftoppm, to look at a page as PNG; pdffonts and pdfinfo, which CI uses to
#   refuse a Type 3 font and to read the PDF's metadata
set -euo pipefail
have_all() {
  command -v latexmk && command -v pdflatex && command -v xelatex && command -v pandoc \
    && command -v pdftoppm && command -v pdffonts \
    && kpsewhich tikz.sty pgfplots.sty beamer.cls adjustbox.sty lmodern.sty t1lmr.fd \
    && test -f /usr/share/javascript/mathjax/MathJax.js && command -v chromium
}
if have_all >/dev/null 2>&1; then
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
  latexmk texlive-latex-base texlive-latex-recommended texlive-fonts-recommended \
  texlive-pictures texlive-latex-extra texlive-plain-generic texlive-xetex lmodern \
  pandoc libjs-mathjax poppler-utils chromium \
  >/dev/null
