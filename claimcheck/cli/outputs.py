"""What a command writes: ``--format`` and what ``-o``'s extension asks for, choices in any case, JSON on
stdout, and ``-o`` checked before any work (never an input, a folder that can be written), a file replaced
whole or not at all, a stream written in place."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

import typer

from claimcheck.errors import UsageError
from claimcheck.paths import expand_home, find_sources, from_env, no_folder
from claimcheck.values import cut, echoed

# -- values ------------------------------------------------------------------------------------------
# What an output file's extension asks for when --format is not given.
SUFFIX_FORMATS = {".md": "markdown", ".markdown": "markdown", ".json": "json", ".csv": "csv", ".html": "html",
                  ".htm": "html"}  # fmt: skip
FORMAT_SUFFIXES = {"markdown": ".md", "json": ".json", "csv": ".csv", "html": ".html"}  # the name for each
# The short names --format takes in every command that writes the format: its file extension ("-f md", as
# "-o r.md" picks Markdown; stories refused "md" while its -o took ".md").
FORMAT_ALIASES = {"md": "markdown", "htm": "html"}
# Extensions of data formats no command writes: without --format, a terminal table saved under one of these
# names ("-o facts.jsonl") opens as garbage in the tool the name was for, so it is bad usage.
# (Not .yaml: "-o sources.yaml" is refused as an input of claimcheck, output_path, in words that say so;
# any other configuration file's name after that, CONFIG_SUFFIXES.)
FOREIGN_SUFFIXES = {".jsonl": "JSON Lines", ".ndjson": "JSON Lines", ".tsv": "TSV", ".xlsx": "Excel", ".xls": "Excel",
                    ".ods": "a spreadsheet", ".xml": "XML", ".pdf": "PDF",
                    # compressed ("-o facts.csv.gz" wrote plain text, which gunzip and pandas refuse)
                    ".gz": "gzip", ".zip": "a zip archive", ".bz2": "bzip2", ".xz": "xz", ".zst": "zstd"}  # fmt: skip

# Configuration files' extensions: no report is one, and "-o outlets.yaml" (another outlets file than the one in
# use, a CI config) was replaced by the table or the chosen format without a word. Refused in output_path, after
# the inputs, so that sources.yaml is still refused as what it is.
CONFIG_SUFFIXES = {".yaml": "YAML", ".yml": "YAML", ".toml": "TOML"}


def output_format(fmt: str | None, output: str | Path | None, options: Sequence[str]) -> str:
    """``--format`` as given (any case); without it, what ``-o``'s extension says (``report.md`` is
    Markdown, ``facts.csv`` CSV), else the table. An extension the command cannot write is bad usage,
    never a terminal table saved under that name; so is a ``--format`` that another known extension
    contradicts (``-o x.csv --format json``): JSON saved as ``x.csv`` opens as a broken spreadsheet; and so
    is any ``--format`` under an extension no command writes (``-o x.jsonl --format json``: one JSON
    document, which no JSON Lines reader takes)."""
    suffix = Path(output).suffix.lower() if output is not None and str(output) != "-" else ""
    wanted, kind = SUFFIX_FORMATS.get(suffix), FOREIGN_SUFFIXES.get(suffix)
    if fmt is not None:
        alias = FORMAT_ALIASES.get(fmt.strip().lower())
        chosen = choose(alias if alias is not None and alias in options else fmt, options, "format")
        if wanted is not None and wanted != chosen:
            raise UsageError(
                f"--format {chosen} contradicts {output}, whose extension says {wanted}; "
                f"drop --format, or name the file for {chosen}"
            )
        if kind is not None:  # "-o facts.jsonl --format json": one JSON document that no JSON Lines reader takes
            raise UsageError(
                f"--format {chosen} does not write {kind}, which {output}'s extension says; "
                f"name the file {FORMAT_SUFFIXES.get(chosen, '.txt')}"
            )
        return chosen
    if wanted is None and kind is not None:
        raise UsageError(
            f"{output} looks like {kind}, which claimcheck does not write; give --format ({', '.join(options)}) "
            "or name the file for one"
        )
    if wanted is None:
        return "table"
    if wanted not in options:
        raise UsageError(
            f"{output} looks like {wanted}, which this command does not write; "
            f"give --format ({', '.join(options)})"
        )
    return wanted


def csv_bom(fmt: str, bom: bool) -> str:
    """What goes before the text: the UTF-8 byte order mark when ``--bom`` asks for it, which only CSV takes.
    Excel reads a CSV without it in the computer's legacy code page ("Ã©" for "é"); other readers (pandas,
    Python's ``utf-8-sig``, LibreOffice) take either, but ``cat`` and ``csv.reader`` see it, so it is opt-in."""
    if not bom:
        return ""
    if fmt != "csv":
        raise UsageError(f"--bom is for CSV (it marks the file's encoding for Excel); drop it, or give --format csv, not {fmt}")
    return "\ufeff"


