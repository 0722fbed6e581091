"""Kinds of counted nouns, from general English: people, animals, records, buildings, vehicles, devices,
weapons, jobs.

``noun_kind("protesters") == noun_kind("worker") == "person"``, ``noun_kind("files") == "record"``,
``noun_kind("jobs") == "job"``; a noun of no kind it knows gives None. People nouns are known by a list of
common ones and by the suffixes English makes them with (-ers of agents, -ists, -ians, -ees, -men), other
kinds by short lists of the nouns news copy counts. The matcher joins one precise figure of two nouns only
within one kind ("11.5 million documents" / "11.5 million files", never "1,200 jobs" / "1,200 protesters");
the claim extractor gives "killed 12 villagers" the role of deaths, not "killed 3 bills".
"""

from __future__ import annotations

import functools


def _words(text: str) -> list[str]:
    return text.split()


_KINDS = {
    "person": _words(
        "people person individual man men woman women child children kid baby infant toddler boy girl teen "
        "youth adult student pupil patient resident citizen national civilian migrant refugee immigrant emigrant "
        "tourist visitor passenger traveller traveler pilgrim victim survivor soldier troop marine officer police "
        "personnel staff crew member voter fan spectator supporter rioter prisoner inmate detainee hostage "
        "captive suspect defendant plaintiff witness applicant candidate delegate leader official minister "
        "lawmaker legislator senator representative mp judge lawyer doctor nurse medic paramedic surgeon "
        "physician pilot sailor firefighter rescuer volunteer player athlete customer consumer user subscriber "
        "client shopper buyer investor shareholder donor owner tenant landlord homeowner family household parent "
        "mother father son daughter wife husband sibling relative elder senior pensioner veteran youngster "
        "inhabitant local native expatriate expat foreigner seeker asylumseeker militant insurgent rebel "
        "attacker assailant guard agent spy diplomat envoy ambassador author artist actor actress expert "
        "scholar professor graduate contractor clergy priest monk nun bishop pastor worshipper believer guest "
        "recruit cadet conscript servicemember serviceman accountholder taxpayer commuter pedestrian motorist "
        "evacuee casualty death dead injured wounded hospitalised missing arrest arrested fatality body "
        "evacuated rescued displaced detained drowned "
        "holidaymaker occupant vacationer sightseer workforce protestor partner figure personality celebrity dignitary "
        "notable luminary personage operative jihadi commander combatant courier cashier congregant commando "
        "convict patron goer"
    ),
    "animal": _words(
        "animal dog cat horse cow cattle sheep pig goat chicken hen bird fish whale dolphin shark elephant bear "
        "wolf lion tiger deer monkey ape rhino turtle bee bat rat mouse mice livestock poultry seal penguin "
        "camel donkey mule duck goose geese frog locust mosquito crocodile alligator snake eagle parrot pigeon "
        "koala kangaroo giraffe zebra gorilla chimpanzee panda leopard cheetah buffalo bison rabbit insect"
    ),
    "record": _words(
        "document file record page paper email e-mail letter message text image photo photograph picture "
        "video recording memo note contract form filing cable tweet report transcript dossier folder "
        "spreadsheet book post password credential"
    ),
    "building": _words(
        "building home house dwelling apartment flat property residence structure school hospital shop store "
        "office factory warehouse church mosque temple hotel tower barn shelter cabin hut skyscraper bunker "
        "classroom stadium clinic mall cottage villa bungalow garage depot"
    ),
    "vehicle": _words(
        "vehicle car truck lorry bus van motorcycle motorbike bike bicycle train plane aircraft airplane "
        "airliner jet helicopter drone ship vessel boat ferry tanker submarine tank taxi cab trailer warship "
        "frigate destroyer cruiser corvette freighter trawler yacht dinghy canoe kayak tram minibus scooter "
        "jetliner glider hovercraft"
    ),
    "device": _words(
        "phone smartphone handset device computer laptop tablet console camera chip battery server router sensor "
        "scanner satellite robot television tv charger modem smartwatch headset printer"
    ),
    "weapon": _words(
        "weapon gun rifle pistol firearm missile rocket bomb shell warhead grenade munition landmine bullet mortar "
        "launcher explosive cartridge"
    ),
    "job": _words("job position role vacancy"),
}
_KIND = {w: kind for kind, words in _KINDS.items() for w in words}
# Nouns on the people suffixes that are not people: "numbers", "papers", "fees", "playlists", "specimens".
_NOT_PEOPLE = frozenset(_words(
    "number order quarter water power meter metre liter litre layer border corner matter shelter theater "
    "theatre character register barrier danger letter paper chapter tower center centre computer container "
    "printer trailer tanker helicopter fighter-jet cancer dinner finger lever filter cluster poster sticker "
    "banner marker sweater trailer leather weather summer winter september october november december "
    "fee tree committee degree knee bee decree pedigree guarantee coffee toffee marquee jamboree "
    "offer answer transfer chamber fiber fibre river flower voucher ladder timber lumber silver copper butter "
    "career frontier carrier pier tier beer cheer steer veneer burger headquarter shower blister monster oyster lobster cylinder trigger spider hamster "
    "specimen omen abdomen stamen ramen semen amen median wrist twist mist fist"
))  # fmt: skip


_NOT_AGENTS = ("reactor", "tractor", "generator", "indicator", "elevator", "processor", "sector", "factor", "vector",
               "conductor", "detector", "projector", "radiator", "calculator", "escalator", "refrigerator")  # fmt: skip


def _singulars(word: str) -> list[str]:
    """``word`` and the singulars it may be the plural of ("bodies" -> "body", "buses" -> "bus")."""
    out = [word]
    if word.endswith("ies") and len(word) > 4:
        out.append(word[:-3] + "y")  # "movies" -> "movie" below, with the "-s" of any plural
    if word.endswith("es") and len(word) > 3:
        out.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss"):
        out.append(word[:-1])
    if word.endswith("men"):
        out.append(word[:-3] + "man")
    return out


@functools.lru_cache(maxsize=16384)
def noun_kind(noun: str | None) -> str | None:
    """The kind of a counted noun (its last word; singular or plural): "person", "animal", "record",
    "building", "vehicle", "device", "weapon" or "job"; None when unknown."""
    word = (noun or "").lower().replace("’", "'").split()[-1:] or [""]
    forms = _singulars(word[0].strip(".,;:'\""))
    for w in forms:
        if w in _KIND:
            return _KIND[w]
    for w in forms:  # a compound ending in a known noun of five letters or more: "schoolchildren", "warplanes"
        if w in _NOT_PEOPLE or w.endswith(_NOT_AGENTS):
            continue
        for end in range(3, len(w) - 4):  # after a first word of three letters or more ("war-planes")
            if w[end:] in _KIND:
                return _KIND[w[end:]]
    for w in forms:
        if w in _NOT_PEOPLE or len(w) < 5:
            continue
        if w.endswith(("man", "woman")) or w.endswith(("ist", "ian", "ee")) and not w.endswith("list"):
            return "person"  # "gunmen", "journalists", "civilians", "employees"
        if w.endswith("list") and w[-5:-4] in "aei":
            return "person"  # "journalists", "novelists" ("playlists", "checklists" are not)
        if w.endswith("er"):
            return "person"  # agent nouns: "protesters", "villagers" ("demonstrators" go by -or below)
    for w in forms:
        if w.endswith(("ator", "ctor", "ssor")) and w not in _NOT_PEOPLE and len(w) >= 6:
            return None if w.endswith(_NOT_AGENTS) else "person"  # "demonstrators", "investors" ("reactors" not)
    return None
