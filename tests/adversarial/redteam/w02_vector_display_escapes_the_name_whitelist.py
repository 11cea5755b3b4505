r"""Red-team round 21, w02 (printing): the round-20 name whitelist (`_PRINTED_NAME`) is skipped
for every Symbol that is the DISPLAY of a vector (`if obj in displays: continue` in
`derivation._check_printed_names`). The same Symbol may also be used as an ordinary free symbol
in the claim, so making a symbol the display of any vector (here the uniform vector inside an
entropy term H(.) that stands on both sides) revives the closed v06 (`j^{}`) and v04 (`a{b}`).

Main claim (last derivation, graded **symbolic**, exit 0, also under `--min-evidence symbolic`):

    hypotheses  k \in \{1, 2, 3, \dots\},  x \in \mathbb{R},  x^{} \in \mathbb{R},
                \left(x^{}\right)_{j} = \frac{1}{k} for all j
    \frac{d}{d x^{}} x + H(x^{}) = H(x^{})

TeX sets `x^{}` as x: the page reads dx/dx + H(x) = H(x), i.e. 1 = 0 (SymPy `diff(x, x)` = 1).
What was checked: the derivative of x with respect to an independent real symbol s named
"x^{}" (0), plus the entropy of the uniform vector shown as s on both sides.

Variant w02_sum (the original form), also symbolic:

    hypotheses  k \in \{1, 2, 3, \dots\},  j^{} \in \mathbb{R},  \left(j^{}\right)_{j} = \frac{1}{k} for all j
    H(j^{}) + \sum_{j=1}^{k} j^{} = k\,\sum_{j=1}^{1} j^{} + H(j^{})

TeX sets `j^{}` as j, so the page reads H(j) + sum_{j=1}^k j = k * sum_{j=1}^1 j + H(j), i.e.
k(k+1)/2 = k: false at k = 2 (3 vs 2; SymPy `summation(j,(j,1,2))` = 3). What was checked:
Sum(s, (j,1,k)) = k Sum(s, (j,1,1)) for one real symbol s named "j^{}" (k s = k s), plus the
same entropy H(v) of the uniform vector v (shown as s) on both sides.

Variant (also symbolic): w02_product_name: hypothesis `a{b} \in \mathbb{R}` and claim
`a{b}^{2} + H(a{b}) \ge H(a{b})`, which TeX sets as a b^2 + H(ab) >= H(ab): false at a = -1,
b = 1 (-1 < 0).  (Plain "ab" is still refused by the separate u16 `_LETTERS` check.)

Command:
    cd /tmp && PYTHONPATH=/work/wt-rt21 python -m derivations check \
        /work/rt21/w02_vector_display_escapes_the_name_whitelist.py --no-cache --min-evidence symbolic
    (`derivations build` prints exactly the lines above; see the `%dv assume` lines)

Route: `_check_printed_names` builds `displays` = free symbols of every vector's display and
skips the whitelist for any named object in that set, even where that Symbol occurs outside the
vector as an ordinary symbol. `_check_clashes` does not refuse a display symbol that is also a
free symbol. `_bare("j^{}")` = "j^" differs from "j", so the binder-scope test passes too.

Suggested fix: apply `_PRINTED_NAME` to every printed name including vector displays (the
display of a vector is printed too), and refuse a Symbol that is both a vector's display and
an ordinary symbol of the derivation. Make `_bare` drop empty scripts/groups.

Closed: a symbol that names a vector and also stands as a number is judged as a symbol, and a vector's own name follows the whitelist too (`derivation._check_printed_names`).
"""

from sympy import Derivative, Symbol, Sum

from derivations import Derivation, Entropy, Real, Size, Step, function_vector, rules
from derivations.language.relation import Relation

j = Symbol("j", integer=True)
k = Symbol("k", integer=True, positive=True)

ab = Symbol("a{b}", real=True)
u = function_vector(lambda c: 1 / k, ab, k)

w02_product_name = Derivation(
    name="w02_product_name",
    title="A square is not negative",
    hypotheses=(Size(k), Real(ab)),
    start=ab**2 + Entropy(u),
    steps=(Step(Entropy(u), rules.inequality, "a square", relation=Relation.GE),),
)

J = Symbol("j^{}", real=True)
v = function_vector(lambda c: 1 / k, J, k)

w02_sum = Derivation(
    name="w02_sum",
    title="The sum of the first k integers",
    hypotheses=(Size(k), Real(J)),
    start=Sum(J, (j, 1, k)) + Entropy(v),
    steps=(Step(k * Sum(J, (j, 1, 1)) + Entropy(v), rules.algebra, "constant summand"),),
)

x = Symbol("x", real=True)
X = Symbol("x^{}", real=True)
w = function_vector(lambda c: 1 / k, X, k)

w02_vector_display_escapes_the_name_whitelist = Derivation(
    name="w02_vector_display_escapes_the_name_whitelist",
    title="The derivative of the identity",
    hypotheses=(Size(k), Real(x), Real(X)),
    start=Derivative(x, X) + Entropy(w),
    steps=(Step(Entropy(w), rules.algebra, "x is constant in the variable"),),
)
