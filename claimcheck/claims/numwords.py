"""Tables for reading numbers: number words, scales, currencies, qualifiers, identifier words."""

from __future__ import annotations

from claimcheck.claims.lexicon import MONTHS, WEEKDAYS

UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}
SCALES = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "k": 1e3, "m": 1e6,
    "mn": 1e6, "mln": 1e6, "bn": 1e9, "bln": 1e9, "b": 1e9, "tn": 1e12, "lakh": 1e5, "lakhs": 1e5, "crore": 1e7,
    "crores": 1e7,
}
CURRENCIES = {
    "$": "dollars", "us$": "dollars", "£": "pounds", "€": "euros", "¥": "yen", "₹": "rupees", "rs": "rupees",
    "rs.": "rupees", "inr": "rupees", "gbp": "pounds", "usd": "dollars", "eur": "euros",
}
# Currencies named by a word after the figure ("310 million euros", "500 Swiss francs", "12 billion yen"): money,
# as the sign before it is ("€310m"). Not "pounds" (a weight as often; read apart) nor "won" (a verb as often).
CURRENCY_NOUNS = frozenset(
    ["dollar", "dollars", "euro", "euros", "yen", "yuan", "renminbi", "rupee", "rupees", "franc", "francs", "peso",
     "pesos", "rouble", "roubles", "ruble", "rubles", "rand", "naira", "shekel", "shekels", "dirham", "dirhams",
     "riyal", "riyals", "ringgit", "baht", "lira", "liras", "lire", "krona", "kronor", "krone", "kroner", "zloty",
     "zlotys", "forint", "forints", "dinar", "dinars", "cedi", "cedis", "shilling", "shillings", "rupiah", "dong",
     "reais", "taka", "hryvnia", "hryvnias", "kwacha", "pence", "cents",
     # the wires' short forms after the figure (variants20): "180 mln dlrs", "2.5 bln stg"
     "dlrs", "stg"]
)  # fmt: skip

QUALIFIERS = [
    ("no more than", "up to"),
    ("more-than", "more than"),
    ("no fewer than", "at least"),
    ("no less than", "at least"),
    ("more than", "more than"),
    ("in excess of", "more than"),
    ("upwards of", "more than"),
    ("just over", "more than"),
    ("over", "more than"),
    ("above", "more than"),
    ("exceeding", "more than"),
    # verbs that pass a mark: "shares topped $50", "sales exceeded 1 million", "surpassed 100,000 users"
    ("topped", "more than"),
    ("tops", "more than"),
    ("topping", "more than"),
    ("exceeded", "more than"),
    ("exceeds", "more than"),
    ("surpassed", "more than"),
    ("surpasses", "more than"),
    ("surpassing", "more than"),
    ("at least", "at least"),
    ("a minimum of", "at least"),
    ("approximately", "about"),
    ("an estimated", "about"),
    ("estimated", "about"),
    ("roughly", "about"),
    ("around", "about"),
    ("about", "about"),
    ("some", "about"),
    # "near $14,475", "near 50 percent": the figure is approached from either side, as "around"
    ("near", "about"),
    ("nearly", "nearly"),
    ("almost", "nearly"),
    ("close to", "nearly"),
    ("just under", "nearly"),
    ("just shy of", "nearly"),
    ("up to", "up to"),
    ("as many as", "up to"),
    ("as much as", "up to"),
    ("at most", "up to"),
    ("a maximum of", "up to"),
    # an upper bound of a span, an extent or a level: "within 24 hours", "within 50 metres", "for as long as 20
    # years", "as high as 8 percent"
    ("within", "up to"),
    ("as long as", "up to"),
    ("as high as", "up to"),
    ("fewer than", "fewer than"),
    ("less than", "fewer than"),
    ("under", "fewer than"),
    ("below", "fewer than"),
]
ID_WORDS = frozenset(
    [
        "No", "Nos", "Number", "number", "#", "Section", "Article", "Chapter", "Route", "Flight",
        "Highway", "Interstate", "Room", "Page", "Episode", "Season", "Level", "Phase", "Category",
        "Stage", "Windows", "iPhone", "Galaxy", "Pixel", "Proposition", "Prop", "District", "Precinct",
        "Gate", "Platform", "Terminal", "Bill", "Resolution", "Amendment", "Title", "Act", "Question",
        "Track", "Volume", "Vol", "Apollo", "Class", "Type", "Model", "Version", "version", "Mark",
        "Covid", "COVID", "Group", "Boeing", "Airbus", "Euro", "UEFA", "Formula", "Game", "Week", "Round",
        "Day", "Series", "Pro", "Max", "Air", "Mini", "Plus", "Note", "Studio", "Xbox", "PlayStation",
        "Top", "Fortune", "Trek", "Size", "Grade", "Year", "Term", "Unit",
        # a singular noun before a number names one item of a series: "lap 48", "pad 40", "page 5"
        "lap", "pad", "page", "gate", "platform", "room", "row", "exit", "junction", "route", "chapter",
        "section", "article", "stage", "level", "phase", "round", "game", "episode", "season", "lane",
        "terminal", "hole", "pier", "berth", "runway", "ward", "bed", "block", "apartment", "floor", "flight",
        "bus", "train", "line", "track", "channel", "number", "no", "category", "grade", "size", "model",
        "type", "class", "group", "item", "step", "figure", "table", "volume", "issue", "verse", "week",
        "aisle", "update", "Update", "Android", "iOS", "macOS", "firmware", "software",
        # an oven's setting (misfire21): "200C/180C fan/gas 6", "gas mark 4"
        "gas", "mark",
    ]
)
SKIP_CAPS = frozenset(
    {
        *WEEKDAYS, *MONTHS, "Nearly", "About", "Some", "Around", "More", "Almost", "Over", "Up", "At",
        "Only", "Just", "Fewer", "Less", "Roughly", "Approximately", "An", "A", "The", "Between", "In",
        "On", "By", "Since", "To", "And", "Of", "With", "From", "For", "Under", "Until", "After", "Before",
        "During", "Estimated", "All", "Exactly", "Another", "Than", "As", "Least", "Most", "Total",
        "Killed", "Freed", "Released",
        # adverbs and conjunctions that open a sentence before its count (variants28: "But 300 volunteers worked
        # through the night", "Already 28 whales have died"): no name the number belongs to
        "But", "Yet", "So", "Already", "Now", "Still", "Also", "Then", "Even", "Today", "Yesterday", "Overall",
        "Altogether", "Meanwhile", "Instead",
    }
)
