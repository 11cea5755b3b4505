// MathJax 2.7 (served from this site, see docs/hooks/catalogue.py): typeset only the formulas
// that pymdownx.arithmatex marked, never a dollar sign elsewhere in the guide.
window.MathJax = {
  tex2jax: {inlineMath: [["\\(", "\\)"]], displayMath: [["\\[", "\\]"]],
            processEscapes: false, processClass: "arithmatex", ignoreClass: ".*"},
  "HTML-CSS": {availableFonts: ["TeX"]},
  showMathMenu: false,
  messageStyle: "none"
};
