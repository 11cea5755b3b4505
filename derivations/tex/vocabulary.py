"""What the names of a document stand for: the declared symbols, families and functions.

The reader sorts tokens by this table (a declared family is a FAMILY, a declared function a
FUNC); a name nobody declared is read only where its reading cannot be wrong: a single letter,
a Greek letter or an accented one (``\\hat{y}``) is a plain symbol with no assumptions. Anything
else, a subscript on an undeclared name above all, is refused: ``x_i`` could be an entry of a
family or a symbol named ``x_i``, and the two readings give different sums.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sympy import Basic, Expr, IndexedBase, Symbol

#: Greek letters that may be read as plain symbols without a declaration.
GREEK = frozenset(rf"\{n}" for n in (
    "alpha", "beta", "gamma", "epsilon", "varepsilon", "zeta", "eta", "theta", "iota", "kappa",
    "lambda", "mu", "nu", "xi", "rho", "sigma", "tau", "upsilon", "phi", "varphi", "chi", "psi",
    "omega", "Gamma", "Lambda", "Sigma", "Phi", "Psi", "Omega", "Theta", "ell"))

#: Accents and alphabets that make a new symbol name of one letter.
ACCENTS = frozenset({r"\hat", r"\bar", r"\tilde", r"\mathbf", r"\boldsymbol", r"\bm",
                     r"\vec", r"\widehat",
                     r"\widetilde", r"\overline", r"\mathcal", r"\mathit"})


@dataclass(frozen=True)
class Family:
    """An indexed family: ``q_j`` (``style="sub"``) or ``y^{(i)}`` (``style="sup"``)."""

    base: IndexedBase
    style: str
    #: the size of the family seen as a vector (its entries 1 to size), when declared
    size: Expr | None = None
    #: how many indices an entry has (``W_{j,r}``: 2)
    rank: int = 1


@dataclass(frozen=True)
class Signature:
    """A declared function: where its arguments stand (``shape``), the separators between
    the arguments in its brackets (``(",", ";")`` for ``p(x, y; \\theta)``) and the SymPy
    function.

    The shapes: ``A`` for ``f(x, y)``; ``S`` for ``\\ell_{j}``; ``SA`` for ``q_{j}(x; \\theta)``;
    ``AS`` for ``\\operatorname{softmax}(z)_{j}``; ``US`` for ``\\pi^{(s)}_{j}``. The arguments are
    in the order they are written."""

    shape: str
    separators: tuple[str, ...]
    function: Basic
    #: for a function of one index (``\\ell_{j}``) declared with a range: the size of the vector
    #: its name stands for when written alone
    size: Expr | None = None


@dataclass(frozen=True)
class NamedVector:
    """A vector given by its entries: ``u`` with ``u_j = 1/k``, or ``\\mathbf{a}(x; \\theta)``
    with entries ``a_j(x; \\theta)``: the placeholders of its brackets (none for a plain name),
    the separators between them, the entry as a function of ``index`` and the placeholders,
    its size, and the function that prints its name."""

    placeholders: tuple[Symbol, ...]
    separators: tuple[str, ...]
    entry: Expr
    index: Symbol
    size: Expr
    shown: Basic


@dataclass
class Vocabulary:
    """The table the lexer consults: token sequences in normal form, longest first."""

    symbols: dict[tuple[str, ...], Symbol] = field(default_factory=dict)
    families: dict[tuple[str, ...], Family] = field(default_factory=dict)
    functions: dict[tuple[str, ...], list[Signature]] = field(default_factory=dict)
    #: the one-hot vector's name (``e``) and the number of classes
    onehot: dict[tuple[str, ...], Expr] = field(default_factory=dict)
    #: vectors given by their entries (``vector u = \\frac{1}{k} for j ...``)
    vectors: dict[tuple[str, ...], NamedVector] = field(default_factory=dict)
    #: the declared range of each index symbol, for ``\\sum_j``
    ranges: dict[Basic, tuple[Expr, Expr]] = field(default_factory=dict)
    #: undeclared names read as plain symbols, by their spelling
    automatic: dict[str, Symbol] = field(default_factory=dict)
    #: whether the document declares the convention 0 log 0 = 0 (``p \\log q`` is then
    #: zero where ``p`` is, as in information theory)
    xlogy: bool = False
    #: the assumptions the hypotheses give each undeclared symbol, by its SymPy name
    implied: dict[str, dict[str, bool]] = field(default_factory=dict)

    def names(self) -> list[tuple[tuple[str, ...], str]]:
        """Every declared name and its kind, longest first (so ``p_{\\mathrm{model}}`` is
        found before ``p``)."""
        found = [(k, "SYMBOL") for k in self.symbols] + [(k, "FAMILY") for k in self.families]
        found += [(k, "FUNC") for k in self.functions] + [(k, "ONEHOT") for k in self.onehot]
        found += [(k, "VECTOR") for k in self.vectors]
        # a longer name first; of two alike, the one with more tokens of its own

        return sorted(found, key=lambda kv: -len(kv[0]))

    def declared(self, key: tuple[str, ...]) -> bool:
        return any(key in table for table in (self.symbols, self.families, self.functions,
                                              self.onehot, self.vectors))

    def automatic_symbol(self, spelling: str) -> Symbol:
        """The plain symbol an undeclared letter stands for, one per spelling."""
        if spelling not in self.automatic:
            name = spelling[1:] if spelling in GREEK else spelling
            self.automatic[spelling] = Symbol(name, **self.implied.get(name, {}))
        return self.automatic[spelling]
