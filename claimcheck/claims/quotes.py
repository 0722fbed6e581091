"""Quotations of record with their speakers.

Quotes are found per paragraph (they may span sentences); a quote split by "he said," is rejoined;
one- or two-word scare quotes and capitalised titles are left out. The speaker is read from the
attribution next to the quote, or a pronoun resolved to the last named person when unambiguous.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from claimcheck.claims import coref
from claimcheck.claims.lexicon import CALENDAR_WORDS, CAPITAL, COUNT_NOUNS, SMALL, SPEECH_RE, is_title_case
from claimcheck.claims.sentences import CREDIT_NAME
from claimcheck.models import ClaimDetails

_PAIRS = {"“": "”", "«": "»", "„": "“", '"': '"'}
_OPEN_MARK = re.compile(r'[“«„"]')
_PARAGRAPH = re.compile(r"[^\n]+")
_RUNS_ON = re.compile(r"(?:[:,]|\b(?:said|says|that|added|wrote|warned))\s*$")
_WORDS = re.compile(r"[\w'’]+")
_SPEECH = SPEECH_RE
_TITLE = (
    r"(?:(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|Col|Lt|Sgt|Capt|Rev|St)\.?\s+|(?:President|Prime\s+Minister|"
    r"Minister|Chancellor|Secretary|Judge|Justice|Senator|Governor|Mayor|Chief|Officer|Detective|Coach|"
    r"Commissioner|Ambassador|Pope|King|Queen|Prince|Princess|Speaker|Leader|General|Director|Sergeant|"
    r"Captain|Colonel|Lieutenant|Constable|Inspector|Superintendent|Professor|Doctor)\s+)"
)
_NAME_TOKEN = rf"(?:(?:[{CAPITAL}]\.){{2,}}|[{CAPITAL}][\w’'-]*\.?|[{CAPITAL}]\.)"
_PARTICLE = r"(?:de|van|von|bin|al|la|le|da|di|del|der|ibn)"
_NAME = rf"(?:{_TITLE}{{0,2}}{_NAME_TOKEN}(?:\s+(?:{_NAME_TOKEN}|{_PARTICLE})){{0,3}})"
_ROLE = (
    r"(?:(?:[Tt]he|[Aa]n?|[Oo]ne|[Hh]is|[Hh]er|[Tt]heir)\s+(?:(?!(?:the|a|an)\s)[\w’'-]+\s+){0,3}?(?:spokes(?:man|woman|person)|"
    r"official|minister|ministry|police|statement|lawyer|attorney|prosecutor|judge|witness|resident|source|"
    r"adviser|advisor|aide|analyst|expert|leader|chief|director|officer|doctor|teacher|executive|manager|"
    r"representative|company|group|coach|captain|player|president|chairman|chairwoman|mayor|governor|"
    r"senator|founder|owner|neighbour|neighbor|mother|father|friend|sister|brother|daughter|son|wife|"
    r"husband|survivor|victim|driver|pilot|firefighter|paramedic|nurse|researcher|scientist|professor|"
    r"economist|campaigner|activist|organiser|organizer|landlord|headteacher|singer|actor|actress|"
    r"spectator|member|administration|government|letter|memo|website|newspaper|paper|magazine|tabloid|"
    r"broadcaster)s?)"
)
# A postmodifier after a role's head: "a member of the pit crew said", "the organiser for the festival said"
# (_clean_name leaves it out: the head noun speaks, as the older labels name it).
_ROLE_PP = (
    r"(?:\s+(?:of|for|at|from|with)\s+(?:[\w’'-]+\s+){0,5}?[\w’'-]+(?=\s+(?:[a-z]+ly\s+)?(?:has\s+|had\s+)?"
    + SPEECH_RE
    + r"\b))?"
)
# Lower-case titles before a name, one or a chain: "spokesman John Kirby", "chairman, CEO and president
# Jane Doe said".
_ROLE_WORD = (
    r"(?:spokes(?:man|woman|person)|chief|minister|leader|official|executive|chairman|chairwoman|chair|CEO|"
    r"president|founder|co-founder|director|secretary|manager|coach)"
)
_ROLE_PREFIX = rf"(?:[A-Z][\w-]*\s+)?{_ROLE_WORD}(?:(?:,\s+|\s+and\s+|\s+&\s+|\s+){_ROLE_WORD}){{0,3}}\s+"
_SPEAKER = rf"(?P<name>(?:{_ROLE_PREFIX})?{_NAME}|{_ROLE}{_ROLE_PP}|he|she|they|He|She|They)"
# An apposition may hold a list closed by "and" ("Lee, the minister of transport, housing and planning,
# said").
_APPOSITION = (
    r"(?:,\s[^,“”\"«»]{1,120}(?:(?:,\s[^,“”\"«»]{1,40}){1,2},?\s(?:and|&)\s[^,“”\"«»]{1,40}|"
    # ... or a relative clause after it: "X, the station's best-known newsreader, who was brought back to ..., said"
    r",\s(?:who|whose)\s[^,“”\"«»]{1,120})?,)?"
)
# A time between the speaker and the verb: "President X on Sunday denounced ...", "X late Friday said".
_WHEN_ADV = (
    r"(?:\s+(?:on\s+|late\s+|early\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?|\s+(?:yesterday|today|earlier|again))?"
)
# After the quote: ', Okonjo said' / ', said Maria Lindqvist' / ' Brandt tweeted'.
# A partial quote ends inside a clause: '"They aren't buying" the plan, Smith said'.
_TAIL = r"(?:[a-z][\w’'-]+(?:\s+[a-z][\w’'-]+){0,3},\s+)?"
# The verb group of a speech verb may hold an adverb of manner or a verb of perception: "X calmly said", "a
# fan can be heard saying", "X was heard telling" (the participle of speech after a verb of hearing).
_HEARD = (
    r"(?:(?:can|could|may|might|would|will|is|are|was|were)\s+(?:be\s+|been\s+)?|be\s+)?(?:heard|seen|filmed|"
    r"recorded|caught\s+on\s+camera)\s+(?:on\s+[\w\s’'-]{1,30}?\s+)?(?:saying|telling|shouting|yelling|asking|"
    r"screaming|chanting|singing)"
)
_VERB_GROUP = rf"(?:also\s+|later\s+|then\s+|[a-z]{{3,}}ly\s+)?(?:{_HEARD}|{_SPEECH})"
_AFTER_NAME_VERB = re.compile(rf"^[\s,—–»”\"-]*{_TAIL}{_SPEAKER}{_APPOSITION}\s+{_VERB_GROUP}\b")
# (round pages14: a few verbs are nouns as often, "his comments", "her remarks", and credit only first after the
# quote: '"...," comments Ann Cole', '"...," remarks the coach')
_VERB_FIRST_ONLY = r"(?:comments|remarks|observes|observed|opines|opined)"
# A body's name of one capitalised word, a small word and a name, closing the credit (misfire21): ', said Save the
# Children.', ', said Time to Change, the charity', ', said Stop the War in a statement' (a person named after the
# verb has no such words: ', said Smith to reporters' is lower case, ', said Jones to MPs' an audience; "of the",
# "for" are left, as in ', said Jones of the Treasury', ', wrote Smith for Reuters')
_NAME_GOES_ON = re.compile(
    rf"(?P<rest>\s+(?:the|to(?!\s+(?:MPs|Parliament|Congress|Senate|Lords|Commons|Reuters|[A-Z]{{2,}}s?)\b))\s+[{CAPITAL}][\w’'-]+(?:\s+[{CAPITAL}][\w’'-]+)?)"
    r"(?=\s*(?:[,.;:!?)]|$)|\s+(?:in|on)\s+(?:a|its|their)\s+statement\b|['’]s\s)"
)
# ... and "of the" after a plural noun of a group of people, which no surname is (misfire22): ', said Friends of the
# Earth.', ', said Sisters of the Holy Cross' (', said Jones of the Treasury' stays Jones)
_NAME_OF_THE = re.compile(
    rf"(?P<rest>\s+of\s+the\s+[{CAPITAL}][\w’'-]+(?:\s+[{CAPITAL}][\w’'-]+)?)"
    r"(?=\s*(?:[,.;:!?)]|$)|\s+(?:in|on)\s+(?:a|its|their)\s+statement\b|['’]s\s)"
)
_GROUP_PLURALS = frozenset(["friends", "citizens", "sisters", "brothers", "sons", "daughters", "mothers", "fathers",
                            "parents", "veterans", "doctors", "families", "survivors", "women", "children", "guardians",
                            "keepers", "trustees", "governors", "members", "fellows"])  # fmt: skip
_AFTER_VERB_NAME = re.compile(rf"^[\s,—–»”\"-]*(?:{_SPEECH}|{_VERB_FIRST_ONLY})\s+(?P<name>{_NAME}|{_ROLE})")
# Before the quote: 'Bialiatski said: "' / 'X told reporters, "' / 'According to X, "'.
_BEFORE = re.compile(
    rf"{_SPEAKER}{_APPOSITION}{_WHEN_ADV}\s+{_VERB_GROUP}\b[^“”\"«».!?]{{0,60}}?[,:]?\s*$"
)
# The subject of a participle of speech after a verb's object: "He recalled the pilot telling the passengers:
# "..."" (the pilot speaks, not "he"); no comma before the participle (", saying" hangs on the clause's subject).
_SAYING_WORD = re.compile(r"(?:telling|saying|asking|shouting|warning|announcing|responding|replying|retorting)\b")
_OBJECT_SAYING = re.compile(
    rf"(?P<name>{_ROLE}|{_NAME})\s+(?:telling|saying|asking|shouting|warning|announcing|responding|replying|retorting)\b[^“”\"«».!?,]{{0,60}}?[:,]?\s*$"
)
_BEFORE_ACCORDING = re.compile(rf"according\s+to\s+(?P<name>{_NAME}|{_ROLE}),?\s*$", re.IGNORECASE)
# Verbs that give a speaker's words as a name for something: 'X described the plan as "..."', 'X called
# it "..."', 'X dismissed the reports as "..."' (the words in the quote are X's).
_NAMING = (
    r"(?:described|describes|called|calls|dubbed|branded|labell?ed|denounced|dismissed|hailed|praised|"
    r"condemned|slammed|accused|critici[sz]ed|blasted|mocked|urged|promised|pledged|vowed|defended|apologi[sz]ed|"
    # thanks and praise for something in the speaker's words (round pages17): 'X congratulated the team on "..."'
    r"congratulated|congratulates|thanked|thanks|applauded|applauds|saluted|salutes)"
)
_PARTIAL = re.compile(rf"{_SPEAKER}{_APPOSITION}{_WHEN_ADV}\s+(?:also\s+|has\s+|had\s+)?{_SPEECH}\b")
# ... and only close to the quote (the verb's object between: 'X called the plan "..."'), since "called"
# and the like often have no quote at all.
_NAMING_PARTIAL = re.compile(
    rf"{_SPEAKER}{_APPOSITION}{_WHEN_ADV}\s+(?:also\s+|has\s+|had\s+|once\s+|later\s+|then\s+)?{_NAMING}\b"
    r"[^“”\"«».!?]{0,60}$"
)
_CONNECTOR = re.compile(
    rf"^[\s,]*(?:[^“”\"«».!?]{{0,80}}?\b{_SPEECH}|{_VERB_FIRST_ONLY})\b[^“”\"«».!?]{{0,40}}?[,:;]\s*$"
)
_AFTER_GENERIC = re.compile(
    rf"^[\s,—–»”\"-]*(?P<seg>(?:[\w’'.-]+,?\s+){{1,14}}?)(?:also\s+|later\s+)?{_SPEECH}\b"
)
# (the dot of a title's abbreviation goes on: ', said neuroscientist Dr. Joy Mensah.')
_TITLE_ABBREVIATIONS = ("Dr", "Mr", "Mrs", "Ms", "Prof", "Sgt", "Supt", "Insp", "Det", "Gov", "Sen", "Rep", "Capt", "Col",
                        "Lt", "Gen", "Rev", "Fr", "Pres", "St")  # fmt: skip
# (and the dot of a ranking or of a firm's suffix before a role: ', said No. 3 seed Lena Varga', ', said Acme Corp.
# chief executive Tom Hale', speakers33)
_TITLE_DOT = (
    "(?:(?:"
    + "|".join(rf"(?<=\b{t})" for t in _TITLE_ABBREVIATIONS)
    + r")\.|(?<=\bNo)\.(?=\s?\d)|(?:(?<=\bCorp)|(?<=\bInc)|(?<=\bLtd)|(?<=\bCo))\.(?=\s+[a-z]))"
)
# An abbreviation alone is never a name (speakers33: ', said No. 3 seed X' gave "No", ', said the lead author, Dr.
# X Y of ...' gave "Dr"): a title's, a ranking's, a firm's or a suffix's
_BARE_ABBREVIATIONS = frozenset(
    [t.lower() for t in _TITLE_ABBREVIATIONS] + ["no", "nos", "corp", "inc", "ltd", "co", "jr", "sr", "vs", "mt", "ft"]
)
# a ranking closing the words after the verb ('said the world No. 3, X Y'): the name set off after it speaks
_RANKING_END = re.compile(r"\bNo\.?\s?\d+$")
_AFTER_GENERIC_VERB_FIRST = re.compile(rf"^[\s,—–»”\"-]*{_SPEECH}\s+(?P<seg>(?:[^,.;:“”\"«»()]|{_TITLE_DOT}){{2,80}})")
_CAP_RUN = re.compile(rf"(?<![\w’'])(?:[{CAPITAL}][\w’'-]+\.?|[{CAPITAL}]\.)(?:\s+(?:[{CAPITAL}][\w’'-]+|[{CAPITAL}]\.))*")
_ROLE_NOUNS = frozenset(
    [
        "officers", "officials", "official", "police", "mother", "father", "wife", "husband", "son",
        "daughter", "witness", "witnesses", "residents", "resident", "prosecutors", "prosecutor", "lawyers",
        "lawyer", "spokesman", "spokeswoman", "spokesperson", "statement", "organisers", "organizers",
        "protesters", "doctors", "doctor", "neighbours", "neighbors", "survivors", "relatives", "family",
        # people named by what they are ("the couple said", "one fan wrote", "wrote another user")
        "pair", "couple", "patient", "man", "woman", "men", "women", "user", "users", "fan", "fans",
        "commenter", "viewer", "viewers", "reader", "readers", "critic", "critics", "student", "students",
        "worker", "workers", "employee", "employees", "passenger", "passengers", "parent", "parents", "teacher",
        "nurse", "victim", "owner", "source", "sources", "analyst", "analysts", "expert", "experts", "player",
        "players", "coach", "boy", "girl", "friend", "friends", "eyewitness", "onlooker", "bystander", "reviewer", "crowd", "letter", "report",
        "widow", "widower", "boss",  # (review31: '"...," said the widow of X Y')
    ]
)
_SUBJECT = re.compile(
    rf"(?<![\w’'])(?P<name>[{CAPITAL}][\w’'-]+(?:\s+(?:[{CAPITAL}]\.|[{CAPITAL}][\w’'-]+)){{0,3}})(?:,\s[^,“”\".!?]{{1,80}},)?"
    r"\s+(?:(?:[a-z]+ly|also|then|has|had|have|was|is|later|again|once|never|just|still|already|now|even|first|"
    r"since|further|repeatedly)\s+){0,2}?"
    r"(?:[a-z]{3,}ed|said|says|told|wrote|took|made|gave|became|spoke|sent|"
    # ... or acting through a modal or "did" ("X, who backs the rival club, couldn't hide his delight", "did not
    # give up", "could barely speak")
    r"(?:(?:could|would|did|can|will|should|might|must)(?:n[’']t|\s+not)?|cannot|won[’']t)\s+(?:[a-z]+ly\s+)?[a-z]{3,})\b"
)
# The subject a sentence opens with: "Exiled opposition leader Sviatlana Tsikhanouskaya, who ..., said"
# (a full name after up to four lower-case or leading words, the first such name: "X Y has designated North
# Korea as ..." opens with X Y), or "Bialiatski, 63, ... appeared".
_SENT_START = r"(?:^|(?<=[.!?]\s)|(?<=[.!?][”\"]\s)|(?<=\n))"
_OPENING_FULL = re.compile(
    rf"{_SENT_START}(?:(?:[A-Z]?[a-z-]+|The|An?)\s+){{0,4}}?(?:{_TITLE})*"
    rf"(?P<name>[{CAPITAL}][\w’'-]+(?:\s+[{CAPITAL}][\w’'-]+){{1,2}})(?=,|\s+[a-z])"
)
# A preposition right before a sentence's opening name (an article between): the name is its object, not the subject.
_LEADING_PREPOSITION = re.compile(
    r"\b(?:of|to|in|at|for|with|on|by|from|about|against|into|over|under)\s+(?:(?:the|a|an|his|her|its|their)\s+)?$",
    re.IGNORECASE,
)
_OPENING_SINGLE = re.compile(rf"{_SENT_START}(?:{_TITLE})*(?P<name>[{CAPITAL}][\w’'-]+)(?=,\s|\s+[a-z])")
_ROLE_SUBJECT = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))(?:The|A|An)\s+(?P<name>(?:[\w-]+\s+){0,3}?(?:coach|manager|spokes(?:man|woman|person)|"
    r"official|minister|president|chief|director|analyst|lawyer|prosecutor|leader|officer|witness|resident))"
    r"\s+(?:also\s+|later\s+)?" + _SPEECH + r"\b"
)
# A capitalised word before a colour or a garment is a modifier, no place ('dressed in Prince purple', 'fans in
# Chelsea shirts'): the words after "in" name what is worn, and the name may well speak later.
_WORN = (
    r"(?:purple|red|blue|green|yellow|orange|white|black|pink|gold|golden|silver|grey|gray|brown|maroon|navy|"
    r"crimson|scarlet|violet|teal|turquoise|beige|burgundy|colou?rs|shirts?|t-shirts?|jerseys?|kits?|hats?|caps?|"
    r"scarf|scarves|uniforms?|costumes?|outfits?|regalia|merchandise)"
)
_LOCATIVE = re.compile(
    r"\b(?:in|near|outside|across|into|at)\s+(?:the\s+)?(?P<place>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)(?![’']s)"
    rf"(?!\s+{_WORN}\b)"
)
_SAID_AFTER = re.compile(r"\s+(?:said|says|told|tells|added|wrote|writes|recalls|explained)\b")
_CLAUSE_OPENS = frozenset(".!?”\"’,")


def _speaks(text: str, name: str) -> bool:
    """Whether ``name`` opens a clause right before a speech verb somewhere ("Halloran said", '," Lind wrote')."""
    i = text.find(name)
    while i >= 0:
        opens = i == 0 or text[i - 1] == "\n" or (text[i - 1] == " " and i >= 2 and text[i - 2] in _CLAUSE_OPENS)
        if opens and _SAID_AFTER.match(text, i + len(name)):
            return True
        i = text.find(name, i + 1)
    return False

_CALENDAR = CALENDAR_WORDS
# a holiday named alone is a date too, never a speaker (round pages11: "Last Thanksgiving, she posted a caveat: ...";
# "Tom Easter said" is a name)
_HOLIDAYS = frozenset(["thanksgiving", "christmas", "easter", "halloween", "hanukkah", "ramadan", "diwali", "passover"])
_HE = re.compile(r"\b(?:he|him|his)\b", re.IGNORECASE)
_SHE = re.compile(r"\b(?:she|her|hers)\b", re.IGNORECASE)
# A participle clause of speech hangs on the sentence's subject: "X rejected the claims, saying ..." / "by
# saying only:".
_PARTICIPLE = (
    r"(?:saying|stating|adding|telling|writing|noting|explaining|warning|arguing|insisting|declaring|tweeting|"
    r"posting|calling|describing|claiming|urging|asking|replying|responding|answering|recalling|joking)"
)
_COORD_SPEECH = re.compile(
    rf"(?:(?:\b(?:but|and|then)\s+(?:also\s+|(?:last|this|earlier|later)\s+(?:week|month|year)\s+|on\s+[A-Z][a-z]+day\s+)?"
    rf"|,\s+)(?:{_SPEECH}|threatened|vowed|promised|pledged)|(?:,\s+|\bby\s+|\s[—–-]\s+){_PARTICIPLE})\b"
    r"[^“”\"«».!?]{0,80}$"
)
# A name's words never run across a line: a title ending "... Abuse Claims" and a paragraph opening "Tarantino says"
# are no person "Claims Tarantino".
_PERSON = re.compile(
    rf"(?<![\w.])(?:{_TITLE}){{0,2}}[{CAPITAL}][{SMALL}’'-]+(?:[^\S\n]+(?:[{CAPITAL}]\.[^\S\n]+)?[{CAPITAL}][{SMALL}’'-]+){{1,2}}(?![\w])"
)
_NOT_NAMES = frozenset(
    [
        "The", "A", "An", "He", "She", "They", "It", "We", "I", "You", "But", "And", "Or", "So", "Yet",
        "In", "On", "At", "For", "This", "That", "These", "Those", "There", "Here", "His", "Her", "Their",
        "Its", "Our", "My", "When", "Why", "How", "What", "Where", "Whether", "While", "After", "Before", "If", "As", "Asked", "Speaking", "Later",
        "Earlier", "Meanwhile", "However", "According", "Still", "Also", "Now", "Then", "Some", "Many",
        "Most", "Last", "Next", "Several", "Each", "Every", "Both", "All", "Few", "Other", "Another", "Such",
        # a focusing or linking word opening a sentence before its subject ("Even Ana Ruiz, who ..., couldn't")
        "Even", "Only", "Though", "Although", "Perhaps", "Indeed", "Instead", "Despite", "Unlike", "Nor",
        # page furniture between paragraphs ("Advertisement Continue reading the main story")
        "Advertisement", "Continue", "Read", "Share", "Photo", "Caption", "Subscribe", "Click", "Related",
    ]
)
_TITLE_WORDS = frozenset(
    [
        "secretary", "president", "minister", "spokesman", "spokeswoman", "spokesperson", "director",
        "chairman", "chairwoman", "chair", "ceo", "chief", "executive", "leader", "official", "governor",
        "senator", "mayor", "judge", "attorney", "lawyer",
    ]
)
_STRIP_TITLE = re.compile(rf"^{_TITLE}+")


@dataclass
class Quote:
    """A quotation: article offsets of its first and last quoted words, and the speaker found."""

    start: int
    end: int
    parts: list[tuple[int, int]]
    speaker: str | None = None
    extra: ClaimDetails = field(default_factory=lambda: ClaimDetails())


def find_quotes(text: str) -> list[Quote]:
    """Every quotation of record in ``text``, split quotes rejoined, speakers resolved."""
    quotes: list[Quote] = []
    for para in _PARAGRAPH.finditer(text):
        spans = [(para.start() + s, para.start() + e) for s, e in _all_spans(para.group())]
        quotes.extend(_join_split(text, spans))
    quotes = [q for q in quotes if _of_record(text, q)]
    if not quotes:
        return []
    persons = [(m.start(), name) for m in _PERSON.finditer(text) if (name := _clean_name(m.group()))]
    # "at Halloran" is no place when the text has Halloran speak ("Halloran said")
    places = {m.group("place") for m in _LOCATIVE.finditer(text)}
    if places:
        places = {p for p in places if not _speaks(text, p)}
    last_speaker: tuple[str, int] | None = None
    prev_line = -1
    voiced: dict[str, str] = {}  # who was credited "he said" ("m") or "she said" ("f") so far
    for q in quotes:
        line = text.rfind("\n", 0, q.start)
        pronoun = _credit_pronoun(text, q)
        q.speaker = _speaker(text, q, last_speaker, persons, places)
        if pronoun and q.speaker and voiced.get(q.speaker, pronoun) != pronoun:
            q.speaker = None  # "he said" resolved to one the text credited "she said" before
        if q.speaker is None and pronoun and (alone := _only_fitting(text, q, persons, voiced, pronoun, places)):
            q.speaker = alone  # '"...," she said. Her manager, Neil Osborne, denied it. "...," he said': not her
        if q.speaker:
            q.speaker = _expand(persons, q.speaker, q.start, text)
            if not q.speaker[:1].isupper() and (m := _ROLE_WORDS_NAME.fullmatch(q.speaker)):
                q.speaker = m.group("name")  # "production designer Ana Whitlow": the name, not its role
            elif not q.speaker[:1].isupper() and (named := _by_reference(text, q, q.speaker, last_speaker, persons, places)):
                q.extra["credit"] = q.speaker  # the role as the text credits it, kept beside the name
                q.speaker = named
            elif _epithet_of_last(text, q, last_speaker, line == prev_line, persons):
                assert last_speaker is not None
                q.extra["credit"], q.speaker = q.speaker, last_speaker[0]  # "added the four-times champion"
        elif (body := _body_by_kind(text, q)) is not None:
            q.extra["credit"], q.speaker = body  # '"...," the agency said' after the Food Standards Agency
        elif pronoun and last_speaker is not None and voiced.get(last_speaker[0], pronoun) != pronoun:
            pass  # "he said" after her quote: not hers, and nobody else fits alone
        elif (
            last_speaker is not None
            and line == prev_line
            and q.start - last_speaker[1] < 300
            and not _another_subject(text, q, last_speaker, persons)
        ):
            q.speaker = last_speaker[0]  # a further quote in the same paragraph, same voice
        elif last_speaker is not None and _opens_paragraph(text, q) and _follows(text, line, last_speaker[1]):
            q.speaker = last_speaker[0]  # a quote paragraph right after the speaker's previous quote
        if q.speaker:
            last_speaker = (q.speaker, q.end)
            if pronoun and q.speaker[:1].isupper():
                voiced[q.speaker] = pronoun
        prev_line = line
        words = [w.lower() for s, e in q.parts for w in _WORDS.findall(text[s:e])]
        q.extra["norm"] = " ".join(words)
    _share_end_credit(text, quotes)
    return quotes


# Words news copy calls the person it has just quoted by, instead of the name (round speakers23): '"...," Vettel
# said.\n"...," added the four-times champion.' A role ("the referee", "the coach") is another person as often, and
# is left to claims/coref.py.
_EPITHET_HEADS = frozenset(
    ["champion", "champ", "winner", "veteran", "star", "youngster", "teenager", "rookie", "legend", "holder",
     "titleholder", "title-holder", "incumbent", "newcomer", "debutant", "hero", "favourite", "favorite", "runner-up",
     "medallist", "medalist", "olympian", "great", "icon", "superstar", "frontrunner", "front-runner"]
)  # fmt: skip
_EPITHET = re.compile(r"(?:the\s+(?:[\w’'-]+\s+){0,3}?)?(?P<head>[a-z][\w’'-]*)")


def _epithet_of_last(
    text: str, q: Quote, last: tuple[str, int] | None, same_line: bool, persons: list[tuple[int, str]]
) -> bool:
    """Quote ``q`` is credited to an epithet ("the four-times champion", "the 19-year-old") right after the last
    named speaker's quote (its paragraph, or the next one opening with the quote), nobody else named between."""
    m = _EPITHET.fullmatch(q.speaker or "")
    if m is None or last is None or not last[0][:1].isupper() or coref.is_body_name(last[0]):
        return False
    head = m.group("head")
    if head not in _EPITHET_HEADS and not head.endswith("-year-old"):
        return False
    near = same_line and q.start - last[1] < 300 or _opens_paragraph(text, q) and _follows(text, text.rfind("\n", 0, q.start), last[1])
    mine = set(last[0].split())
    others = persons[bisect_left(persons, (last[1], "")) : bisect_left(persons, (q.start, ""))]
    return near and all(set(n.split()) & mine for _, n in others)  # the last speaker's own credit may lie between


