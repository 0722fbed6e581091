"""Checkable statements: a sentence where named actors do or are something checkable.

Opinions, questions, calls to action and page furniture are not statements.
"""

from __future__ import annotations

import re

from claimcheck.claims.lexicon import MONTHS, WEEKDAYS
from claimcheck.claims.sentences import is_credit
from claimcheck.text import claim_content_words

FURNITURE = re.compile(
    r"^(?:sign\s+up|subscribe|read\s+(?:more|next|the\s+full)|click|tap|follow\s+us|share\s+(?:this|on)|"
    r"advertisement|related|recommended|watch\b|listen\b|download\b|get\s+the|join\b|contact\s+us|copyright|©|"
    r"all\s+rights\s+reserved|image\s+(?:copyright|caption)|photo(?:graph)?:|(?:photo\s+|picture\s+|image\s+)?credits?\s*:|getty\s+images|"
    r"updated|published|posted|this\s+(?:article|story)\s+(?:was|has|is|first|originally|appeared|appears)|"
    # a print edition's note: "A version of this article appeared in print on ..." (review18)
    r"an?\s+(?:earlier\s+|shorter\s+|longer\s+)?version\s+of\s+this\s+(?:article|story)\s+(?:first\s+|originally\s+)?appear|"
    r"we\s+use\s+cookies|cookie|"
    r"support\s+(?:our|independent)|newsletter|more\s+from|see\s+also|editor'?s\s+note|"
    r"reporting\s+by|editing\s+by|writing\s+by|additional\s+reporting|\d+\s*(?:of|/)\s*\d+\s*$|"
    r"\d+\s+of\s+\d+\s+(?:last|next|previous|prev)\b)",
    re.IGNORECASE,
)
_FURNITURE_ANYWHERE = re.compile(
    r"\b(?:sign\s+up\s+for|subscribe\s+to\s+our|newsletter|click\s+here|all\s+rights\s+reserved|"
    r"terms\s+of\s+(?:use|service)|privacy\s+policy|min(?:ute)?\s+read|hide\s+caption|"
    # a site's copyright notice ("content published on this site belongs to ...") and a viewing guide's links
    # ("How to watch X for free", "live stream and TV channel"): the guide's heading in its capitals (a sentence
    # of news may tell "how to watch" a debate: "viewers were left unsure how to watch ...")
    r"(?:published|appearing|posted)\s+(?:in|on)\s+this\s+(?:site|website|web\s+site)|(?-i:How\s+to\s+watch)|"
    r"live\s+stream\s+and\s+TV)\b",
    re.IGNORECASE,
)
# A wire photo's caption (rows22): "FILE - In this March 3, 2019, file photo, the mayor speaks ...", "In this photo
# released by the navy, a ship ...", "This undated image provided by the museum shows ...": it tells what a picture
# shows, on the page beside the story, not what the story reports ("In this town, 40 homes burned" is news).
# A caption that opens "This ..." with no "FILE -" or "In" names the picture's handout or says what it shows ("This
# undated image provided by ... shows"); "This picture, painted in 1840, sold for £12m", "This image, the party
# fears, will cost it 20 seats" or "This photograph taken by a fan went viral" are news about the picture (review23).
_PHOTO = r"(?:photo(?:graph)?|image|picture|frame\s+grab|video\s+(?:image|still))\b"
_PHOTO_CAPTION = re.compile(
    rf"^(?:(?:file\s*[-\u2013\u2014:]\s*(?:in\s+)?|in\s+)this\s+(?:[\w.,'\u2019-]+\s+){{0,5}}?(?:file\s+)?{_PHOTO}"
    r"(?:\s*,|\s+(?:provided|released|taken|made\s+available|obtained|shows?|from|by)\b)"
    rf"|this\s+(?:[\w.,'\u2019-]+\s+){{0,5}}?(?:file\s+)?{_PHOTO}"
    r"\s+(?:(?:provided|released|made\s+available|obtained|distributed|issued)\b|(?:taken|from|by)\b[^.;:]*?\bshows\b|shows\b)"
    # ... or with no "this": one picture, where and when it was taken or who gave it out, and what it shows ("Picture
    # taken on March 3 shows ...", "A handout photo released by the navy shows ..."; audit28); pictures in the
    # plural and footage are evidence a story reports ("Satellite images taken on Monday show ...")
    rf"|(?:an?\s+|the\s+)?(?:(?:handout|file|undated|aerial)\s+)*{_PHOTO}\s+(?:taken|released|provided|obtained|"
    r"distributed|issued|made\s+available)\b[^.;:]*?\bshows\b)",
    re.IGNORECASE,
)
# Furniture that carries digits (looked for only in sentences with one): gallery pagers ("Photo 3 of 12",
# "Image 2/8"), registration and licence lines of site footers.
_PAGER = re.compile(r"\d\s*(?:of|/)\s*\d")
_FURNITURE_NUMBERED = re.compile(
    r"\b(?:(?:caption|photos?|images?|pictures?|slides?|slideshow|videos?|gallery|page)\s+\d+\s*(?:of|/)\s*\d+|"
    # a gallery or video player's counter and buttons: "3 of 41 Skip in Skip", "1 of 26 Full Screen Autoplay"
    r"\d+\s*(?:of|/)\s*\d+\s+(?:skip|next|previous|prev|hide|close|share|embed|replay|autoplay|full\s+screen|"
    r"view\s+(?:photos|gallery|all)|back\s+to\s+gallery)\b|"
    r"registration\s+(?:number|no)|licen[cs]e\s+(?:number|no)|licen[cs]e\s+for\s+publishing)\b|"
    # a slideshow's counter opening its caption (numprec20): "1 / 22 Stadium lights at dusk" (spaced slash only:
    # "1/2 cup", "24/7" stay; the capital in its case, whatever the pattern's flags: "2 / 3 of voters" is a share
    # (review21))
    r"^\d{1,3}\s+/\s+\d{1,3}\s+(?=(?-i:[A-Z]))",
    re.IGNORECASE,
)
# Cards of recipe and shop pages, whose figures are no news claims: "Prep time: 15 minutes", "Serves 4",
# "Yield: 12 cookies", "Calories 250, Fat 12g", "Sale price $24.99", "Free shipping on orders over $50" (each
# at the start of its line; "Yield on the bond rose to 4%" is news; a deal's "Save $31 if..." is the story).
_CARD = re.compile(
    r"(?:(?:prep(?:aration)?|cook(?:ing)?|total|active|bake|baking|chill(?:ing)?)\s+time\s*:?\s*\d|"
    r"(?:serves|servings|makes|yield|portions)\s*:?\s*\d|nutrition(?:al)?\s+(?:facts|information)|"
    r"calories\s*:?\s*\d[\d,]*\s*(?:kcal)?\s*(?:[,|;]|$)|"
    r"(?:sale|regular|list|original|our|retail)\s+price\s*:?\s*(?:[$€£¥]|(?:US|USD|EUR|GBP)\s*)?\d|"
    r"price\s*:\s*(?:[$€£¥]|(?:US|USD|EUR|GBP)\s*)?\d|free\s+(?:shipping|delivery|returns)\b|"
    r"add\s+to\s+(?:cart|basket|bag)\b|(?:in|out\s+of)\s+stock\s*(?:$|[|(:,.!]|\d)|sku\b)",
    re.IGNORECASE,
)
# A price labelled with a shop's or a maker's abbreviation and a colon, anywhere in a product box: "RRP: £49.99",
# "MSRP: $1,299" ("the phone's RRP of £399 is high" states a figure: no colon, no card)
_PRICE_LABEL = re.compile(r"\b(?:RRP|MSRP|SRP)\s*:\s*(?:[$€£¥]|(?:US|USD|EUR|GBP)\s*)?\d")
# Review stars: "Rated 4.5 out of 5 stars (212 reviews)", "4.7 out of 5 stars" ("4 out of 5 dentists" and
# "4 out of 10 Americans" are claims).
_RATING = re.compile(
    r"^rated\s+\d(?:\.\d)?\s+out\s+of\b|\b\d(?:\.\d)?\s+out\s+of\s+(?:5|five)\s+stars\b|\(\d[\d,]*\s+(?:reviews|ratings)\)",
    re.IGNORECASE,
)
# Counters of a byline or a share bar, in a short line or one of "|"-separated parts: "14 comments", "2.1K shares".
_COUNTER = re.compile(r"\b(?<![\d,.])\d[\d,.]*[KkM]?\s+(?:comments?|shares?|views?|likes?|replies|retweets?|reactions?)\b", re.IGNORECASE)
_OPINION_WORDS = frozenset(
    [
        "should", "ought", "must", "perhaps", "maybe", "probably", "hopefully", "surely", "clearly",
        "obviously", "arguably", "might", "seems", "seem", "wonderful", "terrible", "shameful", "disgrace",
        "outrageous", "brilliant", "i", "we", "you", "my", "our", "your", "let's",
    ]
)
_OPINION_PHRASES = re.compile(
    r"\b(?:need\s+to|needs\s+to|in\s+my\s+view|in\s+our\s+view|let\s+us|would\s+be|could\s+be|may\s+well|"
    r"appears?\s+to|"
    # what would or should have been: a verdict on the past, not a record of it ("would've been a mistake")
    r"(?:would|could|should|might)(?:\s+have|[’']ve)\s+been)\b",
    re.IGNORECASE,
)
_IMPERATIVE = re.compile(
    r"^(?:please\s+)?(?:don'?t|do|let|see|read|click|go|try|imagine|consider|remember|note|make|take|keep|"
    r"get|find|check|look|call|visit|follow|share|join|watch|listen|sign|subscribe|tell|send|buy|vote|"
    # a how-to's or a money guide's steps ("Invest your bonus in a pension", "Compare the rates of three banks")
    r"invest|spend|choose|avoid|install|enter|pick|grab|compare|ask|learn|explore|enjoy)\b",
    re.IGNORECASE,
)
_EVENT_WORDS = frozenset(
    [
        "accused", "accuses", "acquired", "acquires", "acquitted", "agreed", "agrees", "announced",
        "announces", "appointed", "appoints", "approved", "approves", "arrested", "arrived", "arrives",
        "attacked", "banned", "bans", "began", "begins", "blocked", "blocks", "bombed", "bought", "buys",
        "captured", "charged", "climbed", "closed", "closes", "collapsed", "confirmed", "confirms",
        "convicted", "crossed", "cut", "cuts", "damaged", "declared", "declares", "decreased", "denied",
        "denies", "deported", "destroyed", "detained", "died", "dies", "dropped", "elected", "ended",
        "ends", "evacuated", "expelled", "fell", "filed", "files", "fined", "fired", "free", "freed",
        "frees", "grew", "handed", "held", "hired", "hit", "holds", "hosted", "hosts", "impose", "imposed",
        "imposes", "increased", "injured", "introduced", "introduces", "invaded", "jailed", "killed",
        "kills", "laid", "launched", "launches", "leaves", "left", "lift", "lifted", "lifts", "loses",
        "lost", "meets", "merged", "met", "named", "names", "nominated", "nominates", "opened", "opens",
        "ordered", "orders", "paid", "pardoned", "passed", "passes", "pays", "pleaded", "plunged",
        "posted", "published", "publishes", "raised", "raises", "reached", "reaches", "recalled",
        "recalls", "recorded", "rejected", "rejects", "release", "released", "releasing", "reported",
        "reports", "resigned", "resigns", "returned", "returns", "rose", "ruled", "rules", "seized",
        "seizes", "sells", "sentenced", "shot", "signed", "signs", "soared", "sold", "started", "starts",
        "struck", "sued", "sues", "suspended", "suspends", "testified", "transferred", "unveiled",
        "unveils", "vetoed", "visit", "visited", "visits", "voted", "votes", "wins", "withdraws",
        "withdrew", "won", "wounded",
        # broadened from the real-text tuning set (claimed, welcomed, flown ...) and common news verbs
        "claimed", "claims", "welcomed", "welcomes", "flown", "flew", "canvassed", "intensified", "extend",
        "extended", "extends", "seeking", "seeks", "sought", "revealed", "reveals", "ruled", "handed",
        "condemned", "condemns", "criticised", "criticized", "demanded", "demands", "defended", "defeated",
        "delayed", "deployed", "disclosed", "dismissed", "dropped", "drops", "employed", "endorsed",
        "escaped", "executed", "exported", "imported", "indicted", "investigated", "investigating",
        "kidnapped", "landed", "led", "marched", "moved", "negotiated", "overturned", "postponed",
        "prevented", "promoted", "protested", "raided", "ratified", "rescued", "resumed", "reversed",
        "sacked", "sanctioned", "scrapped", "settled", "shut", "sold", "stabbed", "summoned", "surrendered",
        "suspended", "threatened", "toppled", "traveled", "travelled", "tweeted", "unsealed", "warned",
        "testifies", "confessed", "admitted", "pleads", "diagnosed", "hospitalized", "hospitalised",
        "conceded", "concedes", "certified", "certifies",
    ]
)
_STATE = re.compile(
    r"\b(?:is|are|was|were|has\s+been|have\s+been|remains?|remained|became|becomes)\s+(?:an?|the|not\s+an?)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:of|for|in|at|to|with)\b|\b(?:is|are|was|were)\s+(?:born|based|located|married|"
    r"held|detained|imprisoned|jailed|banned|elected|appointed|headquartered)\b",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"[a-z']+")
