"""What a ``.tex`` row may cite by name: the catalogue's theorems and the lemmas of the rules
and of the catalogue (``% by: theorem:gibbs_inequality(p=\\pi)``,
``% by: lemma:log_below_tangent(at=..., weight=..., over=...)``).

A theorem is the catalogue's own object, the one the loader gives ``derivations check``: the
check then checks it first and lowers the citing step to its grade, as for a Python citation.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from derivations import rules
from derivations.language.derivation import Derivation
from derivations.language.relation import Relation
from derivations.rules import Lemma


@cache
def theorems() -> dict[str, Derivation]:
    """The catalogue's derivations that prove an inequality, by name."""
    from derivations.catalogue import CATALOGUE

    return {d.name: d for d in CATALOGUE
            if d.relation in (Relation.LE, Relation.LT, Relation.GE, Relation.GT)}


def with_citations(cited: list[Derivation]) -> list[Derivation]:
    """``cited`` and every catalogue derivation they cite in turn, each once, cited first."""
    from derivations.catalogue import CATALOGUE

    known = {d.name: d for d in CATALOGUE}
    out: dict[str, Derivation] = {}

    def add(d: Derivation) -> None:
        if d.name not in out:
            for name in d.cites:
                if name in known:
                    add(known[name])
            out[d.name] = d
    for d in cited:
        add(d)
    return list(out.values())


@cache
def lemmas() -> dict[str, Lemma]:
    """Every Lemma the rules and the catalogue's modules define, by name."""
    import derivations.catalogue as package

    found = {v.name: v for v in vars(rules).values() if isinstance(v, Lemma)}
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        found.update({v.name: v for v in vars(module).values() if isinstance(v, Lemma)})
    return found