# The pronoun crediting a quote right after it ('"...," she said'): "m" or "f".
_PRONOUN_CREDIT = re.compile(rf"[”\"’'»]?,?\s+(?P<p>he|she)\s+(?:also\s+|later\s+)?{_SPEECH}\b")


def _credit_pronoun(text: str, q: Quote) -> str | None:
    m = _PRONOUN_CREDIT.match(text, q.end)
    return None if m is None else ("m" if m.group("p") == "he" else "f")


def _only_fitting(
    text: str, q: Quote, persons: list[tuple[int, str]], voiced: dict[str, str], pronoun: str, places: set[str]
) -> str | None:
    """Round speakers23: the one person named in the quote's paragraph before it whom the crediting pronoun can
    stand for, once those the text credited by the other pronoun ('"...," she said') are left out; else None."""
    para = text.rfind("\n", 0, q.start) + 1
    near = persons[bisect_left(persons, (para, "")) : bisect_left(persons, (q.start, ""))]
    names = _distinct_people([n for _, n in near if _plausible(n, places) and not coref.is_body_name(n)])
    fitting = [n for n in names if voiced.get(n, pronoun) == pronoun and _gender(text, n) in (None, pronoun)]
    if len(fitting) != 1 or len(fitting) == len(names):
        return None  # nobody was left out by the pronoun: the usual rules found no speaker, nor does this
    return fitting[0]


def _distinct_people(names: list[str]) -> list[str]:
    """Names of different people ("Neil Osborne" and "Osborne" are one; the fuller kept)."""
    out: list[str] = []
    for n in names:
        same = [o for o in out if set(n.split()) <= set(o.split()) or set(o.split()) <= set(n.split())]
        if not same:
            out.append(n)
        elif len(n) > len(same[0]):
            out[out.index(same[0])] = n
    return out


# Between two quotes of one sentence: no sentence end, no verb of speech or naming, no other quote mark.
_SAME_CLAUSE_GAP = re.compile(r"^[^.!?\n“”\"«»]*$")
_GAP_SPEECH = re.compile(rf"\b(?:{_SPEECH}|call(?:s|ed)?|describ(?:es|ed)|dubb(?:s|ed)|according)\b", re.IGNORECASE)


def _share_end_credit(text: str, quotes: list[Quote]) -> None:
    """Round pages14: quotes of one sentence credited once, after the last ('The deal marks "a turning point for the
    region" and will bring "jobs for a generation," the minister said'): an earlier quote left without a
    speaker takes the last quote's, when nothing between them is a sentence end (nor the earlier quote's own last
    mark: '..."one hell of a career." "My ..."' are two sentences) or a verb of speech or naming."""
    for k in range(len(quotes) - 2, -1, -1):
        q, nxt = quotes[k], quotes[k + 1]
        if q.speaker or not nxt.speaker or nxt.start - q.end > 300:
            continue
        gap = text[q.end + 1 : nxt.start - 1]
        if text[q.end - 1 : q.end] in ".!?…" or not _SAME_CLAUSE_GAP.match(gap) or _GAP_SPEECH.search(gap):
            continue
        after = text[nxt.end + 1 : nxt.end + 160]
        if _SENTENCE_ENDS.match(after) or _from_after(after) is None:
            continue  # the credit must follow the last quote in its sentence
        q.speaker = nxt.speaker
        if "credit" in nxt.extra:
            q.extra["credit"] = nxt.extra["credit"]


# A pronoun that credits the words in the quote's own sentence: 'X, he added, was "..."', '"...," she said.'
_PRONOUN_SAID = re.compile(rf"\b(?:he|she|they)\s+(?:also\s+|later\s+)?{_SPEECH}\b")
_PRONOUN_SAID_AFTER = re.compile(rf"[”\"’'»]?[,]?\s+(?:he|she|they)\s+(?:also\s+|later\s+)?{_SPEECH}\b")


def _another_subject(text: str, q: Quote, last: tuple[str, int], persons: list[tuple[int, str]]) -> bool:
    """Whether the sentence of quote ``q``, after the previous quote's end, opens with a name other than that
    quote's speaker ('"Why was I blamed?" Halloran, by his own admission, took about "a tenth" of the
    criticism': the second quote is no further word of the first speaker). Not when a pronoun credits the words in
    that sentence ('Brandt, he added, was "..."', '... was "...," she said'): it stands for the last speaker,
    the name opening the sentence being what the words are about."""
    start = q.start
    stop = max(text.rfind(". ", last[1], start), text.rfind("? ", last[1], start), text.rfind("! ", last[1], start),
               text.rfind("” ", last[1], start), text.rfind('" ', last[1], start))
    if stop < 0:
        return False
    m = _OPENING_FULL.match(text, stop + 2) or _OPENING_SINGLE.match(text, stop + 2)
    if m is None or m.start("name") >= start:
        return False
    if _PRONOUN_SAID.search(text, m.end("name"), start) or _PRONOUN_SAID_AFTER.match(text, q.end):
        return False
    name = m.group("name")
    if " " not in name and not any(full.endswith(" " + name) for _, full in persons):
        return False  # one capitalised word is a person's name only when the text gives it in full ("That's")
    return name not in _NOT_NAMES and not set(name.split()) & set(last[0].split())


# A body credited by its kind right after the quote ('"...," the agency said'): no speaker unless the article named
# one of that kind before (claims/coref.py).
_BODY_CREDIT = re.compile(
    rf"[\s,—–»”\"’'-]*(?P<credit>the\s+(?:[\w-]+\s+){{0,2}}?(?P<kind>{coref.BODY_KINDS_RE}))\s+(?:also\s+|later\s+)?{_SPEECH}\b"
)


def _body_by_kind(text: str, q: Quote) -> tuple[str, str] | None:
    """(credit as written, the body's name) for a quote credited to a body by its kind, or None."""
    m = _BODY_CREDIT.match(text, q.end + 1, q.end + 120)
    if m is None:
        return None
    phrase = coref.credit_phrase(text, m.start("kind") - 40, m.end("kind"), m.group("kind"), last=True)
    found = coref.resolve_role(text, m.group("kind"), m.start("kind"), phrase)
    return (m.group("credit"), found) if found else None


# A speaker found with lower-case role words before the name ("production designer Ana Whitlow").
_ROLE_WORDS_NAME = re.compile(rf"(?:[a-z][\w’'-]*\s+){{1,3}}(?P<name>[{CAPITAL}][\w’'-]+(?:\s+[{CAPITAL}][\w’'-]+){{1,2}})")
_APPOSED_AFTER_ROLE = re.compile(rf",\s+(?P<name>{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,2}})(?=\s*[,.;]|\s*$)")


def _by_reference(
    text: str,
    q: Quote,
    speaker: str,
    last: tuple[str, int] | None,
    persons: list[tuple[int, str]],
    places: set[str],
) -> str | None:
    """The name a role credit ("the minister", "his spokeswoman", "the 45-year-old") points back to, where the
    article introduced one with that role (claims/coref.py), or None."""
    head = speaker.split()[-1]
    line_start = text.rfind("\n", 0, q.start) + 1
    line_end = text.find("\n", q.end)
    line_end = len(text) if line_end < 0 else line_end
    phrase = coref.credit_phrase(text, q.end, min(line_end, q.end + 160), head)
    if phrase is None:
        for s, e in q.parts[:-1]:  # between a split quote's parts
            nxt = next(ps for ps, _ in q.parts if ps > s)
            if phrase := coref.credit_phrase(text, e, nxt, head):
                break
    if phrase is None:
        phrase = coref.credit_phrase(text, max(line_start, q.start - 200), q.start, head, last=True)
    if phrase is not None and (named := _APPOSED_AFTER_ROLE.match(text, phrase[2] + len(head))):
        return _clean_name(named.group("name"))  # '"...," said the spokeswoman, Mei Lan.'
    if phrase is not None and phrase[0] in ("his", "her") and coref.is_role(head):
        whose = _resolve_pronoun(persons, q.start, last, text, "he" if phrase[0] == "his" else "she", places)
        whose = re.sub(r"['’]s?$", "", whose) if whose else whose  # "Kanye West's former wife": Kanye West
        if whose and whose[:1].isupper():
            return f"{whose}’s {' '.join([*phrase[1], head])}"  # "his spokeswoman" -> "Victor Hale’s spokeswoman"
        return None
    return coref.resolve_role(text, speaker, phrase[2] if phrase is not None else q.start, phrase)


def _opens_paragraph(text: str, q: Quote) -> bool:
    line_start = text.rfind("\n", 0, q.start) + 1
    return not text[line_start : q.start].strip(" \t\"“«„'‘")


def _follows(text: str, line: int, last_end: int) -> bool:
    """The previous quote ended in the paragraph just before this one (nothing but the attribution between)."""
    if line < 0 or last_end > line:
        return False
    prev_start = text.rfind("\n", 0, max(0, text.rfind("\n", 0, line + 1)))
    between = text[last_end:line]
    return last_end >= prev_start and "\n" not in between.strip() and len(between) < 200


def _closing_straight(para: str, i: int, k: int) -> bool:
    """Whether the straight mark at ``k`` closes the curly quote opened at ``i``: it follows the quote's own
    punctuation, comes before a space, and pairs with no straight mark inside (“a "disaster," he said”)."""
    return (
        para[k - 1] in ",.!?"
        and (k + 1 == len(para) or para[k + 1].isspace())
        and para.count('"', i + 1, k) % 2 == 0
    )


