"""The derivation engine: hypotheses, steps, rules, and the checker that grades every step."""
