"""Units of measure after a number: "300 pounds", "300lb", "a 300-pound bear", "41.5C", "20mph".

Each measure has one canonical unit (the claim's ``unit``) and a dimension (``extra["measure"]``), so that
"a 300-pound bear", "300lb" and "over 300 pounds" are one weight (unit "lb", value 300). What a measure
compound describes ("bear" in "a 300-pound bear") is never the counted thing; it is kept apart as
``extra["measured"]``.
"""

from __future__ import annotations

import re

# written form (lower case) -> (canonical unit, dimension)
MEASURE_WORDS: dict[str, tuple[str, str]] = {
    **dict.fromkeys(["pound", "pounds", "lb", "lbs"], ("lb", "weight")),
    **dict.fromkeys(["kg", "kgs", "kilo", "kilos", "kilogram", "kilograms", "kilogramme", "kilogrammes"],
                    ("kg", "weight")),
    **dict.fromkeys(["g", "gram", "grams", "gramme", "grammes"], ("g", "weight")),
    **dict.fromkeys(["ounce", "ounces", "oz"], ("oz", "weight")),
    **dict.fromkeys(["tonne", "tonnes", "metric tons"], ("tonnes", "weight")),
    **dict.fromkeys(["ton", "tons"], ("tons", "weight")),
    **dict.fromkeys(["km", "kms", "kilometre", "kilometres", "kilometer", "kilometers"], ("km", "distance")),
    **dict.fromkeys(["mile", "miles", "mi"], ("miles", "distance")),
    **dict.fromkeys(["metre", "metres", "meter", "meters"], ("m", "distance")),
    **dict.fromkeys(["cm", "centimetre", "centimetres", "centimeter", "centimeters"], ("cm", "distance")),
    **dict.fromkeys(["mm", "millimetre", "millimetres", "millimeter", "millimeters"], ("mm", "distance")),
    **dict.fromkeys(["ft", "foot", "feet"], ("ft", "distance")),
    **dict.fromkeys(["inch", "inches"], ("in", "distance")),
    **dict.fromkeys(["yard", "yards", "yd", "yds"], ("yd", "distance")),
    **dict.fromkeys(["mph", "mi/h", "miles per hour", "mile per hour", "miles an hour", "mile an hour"],
                    ("mph", "speed")),
    **dict.fromkeys(["km/h", "kph", "kmh", "kmph", "kilometres per hour", "kilometers per hour",
                     "kilometres an hour", "kilometers an hour"], ("km/h", "speed")),
    **dict.fromkeys(["knot", "knots"], ("knots", "speed")),
    **dict.fromkeys(["°c", "degrees celsius", "degrees centigrade", "degrees c", "celsius", "c"],
                    ("°C", "temperature")),
    **dict.fromkeys(["°f", "degrees fahrenheit", "degrees f", "fahrenheit", "f"], ("°F", "temperature")),
    **dict.fromkeys(["acre", "acres"], ("acres", "area")),
    **dict.fromkeys(["hectare", "hectares", "ha"], ("hectares", "area")),
    **dict.fromkeys(["square kilometres", "square kilometers", "square kilometre", "square kilometer", "sq km",
                     "km2", "km²"], ("km²", "area")),
    **dict.fromkeys(["square miles", "square mile", "sq miles", "sq mi"], ("sq miles", "area")),
    **dict.fromkeys(["square metres", "square meters", "square metre", "square meter", "sq m", "m2", "m²"],
                    ("m²", "area")),
    **dict.fromkeys(["square feet", "square foot", "sq ft"], ("sq ft", "area")),
    **dict.fromkeys(["litre", "litres", "liter", "liters", "l"], ("litres", "volume")),
    **dict.fromkeys(["gallon", "gallons"], ("gallons", "volume")),
    **dict.fromkeys(["w", "watt", "watts"], ("W", "power")),  # "a 30W charger" (glued: capital W only)
    **dict.fromkeys(["mw", "megawatt", "megawatts"], ("mw", "power")),
    **dict.fromkeys(["gw", "gigawatt", "gigawatts"], ("gw", "power")),
    **dict.fromkeys(["kw", "kilowatt", "kilowatts"], ("kw", "power")),
    **dict.fromkeys(["kwh", "kilowatt hours", "kilowatt hour"], ("kwh", "energy")),
    **dict.fromkeys(["mwh", "megawatt hours", "megawatt hour"], ("mwh", "energy")),
    **dict.fromkeys(["gwh", "gigawatt hours", "gigawatt hour"], ("gwh", "energy")),
    **dict.fromkeys(["twh", "terawatt hours", "terawatt hour"], ("twh", "energy")),
    **dict.fromkeys(["gb"], ("gb", "data")),
    **dict.fromkeys(["tb"], ("tb", "data")),
    **dict.fromkeys(["ml", "millilitre", "millilitres", "milliliter", "milliliters"], ("ml", "volume")),
    **dict.fromkeys(["mg", "milligram", "milligrams", "milligramme", "milligrammes"], ("mg", "weight")),
    **dict.fromkeys(["mcg", "µg", "microgram", "micrograms"], ("µg", "weight")),
    **dict.fromkeys(["nautical miles", "nautical mile", "nmi"], ("nmi", "distance")),
    **dict.fromkeys(["light years", "light year", "light-years", "light-year"], ("light years", "distance")),
    **dict.fromkeys(["cubic metres", "cubic meters", "cubic metre", "cubic meter", "m3", "m³", "cu m"],
                    ("m³", "volume")),
    **dict.fromkeys(["cubic feet", "cubic foot", "cu ft"], ("cu ft", "volume")),
    **dict.fromkeys(["m/s", "metres per second", "meters per second", "metre per second", "meter per second"],
                    ("m/s", "speed")),
    **dict.fromkeys(["db", "decibel", "decibels"], ("dB", "loudness")),
    # a device's spec figures (numprec20): "a 12MP camera", "a 120Hz screen", "2.4GHz", "a 4ms response time"
    **dict.fromkeys(["mp", "megapixel", "megapixels"], ("MP", "resolution")),
    **dict.fromkeys(["hz", "hertz"], ("Hz", "frequency")),
    **dict.fromkeys(["khz", "kilohertz"], ("kHz", "frequency")),
    **dict.fromkeys(["mhz", "megahertz"], ("MHz", "frequency")),
    **dict.fromkeys(["ghz", "gigahertz"], ("GHz", "frequency")),
    **dict.fromkeys(["ms", "millisecond", "milliseconds"], ("ms", "time")),
}
# Units glued to the digits ("300lb", "20mph", "41.5C"): only unambiguous abbreviations. "C"/"F" only in
# capitals; "m" is a scale ("$13m") unless the sentence speaks of depth or height (``metres_cue``).
ATTACHED = frozenset(
    ["mm", "cm", "km", "km/h", "mi/h", "kg", "kgs", "g", "mph", "kph", "kmh", "ft", "lb", "lbs", "oz", "mw", "gw", "kw", "kwh",
     "gb", "tb", "ml", "ha", "km2", "mi", "c", "f", "l", "w", "mg", "mcg", "mwh", "gwh", "twh", "m3", "db",
     "mp", "hz", "khz", "mhz", "ghz", "ms"]
)
CASE_SENSITIVE = frozenset(["c", "f", "l", "w", "mp"])  # "41.5C", "105F", "2L", "30W", "12MP" but not "4c", "5f", "9w"
LOWER_ONLY = frozenset(["ms"])  # "a 4ms response time" ("5MS" is no unit)

