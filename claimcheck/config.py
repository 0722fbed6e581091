"""Load and validate sources.yaml, naming the file, the line and the field of every problem."""

from __future__ import annotations

import math
import os
import re
import unicodedata
from dataclasses import fields
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from claimcheck.errors import ConfigError, FetchError
from claimcheck.models import Defaults, Outlet, Sources
from claimcheck.paths import find_sources
from claimcheck.urls import NOT_HTTP, address_kind, fetchable_url, shown_url

MAX_FILE_BYTES = 8_000_000
MAX_OUTLETS = 20_000
SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
# A language tag: its ISO 639 code (two or three letters; claims.language.primary reads it), then subtags
# ("pt-BR", "en_GB", "zh-Hant-TW"). A name ("German", "english") was read as no language, so as English.
LANGUAGE = re.compile(r"^(?!und\b)[a-z]{2,3}(?:[-_][a-z0-9]{1,8})*$", re.IGNORECASE)

DEFAULT_KEYS = {f.name for f in fields(Defaults)}
OUTLET_KEYS = {f.name for f in fields(Outlet)}
TOP_KEYS = {"defaults", "outlets"}


def load_sources(path: str | os.PathLike[str] | None = None) -> Sources:
    """Find (see :func:`find_sources`), read and validate sources.yaml. Raises :class:`ConfigError`."""
    p = find_sources(path)
    try:
        # The cap bounds the read itself: a FIFO or a device has no size to check first.
        with p.open("rb") as f:
            raw = f.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES:
            raise ConfigError(f"{p}: more than {MAX_FILE_BYTES:,} bytes; sources.yaml is limited to that")
    except ConfigError:
        raise
    except IsADirectoryError:
        raise ConfigError(f"{p}: is a directory, not a sources.yaml file") from None
    except FileNotFoundError:
        raise ConfigError(f"{p}: no such file") from None
    except OSError as e:
        raise ConfigError(f"{p}: cannot read: {e.strerror or e}") from None
    return parse_sources(raw, str(p))


def parse_sources(raw: bytes | str, filename: str = "sources.yaml") -> Sources:
    """Validate sources.yaml text into :class:`Sources` (pure; ``filename`` only names it in errors)."""
    try:
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
    except UnicodeDecodeError as e:
        raise ConfigError(f"{filename}: not UTF-8 text (byte {e.start})") from None
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = f":{mark.line + 1}" if mark else ""
        raise ConfigError(f"{filename}{line}: not valid YAML: {e.problem or e.context}") from None
    except yaml.YAMLError as e:
        raise ConfigError(f"{filename}: not valid YAML: {e}") from None
    except RecursionError:
        raise ConfigError(f"{filename}: nested too deeply to be a sources.yaml") from None
    return _Validator(filename).sources(root)


