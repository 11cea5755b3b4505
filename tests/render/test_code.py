"""Reference implementations as LaTeX: latexify's output with its rough edges fixed, the
arguments' bindings, and the block after the proof in a fragment."""

from __future__ import annotations

import math
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from derivations.catalogue import CATALOGUE
from derivations.catalogue import implementations as code
from derivations.checking.check import check_derivation
from derivations.render.code import arguments_latex, function_latex
from derivations.render.latex import STYLE, fragment
from derivations.render.printer import latex

BY_NAME = {d.name: d for d in CATALOGUE}
CODE = [impl.function for d in CATALOGUE for impl in d.implementations]
#: What a reader must see: a ``-`` directly after an operator, ``\log(x, 2)``, module prefixes
#: or raw function names would each mean that latexify's output was shipped unfixed.
_WRONG_LOOKING = [r"-\s*-", r"\+\s*-", r"\\cdot\s*-", r"\\log\s*\\mathopen\{\}\\left\([^()]*,",
                  r"\\math(rm|tt)\{(math|np|numpy)\}", r"\\math(rm|tt)\{log1p\}",
                  r"\\math(rm|tt)\{dot\}", r"\\math(rm|tt)\{log2\}", r"\\math(rm|tt)\{pi\}"]


@pytest.mark.parametrize(("function", "pieces"), [
    (code.cross_entropy, [r"\mathtt{cross\_entropy}(p, q) = -\sum_{j = 0}^{k - 1}",
                          r"p_{j} \cdot \log q_{j}", r"k = \mathtt{len}"]),
    (code.entropy, [r"\mathtt{entropy}(p) = -\sum_{\substack{j = 0 \\ p_{j} \ne 0}}^{k - 1}",
                    r"p_{j} \cdot \log p_{j}"]),
    (code.kl_divergence, [r"\mathtt{kl\_divergence}(p, q) = \sum_{\substack{j = 0 \\ p_{j} "
                          r"\ne 0}}^{k - 1}", r"\frac{p_{j}}{q_{j}}"]),
    (code.label_cross_entropy, [r"\mathtt{label\_cross\_entropy}(q, y) = -\log q_{y}"]),
    (code.mean_label_cross_entropy, [r"\sum_{i = 0}^{m - 1}", r"\log q_{i, y_{i}}", "}{m}"]),
    (code.soft_label_cross_entropy, [r"\sum_{i = 0}^{m - 1} \sum_{j = 0}^{k - 1}",
                                     r"p_{i, j} \cdot \log q_{i, j}"]),
    (code.binary_cross_entropy, [r"y \cdot \log a", r"\log \mathopen{}\left( 1 - a"]),
    (code.multi_label_binary_cross_entropy, [r"\sum_{l = 0}^{L - 1}", r"\log a_{l}"]),
    (code.gaussian_nll, [r"\mathtt{gaussian\_nll}(y, \mu, \sigma)", r"2 \pi \sigma^{2}",
                         r"\frac{\mathopen{}\left( y_{i} - \mu_{i} \mathclose{}\right)^{2}}"]),
    (code.mean_squared_error, [r"\mathtt{mean\_squared\_error}(y, \mu)", "}{m}"]),
    (code.smoothed_cross_entropy, [r"(q, y, \epsilon)", r"\frac{\epsilon}{k}",
                                   r"-\mathopen{}\left( 1 - \epsilon \mathclose{}\right)"]),
    (code.logistic_loss, [r"\exp \mathopen{}\left( -t \mathclose{}\right)", r"\exp t"]),
    (code.log_softmax, [r"z_{j} - \log \sum_{l = 0}^{k - 1}", r"\exp z_{l}"]),
    (code.cross_entropy_bits, [r"\log_2 q_{j}"]),
])
def test_each_implementation_renders_with_the_expected_pieces(function, pieces):
    text = function_latex(function)
    for piece in pieces:
        assert piece in text, (piece, text)


def test_every_implementation_of_the_catalogue_is_in_the_table_above():
    assert len(CODE) == 14


@pytest.mark.parametrize("function", CODE, ids=lambda f: f.__name__)
def test_no_implementation_renders_wrong_looking_latex(function):
    text = function_latex(function)
    for pattern in _WRONG_LOOKING:
        assert not re.search(pattern, text), (pattern, text)


