"""The language of an article: claims are English-only rules, so text in another language gets none.

The text decides when it can: its letters' script (Hangul, Cyrillic, Arabic...) or, in Latin script, which
language's most common function words make up its running text. English prose is about 40% "the, of, and,
to, a, in..."; German, Portuguese or Indonesian prose has few of those and many of its own. A text that is
too short or shows no clear profile (a box score, a list of names) is undecided (None): then the page's own
declaration (``<html lang>``, og:locale) and, after it, the outlet's configured ``language:`` decide
(:func:`decide_language`). Pure and cheap: only ``SAMPLE`` characters are read (head, middle and tail) (~0.1 ms a page).
"""

from __future__ import annotations

import re

__all__ = ["SAMPLE", "decide_language", "function_words", "is_english", "primary", "text_language"]

SAMPLE = 3000  # characters of the text read; a page's language shows in its first paragraphs
MIN_WORDS = 25  # fewer words of Latin script than this: no verdict from the function words
_WORD = re.compile(r"[a-z\u00c0-\u024f\u1e00-\u1eff]+(?:['’][a-z\u00c0-\u024f\u1e00-\u1eff]+)?")  # Latin-script words

# The most common function words of each language (articles, pronouns, prepositions, conjunctions, forms of
# "be" and "have"), from general knowledge; a word two of these languages share counts for both. English
# contractions are tokens of their own ("it's", "don't").
_FUNCTION_WORDS: dict[str, str] = {
    "en": "the of and to a in is that for it was on with he as his be at by i this had not are but from or "
    "have an they which you were her she their has been will would there we its who after said about when "
    "than also more into could them our over should these those did does what while it's don't",
    "de": "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden "
    "aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum war haben nur oder "
    "aber vor zur bis mehr durch man sein wurde sei ich wir ihre",
    "fr": "de la le et les des en un du une que est pour qui dans a par plus pas au sur ne se il sont ce avec "
    "son elle mais ou ont été aux nous leur sa cette ses ils comme lui",
    "es": "de la que el en y a los se del las un por con no una su para es al lo como más o pero sus le ha me "
    "si sin sobre este ya entre cuando todo esta ser son dos también fue había era muy hasta desde",
    "pt": "de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi ao ele das tem "
    "à seu sua ou ser quando muito há nos já está eu também só pelo pela até isso ela entre era depois sem",
    "it": "di e il la che a per un in è del non una le i da con si sono al alla della lo gli ha più come anche "
    "ma nel dei delle ci se questo essere su ho sua suo loro tra",
    "nl": "de en van het een in is dat op te zijn met voor niet aan er die ook als bij door om maar dan nog "
    "wordt uit of naar heeft werd tot deze zo hij ze we",
    "id": "yang dan di ini itu dengan untuk tidak dari dalam akan pada juga ke karena ada bisa oleh sudah "
    "saya kami mereka atau lebih telah seperti harus adalah bahwa sebagai hanya namun",
    "sv": "och i att det som en på är av för med till den har de inte om ett han men var jag sig från vi så "
    "kan man när år säger hon under också efter",
    "da": "og i at det en den til er som på de med af for ikke der var har et han men om vi fra kan også "
    "efter når skal sig blev",
    "pl": "i w na z się nie do to że jest o jak a po co tak za od ale przez czy już jego dla są jej może "
    "który które która być tylko",
    "tr": "ve bir bu da de için ile çok olarak gibi daha olan en ama ne kadar sonra o ki her değil var ya "
    "olduğu",
    "vi": "và của là có trong các được cho không những với một người này đã để đến khi cũng từ như",
}
_PROFILES: dict[str, frozenset[str]] = {lang: frozenset(words.split()) for lang, words in _FUNCTION_WORDS.items()}


def function_words(*, but: str = "en") -> frozenset[str]:
    """The common function words of every language profiled here except ``but`` (lower-case)."""
    return frozenset().union(*(profile for lang, profile in _PROFILES.items() if lang != but))


_LANGUAGES_OF: dict[str, tuple[str, ...]] = {
    word: tuple(lang for lang, profile in _PROFILES.items() if word in profile) for word in set().union(*_PROFILES.values())
}
# Shares of the tokens, for a Latin-script verdict: English prose holds 30-50% of its profile's words (a
# recipe or a spec sheet 10-15%), prose in another language 0-10% of them (shared short words: "a", "in",
# "was", "die") and 15-40% of its own. The most frequent profile wins with at least WIN of the tokens and
# LEAD times the share of the next one (of English, for another language: Portuguese and Spanish share
# many function words, and which of them it is matters less than that it is not English).
WIN = 0.10
# A page that declares English keeps it against a Latin-script verdict while this share of its sampled
# words are English function words (English prose has ~40%; other Latin-script languages' prose 0-5%,
# through shared spellings such as "in", "a", "so")
EN_KEEP = 0.08
LEAD = 1.5

# Scripts that name a language (the most common one written in it; a page's own declaration is preferred
# when it names another language of that script, see decide_language).
_SCRIPTS: tuple[tuple[int, int, str], ...] = (
    (0x0370, 0x03FF, "el"),
    (0x0400, 0x04FF, "ru"),
    (0x0590, 0x05FF, "he"),
    (0x0600, 0x06FF, "ar"),
    (0x0900, 0x097F, "hi"),
    (0x0980, 0x09FF, "bn"),
    (0x0E00, 0x0E7F, "th"),
    (0x3040, 0x30FF, "ja"),  # hiragana and katakana: Japanese even among kanji
    (0x4E00, 0x9FFF, "zh"),
    (0xAC00, 0xD7AF, "ko"),
    (0x1100, 0x11FF, "ko"),
)
LATIN_END = 0x0250  # letters below this are Latin (Basic Latin to Latin Extended-B)
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_NON_LATIN = re.compile(r"[^\W\d_A-Za-z\u00aa-\u024f\u1e00-\u1eff]")  # letters of any other script