class _Validator:
    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.seen: set[int] = set()
        self.loader = yaml.SafeLoader("")

    def fail(self, node: Node | None, field: str, message: str) -> ConfigError:
        line = f":{node.start_mark.line + 1}" if node is not None else ""
        where = f" {field}:" if field else ""
        return ConfigError(f"{self.filename}{line}:{where} {message}")

    def visit(self, node: Node, field: str) -> None:
        # YAML aliases share nodes; walking them again could blow up (billion laughs), so refuse them.
        if id(node) in self.seen:
            raise self.fail(node, field, "YAML anchors and aliases are not supported here")
        self.seen.add(id(node))

    def mapping(self, node: Node, field: str, allowed: set[str]) -> dict[str, tuple[Node, Node]]:
        self.visit(node, field)
        if not isinstance(node, MappingNode):
            raise self.fail(node, field, f"expected a mapping, got {_kind(node)}")
        out: dict[str, tuple[Node, Node]] = {}
        for k, v in node.value:
            key = k.value if isinstance(k, ScalarNode) else None
            if not isinstance(key, str):
                raise self.fail(k, field, "keys must be plain names")
            name = f"{field}.{key}" if field else key
            if key not in allowed:
                hint = _close(key, allowed)
                raise self.fail(
                    k, name, f"unknown key {key!r}" + (f" (did you mean {hint!r}?)" if hint else "")
                )
            if key in out:
                raise self.fail(k, name, "key given twice")
            out[key] = (k, v)
        return out

    def scalar(self, node: Node, field: str) -> Any:
        self.visit(node, field)
        if not isinstance(node, ScalarNode):
            raise self.fail(node, field, f"expected a single value, got {_kind(node)}")
        try:
            value = self.loader.construct_object(node, deep=True)
        except yaml.YAMLError as e:
            raise self.fail(node, field, f"cannot read value: {getattr(e, 'problem', None) or e}") from None
        if isinstance(value, str) and (bad := re.search("[\ud800-\udfff]", value)):
            # "\ud800" in a double-quoted string: half a character, which no output or database can hold
            # (`sources --check` said OK, then `sources` and `fetch` stopped on an internal error)
            raise self.fail(node, field, f"{ascii(bad.group())[1:-1]} is half of a UTF-16 pair, not a character")
        return value

    def string(self, node: Node, field: str) -> str:
        value = self.scalar(node, field)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(node, field, f"expected text, got {_describe(value)}")
        return value.strip()

    def outlet_name(self, node: Node, field: str) -> str:
        """A name an outlet is cited by, as pages write it: composed (NFC) and its blanks one space. "Café"
        typed decomposed (e + U+0301, as some keyboards and file systems give it) or "Daily Mail" with a
        no-break space never matched the page's "Café" or "Daily Mail": the citation went uncredited, and
        two outlets named so passed the check that two may not share a name."""
        return " ".join(unicodedata.normalize("NFC", self.string(node, field)).split())

    def boolean(self, node: Node, field: str) -> bool:
        value = self.scalar(node, field)
        if not isinstance(value, bool):
            raise self.fail(node, field, f"expected true or false, got {_describe(value)}")
        return value

    def number(
        self, node: Node, field: str, *, integer: bool, minimum: float | None = None, maximum: float | None = None
    ) -> float | int:
        value = self.scalar(node, field)
        # PyYAML reads YAML 1.1, where a float needs a dot: a plain 1e12 or 1E-1 was text there ("expected a
        # number, got '1e12'"), though YAML 1.2 and every other reader take it as the number it looks like.
        exponent = isinstance(value, str) and getattr(node, "style", "") is None and _EXPONENT.match(value)
        if exponent and not integer:
            value = float(value)
        ok = isinstance(value, int) if integer else isinstance(value, int | float)
        if isinstance(value, bool) or not ok:
            want = "a whole number" if integer else "a number"
            hint = " (write it without an exponent)" if exponent else ""
            raise self.fail(node, field, f"expected {want}, got {_describe(value)}{hint}")
        if not math.isfinite(value):  # YAML's .nan and .inf are floats; neither is a timeout or a delay
            raise self.fail(node, field, f"expected a finite number, got {value}")
        if minimum is not None and value < minimum:
            raise self.fail(node, field, f"must be {minimum} or more, got {value}")
        if minimum is None and value <= 0:
            raise self.fail(node, field, f"must be greater than 0, got {value}")
        if maximum is not None and value > maximum:
            raise self.fail(node, field, f"must be {_figure(maximum)} or less, got {_figure(value)}")
        return value

    def url(self, node: Node, field: str) -> str:
        value = self.string(node, field)
        try:
            fetchable_url(value)  # the very check fetch makes: what passes here can be fetched
        except FetchError as e:
            if e.reason == NOT_HTTP or not value.lower().startswith(("http://", "https://")):
                raise self.fail(node, field, f"not an http(s) URL: {shown_url(value)!r}") from None
            raise self.fail(node, field, f"cannot be fetched ({e.reason}): {shown_url(value)!r}") from None
        if any(c.isspace() for c in value):
            raise self.fail(node, field, f"not an http(s) URL: {shown_url(value)!r}")
        return value

    def host(self, node: Node, field: str) -> str:
        """A host name or address, optionally with a port: ``intranet.local``, ``10.0.0.5:8080``, ``[::1]:80``."""
        value = self.string(node, field)
        try:
            parts = urlsplit("//" + value)
            ok = bool(parts.hostname) and not (parts.path or parts.query or parts.fragment or "@" in value)
            parts.port  # noqa: B018 - raises ValueError when the port is not a number in range
        except ValueError:
            ok = False
        if not ok or any(c.isspace() for c in value):
            raise self.fail(node, field, f"not a host or host:port: {value!r}")
        return value.lower()

    def strings(self, node: Node, field: str, item: Any) -> tuple[Any, ...]:
        self.visit(node, field)
        if isinstance(node, ScalarNode) and node.value in ("", "~", "null"):
            return ()
        if not isinstance(node, SequenceNode):
            raise self.fail(node, field, f"expected a list, got {_kind(node)}")
        return tuple(item(n, f"{field}[{i}]") for i, n in enumerate(node.value))

    def defaults(self, node: Node) -> Defaults:
        keys = self.mapping(node, "defaults", DEFAULT_KEYS)
        values: dict[str, Any] = {}
        for key, (_, v) in keys.items():
            name = f"defaults.{key}"
            if key == "user_agent":
                values[key] = self.string(v, name)
                # An HTTP header holds printable ASCII (white space is folded to spaces when it is sent):
                # 'café' stopped every fetch on an internal error (UnicodeEncodeError), and a NUL failed
                # every request, while `sources --check` said OK.
                odd = sorted({c for c in " ".join(values[key].split()) if not " " <= c <= "~"})
                if odd:
                    shown = ", ".join(f"U+{ord(c):04X}" for c in odd[:3])
                    raise self.fail(v, name, f"an HTTP header takes printable ASCII only; this has {shown}")
            elif key == "delay":
                values[key] = self.number(v, name, integer=False, minimum=0, maximum=DEFAULT_MAXIMA[key])
            else:
                integer = key not in ("timeout", "extract_timeout")
                values[key] = self.number(v, name, integer=integer, maximum=DEFAULT_MAXIMA.get(key))
        return Defaults(**values)

    def outlet(self, node: Node, field: str) -> Outlet:
        keys = self.mapping(node, field, OUTLET_KEYS)
        for required in ("id", "name"):
            if required not in keys:
                raise self.fail(node, f"{field}.{required}", "missing (every outlet needs one)")
        v: dict[str, Any] = {}
        for key, (_, n) in keys.items():
            name = f"{field}.{key}"
            if key == "id":
                v[key] = self.string(n, name)
                if not SLUG.match(v[key]):
                    raise self.fail(
                        n, name, f"{v[key]!r} is not a slug (lower-case letters, digits, - and _)"
                    )
            elif key in ("wire", "enabled", "allow_private"):
                v[key] = self.boolean(n, name)
            elif key == "homepage":
                v[key] = self.url(n, name)
            elif key in ("feeds", "sitemaps"):
                v[key] = self.strings(n, name, self.url)
            elif key == "aliases":
                v[key] = self.strings(n, name, self.outlet_name)
            elif key == "name":
                v[key] = self.outlet_name(n, name)
            elif key == "allow_private_hosts":
                v[key] = self.strings(n, name, self.host)
            elif key == "language":
                v[key] = self.string(n, name)
                if not LANGUAGE.match(v[key]):
                    raise self.fail(
                        n, name, f"{v[key]!r} is not a language code (ISO 639: en, de, fr, pt-BR, ...)"
                    )
            else:
                v[key] = self.string(n, name)
        return Outlet(**v)

    def sources(self, root: Node | None) -> Sources:
        if root is None:
            raise ConfigError(f"{self.filename}: is empty; it needs an 'outlets:' list")
        keys = self.mapping(root, "", TOP_KEYS)
        defaults = self.defaults(keys["defaults"][1]) if "defaults" in keys else Defaults()
        if "outlets" not in keys:
            raise self.fail(root, "outlets", "missing; list the outlets to fetch")
        node = keys["outlets"][1]
        self.visit(node, "outlets")
        if not isinstance(node, SequenceNode):
            raise self.fail(node, "outlets", f"expected a list of outlets, got {_kind(node)}")
        if not node.value:
            raise self.fail(node, "outlets", "the list is empty; add at least one outlet")
        if len(node.value) > MAX_OUTLETS:
            raise self.fail(
                node, "outlets", f"{len(node.value):,} outlets; at most {MAX_OUTLETS:,} are supported"
            )
        outlets: list[Outlet] = []
        ids: dict[str, int] = {}
        named: dict[str, int] = {}  # every name an outlet is cited by (lower case) -> its index
        for i, n in enumerate(node.value):
            o = self.outlet(n, f"outlets[{i}]")
            if o.id in ids:
                raise self.fail(
                    n, f"outlets[{i}].id", f"duplicate id {o.id!r} (first used by outlets[{ids[o.id]}])"
                )
            ids[o.id] = i
            # A citation names an outlet by its name, an alias or its id: one such name for two outlets
            # would credit whichever came first, silently.
            for field, name in (
                ("name", o.name),
                *((f"aliases[{j}]", a) for j, a in enumerate(o.aliases)),
                ("id", o.id),
            ):
                first = named.setdefault(name.lower(), i)
                if first != i:
                    raise self.fail(
                        n,
                        f"outlets[{i}].{field}",
                        f"{name!r} also names outlets[{first}] ({outlets[first].id}); a citation of it "
                        "could not tell them apart",
                    )
            outlets.append(o)
        return Sources(path=self.filename, defaults=defaults, outlets=tuple(outlets))