def choose(value: str, options: Sequence[str], what: str) -> str:
    """``value`` as one of ``options``, whatever its case (``--format JSON``)."""
    low = value.strip().lower()
    if low not in options:
        raise UsageError(f"unknown {what} {echoed(value)}; choose from {', '.join(options)}")
    return low


def print_json(data: object) -> None:
    """JSON on stdout (web text in it has been through :func:`claimcheck.textsafe.plain`)."""
    from claimcheck.textsafe import json_text

    typer.echo(json_text(data))


# -- outputs -----------------------------------------------------------------------------------------
def same_file(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return os.path.realpath(a) == os.path.realpath(b)


def protected_inputs(
    db: Path | None, sources: str | Path | None = None, *, what: str = "the database"
) -> list[tuple[Path, str]]:
    """What an output must never overwrite, each with what it is: the database with its -wal, -shm and
    -journal files (beside the path given and beside the file it links to), and the sources.yaml in use."""
    out: list[tuple[Path, str]] = []
    if db is not None:
        for base in dict.fromkeys((Path(db), Path(os.path.realpath(db)))):
            out.append((base, what))
            out.extend((Path(f"{base}{s}"), f"{what}'s {s} file") for s in ("-wal", "-shm", "-journal"))
    with contextlib.suppress(OSError):  # (an empty --sources is bad usage: find_sources says so)
        out.append((find_sources(sources), "the sources.yaml in use"))
    # The files a later run reads as its outlets, in use now or not: a report there (created, or over the
    # user's own) would be every later command's "bad sources.yaml" in this folder.
    out.append((Path("sources.yaml"), "the sources.yaml claimcheck reads in this folder"))
    env = os.environ.get("CLAIMCHECK_SOURCES")
    if env:
        named = from_env("CLAIMCHECK_SOURCES", expand_home, env)
        out.append((named, "the sources file $CLAIMCHECK_SOURCES names"))
    return out


def inside_package(path: Path) -> Path | None:
    """claimcheck's own folder when ``path`` is in it (its code, the demo's corpus, the packaged
    sources.yaml: a checkout, with an editable install), else None."""
    import claimcheck

    package = Path(os.path.realpath(Path(claimcheck.__file__).parent))
    return package if Path(os.path.realpath(path)).is_relative_to(package) else None


def output_path(output: str | Path | None, *, inputs: Iterable[tuple[Path, str]] = ()) -> Path | None:
    """Check an ``-o`` path before any work is done; ``None`` (or ``-``) means stdout.

    Refuses (exit 2) a path that is one of ``inputs`` (symlinks and hard links resolved), a directory,
    or in a folder that does not exist or cannot be written."""
    if output is None or str(output) == "-":
        return None
    if not str(output).strip():  # `-o "$OUT"` with OUT unset or spaces: "." (a folder), or a file of spaces
        raise UsageError("the output file name is empty (or only spaces): give a file to write, or - for stdout")
    given = str(output)
    output = Path(output)
    if _only_an_extension(output):
        such = f", such as report{output.name.lower()}" if output.name.lower() in SUFFIX_FORMATS else ""
        raise UsageError(
            f"cannot write {given}: the name is only an extension (it makes a hidden file, and names no format); name the file{such}"
        )
    output = expand_home(output)  # -o=~/report.md: the shell left the "~" as it is
    try:  # a name longer than the file system takes, symlinks leading to each other: an internal error after the work
        os.stat(output)
    except OSError as e:
        if e.errno in (errno.ENAMETOOLONG, errno.ELOOP):
            raise UsageError(f"cannot write {cut(given, 120)}: {e.strerror}") from None
    for p, what in inputs:
        if same_file(output, p):
            raise UsageError(f"refusing to write {output}: it is {what} ({p})")
    package = inside_package(output)
    if package is not None:
        raise UsageError(f"refusing to write {output}: it is inside claimcheck's own package ({package})")
    if output.is_dir():
        raise UsageError(f"cannot write {output}: it is a directory")
    if _is_database(output):  # another store than the one read (that one is in inputs): a typo, or tab completion
        raise UsageError(f"refusing to write {output}: it is an SQLite database (a report never goes over one)")
    if (config := CONFIG_SUFFIXES.get(output.suffix.lower())) is not None:
        raise UsageError(f"refusing to write {output}: it looks like {config}, a configuration file (a report never is one)")
    if given.endswith(("/", os.sep)):  # Path("out/") is "out": the report went into a file of that name
        raise UsageError(f"cannot write {given}: it names a folder (a trailing /); give a file name in it")
    if is_stream(output):
        # /dev/stdout, a FIFO, a device: written in place, whatever its folder (/dev, /proc/self/fd)
        if not os.access(output, os.W_OK):
            raise UsageError(f"cannot write {output}: permission denied")
        return output
    parent = output.parent if str(output.parent) else Path(".")
    if not parent.is_dir():
        raise UsageError(f"cannot write {output}: {no_folder(parent)}")
    if not os.access(parent, os.W_OK) or (output.exists() and not os.access(output, os.W_OK)):
        raise UsageError(f"cannot write {output}: permission denied (read-only?)")
    return output


def _only_an_extension(path: Path) -> bool:
    """Whether the file's name is an extension alone (`-o .csv`, `-o out/.md`): a dot file has no suffix, so the
    terminal table was written into a hidden file named `.csv`, which neither `ls` nor a spreadsheet shows as
    asked. A name before the extension (`.report.csv`, a hidden file on purpose) is the user's to choose."""
    name = path.name.lower()
    return name in SUFFIX_FORMATS or name in FOREIGN_SUFFIXES or name in CONFIG_SUFFIXES


def _is_database(path: Path) -> bool:
    """Whether ``path`` is a regular file that starts as an SQLite database does. ``compare x -o old.db``
    wrote the report over a claimcheck store that was not the one in use (only that one was refused)."""
    try:
        if not path.is_file():
            return False
        with path.open("rb") as f:
            return f.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def write_output(path: Path | None, text: str) -> None:
    """Write ``text`` to ``path``, or to stdout when ``path`` is None.

    A file is replaced whole or not at all: the text goes to a temporary file beside it, renamed over
    it once complete, so a write that fails (disk full, Ctrl-C, a text that cannot be encoded) leaves
    the previous report as it was, never cut short."""
    if path is None:
        typer.echo(text, nl=False)
        return
    try:
        _replace_file(path, text.encode("utf-8"))
    except BrokenPipeError:
        raise  # -o /dev/stdout into `| head -1`: a quiet end, as for stdout
    except OSError as e:
        raise UsageError(f"cannot write {path}: {e.strerror or e}") from None


def is_stream(path: Path) -> bool:
    """Whether ``-o path`` writes into a stream (stdout, stderr, a FIFO, a device), not a file of its own."""
    return stream_fd(path) is not None or (path.exists() and not path.is_file())


def stream_fd(path: Path) -> int | None:
    """1 or 2 when ``path`` is where this process's stdout or stderr goes (/dev/stdout, /dev/fd/2,
    /proc/self/fd/1, or the file they are redirected to), else None."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    for fd in (1, 2):
        with contextlib.suppress(OSError):
            out = os.fstat(fd)
            if (out.st_dev, out.st_ino) == (st.st_dev, st.st_ino):
                return fd
    return None


def _replace_file(path: Path, data: bytes) -> None:
    fd = stream_fd(path)
    if fd is not None:
        # The stream itself, as it was opened: a pipe (which /proc names "pipe:[...]", no file to rename
        # over), or a log opened for appending (`>> log`), which a file renamed over it would replace.
        (sys.stdout if fd == 1 else sys.stderr).flush()
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        return
    target = path.resolve()  # through a symlink: the file it names is the one replaced
    try:
        st: os.stat_result | None = target.stat()
    except FileNotFoundError:
        st = None
    if st is not None and (not stat.S_ISREG(st.st_mode) or st.st_nlink > 1):
        target.write_bytes(data)  # a FIFO, a device, a file with other hard links: written in place
        return
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # the umask applies, as to a new file
    except PermissionError:  # a writable file in a folder that is not: written in place
        target.write_bytes(data)
        return
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        if st is not None:
            os.chmod(tmp, stat.S_IMODE(st.st_mode))
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
