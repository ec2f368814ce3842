"""``python -m integriteit``: the command line."""

from integriteit._launch import run

run()
