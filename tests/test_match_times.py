"""A count of "times" counts the event its verb tells: "transferred oil to the North 30 times" and "30 ship-to-ship
transfers" are one fact (two rows before, on a real tuning event). Other counts of times, ratios and other events
stay apart."""

from __future__ import annotations

from test_match_general import joined


def test_a_count_of_times_joins_the_count_of_its_event() -> None:
    # sanctions and shipping, ports, aviation
    assert joined("Satellite images showed tankers transferring fuel to the rebels' ships 30 times since October.",
                  "Analysts counted 30 ship-to-ship transfers of fuel to the rebels since October.")  # fmt: skip
    assert joined("The research vessel visited the disputed harbour 12 times last year, port logs show.",
                  "Port logs show 12 visits by the research vessel to the disputed harbour last year.")  # fmt: skip
    assert joined("The airline's new route was delayed 14 times in its first month, data show.",
                  "Data show 14 delays on the airline's new route in its first month.")  # fmt: skip


def test_times_of_another_event_or_a_ratio_stay_apart() -> None:
    # a ratio is no count of occasions
    assert not joined("The new rail link runs 30 times faster than the old line, engineers said.",
                      "Engineers said the rail link will carry 30 trains a day.")  # fmt: skip
    # two events: visits are not flights
    assert not joined("The minister visited the region 12 times this year.",
                      "The carrier added 12 flights to the region this year.")  # fmt: skip
