"""Reports: reads and today's scores turned into plain JSON-ready data for ``render``.

One module per report family: ``due`` (due and follow-ups), ``balance`` (balance,
ledger, the warnings before an ask), ``depth``, ``profile`` (``net show``), ``goals``
(goals, budget, expenses, money), ``review`` and ``match``; ``common`` holds what they
share. Whole-journal scores come through the one door, ``netjournal.scores``; a single
contact's explanation is computed here from its history with ``netjournal.scoring``.
Nothing here prints, builds Rich objects or imports SQLModel.
"""