def test_local_assignments_are_lines_of_an_aligned_block_in_display_style():
    text = function_latex(code.soft_label_cross_entropy)
    assert text.startswith(r"\begin{aligned} & m = \mathtt{len}")
    assert r" \\ & k = \mathtt{len}" in text and text.endswith(r"\end{aligned}")
    assert "array" not in text


# --- latexify's rough edges, each with the fixed output ---------------------------------------


def minus_minus(a, b):
    return a - -b


def times_minus(a, b):
    return a * -b


def plus_minus_product(a, b):
    return a + -b * a


def log_base_two(x):
    return math.log(x, 2)


def log_base_b(x, b):
    return math.log(x**2, b)


def log_one_plus(x):
    return math.log1p(-x)


def module_prefixes(x):
    return np.exp(x) + math.pi


def nonzero_sum(p, k):
    return sum(p[j] for j in range(1, k) if p[j] != 0 if p[j] < 1)


def with_a_loop(x):
    for _ in range(3):
        x += 1
    return x


@pytest.mark.parametrize(("function", "expected"), [
    (minus_minus, r"\mathtt{minus\_minus}(a, b) = a - \mathopen{}\left( -b \mathclose{}\right)"),
    (times_minus, r"\mathtt{times\_minus}(a, b) = a \cdot \mathopen{}\left( -b "
                  r"\mathclose{}\right)"),
    (plus_minus_product, r"\mathtt{plus\_minus\_product}(a, b) = a + \mathopen{}\left( -b a "
                         r"\mathclose{}\right)"),
    (log_base_two, r"\mathtt{log\_base\_two}(x) = \log_{2} x"),
    (log_base_b, r"\mathtt{log\_base\_b}(x, b) = \log_{b} \mathopen{}\left( x^{2} "
                 r"\mathclose{}\right)"),
    (log_one_plus, r"\mathtt{log\_one\_plus}(x) = \log \mathopen{}\left( 1 + "
                   r"\mathopen{}\left( -x \mathclose{}\right) \mathclose{}\right)"),
    (module_prefixes, r"\mathtt{module\_prefixes}(x) = \exp x + \pi"),
    (nonzero_sum, r"\mathtt{nonzero\_sum}(p, k) = \sum_{\substack{j = 1 \\ p_{j} \ne 0 \\ "
                  r"p_{j} < 1}}^{k - 1} \mathopen{}\left({p_{j}}\mathclose{}\right)"),
])
def test_latexify_rough_edges_are_fixed(function, expected):
    assert function_latex(function) == expected


def test_latexify_itself_still_has_the_rough_edges_we_fix():
    """The twin of the table above: without the fixes, the output is wrong-looking."""
    import latexify

    assert latexify.get_latex(minus_minus).endswith("a - -b")
    assert r"\log \mathopen{}\left( x, 2 \mathclose{}\right)" in latexify.get_latex(log_base_two)
    assert r"\mathrm{log1p}" in latexify.get_latex(log_one_plus)
    assert r"\land" in latexify.get_latex(nonzero_sum)  # the comprehension as a conjunction


def test_a_function_latexify_cannot_render_is_named():
    with pytest.raises(ValueError, match=r"latexify cannot render with_a_loop: "
                       r"LatexifyNotSupportedError: .*For"):
        function_latex(with_a_loop)


# --- the arguments and the block after the proof ----------------------------------------------


@pytest.mark.parametrize(("name", "index", "expected"), [
    ("one_hot_cross_entropy", 0, (r"q \leftarrow \left(q_{1}, \dots, q_{k}\right)",
                                  r"y \leftarrow y - 1")),
    ("mle_is_mean_cross_entropy", 0,
     (r"q \leftarrow \left(q_{j}(x_{i}; \theta)\right)_{1 \le i \le m,\ 1 \le j \le k}",
      r"y \leftarrow \left(y_{1} - 1, \dots, y_{m} - 1\right)")),
    ("gaussian_nll_is_mse", 0,  # sigma is the theorem's own sigma: not repeated
     (r"y \leftarrow \left(y_{1}, \dots, y_{m}\right)",
      r"\mu \leftarrow \left(\mu_{\theta}\left(x_{1}\right), \dots, "
      r"\mu_{\theta}\left(x_{m}\right)\right)")),
    ("bernoulli_nll_is_binary_cross_entropy", 0, ()),
    ("logistic_loss_is_two_class_cross_entropy", 0, (r"t \leftarrow z_{1} - z_{2}",)),
])
def test_arguments_say_what_the_function_receives(name, index, expected):
    impl = BY_NAME[name].implementations[index]
    assert arguments_latex(impl, latex) == expected