# After a space, single letters and short words that are also English ("mi", "ha") are not units.
_AFTER_WORDS = frozenset(
    w for w in MEASURE_WORDS if w not in {"c", "f", "l", "g", "w", "mi", "ha", "°c", "°f", "mp", "ms", "hz", "khz", "mhz", "ghz"}
)
_DEGREES = re.compile(r"\s?(?:°\s?[CF]\b|°|degrees?\s+(?:celsius|centigrade|fahrenheit|[CF]\b))", re.IGNORECASE)
# Up to three words after the number, looked up longest first ("miles per hour", "square metres", "km").
_NEXT_WORDS = re.compile(r"\s((?i:light-years?)|[A-Za-z][A-Za-z/²2]*)(?:\s+([A-Za-z]+))?(?:\s+([A-Za-z]+))?")


# A degree's letter alone after a space ("hit 40.3 C", "a low of 28 F"), in capitals, read as a temperature only when
# the sentence speaks of one: elsewhere a spaced capital after a figure is a grade, a class or a name ("Group 3 C").
_SPACED_DEGREE = re.compile(r"\s[CF](?![\w'’-])")
_TEMPERATURE_CUE = re.compile(
    r"\b(?:temperatures?|thermometers?|mercury|heat(?:wave)?s?|hot(?:ter|test)?|warm\w*|cold(?:er|est)?|chill\w*|"
    r"freez\w*|frost\w*|celsius|fahrenheit|degrees?)\b",
    re.IGNORECASE,
)


