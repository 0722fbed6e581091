"""Group articles into stories: articles in, ``Story`` records out (pure: no store, no CLI).

A story is one real-world event as the outlets reported it. Each article becomes a TF-IDF vector of
its title (weighted up) and lead: words (lightly stemmed), capitalised names (as other words) and the
figures it gives. Candidate pairs come from blocking, never all pairs: every article's few most
distinctive terms are its keys, each key's articles are ordered by time, and an article is paired
with its nearest few neighbours in each of its keys (linear in the number of articles). Candidate
pairs are scored in bulk with numpy (cosine of the articles' top terms), damped by the time between
them (a group's time is its median article's; a shared precise figure such as "527 injured" is the
same fact and is not damped), then clustered by average linkage: two groups merge only when their
articles are, on average, similar to each other (exact, from the groups' summed vectors), so two events
do not chain together through one article that mentions both, and a story of a few articles takes in
only what is similar to it relative to its own cohesion, so a big story does not absorb a neighbouring
one. Two groups a little less similar than that still merge when their headlines name the same thing (a
word in most titles of each that is the two groups' own, within weeks of each other's medians or of each
other's nearest articles), or when, within days, a name (a word their articles capitalise) is in most of
the articles of each and is theirs. Then a second pass, story to story: a story of one or two articles
(a brief, an angle, a comment piece) joins the story whose summed vector is most like its own, within
weeks of its nearest linked article, so it is compared with a loose story of many angles as a whole,
not article by article; a little less like it than that, it still joins when it is clearly about that one
story (several times as like it as like any other), and, whatever the time, when it is clearly about it
before time damping and names several of its own names or figures (a follow-up a year on); the pass runs
once more over the stories it made grow. Last, a story with short texts (feed entries) is grouped again
on their own clock: what two short texts share through broad terms fades within days, so entries of other
events days apart that share a subject's words leave it. A term that one outlet alone uses (its page furniture)
weighs little. A split story is preferred to a mixed one.

Wire copies are counted as ``compare`` counts them (claimcheck.match.syndication): a story's independent
outlets are those with at least one article that is not a wire copy.

The package, one module per responsibility (imports run down this list, none back up): ``records``
(``Window``, ``StoryOptions``), ``terms`` (text to terms), ``index`` (``index_articles``), ``scoring``
(vectors, candidate pairs, cosines, damping), ``links`` (headline and name links, cohesion), ``linkage``
(average linkage), ``storypass`` (the story pass), ``grouping`` (``group``), ``labels``
(``describe_stories``), ``wire`` (wire copies), ``find`` (``find_stories``, ``list_stories``: the entry).
Every name callers use is re-exported here: ``from claimcheck.stories import list_stories``; those of the
grouping modules are imported when first used (``find`` imports them only to group or describe), so that a
listing read back from kept stories (claimcheck/cli/storycache.py) never loads numpy or rapidfuzz.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimcheck.lazy import lazy_exports
from claimcheck.stories.find import (
    _skeleton,
    complete_stories,
    find_stories,
    list_stories,
    pick,
    story_id,
    story_key_id,
    story_order,
    window_stories,
)
from claimcheck.stories.records import Articles, StoryDetails, StoryMemo, StoryOptions, Window, _positions

if TYPE_CHECKING:
    from claimcheck.stories.grouping import group
    from claimcheck.stories.index import _Index, index_articles
    from claimcheck.stories.labels import describe_stories, describe_story
    from claimcheck.stories.linkage import _median, _pair_lists
    from claimcheck.stories.links import _cohesive, _Headlines, _near_link
    from claimcheck.stories.scoring import _candidates, _damp, _scores, _specific_cap, _Vectors, _vectors
    from claimcheck.stories.terms import STOPWORDS, TOPIC_WORD_CHARS, precise_figure, term_of
    from claimcheck.stories.wire import _mark_wire_copies, mark_all_wire_copies, mark_wire_copies

# The grouping modules' names, imported when first asked for (PEP 562): a listing read back from the
# stories an earlier run kept needs none of them, nor numpy and rapidfuzz, which they import.
_LAZY = {
    "group": "grouping",
    **dict.fromkeys(("_Index", "index_articles"), "index"),
    **dict.fromkeys(("describe_stories", "describe_story"), "labels"),
    **dict.fromkeys(("_median", "_pair_lists"), "linkage"),
    **dict.fromkeys(("_cohesive", "_Headlines", "_near_link"), "links"),
    **dict.fromkeys(("_candidates", "_damp", "_scores", "_specific_cap", "_Vectors", "_vectors"), "scoring"),
    **dict.fromkeys(("STOPWORDS", "TOPIC_WORD_CHARS", "precise_figure", "term_of"), "terms"),
    **dict.fromkeys(("_mark_wire_copies", "mark_all_wire_copies", "mark_wire_copies"), "wire"),
}

__all__ = [  # the names callers import from here; the private ones for tests/ and bench/
    "STOPWORDS",
    "TOPIC_WORD_CHARS",
    "Articles",
    "StoryDetails",
    "StoryMemo",
    "StoryOptions",
    "Window",
    "_Headlines",
    "_Index",
    "_Vectors",
    "_candidates",
    "_cohesive",
    "_damp",
    "_mark_wire_copies",
    "_median",
    "_near_link",
    "_pair_lists",
    "_positions",
    "_scores",
    "_skeleton",
    "_specific_cap",
    "_vectors",
    "complete_stories",
    "describe_stories",
    "describe_story",
    "find_stories",
    "group",
    "index_articles",
    "list_stories",
    "mark_all_wire_copies",
    "mark_wire_copies",
    "pick",
    "precise_figure",
    "story_id",
    "story_key_id",
    "story_order",
    "term_of",
    "window_stories",
]

__getattr__ = lazy_exports(__name__, {name: f"{__name__}.{module}" for name, module in _LAZY.items()})
