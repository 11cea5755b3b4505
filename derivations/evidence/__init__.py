"""Numeric evidence: grades ``sized`` and ``sampled`` only; never a symbolic proof."""