@pytest.fixture(scope="module")
def one_hot_fragment() -> str:
    return fragment(check_derivation(BY_NAME["one_hot_cross_entropy"]))


def test_the_fragment_shows_the_code_after_the_proof_as_sampled_evidence(one_hot_fragment):
    text = one_hot_fragment
    block = text[text.index(r"\end{proof}"):]
    assert r"\dvcode{label\_cross\_entropy}" in block
    assert r"\mathtt{label\_cross\_entropy}(q, y) = -\log q_{y}" in block
    assert r"$q \leftarrow \left(q_{1}, \dots, q_{k}\right)$ and $y \leftarrow y - 1$" in block
    assert r"$y \leftarrow y - 1$\dvarraysnote{}, it computes" in block  # the 0-indexing note
    assert "Python's arrays are indexed from 0: entry $j$ of the proofs" in STYLE
    assert r"  \dvfit{$\displaystyle H(e_{y}, q)$}" + "\n" in block
    assert (r"\dvsampled\ Checked numerically against that expression at 10 random points of "
            r"the hypotheses' domain ($k \in \{") in block
    assert "sampled evidence, not a proof." in block
    assert r"\texttt{derivations.\allowbreak{}catalogue.\allowbreak{}implementations}" in block


def test_a_fragment_without_code_has_no_code_block():
    text = fragment(check_derivation(BY_NAME["softmax_is_positive"]))
    assert "dvcode" not in text and "Reference implementation" not in text


def test_the_style_file_defines_the_code_macros():
    assert r"\newcommand{\dvcode}[1]" in STYLE and r"\newcommand{\dvcodenote}[1]" in STYLE


_RENDER = """
from derivations.catalogue import CATALOGUE
from derivations.checking.check import check_derivation
from derivations.render.latex import fragment
for d in CATALOGUE:
    if d.name in ("soft_label_decomposition", "gaussian_nll_is_mse"):
        print(fragment(check_derivation(d)))
"""


def test_fragments_with_code_are_identical_under_every_hash_seed():
    outputs = set()
    for seed in ("0", "1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run([sys.executable, "-c", _RENDER], capture_output=True, text=True,
                             env=env, check=True)
        outputs.add(run.stdout)
    assert len(outputs) == 1
    assert r"\dvcode{soft\_label\_cross\_entropy}" in outputs.pop()


@pytest.mark.latex
@pytest.mark.skipif(shutil.which("latexmk") is None, reason="latexmk not installed")
def test_fragments_with_code_compile_with_only_the_package(tmp_path: Path):
    names = [d.name for d in CATALOGUE if d.implementations]
    for name in names:
        (tmp_path / f"{name}.tex").write_text(fragment(check_derivation(BY_NAME[name])))
    (tmp_path / "derivations.sty").write_text(STYLE)
    inputs = "\n".join(rf"\input{{{n}}}" for n in names)
    (tmp_path / "host.tex").write_text("\\documentclass{article}\n\\usepackage{derivations}\n"
                                       f"\\begin{{document}}\n{inputs}\n\\end{{document}}\n")
    done = subprocess.run(["latexmk", "-pdf", "-no-shell-escape", "-interaction=nonstopmode",
                           "-halt-on-error", "host.tex"], cwd=tmp_path, capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stdout[-2000:]


def test_checking_never_imports_latexify():
    run = subprocess.run([sys.executable, "-c",
                          "import sys\nfrom derivations.cli import main\n"
                          "code = main(['check', '--quiet', 'one_hot_cross_entropy'])\n"
                          "print(code, any(m.startswith('latexify') for m in sys.modules))"],
                         capture_output=True, text=True, check=True)
    assert run.stdout.strip().splitlines()[-1] == "0 False"
