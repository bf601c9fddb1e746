"""``python -m netjournal``: the ``net`` command.

The guard matters: worker processes started with ``spawn`` (``netjournal.scores.workers``) import
the main module again, and must not run the command a second time.
"""

from netjournal.cli import main

if __name__ == "__main__":
    main()