_NOT_ACTORS = frozenset(["the", "a", "an", "it", "this", "that", "he", "she", "they", "in", "on", "at", "but"])
_OPENER_WORDS = frozenset(
    [
        "Meanwhile", "However", "Separately", "Today", "Yesterday", "Tomorrow", "Earlier", "Later", "Now",
        "Then", "Still", "Also", "Yet", "So", "And", "Or", "Despite", "Although", "Though", "While",
        "When", "After", "Before", "Since", "As", "If", "Because", "Some", "Many", "Most", "Several",
        "Both", "Each", "Every", "All", "Other", "Others", "There", "Here", "These", "Those", "Its",
        "His", "Her", "Their", "Our", "We", "You", "I", "One", "Temperatures", "People", "Prices",
        "Sales", "Shares", "Stocks", "Markets", "Traders", "Investors",
    ]
)
_ORG = re.compile(
    r"\bthe\s+(?:[a-z]+\s+)?(?:commission|ministry|government|police|court|parliament|army|military|"
    r"council|committee|agency|board|senate|congress|prosecutors?|authorities|regime|department|"
    r"administration|jury|judge|legislature|cabinet)\b"
)
_NOT_ACTOR_CAPS = frozenset([*MONTHS, *WEEKDAYS, "I", "TV", "AM", "PM", "OK"])
_ACTOR = re.compile(r"(?<!^)(?<![.!?]\s)\b[A-Z][\w’'-]+|\b[A-Z]{2,}\b")


