"""Credits in a sentence: another outlet ("according to Reuters", "(AP) —", "told the BBC") or a named
non-outlet source ("according to the Health Ministry", "officials in Kyiv said")."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from claimcheck.claims.lexicon import CAPITAL, MONTH_RE, SMALL, SPEECH_RE, WEEKDAY_RE


@dataclass(frozen=True)
class Credit:
    """A source credited in a sentence; offsets relative to the sentence."""

    start: int
    end: int
    cites: str  # outlet id, or the source's name as written
    outlet: bool
    cue: str


_LEFT_CUE = re.compile(
    r"(?:according\s+to|told|tells|telling|speaking\s+to|spoke\s+to|speaking\s+with|interview\s+with|"
    r"interviewed\s+by|reported\s+by|reported\s+in|reports\s+in|cited\s+by|quoted\s+by|obtained\s+by|seen\s+by|"
    r"published\s+by|published\s+in|report\s+by|report\s+in|reporting\s+by|reporting\s+from|via|with|by|"
    r"confirmed\s+to|said\s+to|statement\s+to|writing\s+in|wrote\s+in|broadcast\s+by|aired\s+on|on|quoted\s+in|"
    r"interview\s+(?:[\w’'-]+\s+){0,3}?(?:gave|given|granted)\s+to|"
    r"copyright\s+(?:©\s*)?\d{4}|©\s*(?:\d{4}\s+)?)\s+(?:the\s+|a\s+|an\s+)?(?:[a-z]+\s+)?$|\(\s*$",
    re.IGNORECASE,
)
_RIGHT_CUE = re.compile(
    r"(?:['’]s?\s+[A-Za-z]+\s+|\s+)?(?:news\s+agency|staff|reported|reports|has\s+reported|had\s+reported|"
    r"first\s+reported|was\s+first\s+to\s+report|revealed|said|says|quoted|cited|learned|contributed|found|"
    r"obtained|reviewed|published|broke|could\s+not|was\s+unable|has\s+learned|understands|reporter|"
    r"correspondent|journalist|(?:interview|investigation|report|article|story|editorial|analysis|poll|"
    r"documentary|podcast|broadcast)s?)\b|\)\s*[-–—]|\s*$",
    re.IGNORECASE,
)
# An outlet credited after the fact at the sentence's end (round pages9): "..., writes the Associated Press.",
# "..., reported Reuters." ("Ann said the BBC was biased" is no credit: the name must end the sentence)
_AFTER_FACT = re.compile(
    r",[”\"’']?\s+(?:writes|wrote|reports|reported|says|said|notes|noted|adds|added)\s+(?:the\s+)?$", re.IGNORECASE
)
_ENDS = re.compile(r"\s*[.!]?[”\"’']?\s*$")
_PHOTO = re.compile(r"\s*(?:Photo|Images|Video|/)", re.IGNORECASE)
# A picture's credit line glued to the photographer's name by a slash ("Jane Doe/AP", "toggle caption Ann
# Lee/Reuters"): who took the picture, not who reported a fact; a joint poll's outlets stay credited ("an ABC
# News/Washington Post poll found").
_PHOTOGRAPHER_SLASH = re.compile(r"[A-Z][\w.’'-]*/$")
_POLL_AFTER = re.compile(r"\s+(?:[A-Z][\w-]*\s+)?(?:poll|survey|study|analysis)\b", re.IGNORECASE)

_SOURCE_NOUNS = (
    r"ministry|ministries|officials?|police|authorities|agency|group|office|department|government|spokes(?:man|"
    r"woman|person)|committee|commission|court|survey|monitor|observatory|organi[sz]ation|service|council|army|"
    r"military|prosecutors?|researchers|scientists|study|data|figures|center|centre|institute|bureau|"
    r"watchdog|regulator|sources?|analysts|experts|spokesmen|coastguard|coast\s+guard|firefighters|rescuers|medics|"
    r"paramedics|investigators|detectives|hospital|embassy|coroner|organi[sz]ers?"
)
# Source nouns for people in general, never a word of a body's name after an abbreviation: "in the U.S. Analysts
# said" is a sentence's end and the next one's subject (the U.S. Geological Survey, the U.N. Security Council are
# names).
_GENERIC_PLURALS = (
    r"(?:Analysts|Experts|Officials|Authorities|Researchers|Scientists|Sources|Prosecutors|Police|Spokesmen)"
)
_NP = (
    r"(?:(?:(?<![\w.])(?:[A-Z]\.){2,}(?=\s+[A-Z])(?!\s+" + _GENERIC_PLURALS + r"\b)|[A-Za-z][\w'’-]*)\s+){0,3}?(?i:"
    + _SOURCE_NOUNS
    + r")(?:\s+[A-Z][\w'’-]*){0,3}"
    + (r"(?:\s+(?:in|of|for|at)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})?")
)
_REPORT_VERB = (
    r"(?:said|say|says|reported|reports|announced|estimated|estimates|confirmed|stated|showed|show|shows)"
)
_TOKEN = re.compile(r"[a-z]+")
_REPORT_WORDS = frozenset(re.findall(r"[a-z]+", _REPORT_VERB))
_SOURCE_WORDS = frozenset(
    w
    for a in _SOURCE_NOUNS.replace("(?:", "|").replace(")", "|").split("|")
    for w in (a, a.rstrip("?"), a + "s")
    if w.isalpha()
) | {
    "officials", "official", "spokesman", "spokeswoman", "spokesperson", "organisation", "organization",
    "sources", "organisers", "organizers", "organiser", "organizer",
}
# the verb group may hold an adverb or "do": "police also said", "authorities did say"
_AUX = r"(?:(?:also|did|do|does|later|previously|earlier|further|then|both)\s+){0,2}"
_SUBJECT_CREDIT = re.compile(r"(?<![\w'’-])(?P<src>" + _NP + r")\s*,?\s+" + _AUX + _REPORT_VERB + r"\b")
_SAID_CREDIT = re.compile(r"\b" + _REPORT_VERB + r"\s+(?P<src>(?:the\s+)?" + _NP + r")(?=\s*[.,;]|\s*$)")
# The source runs to the next punctuation; an abbreviation's full stop is inside it ("according to a study by
# the U.K. Office of Rail Safety", "a report by Dr. Lee").
_ACCORDING = re.compile(
    r"\baccording\s+to\s+(?P<src>[^,;:()“”\"«»]{2,80}?)"
    r"(?=\s*[,;:()“”\"«»]|(?<!\b[A-Z])(?<!\b(?:Dr|Mr|Ms|St|Jr|Sr))(?<!\bMrs)\s*\.(?!(?:com|org|net|io|gov|edu|info)\b)|"
    r"\s*$|\s+(?:that|who|which|on|in|published|released)\s+[a-z])",  # a site's name keeps its ".io" (precision23)
    re.IGNORECASE,
)
# "according to the study, published in Journal of Coastal Ecology": the journal is the source, not "the study".
_PUBLISHED_IN = re.compile(
    r"\s*,?\s*(?:published|released|carried\s+out|conducted)\s+(?:in|by)\s+(?:the\s+)?"
    rf"(?!(?:{WEEKDAY_RE}|{MONTH_RE})\b)"  # a time: "published by Friday", "released in March"
    r"(?P<src>[A-Z][\w'’&-]*(?:\s+(?:of\s+)?[A-Z][\w'’&-]*){0,4})"
)
# A report with "a", no name and a word that says nobody is named ("a published report", "a media report"): nobody
# the reader could check, as the labels have it (a name after it, "a report by the UN", is the source; "a report on
# Monday" and a kind of document, "a new case report", stay the source).
_UNNAMED_PIECE = re.compile(
    r"^(?:a|an)\s+(?:published|media|news|press|local)\s+(?:report|story|article)$"
)
_GENERIC_SOURCE = re.compile(
    r"^(?:(?:the|a|an|this|that)\s+)?(?:new\s+|latest\s+)?(?:study|report|survey|paper|research|analysis)$", re.I
)
# A named person said it, outside any quote: "..., said Lt. Ann Cole, a police spokeswoman." / "..., Cole said."
_PERSON_TITLE = r"(?:(?:Lt|Sgt|Capt|Col|Gen|Det|Dr|Mr|Mrs|Ms|Insp|Cpl|Maj|Supt|Prof)\.?\s+)?"
# (letters with accents too: "..., Peláez said, ...", "said Zoë Müller")
_PERSON = rf"[{CAPITAL}][{SMALL}’'-]+(?:\s+[A-Z]\.)?(?:\s+[{CAPITAL}][{SMALL}’'-]+){{0,2}}"
_PERSON_SAID = re.compile(
    rf",\s+(?:said\s+{_PERSON_TITLE}(?P<src>{_PERSON})(?=\s*[,.]\s*|\s*$)|{_PERSON_TITLE}(?P<src2>{_PERSON})\s+said)\s*[.,]?\s*$"
    rf"|,\s+said\s+{_PERSON_TITLE}(?P<src3>{_PERSON}),\s+(?:[^,.;“”\"]{{0,60}}\s)?(?:spokes(?:man|woman|person)|official|"
    rf"officer|director|chief|head|minister|secretary|manager|commander)\b"
)
# The same credit in other tenses and verbs, with any description after the name up to the sentence's end, in
# one or two parts: "..., says Ann Cole, a fund manager at Y." / "..., reports Lee." / "..., said Ann Cole, the
# city's chief meteorologist." / "..., says Ann Cole, an analyst at Brightwater, a research firm in Leeds."
_PERSON_CREDIT_END = re.compile(
    rf",\s+(?:said|says|reports|reported|writes|wrote|explains|explained|adds|added|notes|noted)\s+"
    rf"{_PERSON_TITLE}(?P<src>{_PERSON})(?:,\s+[^,;“”\"]{{1,90}}?){{0,2}}\s*[.]?\s*$"
)
# ... or set off mid-sentence after the fact it credits: "The bridge, Cole explained, had been shut for weeks."
_ASIDE_VERBS = frozenset(["said", "says", "explained", "explains", "added", "adds", "noted", "notes", "insisted", "insists",
                          "argued", "argues", "recalled", "recalls"])
_PERSON_ASIDE = re.compile(
    rf"\w,\s+{_PERSON_TITLE}(?P<src>{_PERSON})\s+(?:{'|'.join(sorted(_ASIDE_VERBS, reverse=True))}),\s+\S"
)
# A body named by a title credited with a report: "The Chosun Ilbo reports that ...", "The Lancet reported on
# Friday that ..." (a bare name may be a person's, whose "X reported that" the labels do not cite).
_TITLE_REPORTS = re.compile(
    r"(?<![\w’'-])(?P<src>[Tt]he\s+[A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*){0,3})\s+(?:also\s+)?(?:reports|reported|has\s+reported|"
    r"had\s+reported)\s+(?:(?:on\s+)?[A-Z][a-z]+day\s+)?that\b"
)
# A firm or body named after its class noun: "market research firm IDC says", "the consultancy Acme estimated",
# "rights group Amnesty reported" (the press's class nouns are ``_PRESS_NAMED``'s).
_FIRM_CLASS = (
    r"(?:firm|company|consultancy|group|think\s+tank|institute|charity|watchdog|provider|tracker|regulator|"
    r"organi[sz]ation|body|union|lobby)"
)
_FIRM_VERBS = frozenset(["says", "said", "reports", "reported", "estimates", "estimated", "predicts", "predicted",
                         "forecasts", "forecast", "found", "finds", "expects", "expected"])
_FIRM_NAMED = re.compile(
    rf"\b{_FIRM_CLASS}\s+(?P<src>[A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*){{0,3}})\s+(?:also\s+)?"
    rf"(?:{'|'.join(sorted(_FIRM_VERBS, reverse=True))})\b"
)
_FIRM_KEYS = frozenset(["firm", "company", "consultancy", "group", "tank", "institute", "charity", "watchdog",
                        "provider", "tracker", "regulator", "organisation", "organization", "body", "union", "lobby"])
# A body known by its initials credited after the fact: "..., said the KCNA." / "..., reported the FAA."
_INITIALS_CREDIT_END = re.compile(r",\s+(?:said|says|reported|reports)\s+(?:the\s+)?(?P<src>[A-Z]{2,6})\s*[.]?\s*$")
# A quoted stretch of three words or fewer is a scare or partial quote ("all “relevant sites” were
# disinfected"): the sentence's credit is still read.
_QUOTED = re.compile(r"[“\"«]([^“”\"«»]*)[”\"»]")


def _long_quote(sentence: str) -> bool:
    """A quoted stretch of more than three words (one pass over the quotes, no backtracking)."""
    return any(len(m.group(1).split()) > 3 for m in _QUOTED.finditer(sentence))
# Outlets that the user's sources list does not name: "told The Hollywood Reporter", "tells Business Insider",
# "said on CNBC's ...", "The Chronicle says ...": a chain of capitalised words holding a newspaper or
# broadcaster word, a broadcaster or news agency known by its initials (``_OUTLET_ACRONYMS``: "told CNN",
# "told the BBC"), or other capitals followed by a programme word ("told KQED's morning show"). Any other
# acronym is a listener: "the minister told NATO on Tuesday", "told the FBI".
_OUTLET_ACRONYMS = (
    r"(?:BBC|CNN|CNBC|MSNBC|NBC|ABC|CBS|NPR|PBS|ESPN|HBO|ITV|RTÉ|RTE|CBC|SBS|NHK|KBS|CCTV|DW|RFI|AFP|AP|UPI|DPA|"
    r"EFE|ANSA|PTI|ANI|IANS|TASS|RIA|WSJ|NYT|FT|LBC|BNN|CNA|SCMP|AJE|RNZ|VOA|RFE|RTL|ZDF|ARD|TMZ)"
)
_PROGRAMME = r"(?:show|programme|program|podcast|broadcast|radio|channel|network|newscast|bulletin|interview)"
_OUTLET_WORD = (
    r"(?:News|Times|Post|Journal|Herald|Tribune|Chronicle|Gazette|Telegraph|Guardian|Independent|Observer|"
    r"Reporter|Insider|Magazine|Radio|Television|TV|Network|Daily|Weekly|Wire|Press|Today|Register|Examiner|"
    r"Inquirer|Globe|Mirror|Dispatch|Courier|Bulletin|Review|Standard|Express|Mail|Star|Sun|Record)"
)
_CAP = r"[A-Z][\w’'&.-]*"
# A news site known by its web address ("aceshowbiz.com", "ABC.net.au", "TMZ.com"): a word, then one to three
# dotted parts ending in a top-level domain; never part of an e-mail address or a longer path.
_DOMAIN = (
    r"(?<![@\w./-])[A-Za-z][\w-]*(?:\.[A-Za-z][\w-]*){0,2}\.(?:com|net|org|co|news|tv|io|info|uk|au|ca|nz|ie|in|de|fr)"
    r"(?![\w/@-]|\.[A-Za-z])"
)
_OUTLET_NAME = rf"(?:{_DOMAIN}|(?:[Tt]he\s+)?(?:{_CAP}\s+){{0,3}}{_OUTLET_WORD}(?:\s+{_CAP}){{0,2}}|(?:[Tt]he\s+)?{_OUTLET_ACRONYMS}(?![\w&-])|[A-Z]{{2,6}}(?=['’]s\s+(?:[a-z-]+\s+){{0,2}}{_PROGRAMME}\b))"
_OUTLET_END = r"(?=['’]s\b|\s*[,.;:)]|\s*$|\s+(?:that|on|in|last|this|earlier|about|after|before|when|while|he|she|they|it|the|a|an|and|as|why|how|what|whether)\b)"
_TOLD_OUTLET = re.compile(
    rf"\b(?:told|tells|telling|said\s+on|says\s+on|speaking\s+to|spoke\s+to|(?:in\s+)?an?\s+interview\s+with)\s+"
    rf"(?P<src>{_OUTLET_NAME}){_OUTLET_END}"
)
_OUTLET_SAYS = re.compile(
    rf"(?P<src>\b[Tt]he\s+(?:{_CAP}\s+){{0,3}}{_OUTLET_WORD})\s+(?:(?:has|had)\s+)?(?:also\s+|first\s+|[a-z]+ly\s+)?"
    r"(?:says|said|reported|reports|reveals|revealed)\b"
)
# A source named after a class noun of the press: "news agency dpa reports", "the newspaper Le Monde said",
# "pointed out by the ship-tracking website SeaWatch's account"; the name may be lower-case ("dpa").
_PRESS_CLASS = (
    r"(?:news\s+agency|wire\s+service|agency|newspaper|broadcaster|tabloid|daily|weekly|magazine|website|"
    r"news\s+site|site|outlet|channel|network|station|publication|journal|"
    # a named outlet after the kind of media it is (precision23): "state media Xinhua reported", "local media
    # Harbour TV said"; not "the media" alone ("told the media Trump would ...")
    r"(?i:state|state-run|state-owned|official|government|local|national|regional)\s+media)"
)
# ... but not a time after the noun: "Officials at the crash site Sunday said" (no source)
_NOT_A_NAME = rf"(?!(?:{WEEKDAY_RE}|{MONTH_RE}|Today|Tonight|Yesterday)\b)"
_PRESS_NAMED = re.compile(
    rf"(?:\b{_PRESS_CLASS}\s+{_NOT_A_NAME}(?P<src>[A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*){{0,3}})|\bnews\s+agency\s+(?P<low>[a-z]{{2,4}}))"
    r"(?=\s+(?:reports|reported|says|said|reveals|revealed|writes|wrote|quoted|cited|first\s+reported)\b|"
    r"['’]s\s+(?:\w+\s+){0,2}(?:account|feed|report|website|page)\b)"
)
_PRESS_KEYS = frozenset(["agency", "service", "newspaper", "broadcaster", "tabloid", "daily", "weekly",
                         "magazine", "website", "site", "outlet", "channel", "network", "station",
                         "publication", "journal", "media"])
# "according to a story on The Athletic", "according to a report in the Journal": the genre noun is no source,
# the outlet that ran it is.
_GENRE_SOURCE = re.compile(
    r"^(?:(?:the|a|an|this|that)\s+)?(?:new\s+|latest\s+|recent\s+)?(?:story|article|report|post|interview|piece|"
    r"investigation|editorial|broadcast|analysis|study|survey|paper)$", re.I
)
# the journals science and health news cite by name ("a study in the Lancet", "in Nature")
_JOURNALS = r"(?:Lancet|Nature|Science|Cell|BMJ|JAMA|PNAS|PLOS\s+ONE|PLOS\s+[A-Z][a-z]+|NEJM)"
_PUBLICATION = re.compile(rf"The\s+.+|{_OUTLET_NAME}|{_JOURNALS}(?:\s+[A-Z][\w-]*){{0,2}}")


def _ran_it(by: re.Match[str]) -> bool:
    """Whether the name after a genre noun is who ran the piece: any name "by" or "from" ("a survey by
    Gallup"); after "on" or "in" a publication only, a title with its capital "The" or a name of the press
    ("a story on The Ringer", "a report in the Daily Planet"), not a place ("a survey in Germany")."""
    return by.group("prep") in ("by", "from") or _PUBLICATION.fullmatch(by.group("src").rstrip(".")) is not None


_GENRE_BY = re.compile(
    rf"\s+(?P<prep>on|in|by|from)\s+(?:the\s+)?{_NOT_A_NAME}"
    r"(?P<src>(?:The\s+)?[A-Z][\w’'&.-]*(?:\s+(?:of\s+)?[A-Z][\w’'&.-]*){0,4})"
)
# An outlet's own piece or programme: "in a Washington Post interview", "said in the broadcast on Nordic Coast
# Television" (outlets the sources list names are found by ``_RIGHT_CUE``'s genre nouns).
_OUTLET_PIECE = re.compile(
    rf"\b(?:[Ii]n|[Bb]y|[Ff]rom|to)\s+an?\s+(?P<src>{_OUTLET_NAME})\s+(?:interview|investigation|report|article|story|"
    rf"editorial|analysis|poll|documentary|podcast|broadcast)\b"
    rf"|\bin\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,2}}?(?:broadcast|interview|programme|program|show|bulletin)\s+"
    rf"(?:on|with)\s+(?P<src2>{_OUTLET_NAME}){_OUTLET_END}"
)
_PIECE_KEYS = frozenset(["interview", "investigation", "report", "article", "story", "editorial", "analysis",
                         "poll", "documentary", "podcast", "broadcast", "programme", "program", "show", "bulletin"])
# A title whose article is capitalised mid-sentence names a publication, not a person: "told The Athletic",
# "speaking to The Verge" ("told the team" is a listener). The title ends the noun phrase, as an outlet's name
# does (``_OUTLET_END``, or a press noun: "told The Atlantic magazine"): "told The Hague court", "told The Duke
# of Sussex's lawyers" name listeners.
_TOLD_TITLE = re.compile(
    r"\b(?:told|tells|telling|speaking\s+to|spoke\s+to|said\s+to|in\s+an?\s+interview\s+with)\s+"
    rf"(?P<src>The\s+[A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*){{0,2}})(?<!['’])(?:{_OUTLET_END}|(?=\s+{_PRESS_CLASS}\b))"
)
# More verbs of saying for a body credited after the fact, the sentence ending there: ", the authorities noted.",
# ", police added.", "..., the ministry acknowledged." (mid-sentence "the army added 500 troops" is no credit).
_END_SAYING = re.compile(
    r",\s+(?P<src>(?:the\s+)?" + _NP + r")\s+(?:also\s+)?(?:noted|added|explained|acknowledged|insisted|stressed|"
    r"emphasi[sz]ed|claimed|alleged|warned|wrote|argued|maintained|concluded|observed)\s*[.]?\s*$"
)
_END_SAYING_KEYS = frozenset(["noted", "added", "explained", "acknowledged", "insisted", "stressed", "emphasised",
                              "emphasized", "claimed", "alleged", "warned", "wrote", "argued", "maintained",
                              "concluded", "observed"])
# ... but a lower-case name ("dpa") is no short English word that can end a clause of telling: "told the newspaper
# so.", "told the agency too", "told the network then."
_NOT_A_SHORT_WORD = (
    r"(?!(?:so|too|it|its|him|her|them|us|me|you|this|that|then|now|also|here|once|yet|all|both|why|how|what|"
    r"who|one|two|back|soon|last|more|less|much|well|off|out|up|on|in|of|to|as|at|by|for|and|but|or|nor|not|no|"
    r"yes|ago|late|live|is|was|are|were|has|had|via|each|same|next|such|any|some|none|only|just|ever)\b)"
)
# A name after a class noun of the press, after a cue of telling or an interview: "said in an interview on Sunday
# with the public broadcaster RTV", "speaking to the state broadcaster NHK", "told the newspaper Il Corriere".
_TOLD_PRESS_CLASS = re.compile(
    r"\b(?:told|tells|telling|[Ss]peaking\s+to|[Ss]poke\s+to|said\s+to|interview\s+(?:[\w’'-]+\s+){0,4}?with|"
    r"opened\s+up\s+to|confirmed\s+to)\s+(?:the\s+|a\s+)?(?:[a-z][\w-]*\s+){0,2}?"
    r"(?:newspaper|daily|weekly|broadcaster|tabloid|magazine|news\s+agency|agency|network|channel|station|"
    r"radio|television|news\s+site|website|outlet)\s+"
    rf"{_NOT_A_NAME}(?P<src>[A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*){{0,3}}|{_NOT_A_SHORT_WORD}[a-z]{{2,4}}(?=\s*[,.;]|\s*$))"
)
# A body's document as the subject of a verb of showing or saying: "A police report described how ...",
# "the company's guidelines indicate that ...", "a Pentagon audit found", "the ministry's figures show": the body
# before the document's noun names the source.
_BODY_DOCUMENT = re.compile(
    r"(?<![\w’'-])(?P<src>(?!(?:The|A|An|This|That|These|Those|Its|Their|His|Her|Our|Another|One|Each|Every|Such|"
    r"Some|No|New|Latest|Last|Recent|Earlier|In|On|At|But|And)\b)[A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*){0,3}|"
    r"(?:[a-z]+\s+)?(?:police|coroner|court|ministry|government|army|agency|council|company|department|regulator|"
    r"prosecutors|inspectors)(?:['’]s?)?)\s+"
    r"(?P<doc>report|study|survey|audit|review|filing|guidelines|figures|data|statement|records|documents|"
    r"assessment|investigation|inquiry|analysis)\s+(?:also\s+)?(?:described|describes|found|finds|showed|shows|"
    r"show|indicates?|indicated|said|says|stated|states|state|concluded|concludes|noted|notes|revealed|reveals|"
    r"estimated|estimates|claims|claimed)\b"
)
# the start of a sentence, or of one the splitter kept inside another ('... was “no.” Flight records show')
_OPENING = re.compile(r"(?:^|[.!?][”\"’')]*\s+)[“\"‘'(]*$")
_BODY_DOCUMENT_HINT = re.compile(
    r"\b(?:report|study|survey|audit|review|filing|guidelines|figures|data|statement|records|documents|assessment|"
    r"investigation|inquiry|analysis)\s+(?:also\s+)?(?:described|describes|found|finds|showed|shows|show|indicates?|"
    r"indicated|said|says|stated|states|state|concluded|concludes|noted|notes|revealed|reveals|estimated|estimates|"
    r"claims|claimed)\b"
)
_BODY_DOCUMENT_KEYS = frozenset(["report", "study", "survey", "audit", "review", "filing", "guidelines", "figures",
                                 "data", "statement", "records", "documents", "assessment", "investigation",
                                 "inquiry", "analysis"])
# "the source is TechWire", "whose source was the Kyodo agency": a name given as the source outright
_SOURCE_IS = re.compile(
    r"\bsource\s+(?:is|was|being)\s+(?:the\s+)?(?P<src>[A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*){0,3})"
)
# ... but not a river's, a fire's or a market's source ("The river's source is Lake Tana", "the main source is
# Brazil", "Europe's largest source was Norway"): after a possessor or a word of rank, the name must be followed
# by its class noun of the press ("its main source was the Kyodo agency").
_SOURCE_OF_A_THING = re.compile(
    r"(?:\b(?!(?:[Ww]hose|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Oo]ur|[Mm]y|[Yy]our)\b)[\w-]+['’]s?|"
    r"\b(?:main|largest|biggest|chief|primary|major|leading|top|key|only|single|second|third|richest|"
    r"dominant|principal|sole|likely|probable|original|ultimate|natural|heat|water|power|energy|food|"
    r"protein|income|revenue|light|fuel|infection|outbreak|fire|blaze|leak|pollution|contamination|noise)"
    r")\s+source\s+(?:is|was|being)\s+$"
)
_PRESS_AFTER = re.compile(rf"\s+{_PRESS_CLASS}\b")
# the patterns run only in sentences with their key words (most sentences have none)
_TOLD_KEYS = frozenset(["told", "tells", "telling", "interview", "speaking", "spoke"])
_SAYS_KEYS = frozenset(["says", "said", "reported", "reports", "reveals", "revealed"])
_OUTLET_WORDS = frozenset(w.lower() for w in re.findall(r"[A-Za-z]+", _OUTLET_WORD))
_LEADING_JUNK = re.compile(r"^(?:(?:but|and|so|earlier|later|meanwhile|now|also|however|the|a|an)\s+)+", re.I)
# A source's name holds no clause word: "two years since industry analysts", "though officials", "What did
# the prosecutors" credit the words after the last one. ("and" may join a name's own words: "the boy's parents
# and grandfather", "a wallet and exchange service".)
_CLAUSE_HEAD = re.compile(
    r"^.*\b(?:that|since|when|whenever|though|although|while|whereas|because|unless|if|until|after|before|what|"
    r"where|which|who|did|do|does|said|says)\s+",
    re.I,
)

# Outlets known by one word with no word of the press in it ("told Politico", "opened up to People", "in a
# Variety interview"): a lexicon of the English-language press and the agencies it cites, capitalised as the
# outlets write themselves (a common noun such as "people" or "time" is no outlet; "Time" and "Vice" are left out:
# "told Vice President X").
_ONE_WORD_OUTLETS = (
    r"(?:People|Variety|Politico|Axios|Haaretz|Forbes|Fortune|Wired|Vox|Slate|Salon|Deadline|Billboard|Vogue|"
    r"Newsweek|Bild|Spiegel|Kyodo|Yonhap|Xinhua|Interfax|Ynet|Mediapart|Mashable|Engadget|TechCrunch|Gizmodo|"
    r"BuzzFeed|Buzzfeed|HuffPost|Esquire|Bloomberg|Reuters|Semafor|Punchbowl|ProPublica|Mediaite|"
    r"Rolling\s+Stone|Page\s+Six|Der\s+Spiegel|Le\s+Monde|Le\s+Figaro|Al\s+Jazeera|El\s+País|El\s+Pais)"
)
_TOLD_ONE_WORD = re.compile(
    r"\b(?:told|tells|telling|speaking\s+to|spoke\s+to|(?:in\s+)?an?\s+interview\s+with|opened\s+up\s+to|"
    r"revealed\s+to|confirmed\s+to|explained\s+to|admitted\s+to|confided\s+to|confirmed\s+the\s+news\s+to)\s+"
    rf"(?P<src>{_ONE_WORD_OUTLETS}){_OUTLET_END}"
)
# "opened up to The Atlantic", "confirmed to Fox News": more verbs of telling before an outlet's name
_TOLD_MORE = re.compile(
    r"\b(?:opened\s+up\s+to|revealed\s+to|confirmed\s+to|explained\s+to|admitted\s+to|confided\s+to)\s+"
    rf"(?P<src>{_OUTLET_NAME}|The\s+[A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*){{0,2}}){_OUTLET_END}"
)
_TOLD_MORE_KEYS = frozenset(["opened", "revealed", "confirmed", "explained", "admitted", "confided"])
# An outlet as the subject of a verb of reporting, with no "The" before it ("CBS Chicago reports the man ...",
# "Metro Daily is reporting that ...", "Fox News said"): a broadcaster's or agency's initials with at most one
# capitalised word after them (a station's market: "NBC Boston"), or capitalised words ending in a word of the
# press that is no common surname (not Post, Star, Sun, Mail, Press: "Emily Post said" is a person). After the fact
# as well: "..., The Harbour Gazette reports." (a title with its capital "The": see ``_TITLE_REPORTS``).
_PRESS_HEAD = (
    r"(?:News|Times|Journal|Tribune|Chronicle|Gazette|Telegraph|Reporter|Insider|Magazine|Radio|Television|TV|"
    r"Network|Daily|Weekly|Wire|Today|Register|Examiner|Inquirer|Dispatch|Bulletin)"
)
_NAME_WORD = (
    rf"(?!(?:On|In|At|By|For|From|As|And|But|Or|So|The|A|An|This|That|Then|Now|Earlier|Later|Meanwhile|"
    rf"{WEEKDAY_RE}|{MONTH_RE})\b)[A-Z][\w’'&.-]*"
)
_REPORTING = (
    r"(?:(?:has|have|had|is|are|was|were)\s+)?(?:also\s+|first\s+|now\s+)?"
    r"(?:reports|reported|reporting|says|said|revealed|reveals|writes|wrote|published)\b"
)
_OUTLET_SUBJECT = re.compile(
    rf"(?<![\w’'&.-])(?P<src>{_OUTLET_ACRONYMS}(?:\s+{_NAME_WORD})?|(?:{_NAME_WORD}\s+){{1,3}}{_PRESS_HEAD})"
    rf"\s+{_REPORTING}"
)
# the literal words a match needs, looked for first (the full patterns try a name at every capital)
_OUTLET_SUBJECT_KEYS = frozenset(w.lower() for w in re.findall(r"[A-Za-zÉ]+", _OUTLET_ACRONYMS + _PRESS_HEAD))
_TITLE_END = re.compile(
    r",\s+(?P<src>The\s+(?!(?:President|Prime|King|Queen|Pope|Chancellor|Governor|Mayor|Senator|Minister|Secretary|"
    r"Judge|Prince|Princess|Duke|Duchess|General|Coach|Chief)\b)[A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*){0,3})\s+(?:also\s+)?(?:reports|reported|says|said)"
    r"\s*[.]?\s*$"
)
# A name followed by its class noun of the press ("Norway's Fjordposten newspaper published ...", "the
# Yonhap news agency reported", "the state-run KCNA news agency said"); the name starts after a possessor.
_NAME_THEN_PRESS = re.compile(
    rf"(?P<src>(?:{_NAME_WORD}\s+){{0,3}}{_NAME_WORD})\s+(?:newspaper|daily|news\s+agency|wire\s+service|"
    r"broadcaster|tabloid|magazine|news\s+site|television|radio)\s+(?:has\s+|had\s+|also\s+|first\s+)?"
    r"(?:reported|reports|said|says|published|revealed|reveals|wrote|writes|quoted|cited|showed|shows)\b"
)
# ... but a nationality or a region describes the paper, it does not name it: "the German newspaper wrote", "a
# South Korean newspaper said", "an Israeli daily reported"; nor does anything after "a"/"an".
_NATIONALITIES = (
    "American", "British", "German", "French", "Italian", "Spanish", "Russian", "Chinese", "Japanese", "Korean",
    "Indian", "Pakistani", "Israeli", "Iranian", "Iraqi", "Turkish", "Greek", "Dutch", "Swiss", "Swedish",
    "Norwegian", "Danish", "Finnish", "Polish", "Ukrainian", "Canadian", "Mexican", "Brazilian", "Argentine",
    "Australian", "Egyptian", "Saudi", "Syrian", "Lebanese", "Nigerian", "Kenyan", "African", "Irish", "Scottish",
    "Welsh", "English", "Belgian", "Austrian", "Portuguese", "Czech", "Hungarian", "Romanian", "Vietnamese",
    "Thai", "Indonesian", "Malaysian", "Filipino", "Taiwanese", "Afghan", "Qatari", "Emirati", "Jordanian",
    "Palestinian", "Cuban", "Venezuelan", "Colombian", "Chilean", "Peruvian", "European", "Asian", "Arab",
    "Western", "Kurdish", "Serbian", "Croatian", "Bulgarian", "Belarusian", "Georgian", "Armenian", "Zealand",
    # (those no adjective's ending tells: "told the Kuwaiti daily" named no paper)
    "Kuwaiti", "Omani", "Yemeni", "Bahraini", "Azerbaijani", "Bangladeshi", "Nepali", "Somali", "Uzbek", "Kazakh",
    "Tajik", "Turkmen", "Kyrgyz", "Slovak", "Cypriot", "Montenegrin", "Lao", "Khmer", "Maori", "Inuit", "Scots",
)
# ... nor does a language ("the Hindi daily", "the Spanish-language newspaper") or a leaning or faith ("the Tory
# newspaper", "the Catholic magazine").
_LANGUAGES_AND_LEANINGS = (
    "Hindi", "Urdu", "Bengali", "Tamil", "Telugu", "Marathi", "Punjabi", "Gujarati", "Arabic", "Persian", "Farsi",
    "Hebrew", "Yiddish", "Mandarin", "Cantonese", "Swahili", "Hausa", "Yoruba", "Amharic",
    "Tagalog", "Malay", "Catalan", "Basque", "Galician", "Flemish", "Gaelic", "Latin", "Afrikaans", "Pashto", "Dari",
    "Sindhi", "Breton", "Manx", "Sami",
    "Conservative", "Liberal", "Tory", "Labour", "Socialist", "Communist", "Progressive", "Catholic", "Christian",
    "Protestant", "Evangelical", "Jewish", "Muslim", "Islamic", "Islamist", "Hindu", "Buddhist", "Orthodox", "Ultra-Orthodox", "Right-wing", "Left-wing",
    "Pro-government", "Opposition", "Financial", "Regional",
)  # not "National", "Local", "State", "Republican", "Independent": outlets' own names ("The National")
_DESCRIBED = re.compile(
    r"(?:(?:North|South|East|West|Central|New|" + "|".join((*_NATIONALITIES, *_LANGUAGES_AND_LEANINGS))
    + r")(?:-(?:language|speaking|leaning|run|owned|backed|based))?\s*)+"
)
_INDEFINITE = re.compile(r"(?<![\w’'-])(?:[Aa]|[Aa]n)\s+$")
# A paper or broadcaster someone told, named before or after its class noun (round pages9): "told the Neue
# Zeitung daily", "in an interview with the Hill Valley Telegraph newspaper", "told the German newspaper Bild".
# A nationality or a leaning alone only describes it ("told the German newspaper", "told Icelandic television").
_TOLD_CUE = (
    r"\b(?:told|tells|telling|[Ss]peaking\s+to|[Ss]poke\s+to|interview\s+(?:[\w’'-]+\s+){0,4}?with)\s+(?:the\s+)?"
)
_TOLD_PRESS_NOUN = (
    r"(?:newspaper|daily|weekly|broadcaster|tabloid|magazine|news\s+agency|radio|television|channel|station)"
)
_TOLD_NAME_PRESS = re.compile(
    _TOLD_CUE + rf"(?P<src>(?:{_NAME_WORD}\s+){{0,3}}{_NAME_WORD})\s+{_TOLD_PRESS_NOUN}\b"
)
_TOLD_DESCRIBED_PRESS = re.compile(
    _TOLD_CUE + _DESCRIBED.pattern + rf"{_TOLD_PRESS_NOUN}\s+{_NOT_A_NAME}"
    r"(?P<src>[A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*){0,3})"
)
# one word with an adjective's ending of nationality ("Icelandic", "Kenyan", "Maltese", "Flemish")
_NATIONAL_ADJECTIVE = re.compile(r"[A-Z][a-z]+(?:ian|ean|ese|ish|ic|an)")
_TOLD_PRESS_KEYS = frozenset(["newspaper", "daily", "weekly", "broadcaster", "tabloid", "magazine", "agency", "radio",
                              "television", "channel", "station"])
_NAME_THEN_PRESS_HINT = re.compile(
    r"[A-Z][\w’'&.-]*\s+(?:newspaper|daily|news\s+agency|wire\s+service|broadcaster|tabloid|magazine|news\s+site|"
    r"television|radio)\s+(?:has\s+|had\s+|also\s+|first\s+)?(?:reported|reports|said|says|published|revealed|"
    r"reveals|wrote|writes|quoted|cited|showed|shows)\b"
)
_NAME_PRESS_KEYS = frozenset(["newspaper", "daily", "agency", "service", "broadcaster", "tabloid", "magazine",
                              "site", "television", "radio"])
# A document a named source put out, credited with what it shows: "data released by the Office for National
# Statistics showed", "photos released by the space agency show", "a study of teenagers by Ann Cole, a
# psychologist at Y, found that", "a survey conducted by Gallup suggests". The source is a name in capitals, or
# a body's noun after "the" ("the ministry", "police"); a person's own words in a book are not a document here.
_DOC_NOUN_WORDS = (
    "study", "report", "survey", "poll", "analysis", "paper", "review", "research", "data", "figures", "statistics",
    "estimate", "estimates", "photo", "photos", "image", "images", "footage", "video", "document", "documents",
    "records", "filing", "filings", "census", "audit", "assessment", "projection", "projections", "forecast",
    "forecasts",
)
_DOC_NOUNS = "(?:" + "|".join(_DOC_NOUN_WORDS) + ")"
_DOC_BY = re.compile(
    rf"\b{_DOC_NOUNS}\s+(?:[\w’',.-]+\s+){{0,4}}?(?:(?:released|published|issued|compiled|provided|conducted|"
    r"carried\s+out|commissioned|collected|posted|shared|put\s+out)\s+)?(?:on\s+[A-Z][a-z]+day\s+)?by\s+"
    rf"(?P<src>(?:the\s+)?(?:{_NOT_A_NAME}[A-Z][\w’'&.-]*(?:\s+(?:of\s+|for\s+|on\s+|and\s+)?(?:the\s+)?[A-Z][\w’'&.-]*){{0,5}}|"
    r"(?:[a-z]+\s+)?(?:ministry|police|government|agency|department|office|bureau|council|commission|"
    r"company|regulator|watchdog|central\s+bank|statistics\s+office)))"
    r"(?:,\s[^;“”\"]{1,200}?,)?\s+(?:also\s+)?(?:show|shows|showed|shown|found|finds|suggests?|suggested|says|said|"
    r"estimates?|estimated|concluded|concludes|revealed|reveals|indicates?|indicated|predicts?|predicted|"
    r"projects|projected|put|puts)\b"
)
_DOC_KEYS = frozenset(_DOC_NOUN_WORDS)
# A piece published in a named journal or paper (round pages9): "a study published in Nature", "a paper published
# last year in the Journal of Coastal Ecology" (not a time: "published in March").
_PUBLISHED_PIECE = re.compile(
    r"\b(?:study|paper|report|article|research|analysis|review|findings|survey)\s+(?:[\w’'-]+\s+){0,3}?"
    r"published\s+(?:[\w’'-]+\s+){0,2}?in\s+(?:[Tt]he\s+)?(?:journal\s+)?"
    rf"{_NOT_A_NAME}(?P<src>[A-Z][\w’'&-]*(?:\s+(?:of\s+|for\s+|and\s+|&\s+|on\s+)?(?:the\s+)?[A-Z][\w’'&-]*){{0,5}})"
)
# A document a named body released (round pages9), with no verb of showing after it: "the tanker was seen in images
# released by the Coastal Security Agency on Nov. 3" (``_DOC_BY`` has those with one: "photos released by X show").
_DOC_RELEASED_BY = re.compile(
    rf"\b{_DOC_NOUNS}\s+(?:released|published|issued|compiled|provided|conducted|carried\s+out|commissioned)\s+"
    r"(?:on\s+[A-Z][a-z]+day\s+)?by\s+(?:the\s+)?"
    rf"{_NOT_A_NAME}(?P<src>[A-Z][\w’'&.-]*(?:\s+(?:of\s+|for\s+|and\s+)?(?:the\s+)?{_NOT_A_NAME}[A-Z][\w’'&.-]*){{0,5}})"
)
_DOC_RELEASED_KEYS = frozenset(["released", "published", "issued", "compiled", "provided", "conducted", "carried",
                                "commissioned"])
# A paper named before, credited as "the newspaper" (round pages9): "The newspaper said the ferry had been sold",
# "..., the broadcaster reported." ("the report said" names no body: tests/test_claims_cites7.py)
_THE_PIECE_SAID = re.compile(
    r"(?<![\w’'-])(?P<src>[Tt]he\s+(?:newspaper|broadcaster|magazine|tabloid))\s+(?:also\s+)?"
    r"(?:said|says|reported|reports|added|adds|noted|notes|wrote|writes)\b"
)
# A body known by a name in capitals with its joining words ("the Office for National Statistics", "the Bank of
# England", "the Food and Drug Administration"), holding a head noun of a body, as the subject of a verb of
# reporting, past a relative clause or an apposition: "The Council for Coastal Safety and Development, which
# groups 12 ports, still says that ..."
_BODY_HEAD_WORDS = (
    "Organisation", "Organization", "Ministry", "Department", "Agency", "Bank", "Fund", "Council", "Commission",
    "Institute", "Office", "Bureau", "Service", "Association", "Federation", "Union", "Foundation", "Board",
    "Authority", "Administration", "Court", "Police", "Centre", "Center", "Committee", "Survey", "Observatory",
    "Programme", "Program", "Forum", "Secretariat", "Tribunal", "Corps", "Guard", "Command", "Directorate",
    "Inspectorate", "Ombudsman", "Registry", "Society", "League", "Coalition", "Alliance", "Party",
)
_BODY_HEADS = "(?:" + "|".join(_BODY_HEAD_WORDS) + ")"
_BODY_NAME = re.compile(
    rf"(?P<src>(?:[Tt]he\s+)?(?:{_NAME_WORD}\s+(?:(?:of|for|on|and|&)\s+(?:the\s+)?)?){{0,6}}?{_BODY_HEADS}"
    r"(?:\s+(?:(?:of|for|on|and|&)\s+(?:the\s+)?)?[A-Z][\w’'&.-]*){0,5})"
    r"(?:,\s+(?:which|who|whose|a|an|the)\s[^,;“”\"]{1,120},)?\s+(?:still\s+|also\s+|now\s+|later\s+|previously\s+)?"
    r"(?:says|said|reported|reports|estimates|estimated|announced|confirmed|stated|warned|found)\b"
)
_BODY_KEYS = frozenset(w.lower() for w in _BODY_HEAD_WORDS)
_BODY_NAME_HINT = re.compile(rf"\b{_BODY_HEADS}\b")
# A source credited through a passive verb of reporting: "was quoted as saying by the Tribune", "as first reported
# by the Chronicle", "figures cited by the Financial Times": a name in capitals (outlets the sources list names are
# credited by ``_LEFT_CUE``), or "the" and a noun of the press. Not "confirmed by" ("was confirmed by the Senate" is
# a vote) nor "cited by X for" ("cited by OSHA for safety violations" is a penalty).
_PASSIVE_BY = re.compile(
    r"\b(?:quoted\s+(?:as\s+saying\s+)?|(?:first\s+|originally\s+|widely\s+)?reported\s+|cited\s+|"
    r"broadcast\s+|aired\s+)by\s+"
    rf"(?P<src>(?:the\s+)?{_NAME_WORD}(?:\s+(?:(?:of|for|on|and|&)\s+(?:the\s+)?)?[A-Z][\w’'&.-]*){{0,5}}|"
    r"the\s+(?:[a-z]+\s+)?(?:newspaper|broadcaster|magazine|network|news\s+agency))"
    r"(?![\w’'&.-])(?!\s+(?:for|over)\b)"
)
# ... but an event broadcast or aired is shown, not reported (misfire21): "The match was broadcast by Sky Sports to 2
# million viewers", "the final, aired by NBC"; "an interview broadcast by the BBC" and "remarks aired by CBS" stay
_EVENT_AIRED = re.compile(
    r"\b(?:match|matches|game|games|fixture|race|fight|bout|concert|ceremony|final|semi-final|tournament|"
    r"grand\s+prix|gig|parade|coronation|funeral|wedding|launch|derby|contest)\b(?:\s+[\w’'-]+){0,4}?,?\s+"
    r"(?:was\s+|were\s+|is\s+|are\s+|being\s+|will\s+be\s+)?(?:broadcast|aired)\s+by\b",
    re.IGNORECASE,
)
_PASSIVE_KEYS = frozenset(["quoted", "reported", "cited", "broadcast", "aired"])


# Round pages11: credits by frame, over any name of the press (a title with a press word, a broadcaster's initials,
# an outlet known by one word, a web address) rather than one pattern for each kind of name.
_ANY_OUTLET = rf"(?:{_OUTLET_NAME}|{_ONE_WORD_OUTLETS}(?![\w’'&-]))"
_CREDIT_VERB = r"(?:reports|reported|writes|wrote|says|said|notes|noted|adds|added|reveals|revealed|claims|claimed)"
# after the fact, at the sentence's end, either order: "..., notes aceshowbiz.com.", "..., Variety reported.",
# "..., ABC.net.au reported." ("Ann said the TMZ.com story was wrong" is none: the name must end the sentence)
_OUTLET_AFTER_FACT = re.compile(
    rf",[”\"’']?\s+(?:(?:also\s+)?{_CREDIT_VERB}\s+(?:the\s+)?(?P<src>{_ANY_OUTLET})|(?P<src2>{_ANY_OUTLET})(?:\s+\([A-Z]{{2,6}}\))?\s+(?:also\s+)?"
    rf"{_CREDIT_VERB})\s*[.!]?\s*[”\"’']?\s*$"
)
_TLD_HINT = re.compile(r"\w\.(?:com|net|org|co|news|tv|io|info|uk|au|ca|nz|ie|in|de|fr)\b")
# a web address as the subject of a verb of reporting: "TMZ.com reported that ...", "Radar.net says"
# (a verb of publishing and "that": "Booking.com said it would refund", "Amazon.com reported a rise in sales" are a
# company named by its address, speaking for itself, as "the carmaker said" is)
_DOMAIN_SUBJECT = re.compile(
    rf"(?P<src>{_DOMAIN})\s+(?:has\s+|had\s+|also\s+|first\s+)?(?:reported|reports|wrote|writes|revealed|reveals)"
    r"\s+(?:(?:on|last|this|earlier)\s+\w+\s+)?that\b"
)
# an outlet's piece as the subject of a verb of saying or showing: "The Times article says ...", "a Harbour Gazette
# investigation found ...", "Variety's report claimed ..."
_OUTLET_PIECE_SAYS = re.compile(
    rf"(?P<src>{_ANY_OUTLET})(?:['’]s)?\s+(?:article|story|report|piece|editorial|investigation|analysis|review)\s+"
    r"(?:also\s+|first\s+)?(?:says|said|reported|reports|found|finds|shows|showed|notes|noted|claims|claimed|alleges|"
    r"alleged|describes|described|revealed|reveals)\b"
)
_OUTLET_PIECE_KEYS = frozenset(["article", "story", "report", "piece", "editorial", "investigation", "analysis", "review"])
# A source the source itself cites: "the agency said, citing the regional health commission", "citing data from
# the Ministry of Health", "citing Interfax". "Citing" also gives a reason ("citing health reasons", "citing the
# weather"): the phrase must hold a noun of a source or a body, or be a name of the press or a body's name.
_CITING = re.compile(
    r"\bciting\s+(?P<src>(?:(?:the|a|an)\s+)?[^,;:()“”\"«»]{2,80}?)"
    r"(?=\s*[,;:()“”\"«»]|(?<!\b[A-Z])(?<!\b(?:Dr|Mr|Ms|St|Jr|Sr))\s*\.|\s*$|\s+(?:as|that|who|which|on)\s+[a-z])"
)
_CITING_HEADS = re.compile(
    rf"\b(?i:{_SOURCE_NOUNS}|{_PRESS_CLASS}|data|figures|statistics|report|records)\b|\b{_BODY_HEADS}\b|^{_ANY_OUTLET}$"
)
# ... or a named body's papers (round pages20): "citing United Nations documents", "citing Harbour Council filings"
# ("citing documents", "citing leaked papers" name nobody)
_CITING_PAPERS = re.compile(r"^(?:the\s+)?[A-Z][\w’'&.-]*(?:\s+(?:of\s+)?[A-Z][\w’'&.-]*){0,4}(?:['’]s?)?\s+(?:documents|filings|papers)$")
_CITING_OF = re.compile(r"\s+(?:from|of|by|over|about|with|at|against|among|on|in)\s+")
_CITING_VAGUE = re.compile(r"\b(?:unnamed|anonymous|unidentified|people\s+familiar|familiar\s+with)\b", re.I)
# An interview with a named outlet or interviewer before the speaker's own verb: "In an interview with Harbour
# FM, the coach said ...", "said in a recent interview with Harbour FM that ..." (the name is followed by
# a comma, a time or "that"; "an interview with Ann Cole aired on Sunday" names whom it was with, no credit).
_INTERVIEW_WITH = re.compile(
    r"\b[Ii]n\s+(?:an?|the|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?interview\s+with\s+(?:the\s+)?"
    rf"{_NOT_A_NAME}(?P<src>[A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*){{0,3}})"
    rf"(?=\s*,|\s+(?:on|last|this|earlier)\s+(?:{WEEKDAY_RE}|week|month|year|{MONTH_RE})\b|\s+that\b|\s*[.]?\s*$)"
)
# A source noun with a phrase after it, as the subject of "said": "organizers of the street party that fills the
# old town each summer said ...", "officials at the state water board said" (the phrase holds no verb in the past
# before a relative word: "police of the town arrested a man who said" is none; nor a time, which
# tests/test_claims_review6.py keeps uncredited: "Officials at the crash site Sunday said").
_PERSON_SOURCES = (
    r"(?:organi[sz]ers|officials|police|authorities|spokes(?:man|woman|person)|prosecutors|investigators|"
    r"researchers|scientists|analysts|experts|rescuers|firefighters|doctors|medics|paramedics|detectives)"
)
_SOURCE_WITH_PHRASE = re.compile(
    rf"(?<![\w’'-])(?P<src>(?i:{_PERSON_SOURCES})\s+(?:of|at|for|from|in|with)\s+"
    r"(?:(?![\w’'-]+ed\b)(?!(?:said|says|say|was|were|is|are|has|have|had|[Tt]oday|[Yy]esterday|[Tt]onight)\b)"
    rf"(?!(?:{WEEKDAY_RE}|{MONTH_RE})\b)[\w’'&.-]+\s+){{1,7}}?)"
    r"(?:(?:that|which|who)\s+(?:[\w’'&.-]+\s+){1,14}?)?"
    r"(?:also\s+)?(?:said|says|say)\b"
)
# A piece named only as what someone answered or reacted to is no credit: "Responding to the Harbour Gazette
# article, he added ...", "in response to a ministry report".
_RESPONDING = re.compile(
    r"\b(?:[Rr]esponding|[Rr]eacting|[Rr]eplying|[Ii]n\s+(?:response|reply|reaction)|[Aa]\s+response)\s+to\s+"
    r"(?:the\s+|an?\s+)?(?:[\w’'-]+\s+){0,3}$"
)


# Round pages14: credits by frame, seen missed on fresh tuning sentences.
# A reporter's outlet: "As Ann Cole reports for Harbour Radio, ...", "writing for the Valley Times" (the outlet is
# the source, not its reporter).
_REPORTS_FOR = re.compile(
    rf"\b(?:reports|reported|reporting|writes|wrote|writing)\s+for\s+(?:the\s+)?(?P<src>{_ANY_OUTLET}){_OUTLET_END}"
)
# "as X recalled", "as X reported", "As the Valley Times noted": a named person or an outlet credited in an "as"
# clause ("as well as", "as soon as" hold no name after "as"; a pronoun is nobody named).
_AS_CREDIT = re.compile(
    rf"(?:^|(?<=[,;(—–]\s)|(?<=[,;(—–]))[Aa]s\s+(?:first\s+)?(?!(?:I|It|He|She|We|They|You|This|That|These|Those)\b)(?P<src>{_ANY_OUTLET}|{_PERSON_TITLE}{_PERSON})\s+"
    r"(?:has\s+|had\s+)?(?:first\s+|later\s+|once\s+)?(?:reported|reports|noted|notes|recalled|recalls|remembered|"
    r"remembers|put\s+it|wrote|writes|explained|explains|described(?:\s+it)?|describes(?:\s+it)?|told\s+it|said|says|"
    r"pointed\s+out)\b"
    # the clause ends at its verb (with "it" or a when or where after it): "As Smith said goodbye to his family,
    # gunmen opened fire" tells when, credits nobody (review20)
    r"(?=(?:\s+(?:it|this|so))?\s*(?:[,;:.!?)—–]|$)|\s+(?:in|on|at|last|earlier|this|during|before|after|when|to|"
    r"of|for|yesterday|today|recently|once|back|then|years|months|weeks|days|repeatedly|previously)\b)"
)
# ... not a career told in a life's story (review20): "Smith, who wrote for Vogue in the 1990s, died ...", "she
# reported for the Tribune for two decades", "had written for the Herald until 2019"
_CAREER_BEFORE = re.compile(r"\b(?:who|which|once|formerly|previously|later|had|has|have|having|also)\s+(?:\w+\s+)?$", re.I)
_CAREER_AFTER = re.compile(
    r"\s+(?:for\s+(?:(?:more\s+than|over|nearly|almost|about|some)\s+)?(?:\d+|\w+)\s+(?:years|decades)|"
    r"in\s+the\s+(?:\d{2,4}s|(?:nineteen|twenty)\w*)|from\s+\d{4}|between\s+\d{4}|until\s+(?:\d{4}|her|his|its)|"
    r"during\s+(?:the|her|his)\s+)"
)
_FOR_OUTLET = re.compile(rf"\s+for\s+(?:the\s+)?{_ANY_OUTLET}")
_AS_KEYS = frozenset(["reported", "reports", "noted", "notes", "recalled", "recalls", "remembered", "remembers", "put",
                      "wrote", "writes", "explained", "explains", "described", "describes", "told", "said", "says",
                      "pointed"])
# "as first noted by local blogger Ann Cole", "as spotted by the tracking site Flightwatch": a name in capitals after
# up to three lower-case words of description.
_NOTED_BY = re.compile(
    r"\bas\s+(?:first\s+|originally\s+|earlier\s+)?(?:noted|spotted|pointed\s+out|flagged|highlighted|reported|revealed)"
    # (no preposition among the words before the name, review20: "as highlighted by the recent election in France",
    # "as revealed by the collapse of Lehman Brothers" credit nobody)
    r"\s+by\s+(?:(?:a|an|the)\s+)?(?:(?!(?:of|in|at|on|for|from|with|into|over|after|across|between|during|to)\s)"
    rf"[a-z][\w-]*\s+){{0,3}}?(?P<src>{_NAME_WORD}(?:\s+[A-Z][\w’'&.-]*){{0,3}})"
)
# "with Bloomberg reporting that ...", "with the Valley Times saying": an outlet credited in a "with" clause.
_WITH_REPORTING = re.compile(
    rf"\bwith\s+(?:the\s+)?(?P<src>{_ANY_OUTLET})\s+(?:also\s+)?(?:reporting|saying|noting|claiming|writing)\b"
)
# Data a named body put out, as the subject of a verb of showing: "figures from the Office for National Statistics
# show", "data from the WHO suggest"; the name must be a body's (a head word of a body, initials, a possessor or an
# outlet): "data from China", "figures from Monday" name no source. Data used as a tool is none ("researchers used
# data from the Harbour Observatory to find ...": the finding is theirs, as the news-tune labels have it).
_DATA_FROM = re.compile(
    r"\b(?i:data|figures|statistics|numbers|observations|estimates|records)\s+(?:from|compiled\s+by|released\s+by|"
    rf"published\s+by)\s+(?:the\s+)?(?P<src>{_NAME_WORD}(?:\s+(?:(?:of|for|on|and|&)\s+(?:the\s+)?)?[A-Z][\w’'&.-]*){{0,5}})"
    r"(?:\s+\([A-Z]{2,6}\))?\s+(?:also\s+)?(?:show|shows|showed|suggest|suggests|suggested|indicate|indicates|indicated|"
    r"reveal|reveals|revealed|point|points|pointed)\b"
)
_DATA_KEYS = frozenset(["data", "figures", "statistics", "numbers", "observations", "estimates", "records"])
_DATA_BODY = re.compile(
    rf"\b(?:{_BODY_HEADS}|University|College|Laboratory|Institute|Observatory|Telescope|Agency|Census)\b|"
    r"\b[A-Z]{2,6}\b|['’]s\b"
)
# "told Chinese media", "told local media": a kind of press named by where it is (or "state media"); "told the
# media" is everyone, and "told foreign media to leave" an order given to them.
_TOLD_MEDIA = re.compile(
    r"\b(?:told|tells|telling|speaking\s+to|spoke\s+to)\s+(?P<src>(?:(?:[A-Z][a-z]+|local|state|state-run|"
    r"state-owned|national|regional|foreign|international|official)\s+){1,2}media)\b(?!\s+to\s)"
)


def _pages14_credits(sentence: str, words: set[str]) -> list[tuple[int, int, bool]]:
    """The round-pages14 credits: a reporter's outlet, an "as" clause, "as noted by", "with X reporting", data a
    named body put out, and a kind of press told."""
    found: list[tuple[int, int, bool]] = []
    if "for" in words and words & {"reports", "reported", "reporting", "writes", "wrote", "writing"}:
        found.extend(
            (m.start("src"), _name_end(sentence, *m.span("src")), False)
            for m in _REPORTS_FOR.finditer(sentence)
            if not _CAREER_BEFORE.search(sentence, max(0, m.start() - 40), m.start())
            and not _CAREER_AFTER.match(sentence, m.end())
        )
    if "as" in words:
        if words & _AS_KEYS:
            for m in _AS_CREDIT.finditer(sentence):
                if _FOR_OUTLET.match(sentence, m.end()):
                    continue  # "As Ann Cole reports for Harbour Radio": the outlet is the source
                found.append((*m.span("src"), False))
        if "by" in words:
            found.extend((m.start("src"), _name_end(sentence, *m.span("src")), False) for m in _NOTED_BY.finditer(sentence))
    if "with" in words:
        found.extend((*m.span("src"), False) for m in _WITH_REPORTING.finditer(sentence))
    if words & _DATA_KEYS:
        for m in _DATA_FROM.finditer(sentence):
            if _DATA_BODY.search(m.group("src")) or re.fullmatch(_ANY_OUTLET, m.group("src")):
                found.append((m.start("src"), _name_end(sentence, *m.span("src")), False))
    if "media" in words and words & _TOLD_KEYS:
        found.extend((*m.span("src"), False) for m in _TOLD_MEDIA.finditer(sentence))
    return found


# A source named in brackets after "via" (round pages17): "... the full list of changes (via the Nintendo Blog):",
# "The sequel opens in May (via Variety)." Not a platform or a picture agency the item came through ("(via
# Twitter)", "(via Getty Images)"), nor a photographer's credit line ("(Ann Lee/Harbour Press via AP)" opens on a
# name, not on "via").
_VIA_BRACKET = re.compile(
    rf"\(\s*via\s+(?:the\s+)?(?P<src>[{CAPITAL}][\w’'&.-]*(?:\s+(?:of\s+)?[{CAPITAL}][\w’'&.-]*){{0,4}})\s*\)"
    # ... closing its sentence or clause (review22): a route ("Flights to Sydney (via Singapore) take 22 hours") or
    # a channel mid-sentence ("fixes the crash (via Steam) and adds a map") goes on after the bracket
    r"(?=\s*(?:[.:;!?…]|$))"
)
# A route, not a source (review22): "The team flew home (via Dubai).", "Trains run to Hull (via York)."
_VIA_ROUTE = re.compile(
    r"\b(?:fl(?:y|ies|ying|ew|own|ights?)|sail(?:s|ed|ing)?|route[sd]?|rail|trains?|driv(?:e|es|ing|en)|drove|"
    r"travel(?:s|led|ed|ling|ing)?|journey|bus(?:es)?|ferr(?:y|ies)|cruise|connect(?:s|ed|ing|ion)?|stopover|"
    r"layover|transit|shipped|shipping|road|motorway|pipeline|walk(?:s|ed|ing)?|hike|ride|rode|cycl(?:e|ed|ing))\b",
    re.IGNORECASE,
)
_VIA_CHANNELS = frozenset(
    ["twitter", "x", "instagram", "facebook", "youtube", "tiktok", "reddit", "snapchat", "threads", "linkedin",
     "getty", "shutterstock", "imgur", "giphy", "email", "e-mail", "zoom", "skype", "whatsapp", "telegram"]
)  # fmt: skip
# Generic sources set off mid-sentence with "here" / "there" or "point out" (round pages17): "The ferry was cancelled,
# officials here say, because of the storm", "..., which, experts point out, the city never built".
_ASIDE_SOURCE = re.compile(
    r",\s+(?P<src>(?:[a-z]+\s+)?(?:officials|authorities|police|experts|analysts|diplomats|economists|scientists|"
    r"researchers|investigators|prosecutors|organi[sz]ers|doctors))\s+"
    r"(?:(?:here|there)\s+(?:say|said|note|noted|stress|stressed|insist|insisted|point\s+out|pointed\s+out)|"
    r"point\s+out|pointed\s+out)\s*,"
)


# A piece of opinion or comment a named outlet ran, as the subject of a verb of saying (round pages17): "A commentary
# run by the state-run Nordvision broadcaster after the vote said ...", "An editorial carried by the Harbour Gazette
# on Sunday warned ..." (the outlet, past a word of its kind before the name, is the source).
_PIECE_RUN_BY = re.compile(
    r"\b(?:commentary|commentaries|editorial|editorials|column|op-ed|opinion\s+piece|essay)\s+"
    r"(?:run|published|carried|printed|aired|broadcast)\s+(?:on\s+[A-Z][a-z]+day\s+)?by\s+(?:the\s+)?"
    r"(?:(?:state-run|state-owned|state|official|government-run|party-run|independent|local|national)\s+)?"
    rf"(?P<src>[{CAPITAL}][\w’'&.-]*(?:\s+[{CAPITAL}][\w’'&.-]*){{0,4}})"
    r"(?=[^.;:“”\"]{0,80}?\b(?:said|says|wrote|writes|argued|argues|warned|warns|stated|claimed|called)\b)"
)
_COMMENT_KEYS = frozenset(["commentary", "commentaries", "editorial", "editorials", "column", "op", "piece", "essay"])


def _pages17_credits(sentence: str, words: set[str]) -> list[tuple[int, int, bool]]:
    """The round-pages17 credits: a source in brackets after "via", a generic source set off with "here" or
    "point out", an outlet that ran a piece of comment."""
    found: list[tuple[int, int, bool]] = []
    if "by" in words and words & _COMMENT_KEYS:
        found.extend((m.start("src"), _name_end(sentence, *m.span("src")), False) for m in _PIECE_RUN_BY.finditer(sentence))
    if "via" in words and "(" in sentence:
        for m in _VIA_BRACKET.finditer(sentence):
            if m.group("src").split()[0].lower() not in _VIA_CHANNELS and not _VIA_ROUTE.search(sentence, 0, m.start()):
                found.append((m.start("src"), _name_end(sentence, *m.span("src")), False))
    if words & {"here", "there", "point", "pointed"}:
        found.extend((*m.span("src"), False) for m in _ASIDE_SOURCE.finditer(sentence))
    return found


# An outlet known by one word as the subject of a verb of reporting (round pages20): "..., after Politico reported the
# grant was frozen", "Variety has reported that ...", "Reuters first reported". An outlet that is also an English
# word is no outlet opening its sentence ("People reported feeling dizzy", "Fortune reported nothing").
_ONE_WORD_REPORTS = re.compile(
    rf"(?<![\w’'&.-])(?P<src>{_ONE_WORD_OUTLETS})\s+(?:(?:has|had|have)\s+)?(?:also\s+|first\s+|earlier\s+|"
    r"previously\s+|[a-z]+ly\s+)?(?:reported|reports|revealed|reveals|wrote|writes|published)\b"
)
_COMMON_WORD_OUTLETS = frozenset(["People", "Variety", "Fortune", "Wired", "Deadline", "Salon", "Slate", "Vogue", "Vox"])
# An outlet's piece with "the" or a possessive, or a named journal where something was published (round pages20):
# "Lee said in the Herald article", "told in the Gazette's interview", "published today in the journal Marine Biology
# Letters" (the journal's class noun before a capitalised name names it; "in a journal" names none).
_THE_OUTLET_PIECE = re.compile(
    rf"\b(?:[Ii]n|[Tt]o)\s+the\s+(?P<src>{_OUTLET_NAME}|{_ONE_WORD_OUTLETS})(?:['’]s)?\s+(?:interview|investigation|"
    r"report|article|story|editorial|piece|column|op-ed|profile|podcast|documentary|broadcast)\b"
)
_IN_THE_JOURNAL = re.compile(
    r"\b(?:published|appeared|appears|appear|reported|described|detailed|outlined)\b[^;:“”\"]{0,60}?\bin\s+the\s+"
    r"(?:(?:medical|scientific|peer-reviewed|academic|online)\s+)?journal\s+"
    rf"(?P<src>[{CAPITAL}][\w’'&.-]*(?:\s+(?:of\s+|and\s+|&\s+)?[{CAPITAL}][\w’'&.-]*){{0,5}})"
)
_PAGES20_KEYS = frozenset(["reported", "reports", "revealed", "reveals", "wrote", "writes", "published"])
_PAGES20_PIECES = _PIECE_KEYS | {"piece", "column", "op", "profile"}  # every noun of _THE_OUTLET_PIECE ("op-ed": "op")


def _pages20_credits(sentence: str, words: set[str]) -> list[tuple[int, int, bool]]:
    """The round-pages20 credits: a one-word outlet reporting, an outlet's piece with "the", a named journal."""
    found: list[tuple[int, int, bool]] = []
    if words & _PAGES20_KEYS:
        for m in _ONE_WORD_REPORTS.finditer(sentence):
            if m.group("src") in _COMMON_WORD_OUTLETS and _OPENING.search(sentence, 0, m.start()):
                continue
            found.append((*m.span("src"), False))
    if "the" in words and words & _PAGES20_PIECES:
        found.extend((m.start("src"), _name_end(sentence, *m.span("src")), False) for m in _THE_OUTLET_PIECE.finditer(sentence))
    if "journal" in words:
        found.extend((m.start("src"), _name_end(sentence, *m.span("src")), False) for m in _IN_THE_JOURNAL.finditer(sentence))
    return found


def _frame_credits(sentence: str, words: set[str]) -> list[tuple[int, int, bool]]:
    """The round-pages11 credits, by frame: an outlet after the fact, a web address reporting, an outlet's piece
    saying, a source cited by a source, an interview with a named outlet (``_SOURCE_WITH_PHRASE`` runs in
    ``_candidate_credits``, before the plain subject credit)."""
    found: list[tuple[int, int, bool]] = []
    tail = max(0, len(sentence) - 120)  # the credit ends the sentence: its comma is among the last words
    if words & _FRAME_VERBS and "," in sentence[tail:] and (m := _OUTLET_AFTER_FACT.search(sentence, tail)):
        group = "src" if m.group("src") else "src2"
        found.append((m.start(group), _name_end(sentence, *m.span(group)), False))
    if words & _FRAME_VERBS and _TLD_HINT.search(sentence):
        found.extend((*m.span("src"), False) for m in _DOMAIN_SUBJECT.finditer(sentence))
    if words & _OUTLET_PIECE_KEYS:
        for m in _OUTLET_PIECE_SAYS.finditer(sentence):
            found.append((_after_possessor(sentence, *m.span("src")), m.end("src"), False))
    if "citing" in words:
        for m in _CITING.finditer(sentence):
            src = m.group("src")
            # the phrase's own noun, before "from", "of", "by"...: "citing pressure from officials" gives a reason
            head = _CITING_OF.split(src, maxsplit=1)[0]
            if (_CITING_HEADS.search(head) or _CITING_PAPERS.match(src)) and not _CITING_VAGUE.search(src):
                found.append((m.start("src"), _name_end(sentence, *m.span("src")), False))
    if "interview" in words:
        for m in _INTERVIEW_WITH.finditer(sentence):
            src = m.group("src")
            if src.isupper() and not re.fullmatch(_OUTLET_ACRONYMS, src):
                continue  # initials other than a broadcaster's are a listener: "an interview with the FBI"
            if _SPEECH.search(sentence, m.end()) or _SPEECH.search(sentence, 0, m.start()):
                found.append((m.start("src"), _name_end(sentence, *m.span("src")), False))
    return found


_SPEECH = re.compile(rf"\b{SPEECH_RE}\b")
# a source noun after a preposition or a verb is the object of another clause, not who said it ("A man who was shot
# by police in the city said", "a protester who threw stones at police in the capital said", "told officials at")
_OBJECT_BEFORE = re.compile(
    r"(?<![\w’'-])(?:(?i:by|at|to|from|with|against|for|of|on|about|among|between|near|told|tells|met|urged|asked|"
    r"thanked)|(?!(?:armed|unnamed|retired|trained|qualified|concerned|worried|experienced|licensed|unidentified|named|"
    r"elected|appointed|uniformed|seasoned|specialised|specialized|registered|certified|dedicated|frustrated|"
    r"exhausted|skilled)\b)[a-z]{3,}ed)\s+(?:(?:the|a|an|local|state|federal|armed|riot|senior)\s+)?$"
)
_FRAME_VERBS = frozenset(re.findall(r"[a-z]+", _CREDIT_VERB))
_PERSON_SOURCE_WORDS = frozenset(
    ["organisers", "organizers", "officials", "police", "authorities", "spokesman", "spokeswoman", "spokesperson",
     "prosecutors", "investigators", "researchers", "scientists", "analysts", "experts", "rescuers",
     "firefighters", "doctors", "medics", "paramedics", "detectives"]
)


@lru_cache(maxsize=32)
def _alias_regex(items: tuple[tuple[str, str], ...]) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """One regex over every alias: short all-letter names (AP, BBC) only as upper-case tokens."""
    table: dict[str, str] = {}
    parts: list[str] = []
    for name, outlet in sorted(items, key=lambda kv: -len(kv[0])):
        name = name.strip()
        if not name:
            continue
        table[name.lower()] = outlet
        body = r"\s+".join(re.escape(w) for w in name.split())
        if len(name) <= 4 and name.replace(" ", "").isalpha():
            parts.append(r"(?-i:" + r"\s+".join(re.escape(w) for w in name.upper().split()) + ")")
        else:
            parts.append(body)
    if not parts:
        return None, table
    return re.compile(
        r"(?<![\w-])(?:the\s+)?(?P<name>" + "|".join(parts) + r")(?![\w-])", re.IGNORECASE
    ), table


@lru_cache(maxsize=64)
def _alias_keys(items: tuple[tuple[str, str], ...]) -> frozenset[str] | None:
    """One word of every alias (its longest), lower-cased: a sentence that has none of them as a word
    cannot cite an outlet by name.

    Python's regex engine tries every alternative of the alias regex at every position (2 ms a page
    with 100 aliases); this set lets most sentences skip it. Any word of a name will do, since a match
    of the name holds each of its words whole (the regex wants no letter or digit on either side), so
    the longest is taken ("courier", not "the"). None when some alias has no word at all (then the
    regex always runs).
    """
    keys = set()
    for name, _ in items:
        words = _WORD.findall(name.strip().lower())
        if not words:
            return None
        keys.add(max(words, key=len))
    return frozenset(keys)


_WORD = re.compile(r"\w+")
_Prepared = tuple[frozenset[str] | None, re.Pattern[str] | None, dict[str, str]]
_LAST: list[tuple[Mapping[str, str], _Prepared]] = []


def _prepared(aliases: Mapping[str, str]) -> _Prepared:
    """Key words, regex and lookup table of the aliases, worked out once per mapping: a page's
    sentences share one (re-hashing 100 aliases for each sentence's cache lookup cost 15% of claims)."""
    if _LAST and _LAST[0][0] is aliases:
        return _LAST[0][1]
    items = tuple(sorted((k.lower(), v) for k, v in aliases.items()))
    prepared = (_alias_keys(items), *_alias_regex(items))
    _LAST[:] = [(aliases, prepared)]
    return prepared


# A photo credit: a line of bracketed credits only, one naming a photographer and an agency ("(Kim Lee/Yonhap via
# AP, File) (Associated Press)", "(Jane Miller, File/Associated Press)"): who took a picture, not who reported a
# fact. A dateline's "(Reuters)" has no photographer and stays a credit.
_PHOTO_CREDIT = re.compile(r"\s*(?:\([^()]{1,120}\)\s*){1,4}")
_PHOTO_MARK = re.compile(r"\w/\w|\bFile\b")


def find_credits(sentence: str, aliases: Mapping[str, str] | None) -> list[Credit]:
    """Every source the sentence credits, outlets first, then named non-outlet sources."""
    if sentence[:1] == "(" and _PHOTO_CREDIT.fullmatch(sentence) and _PHOTO_MARK.search(sentence):
        return []
    outlets = _outlet_credits(sentence, aliases) if aliases else []
    out = list(outlets)
    for start, end, according in _candidate_credits(sentence):
        if any(c.start < end and start < c.end for c in out):
            # "according to the BBC and The Guardian": the outlet is credited already, the other source too
            start, end = _beside_outlets(sentence, start, end, outlets)
            if start >= end or any(c.start < end and start < c.end for c in out):
                continue
        if _RESPONDING.search(sentence, max(0, start - 60), start):
            continue  # "Responding to the ministry report, he said": what was answered, not who is credited
        src = sentence[start:end]
        if according and src.strip() and src.split(None, 1)[0].lower() in _IDIOM_ACCORDING:
            continue  # "went according to plan", "according to legend": a way of speaking, nobody credited
        if according and _UNNAMED_PIECE.match(src) and not _PUBLISHED_IN.match(sentence, end) and not (
            (by := _GENRE_BY.match(sentence, end)) and _ran_it(by)
        ):
            continue  # "according to a published report": a piece nobody is named for
        junk = _CLAUSE_HEAD.match(src) or _LEADING_JUNK.match(src)
        if junk:
            start += junk.end()
            src = sentence[start:end]
            junk = _LEADING_JUNK.match(src)
        if junk:
            start += junk.end()
            src = sentence[start:end]
        if len(src) < 2 or src[0].islower() and _pronounish(src) or src.lower() in _NO_SOURCE or _NAMELESS_PERSON.match(src):
            continue
        if _UNNAMED_KIN_OR_NOTICE.match(src):
            continue
        if (one := _ONE_UNNAMED.match(src)) and (one.group(1) or _ONE_BEFORE.search(sentence, max(0, start - 10), start)):
            continue
        if according and _GENERIC_SOURCE.match(src) and (pub := _PUBLISHED_IN.match(sentence, end)):
            start, end = pub.span("src")
            src = pub.group("src")
        elif according and _GENRE_SOURCE.match(src) and (by := _GENRE_BY.match(sentence, end)) and _ran_it(by):
            start, end = by.span("src")  # "according to a story on The Athletic"
            src = by.group("src")
            if any(c.start < end and start < c.end for c in out):
                continue  # "a report on CNN": the outlet is credited already
        out.append(Credit(start, end, src, False, "according to" if according else "said"))
    return out


_AND_AFTER = re.compile(r"\s*(?:,\s*)?(?:and|&)\s+")
_AND_BEFORE = re.compile(r"\s*(?:,|\s(?:and|&))\s*$")


def _beside_outlets(sentence: str, start: int, end: int, outlets: list[Credit]) -> tuple[int, int]:
    """The part of a credit's span that a conjunction joins to the outlets credited inside it: what follows the
    last of them ("the BBC and The Guardian") or precedes the first ("The Guardian and the BBC"); empty when
    there is none."""
    inside = [c for c in outlets if start <= c.start and c.end <= end]
    if not inside:
        return end, end
    last = max(c.end for c in inside)
    if (m := _AND_AFTER.match(sentence, last, end)) and m.end() < end:
        return m.end(), end
    first = min(c.start for c in inside)
    head = sentence[start:first]
    if (m := _AND_BEFORE.search(head)) and m.start() > 0:
        return start, start + m.start()
    return end, end


def _candidate_credits(sentence: str) -> list[tuple[int, int, bool]]:
    """Spans (start, end, whether "according to") of non-outlet credits, the patterns run only when the
    sentence has their key words."""
    words = set(_TOKEN.findall(sentence.lower()))
    found: list[tuple[int, int, bool]] = []
    if "according" in words:
        found.extend((*m.span("src"), True) for m in _ACCORDING.finditer(sentence))
    if words & _END_VERBS and not (_QUOTE_MARK.search(sentence) and _long_quote(sentence)):
        if "said" in words:
            for m in _PERSON_SAID.finditer(sentence):  # a named person credited outside quotes
                group = next(g for g in ("src", "src2", "src3") if m.group(g))
                found.append((*m.span(group), False))
        if words & _ASIDE_VERBS:
            found.extend((*m.span("src"), False) for m in _PERSON_ASIDE.finditer(sentence))
        for pattern in (_PERSON_CREDIT_END, _INITIALS_CREDIT_END):
            end = pattern.search(sentence)
            if end and not any(a <= end.start("src") < b for a, b, _ in found):
                found.append((*end.span("src"), False))
    if words & _TOLD_KEYS or " on " in sentence and ("said on" in sentence or "says on" in sentence):
        found.extend((*m.span("src"), False) for m in _TOLD_OUTLET.finditer(sentence))
    if words & _SAYS_KEYS and words & _OUTLET_WORDS:
        found.extend((*m.span("src"), False) for m in _OUTLET_SAYS.finditer(sentence))
    if words & {"said", "says", "say"} and words & _PERSON_SOURCE_WORDS:
        # before the plain subject credit, which would take "from the coastal institute" of "Researchers from the
        # coastal institute said"
        found.extend(
            (m.start("src"), m.end("src") - 1, False)
            for m in _SOURCE_WITH_PHRASE.finditer(sentence)
            if not _OBJECT_BEFORE.search(sentence, max(0, m.start() - 20), m.start())
        )
    if words & _REPORT_WORDS and words & _SOURCE_WORDS:
        quoted = bool(_QUOTE_MARK.search(sentence)) and _long_quote(sentence)
        for p in (_SUBJECT_CREDIT, _SAID_CREDIT):
            for m in p.finditer(sentence):
                if (
                    quoted
                    and _NAMED_BY_ROLE.search(m.group("src"))
                    and not _CHANNEL.match(sentence, m.end())
                    and _own_quote(sentence, m.start(), m.end())
                ):
                    continue  # the named speaker of the quote beside it, as "..., Cole said" is
                found.append((*m.span("src"), False))
    if "reports" in words or "reported" in words:
        found.extend((*m.span("src"), False) for m in _TITLE_REPORTS.finditer(sentence))
    if words & _FIRM_KEYS and words & _FIRM_VERBS:
        found.extend((*m.span("src"), False) for m in _FIRM_NAMED.finditer(sentence))
    if words & _PRESS_KEYS:
        found.extend((*m.span("src" if m.group("src") else "low"), False) for m in _PRESS_NAMED.finditer(sentence))
    if words & _PIECE_KEYS and words & _OUTLET_WORDS:
        for m in _OUTLET_PIECE.finditer(sentence):
            found.append((*m.span("src" if m.group("src") else "src2"), False))
    if "The" in sentence and words & _TOLD_KEYS:
        found.extend((*m.span("src"), False) for m in _TOLD_TITLE.finditer(sentence))
    found.extend(_more_credits(sentence, words))
    found.extend(_frame_credits(sentence, words))
    found.extend(_pages14_credits(sentence, words))
    found.extend(_pages17_credits(sentence, words))
    found.extend(_pages20_credits(sentence, words))
    if words & _END_SAYING_KEYS and words & _SOURCE_WORDS:
        found.extend((*m.span("src"), False) for m in _END_SAYING.finditer(sentence))
    if (words & _TOLD_KEYS or "interview" in words or words & _TOLD_MORE_KEYS) and words & _PRESS_KEYS:
        found.extend((m.start("src"), _name_end(sentence, *m.span("src")), False) for m in _TOLD_PRESS_CLASS.finditer(sentence))
    if words & _BODY_DOCUMENT_KEYS and _BODY_DOCUMENT_HINT.search(sentence):
        # the body with its document: "police report", "the ministry's guidelines"; one capitalised word opening the
        # sentence may be a common noun ("Flight records show"): a name there needs two words, initials or a
        # possessive
        for m in _BODY_DOCUMENT.finditer(sentence):
            src = m.group("src")
            opens = _OPENING.search(sentence, 0, m.start("src")) is not None
            if opens and " " not in src and not src.isupper() and not src.endswith(("'s", "’s")):
                continue
            found.append((m.start("src"), m.end("doc"), False))
    if "source" in words:
        for m in _SOURCE_IS.finditer(sentence):
            before = sentence[max(0, m.start() - 60) : m.start("src")]
            before = before[: len(before) - 4] if before.endswith(("the ", "The ")) else before
            if _SOURCE_OF_A_THING.search(before) and not _PRESS_AFTER.match(sentence, m.end("src")):
                continue
            found.append((m.start("src"), _name_end(sentence, *m.span("src")), False))
    return found


def _after_possessor(sentence: str, start: int, end: int) -> int:
    """The start of a name past a possessor before it ("Norway's Fjordposten" -> "Fjordposten")."""
    cut = max(sentence.rfind("'s ", start, end), sentence.rfind("’s ", start, end))
    return cut + 3 if cut >= 0 else start


def _name_end(sentence: str, start: int, end: int) -> int:
    """A name's end without the sentence's full stop ("... by Sports Network's Dan Ortiz.", "the broadcaster
    RTV."), keeping a dotted abbreviation's ("the U.N.")."""
    last = sentence[start:end].split()[-1]
    return end - 1 if last.endswith(".") and "." not in last[:-1] else end


def _more_credits(sentence: str, words: set[str]) -> list[tuple[int, int, bool]]:
    """The round-cites7 credits: outlets known by one word or as a subject without "The", a name before its
    class noun of the press, documents put out by a named source, bodies named with their joining words."""
    found: list[tuple[int, int, bool]] = []
    if words & _TOLD_KEYS or words & _TOLD_MORE_KEYS:
        found.extend((*m.span("src"), False) for m in _TOLD_ONE_WORD.finditer(sentence))
    if words & _TOLD_MORE_KEYS:
        found.extend((*m.span("src"), False) for m in _TOLD_MORE.finditer(sentence))
    if words & _SAYS_KEYS or "wrote" in words or "writes" in words or "reporting" in words or "published" in words:
        if words & _OUTLET_SUBJECT_KEYS:
            found.extend((*m.span("src"), False) for m in _OUTLET_SUBJECT.finditer(sentence))
        if "The" in sentence and (end := _TITLE_END.search(sentence)):
            found.append((*end.span("src"), False))
    if words & _NAME_PRESS_KEYS and _NAME_THEN_PRESS_HINT.search(sentence):
        for m in _NAME_THEN_PRESS.finditer(sentence):
            start = _after_possessor(sentence, *m.span("src"))
            if not _DESCRIBED.fullmatch(sentence, start, m.end("src")) and not _INDEFINITE.search(sentence, 0, start):
                found.append((start, m.end("src"), False))
    if (words & _TOLD_KEYS or "interview" in words) and words & _TOLD_PRESS_KEYS:
        for m in _TOLD_NAME_PRESS.finditer(sentence):
            src = m.group("src")
            if not _DESCRIBED.fullmatch(src) and not _NATIONAL_ADJECTIVE.fullmatch(src):
                found.append((*m.span("src"), False))
        for m in _TOLD_DESCRIBED_PRESS.finditer(sentence):
            found.append((m.start("src"), _name_end(sentence, *m.span("src")), False))
    if words & _DOC_KEYS and "published" in words:
        for m in _PUBLISHED_PIECE.finditer(sentence):
            found.append((m.start("src"), _name_end(sentence, *m.span("src")), False))
    if words & _DOC_KEYS and words & _DOC_RELEASED_KEYS and "by" in words:
        for m in _DOC_RELEASED_BY.finditer(sentence):
            found.append((m.start("src"), _name_end(sentence, *m.span("src")), False))
    if words & {"newspaper", "broadcaster", "magazine", "tabloid"}:
        found.extend((*m.span("src"), False) for m in _THE_PIECE_SAID.finditer(sentence))
    if words & _DOC_KEYS and "by" in words:
        found.extend((*m.span("src"), False) for m in _DOC_BY.finditer(sentence))
    if words & _PASSIVE_KEYS and "by" in words:
        for m in _PASSIVE_BY.finditer(sentence):
            if _EVENT_AIRED.search(sentence, max(0, m.start() - 50), m.start("src")):
                continue  # "the match was broadcast by Sky Sports": who showed an event, no source of a fact
            found.append((m.start("src"), _name_end(sentence, *m.span("src")), False))
    if words & _BODY_KEYS and _BODY_NAME_HINT.search(sentence):
        quoted = bool(_QUOTE_MARK.search(sentence)) and _long_quote(sentence)
        for m in _BODY_NAME.finditer(sentence):
            if (
                quoted
                and _NAMED_BY_ROLE.search(m.group("src"))
                and not _CHANNEL.match(sentence, m.end())
                and _own_quote(sentence, m.start(), m.end())
            ):
                continue  # '"...," Harbour Police Chief Ann Lee said': the quote's speaker, as _SUBJECT_CREDIT's (precision23)
            found.append((_after_possessor(sentence, *m.span("src")), m.end("src"), False))
    return found


# A person named after a role ("defence ministry spokesman Li Wen", "Foreign Ministry spokesperson Mei
# Lan"): credited with a quote of more than three words in the same sentence, the person is the quote's
# speaker, not a source the sentence cites (the own labels cite no "..., Cole said" either), unless the words came
# through a document that can be looked up ("said in a statement", "said in a tweet").
_NAMED_BY_ROLE = re.compile(
    r"(?i:spokes(?:man|woman|person)|official|minister|secretary|director|commander|chief|head)"
    r"\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}$"
)
# a verb of speech, not the same word as a noun after a determiner ("said that the reports \"...\"")
_OTHER_SPEECH = re.compile(
    rf"(?<!\bthe )(?<!\ba )(?<!\bits )(?<!\bthese )(?<!\btheir )(?<!\bthose )(?<!\bsuch )\b{SPEECH_RE}\b"
)


def _own_quote(sentence: str, start: int, end: int) -> bool:
    """Whether a quote of more than three words adjoins the credit at ``start``-``end`` with no other verb of
    speech between them: the credited person's own words ('spokesman X said "..."', '"...," spokesman X said'),
    not another speaker's in the same sentence ('spokesman X said 12 were held, and a witness said "..."')."""
    for m in _QUOTED.finditer(sentence):
        if len(m.group(1).split()) <= 3:
            continue
        if m.start() >= end and not _OTHER_SPEECH.search(sentence, end, m.start()):
            return True
        if m.end() <= start and not _OTHER_SPEECH.search(sentence, m.end(), start):
            return True
    return False


_CHANNEL = re.compile(
    r"(?:\s+[a-z]+ly)?\s+(?:in|on)\s+(?:an?|the|his|her|its|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:statement|tweet|post|letter|e-?mail|release|message|blog|memo|video)\b"
)


# _PERSON_CREDIT_END's and _PERSON_ASIDE's verbs
_END_VERBS = _ASIDE_VERBS | frozenset(["reports", "reported", "writes", "wrote"])


# A credit cut short (a link's text lost) or naming only the writer's own side: "according to the", "according
# to our data".
# "according to" before a bare noun of custom or course (misfire21): "everything went according to plan", "according
# to legend, the castle ...", "according to tradition"; "according to the plan" (a document) and "according to the
# timetable" are left as written
_IDIOM_ACCORDING = frozenset(
    ["plan", "schedule", "script", "legend", "legends", "tradition", "folklore", "myth", "custom", "rumour",
     "rumor", "lore", "form", "expectations"]
)
_NO_SOURCE = frozenset(["the", "a", "an", "new", "latest", "this", "that", "these", "its", "their", "our", "our data"])
_QUOTE_MARK = re.compile(r"[“”\"«»]")
# Relatives, friends or a notice with no name (round pages20: "cites" names sources a reader can check): "according
# to the girl's mother and uncle", "according to the warning on the label"; a body's name keeps them ("the
# Cole family", "according to the Met Office warning").
_UNNAMED_KIN_OR_NOTICE = re.compile(
    r"^[^A-Z]*\b(?:parents|mother|father|mom|mum|dad|grandfather|grandmother|grandparents|brother|brothers|sister|"
    r"sisters|siblings|son|sons|daughter|daughters|uncle|aunt|cousin|cousins|relatives|relative|wife|husband|"
    r"friends?|neighbou?rs?|warning|notice|sign|label|caption|message|instructions|description)$"
)
# One person left unnamed ("a spokesman said", "the spokeswoman said"): no source a reader can check, as the own
# labels have it ("officials said" is a body's credit and stays; so do "a police spokesman" and a named one).
_NAMELESS_PERSON = re.compile(r"^(?:(?:a|an|the|his|her|its|their|one|another)\s+)?spokes(?:man|woman|person)$", re.I)
# ... and one official or source with "a" or "one" and no body named (round pages11: "..., an official said Friday",
# "a senior source said"; "officials said", "a police official said" and "the official" back-referring stay)
_ONE_UNNAMED = re.compile(r"^((?:one|another)\s+)?(?:(?:senior|unnamed|anonymous)\s+)?(?:official|source)$", re.I)
_ONE_BEFORE = re.compile(r"(?<![\w’'-])(?:[Aa]|[Aa]n|[Oo]ne|[Aa]nother)\s+$")


def _pronounish(src: str) -> bool:
    return src.split()[0].lower() in {
        "he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "this",
    }


def _outlet_credits(sentence: str, aliases: Mapping[str, str]) -> list[Credit]:
    keys, regex, table = _prepared(aliases)
    if regex is None or (keys is not None and keys.isdisjoint(_WORD.findall(sentence.lower()))):
        return []
    out: list[Credit] = []
    for m in regex.finditer(sentence):
        start, end = m.span("name")
        left, right = sentence[max(0, m.start() - 40) : m.start()], sentence[end : end + 40]
        if _PHOTO.match(right) or _RESPONDING.search(sentence, max(0, m.start() - 60), m.start()):
            continue
        if _PHOTOGRAPHER_SLASH.search(left) and not _POLL_AFTER.match(right):
            continue  # "Michael Sohn/AP" under a picture (precision23)
        if _EVENT_AIRED.search(sentence, max(0, m.start() - 60), m.start()):
            continue  # "the match was broadcast by Sky Sports" (misfire21)
        if not (_LEFT_CUE.search(left) or _RIGHT_CUE.match(right) or (_AFTER_FACT.search(left) and _ENDS.match(right))):
            continue
        outlet = table.get(re.sub(r"\s+", " ", m.group("name").lower()))
        if outlet and not any(c.cites == outlet for c in out):
            out.append(Credit(start, end, outlet, True, "outlet"))
    return out


_BARE = re.compile(r"^(?:the\s+)?(?P<noun>[a-z]+)$", re.IGNORECASE)


def resolve_anaphora(credits: list[list[Credit]]) -> list[list[Credit]]:
    """Credits to "the group", "the ministry" name the source an earlier sentence named in full.

    "Viasna, a human rights group, said ..." then "The group says 1,110 remain held": the second
    credit is Viasna's. A bare noun with no named antecedent is kept as written.
    """
    named: list[str] = []
    out: list[list[Credit]] = []
    for sentence_credits in credits:
        resolved = []
        for c in sentence_credits:
            m = None if c.outlet else _BARE.match(c.cites.strip())
            if m:
                noun = m.group("noun").lower()
                target = next((n for n in reversed(named) if noun in n.lower().split() and len(n.split()) > 1), None)
                if target:
                    c = Credit(c.start, c.end, target, False, c.cue)
            elif not c.outlet:
                named.append(c.cites)
            resolved.append(c)
        out.append(resolved)
    return out

