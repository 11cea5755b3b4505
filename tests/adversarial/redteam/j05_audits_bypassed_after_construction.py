"""Red-team round 9: every audit runs once, in ``Derivation.__post_init__``; what is printed
and checked is whatever the object holds when the file has finished loading.

``Derivation`` is a frozen dataclass, but ``object.__setattr__`` changes a field of a frozen
instance (as ``__post_init__`` itself does). The loader (loader.py ``from_file`` ->
``derivations_in``) collects the objects as the module leaves them, and neither the loader nor
the checker (checking/check.py) audits them again. So a derivation that passed every audit can
be changed afterwards into one that would not: here its hypotheses are replaced by fewer, while
``facts`` (computed from the original ones, and what the kernel reads) keeps them all.

Printed theorem (``derivations build``, the .tex fragment):

    "k \\in \\{1, 2, 3, \\dots\\}  =>  \\sum_{j=1}^{k} p_{j} = 1"      (symbolic)

False: k = 1, p_1 = 2. What was checked: the same under the undisplayed hypothesis that p is a
distribution of k entries (``Simplex(p, k)``, still in ``d.facts``; ``total_mass`` uses it).
The first derivation prints "log(a b) = log a + log b" with no hypothesis at all (false at
a = b = -1: 0 against 2 pi i); a and b were declared positive, which the declaration audit
would refuse without a displayed hypothesis.

The same door reopens every route closed by a construction-time audit: replace ``steps`` after
construction with one that uses a hypothesis about one entry for the whole family (r01), a
symbol named like an entry (a22), a Kronecker delta of reals (d12), a title stating a relation
(c03/d09), an undefined function with ``fdiff`` (i03)...; or subclass ``Derivation`` with a
``__post_init__`` that only sets ``facts`` (``derivations_in`` accepts any instance).

Route: class 1 (assumptions nobody displayed) and every audit-closed route. Grade: symbolic.

Root cause: language/derivation.py ``Derivation.__post_init__`` is the only place the audits
(``_check_declarations``, ``_check_vocabulary``, ``_check_patterns``, ...) run, and ``facts`` is
cached there; checking/check.py ``check_derivation`` and loader.py trust the object as found.
Audit (and derive ``facts``) when a derivation is checked, from the fields it has then, and
refuse instances of subclasses.

Closed: the checker refuses a Derivation subclass and a Derivation whose parts were replaced
after its audits ran (Derivation.audit_problem).
"""
from sympy import IndexedBase, Integer, Sum, Symbol, log

from derivations import Derivation, Positive, Simplex, Size, Step, rules

a = Symbol("a", positive=True)
b = Symbol("b", positive=True)
k = Symbol("k", integer=True, positive=True)
j = Symbol("j", integer=True)
p = IndexedBase("p", nonnegative=True)

j05_log_of_any_product = Derivation(
    name="j05_log_of_any_product",
    title="The log of a product",
    hypotheses=(Positive(a), Positive(b)),
    start=log(a * b),
    steps=(Step(log(a) + log(b), rules.algebra, "the log of a product is a sum of logs"),),
)
object.__setattr__(j05_log_of_any_product, "hypotheses", ())

j05_audits_bypassed_after_construction = Derivation(
    name="j05_audits_bypassed_after_construction",
    title="Any numbers sum to one",
    hypotheses=(Size(k), Simplex(p, k)),
    start=Sum(p[j], (j, 1, k)),
    steps=(Step(Integer(1), rules.algebra, "the entries sum to one"),),
)
object.__setattr__(j05_audits_bypassed_after_construction, "hypotheses", (Size(k),))