def _only_counters(s: str) -> bool:
    """Nothing but counters ("14 comments", "2.1K shares · 300 likes"): "He sold 10,000 shares." is news."""
    return not re.sub(r"[\W\d_]+", " ", _COUNTER.sub(" ", s)).split()


# A subheading set off by dashes on both sides, as wire copy prints them: "- Minister's brother named -",
# "— 'We will not resign' —" (a line of a list opens with a dash but does not close with one).
_DASHED_HEADING = re.compile(r"\s*(?:-{1,3}|[–—])\s+\S(?:.{0,100}\S)?\s+(?:-{1,3}|[–—])\s*")


# A video player's or a reading list's words in capitals opening the line they sit on ("CLOSE Nora B. says ...",
# "JUST WATCHED North Korea may test ...", "MOST READ IN NEWS ..."): the page's widgets, not its story.
_WIDGET = re.compile(r"(?:CLOSE|JUST WATCHED|MUST WATCH|MOST READ|MORE VIDEOS|UP NEXT)\s+\S")
# A related story's link ("Bank bans card purchases of bitcoin Read more", "[The message that led to the leak]":
# a headline alone in square brackets, with no final stop) and a writer's contact line, ending with an address
# ("... released in 2013. jo.lee@example.com"; "3,000 emails sent from ceo@bank.example to staff" is news). An
# editor's note in brackets is the story's own text ("[Correction: ... the toll is 14.]", "[Update: ...]").
_LINK_LINE = re.compile(
    r"(?:\bRead more|\bREAD MORE)\s*$"
    r"|^\[(?!\s*(?:correction|clarification|update|updated|editor|note)\b)[^\[\]]*[^\[\].!?\s]\s*\]$",
    re.I,
)
# A related-links block: its label ("More:", "READ MORE:", "Related:", "See also:", "Watch:", "Video:", "MOST READ IN
# NEWS", "Most popular", "Top stories", "You may also like", "Don't miss") opens the line, and what follows are
# other stories' headlines, none of them this page's claims (no number, no quote, no statement of it).
_LINKS_LABEL = re.compile(
    r"(?i:more|read\s+more|related(?:\s+(?:stories|articles|coverage|content|links))?|see\s+also|also\s+(?:read|see)|"
    r"read\s+also|(?:watch|listen)(?:\s+(?:more|next|now))?|videos?|podcast|most\s+(?:read|popular|viewed|shared|watched)|top\s+stories|"
    r"trending(?:\s+now)?|you\s+(?:may|might)\s+also\s+like|don['’]t\s+miss)\s*:"
    # without a colon only in capitals, as such blocks print it ("MOST READ IN NEWS ..."; "Most of the 30 ..." is news)
    r"|(?:MOST\s+(?:READ|POPULAR|VIEWED|SHARED|WATCHED)|TOP\s+STORIES|TRENDING(?:\s+NOW)?|YOU\s+(?:MAY|MIGHT)\s+ALSO\s+LIKE|"
    r"DON['’]T\s+MISS|MORE\s+(?:STORIES|ON\s+THIS\s+STORY))\b"
    # a block's label with no colon before its first headline in capitals ("Related stories OH NO ..."): "related"
    # and a plural of the page's kinds of item, then a capital ("Related stories show ..." is no label)
    r"|(?i:related\s+(?:stories|articles|links|videos|content|coverage))\s+(?=[A-Z‘'“\"])"
)


def is_links_line(sentence: str) -> bool:
    """A line of related links (``_LINKS_LABEL`` at its start): other stories' headlines."""
    return _LINKS_LABEL.match(sentence.lstrip(" \t\"'“”‘’*•·-–—|")) is not None


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]*[a-z]{2}")


# What sets a writer's address apart from the line before it: a sentence's end, a colon, a dash or a bar; or
# the line asks the reader to write ("Email the desk at tips@example.org", "Contact Jo Lee: jo@example.org").
_CONTACT_BEFORE = frozenset(".!?:;\"”’')|–—-")
_CONTACT_ASK = re.compile(r"(?:e-?mail|contact|reach|write\s+to|send|tips?|follow)\b", re.I)


def _contact_line(s: str) -> bool:
    """Ends with an e-mail address set apart from the sentence before it, or asked to be written to ("... released
    in 2013. jo.lee@example.com"; "Police said the threats were sent to mayor@city.example." is news). Its last
    word only: a search of the whole line backtracks on long runs."""
    if "@" not in s[-200:]:
        return False
    head, last = ["", *s.rsplit(None, 1)][-2:]
    if _EMAIL.fullmatch(last.rstrip(".")) is None:
        return False
    return len(head.split()) <= 3 or head.rstrip()[-1:] in _CONTACT_BEFORE or _CONTACT_ASK.match(head) is not None


def _told(s: str) -> bool:
    """Whether a line tells something: a verb of news or of saying ("The console (RRP: £449) sold 2 million units,
    the maker said" is a sentence with a price in it, not a product box)."""
    return any(w in _EVENT_WORDS or w in ("said", "says") for w in re.findall(r"[a-z]+", s.lower()))


def is_furniture(sentence: str) -> bool:
    """Page furniture: newsletters, share buttons, credits lines, photo credits, dashed subheadings, cookie
    notices; recipe cards, shop prices, review stars and comment counts."""
    s = sentence.strip(" \t\"'“”‘’*•·-–—|")
    if FURNITURE.match(s) or _FURNITURE_ANYWHERE.search(s) or len(s.split()) < 3 or _LINKS_LABEL.match(s):
        return True
    if ("hoto" in s or "mage" in s or "icture" in s or "grab" in s or "still" in s) and _PHOTO_CAPTION.match(s):
        return True
    if is_credit(sentence) or _WIDGET.match(s) or _LINK_LINE.search(sentence.strip()) or _contact_line(s) or (len(sentence.split()) <= 14 and _DASHED_HEADING.fullmatch(sentence)):
        return True
    if _CARD.match(s) or _RATING.search(s) or ("RP" in s and _PRICE_LABEL.search(s) and not _told(s)) or (_COUNTER.search(s) and ("|" in s or _only_counters(s))):
        return True
    # substring tests first: a pager needs " of " or "/", a footer line its word
    cheap = ((" of " in s or "/" in s) and _PAGER.search(s)) or "egistration" in s or "icen" in s
    return bool(cheap and _FURNITURE_NUMBERED.search(s))


_WH_HEADING = re.compile(r"(?:How|Why|What|Where|When|Who|Which)\s")
# A presentative that introduces a list, a quote or a guide: "Here are a couple of examples:", "Here's the short
# version of ...", "Below is the full statement".
_PRESENTATIVE = re.compile(r"(?:Here(?:['’]s|\s+(?:is|are|was|were|comes))|Below\s+(?:is|are))\b")
# The word before a sentence's closing colon that leaves what is told to the next sentence: an object pronoun, "the
# following", or a verb of saying with no object of its own.
_POINTS_ON = re.compile(
    r"\b(?:it|this|these|those|them|the\s+following|as\s+follows|said|says|wrote|writes|added|adds|explained)\s*:$",
    re.IGNORECASE,
)
_STOP_END = re.compile(r"[.!…:;\"”’')\]]\s*$")
# A subject that points back to things named before ("The first came in her opening match in 2014", "The latter was
# sold in May"): an ordinal or "former"/"latter" with no noun of its own, right before its verb. Which thing it is
# lies in another sentence, so alone it cannot be checked; "The first flight left at noon" names its thing.
_POINTS_BACK = re.compile(
    r"The\s+(?:first|second|third|fourth|fifth|last|latter|former)\s+(?:one\s+)?"
    r"(?:was|were|is|are|had|has|came|comes|occurred|happened|took|followed|involved|began|ended|arrived|died|won|lost|went)\b"
)


