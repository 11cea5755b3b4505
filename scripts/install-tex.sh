#!/usr/bin/env bash
# Install the TeX tools that `derivations build --pdf` and the LaTeX tests use (Debian, as root).
# Does nothing when latexmk and pdflatex are already there.
set -euo pipefail
if command -v latexmk >/dev/null && command -v pdflatex >/dev/null && command -v pdftoppm >/dev/null; then
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
  latexmk texlive-latex-base texlive-latex-recommended texlive-fonts-recommended poppler-utils \
  >/dev/null