# A straight double mark right after a digit that a size follows is an inch mark: '22" long', 'a 13.3" screen',
# '6\'2" tall' (replaced by a double prime, the same length, before pairing the marks).
_INCH = re.compile(
    r"(?<=\d)\"(?=\s*(?:x\s*\d|by\s+\d|long|wide|tall|high|deep|thick|across|in\s+diameter|diameter|screen|display|"
    r"monitor|TV|tablet|laptop|wheels?|rims?|[,;)]|\s*-?\s*inch))"
    r"|(?<=\d['’]\d)\"|(?<=\d['’]\d\d)\"",
)
# In a paragraph with an odd number of straight marks, one after a short figure and before a word is an inch
# mark too ('the 55" set costs less than "any set we tested"'); a year is not one ('by 2020" and left').
_DIGIT_MARK = re.compile(r"\d\"")
_INCH_ODD = re.compile(r"(?<![\w.,])(?:\d{1,3}|\d{1,2}\.\d)(\")(?=\s+[a-z])")


def _quoted_spans(para: str) -> list[tuple[int, int]]:
    """(start, end) of the words inside each pair of quote marks (marks excluded)."""
    if '"' in para and _DIGIT_MARK.search(para):
        para = _INCH.sub("″", para)
        if para.count('"') % 2 == 1 and (m := _INCH_ODD.search(para)):
            para = para[: m.start(1)] + "″" + para[m.end(1) :]
    out: list[tuple[int, int]] = []
    odd_straight = para.count('"') % 2 == 1
    i, n = 0, len(para)
    while i < n:
        m = _OPEN_MARK.search(para, i)
        if m is None:
            break
        i, ch = m.start(), m.group()
        close = _PAIRS.get(ch)
        if close is None or ch == '"' and 0 < i < n - 1 and para[i - 1] in ".!?" and para[i + 1].isspace():
            i += 1  # (a straight mark after a sentence's stop and before a space closes a quote, never opens one)
            continue
        j = para.find(close, i + 1)
        if ch == '"' and (odd_straight or j < 0):  # '"And I asked ...” said Hill': a straight mark closed by a curly one
            k = para.find("”", i + 1)
            j = k if k >= 0 and (j < 0 or k < j) else j
        if ch == "“":  # a curly opening quote is sometimes closed by a straight one ('“It is," he said.')
            k = para.find('"', i + 1)
            j = k if k >= 0 and (j < 0 or k < j) and (odd_straight or _closing_straight(para, i, k)) else j
        if j < 0:
            # A quote that runs on into the next paragraph: it opens the paragraph, or follows an
            # introduction ('Pompeo said the release "give[s] us hope ...', 'X said in a statement: "').
            if not para[:i].strip() or ch != '"' or _RUNS_ON.search(para, 0, i) or _runs_on_after_stop(para, i):
                out.append(_strip(para, i + 1, n))
            break
        out.append(_strip(para, i + 1, j))
        i = j + 1
    return out


def _runs_on_after_stop(para: str, i: int) -> bool:
    """Round speakers23: a straight mark after a sentence's end, before a capital, left open to the end of a paragraph
    that ends a sentence: a quote going on in the next paragraph ('X remembered the night. "The water came in.\n"By
    midnight ..."')."""
    return bool(re.search(r"[.!?]\s+$", para[:i])) and para[i + 1 : i + 2].isupper() and para.rstrip()[-1:] in ".!?"


# Single quotation marks (British style: 'We did what we had to do,' Pryce said). An opening mark follows
# a space, a bracket, a dash or another quotation mark and comes before a word; a closing mark follows a
# non-space and comes before a space, punctuation or the end. Apostrophes inside words (don't, rock 'n'
# roll, the '90s, 'em) are neither; a closing candidate after "s" and before a word ("Jones' lawyer") is a
# possessive.
# (The mark comes first in each pattern so that the scan skips other characters quickly.)
_SINGLE_OPEN = re.compile(r"[‘'](?<![^\s(\[“\"—–-][‘'])(?!\d\ds\b|n[’']\s|em\b|til\b|cause\b)(?=[\w“\"])")
_SINGLE_CLOSE = re.compile(r"[’'](?<=\S[’'])(?=$|[\s.,;:!?)\]”\"—–-])")


def _all_spans(para: str) -> list[tuple[int, int]]:
    """Double-quoted spans, plus single-quoted ones not nested in them (an outer quote keeps its inner one)."""
    double = _quoted_spans(para)
    if "'" not in para and "‘" not in para:
        return double
    single = _single_spans(para)
    if not single:
        return double
    spans = [d for d in double if not any(a <= d[0] and d[1] <= b for a, b in single)]
    spans += [q for q in single if not any(a <= q[0] and q[1] <= b for a, b in double)]
    return sorted(spans)


def _single_spans(para: str) -> list[tuple[int, int]]:
    """Single-quoted spans: each opening mark takes the first closing mark after it that is not a
    possessive; an opening followed by another opening before that close was an apostrophe. One pass
    over both lists (linear, whatever the text)."""
    out: list[tuple[int, int]] = []
    closes = [m.start() for m in _SINGLE_CLOSE.finditer(para)]
    opens = [m.start() for m in _SINGLE_OPEN.finditer(para)]
    if opens and _runs_on_single(para, opens[0], closes):
        # A quotation that runs on over paragraphs opens each one with a mark and closes only the last
        # ("'That seemed a dull idea.\n'So we chose something else.'"): this paragraph is all quote.
        return [_strip(para, opens[0] + 1, len(para))]
    if not closes:
        return _runs_on_mid(para, opens, out)
    j, pos = 0, 0
    for i, o in enumerate(opens):
        if o < pos:
            continue
        while j < len(closes) and (closes[j] <= o + 1 or _possessive(para, closes[j])):
            j += 1
        if j == len(closes):
            break
        if i + 1 < len(opens) and opens[i + 1] < closes[j]:
            continue  # another opening before this close: this mark was an apostrophe
        out.append(_strip(para, o + 1, closes[j]))
        pos = closes[j] + 1
    return _runs_on_mid(para, [o for o in opens if o >= pos], out)


# A quotation that opens after a sentence's end or a speech verb's colon and runs on, unclosed, to the
# paragraph's end (the next paragraph goes on with it, or the outlet dropped the closing mark): "'...,' X said.
# 'I mean, not that. We just live apart.'" with the last mark missing; "X, an expert at Y, said: 'This is what
# the sanctions were for."
_AFTER_STOP = re.compile(rf"(?:^|[.!?][’'”\"]?\s+|\b{_SPEECH}(?:\s+[\w’'-]+){{0,3}}?:\s+)$")


def _runs_on_mid(para: str, opens: list[int], out: list[tuple[int, int]]) -> list[tuple[int, int]]:
    last = opens[-1] if opens else -1
    if (
        last > 0
        and (len(opens) == 1 or opens[-2] < (out[-1][1] if out else 0))  # every earlier mark was paired
        and _AFTER_STOP.search(para, 0, last)
        and _RUN_ON_START.match(para, last - 1)
        and _RUN_ON_END.search(para)
    ):
        out.append(_strip(para, last + 1, len(para)))
    return out


# A word written with its first letters left out opens with an apostrophe and no quotation ("'Tis the season",
# "'Til the end of the '80s", "'Cause", "'Bama fans", "'Nam veterans").
_ELIDED = r"(?:Tis|Twas|Twere|Twill|Til|Till|Cause|Cos|Coz|Bout|Em|Round|Neath|Nam|Bama|Burbs|Fraid|Kay)"
_RUN_ON_START = re.compile(rf"\s*[‘'](?!{_ELIDED}\b)[A-Z]")
_RUN_ON_END = re.compile(r"[.!?…]\s*$")


def _runs_on_single(para: str, first_open: int, closes: list[int]) -> bool:
    """A paragraph that opens with a single mark before a capital, has no closing mark after it (a
    possessive is none) and ends a sentence: one paragraph of a quotation that goes on in the next."""
    if not _RUN_ON_START.match(para) or para[:first_open].strip():
        return False
    if any(c > first_open + 1 and not _possessive(para, c) for c in closes):
        return False
    return bool(_RUN_ON_END.search(para))


# Words ending in s that never take a possessive's bare apostrophe: a closing mark after them closes the quote
# (speakers33: "'We are going to win this' for the fans, ..." opening a text was read as running to its end)
_NO_POSSESSIVE_S = frozenset(
    ["this", "is", "was", "has", "does", "his", "hers", "its", "ours", "yours", "theirs", "us", "yes", "always",
     "perhaps", "unless", "across", "plus", "thus", "as", "less", "whereas", "besides", "towards", "afterwards",
     "sometimes", "nevertheless", "regardless", "nowadays", "anyways", "says", "goes"]
)  # fmt: skip


def _possessive(para: str, i: int) -> bool:
    """ "Jones' lawyer", "the Smiths' neighbour": s + apostrophe + a following word."""
    if para[i - 1 : i] != "s" or not re.match(r"\s+[\w]", para[i + 1 : i + 4]):
        return False
    word = re.search(r"[\w]+$", para[max(0, i - 20) : i])
    return word is None or word.group().lower() not in _NO_POSSESSIVE_S


def _strip(para: str, s: int, e: int) -> tuple[int, int]:
    while s < e and para[s].isspace():
        s += 1
    while e > s and (para[e - 1].isspace() or para[e - 1] in "'’" and e - 2 >= s and para[e - 2] in ",.!?'’"):
        e -= 1  # a doubled closing mark ("true, it probably is,''")
    return s, e


def _join_split(text: str, spans: list[tuple[int, int]]) -> list[Quote]:
    """Rejoin '"A," he said, "b"': a connector holding a speech verb and ending in a comma or colon; or, when
    the first part closes on its comma and the second goes on in lower case, any subject and verb between
    ('"A," the singer later clarified, "b"': one sentence of one speaker)."""
    out: list[Quote] = []
    for s, e in spans:
        prev = out[-1] if out else None
        if prev is not None:
            gap = text[prev.end + 1 : s - 1]
            joinable = text[prev.end - 1 : prev.end] in ",:;—–-" or text[s : s + 1].islower()
            goes_on = (
                text[prev.end - 1 : prev.end] == ","
                and text[s : s + 1].islower()
                and _opens_sentence(text, prev.start)
            )
            if joinable and len(gap) < 120 and (
                _CONNECTOR.match(gap) or (goes_on and _subject_verb(gap, comma=True) is not None)
            ):
                prev.parts.append((s, e))
                prev.end = e
                continue
        out.append(Quote(s, e, [(s, e)]))
    return out


# A short quoted phrase that is the name of something, not anyone's words: 'a so-called "smart tax"', 'what
# is called "feather duvet lung"', 'the "Starts with one" campaign', 'the hashtag "..."'.
_NAMED_BEFORE = re.compile(
    r"(?:(?:so-called|dubbed|nicknamed|known\s+as|titled|entitled|what(?:'s|’s|\s+is|\s+was)\s+called|"
    r"(?:the\s+)?nickname(?:\s+of)?)(?:\s+(?:the|an?))?|hashtag|"
    r"(?:(?:an?|the|old|famous|popular|common)\s+saying|adage|proverb|motto|slogan|catchphrase|tagline)"
    r"(?:\s+(?:that\s+)?goes)?[,:?]?)"
    r"\s*[“\"‘'«„]?\s*$",
    re.IGNORECASE,
)
# A work or a campaign named right before a title in capitals: 'the campaign "Starts with one."', 'the central
# theme "The River Has Two Banks"' ('called the film "a disgrace"' gives the speaker's words, in lower case).
_WORK_BEFORE = re.compile(r"\b(?:campaign|theme|song|album|single|film|movie|novel|musical|documentary)\s*[“\"‘'«„]\s*$")
_NAMED_AFTER = re.compile(
    r"[”\"’'»]?\s+(?:(?!(?:to|and|or|but|that|will|would|can|could|may|might)\s)[a-z]+\s+)?(?:campaign|slogan|hashtag|motto|series|song|single|album|film|movie|book|novel|show|"
    r"programme|program|initiative|podcast|documentary|musical|brand|trophy|award|doctrine|meme|challenge|"
    r"chant|sign|banner|t-shirt|logo|tagline)s?\b"
)
_NAME_WORDS = 10
# A question or an exclamation followed by its speaker's verb is spoken, even in capitals (round pages11: "'Sold Out
# Again?' posted one reader", '"Made In Ohio?" he asked'); a title has no speaker after it.
_SPOKEN_AFTER = re.compile(
    rf"[”\"’'»]?\s+(?:(?:he|she|they|we|I)\s+|(?:one|another|a|an|the)\s+[a-z][\w-]*\s+)?{SPEECH_RE}\b"
    rf"|[”\"’'»]?\s+{SPEECH_RE}\s+(?:one|another|a|an|the|[{CAPITAL}])"
)
# A title runs to a dozen words with every word in capitals but the small ones ('"How to Speak So That People Want
# to Listen"', '"The House at the End of the Lane"'); a speaker's words in capitals throughout are rarer still.
_TITLE_LENGTH = 12
_SHOUTED_TITLE_LENGTH = 6  # ... a title in capitals throughout ('"STAR WARS"') is short
# Words written on a thing, not spoken: 'the sign read "..."', 'a banner reading "..."', 'his cap said "..."'.
_WORN_TEXT_BEFORE = re.compile(
    r"\b(?:signs?|banners?|placards?|posters?|t-shirts?|shirts?|caps?|hats?|plaques?|graffiti|billboards?|stickers?)"
    r"\s+(?:that\s+)?(?:read|reads|reading|said|says|saying|proclaim(?:ed|ing|s)?|declar(?:ed|ing|es))\s*:?\s*[“\"‘'«„]$",
    re.IGNORECASE,
)


# A headline's verb of speech right after its quote or right before it, in any case ("'We Will Rebuild,' Says
# Mayor", '"This Is A Disaster," Minister Warns', 'Coach Says Team Will "Fight Until The Last Minute"').
_HEADLINE_SPOKEN_AFTER = re.compile(
    rf"[”\"’'»]?,?\s+(?:(?:[{CAPITAL}][\w’'-]*\s+){{0,3}})?(?i:{SPEECH_RE}|warns?|vows?|insists?|admits?|urges?)\b"
)
_HEADLINE_SPOKEN_BEFORE = re.compile(
    rf"(?i:\b(?:{SPEECH_RE}|warns?|vows?|insists?|admits?|urges?))(?:\s+[{CAPITAL}][\w’'-]*){{0,5}}\s*:?\s*[“\"‘'«]?$"
)


_LINE_END = re.compile(r"[”\"’'»]?[.!?]?\s*(?:\n|$)")


def _spoken_in_headline(text: str, q: Quote) -> bool:
    """Whether ``q`` is spoken in a headline in title case, where every quoted word is capitalised as every other
    word is (so no sign of a title): a verb of speech beside it says so."""
    start = text.rfind("\n", 0, q.start) + 1
    end = text.find("\n", q.end)
    line = text[start : end if end >= 0 else len(text)]
    if not is_title_case(line):
        return False
    if _HEADLINE_SPOKEN_AFTER.match(text, q.end):
        return True
    # before it, only as the line's last words ('Author Says "The House At The End" Took Ten Years' names a work)
    return bool(_HEADLINE_SPOKEN_BEFORE.search(text, max(start, q.start - 60), q.start)) and _LINE_END.match(text, q.end) is not None


# A closing quotation mark with the letters of a plural right after it, no space between: the quoted phrase is used
# as a noun ('a chorus of "what did she say"s', 'more "not in my back yard"es'), a phrase named, not words on record.
_MADE_PLURAL = re.compile(r"[”\"»]e?s\b")


def _of_record(text: str, q: Quote) -> bool:
    """Leave out scare quotes (one or two words), titles ("Star Trek Into Darkness") and short names
    (_NAMED_BEFORE, _NAMED_AFTER)."""
    words = [w for s, e in q.parts for w in _WORDS.findall(text[s:e])]
    if len(words) < 3 or sum(1 for s, e in q.parts for t in text[s:e].split() if _WORDS.search(t)) < 3:
        return False  # a hyphenated compound is one word: "a 'feather-duvet lung'" is a scare quote
    if _MADE_PLURAL.match(text, q.end):
        return False  # 'a chorus of "is that him"s': the phrase made a plural noun, named, nobody's words here
    if len(words) <= _NAME_WORDS and (
        _NAMED_BEFORE.search(text, max(0, q.start - 40), q.start)
        or _NAMED_AFTER.match(text, q.end)
        or text[q.start : q.start + 1].isupper() and _WORK_BEFORE.search(text, max(0, q.start - 20), q.start)
    ):
        return False
    small = {"of", "the", "and", "a", "in", "to", "for", "on", "at", "with", "by", "from", "as", "an", "or"}
    # (a hyphenated word is one: "the 'Trans-Pacific Partnership Summit'", "Daehak-ro Festival")
    tokens = [w for s, e in q.parts for t in text[s:e].split() if (w := t.strip("\"'“”‘’.,:;!?()[]"))]
    # words in capitals throughout (no small word in lower case) run to six: past that they are shouted, a post
    # or a chant on record ('"WE WILL NOT STOP UNTIL THE JOB IS DONE," he wrote'), not a title
    shouted = not any(c.islower() for s, e in q.parts for c in text[s:e])
    longest = _SHOUTED_TITLE_LENGTH if shouted else _TITLE_LENGTH
    if (
        len(words) <= longest
        and all(w[0].isupper() or w[0].isdigit() or w.lower() in small for w in tokens)
        and not (text[q.start : q.end].rstrip("”\"’'»").endswith(("?", "!")) and _SPOKEN_AFTER.match(text, q.end))
        and not _spoken_in_headline(text, q)
    ):
        return False  # a title or a name in capitals, its numbers too ("Kill Bill: Vol. 1", "2018 Welcome Festival")
    if len(words) <= _NAME_WORDS and _WORN_TEXT_BEFORE.search(text, max(0, q.start - 40), q.start):
        return False  # what a sign or a shirt reads ('a banner reading "Hands off our library"')
    return not (len(words) <= _TERM_WORDS and _term_in_phrase(text, q))