def is_statement(sentence: str, *, furniture_checked: bool = False) -> bool:
    """True when ``sentence`` asserts a checkable event or state with a named actor.

    ``furniture_checked``: the caller has already found it is not page furniture (a check that is
    about a tenth of the cost of claim extraction, not worth making twice)."""
    s = sentence.strip()
    if s.endswith("?") or (not furniture_checked and is_furniture(s)) or not 5 <= len(s.split()) <= 80:
        return False
    if ("@" in s or "twitter" in s) and _TWEET_EMBED.search(s):
        return False  # an embedded post: its text and its signature line ("... pic.twitter.com/x — Name (@name) May 3")
    if _WH_HEADING.match(s) and "," not in s and not _STOP_END.search(s):
        return False  # a heading that asks, without its question mark: "How the port ended up in the red"
    if _PRESENTATIVE.match(s) or (s.endswith(":") and _POINTS_ON.search(s)):
        # it points at what follows ("Here are some examples of ...:", "A few hours passed, and then she saw it:",
        # "The mayor wrote:"), asserting nothing itself (rows22); a colon after a told act stays ("The club
        # announced the signing on Twitter:")
        return False
    if _POINTS_BACK.match(s):
        return False  # its subject points back to an earlier sentence (rows23)
    words = set(_TOKEN.findall(s.lower()))
    if _IMPERATIVE.match(s) or words & _OPINION_WORDS or _OPINION_PHRASES.search(s):
        return False
    if (words & _EVENT_WORDS or _STATE.search(s)) and _has_actor(s):
        return True
    return bool(words & _ACT_CUES) and acts_in_past(s) and not _FIGURATIVE.search(s)


# Verbs of a checkable act told in the simple past (general news English, by kind: decisions and votes, moves and
# journeys, charges and courts, findings, deals and money, attacks and accidents, sport). What the subject before
# one did is a statement when the subject is who or what the story is about ("Researchers at the institute
# discovered ...", "The officers left without ...", "He boarded the plane ..."): ``acts_in_past``. Naming, seeming
# and asking verbs are none of them ("called it a disaster", "appeared to", "declined to comment").
def _wordset(text: str) -> frozenset[str]:
    """The words of a lexicon written as running text."""
    return frozenset(text.split())


PAST_ACTS = _wordset(
    """
    accepted accused acknowledged acquired acquitted adopted agreed aired alleged announced apologised apologized appealed appeared
    appointed approved arrested arrived assaulted attacked attended authorised authorized awarded banned battled
    beat began blamed blocked boarded borrowed bought broke built burned campaigned cancelled canceled captured
    caught caused celebrated challenged charged chose collapsed collected collided completed conceded concluded
    condemned conducted confirmed confiscated contacted convicted crashed created criticised criticized crossed
    declared decided defeated defended delayed demanded demonstrated denied deployed destroyed detained
    detected died disappeared discovered dismissed donated elected endorsed entered escaped evacuated executed
    expelled exploded filed fined fired fled flew forced founded freed gave granted greeted handed hanged hired hosted
    identified imposed indicted injured installed interviewed introduced invaded invested investigated issued
    jailed joined killed kidnapped landed launched left lifted lodged married missed negotiated nominated obtained
    opened ordered overturned paid pardoned passed performed pleaded pledged posted praised presented prevented
    promised promoted proposed protested published purchased quit raided ranked received recorded recovered
    recruited refused registered rejected released relocated removed renamed replaced rescued resigned restored
    resumed retired returned revealed reversed ruled sacked sanctioned scored searched secured seized sentenced
    settled shared showed signed sold spent split spotted stole struck submitted sued suffered summoned
    surrendered survived suspended swapped swerved tackled tested testified threatened toured traded transferred
    travelled traveled tweeted uncovered underwent unveiled upheld visited voted vowed waived warned welcomed
    withdrew won
    """
)
# round pages15 (statements20): more acts of the same kinds, each a checkable event in the simple past whatever its
# object: the past forms of ``_EVENT_WORDS`` that the lexicon above lacked (its "met" and "lost" left out: "met to
# discuss", "lost their minds"; "reported" and "named" too, a report and a naming; "cut", "hit" and "shot", nouns
# as often: "the rate cut", "the hit song", "the opening shot"), and verbs of events, moves,
# ownership and sport that recur in the tuning rounds' misses (races restarted, players sent away, accidents that
# happened, a firm that owned a building, a single that drew a side level, an agency that assured the public), and
# deeds of the body and of violence, of travel and of broadcasting ("swung a bat at", "slammed into the barrier",
# "hunted and ate a rabbit", "talked with the patient", "a report described how ..."); not "played" ("said the band
# played rock"), "laughed" nor "wrote" (a columnist's view)
# (statements25: "located", a search's finding: "Divers located the wreck")
MORE_PAST_ACTS = _wordset(
    """
    admitted bombed certified claimed climbed closed confessed damaged decreased deported diagnosed disclosed
    dropped employed ended exported extended fell flown grew held hospitalised hospitalized imported increased
    intensified laid led marched merged moved plunged postponed raised ratified reached rose scrapped shut
    soared sought stabbed started toppled unsealed vetoed wounded
    sent restarted reopened happened occurred erupted stayed swept owned drew assured shrugged outed earned endured
    carried derailed capsized sank drowned hijacked robbed evicted extradited impeached annexed rallied
    slammed swung threw hunted ate talked drove walked ran fought pushed pulled grabbed dragged kicked punched chased
    jumped dived rushed dabbled brushed described deflected hammered flaunted tied purged isolated slid smashed
    shattered burst spread broadcast streamed filmed located
    """
)
PAST_ACTS = PAST_ACTS | MORE_PAST_ACTS
# review21: the deeds of the body, of motion and of the senses in that list are as often a story's colour as its
# events ("she ate breakfast before the hearing", "he walked out to applause", "tears streamed down her face", "the
# chef threw a handful of herbs into the pan", "critics described the album as a return to form"): one of them is
# an act only in a sentence anchored by a name or a figure (``_anchored``: "Hamilton slammed into the wall", "the
# 29-year-old rider walked to the podium", "the gunman dragged two hostages"), or with the word
# after it that tells the act ("carried out a test", "a report described how ...", "walked out of the talks")
_COLOUR_ACTS = _wordset(
    """
    slammed swung threw hunted ate talked drove walked ran fought pushed pulled grabbed dragged kicked punched chased
    jumped dived rushed dabbled brushed slid smashed shattered burst spread streamed filmed stayed swept shrugged
    carried drew earned endured described hammered flaunted tied deflected
    """
)
# the pasts of the event words that a story's scenery and its people's gestures use as often ("the sun rose over
# the hills", "she reached for the salt", "he raised an eyebrow", "the film ended with a wedding", "he closed his
# eyes", "the path led down to a cove", "the family sent a postcard", "her mother owned a bakery"): unanchored, no
# act when their subject is a pronoun of a person or a noun of scenery, of a work or of a family (``_SCENERY``);
# "The government raised taxes", "The union ended the strike", "Shares fell after the warning" stay acts
_GESTURE_ACTS = _wordset("rose fell grew reached raised moved ended started closed dropped laid led held sent rallied owned")
_SCENERY = _wordset(
    """
    he she they we sun moon night day dawn dusk sky path road track lane river stream film novel book story show
    speech plot song album episode scene chapter family mother father mum dad grandmother grandfather children kids
    son daughter wife husband sister brother boy girl baby crowd audience waiter chef
    """
)
_COLOUR_TOLD = {
    "carried": re.compile(r"\s+out\b"),
    "described": re.compile(r"\s+how\b"),
    "walked": re.compile(r"\s+(?:out\s+of|off\s+the\s+job)\b"),
    # a match drawn or a side drawn level ("drew 1-1 with", "drew the visitors level")
    "drew": re.compile(r"\s+(?:(?:[\w'’]+\s+){0,3}level\b|\d|with\b|against\b)"),
}
# a figure in words anchors as one in digits ("dragged two hostages", "spread its losses over five years")
_NUMBER_WORD = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundreds?|"
    r"thousands?|dozens?|millions?|billions?)\b",
    re.I,
)
# what "drew" draws when it is no draw of a match nor a deal: a source, a comparison, a crowd's noise ("the show drew
# heavily on her childhood", "drew comparisons with", "drew gasps from the crowd"; "drew 1-1 with", "drew level")
_DREW_NOT_ACT = re.compile(
    r"\s+(?:on|upon|heavily|inspiration|comparisons?|parallels|gasps|laughs|laughter|applause|cheers|boos|tears|"
    r"attention|a\s+blank|the\s+eye)\b"
)
# plural nouns of a crowd or a trade, and the weather's and the senses' nouns, that open a sentence in their capital
# without being a name ("Diners ate ...", "Commuters rushed ...", "Critics described ...", "Tears streamed ...",
# "Sunlight streamed ..."; not "fire", "floodwater" nor "smoke" alone: "Fire swept through the tower block")
_GROUP_OPENERS = _wordset(
    """
    diners locals guests visitors viewers commuters critics readers shoppers tourists fans residents onlookers
    passers-by spectators audiences crowds children kids parents families villagers neighbours neighbors friends
    cooks chefs walkers hikers runners passengers customers students pupils teachers workers reviewers listeners worshippers mourners revellers revelers partygoers holidaymakers
    rain snow sleet drizzle mist fog light sunlight moonlight daylight tears silence darkness laughter music
    memories shadows waves clouds
    """
)


