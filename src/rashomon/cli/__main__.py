"""`python -m rashomon.cli` runs the CLI."""

from . import main

main()
