"""Renderers: LaTeX fragments and documents, the text report and the JSON report."""
