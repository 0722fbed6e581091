"""One thing named with other words, as one term of the story grouping: a country and its demonym ("Iranian" /
"Iran", "French" / "France"), the nouns news copy names one kind of event with ("quake" / "earthquake",
"truce" / "ceasefire"), a count written as a word or in digits ("twelve" / "12"), a sum with its scale as a
suffix or as a word ("$11m" / "$11 million"). General English, no story's words: two outlets that name one
event each their own way then share its terms (an event nobody tuned on was split by such wording)."""

from __future__ import annotations

from claimcheck.claims.numwords import TENS_WORDS, UNITS_WORDS

# Country (or region) <- its demonyms and adjectives, as written capitalised (the map applies to a capitalised
# token only: "polish" the verb is not Poland; "English", "American" are left out: a language and a continent
# as often as a country, and "US" is a stop word; nor "Pole", "Finn", "Dane": a pole, a name).
_DEMONYM_TEXT = """
afghanistan: afghan afghans | albania: albanian | algeria: algerian | argentina: argentine argentinian |
armenia: armenian | australia: australian aussie | austria: austrian | azerbaijan: azerbaijani azeri |
bahrain: bahraini | bangladesh: bangladeshi | belarus: belarusian belarussian | belgium: belgian |
bolivia: bolivian | bosnia: bosnian | brazil: brazilian | britain: british briton brit uk |
bulgaria: bulgarian | cambodia: cambodian | canada: canadian | chile: chilean | china: chinese |
colombia: colombian | congo: congolese | croatia: croatian croat | cuba: cuban | cyprus: cypriot |
denmark: danish | ecuador: ecuadorian ecuadorean | egypt: egyptian | estonia: estonian |
ethiopia: ethiopian | finland: finnish | france: french frenchman frenchmen frenchwoman |
georgia: georgian | germany: german | ghana: ghanaian | greece: greek | guatemala: guatemalan |
haiti: haitian | honduras: honduran | hungary: hungarian | iceland: icelandic icelander | india: indian |
indonesia: indonesian | iran: iranian | iraq: iraqi | ireland: irish | israel: israeli |
italy: italian | jamaica: jamaican | japan: japanese | jordan: jordanian | kazakhstan: kazakh kazakhstani |
kenya: kenyan | korea: korean | kosovo: kosovar kosovan | kuwait: kuwaiti | kyrgyzstan: kyrgyz |
latvia: latvian | lebanon: lebanese | libya: libyan | lithuania: lithuanian | malaysia: malaysian |
mali: malian | malta: maltese | mexico: mexican | moldova: moldovan | mongolia: mongolian |
morocco: moroccan | myanmar: burmese | nepal: nepalese nepali | netherlands: dutch dutchman |
nicaragua: nicaraguan | nigeria: nigerian | norway: norwegian | pakistan: pakistani |
palestine: palestinian | panama: panamanian | paraguay: paraguayan | peru: peruvian |
philippines: filipino filipina philippine | poland: polish | portugal: portuguese |
qatar: qatari | romania: romanian | russia: russian | rwanda: rwandan | scotland: scottish scot |
senegal: senegalese | serbia: serbian serb | singapore: singaporean | slovakia: slovak slovakian |
slovenia: slovenian slovene | somalia: somali somalian | spain: spanish spaniard | sudan: sudanese |
sweden: swedish swede | switzerland: swiss | syria: syrian | taiwan: taiwanese | tanzania: tanzanian |
thailand: thai | tibet: tibetan | tunisia: tunisian | turkey: turkish turk | uganda: ugandan |
ukraine: ukrainian | uruguay: uruguayan | uzbekistan: uzbek | venezuela: venezuelan |
vietnam: vietnamese | wales: welsh | yemen: yemeni | zambia: zambian | zimbabwe: zimbabwean |
africa: african | asia: asian | europe: european | arabia: arabian | catalonia: catalan |
kurdistan: kurdish kurd | crimea: crimean | chechnya: chechen | gaza: gazan | sicily: sicilian |
bavaria: bavarian | quebec: quebecois | texas: texan | california: californian | florida: floridian
"""

# An event noun <- the other nouns news copy names that kind of event (or its people) with; any case. Only
# nouns that name the one kind of event in news ("blaze" is a fire; "tremor" a quake), not words of several
# senses ("strike": a walkout or an air raid; "poll": a vote or a survey; "shot"), and no verb forms ("sued",
# "exploded"): verb stemming cost precision in round 4 (README).
_EVENT_TEXT = """
earthquake: quake temblor tremor |
flood: flooding floodwater |
landslide: mudslide |
gunman: gunmen shooter |
protester: protestor demonstrator |
kidnapping: abduction |
ceasefire: cease-fire truce
"""


# Offices and ranks written capitalised before a name ("Governor Pavel Lindenau", "President Ilse Marrek", "Judge
# Margaret Lyle"): capitalised, yet no place or body, so the place rule (claimcheck.stories.links._Places) does not
# count one as a name two events share (two central banks' governors; two countries' presidents). The offices of
# claimcheck.match.blocking's title words that come before a name (that module is not imported here: its import
# costs a second).
OFFICES = frozenset(
    str.split(
        "president premier chancellor minister secretary governor mayor senator congressman congresswoman judge "
        "general commander captain chief chairman chairwoman director professor dr doctor ambassador envoy king "
        "queen prince princess sheriff archbishop bishop pope emir sultan sheikh lord lady dame sir "
        "inspector superintendent sergeant detective constable colonel admiral lieutenant major"
    )
)


def _table(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for entry in text.split("|"):
        head, _, rest = entry.partition(":")
        for word in rest.split():
            out[word.strip()] = head.strip()
    return out


DEMONYMS = _table(_DEMONYM_TEXT)  # a demonym's word (lower case) -> its country's word
# and the plurals the light stemmer keeps ("Israelis", "Iraqis": a word ending in "is" is not folded)
DEMONYMS |= {w + "s": c for w, c in DEMONYMS.items() if w.endswith("i")}
EVENT_WORDS = _table(_EVENT_TEXT)  # an event word -> the event noun it is one term with

# a count from 10 to 99 written as a word ("twelve", "forty-two") -> its digits (a figure term, as "12" is); the
# words are the claim extractor's (claimcheck.claims.numwords)
NUMBER_WORDS = (
    {w: str(v) for w, v in UNITS_WORDS.items() if v >= 10}
    | {t: str(v) for t, v in TENS_WORDS.items()}
    | {f"{t}-{u}": str(tv + uv) for t, tv in TENS_WORDS.items() for u, uv in UNITS_WORDS.items() if 1 <= uv <= 9}
)

# A sum's scale as a suffix of its figure ("$11m", "£2.5bn", "€40k") is that figure, as "11 million" gives it.
SCALE_SUFFIXES = ("bn", "mn", "tn", "m", "b", "k")
