"""``python -m secondchance``: the command line."""

from secondchance.cli import main

main()