def _sample(text: str) -> str:
    """``SAMPLE`` characters of ``text``: its head, middle and tail in thirds when it is longer, so that a
    long quotation or a summary in another language at the top does not decide alone."""
    if len(text) <= SAMPLE:
        return text
    third = SAMPLE // 3
    middle = (len(text) - third) // 2
    return f"{text[:third]}\n{text[middle : middle + third]}\n{text[-third:]}"


def english_share(text: str) -> float:
    """The share of the sample's Latin-script words that are English function words."""
    words = _WORD.findall(_sample(text).lower())
    return sum("en" in _LANGUAGES_OF.get(w, ()) for w in words) / len(words) if words else 0.0


def text_language(text: str) -> str | None:
    """The language of ``text`` as an ISO 639-1 code, or None when the text does not show it clearly."""
    sample = _sample(text)
    latin = len(_LATIN.findall(sample))
    others = _NON_LATIN.findall(sample)
    if latin + len(others) < 40:
        return None
    if latin < len(others):
        scripts: dict[str, int] = {}
        for ch in others:
            code = ord(ch)
            lang = next((lang for low, high, lang in _SCRIPTS if low <= code <= high), None)
            if lang is not None:
                scripts[lang] = scripts.get(lang, 0) + 1
        if not scripts:
            return None
        best = max(scripts, key=scripts.__getitem__)
        if best == "zh" and scripts.get("ja", 0) * 10 >= scripts["zh"]:
            best = "ja"
        return best if scripts[best] >= len(others) / 2 else None
    words = _WORD.findall(sample.lower())
    if len(words) < MIN_WORDS:
        return None
    shares = dict.fromkeys(_PROFILES, 0)
    for word in words:
        for lang in _LANGUAGES_OF.get(word, ()):
            shares[lang] += 1
    ranked = sorted(shares, key=shares.__getitem__, reverse=True)
    top = ranked[0]
    rival = shares[ranked[1]] if top == "en" else shares["en"]
    return top if shares[top] >= WIN * len(words) and shares[top] >= LEAD * rival else None


def primary(tag: str | None) -> str | None:
    """The primary language subtag of a declared language ("en-US", "pt_BR" -> "en", "pt"), lower case;
    None for nothing usable ("", "*", "und", "x-default")."""
    if not tag:
        return None
    head = re.split(r"[-_\s,;]", tag.strip().lower(), maxsplit=1)[0]
    head = _ISO639_2.get(head, head)  # "eng" (ISO 639-2, seen in the wild) is "en"
    return head if 2 <= len(head) <= 3 and head.isalpha() and head != "und" else None


# ISO 639-2 codes of the languages told apart here (bibliographic and terminology forms) -> ISO 639-1
_ISO639_2 = {"eng": "en", "fra": "fr", "fre": "fr", "deu": "de", "ger": "de", "spa": "es", "por": "pt",
             "ita": "it", "nld": "nl", "dut": "nl", "rus": "ru", "ukr": "uk", "pol": "pl", "tur": "tr",
             "swe": "sv", "dan": "da", "nor": "no", "fin": "fi", "ind": "id", "zho": "zh", "chi": "zh",
             "jpn": "ja", "kor": "ko", "ara": "ar", "heb": "he", "ell": "el", "gre": "el", "hin": "hi"}  # fmt: skip


def decide_language(text: str, declared: str | None = None, configured: str | None = None) -> str | None:
    """The article's language: the text's, when it shows one; else the page's declaration; else the
    outlet's configured language; None when none of them says (then it is read as English, as before
    languages were told apart). A page declared in another language of the text's script keeps its
    declaration when the text could not have told it (Cyrillic text declared "uk" is Ukrainian, not
    Russian; Latin text declared "no" is Norwegian, though it reads closest to Danish)."""
    found = text_language(text)
    page, outlet = primary(declared), primary(configured)
    if found is None:
        return page or outlet
    if found != "en" and page == "en" and _same_script(found, "en") and english_share(text) >= EN_KEEP:
        return "en"  # a page declared English, with English in it, quoting or summing up another language
    if found != "en" and page and page not in _PROFILES and _same_script(found, page):
        return page
    return found


def is_english(language: str | None) -> bool:
    """Whether claims are extracted from an article of this language (unknown counts as English)."""
    return language is None or primary(language) in (None, "en")


_SCRIPT_OF = {"el": "grek", "ru": "cyrl", "uk": "cyrl", "bg": "cyrl", "sr": "cyrl", "mk": "cyrl", "be": "cyrl",
              "kk": "cyrl", "he": "hebr", "yi": "hebr", "ar": "arab", "fa": "arab", "ur": "arab", "ps": "arab",
              "hi": "deva", "mr": "deva", "ne": "deva", "bn": "beng", "as": "beng", "th": "thai", "ja": "jpan",
              "zh": "hani", "ko": "hang"}  # fmt: skip


def _same_script(found: str, declared: str) -> bool:
    """Whether a declared language is written in the script the text showed (any Latin-script one for a
    Latin-script verdict)."""
    return _SCRIPT_OF.get(found, "latn") == _SCRIPT_OF.get(declared, "latn")
