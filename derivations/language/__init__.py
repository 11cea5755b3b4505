"""What an author writes: hypotheses, notation, rules, steps, derivations, implementations,
and the results a check produces. Imports nothing above it."""