# A short quoted stretch inside a noun phrase, an article or demonstrative before it (up to two describing words
# between, unless the determiner opens the sentence: "The senator has", "The coach felt", "This means" are a
# subject and its verb) and the phrase going on after it in lower case, with no verb that reports or names words before it in its sentence: a term or a phrase
# held at arm's length ('organisers set up a "quiet recovery room" for runners', 'the "I'll eat my hat" bit',
# 'their commitment to the principle of "one town, one bus fare," meaning'), nobody's words on record. With
# such a verb anywhere in its sentence it stays a quote ('X called the academy "woefully out of touch" in a
# letter', 'X said he hoped the deal would "pave the way" for talks', 'it made a "vile" remark, X said'), or with
# a source, a finding or words put out ('a "frank" meeting, according to the ministry', 'the inquiry found a
# "culture of fear" inside', 'the court ruled the "unlawful" order invalid', 'issued a "final" warning'); so it
# does after a possessor, whose words they often are ('X unveiled plans to launch his "midnight red car" into
# space').
_TERM_WORDS = 6
_TERM_WINDOW = 400
_TERM_BEFORE = re.compile(
    r"(?:^|[\s(])(?:(?:An?|The|This|That|These|Those)\s+|(?:an?|the|this|that|these|those|of)\s+"
    r"(?:(?!(?:who|whose|which|that|is|was|are|were|be|been|to|and|or|has|have|had|will|would|can|could|may|"
    r"might|must|shall|should|does|do|did)\s)[a-z][\w-]*\s+){0,2})"
    r"[“\"‘'«„]$"
)
# "that" right before a quote that opens with a determiner or a subject pronoun is the conjunction of a clause
# ('it is clear that "the budget will not balance" without cuts'): a determiner never precedes another.
_THAT_BEFORE = re.compile(r"(?:^|\s)that\s+[“\"‘'«„]$")
_CLAUSE_START = re.compile(
    r"(?:the|a|an|this|these|those|our|his|her|their|its|my|your|we|they|he|she|it|there|i|you)\s", re.IGNORECASE
)
_TERM_AFTER = re.compile(
    r"[”\"’'»]?[,]?\s+(?!(?:he|she|they|it|we|i|you|and|or|but|as|which|who|that|when|while|because|if)\b)"
    rf"(?!{_SPEECH}\b)[a-z]"
)
# The same short phrase closing its sentence ('they were baffled by this "online business thing."', 'fans shrugged
# at the band\'s "farewell tour plan"'), of four words at most: a longer stretch there is more often someone's words
# cut into the sentence. The same verbs keep it a quote ('X called the plan a "cynical trick."', 'researchers found a
# "significant rise in cases."').
_TERM_ENDS = re.compile(r"(?<=[.!?])[”\"’'»][ \t]*(?:$|\n|[A-Z“\"‘(])|[”\"’'»][.!?]?[ \t]*(?:$|\n)|[”\"’'»][.!?][ \t]+[A-Z“\"‘(]")
_TERM_END_WORDS = 4
# ... but not right after a preposition: the determiner before it then belongs to another noun ('blamed the slump
# on "weak demand in China."', 'booed the referee after "a shocking decision."'), and the stretch is an object of
# the sentence's verb, someone's words put into it
_QUOTE_AFTER_PREPOSITION = re.compile(
    r"\b(?:on|at|for|to|with|by|in|from|into|onto|about|over|against|after|before|of|behind|despite|amid)\s+[“\"‘'«„]$",
    re.IGNORECASE,
)
_WORDS_NAMED = re.compile(
    rf"\b(?:{_SPEECH}|{_NAMING}|suggest(?:s|ed|ing)?|indicat(?:es|ed|ing)|stated|claim(?:s|ed|ing)?|insist(?:s|ed|ing)?|"
    r"maintain(?:s|ed|ing)?|contend(?:s|ed|ing)?|alleg(?:es|ed|ing)|call(?:s|ed)?|warn(?:s|ed)?|describ(?:es|ed|ing)|"
    r"refer(?:s|red)?\s+to|known\s+as|quot(?:es|ed|ing)|hope[sd]?|saying|telling|calling|"
    # a source credited without a verb, a finding or a ruling on record, words put out
    r"according\s+to|found|finds|ruled|rules|express(?:es|ed)|voic(?:es|ed)|issu(?:es|ed))\b"
)


def _term_in_phrase(text: str, q: Quote) -> bool:
    start = q.parts[0][0]
    if len(q.parts) > 1 or not _TERM_BEFORE.search(text, max(0, start - 40), start):
        return False
    if _THAT_BEFORE.search(text, max(0, start - 8), start) and _CLAUSE_START.match(text, start):
        return False
    if not _TERM_AFTER.match(text, q.end) and not (
        _TERM_ENDS.match(text, q.end)
        and len(_WORDS.findall(text[start : q.end])) <= _TERM_END_WORDS
        and not _QUOTE_AFTER_PREPOSITION.search(text, max(0, start - 12), start)
    ):
        return False
    # the sentence around it, within a bounded window (a page of such quotes and no full stop stays linear)
    lo, hi = max(0, start - _TERM_WINDOW), min(len(text), q.end + _TERM_WINDOW)
    sentence = max(text.rfind(". ", lo, start), text.rfind("\n", lo, start), text.rfind("? ", lo, start), text.rfind("! ", lo, start))
    ends = [i for i in (text.find(". ", q.end, hi), text.find("\n", q.end, hi)) if i >= 0]
    before, after = text[max(sentence + 1, lo) : start], text[q.end : min(ends, default=hi)]
    return _WORDS_NAMED.search(before) is None and _WORDS_NAMED.search(after) is None  # nor a credit after it


def _speaker(
    text: str, q: Quote, last: tuple[str, int] | None, persons: list[tuple[int, str]], places: set[str]
) -> str | None:
    """The speaker named next to the quote (after it, between its parts, or before it)."""
    line_start = text.rfind("\n", 0, q.start) + 1
    line_end = text.find("\n", q.end)
    line_end = len(text) if line_end < 0 else line_end
    after = text[q.end + 1 : min(line_end, q.end + 160)]
    if _SENTENCE_ENDS.match(after):
        after = ""  # '... called "the most demonic thing". That idea was scrapped when X tweeted': not X's words
    elif text[q.end - 1 : q.end] == "." and after[:1].isspace() and after[1:2].isupper() and not _STOPPED_CREDIT.match(after):
        # '... "Resign now, you slob." The Harbour Council, ..., urged': a new sentence, not a credit; unless it is
        # nothing but a credit ('"..." Ana Torres, 45, said.', '"..." BBC presenter Tom Hale said on air.')
        after = after[:only] if (only := _only_credit(after)) > 0 else ""
    elif (stop := _next_sentence(after)) >= 0:
        # '... had made "...", claiming she had lied. Velden argues that ...': a credit is in the quote's sentence
        after = after[: stop + 1]
    candidates: list[str | None] = []
    for s, e in q.parts[:-1]:
        gap_end = next(ps for ps, _ in q.parts if ps > s)
        gap = text[e + 1 : gap_end - 1]
        candidates.append(_from_after(gap, text[e - 1 : e] == ","))
    closed = text[q.end - 1 : q.end] in ",?!" or (text[q.end - 1 : q.end] in ".…" and _GOES_ON.match(after) is not None)
    candidates.append(_from_after(after, closed and _opens_sentence(text, q.start)))
    before = text[max(line_start, q.start - 200) : max(line_start, q.start - 1)]
    if line_start >= q.start - 100 and (by_line := _line_speaker(text, line_start, q)):
        return by_line  # 'Grady: "..."' (an interview's answer), 'Minister: "..."' (a headline)
    if (told := _told_by_other(before, after)) is not None:
        return told or None  # 'Police said the man shouted "..."': the man's words, not the police's
    candidates.append(_from_before(before))
    if _IT_SAID.match(after):  # '"...," it added.': the body named as a speaker just before
        return _last_body(text[max(0, q.start - 500) : q.start], places)
    for k, name in enumerate(candidates):
        if name in _PORTFOLIOS:  # "said the Secretary of State, Ann Devlin": the apposed name, never "State"
            named = re.search(rf"\b{name},\s+(?P<name>{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,2}})\s*(?:[,.]|$)", after)
            name = _clean_name(named.group("name")) if named else None
        if not name:
            continue
        if name.lower() in {"he", "she"}:
            pos = _parenthetical_subject(text, line_start, q, last)
            hide = None
            if k == len(candidates) - 1 and (said := _last_pronoun(before, name)) is not None:
                # a pronoun credit before the quote ('He added that North Korean envoys should "..."'): never
                # resolved to a name between it and the quote
                hide = (max(line_start, q.start - 200) + said, q.start)
            return _resolve_pronoun(persons, pos, last, text, name.lower(), places, hide)
        if name.lower() == "they":
            return None
        if _plausible(name, places):
            return name
    found = _role_and_said(text[max(line_start, q.start - 200) : max(line_start, q.start - 1)])
    if found is None:
        found = _coordinated_subject(text[max(line_start, q.start - 400) : max(line_start, q.start - 1)], places)
    if found is None and (end := _SENTENCE_CREDIT.search(after.split(". ", 1)[0] + ".")):
        found = _clean_name(end.group("name"))  # 'The satellite, "a newly developed" one, entered orbit, said KCTV.'
    if found is None:
        found = _reporting_subject(text[max(line_start, q.start - 300) : max(line_start, q.start - 1)], places)
    if found is None and text[q.end - 1 : q.end] not in ".!?…" and not _TEXT_NOUN_BEFORE.search(text, line_start, q.start):
        found = _final_credit(after)  # (a quote closed by its stop ended its sentence; words naming a text are no one's)
    return found


# The credit closing the quote's sentence, set off by its comma after the clause the quote is part of (round
# pages21): '"We hope to deepen our ties" with Norway, and to "broaden" trade, the mayor's office said.'
_FINAL_CREDIT = re.compile(r",\s+(?P<tail>[^,“”\"«»;:()]{2,80}?)\s*[.!]?\s*$")
_SHORT_QUOTES = re.compile(r"[“\"][\w’'-]+(?:\s+[\w’'-]+)?[”\"]")


# A noun of words or of a text right before the quote, which the quote then names or spells out (review31): 'The words
# "..." are carved above the door, the vicar said', 'Her book "..." sold well, her publisher said': the credit closing
# the sentence reports a thing, it did not say the words.
_TEXT_NOUN_BEFORE = re.compile(
    r"\b(?:words|phrase|term|expression|message|motto|slogan|headline|title|titled|entitled|caption|inscription|"
    r"song|book|novel|film|album|poem|hashtag|chant|banner|sign|tweet|post)\s*[“\"‘'«„]$",
    re.IGNORECASE,
)


def _final_credit(after: str) -> str | None:
    """The speaker of the credit that ends the quote's sentence (', the mayor said.', ', said Lena Ruud.'), when
    nothing between them speaks: no other verb of speech or naming, no quote of more than two words."""
    if _next_sentence(after + " A") < 0:
        return None  # the sentence runs on past the window: its end is not seen
    m = _FINAL_CREDIT.search(after)
    if m is None or not re.search(rf"\b{_SPEECH}\b", m.group("tail")):
        return None
    gap = _SHORT_QUOTES.sub(" ", after[: m.start()])
    if _GAP_SPEECH.search(gap) or any(c in gap for c in "“”\"«»"):
        return None
    return _from_after(", " + m.group("tail") + ".", credit_follows=True)


# Words someone uttered, told by another (round speakers23): a verb of reporting, then the utterer and a verb of
# uttering right before the quote ('Police said the man shouted "..."', 'Staff said the gunman told them "..."',
# 'Ramsey said his father used to tell him "..."', 'The court heard that the defendant told a neighbour "..."'): the
# utterer speaks. A pronoun after the reporting verb is its own subject again ("Lee said he told them "...""): left
# to the other rules.
_UTTERING = (
    r"(?:shout(?:ed|s)?|yell(?:ed|s)?|scream(?:ed|s)?|cried|cries|radio(?:ed|s)|announc(?:ed|es)|whisper(?:ed|s)|"
    r"mutter(?:ed|s)|told|tell|tells|texted|wrote|writes|said|says|asked|begged|replied|warned|called|read|reads)"
)
_TOLD_BY_OTHER = re.compile(
    rf"\b(?:{_SPEECH}|heard|allege[sd]?|claim(?:s|ed)?)\s+(?:that\s+)?"
    rf"(?P<np>(?:the|a|an|one|his|her|their|its)\s+(?:[\w’'-]+\s+){{0,2}}?[a-z][\w’'-]*|{_NAME})\s+"
    r"(?:had\s+|has\s+|(?:was|were)\s+heard\s+|used\s+to\s+|would\s+|then\s+|allegedly\s+)?"
    rf"(?P<verb>{_UTTERING})\b(?:\s+(?:him|her|them|me|us|it|(?:a|an|the|his|her|their)\s+[a-z]+|[{CAPITAL}][\w’'-]+))?"
    r"\s*[,:]?\s*$"
)
# ... a written thing that "read" the words: its writer when named ('A text message sent by Harlow to his partner
# read "..."', 'a letter from the mayor read'), else nobody ('the sign on the door read "..."').
_WRITTEN_THINGS = (
    r"(?:message|messages|note|notes|letter|email|e-mail|text|card|sign|banner|placard|poster|post|graffiti|"
    r"inscription|plaque|caption|label|notice)"
)
_WRITTEN_READ = re.compile(
    rf"\b(?P<thing>{_WRITTEN_THINGS})\b(?!\s+{_WRITTEN_THINGS}\b)(?:\s+(?:sent|written|left|posted|signed)\s+by\s+|\s+from\s+)?"
    rf"(?P<who>(?<=by\s)(?:{_NAME})|(?<=from\s)(?:{_NAME}))?[^“”\"«».!?:]{{0,60}}?\s+(?:read|reads)\s*[,:]?\s*$"
)
# ... and the passive: 'the singer was told "..." by the producer'.
_TOLD_PASSIVE = re.compile(r"\b(?:was|were|being|been)\s+(?:told|asked|warned)\s*[,:]?\s*$")
_BY_AGENT = re.compile(
    rf"^[\s,”\"’']*by\s+(?P<np>(?:the|a|an|his|her|their)\s+(?:[\w’'-]+\s+){{0,2}}?[a-z][\w’'-]*|{_NAME})(?=[\s,.;]|$)"
)


def _told_by_other(before: str, after: str) -> str | None:
    """The utterer of words told by another (see _TOLD_BY_OTHER): a name or a phrase, "" when the words were written
    by nobody named, None when the clause before the quote tells no such thing."""
    cut = max(_last_stop(before), before.rfind("? "), before.rfind("! "), _last_quote_close(before))
    clause = before[cut + 2 :] if cut >= 0 else before
    if (w := _WRITTEN_READ.search(clause)) is not None:
        return _clean_name(w.group("who")) or "" if w.group("who") else ""
    if _TOLD_PASSIVE.search(clause) and (agent := _BY_AGENT.match(after)):
        np = agent.group("np")
        return np if np[:1].islower() else (_clean_name(np) or "")
    m = _TOLD_BY_OTHER.search(clause)
    if m is None:
        return None
    np = m.group("np")
    if np[:1].islower():
        head = np.split()[-1]
        return None if head in _NOT_SUBJECT or head in _FLOATING or head.endswith("ly") else np
    name = _clean_name(np)
    return name if name and name not in _NOT_NAMES else None


def _last_pronoun(before: str, pronoun: str) -> int | None:
    """Where the last ``pronoun`` (as a whole word) stands in ``before``, or None."""
    found = None
    for m in re.finditer(rf"\b{re.escape(pronoun)}\b", before):
        found = m.start()
    return found


# A relative clause set off by commas ("Citing the deal, which Mr. Hale opposed, he said"): a name inside it is no
# antecedent of the main clause's pronoun.
_RELATIVE_CLAUSE = re.compile(
    r",\s+(?:which|who|whom|whose)\b(?:[^,;.!?“”\"\n]|(?<=\b(?:Mr|Ms|Dr|St|Jr|Lt))\.|(?<=\bMrs)\.){1,150},"
)


