from derivations.cli import run

run()
