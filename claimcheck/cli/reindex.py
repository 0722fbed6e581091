"""`claimcheck reindex`: re-extract every stored article's claims (ingest/reindex.py), with a progress bar."""

from __future__ import annotations

import signal

import typer

from claimcheck.cli.common import (
    DbOption,
    JsonOption,
    QuietOption,
    SourcesOption,
    err_console,
    handle_errors,
    load_sources,
    note,
    open_store,
    print_json,
    progress_on_stderr,
    sigterm_as_ctrl_c,
)
from claimcheck.values import counted


@handle_errors
def reindex(
    as_json: JsonOption = False,
    quiet: QuietOption = False,
    db: DbOption = None,
    sources: SourcesOption = None,
) -> None:
    """Re-extract the claims of every stored article (after the claim extractor changed). Safe to stop."""
    from claimcheck.ingest.reindex import reindex as run  # the claim extractors: only for this command

    cfg = load_sources(sources)
    store = open_store(db, create=False)
    try:
        with sigterm_as_ctrl_c() as term, progress_on_stderr(quiet or as_json) as progress:
            task = progress.add_task("reindex", total=None)
            report = run(
                store, cfg, progress=lambda done, total: progress.update(task, completed=done, total=total)
            )
    finally:
        store.close()
        from claimcheck.cli import storycache

        storycache.clear()  # the stored shingles wire copies are found with may have changed
    done, total, claims = report.articles, report.of, report.claims
    if as_json:
        print_json({"articles": done, "of": total, "claims": claims, "interrupted": report.interrupted})
    elif report.interrupted:
        how = "stopped by SIGTERM" if term else "interrupted"
        err_console.print(f"{how} after {done:,} of {counted(total, 'article')}; each one done is saved")
    else:
        note(f"re-extracted claims for {counted(done, 'article')} ({counted(claims, 'claim')})", quiet)
    if report.interrupted:
        raise typer.Exit(128 + (term[0] if term else signal.SIGINT))