def _kind(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    return f"{node.value!r}"


# Bounds past which a value is a slip, not a wish: a delay of 10^12 s (or 10^5: 27 hours) between two requests to
# a host held the fetch for ever, silently (only robots.txt was asked for); a timeout of 10^12 s let one stalled
# host hold the run as long; a body cap of 10^23 bytes read any body whole into memory.
DEFAULT_MAXIMA: dict[str, float] = {
    "delay": 3600.0,  # an hour between two request starts on one host
    "timeout": 86400.0,  # a day for one request
    "extract_timeout": 86400.0,
    "max_bytes": 1_000_000_000,  # a gigabyte of one body, after decompression
}

# A number with an exponent as YAML 1.2 writes it (1e12, -2.5E-3, .5e1), which YAML 1.1 reads as text.
_EXPONENT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)[eE][-+]?[0-9]+\Z")


def _figure(x: float) -> str:
    """A bound or a value as a reader writes it: 3,600, 1,000,000,000, 86,400.5, 1e+23."""
    return f"{x:,.0f}" if float(x).is_integer() and abs(x) < 1e15 else f"{x:,g}"


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return str(value).lower()
    return repr(value)


def _close(word: str, options: set[str]) -> str | None:
    from difflib import get_close_matches

    hits = get_close_matches(word, sorted(options), n=1, cutoff=0.6)
    return hits[0] if hits else None


