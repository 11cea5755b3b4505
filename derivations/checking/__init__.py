"""Checking: grade each step, check derivations and their citations, in one or several
processes, with the verdict cache."""
