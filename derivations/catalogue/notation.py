"""The symbols the catalogue shares, declared once with the assumptions the theorems state.

Data: m observations o_i = (x_i, y_i) with labels y_i in {1..k}; parameters theta; the model's
predicted class distribution q(x; theta) with entries q_j(x; theta).
"""

from __future__ import annotations

from sympy import IndexedBase, Lambda, Symbol

from derivations import (
    Definition,
    named_function,
)

#: Number of classes and number of observations.
k = Symbol("k", integer=True, positive=True)
m = Symbol("m", integer=True, positive=True)
#: The parameters, one symbol standing for the whole vector.
theta = Symbol("theta", real=True)
#: Bound indices: observations i, classes j.
i = Symbol("i", integer=True)
j = Symbol("j", integer=True)

#: Observations, inputs and labels of the data set.
o = IndexedBase("o")
x = IndexedBase("x")
y = IndexedBase("y", integer=True)
#: Formal arguments of definitions: an input and a label.
X = Symbol("x")
Y = Symbol("y")
#: One label (a single observation) and a fixed predicted distribution.
label = Symbol("y", integer=True)
q = IndexedBase("q", positive=True)

#: p(o; theta): the model's probability of a whole observation.
p_obs = named_function("p_obs", r"p_{{\mathrm{{model}}}}({0}; {1})", positive=True)
#: p(x, y; theta) = p(y | x; theta) p(x): the observation written as input and label.
p_joint = named_function("p_joint", r"p_{{\mathrm{{model}}}}({0}, {1}; {2})", positive=True)
#: p(y | x; theta): the model's conditional probability of a label.
p_cond = named_function("p_cond", r"p_{{\mathrm{{model}}}}({0} \mid {1}; {2})", positive=True)
#: p(x): the distribution of the inputs, which the model does not touch.
p_input = named_function("p_input", r"p({0})", positive=True)
#: q_j(x; theta): entry j of the network's output distribution.
q_out = named_function("q_out", r"q_{{{0}}}({1}; {2})", positive=True)
#: q(x; theta) shown as a whole vector.
q_vec = named_function("q_vec", r"q({0}; {1})")

#: An observation's probability is the label's given the input, times the input's.
factorisation = Definition(p_joint, Lambda((X, Y, theta), p_cond(Y, X, theta) * p_input(X)))
