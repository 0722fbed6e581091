"""tests/claims_eval's options: asking for help, or an option it does not know (a round's check flag run from an
older tree), measures nothing, so no held-out figure is printed by mistake."""

from __future__ import annotations

import pytest

from tests import claims_eval


def _no_measure(*_args: object, **_kwargs: object) -> None:
    raise AssertionError("measured")


def test_help_prints_usage_and_measures_nothing(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(claims_eval, "measure", _no_measure)
    claims_eval.main(["--help"])
    out = capsys.readouterr().out
    assert out.startswith("usage: python -m tests.claims_eval") and "--pages16-check" not in out
    assert "pages16" in out  # the rounds' names come from FRESH_ROUNDS


@pytest.mark.parametrize("arg", ["--pages99-check", "--tune-check", "pages16", "--holdout-misses"])
def test_unknown_option_exits_before_measuring(monkeypatch: pytest.MonkeyPatch, arg: str) -> None:
    monkeypatch.setattr(claims_eval, "measure", _no_measure)
    with pytest.raises(SystemExit) as exit_:
        claims_eval.main(["--tune", arg])
    assert f"unknown option {arg!r}" in str(exit_.value)


def test_known_check_flags_are_each_round() -> None:
    assert all(claims_eval._known_option(f"--{name}-check") for name in claims_eval.FRESH_ROUNDS)
    assert claims_eval._known_option("--pages6-check") and not claims_eval._known_option("--pages6")
