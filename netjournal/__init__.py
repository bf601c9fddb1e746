"""netjournal: a command-line journal for business networking."""

__version__ = "0.1.0"
