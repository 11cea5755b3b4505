"""The notation a reader meets in the catalogue, for the document's notation section.

Each entry is the object as the proofs print it, optionally its definition (printed by the same
printer, so the glossary cannot drift from the proofs), and what it means in words.
"""

from __future__ import annotations

from typing import NamedTuple

from sympy import Basic, IndexedBase, Sum, Symbol, exp, log

from derivations import (
    KL,
    CrossEntropy,
    Entropy,
    OneHot,
    indexed_vector,
    validate_prose,
)
from derivations.catalogue.notation import X, Y, i, j, k, m, o, p_cond, q_out, theta, x
from derivations.catalogue.outputs import sigmoid, softmax, z


class Entry(NamedTuple):
    shown: Basic
    definition: Basic | None
    meaning: str  # prose (``derivations.language.prose``)


_p = IndexedBase("p", positive=True)
_q = IndexedBase("q", positive=True)
_P, _Q = indexed_vector(_p, k), indexed_vector(_q, k)
_l = Symbol("l", integer=True)
_t = Symbol("t", real=True)
_y = Symbol("y", integer=True)

NOTATION: tuple[Entry, ...] = (
    Entry(m, None, r"the number of observations, indexed by $i$"),
    Entry(o[i], None, r"observation $i$: an input and its label"),
    Entry(k, None, r"the number of classes, indexed by $j$; a label is one of $1, \ldots, k$"),
    Entry(theta, None, "the parameters of the model, one symbol for the whole vector"),
    Entry(p_cond(Y, X, theta), None, r"the model's probability of label $y$ given input $x$"),
    Entry(q_out(j, x[i], theta), None,
          r"entry $j$ of the network's output for the $i$-th input: its probability of class $j$"),
    Entry(softmax(j), exp(z[j]) / Sum(exp(z[_l]), (_l, 1, k)),
          r"the softmax of the logits $z$, a vector of $k$ real numbers"),
    Entry(sigmoid(_t), 1 / (1 + exp(-_t)), r"the logistic sigmoid of a real number $t$"),
    Entry(OneHot(_y, k), None,
          r"the one-hot vector of label $y$: entry $j$ is 1 if $j = y$, else 0"),
    Entry(CrossEntropy(_P, _Q), -Sum(_p[j] * log(_q[j]), (j, 1, k)),
          r"the cross entropy of $q$ relative to the target distribution $p$"),
    Entry(Entropy(_P), -Sum(_p[j] * log(_p[j]), (j, 1, k)), r"the entropy of $p$"),
    Entry(KL(_P, _Q), Sum(_p[j] * log(_p[j] / _q[j]), (j, 1, k)),
          r"the Kullback-Leibler divergence of $q$ from $p$"),
    Entry(log(_t), None, r"the natural logarithm, unless a base is written; $0 \log 0 = 0$"),
)

for _entry in NOTATION:
    validate_prose(_entry.meaning, f"the notation entry for {_entry.shown}")

__all__ = ["NOTATION", "Entry"]
