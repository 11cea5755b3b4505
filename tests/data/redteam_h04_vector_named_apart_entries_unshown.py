"""Red-team round 7: a vector shown under a name of its own whose entries are another family's:
the "where" line that would say what it is made of is left out.

Route: class 5 (what is printed is not what is checked). Grade: symbolic.

Printed theorem (every output; no line says what p is):
"k a size; q_j >= 0, sum_{j=1}^{k} q_j = 1; q_e > 0 for all e  =>  KL(p || q) = 0".
Checked: the vector shown as p is ``Vector(Symbol("p"), Lambda(c, q[c]), k)``, i.e. q itself,
and KL(q || q) = 0 is true. As printed, p is any vector: false at k = 2, q = (1/2, 1/2),
p = (1, 0): KL(p || q) = log 2 = 0.6931... != 0.

Root cause: render/view.py ``_entries`` prints "u_j = ... for all j" for a vector shown under a
name of its own, but skips it whenever the entry is an ``Indexed`` or an ``AppliedUndef`` ("an
entry of a family or a function's value: nothing to say"), without asking whether that family
is the one the display names (q_c shown as p). language/derivation.py ``_check_clashes``
refuses the display only when it also prints another object; p prints nothing else, so it
passes. (The same for entries q_{c+1}, or f(c) of a function.)

Closed: a vector shown by a name gets a 'where' line (p_j = q_j for all j) unless its entries
are that name's own (render/view.py _entries).
"""
from sympy import IndexedBase, Integer, Lambda, Symbol

from derivations import KL, Derivation, Positive, Simplex, Size, Step, Vector, indexed_vector, rules

k = Symbol("k", integer=True, positive=True)
c = Symbol("c", integer=True)
e = Symbol("e", integer=True)
q = IndexedBase("q", positive=True)
shown_as_p = Vector(Symbol("p"), Lambda(c, q[c]), k)

h04_vector_named_apart_entries_unshown = Derivation(
    name="h04_vector_named_apart_entries_unshown",
    title="The divergence from a distribution",
    hypotheses=(Size(k), Simplex(q, k), Positive(q[e])),
    start=KL(shown_as_p, indexed_vector(q, k)),
    steps=(Step(Integer(0), rules.definition, "unfold the divergence"),),
)