# the heads of subjects that a story's events are told of, for whom such a deed is news by itself ("The suspect
# swung a metal bar at the guard", "The leader's car slammed into the tyre wall", "The network streamed the final"):
# roles of crime, force and conflict, vehicles, sport, medicine, firms and broadcasters, inquiries
_NEWS_ROLES = _wordset(
    """
    suspect suspects gunman gunmen attacker attackers assailant assailants robber robbers thief thieves burglar
    burglars intruder intruders killer man men woman women police officer officers troops soldiers army forces
    militants rebels fighters protesters demonstrators rioters mob car cars lorry truck van bus coach train plane
    jet aircraft helicopter drone vessel ship boat ferry tanker vehicle driver drivers pilot rider riders leader
    climber surgeon surgeons doctor doctors patient network broadcaster channel company firm team club side player
    players striker goalkeeper keeper defender champion rival opponent inspectors investigators report
    """
)


def _anchored(sentence: str, head: str = "") -> bool:
    """A figure or a name in the sentence (``_has_actor``; a crowd's plural opening it is no name), or a subject
    whose ``head`` is a role of the news (``_NEWS_ROLES``)."""
    if head in _NEWS_ROLES or any(c.isdigit() for c in sentence) or _NUMBER_WORD.search(sentence):
        return True
    first, _, rest = sentence.partition(" ")
    if first.lower().strip(",") in _GROUP_OPENERS:
        sentence = first.lower() + " " + rest
    return _has_actor(sentence)

