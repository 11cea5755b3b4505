"""The trusted kernel: the only code whose verdict grades a step ``symbolic``."""
