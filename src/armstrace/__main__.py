"""`python -m armstrace` runs the command line."""

from .cli import main

main()