# verbs whose act is told by the word after them only ("took office", "took off from", "called a meeting", "called
# off the strike"; not "took their toll", "called it a farce", "called the deal a disgrace")
_PHRASAL_ACTS = {
    "took": re.compile(
        r"\s+(?:off|over|office|power|control|charge|part|place|home|issue|aim|hostage|custody|(?:legal\s+)?action|"
        r"the\s+(?:lead|stand|oath|field|helm|title|crown|gold|silver|bronze|wheel)|a\s+(?:\d|\w+-\w+\s+lead|lead))\b"
    ),
    "called": re.compile(
        r"\s+(?:off|in\s+(?:the|troops|police|the\s+army)|9-?1-?1|(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?:meeting|election|"
        r"vote|referendum|strike|halt|ceasefire|truce|timeout|time-out|press\s+conference|inquiry|summit|session)s?|"
        r"(?:emergency|snap|early|special)\s+(?:[\w-]+\s+)?(?:meetings?|elections?|sessions?|talks))\b"
    ),
}
# verbs of a decision or an attempt that tell an act with "to" after them ("decided to amputate", "voted to
# leave"); any other verb before "to" is another reading ("moved to Paris" aside, "appeared to", "failed to")
_ACTS_BEFORE_TO = frozenset(
    ["agreed", "decided", "refused", "promised", "vowed", "pledged", "voted", "threatened", "returned", "travelled",
     "traveled", "flew", "fled", "handed", "posted", "tweeted", "donated", "transferred", "swerved", "proposed",
     "paid", "sold", "submitted", "presented", "granted", "awarded", "promoted", "relocated", "crashed",
     "lodged", "pleaded", "appealed"]
)
# verbs of speech in the past, whose reported clause may tell an act ("Police said the suspect fled")
_SPEECH_PAST = frozenset(["said", "told"])
# speakers whose say is a view, not a record of what happened ("Analysts said the deal showed ...")
_OPINION_GIVERS = frozenset(
    ["analysts", "experts", "critics", "observers", "commentators", "economists", "pundits", "fans", "supporters",
     "opponents", "some", "many", "others", "people", "sources"]
)
# an act in the clause a speaker said: a verb in the past (of the event words, only those in -ed: "rules", "cuts"
# and "holds" may be nouns, as in "didn't break any rules")
_TOLD_ACTS = PAST_ACTS | {w for w in _EVENT_WORDS if w.endswith("ed")} | _wordset("sought fell rose grew shut held led laid")
# Participles of a checkable act told in the passive ("The bridge was closed on Monday", "Three suspects were
# arrested", "The law was passed by parliament", "He has been charged with fraud"), by kind: crime and courts, harm
# and rescue, offices and sport, decisions and laws, deals and building, finds and launches, moves and transport.
# Not those of a view, a report or a feeling ("was said", "was expected", "was considered", "was seen as", "was
# reported", "was believed", "was praised", "was impressed", "was designed to"), nor those whose passive is as often
# a state or a figure of speech ("was left", "was moved", "was given", "was made", "was told"): ``acts_in_past``.
PASSIVE_ACTS = _wordset(
    """
    arrested charged detained jailed imprisoned sentenced convicted acquitted indicted fined sued accused extradited
    deported expelled kidnapped abducted questioned pardoned released freed caught raided searched seized confiscated
    killed injured wounded hurt shot stabbed attacked assaulted beaten bombed destroyed damaged evacuated rescued
    trapped airlifted hospitalised hospitalized diagnosed
    elected re-elected appointed nominated named chosen selected hired fired sacked dismissed suspended promoted
    relegated ousted replaced awarded granted offered knighted honoured honored drafted traded signed waived
    eliminated defeated disqualified banned
    approved passed adopted ratified vetoed rejected overturned upheld scrapped cancelled canceled postponed delayed
    stopped halted abandoned suspended extended introduced announced unveiled revealed confirmed certified launched
    published released issued imposed lifted cut raised increased reduced
    sold bought acquired purchased founded established built constructed opened reopened closed shut demolished
    installed relocated renamed completed
    discovered detected identified spotted located recorded
    sent dispatched deployed flown returned transferred delivered directed cleared purged
    """
)
# ... read only with the word after it that tells the act ("was taken to hospital", "was rushed to hospital", "was
# carried into space", "was ruled out of the final", "was found dead"; not "was taken aback", "was rushed",
# "was carried away", "was found to be")
_PASSIVE_TOLD = {
    "taken": re.compile(r"\s+(?:to|into|hostage|captive|prisoner|off|from)\b"),
    "rushed": re.compile(r"\s+(?:to|into)\b"),
    "carried": re.compile(r"\s+(?:out|over|into|to|off|from)\b"),
    "forced": re.compile(r"\s+(?:to|out|off|from|into)\b"),
    "ruled": re.compile(r"\s+out\b"),
    "found": re.compile(r"\s+(?:dead|alive|guilty|not\s+guilty|unconscious|injured|safe|in|on|at|near|inside|under)\b"),
}
_PASSIVE_AUX = _wordset("was were")
_PASSIVE_ADVERBS = _wordset("simply reportedly allegedly swiftly temporarily permanently")
_PERFECT_AUX = _wordset("has have had")
# what after the participle makes it a view or a finding, not the act: "was named to be", "were selected to have";
# an idiom of the participle ("was caught off guard", "were caught napping", "was named after his grandfather")
_PASSIVE_NOT_ACT = re.compile(
    r"\s+to\s+(?:be|have)\b|\s+that\b|(?<=caught)\s+(?:off\s+guard|napping|unawares|flat-footed|out\b|short\b|cold\b)|"
    r"(?<=named)\s+after\b",
    re.IGNORECASE,
)
# ... and what further on in its clause (audit28): an agent who gives views or a piece of speech ("was attacked by
# critics", "was questioned by several economists", "was hurt by his comments", "was destroyed by the reviews"), a
# judgement "as" something ("was attacked as reckless", "was dismissed as wishful thinking"), or how often it
# happened, a habit and not an event ("were closed each night", "was cancelled every year", "on Sundays")
_DAYS = "|".join(d.lower() for d in WEEKDAYS)
_PASSIVE_VIEW_OR_HABIT = re.compile(
    r"[^,;:—–()\"“”]*?(?:"
    r"\bby\s+(?:(?:the|his|her|their|its|our|some|many|most|several|other|fellow|leading|prominent|local|"
    r"[\w’'-]+['’]s?)\s+){0,2}(?:critics|commentators|pundits|analysts|experts|observers|economists|reviewers|fans|"
    r"supporters|opponents|readers|viewers|listeners|comments|remarks|words|criticism|reviews|claims|jibes|insults|"
    r"jokes|tweets|posts|rumours|rumors)\b|"
    r"\b(?:every|each)\s+(?:day|night|morning|evening|afternoon|week|weekend|month|year|summer|winter|spring|autumn|"
    r"season|time|" + _DAYS + r")\b|"
    r"\bon\s+(?:" + _DAYS.replace("|", "s|") + r"s|weekends|weekdays)\b|"
    r"\bat\s+weekends\b|\b(?:daily|nightly|weekly|monthly|annually|yearly|routinely|regularly|usually|often|"
    r"typically|always|sometimes|frequently|seldom|rarely|occasionally|habitually|traditionally|generally)\b)",
    re.IGNORECASE,
)
_JUDGED = _wordset("attacked dismissed questioned")
_JUDGED_AS = re.compile(r"[^,;:—–()\"“”]*?\bas\b", re.IGNORECASE)
# the heads of subjects that are a feeling or a standing, whose passive tells no act ("His reputation was damaged",
# "Their spirits were lifted", "Her confidence was hurt"; audit28)
_SUBJECT_PREPOSITIONS = _wordset("of in at on for from among")
_FEELING_HEADS = _wordset(
    """
    reputation reputations standing pride confidence morale mood moods spirits spirit hopes hope feelings heart
    hearts ego credibility integrity judgement judgment wisdom motives loyalty nerves nerve patience faith trust
    dignity self-esteem image
    """
)
_PASSIVE_WORD = re.compile(r"\s+([A-Za-z][\w’'-]*)")


def _passive_act(rest: str, pos: int, aux: str) -> bool | None:
    """After an auxiliary ``aux`` ending at ``pos`` that follows a subject: True when it opens the passive of an act
    (``PASSIVE_ACTS``, ``_PASSIVE_TOLD``; adverbs between them read past: "were later arrested", "has simply been
    carried over"), False when it is no act (a denial, "was not arrested": what did not happen is no act to check;
    another participle or a state), None when ``aux`` is "had" with no "been" after it (the past perfect of an act,
    read on)."""
    been = aux not in _PERFECT_AUX
    while (m := _PASSIVE_WORD.match(rest, pos)) is not None:
        w = m.group(1).lower()
        pos = m.end()
        if w == "been" and not been:
            been = True
        elif w in _ACT_ADVERBS or w in _PASSIVE_ADVERBS:
            continue
        elif not been:
            return None if aux == "had" else False
        elif w in _NEGATIONS or w.endswith("n't"):
            return False
        elif w in PASSIVE_ACTS or ((told := _PASSIVE_TOLD.get(w)) is not None and told.match(rest, pos)):
            if w in _JUDGED and _JUDGED_AS.match(rest, pos):
                return False  # a judgement "as" something ("was dismissed as wishful thinking")
            return _PASSIVE_NOT_ACT.match(rest, pos) is None and _PASSIVE_VIEW_OR_HABIT.match(rest, pos) is None
        else:
            return False
    return None if aux == "had" and not been else False