def measure_after(s: str, pos: int) -> tuple[str, int] | None:
    """The unit of measure written right after position ``pos`` ("300 pounds", "40 degrees Celsius",
    "250 miles per hour"), as written, with the position where it ends; None when there is none."""
    deg = _DEGREES.match(s, pos)
    if deg:
        return re.sub(r"\s+", " ", deg.group().strip()).replace("° ", "°"), deg.end()
    if (letter := _SPACED_DEGREE.match(s, pos)) and _TEMPERATURE_CUE.search(s):
        return "°" + letter.group().strip().lower(), letter.end()
    m = _NEXT_WORDS.match(s, pos)
    if m is None:
        return None
    for n in (3, 2, 1):
        if m.group(n) is None:
            continue
        written = " ".join(m.group(i).lower() for i in range(1, n + 1))
        end = m.end(n)
        if written in _AFTER_WORDS and not (end < len(s) and (s[end].isalnum() or s[end] == "-")):
            return written, end
    return None


_MONEY_CUE = re.compile(
    r"£|\b(?:sterling|paid|pay|pays|paying|cost|costs|fine|fined|worth|price|prices|priced|spent|spend|salary|"
    r"wages?|bills?|raised?|donat\w*|fund\w*|compensation|budget|bonus|fee|fees|damages|sold|buy|bought|"
    r"earn\w*|profit|revenue|invest\w*|deal|cash|money|pension|tax|taxes)\b",
    re.IGNORECASE,
)
MONEY_CUE = _MONEY_CUE  # read by numbers: a race's distance is never in a sentence of money
# (a load carried or lifted is weighed too, numprec19: "a payload of 119,000 pounds at a third of the cost"; only
# the pounds the load is of or is told as, review20: "the payload -- 119,000 pounds --" weighs, while "the freight
# firm was fined 40,000 pounds" and "cocaine worth 3 million pounds in a cargo of bananas" are money)
_WEIGHT_CUE = re.compile(
    r"\b(?:weigh\w*|heav\w+|lighter|lost|gained|pound\s+(?:male|female))\b|"
    r"\b(?:payloads?|cargo(?:es)?|freight|tonnage)(?:\s+of|\s*(?:--|[–—:(,]))\s+"
    r"(?:(?:up\s+to|about|around|some|nearly|almost|more\s+than|over)\s+)?[\d,.]+(?:\s+(?:million|billion|thousand))?\s+pounds\b|"
    r"\bpounds\s+of\s+(?:cargo|freight|payload)\b",
    re.IGNORECASE,
)
# A fall is a cue only with where it goes ("fell down the 40m well", "fell 20m from the ledge"), and "below",
# "above", "down" only after the number ("13m down", "40m below ground"): "fell to 2m", "fell below 3m", "down
# 4m since January" and "fell from 5m to 3m" are figures in millions.
_METRES_CUE = re.compile(
    r"\b(?:deep|depth|high|height|tall|long|length|wide|width|away|underground|metres?|meters?|underwater|"
    # how far one sees (variants28: "visibility was less than 50m", "visibility of 200m")
    r"visibility|"
    r"altitude|dug|diameter|radius|(?:fell|falls?|fallen|falling|dropped|plunged|plunging|tumbled)\s+(?:down|into|off)|"
    # a sea's or a river's level, a tide or a surge (misfire21: "sea levels could rise by 1m by 2100"); not a tide of
    # people or things (review21: "a tide of 2m refugees")
    r"sea[\s-]levels?|water\s+levels?|river\s+levels?|tides?(?!\s+of\b)|storm\s+surges?|"
    # a climb's height and the distance it is climbed over (misfire22: "The trail climbs 800m over 12km", "an ascent
    # of 1,200m"; "viewing figures climbed to 7m" stays millions); a wingspan, a span, a circumference ("a wingspan
    # of 20m"; "will span 5m homes" stays millions)
    r"ascents?|descents?|elevation|wingspans?|span\s+of|circumference|perimeter|"
    r"(?:over|across|in|within)\s+[\d.,]+\s?(?:km|kilomet(?:re|er)s?|miles?)"
    r")\b",
    re.IGNORECASE,
)
# ... or a thing whose size is its height or length right after the figure (misfire21: "a 100m tower", "the 30m
# wall", "a 5m wave"; "a 100m deal", "100m viewers", "a 400m loan", "a 5m drop in viewers" stay millions)
_METRES_AFTER = re.compile(
    r"\s+(?:down|below|above|under|into|off|onto|from|(?:towers?|spires?|walls?|cliffs?|waves?|"
    r"swims?|cranes?|masts?|chimneys?)\b)\b",
    re.IGNORECASE,
)


