"""Helper for labelling real sentences for ``tests/claims_eval.py`` (computes offsets and hashes; labels are by hand).

Selection rule for the pages added on 2026-11-29 (``rule`` "sha1-every5th" and "sha1-quote"; the first 121
sentences, of 21 pages, have the rules "legacy" (whole pages), "every5th" and "quote-hard" (a quote chosen by hand)):

- pages: the extraction-benchmark pages not yet labelled, in order of ``sha1(page id)``; the tuning set takes
  the first pages of that order that fall in it, the held-out set likewise (more held-out pages were taken, to
  reach 60 labelled numbers);
- split: a page is held out iff ``int(sha1(page id), 16) % 2 == 0`` (the first 21 pages keep the split they had);
- sentences (our splitter): indices 2, 7, 12 and 17 ("sha1-every5th"), plus the first other sentence that holds a
  double quotation mark (" or “) ("sha1-quote"), when there is one.

Pages labelled after the tuning rounds of 2026-11-29 (helper claimfresh: the last 38 pages, the tuning rounds had
never seen them) take the same selection rule with the rules "fresh-every5th" and "fresh-quote" (``FRESH``), so
``python -m tests.claims_eval`` can score them apart ("fresh": figures on pages unseen while the rules were tuned).

News articles (helper claimnews, 2026-11-29; ``NEWS``): one article of each TUNING-class event of
../shared/realdata/news-clusters (held-out events, ``tests.factlabels.is_heldout``, are never opened), the article
of the event whose ``sha1(dId)`` is lowest among those of a site not yet taken (any site when every article's is
taken), its ``text`` as the page; the same sentences (rules "news-every5th" and "news-quote"). An article is in
"news-check" iff ``int(sha1(dId), 16) % 4 == 0`` (figures only, read at most twice), else in "news-tune".
``python -m tests.claims_label news-show [news-tune|news-check]`` and ``news-add FILE`` work as ``show`` / ``add``
on tests/data/claims_news_labelled.json.

Second news articles (helper claimnews2, 2026-11-29; round "news2", ``news2_pick``): for each tuning-class event
whose articles come from more than one site, one more article, of another site than its first: the lowest
``sha1(dId)`` among sites neither round has taken yet, else the lowest among the event's other sites (35
articles). Same sentence rule (rules "news2-every5th", "news2-quote"); the same hash split, named "news2-tune" /
"news2-check" (``news2_split``) so the rows of the first round keep their sentences. ``news2-show`` /
``news2-add FILE`` work as ``news-show`` / ``news-add``. (Until this round ``add`` wrote the page's prefix in
place of "news-" in the rule of the first round's sentences; the rule is not read for news.)

Third news articles (helper claimprec2, 2026-11-30; round "news3", ``news3_pick``): for each tuning-class event
with articles from three or more sites, one more article, of a site neither earlier round took for that event: the
lowest ``sha1(dId)`` among sites no round has taken yet, else the lowest among the event's remaining sites (31
articles, 20 sites). Same sentence rule (rules "news3-every5th", "news3-quote") and hash split, named "news3-tune"
/ "news3-check" (``news3_split``; the check split is figures only). ``news3-show`` / ``news3-add FILE``.

Fourth news articles (helper claimnews4, 2026-11-30; round "news4", ``news4_pick``): for each tuning-class event
with articles from four or more sites, one more article, of a site none of the three earlier rounds took for that
event, by the same rule (``_another_pick``). Same sentence rule (rules "news4-every5th", "news4-quote") and hash
split, named "news4-tune" / "news4-check" (``news4_split``; the check split is figures only). ``news4-show`` /
``news4-add FILE``.

Fifth news articles (helper claimnews5, 2026-11-30; round "news5", ``news5_pick``): for each tuning-class event
with five or more articles, one article no earlier round labelled, of a site none of them took for that event
when the event has one (else of a site already taken for it), by the lowest ``sha1(dId)`` as before. Same
sentence rule (rules "news5-every5th", "news5-quote") and hash split, "news5-tune" / "news5-check"
(``news5_split``; the check split is figures only). ``news5-show`` / ``news5-add FILE``.

Sixth real pages (helper claimpages6, 2026-11-30; round "pages6", ``pages6_pages``): fresh sentences of the
TUNING pages of the extraction benchmark (``split_of``; held-out pages are never opened), pages in order of
``sha1(page id)`` until 140 sentences or more are picked (``PAGES6_TARGET``): of each page, the sentences at
indices 4, 9, 14 and 19 of our splitter (rule "pages6-every5th") not labelled already in
tests/data/claims_real_labelled.json, plus the first other sentence, not labelled already, that holds a double
quotation mark or an opening single one (``'`` or ``‘`` after a space, a bracket or a dash and before a letter or
digit, with a closing mark later: rule "pages6-quote"). Labels go in tests/data/claims_pages6_labelled.json;
a page is in "pages6-check" iff ``int(sha1("pages6:" + page id), 16) % 4 == 0`` (figures only, read at most
twice), else in "pages6-tune" (``pages6_split``). ``pages6-show [pages6-tune|pages6-check]`` prints the picks
(``q@`` lists where the text inside each opening mark starts, double and single) and ``pages6-add FILE`` adds
labels as ``add`` does; a single-quoted quote's label gives its ``q@`` (the first character inside the mark).

Seventh round, credits (helper cites13, 2026-11-30; round "cites7", ``cites7_picks``): fresh sentences of the
TUNING material, half chosen for attribution and half at random, to measure citations. Candidates: every sentence
(our splitter, five words or more) of the articles of tuning-class events of news-clusters (``is_heldout`` events
never opened; articles the corpus marks German left out) and of the extraction benchmark's tuning pages
(``split_of``; pages not in English left out), not labelled in any earlier round (by page and start). Each gets
the key ``sha1("cites7:" + page + ":" + start)``; at most two sentences per page. "cites7-cue": the
``CITES7_HALF`` candidates of lowest key among those with a word of attribution (``CITES7_CUE``: said, told,
according to, reported, statement, spokesperson, agency, newspaper, ...); "cites7-random": the ``CITES7_HALF``
of lowest key among all the others, cue or not. Labels go in tests/data/claims_cites7_labelled.json (item field
``corpus``: "news" or "pages"); a page is in "cites7-check" iff ``int(sha1("cites7:" + page), 16) % 4 == 0``
(figures only, read at most twice: before any rule and at the end), else in "cites7-tune" (``cites7_split``).
``cites7-show [cites7-tune|cites7-check]`` prints the picks (``q@`` as for pages6) and ``cites7-add FILE``
adds labels as ``add`` does (``PAGE-PREFIX INDEX`` as shown).

Eighth round, precision of numbers and quotes (helper claims14, 2026-11-30; round "pages8", ``pages8_picks``): fresh
sentences of the same candidates as cites7 (tuning-class news articles not marked German, English tuning pages of
the benchmark), but sentences of any length (headings, captions, bylines and counters are what a page shows),
none labelled in an earlier round, keyed by ``sha1("pages8:" + page + ":" + start)``, at most two a page:
``PAGES8_TAKE`` gives 35 of lowest key among all ("pages8-random"), then 40 among those with a digit or a number
word ("pages8-number"), then 30 among those with a quotation mark as ``_quoted`` has it ("pages8-quote"). Labels
(by hand, before the extractor ran on them) go in tests/data/claims_pages8_labelled.json with their ``corpus``; a
page is in "pages8-check" iff ``int(sha1("pages8:" + page), 16) % 4 == 0`` (figures only, read at most twice:
before any rule and at the end), else in "pages8-tune" (``pages8_split``). ``pages8-show [pages8-tune|pages8-check]``
and ``pages8-add FILE`` work as cites7's.

Ninth round, quotes and credits on unseen sentences (helper claims15, 2026-11-30; round "pages9",
``pages9_picks``): fresh sentences of the same candidates as cites7 and pages8 (tuning-class news articles not
marked German, English tuning pages of the benchmark), of any length, none labelled in an earlier round, keyed by
``sha1("pages9:" + page + ":" + start)``, at most two a page: ``PAGES9_TAKE`` gives 34 of lowest key among all
("pages9-random"), then 66 among those with a quotation mark as ``_quoted`` has it or a word of attribution
(``PAGES9_CUE``: said, told, according to, reported, cited, announced, in a statement, wrote, confirmed:
"pages9-cue"). Labels (by hand, before the extractor ran on them) go in tests/data/claims_pages9_labelled.json
with their ``corpus``; a page is in "pages9-check" iff ``int(sha1("pages9:" + page), 16) % 4 == 0`` (figures
only, read at most twice: before any rule and at the end), else in "pages9-tune" (``pages9_split``).
``pages9-show [pages9-tune|pages9-check]`` and ``pages9-add FILE`` work as cites7's.

Tenth round, numbers on unseen sentences (helper claims16, 2026-11-30; round "pages10", ``pages10_picks``): fresh
sentences of the same candidates as pages8 and pages9 (tuning-class news articles not marked German, English tuning
pages of the benchmark), of any length, none labelled in an earlier round, and only those whose text hashes even
(``int(sha1(text), 16) % 2 == 0``: helper cites16 labels the odd ones at the same time), keyed by
``sha1("pages10:" + page + ":" + start)``, at most two a page: ``PAGES10_TAKE`` gives 55 of lowest key among all
("pages10-random"), then 55 among those with a digit or a number word as pages8's (``_PAGES8_NUMBER``:
"pages10-number"). Labels (by hand, before the extractor ran on them) go in tests/data/claims_pages10_labelled.json
with their ``corpus``; a page is in "pages10-check" iff ``int(sha1("pages10:" + page), 16) % 4 == 0`` (figures
only, read at most twice: before any rule and at the end), else in "pages10-tune" (``pages10_split``).
``pages10-show [pages10-tune|pages10-check]`` and ``pages10-add FILE`` work as cites7's.
Eleventh round, quotes and credits on unseen sentences again (helper cites16, 2026-11-30; round "pages11",
``pages11_picks``): the same candidates as pages9, none labelled in an earlier round (pages9 included), and only
those whose text's ``sha1`` is odd (``text_half`` 1: a helper labelling numbers at the same time takes the even
half), keyed by ``sha1("pages11:" + page + ":" + start)``, at most two a page: ``PAGES11_TAKE`` gives 38 of lowest
key among all ("pages11-random"), then 76 among those with a quotation mark or a word of attribution
(``PAGES11_CUE``, pages9's words and says, tells, reports, writes, statement, spokesman / -woman / -person, added,
claimed, stated, quoted, testified: "pages11-cue"). Labels (by hand, before the extractor ran on them) go in
tests/data/claims_pages11_labelled.json with their ``corpus``; a page is in "pages11-check" iff
``int(sha1("pages11:" + page), 16) % 4 == 0`` (figures only, read at most twice), else in "pages11-tune"
(``pages11_split``). ``pages11-show [pages11-tune|pages11-check]`` and ``pages11-add FILE`` work as cites7's.

Twelfth round, statements on unseen sentences (helper statements18, 2026-11-30; round "pages12", ``pages12_picks``):
the same candidates as pages9 (tuning-class news articles not marked German, English tuning pages of the
benchmark) less the pages claims_eval scores as held out whatever their hash (``_eval_holdout_pages``: the first
pages kept their old split), none labelled in any claims_*_labelled.json, keyed by
``sha1("pages12:" + page + ":" + start)``, at most two a page: ``PAGES12_TAKE`` gives 62 of lowest key among all
("pages12-random"), then 62 among those with a verb of action, decision or finding in the past tense
(``PAGES12_VERB``: "pages12-verb"). Labels (by hand, all four kinds, before the extractor ran on them) go in
tests/data/claims_pages12_labelled.json with their ``corpus``; a page is in "pages12-check" iff
``int(sha1("pages12:" + page), 16) % 3 == 0`` (a third; figures only, never its misses), else in "pages12-tune"
(``pages12_split``). ``pages12-show [pages12-tune|pages12-check]`` and ``pages12-add FILE`` work as cites7's.

Thirteenth round, numbers on unseen sentences again (helper numprec19, 2026-12-01; round "pages13",
``pages13_picks``): the same candidates as pages12 (tuning-class news articles not marked German, English tuning
pages of the benchmark, less the pages claims_eval holds out), none labelled in any claims_*_labelled.json, only
those whose text hashes even (``text_half`` 0: helper cites19, labelling quotes and credits at the same time as
"pages14", takes the odd ones) and that hold a digit or a number word (pages8's ``_PAGES8_NUMBER``), keyed by
``sha1("pages13:" + page + ":" + start)``, at most two a page, the first ``PAGES13_TAKE`` (120: body sentences,
headlines, captions and list items as they come). Labels of numbers only (by hand, before the extractor ran on
them; each item carries ``"kinds": ["number"]`` so claims_eval scores no other kind there) go in
tests/data/claims_pages13_labelled.json with their ``corpus``; a page is in "pages13-check" iff
``int(sha1("pages13:" + page), 16) % 3 == 0`` (a third; figures only, never its misses), else in "pages13-tune"
(``pages13_split``). ``pages13-show [pages13-tune|pages13-check]`` and ``pages13-add FILE`` work as cites7's.

Fourteenth round, quotes and credits on unseen sentences, fourth time (helper cites19, 2026-12-01; round "pages14",
``pages14_picks``): the candidates of pages12 (tuning-class news articles not marked German, English tuning pages of
the benchmark, less the pages claims_eval scores as held out), none labelled in any claims_*_labelled.json, and only
those whose text's ``sha1`` is odd (``text_half`` 1: helper numprec19 takes the even half at the same time), holding
a quotation mark (``_quoted``) or a verb of saying or reporting or a credit cue (``PAGES14_CUE``: said, says, told,
according to, reported, cited, citing, in a statement, in an interview with, a report by, data from, via, wrote,
...), keyed by ``sha1("pages14:" + page + ":" + start)``, at most two a page, 120 of lowest key
("pages14-cue"). Labels (by hand, all four kinds, before the extractor ran on them) go in
tests/data/claims_pages14_labelled.json with their ``corpus``; a page is in "pages14-check" iff
``int(sha1("pages14:" + page), 16) % 3 == 0`` (a third; figures only, never its misses), else in "pages14-tune"
(``pages14_split``). ``pages14-show [pages14-tune|pages14-check]`` and ``pages14-add FILE`` work as cites7's.

Fifteenth round, statements on unseen sentences, second time (helper statements20, 2026-12-01; round "pages15",
``pages15_picks``): the candidates of pages12 (tuning-class news articles not marked German, English tuning pages of
the benchmark, less the pages claims_eval scores as held out), none labelled in any claims_*_labelled.json, and only
those whose text's ``sha1`` is odd (``text_half`` 1: helper numprec20 takes the even half for round pages16 at the
same time), keyed by ``sha1("pages15:" + page + ":" + start)``, at most two a page: ``PAGES15_TAKE`` gives 60 of
lowest key among all ("pages15-random"), then 60 among those with a verb of action, decision or finding in the past
tense (pages12's ``PAGES12_VERB``: "pages15-verb"). Labels of statements only (by hand, before the extractor ran on
them; each item carries ``"kinds": ["statement"]``) go in tests/data/claims_pages15_labelled.json with their
``corpus``; a page is in "pages15-check" iff ``int(sha1("pages15:" + page), 16) % 3 == 0`` (a third; figures only,
never its misses), else in "pages15-tune" (``pages15_split``). ``pages15-show [pages15-tune|pages15-check]`` and
``pages15-add FILE`` work as cites7's.

Sixteenth round, numbers on unseen sentences a third time (helper numprec20, 2026-12-01; round "pages16",
``pages16_picks``): the candidates of pages13 (tuning-class news articles not marked German, English tuning pages of
the benchmark, less the pages claims_eval holds out), none labelled in any claims_*_labelled.json, only those whose
text hashes even (``text_half`` 0: helper statements20, labelling "pages15" at the same time, takes the odd ones)
and that hold a digit or a number word (``_PAGES8_NUMBER``), keyed by ``sha1("pages16:" + page + ":" + start)``, at
most two a page, the first ``PAGES16_TAKE`` (120, as they come). Labels of numbers only (by hand, before the
extractor ran on them; items carry ``"kinds": ["number"]``) go in tests/data/claims_pages16_labelled.json with their
``corpus``; a page is in "pages16-check" iff ``int(sha1("pages16:" + page), 16) % 3 == 0`` (a third; figures only,
never its misses), else in "pages16-tune" (``pages16_split``). ``pages16-show [pages16-tune|pages16-check]`` and
``pages16-add FILE`` work as pages13's.

Seventeenth round, quotes and credits on unseen sentences, fifth time (helper cites22, 2026-12-01; round
"pages17", ``pages17_picks``): the candidates of pages14 (tuning-class news articles not marked German, English
tuning pages of the benchmark, less the pages claims_eval scores as held out), none labelled in any
claims_*_labelled.json, both text halves (no other helper labels at the same time), holding a quotation mark
(``_quoted``) or a verb of saying or reporting or a credit cue (pages14's ``PAGES14_CUE``), keyed by
``sha1("pages17:" + page + ":" + start)``, at most two a page, 120 of lowest key ("pages17-cue"). Labels (by hand,
all four kinds, before the extractor ran on them; the items carry no ``kinds``) go in
tests/data/claims_pages17_labelled.json with their ``corpus``; a page is in "pages17-check" iff
``int(sha1("pages17:" + page), 16) % 3 == 0`` (a third; figures only, never its misses), else in "pages17-tune"
(``pages17_split``). ``pages17-show [pages17-tune|pages17-check]`` and ``pages17-add FILE`` work as cites7's.

Eighteenth round, precision where the extractor speaks (helper precision23, 2026-12-01; round "pages18",
``pages18_picks``): the candidates of pages17 (tuning-class news articles not marked German, English tuning pages of
the benchmark, less the pages claims_eval scores as held out), none labelled in any claims_*_labelled.json, both
text halves, and only those where today's extractor emits at least one number, quote or citation claim starting
inside the sentence (``extract_claims`` used as a yes/no filter only: what it emits is not printed by
``pages18-show``), keyed by ``sha1("pages18:" + page + ":" + start)``, at most two a page, 140 of lowest key
("pages18-emits"). The filter is the extractor of the base the round started from: a later rule may change which
sentences pass it, so the picks are pinned by the labels file, not recomputed (``pages18-add`` checks that each
line names a picked sentence on the code it runs on). Labels (by hand, all four kinds, before the extractor's
output was looked at; the items carry no ``kinds``) go in tests/data/claims_pages18_labelled.json with their
``corpus``; a page is in "pages18-check" iff ``int(sha1("pages18:" + page), 16) % 3 == 0`` (a third; figures only,
never its misses), else in "pages18-tune" (``pages18_split``). ``pages18-show [pages18-tune|pages18-check]`` and
``pages18-add FILE`` work as cites7's.

Nineteenth round, number precision where the extractor speaks (helper numprec28, 2026-12-02; round "pages19",
``pages19_picks``): the candidates of pages18 (tuning-class news articles not marked German, English tuning pages of
the benchmark, less the pages claims_eval scores as held out), none labelled in any claims_*_labelled.json, both
text halves, keyed by ``sha1("pages19:" + page + ":" + start)``, at most two a page, in key order: first
``PAGES19_TAKE`` sentences where the extractor emits at least one number claim starting inside the sentence
("pages19-emits", for precision), then sentences holding a digit where it emits no number claim ("pages19-silent",
for recall). The extractor is a yes/no filter only (``pages19-show`` never prints its claims) and is the one of the
base the round started from, so the picks are pinned by the labels file (``pages19-add`` checks each line names a
picked sentence on the code it runs on: run it on the base only). Labels of numbers only (by hand, before the
extractor's output was looked at; items carry ``"kinds": ["number"]``) go in tests/data/claims_pages19_labelled.json
with their ``corpus``; a page is in "pages19-check" iff ``int(sha1("pages19:" + page), 16) % 3 == 0`` (a third,
chosen by key before anything was read; figures only, never its misses), else in "pages19-tune"
(``pages19_split``). ``pages19-show [pages19-tune|pages19-check]`` and ``pages19-add FILE`` work as pages16's.

Twentieth round, citations on unseen sentences (helper cites28, 2026-12-02; round "pages20", ``pages20_picks``): the
candidates of pages19 (tuning-class news articles not marked German, English tuning pages of the benchmark, less the
pages claims_eval scores as held out), none labelled in any claims_*_labelled.json, both text halves, keyed by
``sha1("pages20:" + page + ":" + start)``, at most two a page, in key order: first ``PAGES20_TAKE``'s 70 sentences
holding a word of attribution or credit (``PAGES20_CUE``: according to, reported, told, a statement, citing, a report
by, quoted by, via, sources, a news agency, ...: "pages20-cue"), then 20 of any sentence ("pages20-random").
Labels of citations only (by hand, before the extractor ran on them; items carry ``"kinds": ["citation"]``) go in
tests/data/claims_pages20_labelled.json with their ``corpus``; a page is in "pages20-check" iff
``int(sha1("pages20:" + page), 16) % 3 == 0`` (a third, chosen by key before anything was read; figures only, never
its misses), else in "pages20-tune" (``pages20_split``). ``pages20-show [pages20-tune|pages20-check]`` and
``pages20-add FILE`` work as pages16's.

Twenty-first round, quotes on unseen sentences of three kinds of page (helper quotes30, 2026-12-02; round "pages21",
``pages21_picks``): the candidates of pages20 (tuning-class news articles not marked German, English tuning pages of
the benchmark, less the pages claims_eval scores as held out) and the feed entries of the tuning events of
tests/data/stories_feeds_labelled.json (``feedfacts.is_heldout`` events never opened; corpus "feed", the entry's title
line then its summary, as tests/feedfacts.py builds it; ``pages21_corpora``). Sentences of three words or more in no
claims_*_labelled.json, by page and start or by their text's sha1 anywhere, holding a quotation mark of any style
(straight or curly double marks, guillemets, low marks, an opening single mark as ``_quoted`` has it) or a cue of
saying or credit (pages14's ``PAGES14_CUE``); pages no round labelled first, then by the key
``sha1("pages21:" + page + ":" + start)``, at most two a page, ``PAGES21_TAKE`` of each corpus in turn: 40 feed
entries' sentences ("pages21-feed"), 50 news articles' ("pages21-news"), 30 benchmark pages' ("pages21-pages").
Labels of quotes only (by hand, before the extractor ran on them; items carry ``"kinds": ["quote"]``) go in
tests/data/claims_pages21_labelled.json with their ``corpus``; a page is in "pages21-check" iff
``int(sha1("pages21:" + page), 16) % 3 == 0`` (a third, chosen by key before anything was read; figures only, never
its misses), else in "pages21-tune" (``pages21_split``). ``pages21-show [pages21-tune|pages21-check]`` and
``pages21-add FILE`` work as pages20's; a feed entry is named by its whole id (``feed/key``), its feed's prefix being
shared.

``python -m tests.claims_label show N [SPLIT]`` prints the sentences of the next N pages (of SPLIT) to
label (the text stays on the terminal, never in the repository); ``python -m tests.claims_label add FILE``
appends the hand labels of FILE to tests/data/claims_real_labelled.json. FILE has one line per sentence,
``PAGE-PREFIX INDEX: CLAIM; CLAIM; ...``, where a claim is ``n LOW HIGH UNIT...`` (number; ``None`` for an open
bound), ``q[@AT] SPEAKER...`` (quote; AT defaults to the first double quotation mark; speaker ``-`` for none),
``c CITES...`` (citation) or ``s`` (statement); an empty list means no claim.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from claimcheck.claims.sentences import Sentence, split_sentences
from tests.claims_eval import DATA, FRESH_ROUNDS, load_real_pages, sentence_sha

LABELS = DATA / "claims_real_labelled.json"
EVERY = (2, 7, 12, 17)
QUOTES = ('"', "“")
FRESH = "fresh-"  # the prefix ``add`` gives the rule of every sentence it adds from now on (see the docstring)


NEWS_LABELS = DATA / "claims_news_labelled.json"


def news_split(did: str) -> str:
    return "news-check" if page_hash(did) % 4 == 0 else "news-tune"


def news_pick() -> list[str]:
    """The news articles labelled: one per tuning-class event, spread over sites (see the docstring)."""
    from tests.factlabels import article, events_index, is_heldout

    taken: set[str] = set()
    out = []
    for event, dids in sorted(events_index().items()):
        if not event or is_heldout(event):
            continue
        ranked = sorted(dids, key=lambda d: hashlib.sha1(d.encode()).hexdigest())
        sites = {d: article(d).get("source_domain") or "" for d in ranked}
        did = next((d for d in ranked if sites[d] not in taken), ranked[0])
        taken.add(sites[did])
        out.append(did)
    return sorted(out, key=lambda d: hashlib.sha1(d.encode()).hexdigest())


def news2_pick() -> list[str]:
    """The second news articles (round "news2"): for each tuning-class event, the article of another site than
    its first one (``news_pick``), the lowest ``sha1(dId)`` among sites not yet taken by either round (any other
    site when all are taken); events whose articles all come from one site give none (see the docstring)."""
    return _another_pick(set(news_pick()))


def _another_pick(earlier: set[str]) -> list[str]:
    """One more article per tuning-class event, from a site none of its ``earlier`` picks came from: the lowest
    ``sha1(dId)`` among sites no round has taken yet (any such site when all are taken); none for an event
    whose articles all come from sites already picked for it."""
    from tests.factlabels import article, events_index, is_heldout

    site = {d: article(d).get("source_domain") or "" for e, ds in events_index().items() for d in ds}
    taken = {site[d] for d in earlier}
    out = []
    for event, dids in sorted(events_index().items()):
        if not event or is_heldout(event):
            continue
        had = {site[d] for d in dids if d in earlier}
        ranked = sorted((d for d in dids if site[d] not in had), key=lambda d: hashlib.sha1(d.encode()).hexdigest())
        if not ranked:
            continue
        did = next((d for d in ranked if site[d] not in taken), ranked[0])
        taken.add(site[did])
        out.append(did)
    return sorted(out, key=lambda d: hashlib.sha1(d.encode()).hexdigest())


def news2_split(did: str) -> str:
    return "news2-" + news_split(did).removeprefix("news-")


def news3_pick() -> list[str]:
    """The third news articles (round "news3"): for each tuning-class event, the article of a site other than
    its first two (``news_pick``, ``news2_pick``), the lowest ``sha1(dId)`` among sites no round has taken yet
    (any other site when all are taken); events whose articles come from fewer than three sites give none."""
    return _another_pick(set(news_pick()) | set(news2_pick()))


def news3_split(did: str) -> str:
    return "news3-" + news_split(did).removeprefix("news-")


def news4_pick() -> list[str]:
    """The fourth news articles (round "news4"): for each tuning-class event, the article of a site other than
    its first three (``news_pick``, ``news2_pick``, ``news3_pick``), the lowest ``sha1(dId)`` among sites no round
    has taken yet (any other site when all are taken); events whose articles come from fewer than four sites give
    none."""
    return _another_pick(set(news_pick()) | set(news2_pick()) | set(news3_pick()))


def news4_split(did: str) -> str:
    return "news4-" + news_split(did).removeprefix("news-")


def news5_pick() -> list[str]:
    """The fifth news articles (round "news5"): for each tuning-class event with five or more articles, one
    article none of the four earlier rounds labelled: of a site none of them took for that event when there is one
    (the lowest ``sha1(dId)`` among sites no round has taken yet, else among the event's untaken sites), else the
    lowest ``sha1(dId)`` among the event's unlabelled articles of sites already taken for it."""
    from tests.factlabels import article, events_index, is_heldout

    earlier = set(news_pick()) | set(news2_pick()) | set(news3_pick()) | set(news4_pick())
    site = {d: article(d).get("source_domain") or "" for e, ds in events_index().items() for d in ds}
    taken = {site[d] for d in earlier}
    out = []
    for event, dids in sorted(events_index().items()):
        if not event or is_heldout(event) or len(dids) < 5:
            continue
        had = {site[d] for d in dids if d in earlier}
        left = sorted((d for d in dids if d not in earlier), key=lambda d: hashlib.sha1(d.encode()).hexdigest())
        if not left:
            continue
        ranked = [d for d in left if site[d] not in had] or left
        did = next((d for d in ranked if site[d] not in taken), ranked[0])
        taken.add(site[did])
        out.append(did)
    return sorted(out, key=lambda d: hashlib.sha1(d.encode()).hexdigest())


def news5_split(did: str) -> str:
    return "news5-" + news_split(did).removeprefix("news-")


PAGES6_LABELS = DATA / "claims_pages6_labelled.json"
PAGES6_EVERY = (4, 9, 14, 19)
PAGES6_TARGET = 140
# an opening single quotation mark: after the start, a space, a bracket or a dash, before a letter or a digit, with
# a closing mark (not inside a word) later in the sentence
_SINGLE_OPEN = re.compile(r"(?:^|(?<=[\s(\[—–-]))[‘'](?=\w)(?=.*?\s.*?[’'](?!\w))")


def round_key(name: str, page: str, start: int) -> str:
    """A round's order of its candidate sentences: ``sha1(name + ":" + page + ":" + start)``."""
    return hashlib.sha1(f"{name}:{page}:{start}".encode()).hexdigest()


def round_split(name: str, page: str) -> str:
    """A round's split of a page: "NAME-check" when ``sha1(name + ":" + page) % 4 == 0``, else "NAME-tune"."""
    return f"{name}-check" if int(hashlib.sha1(f"{name}:{page}".encode()).hexdigest(), 16) % 4 == 0 else f"{name}-tune"


def text_half(text: str) -> int:
    """0 or 1 by the sentence text's sha1: rounds pages10 (0) and pages11 (1), labelled at the same time, took one
    half each, so their fresh sets stay disjoint."""
    return int(hashlib.sha1(text.encode()).hexdigest(), 16) % 2


pages6_split = functools.partial(round_split, "pages6")


def _quoted(text: str) -> bool:
    return any(q in text for q in QUOTES) or _SINGLE_OPEN.search(text) is not None


def _older_starts() -> dict[str, set[int]]:
    """Sentence starts labelled before this round, by page."""
    out: dict[str, set[int]] = {}
    for item in json.loads(LABELS.read_text(encoding="utf-8")):
        out.setdefault(item["page"], set()).add(item["start"])
    return out


def pages6_picks(body: str, older: set[int]) -> list[tuple[int, str]]:
    """(sentence index, rule) of the sentences round pages6 picks on one page, given the sentence starts labelled
    there before."""
    sents = split_sentences(body)
    out = [(i, "pages6-every5th") for i in PAGES6_EVERY if i < len(sents) and sents[i].start not in older]
    chosen = {i for i, _ in out}
    quote = next(
        (
            i
            for i, s in enumerate(sents)
            if i not in chosen and s.start not in older and _quoted(s.text)
        ),
        None,
    )
    if quote is not None:
        out.append((quote, "pages6-quote"))
    return sorted(out)


def pages6_pages(pages: dict[str, str]) -> list[str]:
    """The tuning pages of round pages6, in order of ``sha1(page id)``, until ``PAGES6_TARGET`` sentences."""
    older = _older_starts()
    out, n = [], 0
    for page in sorted((p for p in pages if split_of(p) == "tuning"), key=lambda p: hashlib.sha1(p.encode()).hexdigest()):
        if n >= PAGES6_TARGET:
            break
        picked = pages6_picks(pages[page], older.get(page, set()))
        if picked:
            out.append(page)
            n += len(picked)
    return out


def pages6_show(split: str | None = None) -> None:
    every = load_real_pages()
    assert every is not None
    older = _older_starts()
    for page in pages6_pages(every):
        if split not in (None, pages6_split(page)):
            continue
        body = every[page]
        sents = split_sentences(body)
        print(f"=== {page[:10]} {pages6_split(page)} ({len(sents)} sentences)")
        for i, rule in pages6_picks(body, older.get(page, set())):
            s = sents[i]
            marks = [k + 1 for k, ch in enumerate(s.text) if ch in QUOTES]
            marks += [m.start() + 1 for m in _SINGLE_OPEN.finditer(s.text)]
            print(f"{page[:10]} {i} [{rule}] q@{sorted(marks)[:4]}: {s.text}")


def pages6_add(path: Path) -> None:
    every = load_real_pages()
    assert every is not None
    older = _older_starts()
    chosen = {p: every[p] for p in pages6_pages(every)}
    add(
        path,
        chosen,
        PAGES6_LABELS,
        pages6_split,
        "",
        lambda body, page: pages6_picks(body, older.get(page, set())),
    )


CITES7_LABELS = FRESH_ROUNDS["cites7"]
CITES7_HALF = 42
CITES7_CUE = re.compile(
    r"\b(?:said|says|say|told|tells|according\s+to|reported|reports|reporting|statement|spokes(?:man|woman|person)|"
    r"agency|newspaper|broadcaster|confirmed|announced|wrote|writes|tweeted|posted|interview|quoted|cited|citing)\b",
    re.IGNORECASE,
)


cites7_key = functools.partial(round_key, "cites7")
cites7_split = functools.partial(round_split, "cites7")


def cites7_corpora() -> dict[str, tuple[str, str]]:
    """page -> (corpus, text) of the round's candidate pages: tuning news-clusters articles not marked German,
    tuning benchmark pages in English."""
    from tests.claims_eval import other_language_pages
    from tests.factlabels import article, events_index, is_heldout

    out: dict[str, tuple[str, str]] = {}
    for event, dids in sorted(events_index().items()):
        if not event or is_heldout(event):
            continue
        for did in dids:
            doc = article(did)
            if doc.get("language") not in ("en", None):
                continue
            out[did] = ("news", str(doc.get("text") or ""))
    pages = load_real_pages()
    assert pages is not None
    other = other_language_pages()
    for page, body in pages.items():
        if split_of(page) == "tuning" and page not in other:
            out[page] = ("pages", body)
    return out


def cites7_picks(corpora: dict[str, tuple[str, str]] | None = None) -> dict[str, list[tuple[int, str]]]:
    """page -> sorted (sentence index, rule) the round picks (see the docstring); sentences this round labelled
    already stay picked."""
    corpora = cites7_corpora() if corpora is None else corpora
    earlier: set[tuple[str, int]] = set()
    for path in (LABELS, NEWS_LABELS, PAGES6_LABELS):
        earlier |= {(i["page"], i["start"]) for i in json.loads(path.read_text(encoding="utf-8"))}
    cands = []
    for page, (_, body) in corpora.items():
        for i, s in enumerate(split_sentences(body)):
            if (page, s.start) in earlier or len(s.text.split()) < 5:
                continue
            cands.append((cites7_key(page, s.start), page, i, CITES7_CUE.search(s.text) is not None))
    cands.sort()
    per_page: dict[str, int] = {}
    out: dict[str, list[tuple[int, str]]] = {}

    def take(rule: str, want_cue: bool) -> None:
        n = 0
        for _key, page, i, cue in cands:
            if n >= CITES7_HALF:
                break
            if want_cue and not cue or per_page.get(page, 0) >= 2 or any(j == i for j, _ in out.get(page, [])):
                continue
            out.setdefault(page, []).append((i, rule))
            per_page[page] = per_page.get(page, 0) + 1
            n += 1

    take("cites7-cue", True)
    take("cites7-random", False)
    return {p: sorted(v) for p, v in out.items()}


def _round_show(
    picks: dict[str, list[tuple[int, str]]],
    split_of: Callable[[str], str],
    split: str | None,
    corpora: dict[str, tuple[str, str]] | None = None,
) -> None:
    """Print a round's picked sentences, page by page (split, then page id), with where their quote marks are."""
    corpora = cites7_corpora() if corpora is None else corpora
    for page, picked in sorted(picks.items(), key=lambda kv: (split_of(kv[0]), kv[0])):
        if split not in (None, split_of(page)):
            continue
        corpus, body = corpora[page]
        sents = split_sentences(body)
        short = page if "/" in page else page[:10]  # a feed entry's id: its feed's prefix is shared
        print(f"=== {short} {corpus} {split_of(page)}")
        for i, rule in picked:
            s = sents[i]
            marks = [k + 1 for k, ch in enumerate(s.text) if ch in QUOTES]
            marks += [m.start() + 1 for m in _SINGLE_OPEN.finditer(s.text)]
            print(f"{short} {i} [{rule}] q@{sorted(marks)[:4]}: {s.text}")


def _round_add(
    path: Path,
    picks: dict[str, list[tuple[int, str]]],
    labels: Path,
    split_of: Callable[[str], str],
    corpora: dict[str, tuple[str, str]] | None = None,
) -> None:
    """Add a round's hand labels from ``path`` to ``labels``, each item naming the corpus of its page."""
    corpora = cites7_corpora() if corpora is None else corpora
    chosen = {p: corpora[p][1] for p in picks}
    add(path, chosen, labels, split_of, "", lambda body, page: picks[page])
    items = json.loads(labels.read_text(encoding="utf-8"))
    for item in items:
        item.setdefault("corpus", corpora[item["page"]][0])
    labels.write_text(json.dumps(items, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def cites7_show(split: str | None = None) -> None:
    _round_show(cites7_picks(cites7_corpora()), cites7_split, split)


def cites7_add(path: Path) -> None:
    _round_add(path, cites7_picks(cites7_corpora()), CITES7_LABELS, cites7_split)


PAGES8_LABELS = FRESH_ROUNDS["pages8"]
# how many sentences each rule of round pages8 takes: at random, with a figure, with a quotation mark
PAGES8_TAKE = (("pages8-random", 35), ("pages8-number", 40), ("pages8-quote", 30))
_PAGES8_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|half|quarter)\b",
    re.IGNORECASE,
)


pages8_key = functools.partial(round_key, "pages8")
pages8_split = functools.partial(round_split, "pages8")


def _unlabelled(corpora: dict[str, tuple[str, str]], labelled: tuple[Path, ...]) -> Iterator[tuple[str, int, Sentence]]:
    """(page, sentence index, sentence) of every non-blank sentence of the corpora that no file of ``labelled``
    holds (by page and start)."""
    earlier: set[tuple[str, int]] = set()
    for path in labelled:
        earlier |= {(i["page"], i["start"]) for i in json.loads(path.read_text(encoding="utf-8"))}
    for page, (_, body) in corpora.items():
        for i, s in enumerate(split_sentences(body)):
            if (page, s.start) not in earlier and s.text.strip():
                yield page, i, s


def _take_picks(
    cands: Sequence[tuple[str, str, int, tuple[bool, ...]]], take: tuple[tuple[str, int], ...], needs: dict[str, int]
) -> dict[str, list[tuple[int, str]]]:
    """A round's picks from its candidates (key, page, sentence index, flags), in key order: each rule of ``take``
    takes its count, at most two a page; a rule named in ``needs`` only sentences whose flag at that index is set."""
    cands = sorted(cands)
    per_page: dict[str, int] = {}
    out: dict[str, list[tuple[int, str]]] = {}
    for rule, want in take:
        n = 0
        for _key, page, i, flags in cands:
            if n >= want:
                break
            if rule in needs and not flags[needs[rule]]:
                continue
            if per_page.get(page, 0) >= 2 or any(j == i for j, _ in out.get(page, [])):
                continue
            out.setdefault(page, []).append((i, rule))
            per_page[page] = per_page.get(page, 0) + 1
            n += 1
    return {p: sorted(v) for p, v in out.items()}


def pages8_picks(corpora: dict[str, tuple[str, str]] | None = None) -> dict[str, list[tuple[int, str]]]:
    """page -> sorted (sentence index, rule) round pages8 picks (see the docstring): candidates as cites7's (every
    sentence of any length, to let furniture show), not labelled in any earlier round; by the key
    ``sha1("pages8:" + page + ":" + start)``, at most two a page, first ``pages8-random`` of all, then
    ``pages8-number`` of those with a digit or a number word, then ``pages8-quote`` of those with a quotation
    mark."""
    corpora = cites7_corpora() if corpora is None else corpora
    cands = []
    for page, i, s in _unlabelled(corpora, (LABELS, NEWS_LABELS, PAGES6_LABELS, CITES7_LABELS)):
        number = _PAGES8_NUMBER.search(s.text) is not None
        cands.append((pages8_key(page, s.start), page, i, (number, _quoted(s.text))))
    return _take_picks(cands, PAGES8_TAKE, {"pages8-number": 0, "pages8-quote": 1})


def pages8_show(split: str | None = None) -> None:
    _round_show(pages8_picks(cites7_corpora()), pages8_split, split)


def pages8_add(path: Path) -> None:
    _round_add(path, pages8_picks(cites7_corpora()), PAGES8_LABELS, pages8_split)


PAGES9_LABELS = FRESH_ROUNDS["pages9"]
# how many sentences each rule of round pages9 takes: at random, then with a quotation mark or a word of attribution
PAGES9_TAKE = (("pages9-random", 34), ("pages9-cue", 66))
PAGES9_CUE = re.compile(
    r"\b(?:said|told|according\s+to|reported|cited|announced|in\s+a\s+statement|wrote|confirmed)\b", re.IGNORECASE
)


pages9_key = functools.partial(round_key, "pages9")
pages9_split = functools.partial(round_split, "pages9")


def pages9_picks(corpora: dict[str, tuple[str, str]] | None = None) -> dict[str, list[tuple[int, str]]]:
    """page -> sorted (sentence index, rule) round pages9 picks (see the docstring): candidates as pages8's, not
    labelled in any earlier round; by the key ``sha1("pages9:" + page + ":" + start)``, at most two a page, first
    ``pages9-random`` of all, then ``pages9-cue`` of those with a quotation mark or a word of attribution."""
    corpora = cites7_corpora() if corpora is None else corpora
    cands = []
    for page, i, s in _unlabelled(corpora, (LABELS, NEWS_LABELS, PAGES6_LABELS, CITES7_LABELS, PAGES8_LABELS)):
        cue = _quoted(s.text) or PAGES9_CUE.search(s.text) is not None
        cands.append((pages9_key(page, s.start), page, i, (cue,)))
    return _take_picks(cands, PAGES9_TAKE, {"pages9-cue": 0})


def pages9_show(split: str | None = None) -> None:
    _round_show(pages9_picks(cites7_corpora()), pages9_split, split)


def pages9_add(path: Path) -> None:
    _round_add(path, pages9_picks(cites7_corpora()), PAGES9_LABELS, pages9_split)


PAGES10_LABELS = FRESH_ROUNDS["pages10"]
# how many sentences each rule of round pages10 takes: at random, then with a digit or a number word
PAGES10_TAKE = (("pages10-random", 55), ("pages10-number", 55))


pages10_key = functools.partial(round_key, "pages10")
pages10_split = functools.partial(round_split, "pages10")


def pages10_picks(corpora: dict[str, tuple[str, str]] | None = None) -> dict[str, list[tuple[int, str]]]:
    """page -> sorted (sentence index, rule) round pages10 picks (see the docstring): candidates as pages8's whose
    text hashes even (``text_half`` 0), not labelled in any earlier round; by the key
    ``sha1("pages10:" + page + ":" + start)``, at most two a page, first ``pages10-random`` of all, then
    ``pages10-number`` of those with a digit or a number word."""
    corpora = cites7_corpora() if corpora is None else corpora
    cands = []
    earlier = (LABELS, NEWS_LABELS, PAGES6_LABELS, CITES7_LABELS, PAGES8_LABELS, PAGES9_LABELS)
    for page, i, s in _unlabelled(corpora, earlier):
        if text_half(s.text) != 0:
            continue
        number = _PAGES8_NUMBER.search(s.text) is not None
        cands.append((pages10_key(page, s.start), page, i, (number,)))
    return _take_picks(cands, PAGES10_TAKE, {"pages10-number": 0})


def pages10_show(split: str | None = None) -> None:
    _round_show(pages10_picks(cites7_corpora()), pages10_split, split)


def pages10_add(path: Path) -> None:
    _round_add(path, pages10_picks(cites7_corpora()), PAGES10_LABELS, pages10_split)


PAGES11_LABELS = FRESH_ROUNDS["pages11"]
# how many sentences each rule of round pages11 takes: at random, then with a quotation mark or a word of attribution
PAGES11_TAKE = (("pages11-random", 38), ("pages11-cue", 76))
PAGES11_CUE = re.compile(
    r"\b(?:said|says|told|tells|according\s+to|reported|reports|cited|announced|statement|wrote|writes|confirmed|"
    r"spokes(?:man|woman|person)|added|claimed|stated|quoted|testified)\b",
    re.IGNORECASE,
)


pages11_key = functools.partial(round_key, "pages11")
pages11_split = functools.partial(round_split, "pages11")


def pages11_picks(corpora: dict[str, tuple[str, str]] | None = None) -> dict[str, list[tuple[int, str]]]:
    """page -> sorted (sentence index, rule) round pages11 picks (see the docstring): candidates as pages9's, not
    labelled in any earlier round, whose text's sha1 is odd (``text_half`` 1); by the key
    ``sha1("pages11:" + page + ":" + start)``, at most two a page, first ``pages11-random`` of all, then
    ``pages11-cue`` of those with a quotation mark or a word of attribution (``PAGES11_CUE``)."""
    corpora = cites7_corpora() if corpora is None else corpora
    earlier = (LABELS, NEWS_LABELS, PAGES6_LABELS, CITES7_LABELS, PAGES8_LABELS, PAGES9_LABELS)
    cands = []
    for page, i, s in _unlabelled(corpora, earlier):
        if text_half(s.text) != 1:
            continue
        cue = _quoted(s.text) or PAGES11_CUE.search(s.text) is not None
        cands.append((pages11_key(page, s.start), page, i, (cue,)))
    return _take_picks(cands, PAGES11_TAKE, {"pages11-cue": 0})


def pages11_show(split: str | None = None) -> None:
    _round_show(pages11_picks(cites7_corpora()), pages11_split, split)


def pages11_add(path: Path) -> None:
    _round_add(path, pages11_picks(cites7_corpora()), PAGES11_LABELS, pages11_split)


PAGES12_LABELS = DATA / "claims_pages12_labelled.json"
# how many sentences each rule of round pages12 takes: at random, then with a verb of action or finding in the past
PAGES12_TAKE = (("pages12-random", 62), ("pages12-verb", 62))
# verbs of action, decision or finding in the past tense (general news English; reporting verbs such as "said" are
# left out: the round measures what happened, not who said so)
PAGES12_VERB = re.compile(
    r"\b(?:announced|approved|banned|charged|sentenced|elected|resigned|launched|found|ruled|signed|arrested|closed|"
    r"cut|killed|won|lost|voted|passed|rejected|accused|fired|hired|sued|filed|released|opened|raised|discovered|"
    r"showed|revealed|concluded|agreed|decided|ordered|blocked|seized|attacked|died|crashed|struck|completed|"
    r"acquired|bought|sold|named|appointed|unveiled|introduced|ended|started|began|held|met|visited|declared|"
    r"issued|imposed|lifted|suspended|dismissed|convicted|acquitted|pleaded|admitted|denied|overturned|upheld|"
    r"awarded|scored|defeated|beat|joined|left|returned|reached|destroyed|damaged|injured|rescued|evacuated|"
    r"detained|confirmed|published|posted|shared|tweeted|spent|paid|received|refused|withdrew|dropped|"
    r"increased|reduced|rose|fell|grew|created|built|produced|delivered|sent|took|gave|made|hit|shot|"
    r"called\s+for|settled|investigated|reported\s+(?:a|an|the|that)\b)\b",
    re.IGNORECASE,
)


pages12_key = functools.partial(round_key, "pages12")


def pages12_split(page: str) -> str:
    """Round pages12's split of a page: "pages12-check" when ``sha1("pages12:" + page) % 3 == 0`` (a third), else
    "pages12-tune"."""
    return "pages12-check" if int(hashlib.sha1(f"pages12:{page}".encode()).hexdigest(), 16) % 3 == 0 else "pages12-tune"


def _eval_holdout_pages() -> set[str]:
    """Benchmark pages claims_eval scores as held out (the first pages keep the split they had, whatever
    ``split_of`` says): never candidates."""
    return {i["page"] for i in json.loads(LABELS.read_text(encoding="utf-8")) if i.get("split") == "holdout"}


def pages12_picks(corpora: dict[str, tuple[str, str]] | None = None) -> dict[str, list[tuple[int, str]]]:
    """page -> sorted (sentence index, rule) round pages12 picks (see the docstring): candidates as pages9's but for
    the pages claims_eval holds out, not labelled in any earlier round (every claims_*_labelled.json); by the key
    ``sha1("pages12:" + page + ":" + start)``, at most two a page, first ``pages12-random`` of all, then
    ``pages12-verb`` of those with a verb of action or finding in the past tense (``PAGES12_VERB``)."""
    corpora = cites7_corpora() if corpora is None else corpora
    held = _eval_holdout_pages()
    corpora = {p: v for p, v in corpora.items() if p not in held}
    earlier = tuple(
        p for p in sorted(DATA.glob("claims_*_labelled.json")) if p.name not in ("claims_labelled.json", PAGES12_LABELS.name)
    )
    cands = []
    for page, i, s in _unlabelled(corpora, earlier):
        cands.append((pages12_key(page, s.start), page, i, (PAGES12_VERB.search(s.text) is not None,)))
    return _take_picks(cands, PAGES12_TAKE, {"pages12-verb": 0})


def pages12_show(split: str | None = None) -> None:
    _round_show(pages12_picks(cites7_corpora()), pages12_split, split)


def pages12_add(path: Path) -> None:
    _round_add(path, pages12_picks(cites7_corpora()), PAGES12_LABELS, pages12_split)


PAGES14_LABELS = DATA / "claims_pages14_labelled.json"
PAGES14_TAKE = (("pages14-cue", 120),)
# a verb of saying or reporting, or a cue of a credit (general news English)
PAGES14_CUE = re.compile(
    r"\b(?:said|says|say|told|tells|tell|according\s+to|reported|reports|reporting|cited|citing|cites|"
    r"announced|announces|statement|interview\s+with|a\s+report\s+by|data\s+from|via|wrote|writes|confirmed|"
    r"spokes(?:man|woman|person)|added|adds|claimed|claims|stated|states|quoted|testified|explained|explains|"
    r"noted|notes|asked|asks|insisted|argued|warned|recalled|tweeted|posted|replied|responded|admitted|denied)\b",
    re.IGNORECASE,
)


pages14_key = functools.partial(round_key, "pages14")


def pages14_split(page: str) -> str:
    """Round pages14's split of a page: "pages14-check" when ``sha1("pages14:" + page) % 3 == 0`` (a third), else
    "pages14-tune"."""
    return "pages14-check" if int(hashlib.sha1(f"pages14:{page}".encode()).hexdigest(), 16) % 3 == 0 else "pages14-tune"


def pages14_picks(corpora: dict[str, tuple[str, str]] | None = None) -> dict[str, list[tuple[int, str]]]:
    """page -> sorted (sentence index, rule) round pages14 picks (see the docstring): candidates as pages12's whose
    text's sha1 is odd (``text_half`` 1), not labelled in any earlier round, holding a quotation mark or a cue of
    saying or credit (``PAGES14_CUE``); by the key ``sha1("pages14:" + page + ":" + start)``, at most two a page."""
    corpora = cites7_corpora() if corpora is None else corpora
    held = _eval_holdout_pages()
    corpora = {p: v for p, v in corpora.items() if p not in held}
    earlier = tuple(
        p for p in sorted(DATA.glob("claims_*_labelled.json")) if p.name not in ("claims_labelled.json", PAGES14_LABELS.name)
    )
    cands = []
    for page, i, s in _unlabelled(corpora, earlier):
        if text_half(s.text) != 1:
            continue
        if _quoted(s.text) or PAGES14_CUE.search(s.text) is not None:
            cands.append((pages14_key(page, s.start), page, i, (True,)))
    return _take_picks(cands, PAGES14_TAKE, {})


def pages14_show(split: str | None = None) -> None:
    _round_show(pages14_picks(cites7_corpora()), pages14_split, split)


def pages14_add(path: Path) -> None:
    _round_add(path, pages14_picks(cites7_corpora()), PAGES14_LABELS, pages14_split)


def _third_split(name: str) -> Callable[[str], str]:
    """A round's split of a page: "NAME-check" when ``sha1("NAME:" + page) % 3 == 0`` (a third), else "NAME-tune"."""

    def split(page: str) -> str:
        return f"{name}-check" if int(hashlib.sha1(f"{name}:{page}".encode()).hexdigest(), 16) % 3 == 0 else f"{name}-tune"

    split.__doc__ = f"Round {name}'s split of a page (:func:`_third_split`)."
    return split


def _half_picks(
    name: str,
    labels: Path,
    take: tuple[tuple[str, int], ...],
    half: int,
    corpora: dict[str, tuple[str, str]] | None,
    *,
    numbers: bool = False,
    cue: tuple[str, re.Pattern[str]] | None = None,
) -> dict[str, list[tuple[int, str]]]:
    """page -> sorted (sentence index, rule) picks of a round on one half of the texts (rounds pages13, 15, 16):
    candidates as pages12's (less the pages claims_eval holds out), not labelled in any other round (every
    claims_*_labelled.json but ``labels``), whose text's sha1 has parity ``half`` (``text_half``) and, with
    ``numbers``, holds a digit or a number word; by the key ``sha1(name + ":" + page + ":" + start)``, at most two a
    page, in ``take``'s order; ``cue`` (rule, pattern): that rule takes only sentences the pattern finds."""
    corpora = cites7_corpora() if corpora is None else corpora
    held = _eval_holdout_pages()
    corpora = {p: v for p, v in corpora.items() if p not in held}
    earlier = tuple(
        p for p in sorted(DATA.glob("claims_*_labelled.json")) if p.name not in ("claims_labelled.json", labels.name)
    )
    key = functools.partial(round_key, name)
    cands = []
    for page, i, s in _unlabelled(corpora, earlier):
        if text_half(s.text) != half or (numbers and _PAGES8_NUMBER.search(s.text) is None):
            continue
        cands.append((key(page, s.start), page, i, () if cue is None else (cue[1].search(s.text) is not None,)))
    return _take_picks(cands, take, {} if cue is None else {cue[0]: 0})


def _add_of_kind(
    path: Path,
    picks: dict[str, list[tuple[int, str]]],
    labels: Path,
    split: Callable[[str], str],
    kind: str,
    corpora: dict[str, tuple[str, str]] | None = None,
) -> None:
    """``_round_add`` for a round that labels one kind only: each item carries ``"kinds": [kind]``."""
    _round_add(path, picks, labels, split, corpora)
    items = json.loads(labels.read_text(encoding="utf-8"))
    for item in items:
        item.setdefault("kinds", [kind])
    labels.write_text(json.dumps(items, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


PAGES13_LABELS = DATA / "claims_pages13_labelled.json"
# how many sentences round pages13 takes: all with a digit or a number word
PAGES13_TAKE = (("pages13-number", 120),)
pages13_key = functools.partial(round_key, "pages13")
pages13_split = _third_split("pages13")


def pages13_picks(corpora: dict[str, tuple[str, str]] | None = None) -> dict[str, list[tuple[int, str]]]:
    """Round pages13's picks (see the docstring): the even half (``text_half`` 0), each with a digit or a number word."""
    return _half_picks("pages13", PAGES13_LABELS, PAGES13_TAKE, 0, corpora, numbers=True)


def pages13_show(split: str | None = None) -> None:
    _round_show(pages13_picks(cites7_corpora()), pages13_split, split)


def pages13_add(path: Path) -> None:
    _add_of_kind(path, pages13_picks(cites7_corpora()), PAGES13_LABELS, pages13_split, "number")


PAGES15_LABELS = DATA / "claims_pages15_labelled.json"
# how many sentences each rule of round pages15 takes: at random, then with a verb of action or finding in the past
PAGES15_TAKE = (("pages15-random", 60), ("pages15-verb", 60))
pages15_key = functools.partial(round_key, "pages15")
pages15_split = _third_split("pages15")


def pages15_picks(corpora: dict[str, tuple[str, str]] | None = None) -> dict[str, list[tuple[int, str]]]:
    """Round pages15's picks (see the docstring): the odd half (``text_half`` 1: round pages16, numbers, took the even
    half at the same time), first ``pages15-random`` of all, then ``pages15-verb`` of those with a verb of action or
    finding in the past tense (pages12's ``PAGES12_VERB``)."""
    return _half_picks("pages15", PAGES15_LABELS, PAGES15_TAKE, 1, corpora, cue=("pages15-verb", PAGES12_VERB))


def pages15_show(split: str | None = None) -> None:
    _round_show(pages15_picks(cites7_corpora()), pages15_split, split)


def pages15_add(path: Path) -> None:
    _add_of_kind(path, pages15_picks(cites7_corpora()), PAGES15_LABELS, pages15_split, "statement")


PAGES16_LABELS = DATA / "claims_pages16_labelled.json"
# how many sentences round pages16 takes: all with a digit or a number word
PAGES16_TAKE = (("pages16-number", 120),)
pages16_key = functools.partial(round_key, "pages16")
pages16_split = _third_split("pages16")


def pages16_picks(corpora: dict[str, tuple[str, str]] | None = None) -> dict[str, list[tuple[int, str]]]:
    """Round pages16's picks (see the docstring): as pages13's, the even half, each with a digit or a number word."""
    return _half_picks("pages16", PAGES16_LABELS, PAGES16_TAKE, 0, corpora, numbers=True)


def pages16_show(split: str | None = None) -> None:
    _round_show(pages16_picks(cites7_corpora()), pages16_split, split)


def pages16_add(path: Path) -> None:
    _add_of_kind(path, pages16_picks(cites7_corpora()), PAGES16_LABELS, pages16_split, "number")


PAGES17_LABELS = DATA / "claims_pages17_labelled.json"
# how many sentences round pages17 takes: all with a quotation mark or a cue of saying or credit (pages14's)
PAGES17_TAKE = (("pages17-cue", 120),)
pages17_key = functools.partial(round_key, "pages17")
pages17_split = _third_split("pages17")


def pages17_picks(corpora: dict[str, tuple[str, str]] | None = None) -> dict[str, list[tuple[int, str]]]:
    """Round pages17's picks (see the docstring): candidates as pages14's (less the pages claims_eval holds out),
    not labelled in any other round, holding a quotation mark (``_quoted``) or a cue of saying or credit
    (``PAGES14_CUE``), both text halves (no other round labels at the same time); by the key
    ``sha1("pages17:" + page + ":" + start)``, at most two a page."""
    corpora = cites7_corpora() if corpora is None else corpora
    held = _eval_holdout_pages()
    corpora = {p: v for p, v in corpora.items() if p not in held}
    earlier = tuple(
        p for p in sorted(DATA.glob("claims_*_labelled.json")) if p.name not in ("claims_labelled.json", PAGES17_LABELS.name)
    )
    cands = []
    for page, i, s in _unlabelled(corpora, earlier):
        if _quoted(s.text) or PAGES14_CUE.search(s.text) is not None:
            cands.append((pages17_key(page, s.start), page, i, (True,)))
    return _take_picks(cands, PAGES17_TAKE, {})


def pages17_show(split: str | None = None) -> None:
    _round_show(pages17_picks(cites7_corpora()), pages17_split, split)


def pages17_add(path: Path) -> None:
    _round_add(path, pages17_picks(cites7_corpora()), PAGES17_LABELS, pages17_split)


PAGES18_LABELS = DATA / "claims_pages18_labelled.json"
# how many sentences round pages18 takes: all where the extractor emits a number, quote or citation claim
PAGES18_TAKE = 140
PAGES18_KINDS = frozenset({"number", "quote", "citation"})
pages18_key = functools.partial(round_key, "pages18")
pages18_split = _third_split("pages18")


def pages18_picks(corpora: dict[str, tuple[str, str]] | None = None) -> dict[str, list[tuple[int, str]]]:
    """Round pages18's picks (see the docstring): candidates as pages17's (less the pages claims_eval holds out), not
    labelled in any other round, both text halves, where ``extract_claims`` emits a number, quote or citation claim
    starting inside the sentence; by the key ``sha1("pages18:" + page + ":" + start)``, at most two a page, the
    first ``PAGES18_TAKE``. Pages are extracted lazily, in key order, until enough sentences pass."""
    from claimcheck.claims import extract_claims
    from tests.claims_eval import ALIASES

    corpora = cites7_corpora() if corpora is None else corpora
    held = _eval_holdout_pages()
    corpora = {p: v for p, v in corpora.items() if p not in held}
    earlier = tuple(
        p for p in sorted(DATA.glob("claims_*_labelled.json")) if p.name not in ("claims_labelled.json", PAGES18_LABELS.name)
    )
    cands = sorted((pages18_key(page, s.start), page, i, s.start, s.end) for page, i, s in _unlabelled(corpora, earlier))
    starts: dict[str, list[int]] = {}
    out: dict[str, list[tuple[int, str]]] = {}
    n = 0
    for _key, page, i, start, end in cands:
        if n >= PAGES18_TAKE:
            break
        if len(out.get(page, [])) >= 2:
            continue
        if page not in starts:
            starts[page] = [c.start for c in extract_claims(corpora[page][1], ALIASES) if c.kind in PAGES18_KINDS]
        if not any(start <= at < end for at in starts[page]):
            continue
        out.setdefault(page, []).append((i, "pages18-emits"))
        n += 1
    return {p: sorted(v) for p, v in out.items()}


def pages18_show(split: str | None = None) -> None:
    _round_show(pages18_picks(cites7_corpora()), pages18_split, split)


def pages18_add(path: Path) -> None:
    _round_add(path, pages18_picks(cites7_corpora()), PAGES18_LABELS, pages18_split)


PAGES19_LABELS = DATA / "claims_pages19_labelled.json"
# how many sentences round pages19 takes: where the extractor emits a number claim, then with a digit where it emits
# none
PAGES19_TAKE = (("pages19-emits", 90), ("pages19-silent", 30))
pages19_key = functools.partial(round_key, "pages19")
pages19_split = _third_split("pages19")
_DIGIT = re.compile(r"\d")


def pages19_picks(corpora: dict[str, tuple[str, str]] | None = None) -> dict[str, list[tuple[int, str]]]:
    """Round pages19's picks (see the docstring): candidates as pages18's (less the pages claims_eval holds out), not
    labelled in any other round, both text halves; by the key ``sha1("pages19:" + page + ":" + start)``, at most two a
    page: first those where ``extract_claims`` emits a number claim starting inside the sentence, then those with a
    digit where it emits none. Pages are extracted lazily, in key order."""
    from claimcheck.claims import extract_claims
    from tests.claims_eval import ALIASES

    corpora = cites7_corpora() if corpora is None else corpora
    held = _eval_holdout_pages()
    corpora = {p: v for p, v in corpora.items() if p not in held}
    earlier = tuple(
        p for p in sorted(DATA.glob("claims_*_labelled.json")) if p.name not in ("claims_labelled.json", PAGES19_LABELS.name)
    )
    cands = sorted(
        (pages19_key(page, s.start), page, i, s.start, s.end, _DIGIT.search(s.text) is not None)
        for page, i, s in _unlabelled(corpora, earlier)
    )
    starts: dict[str, list[int]] = {}
    out: dict[str, list[tuple[int, str]]] = {}
    for rule, want in PAGES19_TAKE:
        n = 0
        for _key, page, i, start, end, digit in cands:
            if n >= want:
                break
            if len(out.get(page, [])) >= 2 or any(j == i for j, _ in out.get(page, [])):
                continue
            if rule == "pages19-silent" and not digit:
                continue
            if page not in starts:
                starts[page] = [c.start for c in extract_claims(corpora[page][1], ALIASES) if c.kind == "number"]
            emits = any(start <= at < end for at in starts[page])
            if emits != (rule == "pages19-emits"):
                continue
            out.setdefault(page, []).append((i, rule))
            n += 1
    return {p: sorted(v) for p, v in out.items()}


def pages19_show(split: str | None = None) -> None:
    _round_show(pages19_picks(cites7_corpora()), pages19_split, split)


def pages19_add(path: Path) -> None:
    _add_of_kind(path, pages19_picks(cites7_corpora()), PAGES19_LABELS, pages19_split, "number")


PAGES20_LABELS = DATA / "claims_pages20_labelled.json"
# how many sentences round pages20 takes: with a word of attribution or credit, then any
PAGES20_TAKE = (("pages20-cue", 70), ("pages20-random", 20))
# a word of attribution or credit (general news English): who reported, told, was cited or quoted
PAGES20_CUE = re.compile(
    r"\b(?:according\s+to|reported|reports|reporting|reporter|told|tells|statement|citing|cited|cites|"
    r"a\s+report\s+(?:by|from|in)|quoted|via|sources?|news\s+agency|newspaper|broadcaster|outlet|"
    r"data\s+from|study\s+by|survey\s+by|published\s+by|wrote|said\s+in|confirmed\s+to|interview)\b",
    re.IGNORECASE,
)
pages20_key = functools.partial(round_key, "pages20")
pages20_split = _third_split("pages20")


def pages20_picks(corpora: dict[str, tuple[str, str]] | None = None) -> dict[str, list[tuple[int, str]]]:
    """Round pages20's picks (see the docstring): candidates as pages19's (less the pages claims_eval holds out), not
    labelled in any other round, both text halves; by the key ``sha1("pages20:" + page + ":" + start)``, at most two a
    page: first those with a word of attribution or credit (``PAGES20_CUE``), then any."""
    corpora = cites7_corpora() if corpora is None else corpora
    held = _eval_holdout_pages()
    corpora = {p: v for p, v in corpora.items() if p not in held}
    earlier = tuple(
        p for p in sorted(DATA.glob("claims_*_labelled.json")) if p.name not in ("claims_labelled.json", PAGES20_LABELS.name)
    )
    cands = [
        (pages20_key(page, s.start), page, i, (PAGES20_CUE.search(s.text) is not None,))
        for page, i, s in _unlabelled(corpora, earlier)
    ]
    return _take_picks(cands, PAGES20_TAKE, {"pages20-cue": 0})


def pages20_show(split: str | None = None) -> None:
    _round_show(pages20_picks(cites7_corpora()), pages20_split, split)


def pages20_add(path: Path) -> None:
    _add_of_kind(path, pages20_picks(cites7_corpora()), PAGES20_LABELS, pages20_split, "citation")


PAGES21_LABELS = DATA / "claims_pages21_labelled.json"
# how many sentences round pages21 takes of each corpus (feed entries, news-clusters articles, benchmark pages)
PAGES21_TAKE = (("feed", 40), ("news", 50), ("pages", 30))
# a quotation mark of any style: straight or curly double marks, guillemets, low marks, and an opening single mark
_PAGES21_MARKS = ('"', "\u201c", "\u201d", "\u201e", "\u00ab", "\u00bb")
pages21_key = functools.partial(round_key, "pages21")
pages21_split = _third_split("pages21")


def pages21_corpora() -> dict[str, tuple[str, str]]:
    """page -> (corpus, text) of round pages21's candidates: pages17's (tuning news articles not marked German, English
    tuning benchmark pages, less the pages claims_eval holds out) and the feed entries of the tuning events of
    tests/data/stories_feeds_labelled.json (``feedfacts.is_heldout`` events never opened), corpus "feed", the entry's
    title line then its summary as tests/feedfacts.py builds it."""
    from tests import feedfacts

    held = _eval_holdout_pages()
    out = {p: v for p, v in cites7_corpora().items() if p not in held}
    for eid, entry in feedfacts.entries().items():
        if not feedfacts.is_heldout(entry.event):
            out[eid] = ("feed", entry.text)
    return out


def _pages21_cue(text: str) -> bool:
    return any(q in text for q in _PAGES21_MARKS) or _quoted(text) or PAGES14_CUE.search(text) is not None


def pages21_picks(corpora: dict[str, tuple[str, str]] | None = None) -> dict[str, list[tuple[int, str]]]:
    """Round pages21's picks (see the docstring): of each corpus, ``PAGES21_TAKE`` sentences of three words or more
    holding a quotation mark of any style or a cue of saying (``PAGES14_CUE``), none labelled in any other round (by
    page and start, or by the text's sha1 anywhere), pages no round labelled first, then by the key
    ``sha1("pages21:" + page + ":" + start)``, at most two a page."""
    corpora = pages21_corpora() if corpora is None else corpora
    earlier = tuple(
        p for p in sorted(DATA.glob("claims_*_labelled.json")) if p.name not in ("claims_labelled.json", PAGES21_LABELS.name)
    )
    used, shas = set(), set()
    for path in earlier:
        for item in json.loads(path.read_text(encoding="utf-8")):
            used.add(item["page"])
            shas.add(item["sha1"])
    cands = []
    for page, i, s in _unlabelled(corpora, earlier):
        if len(s.text.split()) < 3 or sentence_sha(s.text) in shas or not _pages21_cue(s.text):
            continue
        cands.append((page in used, pages21_key(page, s.start), page, i))
    cands.sort()
    out: dict[str, list[tuple[int, str]]] = {}
    for corpus, want in PAGES21_TAKE:
        n = 0
        for _used, _key, page, i in cands:
            if n >= want:
                break
            if corpora[page][0] != corpus or len(out.get(page, [])) >= 2:
                continue
            out.setdefault(page, []).append((i, f"pages21-{corpus}"))
            n += 1
    return {p: sorted(v) for p, v in out.items()}


def pages21_show(split: str | None = None) -> None:
    corpora = pages21_corpora()
    _round_show(pages21_picks(corpora), pages21_split, split, corpora)


def pages21_add(path: Path) -> None:
    corpora = pages21_corpora()
    _add_of_kind(path, pages21_picks(corpora), PAGES21_LABELS, pages21_split, "quote", corpora)


def page_hash(page: str) -> int:
    return int(hashlib.sha1(page.encode()).hexdigest(), 16)


def split_of(page: str) -> str:
    return "holdout" if page_hash(page) % 2 == 0 else "tuning"


def picks(body: str) -> list[tuple[int, str]]:
    """(sentence index, rule) of the sentences the rule picks on one page."""
    sents = split_sentences(body)
    out = [(i, "sha1-every5th") for i in EVERY if i < len(sents)]
    chosen = {i for i, _ in out}
    quote = next(
        (i for i, s in enumerate(sents) if i not in chosen and any(q in s.text for q in QUOTES)), None
    )
    if quote is not None:
        out.append((quote, "sha1-quote"))
    return sorted(out)


def todo(pages: dict[str, str], items: list[dict]) -> list[str]:
    done = {i["page"] for i in items}
    return sorted((p for p in pages if p not in done), key=lambda p: hashlib.sha1(p.encode()).hexdigest())


def show(n: int, split: str | None = None) -> None:
    pages = load_real_pages()
    assert pages is not None
    items = json.loads(LABELS.read_text(encoding="utf-8"))
    _print(pages, [p for p in todo(pages, items) if split in (None, split_of(p))][:n], split_of)


def _print(pages: dict[str, str], chosen: list[str], split: Callable[[str], str]) -> None:
    for page in chosen:
        body = pages[page]
        sents = split_sentences(body)
        print(f"=== {page[:10]} {split(page)} ({len(sents)} sentences)")
        for i, rule in picks(body):
            s = sents[i]
            marks = [k for k, ch in enumerate(s.text) if ch in QUOTES]
            print(f"{page[:10]} {i} [{rule}] q@{marks[:3]}: {s.text}")


def news_pages(pick: Callable[[], list[str]] = news_pick) -> dict[str, str]:
    from tests.factlabels import article

    return {did: str(article(did).get("text") or "") for did in pick()}


def news_show(
    split: str | None = None,
    second: bool = False,
    pick: Callable[[], list[str]] | None = None,
    how: Callable[[str], str] | None = None,
) -> None:
    pages = news_pages(pick or (news2_pick if second else news_pick))
    how = how or (news2_split if second else news_split)
    items = json.loads(NEWS_LABELS.read_text(encoding="utf-8")) if NEWS_LABELS.exists() else []
    done = {i["page"] for i in items}
    _print(pages, [p for p in pages if p not in done and split in (None, how(p))], how)


def _num(word: str) -> float | None:
    return None if word == "None" else float(word)


def parse_claim(spec: str, text: str) -> dict:
    kind, _, rest = spec.strip().partition(" ")
    rest = rest.strip()
    if kind == "n":
        low, high, *unit = rest.split()
        claim: dict = {"kind": "number", "low": _num(low), "high": _num(high)}
        for key in ("low", "high"):
            if claim[key] is not None and claim[key].is_integer():
                claim[key] = int(claim[key])
        if unit:
            claim["unit"] = " ".join(unit)
        return claim
    if kind.startswith("q"):
        at = int(kind[2:]) if kind.startswith("q@") else min(text.find(q) for q in QUOTES if q in text)
        claim = {"kind": "quote", "at": at + 1 if text[at] in QUOTES else at}
        if rest and rest != "-":
            claim["speaker"] = rest
        return claim
    if kind == "c":
        return {"kind": "citation", "cites": rest}
    if kind == "s":
        return {"kind": "statement"}
    raise ValueError(f"bad claim {spec!r}")


def add(
    path: Path,
    pages: dict[str, str] | None = None,
    labels: Path = LABELS,
    split: Callable[[str], str] = split_of,
    prefix: str = FRESH,
    pick: Callable[[str, str], list[tuple[int, str]]] | None = None,
) -> None:
    pages = load_real_pages() if pages is None else pages
    assert pages is not None
    items = json.loads(labels.read_text(encoding="utf-8")) if labels.exists() else []
    done = {(i["page"], i["start"]) for i in items}
    by_prefix = {p[:10]: p for p in pages} | {p: p for p in pages if "/" in p}  # feed entries by their whole id
    added = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        head, _, specs = line.partition(":")
        short, index = head.split()
        page = by_prefix[short]
        body = pages[page]
        sents = split_sentences(body)
        rule = dict(pick(body, page) if pick else picks(body)).get(int(index))
        if rule is None:
            raise ValueError(f"{short} {index} is not picked by the rule")
        s = sents[int(index)]
        if (page, s.start) in done:
            continue
        claims = [parse_claim(c, s.text) for c in specs.split(";") if c.strip()]
        items.append(
            {
                "page": page,
                "start": s.start,
                "end": s.end,
                "sha1": sentence_sha(body[s.start : s.end]),
                "split": split(page),
                "rule": rule if pick else prefix + rule.removeprefix("sha1-"),
                "claims": claims,
            }
        )
        done.add((page, s.start))
        added += 1
    labels.write_text(json.dumps(items, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"added {added} sentences; {len(items)} in all")


if __name__ == "__main__":
    if sys.argv[1:2] == ["show"]:
        show(int(sys.argv[2]), sys.argv[3] if len(sys.argv) > 3 else None)
    elif sys.argv[1:2] == ["add"]:
        add(Path(sys.argv[2]))
    elif sys.argv[1:2] == ["news-show"]:
        news_show(sys.argv[2] if len(sys.argv) > 2 else None)
    elif sys.argv[1:2] == ["news-add"]:
        add(Path(sys.argv[2]), news_pages(), NEWS_LABELS, news_split, "news-")
    elif sys.argv[1:2] == ["news2-show"]:
        news_show(sys.argv[2] if len(sys.argv) > 2 else None, second=True)
    elif sys.argv[1:2] == ["news2-add"]:
        add(Path(sys.argv[2]), news_pages(news2_pick), NEWS_LABELS, news2_split, "news2-")
    elif sys.argv[1:2] == ["news3-show"]:
        news_show(sys.argv[2] if len(sys.argv) > 2 else None, pick=news3_pick, how=news3_split)
    elif sys.argv[1:2] == ["news3-add"]:
        add(Path(sys.argv[2]), news_pages(news3_pick), NEWS_LABELS, news3_split, "news3-")
    elif sys.argv[1:2] == ["news4-show"]:
        news_show(sys.argv[2] if len(sys.argv) > 2 else None, pick=news4_pick, how=news4_split)
    elif sys.argv[1:2] == ["news4-add"]:
        add(Path(sys.argv[2]), news_pages(news4_pick), NEWS_LABELS, news4_split, "news4-")
    elif sys.argv[1:2] == ["news5-show"]:
        news_show(sys.argv[2] if len(sys.argv) > 2 else None, pick=news5_pick, how=news5_split)
    elif sys.argv[1:2] == ["news5-add"]:
        add(Path(sys.argv[2]), news_pages(news5_pick), NEWS_LABELS, news5_split, "news5-")
    elif sys.argv[1:2] == ["pages6-show"]:
        pages6_show(sys.argv[2] if len(sys.argv) > 2 else None)
    elif sys.argv[1:2] == ["pages6-add"]:
        pages6_add(Path(sys.argv[2]))
    elif sys.argv[1:2] == ["cites7-show"]:
        cites7_show(sys.argv[2] if len(sys.argv) > 2 else None)
    elif sys.argv[1:2] == ["cites7-add"]:
        cites7_add(Path(sys.argv[2]))
    elif sys.argv[1:2] == ["pages8-show"]:
        pages8_show(sys.argv[2] if len(sys.argv) > 2 else None)
    elif sys.argv[1:2] == ["pages8-add"]:
        pages8_add(Path(sys.argv[2]))
    elif sys.argv[1:2] == ["pages9-show"]:
        pages9_show(sys.argv[2] if len(sys.argv) > 2 else None)
    elif sys.argv[1:2] == ["pages9-add"]:
        pages9_add(Path(sys.argv[2]))
    elif sys.argv[1:2] == ["pages10-show"]:
        pages10_show(sys.argv[2] if len(sys.argv) > 2 else None)
    elif sys.argv[1:2] == ["pages10-add"]:
        pages10_add(Path(sys.argv[2]))
    elif sys.argv[1:2] == ["pages11-show"]:
        pages11_show(sys.argv[2] if len(sys.argv) > 2 else None)
    elif sys.argv[1:2] == ["pages11-add"]:
        pages11_add(Path(sys.argv[2]))
    elif sys.argv[1:2] == ["pages12-show"]:
        pages12_show(sys.argv[2] if len(sys.argv) > 2 else None)
    elif sys.argv[1:2] == ["pages12-add"]:
        pages12_add(Path(sys.argv[2]))
    elif sys.argv[1:2] == ["pages14-show"]:
        pages14_show(sys.argv[2] if len(sys.argv) > 2 else None)
    elif sys.argv[1:2] == ["pages14-add"]:
        pages14_add(Path(sys.argv[2]))
    elif sys.argv[1:2] == ["pages13-show"]:
        pages13_show(sys.argv[2] if len(sys.argv) > 2 else None)
    elif sys.argv[1:2] == ["pages13-add"]:
        pages13_add(Path(sys.argv[2]))
    elif sys.argv[1:2] == ["pages15-show"]:
        pages15_show(sys.argv[2] if len(sys.argv) > 2 else None)
    elif sys.argv[1:2] == ["pages15-add"]:
        pages15_add(Path(sys.argv[2]))
    elif sys.argv[1:2] == ["pages16-show"]:
        pages16_show(sys.argv[2] if len(sys.argv) > 2 else None)
    elif sys.argv[1:2] == ["pages16-add"]:
        pages16_add(Path(sys.argv[2]))
    elif sys.argv[1:2] == ["pages17-show"]:
        pages17_show(sys.argv[2] if len(sys.argv) > 2 else None)
    elif sys.argv[1:2] == ["pages17-add"]:
        pages17_add(Path(sys.argv[2]))
    elif sys.argv[1:2] == ["pages18-show"]:
        pages18_show(sys.argv[2] if len(sys.argv) > 2 else None)
    elif sys.argv[1:2] == ["pages18-add"]:
        pages18_add(Path(sys.argv[2]))
    elif sys.argv[1:2] == ["pages19-show"]:
        pages19_show(sys.argv[2] if len(sys.argv) > 2 else None)
    elif sys.argv[1:2] == ["pages19-add"]:
        pages19_add(Path(sys.argv[2]))
    elif sys.argv[1:2] == ["pages20-show"]:
        pages20_show(sys.argv[2] if len(sys.argv) > 2 else None)
    elif sys.argv[1:2] == ["pages20-add"]:
        pages20_add(Path(sys.argv[2]))
    elif sys.argv[1:2] == ["pages21-show"]:
        pages21_show(sys.argv[2] if len(sys.argv) > 2 else None)
    elif sys.argv[1:2] == ["pages21-add"]:
        pages21_add(Path(sys.argv[2]))
    else:
        sys.exit(
            "usage: python -m tests.claims_label show N [tuning|holdout] | add FILE | "
            "news-show [news-tune|news-check] | news-add FILE | news2-show [news2-tune|news2-check] | news2-add FILE | "
            "news3-show [news3-tune|news3-check] | news3-add FILE | news4-show [news4-tune|news4-check] | news4-add FILE | "
            "news5-show [news5-tune|news5-check] | news5-add FILE | "
            "pages6-show [pages6-tune|pages6-check] | pages6-add FILE | "
            "cites7-show [cites7-tune|cites7-check] | cites7-add FILE | "
            "pages8-show [pages8-tune|pages8-check] | pages8-add FILE | "
            "pages9-show [pages9-tune|pages9-check] | pages9-add FILE | "
            "pages10-show [pages10-tune|pages10-check] | pages10-add FILE | "
            "pages11-show [pages11-tune|pages11-check] | pages11-add FILE | "
            "pages12-show [pages12-tune|pages12-check] | pages12-add FILE | "
            "pages14-show [pages14-tune|pages14-check] | pages14-add FILE | "
            "pages13-show [pages13-tune|pages13-check] | pages13-add FILE | "
            "pages15-show [pages15-tune|pages15-check] | pages15-add FILE | "
            "pages16-show [pages16-tune|pages16-check] | pages16-add FILE | "
            "pages17-show [pages17-tune|pages17-check] | pages17-add FILE | "
            "pages18-show [pages18-tune|pages18-check] | pages18-add FILE | "
            "pages19-show [pages19-tune|pages19-check] | pages19-add FILE | "
            "pages20-show [pages20-tune|pages20-check] | pages20-add FILE | "
            "pages21-show [pages21-tune|pages21-check] | pages21-add FILE"
        )