# a sentence without one of these words is not read by ``acts_in_past``
_ACT_CUES = PAST_ACTS | _SPEECH_PAST | frozenset(_PHRASAL_ACTS) | PASSIVE_ACTS | frozenset(_PASSIVE_TOLD)
# what cannot stand in a subject before its verb: a clause's word, an auxiliary or modal, a question's word, a
# preposition other than one of a name's ("University of Leiden astronomers", "a resident from Leeds")
_NOT_SUBJECT = _wordset(
    """
    that which who whom whose what when where while if because since although though unless until whether as
    is are was were be been being am has have had do does did will would shall should can could may might must
    not never no how why with without about into over under after before during than like to by
    """
)
# capitalised words that open a sentence without being its subject ("For ...", "Most ...", "Once ...")
_NOT_SUBJECT_CAPS = _wordset(
    """
    For In On At With By From To Into Over Under After Before During Since Until Once Unlike Like Despite Given
    Without Through Among Between Against Along Across Behind Beyond Inside Outside Near Per Via Amid Thanks Note
    Some Many Most Several Both Each Every All Other Others There Here These Those This That What Which Who Why How
    When Where If As While Although Though Because Unless Whether It Its Such No Not Only Just Even Perhaps Maybe
    """
)
# an opening that is no subject: a conjunction, a time or a place set off by a comma ("On Monday,", "Earlier this
# week,", "In a statement late Friday,"), a dateline ("HOUSTON —")
_ACT_LEAD = re.compile(
    r"(?:[A-Z][A-Z .,'-]{1,40}\s+[—–-]\s+)?"
    r"(?:(?:And|But|So|Then|Yet)\s+)?"
    # (a date's own comma before its year is no end of the opening: "On March 3, 2019, the board ...")
    r"(?:(?:On|In|At|By|During|After|Before|Last|Earlier|Later|Then|Now|Unlike|Meanwhile|Eventually|Finally|Shortly|Soon|"
    r"Yesterday|Today|Overnight|Separately|Instead|However|Still|Also|Incredibly|Ultimately)\b"
    r"(?:[^,;:—–]|,(?=\s*\d{4}\b)){0,50},\s+|"
    # a participle's phrase ("Using a new telescope,", "Citing safety concerns,")
    r"[A-Z][a-z]+ing\b[^,;:—–]{0,60},\s+)?"
)
_ACT_WORD = re.compile(r"[A-Za-z][\w’'.&-]*|[,;:—–()\[\]]")
# adverbs between a subject and its verb ("The coach had previously ...", "Police later arrested ...")
_ACT_ADVERBS = _wordset(
    "also later then previously immediately quickly finally successfully eventually again once formally officially "
    "initially subsequently recently reportedly allegedly briefly first unanimously narrowly"
)
# a modal in the same clause after the word read as the verb: the word was a participle of the subject ("Drivers
# caught speeding will lose their licence", "Strangers found in the hold could face charges"), the clause's verb is
# the modal's and tells no act in the past; a relative pronoun, a conjunction or a comma before the modal ends the
# subject's clause first ("Police arrested two men who could face charges", "She scored and could have had a third")
_MODAL_MAIN = re.compile(
    r"(?:(?!\b(?:who|whom|whose|which|that|and|but|or|because|after|before|when|while|as|if|since|until|so)\b)"
    r"[^,;:—–()\[\]\"“”])*?\b(?:will|would|could|may|might|can|must|shall)"
    # ... before a verb, not a noun's word ("upheld his will to", "a can of paint")
    r"(?!\s+(?:of|to|the|a|an|and|that|in|for|on)\b)\s+[a-z]"
)
# ... but not after a pronoun of a person, which takes no participle ("She claimed the label would ..."), nor after a
# verb of saying, finding or deciding, whose clause holds the modal ("The board announced the plant would close")
_PERSONAL = _wordset("he she they we i you it")
_CLAUSE_TAKERS = _wordset(
    """
    acknowledged admitted agreed alleged announced assured claimed conceded concluded confirmed decided declared
    demanded denied described disclosed discovered insisted pledged posted promised proposed revealed ruled showed
    testified threatened tweeted vowed warned
    """
)
_FIGURE_AFTER = re.compile(r"\s*\d")
# ... and a participle takes no object: a verb followed by a determiner or a figure is the clause's own verb ("Flooding
# damaged 200 homes ... the river could", "The firm recalled the cars ... could"); nor is the modal the subject's when
# a word of saying or fearing opens another clause before it ("Investors sold shares amid fears rates could rise",
# "... in a decision economists say will slow growth") (review25)
_OBJECT_AFTER = re.compile(
    r"\s+(?:the|a|an|this|that|these|those|his|her|its|their|our|my|your|some|several|many|more|all|both|\d)\b",
    re.IGNORECASE,
)
_CLAUSE_OPENER = re.compile(
    r"\b(?:says?|said|fears?|feared|believes?|believed|thinks?|thought|expects?|expected|hopes?|hoped|warns?|"
    r"warned|predicts?|predicted|worries|worried|concerns?|estimates?|estimated)\b",
    re.IGNORECASE,
)


def _participle_of_subject(rest: str, pos: int) -> bool:
    """Whether the word read as the verb, ending at ``pos``, is a participle of its subject before the subject's own
    modal (``_MODAL_MAIN``): no object after it and no other clause's opener before the modal."""
    if _OBJECT_AFTER.match(rest, pos):
        return False
    m = _MODAL_MAIN.match(rest, pos)
    return m is not None and not _CLAUSE_OPENER.search(rest, pos, m.end())


_TWEET_EMBED = re.compile(r"pic\.twitter\.com/|\(@\w+\)\s+(?:" + "|".join(MONTHS) + ")", re.I)


def acts_in_past(sentence: str) -> bool:
    """Whether the sentence opens (after a time, a place or a conjunction set off by a comma) with a subject of at
    most eight words, a name, a pronoun of a person or a noun phrase with its determiner, whose verb is one of
    ``PAST_ACTS`` ("University researchers discovered a new planet", "The officers left without ...", "He boarded
    the plane", "Lena Ortiz, a chemist, fled the country in 2014", "The club had decided to ...") or a verb of speech
    whose clause tells an act ("Police said the suspect fled"). Not a participle before the subject's own modal
    ("Drivers caught ... will lose ..."), not a passive participle ("firms created by X"), not "I"/"you" (the
    caller's opinion test), not a subject that holds a clause, an auxiliary or a preposition other than a name's
    ("What the board approved ...", "If the court ruled ...", "For many fans, the team won")."""
    lead = _ACT_LEAD.match(sentence)
    rest = sentence[lead.end() if lead else 0 :]
    # the subject opens with a capital, or in lower case after an opening ("Earlier this week, the regulator ...")
    first = re.match(r"[A-Z][\w’'.&-]*" if not (lead and lead.group()) else r"[A-Za-z][\w’'.&-]*", rest)
    if first is None or first.group() in _NOT_SUBJECT_CAPS or first.group().rstrip(".").isupper() and len(first.group()) > 5:
        return False
    subject = 0
    apposition = False
    lw_prev = ""
    head, head_done = "", False  # the subject's head: its last word before a preposition ("The mood in the room")
    for m in _ACT_WORD.finditer(rest):
        w = m.group()
        if w == ",":
            apposition = not apposition  # an apposition set off by commas is read past ("Mira Holt, a lawyer, fled")
            if not apposition and subject == 0:
                return False
            continue
        if w in ";:—–()[]":
            return False
        if apposition:
            continue
        lw = w.lower().rstrip(".")
        if lw == "no" and w.endswith(".") and _FIGURE_AFTER.match(rest, m.end()):
            lw = "number"  # "Flight no. 446", "the world No. 1": the abbreviation of a number, a name's word
        if w[:1].isupper() and lw in MORE_PAST_ACTS:
            lw = ""  # a name's word, not the verb ("Drew Brees threw ...", "Rose Parade", "LED lights")
        if lw in _PHRASAL_ACTS and subject:
            return _PHRASAL_ACTS[lw].match(rest, m.end()) is not None
        if lw in PAST_ACTS and subject:
            told_by = _COLOUR_TOLD.get(lw)
            if lw in _COLOUR_ACTS and not (told_by and told_by.match(rest, m.end())):
                if lw == "drew" and _DREW_NOT_ACT.match(rest, m.end()):
                    return False
                if not _anchored(sentence, lw_prev):
                    return False
            if lw in _GESTURE_ACTS and lw_prev in _SCENERY and not _anchored(sentence):
                return False
            after = rest[m.end() : m.end() + 4]
            participle = lw_prev not in _PERSONAL and lw not in _CLAUSE_TAKERS
            if participle and _participle_of_subject(rest, m.end()):
                return False  # a participle of its subject, whose own verb follows ("Drivers caught ... will lose")
            return not after.startswith(" by ") and (not after.startswith(" to ") or lw in _ACTS_BEFORE_TO)
        if lw in _SPEECH_PAST and subject:
            # what a named speaker said happened, when it tells an act or an event ("Police said the man fled",
            # "The ministry said the tanker was registered in Liberia"; not "The coach said the mood is good",
            # nor "Analysts said the deal showed ...")
            told = rest[m.end() :]
            if lw_prev in _OPINION_GIVERS:
                return False
            return _tells_act(told) or bool(_STATE.search(told))
        if (lw in _PASSIVE_AUX or lw in _PERFECT_AUX) and subject:
            # an act told in the passive: "The bridge was closed", "Three men were arrested", "He has been charged"
            passive = _passive_act(rest, m.end(), lw)
            if passive is not None:
                return passive and head not in _FEELING_HEADS
        if lw == "had" and subject:
            continue  # the past before the past: "The coach had decided to retire"
        if lw in _NOT_SUBJECT or lw in PAST_ACTS or lw.endswith("n't"):
            return False
        if lw in _ACT_ADVERBS and subject:
            continue
        subject += 1
        lw_prev = lw
        if lw in _SUBJECT_PREPOSITIONS:
            head_done = True
        elif not head_done:
            head = lw
        if subject > 8:
            return False
    return False


