"""What the HTTP layer of a fetch is told: :class:`FetchSettings`, built from sources.yaml ``defaults`` and
the command line, and the User-Agent it sends."""

from __future__ import annotations

from dataclasses import dataclass

from claimcheck.models import Defaults
from claimcheck.urls import PRIVATE_NETWORKS, IPNetwork


@dataclass(frozen=True)
class FetchSettings:
    """Everything the HTTP layer needs; built from sources.yaml ``defaults`` plus command-line options."""

    user_agent: str = Defaults.user_agent
    timeout: float = Defaults.timeout
    concurrency: int = Defaults.concurrency
    per_host: int = Defaults.per_host
    max_bytes: int = Defaults.max_bytes
    delay: float = 0.0  # minimum seconds between two request starts on one host
    retries: int = 2  # extra attempts after the first, on timeouts, resets and 5xx/429
    backoff: float = 0.5  # first retry waits about this long, then doubles
    max_retry_after: float = 30.0  # longer Retry-After: give up and report rate-limited
    max_redirects: int = 5
    robots: bool = True
    private_networks: tuple[IPNetwork, ...] = PRIVATE_NETWORKS

    @classmethod
    def from_defaults(cls, d: Defaults, **overrides: object) -> FetchSettings:
        base = cls(
            user_agent=d.user_agent,
            timeout=float(d.timeout),
            concurrency=int(d.concurrency),
            per_host=int(d.per_host),
            max_bytes=int(d.max_bytes),
            delay=float(d.delay),
        )
        return _replace(base, **{k: v for k, v in overrides.items() if v is not None})


def _replace(s: FetchSettings, **kw: object) -> FetchSettings:
    from dataclasses import replace

    return replace(s, **kw)  # type: ignore[arg-type]  # field names and types checked by dataclasses at run time


def honest_user_agent(ua: str) -> str:
    """The configured User-Agent, with claimcheck named in it if the configuration left it out."""
    from claimcheck import __version__

    ua = " ".join(ua.split()) or "claimcheck"
    return ua if "claimcheck" in ua.lower() else f"{ua} claimcheck/{__version__}"
