"""Run trafilatura's command line with the benchmark's host names resolved to their loopback addresses.

trafilatura rejects bare-IP URLs, so every outlet needs a host name. Instead of lines in /etc/hosts, this
wrapper answers name lookups in its own process from a fixed table (``--hosts NAME=127.0.0.N,...``)
and refuses every other name, so nothing it fetches can leave loopback. trafilatura itself runs
unchanged (its own ``main()``, the arguments after ``--``).

    python -m bench.peer --hosts www.out01.bench.test=127.0.0.2 -- -i feeds.txt --feed --parallel 16 ...
"""

from __future__ import annotations

import socket
import sys


def pin_hosts(table: dict[str, str]) -> None:
    """Resolve exactly the names of ``table`` (to loopback addresses) and refuse any other name."""
    for name, addr in table.items():
        if not addr.startswith("127."):
            raise SystemExit(f"refusing a non-loopback address for {name}: {addr}")
    real = socket.getaddrinfo

    def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):  # type: ignore[no-untyped-def]
        name = host.decode() if isinstance(host, bytes) else host
        addr = table.get((name or "").lower().rstrip("."))
        if addr is None and name not in table.values():
            raise socket.gaierror(socket.EAI_NONAME, f"bench.peer: {name!r} is not a benchmark host")
        return real(addr or name, port, socket.AF_INET, type, proto, flags)

    socket.getaddrinfo = getaddrinfo  # type: ignore[assignment]


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) < 3 or args[0] != "--hosts" or "--" not in args:
        raise SystemExit("usage: python -m bench.peer --hosts NAME=ADDR,... -- TRAFILATURA-ARGS")
    table = dict(pair.split("=", 1) for pair in args[1].split(",") if pair)
    pin_hosts({k.lower(): v for k, v in table.items()})
    from trafilatura.cli import main as trafilatura_main

    sys.argv = ["trafilatura", *args[args.index("--") + 1 :]]
    trafilatura_main()


if __name__ == "__main__":
    main()