_NEGATIONS = _wordset("not never no")


def _tells_act(clause: str) -> bool:
    """Whether a reported clause holds a verb of ``_TOLD_ACTS`` that no negation right before it denies ("the suspect
    fled", "the board had approved"; not "he hasn't decided whether to return", "it had not detected any launch":
    what did not happen is no act to check) (statements25)."""
    words = _TOKEN.findall(clause.lower().replace("’", "'"))
    return any(
        w in _TOLD_ACTS and not any(x in _NEGATIONS or x.endswith("n't") for x in words[max(0, i - 2) : i])
        for i, w in enumerate(words)
    )


def _has_actor(s: str) -> bool:
    """A named actor: a proper noun after the sentence's first word (months and weekdays are not actors),
    or a sentence-initial name that is clearly one: an acronym ("NASA") or two capitalised words."""
    words = s.split()
    first = words[0].strip(",.:;\"“”")
    if first.isupper() and len(first) > 1 and first.isalpha():
        return True
    # "Jones conceded ...": a sentence-initial name, unless an opener ("Meanwhile,", "Separately,", "Today")
    if (
        first[:1].isupper()
        and first.isalpha()
        and first.lower() not in _NOT_ACTORS
        and not words[0].endswith(",")
        and not first.endswith("ly")
        and first not in _OPENER_WORDS
    ):
        return True
    if _ORG.search(s):
        return True
    return any(m.group().strip("’'") not in _NOT_ACTOR_CAPS for m in _ACTOR.finditer(s, len(words[0])))


def statement_words(sentence: str) -> list[str]:
    """Normalised content words of a statement, for fuzzy matching across outlets."""
    return claim_content_words(sentence)


# A verb of an act used as a figure of speech: a review's or a match report's judgement, not an act (review18).
# General English idioms, each with what keeps it from a literal act: "struck a chord" (not "struck a balance"),
# "broke new ground" (not "broke ground on the hospital"), "missed the mark", "stole the show", "captured the
# mood" (not "captured the heart of the city"), "won hearts", "showed great composure" (a quality, not "showed
# little confidence in", a survey's finding), "left audiences cold" (an audience, not "left residents cold"),
# "left questions unanswered", "suffered from a lack of ideas", "created a world of" (not "a world-first").
_FIGURATIVE = re.compile(
    r"\b(?:struck|strikes)\s+(?:a|the\s+right|the\s+wrong)\s+(?:chord|note)|\bbroke\s+(?:new|fresh)\s+ground|"
    r"\bmissed\s+the\s+mark|\bstole\s+the\s+show|\bwon\s+(?:over\s+)?(?:the\s+)?hearts\b|"
    r"\bcaptured\s+(?:the|our|a)\s+(?:\w+\s+)?(?:mood|imagination|spirit|essence|zeitgeist|magic)\b|"
    r"\bshowed\s+(?:(?:great|real|no|little|some|plenty\s+of|huge|enormous|remarkable|genuine|admirable|"
    r"tremendous|good|fine|rare|such|a\s+new|new)\s+)*(?:character|fight|maturity|class|promise|resilience|courage|"
    r"grit|composure|nerve|mettle|poise|flair|guts|determination|restraint|leadership|passion|hunger)\b|"
    r"\bleft\s+(?:(?:the\s+|many\s+|most\s+|some\s+)?(?:audiences?|viewers|readers|critics|listeners|crowds?|fans|"
    r"diners|me|us))\s+(?:cold|unmoved|wanting|breathless|speechless|underwhelmed|in\s+tears)\b|"
    r"\bleft\s+(?:too\s+)?(?:many\s+|several\s+|some\s+)?questions\s+unanswered|"
    r"\bsuffered\s+from\s+(?:a|an)\s+(?:\w+\s+)?(?:lack|absence|shortage)\s+of\s+(?:ideas|imagination|invention|"
    r"urgency|conviction|energy|creativity|ambition|quality)\b|"
    r"\bcreated\s+(?:a|an)\s+(?:\w+\s+)?(?:world\s+of|atmosphere|mood\s+of|sense\s+of|feeling\s+of)|"
    r"\bgave\s+(?:the|a)\s+(?:\w+\s+)?performance\s+of\s+(?:his|her|their|a)\s+(?:career|life|lifetime)\b|"
    # review21: a crowd's or a heart's movement ("the hall erupted in cheers", "her heart sank", "sank into despair",
    # "drowned their sorrows"; "violence erupted in the capital", "the ferry sank" are events)
    r"\berupted\s+(?:in|into)\s+(?:laughter|applause|cheers|cheering|celebrations?|song|songs|chants|joy|delight|"
    r"colou?r|giggles|tears)\b|\b(?:heart|hearts|spirits?)\s+sank\b|\bsank\s+into\s+(?:despair|depression|gloom|"
    r"silence|reverie|a\s+(?:deep\s+)?(?:sleep|depression|gloom))\b|\bdrowned\s+(?:his|her|their|my|our|your)\s+sorrows\b|"
    # a gesture or a body's state: "fell asleep", "raised an eyebrow", "held her breath", "closed his eyes"
    r"\bfell\s+(?:asleep|silent|ill)\b|\braised\s+(?:an\s+)?eyebrows?\b|\bheld\s+(?:his|her|their|its|my|our)\s+breath\b|"
    r"\bclosed\s+(?:his|her|their|my|our)\s+eyes\b",
    re.IGNORECASE,
)