def _relative_spans(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    return [m.span() for m in _RELATIVE_CLAUSE.finditer(text, lo, hi)]


# A pronoun's credit set off by commas after the sentence's subject: 'Judge X, she said, had "..."', 'X, he added,
# was "..."'. The name before it is the subject of the reported clause, the one the words are about, never the
# speaker: the pronoun is resolved as from that name's start.
_PARENTHETICAL_CREDIT = re.compile(
    rf"(?P<subject>[{CAPITAL}][\w’'-]+(?:\s+[{CAPITAL}][\w’'-]+){{0,3}}),\s+(?:he|she)\s+(?:also\s+|later\s+)?{_SPEECH},\s"
)


def _parenthetical_subject(text: str, line_start: int, q: Quote, last: tuple[str, int] | None) -> int:
    """Where the pronoun crediting quote ``q`` is to be resolved from: the start of the subject a parenthetical
    credit follows in the quote's sentence; or, with a pronoun credit right after the quote, the start of another
    name the sentence opens with after the last speaker's quote ('Judge X had "...," she said'); else the quote's
    start."""
    start = q.start
    lo = max(line_start, _sentence_start(text, start, line_start))
    found = None
    for m in _PARENTHETICAL_CREDIT.finditer(text, lo, start):
        found = m
    if found:
        return found.start("subject")
    if last is None or last[1] > lo or not _PRONOUN_SAID_AFTER.match(text, q.end):
        return start
    opening = _OPENING_FULL.match(text, lo)
    if opening is None or opening.end("name") >= start or set(opening.group("name").split()) & set(last[0].split()):
        return start
    return opening.start("name")


def _sentence_start(text: str, start: int, lo: int) -> int:
    return max(text.rfind(". ", lo, start), text.rfind("? ", lo, start), text.rfind("! ", lo, start), lo - 2) + 2


# A quote inside the complement of a verb that reports, suggests or warns ('Tech veterans have warned that the
# firms are "eroding ..."', 'the agency's rules state that "..."', 'the singer suggests that, to be happy, "..."',
# 'a stunt the director himself once called "..."'): the verb's subject speaks, a name or the head of its noun
# phrase (a determiner or a possessor before it, or capitalised modifiers before a plural head).
_REPORTING_VERB = (
    rf"(?:{_SPEECH}|suggest(?:s|ed)?|indicat(?:es|ed|e)|state[sd]?|claim|insist|maintain(?:s|ed)?|contend(?:s|ed)?|"
    r"alleg(?:es|ed|e)|call(?:s|ed)?|warn|describe[sd]?)"
)
_COUNT_WORDS = (
    r"[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Ee]leven|[Tt]welve|[Dd]ozens\s+of|"
    r"[Hh]undreds\s+of|[Ss]everal|[Mm]ore\s+than\s+\d[\d,]*|\d[\d,]*"
)
_REPORTING_SUBJECT = re.compile(
    rf"(?<![\w’'-])(?:(?P<name>{_NAME})|(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Oo]ne|[{CAPITAL}][\w’'-]*[’']s)\s+"
    rf"(?:[\w’'“”\"-]+\s+){{0,3}}?(?P<head>[a-z][a-z’'-]+)|(?:[{CAPITAL}][\w’'-]*\s+){{1,3}}(?P<plural>[a-z][a-z-]+s)|"
    # a count opening the subject, its modifiers lower-case ("Six top music industry executives called ...")
    rf"(?<![\w’'-])(?:{_COUNT_WORDS})\s+(?:[a-z][\w’'-]*\s+){{0,4}}?(?P<counted>[a-z][a-z-]+s))"
    r"\s+(?:(?:himself|herself|itself|themselves|also|once|later|then|has|have|had|to|[a-z]+ly)\s+){0,3}"
    rf"{_REPORTING_VERB}\b(?=(?:\s+that)?[^“”\"«».!?]{{0,80}}$)"
)


_PREPOSITION_BEFORE = re.compile(r"\b(?:of|for|at|from|with|on|about)\s+$")
_INFINITIVE_AFTER = re.compile(r"\s+to\s")  # the subject's head followed at once by "to": a noun's infinitive
# Nouns an infinitive completes ("a way to describe", "the chance to say", "a bid to claim"): never a speaker
_INFINITIVE_NOUN_WORDS = (
    "way ways chance chances right rights attempt attempts effort efforts bid bids opportunity opportunities "
    "reason reasons time need move push decision plan plans ability freedom power permission invitation "
    "request tendency urge desire wish willingness readiness courage nerve temptation pressure"
)
_INFINITIVE_NOUNS = frozenset(_INFINITIVE_NOUN_WORDS.split())


def _noun_group(found: re.Match[str]) -> str:
    """The group of ``_REPORTING_SUBJECT`` that matched the subject's noun."""
    return next(g for g in ("head", "plural", "counted", "name") if found.group(g))


def _reporting_subject(before: str, places: set[str]) -> str | None:
    """The subject of the last reporting verb of the quote's clause (see _REPORTING_SUBJECT), or None."""
    cut = max(_last_stop(before), before.rfind("? "), before.rfind("! "), before.rfind("\n"))
    clause = before[cut + 2 :] if cut >= 0 else before
    if not clause.strip():
        return None  # the quote opens its sentence: no partial quote
    found = None
    for m in _REPORTING_SUBJECT.finditer(clause):
        found = m
    if found is None:
        return None
    noun = found.group("head") or found.group("plural") or found.group("counted")
    if noun in _INFINITIVE_NOUNS and _INFINITIVE_AFTER.match(clause, found.end(_noun_group(found))):
        # "X had a plainer way to describe it: '...'", "the chance to say": a noun an infinitive completes
        # is no subject of it (the speaker is not "way"); "allowed the company to claim" keeps its subject
        return None
    name = _clean_name(found.group("name")) if found.group("name") else None
    if found.group("name") and not name:
        return None
    if (
        _PREPOSITION_BEFORE.search(clause, 0, found.start())
        and (outer := _head_before_pp(clause, found.start()))
        and (not found.group("name") or " " not in (name or ""))
    ):
        # "A leaflet about the missing man warned that ...": the phrase's head speaks, not the preposition's object
        return _clean_name(outer.group("name")) if outer.group("name") else outer.group("head")
    if name is not None:
        return name if name not in _NOT_NAMES and _plausible(name, places) else None
    head = found.group("head") or found.group("plural") or found.group("counted")
    if head in _NOT_SUBJECT or head.endswith(("ing", "ly")):
        return None
    return head


# A quote closed by its full stop that its sentence goes on after, in lower case ("'... is dead!! As I said, ...'
# the comedian wrote"): what follows is its credit, as after a comma.
_GOES_ON = re.compile(r"^[”\"’']?\s+(?:the|a|an|his|her|their|its|one|another)\s")


# The sentence's credit at its end names the speaker of a quote inside it that has no other.
_SENTENCE_CREDIT = re.compile(
    rf",\s+(?:said|says|reported|reports|according\s+to)\s+(?:the\s+)?(?P<name>{_NAME})\s*\.$"
)


# A quote whose sentence ends right after its closing mark: the next sentence does not name its speaker.
_SENTENCE_ENDS = re.compile(r"^[”\"’']*\s*[.!?]\s+(?=[A-Z])")
# A quote closed by its own full stop, then a capital: a new sentence, whose words credit it only as a name of up to
# four words or a short noun phrase and its verb ('"It is over." Lee said.', '"..." The mayor said it twice.'; round
# pages21).
_STOPPED_CREDIT = re.compile(
    rf"\s+(?:(?:The|A|An|His|Her|Their|Its)\s+(?:[\w’'-]+\s+){{0,3}}?[\w’'-]+|(?:[{CAPITAL}][\w’'.-]*\s+){{0,3}}[{CAPITAL}][\w’'.-]*)"
    # (a name or an age set off after it: '"..." His lawyer, Tom Hale, told the court ...', review31)
    rf"(?:,\s+(?:\d{{1,3}}|{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,2}}),)?\s+(?:also\s+|later\s+)?{_SPEECH}\b"
)
# Nor does the next sentence when the quote's sentence goes on after it and ends later: a stop after a lower-case word
# of two letters or more (not an initial, a title's abbreviation or "U.S.") before a capital opens it (round pages21).
_NEXT_SENTENCE = re.compile(r"(?<=[a-z][a-z])[.!?][”\"’']?\s+(?=[A-Z“\"‘])")
# abbreviations a full stop ends inside a sentence ("said Gov. Tom Hale", "Lee vs. Park", "Feb. 3"); titles of rank
# and office too ("said Maj. Gen. X", "said Adm. X", "said Msgr. X": review31): the bare ones and more. (A list
# beside the sentence splitter's ``sentences.ABBREVIATIONS``, which holds other words, "ed", "al", "p": one list
# would split some sentences otherwise.)
_ABBREVIATED = _BARE_ABBREVIATIONS | frozenset(
    ["maj", "brig", "adm", "cmdr", "cdr", "cpl", "pvt", "pte", "msgr", "atty", "hon", "cllr", "amb", "lieut"]
    + ["bros", "etc", "approx", "est"]
    + ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
)


# ... or when the new sentence is nothing but a credit (review31): a subject of capitalised words, particles and role
# words, an apposition at most, then a verb of saying and only its audience or an adverbial of time, place or means
# ('"..." Ana Torres, 45, said.', '"..." Jan de Vries told The Sun yesterday.', '"..." The firm's chief executive, Ana
# Torres, said on Monday.'): a sentence with no other content can credit nothing but the quote before it.
_ONLY_CREDIT = re.compile(
    rf"\s+(?P<subj>[{CAPITAL}](?:[^“”\"«».!?;:]|(?<=\b[{CAPITAL}])\.|{_TITLE_DOT}){{0,100}}?)\s+"
    rf"(?:[a-z]{{3,}}ly\s+|also\s+|later\s+)?(?P<verb>{_SPEECH})\b(?P<rest>[^“”\"«».!?;:]{{0,60}}?)\s*[.!](?=\s|$)"
)
_ONLY_CREDIT_OBJECT = re.compile(r"(?:told|tells|telling|asked|asks)$")
# words of a clause: a subordinator in the subject, a pronoun, a finite verb or "that" after the verb
_ONLY_CREDIT_CLAUSE = re.compile(
    r"\b(?:as|when|while|because|after|before|until|since|then|so|but|if|that|it|he|she|they|we|you|there|was|"
    r"were|is|are|be|been|would|will|had|has|have|could|should|must|can|may|might|did|does|do)\b"
)
_ONLY_CREDIT_ADVERBIAL = re.compile(
    r"\s+(?:on|in|at|during|after|before|outside|inside|from|via|through|by|over|yesterday|today|tonight|last|this|"
    r"earlier|later|afterwards|again|recently|ahead)\b"
)


def _only_credit(after: str) -> int:
    """The end of the sentence opening ``after`` when it is nothing but a credit (_ONLY_CREDIT), else -1."""
    m = _ONLY_CREDIT.match(after)
    if m is None or _ONLY_CREDIT_CLAUSE.search(m.group("subj").split(",")[0]) or _ONLY_CREDIT_CLAUSE.search(m.group("rest")):
        return -1
    rest = m.group("rest")
    if rest and _ONLY_CREDIT_OBJECT.match(m.group("verb")):
        # the audience of "told"/"asked": up to three words before an adverbial ("told The Sun yesterday")
        rest = re.sub(r"^\s+(?:[\w’'-]+\s*){1,3}?(?=\s+(?:on|in|at|after|yesterday|today|last|this)\b|$)", "", rest)
    if rest and not _ONLY_CREDIT_ADVERBIAL.match(rest):
        return -1
    return m.end()


def _next_sentence(after: str) -> int:
    """Where the stop ending the sentence after a quote is in ``after`` (-1 when it does not end there)."""
    for m in _NEXT_SENTENCE.finditer(after):
        word = re.search(r"(\w+)$", after[: m.start()])
        if m.group()[0] != "." or word is None or word.group(1).lower() not in _ABBREVIATED:
            return m.start()
    return -1


_IT_SAID = re.compile(rf"^[\s,—–»”\"'’-]*it\s+(?:also\s+|later\s+)?{_SPEECH}\b")
# A body that speaks: a capitalised name ending in an organisation word, said/told/added... after it.
_BODY_WORDS = (
    r"Authority|Ministry|Police|Department|Agency|Office|Council|Court|"
    r"Committee|Commission|Association|Union|Party|Government|Service|Bureau|Institute|University|Club|Army|"
    r"Company|Group|Corporation|Corp|Inc|Ltd|Bank|Foundation|Organisation|Organization|Board|Network|Federation|"
    r"League|Trust|Embassy|Parliament|Senate|Congress|Prosecutors?|Prosecution"
)
_BODY = re.compile(
    rf"(?P<name>(?:[{CAPITAL}][\w’'&.-]*\s+){{0,4}}(?:{_BODY_WORDS})(?:\s+of(?:\s+[{CAPITAL}][\w’'-]*)+)?)"
    rf"(?:,[^,]{{1,60}},)?\s+(?:also\s+|later\s+)?{_SPEECH}\b"
)
_A_BODY = re.compile(rf"\b(?:{_BODY_WORDS})\b")


def _last_body(before: str, places: set[str]) -> str | None:
    """The last organisation named as the subject of a speech verb in ``before``."""
    found = None
    for m in _BODY.finditer(before):
        found = m.group("name").strip()
    return found if found and _plausible(found, places) else None


# Months that are also people's names: "Ellen May", "April Dunne", "June Harrow" speak.
_NAME_MONTHS = frozenset(["april", "may", "june", "august"])


def _plausible(name: str, places: set[str]) -> bool:
    """A speaker is a person (or a body that speaks), never a month, a weekday or a place. A month that is
    also a name is one beside a capitalised word of no date ("Ellen May", "April Dunne"; not "May",
    "Tuesday May")."""
    words = [w.lower().rstrip(".") for w in name.split()]
    if all(w in _HOLIDAYS for w in words):
        return False
    dates = [w for w in words if w in _CALENDAR]
    if dates and (len(dates) == len(words) or not set(dates) <= _NAME_MONTHS) or name in places:
        return False
    return not all(w in places for w in name.split())


# A full stop that ends a sentence, not an abbreviation's ("the U.S. to", "Mr. Smith", "Jan. 7").
_STOP = re.compile(
    r"(?<![A-Z])(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr|Lt|Co|No|vs))(?<!\b(?:Mrs|Gen|Sen|Rep|Gov|Col|Inc|Ltd|Sgt|Rev|Jan|Feb|Mar|"
    r"Apr|Aug|Sep|Oct|Nov|Dec))(?<!\b(?:Corp|Capt|Prof|Sept))\. "
)


def _last_stop(before: str) -> int:
    """Index of the last sentence-ending ". " in ``before`` (-1 when none)."""
    i = before.rfind(". ")
    if i >= 0 and not before[i + 2 :].strip(" \"“‘'«„"):
        return i  # right before the quote: "... living in the U.S. "We just ..."
    while i >= 0 and not _STOP.match(before, i):
        i = before.rfind(". ", 0, i)
    return i


# A fronted adverbial before the subject, opened by a preposition or subordinator and closed by a comma.
_FRONTED = re.compile(
    r"^\s*(?:(?:But|And|Yet|Still|Later)\s+(?i:after|before|during|despite|following|with|amid|since|while|when|as|in|"
    r"on|at|without|throughout)|After|Before|During|Despite|Following|With|Amid|Since|While|When|As|In|On|At|Without|"
    r"Throughout)\s[^,“”\"«».!?]{1,80},\s+"
)
# A role opening the clause as its subject ("a spokeswoman for the ministry dismissed the report, saying ..."): the
# role speaks, its postmodifier left out as the older labels name it.
_ROLE_OPENING = re.compile(
    rf"\s*(?P<name>{_ROLE})(?:\s+(?:of|for|at|from|with)\s+(?:[\w’'-]+\s+){{0,4}}?[\w’'-]+)?"
    r"\s+(?:[a-z]+ly\s+)?(?:[a-z]+ed|denies|rejects|dismisses|says|tells|insists|warns)\b"
)


# A role that acts and then speaks, right before the quote (rows22): "... until the driver stood up at the front
# and said: "..."", "the referee walked over and told them: "..."". The speech verb's subject is the role,
# not a name the sentence opens with ("For Ana Ruiz, a student, it felt like hours before the driver ...") or one
# the role's action is about.
_ROLE_ACTS_AND_SAYS = re.compile(
    rf"(?<![\w’'])(?P<name>{_ROLE})\s+(?:[a-z]+ly\s+)?(?:[a-z]{{3,}}ed|came|went|got|took|stood|rose|ran|sat|"
    r"turned|stepped|walked|climbed|appeared)\b[^“”\"«».!?;]{0,80}?\band\s+(?:then\s+)?"
    rf"(?:{_SPEECH}|announced|told\s+[\w’'-]+(?:\s+[\w’'-]+)?)\s*[:,]?\s*$"
)


def _role_and_said(before: str) -> str | None:
    """The role whose action a coordinated speech verb ends, in the quote's own clause (``_ROLE_ACTS_AND_SAYS``)."""
    cut = max(_last_stop(before), before.rfind("? "), before.rfind("! "), before.rfind("\n"))
    clause = before[cut + 2 :] if cut >= 0 else before
    found = None
    for m in _ROLE_ACTS_AND_SAYS.finditer(clause):
        found = m
    if found is None or _RELATIVE_OPEN.search(clause, found.end("name"), len(clause)):
        return None  # "... the boy, who looked up and said:": the boy's words, not the role's
    return _clean_name(found.group("name"))


# A relative clause still open where a coordinated speech verb comes ("... the striker, who came off the bench and
# said:", "a van whose driver got out and said:"): the verb is the relative's, its subject who the clause is about,
# not the name or role the sentence opens with (review23).
_RELATIVE_OPEN = re.compile(r"(?:,\s+|\s)(?:who|whose|where)\s[^,;:—–()“”\"«»]*(?:[:,]\s*)?$")


def _coordinated_subject(before: str, places: set[str]) -> str | None:
    """'X, who ..., welcomed the releases but said the government "keeps ..."': the speech verb has no
    subject of its own, so the speaker is the name the sentence opens with."""
    cut = max(_last_stop(before), before.rfind("? "), before.rfind("! "), before.rfind("\n"))
    clause = before[cut + 2 :] if cut >= 0 else before
    if not (coord := _COORD_SPEECH.search(clause)) or _RELATIVE_OPEN.search(clause, 0, coord.start()):
        return None  # 'The judge sentenced Marsh, who stood up and said: "..."': the relative's verb, Marsh's words
    if front := _FRONTED.match(clause):  # "After weeks of threats, X struck a softer note, urging ..."
        clause = clause[front.end() :]
    if (role := _ROLE_OPENING.match(clause)) is not None:
        return role.group("name")
    m = _OPENING_FULL.match(clause) or _OPENING_SINGLE.match(clause)
    if m is None:
        return None
    if _LEADING_PREPOSITION.search(clause, 0, m.start("name")):
        # "The head of the Labor Party, X Y, voiced ..., calling it": the name after "of" is no subject; the
        # name set off after it is
        named = _APPOSED_NAME.match(clause, m.end("name"))
        return _clean_name(named.group("name")) if named else None
    name = _clean_name(m.group("name"))
    return name if name and name not in _NOT_NAMES and _plausible(name, places) else None


# After a quote, a clause conjunction opens a new clause with its own subject: '"we should go" while X agreed,
# saying ...' (X speaks the next quote, not this one). Not "as" nor "when": news copy credits a quote with
# them ('"a disaster for workers," as Senator X told reporters'; '"...," when asked by reporters, the minister
# said').
_NEW_CLAUSE_AFTER = re.compile(r"^[\s,;—–»”\"-]*(?:while|whereas|but|although|though|before)\s", re.IGNORECASE)


# A credit by position: a quote closed by its own comma (or ? or !) and then a subject and a verb, whatever the
# verb ('"...," X described the scene', '"...," the comedian gently corrected', '"...," the draft resolution
# says'): in news copy the subject there is the quote's speaker. The subject is a name, a noun phrase opened by
# a determiner (its head speaks: "the harbour master" -> master), or one bare plural ("lawmakers").
_SUBJECT_VERB = re.compile(
    r"^[\s,—–»”\"’'-]*(?P<np>(?:(?:the|a|an|one|his|her|their|its)\s+)?(?:[\w’'.-]+\s+){0,3}?[\w’'.-]+)(?<![’']s)(?<!s[’'])\s+"
    r"(?:[a-z]{3,}ly\s+|also\s+|later\s+|then\s+)?(?P<verb>[a-z]{3,}(?:ed|s)|wrote|told|spoke)\b"
)
_NOT_SUBJECT = frozenset(
    ["of", "for", "in", "on", "at", "to", "with", "by", "from", "and", "or", "but", "nor", "that", "which", "who",
     "whom", "whose", "while", "as", "when", "where", "if", "because", "so", "then", "than", "is", "was", "were",
     "are", "be", "been", "has", "had", "have", "will", "would", "can", "could", "may", "might", "should", "must",
     "it", "this", "these", "those", "there", "here", "we", "i", "you", "he", "she", "they", "me", "us", "him",
     "her", "them", "not", "no", "yes", "after", "before", "since", "until", "though", "although", "even",
     "just", "only", "also", "still", "now", "today", "yesterday", "tonight", "said", "says"]
)  # fmt: skip
_SUBJECT_DETERMINERS = frozenset(["the", "a", "an", "one", "his", "her", "their", "its"])


def _opens_sentence(text: str, start: int) -> bool:
    """Whether the quote whose text starts at ``start`` (its opening mark just before) opens its sentence: a
    quote inside a fronted clause ('After the minister called it "a step," protesters blocked the road') is the
    clause's words, and the subject after it is the main clause's, no credit."""
    before = text[text.rfind("\n", 0, start) + 1 : max(0, start - 1)].rstrip()
    return not before or before[-1] in ".!?:”\"’'-–—•"  # a dateline's or a list's dash opens one too


def _subject_verb(after: str, comma: bool = False) -> str | None:
    """The speaker a subject-and-verb credit right after a quote names (see _SUBJECT_VERB), or None; with
    ``comma`` the credit must end on a comma (the connector of a split quote)."""
    m = _SUBJECT_VERB.match(after)
    if m is None or (comma and not re.fullmatch(r"[^“”\"«».!?;:]*,\s*", after[m.end() :])):
        return None
    words = m.group("np").split()
    if any(w.lower() in _NOT_SUBJECT for w in words[1:] if w.lower() not in _SUBJECT_DETERMINERS):
        return None
    first = words[0].lower()
    if first in _NOT_SUBJECT or first in _SUBJECT_DETERMINERS and len(words) == 1:
        return None
    caps = [w for w in words if w[:1].isupper()]
    if caps:
        if words[0][:1].islower() and first not in _SUBJECT_DETERMINERS:
            return None
        name = _clean_name(" ".join(caps)) if caps == words[len(words) - len(caps) :] else None
        return name if name and name.lower() not in _NOT_SUBJECT else None
    head = words[-1].strip(".,")
    if first in _SUBJECT_DETERMINERS or (len(words) == 1 and head.endswith("s")):
        return head
    return None


# A role's last word before the comma of an apposed name (round pages17): a word in lower case ("chief economist",
# "manager") or a title's initials ("CEO", "CFO").
_ROLE_LAST = re.compile(r"(?:\b[a-z][\w’'-]*|\bC[EFOT]O)\s*$")


def _from_after(after: str, credit_follows: bool = False) -> str | None:
    if _NEW_CLAUSE_AFTER.match(after):
        return None
    g = _AFTER_GENERIC_VERB_FIRST.match(after)
    if g and _ROLE_LAST.search(g.group("seg")) and (apposed := _name_apposed(after, g.end("seg"))):
        return apposed  # ', said Harbour Bank's chief economist, Lena Ostrova, ...': the name the role is set off before
    if g and _CAP_RUN.search(g.group("seg")):  # ', said White House Press Secretary Stephanie Grisham'
        name = _described_speaker(after)
        if name and " " in name:
            return name
    m = _AFTER_VERB_NAME.match(after) or _AFTER_NAME_VERB.match(after)
    if m and m.re is _AFTER_VERB_NAME and " " not in m.group("name") and (whole := _NAME_GOES_ON.match(after, m.end("name"))):
        return _clean_name(m.group("name") + whole.group("rest"))  # ', said Save the Children.': the body's whole name
    if m and m.re is _AFTER_VERB_NAME and m.group("name").lower() in _GROUP_PLURALS and (whole := _NAME_OF_THE.match(after, m.end("name"))):
        return _clean_name(m.group("name") + whole.group("rest"))  # ', said Friends of the Earth.'
    if m:
        words = m.group("name").split()
        if len(words) == 2 and words[0] in _DETERMINERS and words[1] in ("letter", "letters"):
            return words[1]  # '"...," the letter said' stays "letter", as _described_speaker names it
        if (
            words[0][:1].islower()
            and m.re is _AFTER_VERB_NAME
            and (more := _ROLE_GOES_ON.match(after, m.end("name")))
            and more.group("words").split()[-1] not in _NOT_SUBJECT
        ):
            return _clean_name(m.group("name") + more.group("words"))  # 'said the bank's chief executive.'
        if words[0][:1].islower() and (named := _APPOSED_NAME.match(after, m.end("name"))):
            return _clean_name(named.group("name"))  # '"...," his brother, Eric Lund, told reporters': the name
        if words[0][:1].islower() and (name := _name_apposed(after, m.end("name"))):
            return name  # '"...," said the father, Jos, who ...': a role set off by commas before a name is its role
        return _clean_name(m.group("name"))
    found = _described_speaker(after)
    if found is None:
        found = _phrase_credit(after, credit_follows)
    if found is None and credit_follows:
        found = _subject_verb(after)
    return found


# A described subject crediting the quote after it (round speakers23): a determiner or a possessor, up to three
# describing words and a lower-case head, then a verb of saying: '"...," the club's groundsman said', '"...," his
# widow said', '"...," the 19-year-old said', '"...," Rovers' goalkeeper said afterwards'. A name set off after
# the head is whom it describes: '"...," City's captain, Ben Okoro, said', '"...," the study's co-author, Dr. Helen
# Marsh of the University of Carlow, said'.
_PHRASE_CREDIT = re.compile(
    rf"^[\s,—–»”\"’'-]*(?P<np>(?P<det>(?:the|a|an|one|his|her|their|its)\s+(?:(?:[{CAPITAL}][\w-]*\s+){{0,2}}[\w-]+[’']s?\s+)?|"
    rf"(?:[{CAPITAL}][\w-]*\s+){{0,2}}[{CAPITAL}][\w-]*(?:[’']s|(?<=s)[’'])\s+)(?:[\w’'-]+\s+){{0,3}}?(?P<head>[a-z0-9][\w’'-]*))"
    rf"(?:,\s+(?P<name>{_NAME})(?:\s+(?:of|from|at|for)\s+[^,“”\"«»]{{1,60}})?,)?"
    rf"\s+(?:[a-z]{{3,}}ly\s+|also\s+|later\s+|further\s+)?{_SPEECH}\b"
)


# ... and after the verb, closing the credit or before a time, a place or a manner: ', said the duty forecaster.',
# ', said the caretaker today, pointing at the beams', ', said Rovers' goalkeeper after the game'.
_PHRASE_AFTER_VERB = re.compile(
    rf"^[\s,—–»”\"’'-]*{_SPEECH}\s+(?P<np>(?P<det>(?:the|a|an|one|his|her|their|its)\s+(?:(?:[{CAPITAL}][\w-]*\s+){{0,2}}[\w-]+[’']s?\s+)?|"
    rf"(?:[{CAPITAL}][\w-]*\s+){{0,2}}[{CAPITAL}][\w-]*(?:[’']s|(?<=s)[’'])\s+)(?:[\w’'-]+\s+){{0,3}}?(?P<head>[a-z0-9][\w’'-]*))"
    r"(?P<name>)(?=\s*(?:[.;!?]|,\s|$)|\s+(?:yesterday|today|tonight|afterwards|later|earlier|again|on|in|at|after|as|"
    r"when|while|before|during|outside)\b)"
)
# Words that float after a plural subject ("the players all said", "the two sides both said"): no head noun.
_FLOATING = frozenset(["all", "both", "each", "too", "alike", "together", "themselves", "himself", "herself", "itself"])


def _phrase_credit(after: str, credit_follows: bool) -> str | None:
    """The speaker _PHRASE_CREDIT names (the phrase as written, or the name set off after it), or None. A possessive
    name opening the phrase only where the quote closes on its comma at its sentence's start ('"...," Rovers'
    goalkeeper said'): after a full stop it opens a new sentence."""
    m = _PHRASE_CREDIT.match(after)
    if m is not None and m.group("det")[:1].isupper() and not credit_follows:
        return None
    m = m or _PHRASE_AFTER_VERB.match(after)
    if m is None:
        return None
    head = m.group("head")
    if re.fullmatch(coref.BODY_KINDS_RE, head):
        return None  # '"...," the agency said': a body by its kind speaks only when named before (_body_by_kind)
    if head in _NOT_SUBJECT or head in _FLOATING or head.endswith("ly") or any(w in _NOT_SUBJECT for w in m.group("np").split()[1:-1]):
        return None
    if m.group("name"):
        return _clean_name(m.group("name"))
    # the head noun, as _subject_verb names it ("rep", "44-year-old"); a possessive name stays ("Rovers' goalkeeper")
    return m.group("np") if m.group("det")[:1].isupper() else head


# The rest of a role's words closing the credit after the verb: ', said the regulator's chief [executive].'
_ROLE_GOES_ON = re.compile(r"(?P<words>(?:\s+[a-z][\w-]*){1,2})(?=\s*(?:[.;!?]|,\s|$))")


# A person's name and the body they speak for after it: "said Hannah Cole of the Home Builders Forum" (variants20).
# (or without "the": "said Dr. Hana Cole of Brindle University", speakers33)
_OF_THE_BODY = re.compile(rf",?\s+of\s+(?:the\s+)?[{CAPITAL}]")


# An office named by its place ('the Archbishop of Brentford', 'the Duke of Harwick', 'the Mayor of Harwick'): the
# holder speaks, not the place (speakers33); "the" opens it ("Chancellor of the Exchequer Anna Holm said": a portfolio
# before a name, the name speaks)
_OFFICE_OF_PLACE = re.compile(
    rf"the\s+(?P<title>[{CAPITAL}][{SMALL}]+)\s+of\s+(?:the\s+)?(?P<place>[{CAPITAL}][\w’'-]+(?:\s+[{CAPITAL}][\w’'-]+){{0,2}})"
)
_OFFICES = frozenset(
    ["archbishop", "bishop", "dean", "duke", "duchess", "earl", "countess", "marquess", "baron", "baroness", "lord",
     "lady", "prince", "princess", "king", "queen", "mayor", "governor", "sheriff", "provost", "chancellor",
     "vice-chancellor", "president", "emir", "sultan"]
)  # fmt: skip


def _described_speaker(after: str) -> str | None:
    """', Nordbank analyst Per Lindahl said' / ', said U.S. Attorney Dana Whitcomb' / ' officers announced'."""
    m = _AFTER_GENERIC_VERB_FIRST.match(after)
    seg = m.group("seg") if m else None
    if seg is None:
        m = _AFTER_GENERIC.match(after)
        if m is None:
            return None
        if _AND_END.search(m.group("seg")):
            return None  # '... "a satellite" into orbit under the orders of X, and said ...': the clause's subject
        parts = m.group("seg").split(", ")
        # 'Will Moy, chief executive of ..., told the BBC': the first part speaks; but '"..." with Norway, the mayor
        # said': a partial quote's clause goes on in lower case after it (a preposition or a conjunction), and its
        # words are no speaker (round pages21)
        # ('"..." by police, who said ...': a passive's agent who speaks in the relative clause after it is the
        # speaker, review31)
        agent = re.match(r"\s*by\s", parts[0]) is not None and re.match(r"(?:who|which)\s", parts[1]) is not None
        if len(parts) > 1 and _CLAUSE_GOES_ON.match(parts[0]) and not agent:
            return None  # left to _final_credit, once nobody before the quote speaks
        seg = parts[0]
    if (
        (office := _OFFICE_OF_PLACE.fullmatch(seg.rstrip()))
        and office.group("title").lower() in _OFFICES
        and (m is None or m.re is _AFTER_GENERIC_VERB_FIRST or ", " not in m.group("seg"))  # (a name set off: older rules)
    ):
        # '"...," said the Mayor of Harwick, Ana Ruiz.': the name set off after the office; else the office itself
        # ('said the Archbishop of Brentford'), never its place (speakers33)
        named = _name_apposed(after, m.end("seg")) if m is not None and m.re is _AFTER_GENERIC_VERB_FIRST else None
        return named or office.group()[office.start("title") :]
    runs = list(_CAP_RUN.finditer(seg))
    person = _clean_name(runs[0].group()) if runs and _OF_THE_BODY.match(seg, runs[0].end()) else None
    if (
        person
        and len(person.split()) >= 2
        and not any(w.lower() in _TITLE_WORDS for w in person.split())
        and not coref.is_body_name(person)  # "said Harbour University of Technology spokesman X Y": a body's name
    ):
        return person  # "said Hannah Cole of the Home Builders Forum": the person, not the body she speaks for
    names = [
        m.group() for m in runs
        if not m.group().endswith("-based")
        and m.group().rstrip(".").lower() not in _BARE_ABBREVIATIONS
        and not _INSIDE_POSTMODIFIER.match(seg[: m.start()])
        and (
            not re.match(r"\s+[a-z]", seg[m.end() :])
            or _ADVERBIAL_AFTER_NAME.match(seg, m.end()) and not re.search(r"\bof\s+(?:the\s+)?$", seg[: m.start()])
        )
    ]
    if names:
        return _clean_name(names[-1])
    if (
        m is not None
        and m.re is _AFTER_GENERIC_VERB_FIRST
        and any(_INSIDE_POSTMODIFIER.match(seg[: r.start()]) for r in runs)
        and (name := _name_apposed(after, m.end("seg")))
    ):
        return name  # '"...," said the director of the X Museum, Ana Torres.': the name set off after the head (review31)
    if m is not None and m.re is _AFTER_GENERIC_VERB_FIRST and _RANKING_END.search(seg.rstrip()) and (name := _name_apposed(after, m.end("seg"))):
        return name  # '"...," said the world No. 3, Lena Varga.': the name set off after the ranking (speakers33)
    words = _POSTMODIFIER.split(seg, 1)[0].split()  # "one woman from the capital's east"
    if 1 <= len(words) <= 4 and words[-1].lower() in _ROLE_NOUNS:
        if m is not None and m.re is _AFTER_GENERIC_VERB_FIRST and words == seg.split() and (name := _name_apposed(after, m.end("seg"))):
            return name  # '"...," said father, Jos, who ...': the role set off by commas is the name's role
        return words[-1]  # 'officers announced', 'the victim's mother testified'
    return None


# A name set off by commas right after a role ('said father, Jos, who ...', 'said the father, Jos Berg.'): one to
# three capitalised words closing at a comma or the sentence's end, not a weekday, a month or a sentence word.
_ROLE_APPOSITION = re.compile(rf",\s+(?P<name>{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,2}})(?=\s*[,.;]|\s*$)")


def _name_apposed(after: str, pos: int) -> str | None:
    m = _ROLE_APPOSITION.match(after, pos)
    if m is None:
        return None
    words = m.group("name").split()
    if words[0] in _NOT_NAMES or any(w.lower().rstrip(".") in _CALENDAR for w in words):
        return None
    return _clean_name(m.group("name"))


_AND_END = re.compile(r"(?:,\s*|\s)and\s+$")
# A name inside the postmodifier of a described speaker (round pages21): ', says the family of the late X Y', ', says
# one man who escaped the blockade of Z': the head noun speaks, not the name after its preposition or relative.
_INSIDE_POSTMODIFIER = re.compile(
    r"\s*(?:the|a|an|one|his|her|their|its)\s+(?:[a-z][\w’'-]*\s+){0,2}?[a-z][\w’'-]*\s+"
    r"(?:of|who|whose|which|that)\s"  # ("a spokesman for X" keeps X, as the older labels name a body's words)
)
_CLAUSE_GOES_ON = re.compile(
    r"\s*(?:with|to|for|in|on|at|from|into|over|about|against|after|before|than|as|by|of|and|but|or|while)\s"
)
# A name followed by an adverbial of time or place is the name of the credit still (round speakers23: ', vowed union
# leader Marta Silva as the strike entered its third week', ', said Ann Cole at a rally'); a name followed by
# another lower-case word is a modifier ("Rovers' goalkeeper", "Nordbank analyst").
_ADVERBIAL_AFTER_NAME = re.compile(r"\s+(?:as|at|after|before|when|while|during|outside|inside|ahead|on|in|to)\s")
_POSTMODIFIER = re.compile(r"\s+(?:from|of|in|at|with|who|whose|on|for|near|outside)\s+")


# The object that speaks is a person or a body a verb takes: not a channel after a preposition of place or means
# ("posted on Facebook saying", "a video on Telegram saying"; "a message from the king saying", "a clip of Lee
# saying" are their speakers) nor a document someone issued ("issued a statement saying", "sent a letter telling
# staff": its author speaks, which the clause's subject is, not the object).
_OBJECT_PREP = re.compile(r"\b(?:on|in|via|at|through|over)\s+$", re.IGNORECASE)
_DOCUMENTS = frozenset(["statement", "statements", "letter", "letters", "memo", "memos", "website", "websites"])


def _object_saying(clause: str) -> re.Match[str] | None:
    m = _OBJECT_SAYING.search(clause)
    if m is None or _OBJECT_PREP.search(clause, 0, m.start("name")) or m.group("name").split()[-1] in _DOCUMENTS:
        return None
    if _RELATIVE_SPEAKS.search(clause, m.end("name")):
        return None  # 'Torres replying to a fan who asked "..."': the relative clause's subject speaks (review31)
    return m


_RELATIVE_SPEAKS = re.compile(rf"\b(?:who|which)\s+(?:[a-z]+ly\s+|had\s+|has\s+|then\s+)?{_SPEECH}\b")


# A closing mark after one or two quoted words: a scare quote or a name inside the clause ('A "Wanted" poster
# for X warned that he was "..."'), which goes on after it; a longer quote before ends the clause.
_SHORT_QUOTED = re.compile(r"[“\"][\w’'-]+(?:\s+[\w’'-]+)?[”\"]\s$")


def _last_quote_close(before: str) -> int:
    """Index of the last closing mark that ends a quote of more than two words in ``before`` (-1 when none)."""
    i = max(before.rfind("” "), before.rfind('" '))
    while i >= 0 and _SHORT_QUOTED.search(before, max(0, i - 40), i + 2):
        i = max(before.rfind("” ", 0, i), before.rfind('" ', 0, i))
    return i


# A channel the words came through, opening the clause before the subject (round pages14): "Through a
# representative, X ... agreed that "..."", "Via his lawyer, X said: "..."": the subject speaks, not the channel.
_THROUGH_CHANNEL = re.compile(
    r"^\s*(?:[Tt]hrough|[Vv]ia)\s+(?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+)?(?:representatives?|"
    r"spokes(?:man|woman|person)|lawyers?|attorneys?|publicist|agent|aide|adviser|advisor|intermediary|"
    r"statement|translator|interpreter)\s*,\s*"
)


def _from_before(before: str) -> str | None:
    found = _credit_before(before)
    if found is None:
        # 'When asked if she would stand again, Morales laughed: "..."' ("When asked" is no speaker)
        cut = max(_last_stop(before), before.rfind("? "), before.rfind("! "), _last_quote_close(before))
        found = _colon_subject(before[cut + 2 :] if cut >= 0 else before)
    return found


def _credit_before(before: str) -> str | None:
    # Only the clause leading into the quote: cut at the last sentence end before it.
    cut = max(_last_stop(before), before.rfind("? "), before.rfind("! "), _last_quote_close(before))
    clause = before[cut + 2 :] if cut >= 0 else before
    if (channel := _THROUGH_CHANNEL.match(clause)) is not None:
        clause = clause[channel.end() :]  # "Through a representative, X agreed that "..."": X's words
    m = (
        (_WHO_SAID.search(clause) if ", who " in clause else None)
        or (_object_saying(clause) if _SAYING_WORD.search(clause) else None)
        or _BEFORE.search(clause)
        or _BEFORE_ACCORDING.search(clause)
    )
    if m is None and (owned := _POSSESSOR_ROLE_NAMED.search(clause)) and not _GAP_SPEECH.search(owned.group("gap")):
        # (not when another speaks between the verb and the quote: '..., said the accused had told officers "..."')
        return _clean_name(owned.group("name"))
    if m is None:
        m = _partial(clause)
    if m is None:
        return None
    named = _APPOSED_NAME.match(clause, m.end("name"))  # "A representative for Halloran, Nina Ashby, said"
    if named:
        return _clean_name(named.group("name"))
    matched = m.group("name")
    if (matched[:1].islower() or " " not in (_clean_name(matched) or matched).strip()) and (
        head := _head_before_pp(clause, m.start("name"))
    ):
        # "a former adviser on housing for the city council called it "..."", "Mayor X of Toledo called": the
        # name after the preposition is inside the subject's postmodifier; the subject's head speaks
        if head.group("name"):
            return _clean_name(head.group("name"))
        if appos := _NAME_BEFORE_APPOSITION.search(clause, 0, head.start()):
            return _clean_name(appos.group("name"))  # "Lin Hao, a fellow at the X Center in Taipei told CNN"
        return head.group("head")
    return _clean_name(m.group("name"))


_NAME_BEFORE_APPOSITION = re.compile(rf"(?P<name>{_NAME}),\s+$")
# A role whose determiner is a possessor, the name set off after it, then the verb (round pages21): "Ruritania's
# Interior Ministry spokesman, Tomas Brel, said Monday the city has "..."": the name, not the possessor's body.
_POSSESSOR_ROLE_NAMED = re.compile(
    rf"(?<![\w’'-])[{CAPITAL}][\w’'-]*(?:[’']s|(?<=s)[’'])\s+(?:[\w-]+\s+){{0,3}}?(?:{_ROLE_WORD}|spokes(?:man|woman|person)|"
    r"official|ambassador|envoy|adviser|advisor|aide|analyst|lawyer|attorney|prosecutor|captain|chief)"
    rf",\s+(?P<name>{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,2}}),{_WHEN_ADV}\s+{_VERB_GROUP}\b(?P<gap>[^“”\"«».!?]{{0,60}}?)[,:]?\s*$"
)
# A clause whose subject is a name, its verb phrase (any verb, up to four words) closed by a colon before the quote
# (round speakers23): in news copy the colon hands over to the subject's words ('But Ana Ruiz, who chairs the board,
# disagreed: "..."', 'When asked, Morales laughed: "..."', 'Pressed on the cost, Minister Sato would only say: "..."').
_COLON_SUBJECT = re.compile(
    rf"(?:^\s*|,\s+|\b(?:But|And|Yet|So)\s+)(?P<name>{_NAME})(?<![’']s)(?:,\s+(?:who|whose|a|an|the)\s[^,“”\"«»]{{1,100}},)?"
    r"\s+(?P<vp>(?:[a-z][\w’'-]*\s+){0,3}[a-z][\w’'-]*)\s*:\s*$"
)
_NOT_VERB_FIRST = frozenset(["of", "for", "in", "on", "at", "to", "with", "by", "from", "and", "or", "but", "that",
                             "which", "who", "as", "than", "the", "a", "an", "his", "her", "their", "its"])  # fmt: skip


def _colon_subject(clause: str) -> str | None:
    """The name whose clause hands over to the quote by a colon (see _COLON_SUBJECT), or None."""
    m = _COLON_SUBJECT.search(clause)
    if m is None or m.group("vp").split()[0] in _NOT_VERB_FIRST:
        return None
    if any(w in _DOCUMENTS or w.endswith("ing") for w in m.group("vp").split()[1:]):
        return None  # 'Police issued a statement saying: "..."': a document's words (see _object_saying)
    name = _clean_name(m.group("name"))
    return name if name and name not in _NOT_NAMES and len(name) > 1 else None


# A transcript's or a headline's speaker: a name alone before a colon, opening the line ('Grady: "..."', 'Minister:
# "..."'); not a label of page furniture or of a document ("Update:", "Watch:", "Caption:").
_LINE_SPEAKER = re.compile(rf"\s*(?P<name>{_NAME})\s*:\s*[“\"‘'«„]?")
_LINE_LABELS = frozenset(
    ["Update", "Updated", "Watch", "Breaking", "Exclusive", "Video", "Photo", "Photos", "Opinion", "Analysis",
     "Editorial", "Review", "Live", "Listen", "Read", "Note", "Caption", "Title", "Headline", "Subject", "Quote",
     "Source", "Sources", "Credit", "Warning", "Correction", "Clarification", "Related", "More", "Question", "Answer",
     "Interviewer", "Transcript", "Summary", "Background", "Context", "Verdict", "Tags", "Topics", "Now",
     # rubrics of a headline or a section (speakers33): 'Fact Check:', 'Explained:', 'Revealed:', 'Inside X:'
     "Check", "Factcheck", "Explained", "Explainer", "Revealed", "Pictured", "Timeline", "Recap", "Preview",
     "Obituary", "Podcast", "Gallery", "Quiz", "Inside", "Remembering", "Today", "Tonight", "Yesterday"]
)  # fmt: skip
# A whole line label that is a place or a section of the page, not a voice (speakers33): a city (a dateline or a
# city page: 'London:', 'New York:'; a country may speak for its government, 'France: "..."', and is kept), a
# newspaper's section ('Business:', 'Cost of Living:'), a competition ('Premier League:', 'Northern Cup:'; a club or
# a company speaks for itself, 'Harlow Rovers: "..."', and is kept). General lexicons, lower case.
_LINE_PLACES = frozenset(
    ["london", "paris", "berlin", "madrid", "rome", "moscow", "kyiv", "kiev", "beijing", "shanghai", "tokyo", "seoul",
     "delhi", "new delhi", "mumbai", "kolkata", "chennai", "karachi", "lahore", "dhaka", "jakarta", "manila",
     "bangkok", "hanoi", "taipei", "kuala lumpur", "hong kong", "sydney", "melbourne", "brisbane", "auckland",
     "wellington", "toronto", "montreal", "vancouver", "ottawa", "new york", "new york city", "los angeles",
     "chicago", "houston", "dallas", "miami", "boston", "atlanta", "seattle", "san francisco", "philadelphia",
     "detroit", "denver", "las vegas", "new orleans", "mexico city", "sao paulo", "são paulo", "rio de janeiro",
     "buenos aires", "bogota", "bogotá", "caracas", "havana", "cairo", "lagos", "nairobi", "johannesburg",
     "cape town", "addis ababa", "istanbul", "ankara", "tehran", "baghdad", "damascus", "beirut", "jerusalem",
     "tel aviv", "dubai", "abu dhabi", "riyadh", "doha", "kabul", "islamabad", "brussels", "amsterdam", "vienna",
     "prague", "warsaw", "budapest", "athens", "lisbon", "dublin", "edinburgh", "glasgow", "cardiff", "belfast",
     "stockholm", "oslo", "copenhagen", "helsinki", "geneva", "zurich", "munich", "frankfurt", "hamburg", "minsk",
     "tbilisi", "yerevan", "baku", "west bank", "middle east"]
)  # fmt: skip
_LINE_SECTIONS = frozenset(
    ["world", "europe", "africa", "asia", "americas", "sport", "sports", "business", "politics", "money",
     "health", "travel", "culture", "science", "tech", "technology", "entertainment", "news", "local news",
     "world news", "weather", "markets", "lifestyle", "football", "soccer", "cricket", "rugby", "tennis", "golf",
     "boxing", "formula one", "election", "elections", "cost of living", "climate", "climate change", "environment",
     "economy", "education", "crime", "royals", "showbiz", "music", "film", "books", "arts", "style", "food",
     "property", "motoring", "personal finance", "breaking news", "top stories", "latest"]
)  # fmt: skip
_COMPETITION_HEADS = frozenset(["cup", "championship", "championships", "olympics", "paralympics", "trophy", "prix"])
# "League" heads a sports competition after one of these ('Premier League', 'Champions League'), a body otherwise
_SPORTS_LEAGUES = frozenset(
    ["premier", "champions", "europa", "conference", "nations", "super", "major", "minor", "national", "american",
     "football", "rugby", "cricket", "basketball", "hockey", "indian", "pro", "diamond", "big"]
)  # fmt: skip
# Months that are also given names ('May: "..."' is a headline's Theresa May as often as a date)
_NAME_MONTHS = frozenset(["may", "june", "april", "august"])


def _line_label(name: str) -> bool:
    """Whether a line's capitalised words before a colon are a place, a section, a competition or a date."""
    words = name.lower().rstrip(".").split()
    whole = " ".join(words)
    if whole in _LINE_PLACES or whole in _LINE_SECTIONS:
        return True
    if any(w in _HOLIDAYS or w in _CALENDAR and w not in _NAME_MONTHS for w in words):
        return True  # 'Monday:', 'Black Friday:', 'December:'
    if len(words) >= 2 and (words[-1] in _COMPETITION_HEADS or words[-1] == "league" and words[-2] in _SPORTS_LEAGUES):
        return True
    return len(words) >= 2 and words[-1] == "open" and words[-2] not in ("the", "an")  # 'Brindle Open:'


# ... or a full name with what the piece calls the person, before it (a role of lower-case words) or set off after it
# by a comma (round pages21: interview headlines, 'Holocaust survivor Lea Bram: "..."', 'Ana Ruiz, the judge who
# stepped down: '...'', 'Ana Ruiz, painter and writer: "..."')
_LINE_SPEAKER_DESCRIBED = re.compile(
    rf"\s*(?:(?:[{CAPITAL}][\w’'-]*\s+){{0,2}}(?P<role>(?:[a-z][\w’'-]*\s+){{1,2}}))?(?P<name>{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,2}})"
    # set off in lower case (not a title-case headline's clause), a noun phrase (not a clause opened by a pronoun)
    r"(?:,\s+(?!(?:he|she|they|it|we|i|you|who|which|but|and)\s)(?P<description>[a-z][^,:;“”\"‘’«»()]{1,80}?))?\s*:\s*[“\"‘'«„]?"
)
# The lower-case words before the name must end in a noun for a person (review31): 'Holocaust survivor X Y:', 'Tennis
# star X Y:', not a headline about the person ('Tributes paid to X Y:', 'Letter to X Y:', 'Police hunt X Y:')
_PERSON_SUFFIX = re.compile(r"[a-z’'-]+(?:er|or|ist|ian|eer|ee|man|woman|men|women|ess|wife|ant|ent)s?")
_NOT_PERSON_SUFFIXED = frozenset(
    ["after", "over", "under", "never", "ever", "other", "later", "together", "rather", "whether", "either", "neither",
     "further", "letter", "order", "answer", "paper", "poster", "power", "murder", "disaster", "cover", "chapter",
     "quarter", "center", "centre", "shelter", "register", "error", "horror", "terror", "mirror", "door", "floor",
     "sector", "factor", "honour", "honor", "labour", "labor", "colour", "color", "favour", "rumour", "rumor",
     "matter", "number", "border", "water", "winter", "summer", "corner", "dinner", "weather", "went", "spent",
     "sent", "meant", "moment", "event", "comment", "statement", "government", "agreement", "present", "recent",
     "different", "percent", "payment", "treatment", "judgment", "judgement", "argument", "incident", "accident",
     "content", "want", "plant", "important", "significant", "tribute", "free", "agree", "degree", "committee"]
)  # fmt: skip
_PERSON_WORDS = frozenset(
    ["star", "superstar", "legend", "icon", "veteran", "boss", "widow", "widower", "mum", "dad", "chef", "hero",
     "heroine", "mogul", "tycoon", "billionaire", "millionaire", "candidate", "nominee", "laureate", "champion",
     "chief", "head", "guru", "queen", "king", "prince", "princess", "child", "kid", "teen", "teenager", "pupil",
     "graduate", "native", "detective", "executive", "representative", "relative", "nurse", "coach", "judge", "spy",
     "monk", "nun", "priest", "bishop", "imam", "rabbi", "pope", "medic", "cop", "hopeful", "great", "ace", "pensioner",
     "mp", "mep", "ceo"]
)  # fmt: skip


def _person_noun(word: str) -> bool:
    """Whether a lower-case word names a person (a role, a calling, a relation)."""
    w = word.lower()
    if w in _NOT_PERSON_SUFFIXED or w in ("report", "crowd"):
        return False  # (the documents and the crowd of _ROLE_NOUNS)
    if w in _ROLE_NOUNS or w in _PERSON_WORDS or w.rstrip("s") in _PERSON_WORDS or re.fullmatch(_ROLE_WORD, w):
        return True
    return len(w) >= 5 and _PERSON_SUFFIX.fullmatch(w) is not None and w not in _NOT_PERSON_SUFFIXED and w.rstrip("s") not in _NOT_PERSON_SUFFIXED


def _line_speaker(text: str, line_start: int, q: Quote) -> str | None:
    m = _LINE_SPEAKER.fullmatch(text, line_start, q.start)
    if m is None:
        m = _LINE_SPEAKER_DESCRIBED.fullmatch(text, line_start, q.start)
        if m is not None and any(w.lower() in _CALENDAR or w.lower() in _HOLIDAYS for w in m.group("name").split()):
            return None  # 'Last Christmas, she posted ...: "..."': a time, not a person
        if m is not None and m.group("role") and not _person_noun(m.group("role").split()[-1]):
            return None  # 'Tributes paid to X Y: "..."', 'Police hunt X Y: "..."': the person is no speaker there
        if m is not None and m.group("description") and re.search(rf"\b{_SPEECH}\b", m.group("description")):
            return None  # 'Asked about X Y, the coach said: "..."': the clause's own subject speaks
    if m is None or any(w.rstrip(".") in _LINE_LABELS for w in m.group("name").split()) or _line_label(m.group("name")):
        return None
    name = _clean_name(m.group("name")) or m.group("name")
    return name if name not in _NOT_NAMES and len(name) > 1 else None
# A preposition just before a noun phrase: the phrase is a fronted adverbial's object ("At the close of the
# hearing Smith described", "On the first day of the trial prosecutors called"), not the subject's head.
_FRONTED_PREPOSITION = re.compile(
    r"\b(?:at|on|in|during|after|before|since|until|amid|despite|for|from|by|with|of|to|over|under|into|"
    r"across|throughout|following|near|outside|speaking|ahead)\s+$",
    re.IGNORECASE,
)


def _head_before_pp(clause: str, end: int) -> re.Match[str] | None:
    """The first _HEAD_BEFORE_PP before ``end`` whose noun phrase is not itself a preposition's object and whose
    name (if a name) is one."""
    pos = 0
    while (head := _HEAD_BEFORE_PP.search(clause, pos, end)) is not None:
        fronted = _FRONTED_PREPOSITION.search(clause, 0, head.start())
        if not fronted and (not head.group("name") or _clean_name(head.group("name"))):
            return head
        pos = head.start() + 1
    return None


# The noun phrase a matched speaker (a role, or one capitalised word; not a full name: "Secretary of State Mike
# Pompeo said") is the object of a preposition in: a determiner and a head noun, or a name, then "of"/"for"/
# "at"/"from"/"with"/"on" and up to five more words before the matched speaker ("a former adviser on housing
# policy for [the city government]", "[Toledo]" after "Mayor X of").
_HEAD_BEFORE_PP = re.compile(
    rf"(?:(?:^|(?<=[\s,]))(?:[Tt]he|[Aa]n?|[Oo]ne)\s+(?:(?:[a-z][\w’'-]*|[“\"][\w’'-]+(?:\s[\w’'-]+)?[”\"])\s+){{0,3}}?"
    rf"(?P<head>[a-z][\w’'-]+)|"
    rf"(?<![\w’'])(?P<name>{_NAME}))\s+(?:of|for|at|from|with|on|about)\s+(?:[\w’'-]+\s+){{0,5}}?$"
)


# A relative clause of speech: "... noticed something was wrong with Lee, who told a coach, "..."": the name
# the relative pronoun stands for speaks.
_WHO_SAID = re.compile(
    rf"(?P<name>{_NAME}),\s+who\s+(?:also\s+|later\s+|then\s+)?{_SPEECH}\b[^“”\"«».!?]{{0,60}}?[,:]?\s*$"
)
_APPOSED_NAME = re.compile(rf",\s+(?P<name>{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,2}}),")


_NAMING_WORD = re.compile(_NAMING)


# Another voice between a verb of naming or thanks and its quote (review22): "The coach thanked fans for chanting
# "..."", "The mayor thanked the nurses who had told her "..."" (the fans' or nurses' words).
_OTHER_VOICE = re.compile(
    rf"\b(?:{_SPEECH}|chant(?:s|ed|ing)|s[aiu]ng|sing(?:s|ing)?|shout(?:s|ed|ing)|yell(?:s|ed|ing)|"
    r"writ(?:es|ing)|wrote|written|told|tell(?:s|ing)?|saying|asking|text(?:s|ed|ing)|post(?:s|ed|ing))\b"
)


def _last_naming_end(clause: str, start: int) -> int:
    end = start
    for m in _NAMING_WORD.finditer(clause, start):
        end = m.end()
    return end


def _partial(clause: str) -> re.Match[str] | None:
    """'Bialiatski said the regime "keeps taking new hostages"': the last speaker-verb pair before it."""
    found = None
    for m in _PARTIAL.finditer(clause):
        found = m
    naming = _NAMING_PARTIAL.search(clause) if _NAMING_WORD.search(clause) else None
    if naming is not None and _OTHER_VOICE.search(clause, _last_naming_end(clause, naming.start())):
        naming = None  # 'The coach thanked fans for chanting "..."': the fans' words, not the coach's
    if naming is not None and (found is None or naming.start() > found.start()):
        return naming
    return found


# Capitalised words that describe a person before the name, not part of it ("Former Facebook ...",
# "Ex-Minister ...", "Acting Director ...": a headline's title case or a sentence's first word)
_NAME_MODIFIERS = frozenset(
    ["Former", "Ex", "Late", "Acting", "Then", "Incoming", "Outgoing", "Retired", "Veteran", "Disgraced",
     "Embattled", "Beleaguered", "Interim", "Future", "Would-be", "Self-styled", "Alleged", "Suspected"]
)  # fmt: skip


_CONTRACTED = re.compile(r"[’']s$")
# "Oscar-winning", "Grammy-nominated", "London-based", "Texas-born" (a participle or a compound's adjective; the
# second part of a Korean given name, "Min-jun", "Seo-yeon", "Ji-hoon", is no describing word)
_DESCRIBING = re.compile(r"^[A-Z][\w’']*-[a-z]*(?:ing|ed|based|born|bred|like|style|era)$")


_DETERMINERS = frozenset(["the", "a", "an", "one", "his", "her", "their"])
# What a government title names after its "of" ("Secretary of State", "Minister of Defence", "Secretary of
# Homeland Security", "Chancellor of the Exchequer"): a speaker's name, matched from the capitalised word after
# "of", starts with it; it is no part of the name. (Words of government, not of one story.)
_PORTFOLIOS = frozenset(
    ["State", "Defence", "Defense", "Health", "Education", "Energy", "Commerce", "Labor", "Labour", "Agriculture",
     "Transportation", "Transport", "Treasury", "Interior", "Justice", "Finance", "Homeland", "Security",
     "Veterans", "Foreign", "Affairs", "Exchequer", "Trade", "Housing", "Environment", "Culture", "Economy",
     "War", "Navy", "Army", "Home"]
)  # fmt: skip
_ROLE_PP_CUT = re.compile(r"\s+(?:of|for|at|from|with)\s")


# A photo's credit printed before a caption's name ("Associated Press Hillary Ward took time out ...", "EPA Coach Jo
# Lee ..."): the agency took the picture, the name after it is the person's. Only before two or more capitalised
# words, so that an agency alone ("Reuters reported") stays.
_LEADING_CREDIT = re.compile(rf"(?:{CREDIT_NAME})\s*[/:]?\s*(?=[{CAPITAL}][\w’'-]+\s+[{CAPITAL}])")


def _clean_name(name: str) -> str | None:
    if credit := _LEADING_CREDIT.match(name):
        name = name[credit.end() :]
    words = name.split()
    if words and words[0].lower() in _DETERMINERS and (pp := _ROLE_PP_CUT.search(name)):
        words = name[: pp.start()].split()[-1:]  # "a member of the crew": the head noun speaks (as _described_speaker)
    the = words[:1] == ["The"]
    while words and (words[0] in _NOT_NAMES or words[0] in _NAME_MODIFIERS or _CONTRACTED.search(words[0])):
        words = words[1:]  # "How's Sarah": a contraction or possessive is not a first name
    if the and len(words) == 1 and words[0].islower() and words[0].isalpha():
        return f"the {words[0]}"  # "The director said": a role, credited as "the director said" is
    if not words:
        return name if name.lower() in {"he", "she", "they"} else None
    if _DESCRIBING.search(words[-1]):
        return None  # "The Grammy-nominated (comedienne)", "Oscar-winning", "London-based": a describing word
    cut = max((i for i, w in enumerate(words[:-1]) if w.lower() in _TITLE_WORDS), default=-1)
    words = words[cut + 1 :]
    while len(words) > 2 and words[0] in _PORTFOLIOS and not _A_BODY.search(name):
        words = words[1:]  # "Secretary of State Ann Devlin": the name matched from "State" on
    cleaned = " ".join(words).rstrip(".,")
    if cleaned.lower() in _BARE_ABBREVIATIONS:
        return None  # 'said No. 3 seed ...', ', Dr. X Y of ...': an abbreviation is not a name (speakers33)
    return _STRIP_TITLE.sub("", cleaned) or cleaned


# "he" or "she" stands for a person (round pages11): never a name that ends in a word of the press or of a holiday
# ("Responding to the Harbour Times article, he added: ...", "Last Thanksgiving, she posted: ..."), nor a body's
# name (coref.is_body_name: "Agency", "Ministry", "Inc", ...).
_NO_PERSON_HEADS = frozenset(
    [
        "Times", "Journal", "Tribune", "Chronicle", "Gazette", "Telegraph", "Reporter", "Insider", "Magazine",
        "Radio", "Television", "TV", "Network", "Daily", "Weekly", "Wire", "Today", "Register", "Examiner",
        "Inquirer", "Dispatch", "Bulletin", "News", "Thanksgiving", "Christmas", "Easter",
        "Halloween", "Hanukkah", "Ramadan", "Diwali", "Passover", "Eid", "Olympics", "Games",
    ]
)


def _resolve_pronoun(
    persons: list[tuple[int, str]],
    pos: int,
    last: tuple[str, int] | None,
    text: str = "",
    pronoun: str = "he",
    places: set[str] | None = None,
    hide: tuple[int, int] | None = None,
) -> str | None:
    """'he said' -> the last speaker or the last named subject ("Omar asked ..."), whichever is nearer;
    else the only person named before the quote in its paragraph (or nearby). Candidates the text
    calls by the other pronoun ("Kolesnikova ... She was taken") are passed over."""
    places = places or set()
    want = "m" if pronoun == "he" else "f"
    if last is not None and not last[0][:1].isupper():
        if text and _person_role(last[0], want) and pos - last[1] < 200 and not _named_between(persons, last[1], pos):
            return last[0]  # 'the driver stood up and said: "We stop here." "Everyone off," he added': the driver
        last = None  # "he" names a person, not "one reader" or "the couple"
    section = coref.section_start(text, pos) if text else 0
    if last is not None and last[1] < section:
        last = None  # never back over a heading or a related-links block
    # names no pronoun here stands for: inside a relative clause, or between a pronoun credit and its quote ("hide")
    hidden = (_relative_spans(text, max(0, pos - 400), pos) if text else []) + ([hide] if hide else [])
    subject = _last_subject(text, pos, places, persons, hidden) if text else None  # (surnames named anywhere before)
    if section:
        persons = persons[bisect_left(persons, (section, "")) :]
    if hidden:
        persons = [(p, n) for p, n in persons if not any(a <= p < b for a, b in hidden)]

    def fits(name: str) -> bool:  # "she" is no "Creative Artists Agency", nor a person the text calls "he"
        return (
            _gender(text, name) in (None, want)
            and not coref.is_body_name(name)
            and name.split()[-1] not in _NO_PERSON_HEADS
        )

    if subject is not None and (not fits(subject[0]) or subject[1] < section):
        subject = None
    found = _pick_pronoun(persons, pos, last, text, subject, fits, places, section)
    if found is None or not text or not _ambiguous(text, persons, pos, found, want, fits, places):
        return found
    return None


# Roles one person holds, which "he" or "she" can stand for right after that role's own quote; the gendered ones
# only for their pronoun. Bodies ("the company", "the ministry") and groups ("the couple") are not among them.
_PERSON_ROLE_HEADS = frozenset(
    ["official", "minister", "lawyer", "attorney", "prosecutor", "judge", "witness", "resident", "adviser", "advisor",
     "aide", "analyst", "expert", "leader", "chief", "director", "officer", "doctor", "teacher", "executive",
     "manager", "coach", "captain", "player", "president", "mayor", "governor", "senator", "founder", "owner",
     "neighbour", "neighbor", "friend", "survivor", "victim", "driver", "pilot", "firefighter", "paramedic", "nurse",
     "researcher", "scientist", "professor", "economist", "campaigner", "activist", "organiser", "organizer",
     "landlord", "headteacher", "singer", "actor", "spectator", "spokesperson", "chairperson", "referee", "guard"]
)  # fmt: skip
_HE_ROLE_HEADS = frozenset(["spokesman", "chairman", "father", "brother", "son", "husband"])
_SHE_ROLE_HEADS = frozenset(["spokeswoman", "chairwoman", "mother", "sister", "daughter", "wife", "actress"])


def _person_role(speaker: str, want: str) -> bool:
    """Whether a role speaker ("the captain", "a spokeswoman") is one person whom the pronoun of gender ``want``
    ("m"/"f") can name."""
    head = speaker.split()[-1].lower() if speaker.split() else ""
    return head in _PERSON_ROLE_HEADS or head in (_HE_ROLE_HEADS if want == "m" else _SHE_ROLE_HEADS)


def _named_between(persons: list[tuple[int, str]], lo: int, hi: int) -> bool:
    """A person is named in the text between ``lo`` and ``hi`` (``persons``: (position, name), in order)."""
    i = bisect_left(persons, (lo, ""))
    return i < len(persons) and persons[i][0] < hi


def _ambiguous(
    text: str,
    persons: list[tuple[int, str]],
    pos: int,
    found: str,
    want: str,
    fits: Callable[[str], bool],
    places: set[str],
) -> bool:
    """Another person of the pronoun's gender is named as near as ``found``: in the quote's paragraph, or the one
    before when the quote opens its own ("Peter Grant scored. Tom Hill scored. '...,' he said"). One whose gender
    the text shows ("He ...") fits better than one it does not."""
    para = text.rfind("\n", 0, pos) + 1
    if not text[para:pos].strip(" \t\"“«„'‘"):
        para = text.rfind("\n", 0, max(0, para - 1)) + 1
    mine = set(found.split())
    known = _gender(text, found) == want
    near = persons[bisect_left(persons, (para, "")) : bisect_left(persons, (pos, ""))]
    others = {n for _, n in near if _plausible(n, places) and fits(n)}
    others = {
        o for o in others
        if not (set(o.split()) <= mine or mine <= set(o.split()))
        and not any(w in _NOT_NAMES for w in o.split()) and not o.split()[0].endswith("ing")  # "Following The Times"
    }  # fmt: skip
    # only names the text treats as a person's (calls "he"/"she" or has speak: "Hill said"), fitting at least as
    # well as the one found (a name the text calls "he" fits "he said" better than one it does not)
    return any(
        (g == want) >= known and (g is not None or _personal(text, o))
        for o in others
        for g in [_gender(text, o)]
    )


def _personal(text: str, name: str) -> bool:
    """The text treats ``name`` as a person's: calls it "he"/"she" or has it speak ("Hill said")."""
    return _gender(text, name) is not None or _speaks(text, name.split()[-1]) or _speaks(text, name)


def _pick_pronoun(
    persons: list[tuple[int, str]],
    pos: int,
    last: tuple[str, int] | None,
    text: str,
    subject: tuple[str, int] | None,
    fits: Callable[[str], bool],
    places: set[str],
    section: int = 0,
) -> str | None:
    """The candidate of _resolve_pronoun (after a heading, ``section``, a name must be a person's to stand alone)."""
    para = text.rfind("\n", 0, pos) + 1
    near = persons[bisect_left(persons, (para, "")) : bisect_left(persons, (pos, ""))]
    named = {n for _, n in near if fits(n) and _plausible(n, places)}
    if len(named) == 1 and max(subject[1] if subject else 0, last[1] if last else 0) < para:
        return named.pop()  # the one person named in the quote's own paragraph
    if (
        last is not None
        and pos - last[1] < 800
        and fits(last[0])
        and (subject is None or subject[1] < last[1])
    ):
        return last[0]
    if subject is not None:
        return subject[0]
    if len(named) == 1:
        return named.pop()
    lo = bisect_left(persons, (pos - 600, ""))
    hi = bisect_left(persons, (pos, ""))
    full = {
        name for _, name in persons[lo:hi]
        if " " in name and fits(name) and _plausible(name, places) and (not section or _personal(text, name))
    }  # fmt: skip
    if len(full) == 1:
        return full.pop()
    return None


_SENTENCE_END = re.compile(r"(?<![A-Z])(?<!\b[A-Z][a-z])[.!?][”\"]?\s+")
_OPENS_PRONOUN = re.compile(r"(?P<p>He|She)\b")


@lru_cache(maxsize=8)
def _sentence_starts(text: str) -> list[int]:
    return [0] + [e.end() for e in _SENTENCE_END.finditer(text)]


@lru_cache(maxsize=256)
def _gender(text: str, name: str) -> str | None:
    """"m" or "f" when the sentence after one naming ``name`` opens with "He" or "She" and names
    nobody else ("Maria Kolesnikova ... had served five years. She was taken to Ukraine")."""
    surname = name.split()[-1]
    if not surname[:1].isupper() or len(surname) < 3:
        return None
    starts = _sentence_starts(text)
    for m in re.finditer(rf"\b{re.escape(surname)}\b", text):
        end = _SENTENCE_END.search(text, m.end())
        if end is None:
            return None
        start = max(starts[bisect_right(starts, m.start()) - 1], text.rfind("\n", 0, m.start()) + 1)
        if len(text[start : m.start()].split()) > 3 or _PERSON.search(text, m.end(), end.start()):
            continue  # not the subject the sentence opens with, or another person named after it
        p = _OPENS_PRONOUN.match(text, end.end())
        if p:
            return "m" if p.group("p") == "He" else "f"
    return None


def _last_subject(
    text: str,
    pos: int,
    places: set[str] | None = None,
    persons: list[tuple[int, str]] | None = None,
    hidden: list[tuple[int, int]] | None = None,
) -> tuple[str, int] | None:
    """The last name (or role: "The Brighton head coach said") acting as a subject before ``pos``:
    "Taylor Swift posted", "Omar asked", a sentence opening "Bialiatski, 63, the founder ..., was"."""
    window_start = max(0, pos - 700)
    # Sentence openings count only near the quote: in its paragraph, or the one before when the
    # quote opens its own paragraph; a one-word opening only as the surname of someone named in full.
    para = text.rfind("\n", 0, pos) + 1
    if not text[para:pos].strip(" \t\"“«„"):
        para = text.rfind("\n", 0, max(0, para - 1)) + 1
    surnames = {n.split()[-1] for p, n in (persons or []) if p < pos and " " in n}
    hidden = hidden or []
    found = None
    for rx in (_SUBJECT, _OPENING_FULL, _OPENING_SINGLE, _ROLE_SUBJECT, _APPOSED_SUBJECT):
        opening = rx is _OPENING_FULL or rx is _OPENING_SINGLE
        for m in rx.finditer(text, max(window_start, para) if opening else window_start, pos):
            raw = m.group("name")
            if rx is _ROLE_SUBJECT:  # "The director said": credited "the director", as mid-sentence
                name = f"the {raw}" if text.startswith("The", m.start()) else raw
            else:
                name = _clean_name(raw)
            aged = text.startswith(", ", m.end()) and text[m.end() + 2 : m.end() + 3].isdigit()
            if rx is _OPENING_SINGLE and (not (raw in surnames or aged) or "’" in raw or "'" in raw):
                continue
            if opening and (raw.split()[0] in _NOT_NAMES or _LEADING_PREPOSITION.search(text, m.start(), m.start("name"))):
                continue  # "Responding to the Harbour Gazette article, he added": the object of "to" is no subject
            if not name or name in _NOT_NAMES or name.lower() in {"he", "she", "they"}:
                continue
            if " " not in name and (
                name.lower() in _ROLE_NOUNS
                or name.lower() in COUNT_NOUNS
                or rx is _SUBJECT
                and raw == name
                and name not in surnames
                and _sentence_opening(text, m.start())
                and not _named_mid_sentence(text, name, pos)
                and not _speaks(text, name)
            ):
                # "Passengers forced the doors", "Smoke filled the carriage": one capitalised word opening its
                # sentence, with no title, is a person's name only as the surname of one named in full or as a
                # word the text capitalises mid-sentence too ("a catch by DeAndre Hopkins")
                continue
            if places is not None and not _plausible(name, places):
                continue
            if any(a <= m.start() < b for a, b in hidden):
                continue  # 'the deal, which Mr. Hale opposed, ...': a relative clause's subject (see _resolve_pronoun)
            if found is None or m.end() > found[1]:
                found = (name, m.end())
    return found


# A sentence opening with a role and the name set off after it, then the verb (round speakers23): "Her former
# manager, Neil Osborne, denied that." The name is the subject a later "he" may stand for.
_APPOSED_SUBJECT = re.compile(
    rf"{_SENT_START}(?:The|A|An|His|Her|Their|Its|[{CAPITAL}][\w’'-]*[’']s)\s+(?:[\w’'-]+\s+){{0,4}}?[a-z][\w’'-]*,\s+"
    rf"(?P<name>[{CAPITAL}][\w’'-]+(?:\s+[{CAPITAL}][\w’'-]+){{1,2}}),\s+(?:[a-z]+ly\s+)?"
    r"(?:[a-z]{3,}ed|said|says|told|wrote|took|made|gave|became|spoke|sent|is|was|has|had)\b"
)


def _named_mid_sentence(text: str, word: str, pos: int) -> bool:
    """``word`` stands capitalised where no sentence opens, in the 1,500 characters before ``pos`` (bounded: a page
    of such sentences stays linear)."""
    i = text.find(word, max(0, pos - 1500), pos)
    while i >= 0:
        if (i == 0 or not text[i - 1].isalnum()) and not _sentence_opening(text, i):
            return True
        i = text.find(word, i + 1, pos)
    return False


_AFTER_TITLE_DOT = re.compile(r"\b(?:" + "|".join(_TITLE_ABBREVIATIONS) + r")$")


def _sentence_opening(text: str, i: int) -> bool:
    if text[max(0, i - 2) : i] == ". " and _AFTER_TITLE_DOT.search(text, max(0, i - 8), i - 2):
        return False  # "Mr. Trump": after a title's dot
    return i == 0 or text[i - 1] == "\n" or text[max(0, i - 2) : i] in (". ", "! ", "? ") or text[max(0, i - 3) : i] in ('." ', ".” ")


def _expand(persons: list[tuple[int, str]], name: str, pos: int, text: str = "") -> str:
    """A bare surname ("Bialiatski") becomes the full name used earlier ("Ales Bialiatski"), never a relative's
    the text introduced by kinship ("her father, Robert Thurman", "his son Felix Brandt"): the surname alone is
    the person the story is about, the relative is named in full because they share it."""
    if " " in name:
        return name
    for p, full in persons:
        if p >= pos:
            break
        if " " in full and full.split()[-1] == name and not (text and _KIN_BEFORE.search(text, max(0, p - 40), p)):
            return full
    return name


# a kinship noun just before a name, set off by a comma or not: "her father, ", "his son ", "the couple's daughter, "
_KIN_BEFORE = re.compile(
    r"\b(?:(?:grand|step|great-grand)?(?:father|mother|son|daughter|parents?)|brother|sister|wife|husband|uncle|aunt|"
    r"cousin|nephew|niece|widow(?:er)?|fianc[eé]e?|ex-wife|ex-husband)(?:-in-law)?,?\s+$"
)
