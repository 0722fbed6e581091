"""``extract_claims``: the claims of one text, from the extractors of this package (see __init__.py)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import replace

from claimcheck.claims.citations import Credit, find_credits, resolve_anaphora
from claimcheck.claims.language import is_english, text_language
from claimcheck.claims.numbers import Quantity, find_quantities
from claimcheck.claims.quotes import Quote, find_quotes
from claimcheck.claims.sentences import Sentence, split_sentences
from claimcheck.claims.statements import is_furniture, is_links_line, is_statement, statement_words
from claimcheck.models import Claim, ClaimDetails

__all__ = ["extract_claims"]


def extract_claims(
    text: str, aliases: Mapping[str, str] | None = None, *, language: str | None = None, scores: bool = True
) -> list[Claim]:
    """Every checkable claim in ``text``, in text order; none when the text is not English.

    ``aliases`` maps each name an outlet is cited by (any case) to its outlet id; citations of those
    names resolve to the id, other credited sources keep their name as written. ``language`` is the
    article's language when the caller has decided it (``language.decide_language``, which also weighs
    the page's declaration and the outlet's setting); without it the text's own
    (``language.text_language``) decides, and a text that does not show one is read as English.
    ``scores``: sports scores and records in a result context are number claims (``claims/scores.py``);
    on by default (a game's result is a checkable fact), off to read figures alone.
    """
    if not text or not text.strip():
        return []
    if not is_english(language if language is not None else text_language(text)):
        return []
    sentences = split_sentences(text)
    starts = [s.start for s in sentences]
    credits = resolve_anaphora([find_credits(s.text, aliases) for s in sentences])
    quotes = find_quotes(text)
    quoted_sentences: set[int] = set()
    claims: list[Claim] = []
    for q in quotes:
        first, last = _sentence_index(starts, q.start), _sentence_index(starts, q.end - 1)
        quoted_sentences.update(range(first, last + 1))
        if is_links_line(sentences[first].text):
            continue  # a headline quoted in a block of related links ("More: ... 'everywhere, all the time.'")
        if q.speaker is None and first == last:
            q = _credited_speaker(q, sentences[first], credits[first])
        claims.append(_quote_claim(text, q, sentences[first], sentences[last], _cites(credits, first, last)))
    for i, sent in enumerate(sentences):
        cites = _cites(credits, i, i)
        if credits[i] and is_links_line(sent.text):
            continue  # other stories' headlines ("More: Police say ..."): none of their credits is this page's
        claims.extend(_citation_claim(sent, c) for c in credits[i])
        if is_furniture(sent.text):
            continue
        numbers = [
            _number_claim(sent, q, cites)
            for q in find_quantities(sent.text, sentences[i - 1].text if i else "", scores=scores)
            if q.value.is_finite()  # a figure of hundreds of digits is infinite as a float: no quantity
        ]
        claims.extend(numbers)
        # an ordinal ("its third title"), an age ("an 18-year-old man was arrested") or a vote's tally ("the court
        # ruled 6-3 that the law was void": the decision is the content) leaves the sentence a statement too
        counts = [n for n in numbers if not n.extra.get("ordinal") and "age_of" not in n.extra and n.unit != "vote"]
        if not counts and i not in quoted_sentences and is_statement(sent.text, furniture_checked=True):
            claims.append(_statement_claim(sent, cites))
    claims.sort(key=lambda c: (c.start, c.end))
    return claims


# The one credit of a sentence names the speaker of a quote inside it that has none (round pages17): a credit
# opening the sentence, "According to the tax office, the rules make it "far harder to hide income."", or closing
# it after the quote, 'The dam, "a feat of its time," was finished in 1936, said the water board.' Not across
# another verb of speech or naming ("According to police, the man shouted "..."": the man's words), another quote
# mark, or words after the closing credit other than a day or "in a statement".
_OPENING_ACCORDING = re.compile(r"^\W*(?:(?:but|and|yet)\s+)?according\s+to\s+(?:the\s+)?$", re.IGNORECASE)
# ... or an "as" clause of speech opening it (the credit module's): "In fact, as Ortega describes, the plan ...: "...""
_OPENING_AS = re.compile(r"^\W*(?:(?:but|and|yet|in\s+fact|indeed)\s*,?\s+)?as\s+(?:first\s+)?$", re.IGNORECASE)
_AS_CLAUSE_END = re.compile(r"[^,;:“”\"«»]{1,40}?,")
_CLOSING_CUES = frozenset(["said", "says", "reported", "reports", "added", "adds", "wrote", "writes", "stated", "announced"])
_CREDIT_TAIL = re.compile(
    r"^\s*(?:on\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|in\s+a\s+statement)?\s*[.!]?\s*$"
)
_GAP_VOICE = re.compile(
    r"\b(?:said|says|say|told|tells|asked|asks|added|adds|wrote|writes|tweeted|posted|shouted|yelled|screamed|"
    r"declared|stated|announced|insisted|warned|claimed|claims|argued|replied|responded|explained|noted|recalled|"
    r"quoted|states|saying|telling|asking|commented|joked|admitted|confirmed|promised|vowed|pledged|urged|"
    r"instructed|ordered|demanded|begged|pleaded|mentioned|call(?:s|ed)?|describ(?:es|ed)|dubb(?:s|ed)|according)\b|[“”\"«»]",
    re.IGNORECASE,
)


# Words that bring in someone else's or something's words (review22): a verb of uttering, writing or showing words
# ("According to the airline, the pilot radioed "..."", "..., the sign reads "...""), or a noun
# of words heading the quote ("the climber's last words were "..."", "the phrase "..."", "a banner reading "...""):
# the credit reports those words, it does not speak them.
_WORDS_OF_OTHERS = re.compile(
    r"\b(?:chant(?:s|ed|ing)|sang|sing(?:s|ing)?|radio(?:s|ed|ing)|mutter(?:s|ed|ing)|whisper(?:s|ed|ing)|"
    r"mumbl(?:es|ed|ing)|scrawl(?:s|ed|ing)|scribbl(?:es|ed|ing)|read|reads|reading|contain(?:s|ed|ing)|"
    r"display(?:s|ed|ing)|answer(?:s|ed|ing)|label(?:s|led|ed|ling|ing)|texted|messaged|typed|inscribed|"
    r"captioned|titled|entitled|headlined|code-?named|nicknamed|known(?:\s+[a-z]+ly)?\s+as|bear(?:s|ing)|bore|"
    r"mentions|mentioning|quotes|quoting|cites|citing)\b"
    # ... or a possessor's right before it ("According to the club, the chairman's "five-year plan ..."")
    r"|[’']s?\s*$"
    r"|\b(?:words?|message|messages|phrase|inscription|slogan|motto|sign|banner|placard|warning|note|caption|"
    r"headline|title|hashtag|chant|lyrics?|code\s+word|text|password)\s*(?:was|were)?\s*[:,]?\s*$",
    re.IGNORECASE,
)


def _credited_speaker(q: Quote, sent: Sentence, credits: list[Credit]) -> Quote:
    """``q`` with its sentence's one credit as speaker when the credit opens the sentence before it (by
    "according to") or closes it after it (by a verb of saying), with no other voice between (see above)."""
    if len(credits) != 1:
        return q
    c = credits[0]
    qs, qe = q.start - sent.start, q.end - sent.start
    if c.cue.lower() == "according to" and c.end < qs and _OPENING_ACCORDING.match(sent.text[: c.start]):
        gap = sent.text[c.end : qs - 1]
    elif c.end < qs and _OPENING_AS.match(sent.text[: c.start]) and (comma := _AS_CLAUSE_END.match(sent.text, c.end)):
        gap = sent.text[comma.end() : qs - 1]  # "As Ortega explains it, the plan has three phases: "...""
    elif c.cue.lower() in _CLOSING_CUES and c.start > qe and _CREDIT_TAIL.match(sent.text[c.end :]):
        gap = sent.text[qe + 1 : c.start]
        gap = gap[: gap.lower().rfind(c.cue.lower())] if c.cue.lower() in gap.lower() else gap
    else:
        return q
    if _GAP_VOICE.search(gap) or _WORDS_OF_OTHERS.search(gap):
        return q
    return replace(q, speaker=sent.text[c.start : c.end])


def _sentence_index(starts: list[int], pos: int) -> int:
    return max(0, bisect_right(starts, pos) - 1)


def _cites(credits: list[list[Credit]], first: int, last: int) -> str | None:
    """The credit a sentence (or run of sentences) carries: an outlet first, else a named source."""
    found = [c for i in range(first, last + 1) for c in credits[i]]
    outlet = next((c for c in found if c.outlet), None)
    chosen = outlet or (found[0] if found else None)
    return chosen.cites if chosen else None


def _details(sent_start: int, more: ClaimDetails) -> ClaimDetails:
    """A claim's details: ``sentence_start`` first, then its kind's own (the order they are stored in)."""
    return {"sentence_start": sent_start, **more}


def _number_claim(sent: Sentence, q: Quantity, cites: str | None) -> Claim:
    start, end = sent.start + q.start, sent.start + q.end
    return Claim(
        kind="number",
        text=sent.text[q.start : q.end],
        sentence=sent.text,
        start=start,
        end=end,
        value=q.value,
        unit=q.unit,
        qualifier=q.qualifier,
        when=q.when,
        cites=cites,
        extra=_details(sent.start, q.extra),
    )


def _quote_claim(text: str, q: Quote, first: Sentence, last: Sentence, cites: str | None) -> Claim:
    end_sentence = max(last.end, q.end)
    parts: ClaimDetails = {"parts": [list(p) for p in q.parts]} if len(q.parts) > 1 else {}
    return Claim(
        kind="quote",
        text=text[q.start : q.end],
        sentence=text[first.start : end_sentence],
        start=q.start,
        end=q.end,
        speaker=q.speaker,
        cites=cites,
        extra=_details(first.start, {**parts, **q.extra}),
    )


def _citation_claim(sent: Sentence, c: Credit) -> Claim:
    return Claim(
        kind="citation",
        text=sent.text[c.start : c.end],
        sentence=sent.text,
        start=sent.start + c.start,
        end=sent.start + c.end,
        cites=c.cites,
        extra=_details(sent.start, {"outlet": c.outlet, "cue": c.cue}),
    )


def _statement_claim(sent: Sentence, cites: str | None) -> Claim:
    return Claim(
        kind="statement",
        text=sent.text,
        sentence=sent.text,
        start=sent.start,
        end=sent.end,
        cites=cites,
        extra=_details(sent.start, {"norm": statement_words(sent.text)}),
    )