def write_sources(sources: Sources, path: Path) -> None:
    """Write sources back as YAML (used by the demo to point at its loopback server)."""
    data: dict[str, Any] = {
        "defaults": {f.name: getattr(sources.defaults, f.name) for f in fields(Defaults)},
        "outlets": [
            {f.name: (list(v) if isinstance(v := getattr(o, f.name), tuple) else v) for f in fields(Outlet)}
            for o in sources.outlets
        ],
    }
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def address_warnings(sources: Sources) -> list[str]:
    """One line per feed or sitemap URL at a private, loopback, link-local or cloud metadata address
    (``sources --check`` prints them as warnings: such feeds are fetched only with an explicit opt-in)."""
    out: list[str] = []
    for i, o in enumerate(sources.outlets):
        for key in ("feeds", "sitemaps"):
            for j, url in enumerate(getattr(o, key)):
                try:
                    kind = address_kind(urlsplit(url).hostname or "")
                except ValueError:
                    continue
                if kind is None:
                    continue
                if o.allow_private:
                    then = "fetched because the outlet has allow_private: true"
                else:
                    then = "refused unless the outlet has allow_private: true or fetch gets --allow-private"
                out.append(
                    f"{sources.path}: outlets[{i}].{key}[{j}] ({o.id}): {shown_url(url)} is {kind} address; {then}"
                )
    return out