def measure_in(words: list[str], min_len: int = 1) -> str | None:
    """The canonical unit of the first measure ``words`` (a claim's unit, lower-case, split at spaces and
    hyphens) name, a two-word one first ("cubic metres" are no metres, "terawatt hours" no hours), then one
    word of at least ``min_len`` letters; None when they name none."""
    for pair in zip(words, words[1:], strict=False):
        if (found := MEASURE_WORDS.get(" ".join(pair))) is not None:
            return found[0]
    return next((MEASURE_WORDS[w][0] for w in words if len(w) >= min_len and w in MEASURE_WORDS), None)


def canonical(written: str, sentence: str = "") -> tuple[str, str] | None:
    """(canonical unit, dimension) of a measure word as written, or None when it is not one.

    "pounds" is a weight unless the sentence speaks of money and not of weighing (then the currency).
    """
    key = re.sub(r"\s+", " ", written.lower().strip())
    if key.startswith("degree") and key not in MEASURE_WORDS:
        return ("degrees", "degrees") if key in ("degree", "degrees") else None  # an angle or a temperature
    found = MEASURE_WORDS.get(key)
    money = found and found[0] == "lb" and key.startswith("pound") and _MONEY_CUE.search(sentence)
    if money and not _WEIGHT_CUE.search(sentence):
        return "pounds", "money"
    return found


def metres_cue(sentence: str, start: int, end: int) -> bool:
    """Whether a bare "13m" (no currency sign) is a length: the words next to it speak of depth or height."""
    if _PEOPLE_AFTER.match(sentence, end):
        return False  # "visibility among 50m viewers", "the 12m-strong fanbase": a count of people in millions
    near = _METRES_CUE.search(sentence, max(0, start - 30), min(len(sentence), end + 25))
    return near is not None or _METRES_AFTER.match(sentence, end) is not None


# People counted in millions right after the figure: no cue nearby makes them metres (review29: variants28's
# "visibility" cue read "the brand's visibility among 50m viewers" as 50 metres).
_PEOPLE_AFTER = re.compile(
    r"(?:-strong\b|\s+(?:(?:more|new|monthly|daily|weekly|active|regular|paying|registered|loyal)\s+)?(?:people|persons|viewers|listeners|readers|users|subscribers|followers|fans|"
    r"customers|members|voters|visitors|passengers|residents|households|homes|workers|adults|children|players)\b)",
)
