"""``python -m integriteit``: the command line."""

from integriteit.cli import main

raise SystemExit(main())
