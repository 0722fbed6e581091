"""The match side: claims from many articles -> facts (ARCHITECTURE.md).

``rules`` is the rulebook (when two claims state the same fact), ``blocking`` finds the candidate pairs,
``cluster`` groups them, ``facts`` builds the records, ``syndication`` finds wire copies, ``normalize``
and ``things`` are the words and things the rules compare; ``pipeline.match_facts`` conducts them.
"""
