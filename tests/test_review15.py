"""Round review15: bugs found in the day's changes (facts15, claims15, stories15, storyinc, bughunt15), each with
sentences written here from other kinds of news."""

from __future__ import annotations

from test_match_conflicts import conflict

# --- facts15: a scope word inside a body's name is no scope -----------------------------------------------------
# conflicts.same_scope read "National", "International", "Global", "Regional", "Foreign" anywhere in a sentence
# as a place scope, so a credit to "the National Weather Service" or "Amnesty International" made two reports
# of one figure two counts: a genuine conflict was never shown.


def test_a_scope_word_in_a_body_name_does_not_hide_a_conflict() -> None:
    # weather
    assert conflict("The storm destroyed 340 homes, the National Weather Service said.",
                    "The storm destroyed 310 homes, the mayor said.")  # fmt: skip
    # science / disasters
    assert conflict("The earthquake killed 38 people, the Global Seismic Network said.",
                    "The earthquake killed 34 people, local officials said.")  # fmt: skip
    # business
    assert conflict("The carmaker cut 450 jobs, National Public Radio reported.",
                    "The carmaker cut 420 jobs, the union said.")  # fmt: skip
    # courts
    assert conflict("The jury awarded the family $3.6 million, Amnesty International said.",
                    "The jury awarded the family $3.2 million, their lawyer said.")  # fmt: skip
    # transport
    assert conflict("The ferry was carrying 221 passengers, the International Maritime Bureau said.",
                    "The ferry was carrying 212 passengers, the coast guard said.")  # fmt: skip
    # strikes / foreign news
    assert conflict("The strike grounded 130 flights, the Foreign Office said.",
                    "The strike grounded 120 flights, the airline said.")  # fmt: skip
    # health
    assert conflict("The outbreak sickened 68 pupils, the Regional Health Authority said.",
                    "The outbreak sickened 64 pupils, the head teacher said.")  # fmt: skip


def test_a_scope_word_of_its_own_still_tells_two_counts() -> None:
    # the rule it must keep: a lower-case scope word, or one opening the sentence, is a scope
    assert not conflict("Nationwide, the storm destroyed 340 homes, officials said.",
                        "The storm destroyed 310 homes in the city, officials said.")  # fmt: skip
    assert not conflict("The virus has killed 68 people nationally, the health ministry said.",
                        "The virus has killed 64 people in the region, the health ministry said.")  # fmt: skip
    assert not conflict("Globally, the firm cut 450 jobs, the company said.",
                        "The firm cut 420 jobs at home, the company said.")  # fmt: skip


# --- facts15: what one side asks for is not what was decided ---------------------------------------------------
# conflicts.potential took "faces up to 10 years" apart from "was sentenced to 8 years", but "prosecutors sought
# 14 years" / "was sentenced to 12 years" showed as one figure in conflict: a demand and an outcome are two facts.


def test_a_demand_never_conflicts_with_the_outcome() -> None:
    # courts
    assert not conflict("Prosecutors sought 14 years in prison for the banker.",
                        "The judge sentenced the banker to 12 years in prison.")  # fmt: skip
    # labour / business
    assert not conflict("The nurses' union demanded a 9 percent pay rise from the health board.",
                        "The health board gave the nurses a 7 percent pay rise.")  # fmt: skip
    # civil courts
    assert not conflict("The family asked for $4.5 million in damages from the ski resort.",
                        "The ski resort was ordered to pay the family $3.8 million in damages.")  # fmt: skip
    # sport: a transfer fee asked and paid
    assert not conflict("The club is seeking 60 million euros for the goalkeeper.",
                        "The goalkeeper joined the rival club for 52 million euros.")  # fmt: skip


def test_two_demands_told_differently_still_conflict() -> None:
    assert conflict("Prosecutors sought 14 years in prison for the banker, court papers show.",
                    "Prosecutors sought 12 years in prison for the banker, court papers show.")  # fmt: skip


# --- facts15: "a total of" is no scope ------------------------------------------------------------------------
# conflicts' scope words counted "total" anywhere, so "a total of 48 people died" and "45 people died" were two
# counts: the conflict was never shown.


def test_a_total_of_states_the_count() -> None:
    # transport
    assert conflict("A total of 48 people died in the bus crash, police said.",
                    "Police said 45 people died in the bus crash.")  # fmt: skip
    # elections
    assert conflict("The Greens won a total of 42 seats in the city council election.",
                    "The Greens won 39 seats in the city council election.")  # fmt: skip
    # a total set against a part is still two counts
    assert not conflict("In total, 48 people died in the floods across the region, officials said.",
                        "Officials said 45 people died in the floods in the capital.")  # fmt: skip


# --- claims15: a nationality or a language named no paper; a day or a month is no publisher --------------------
# The pages9 rule "told the Northern Courier daily" credited the word before the press noun unless it had an
# adjective's ending of nationality or stood in the lists: "told the Kuwaiti daily", "the Somali radio", "the
# Afrikaans newspaper" credited "Kuwaiti", "Somali", "Afrikaans". And "figures published by Monday" (the new
# rule for a document a body released) credited "Monday", as the older rules did "a report published by Friday".


def _cites(sentence: str) -> list[str]:
    from claimcheck.claims.citations import find_credits

    return [c.cites for c in find_credits(sentence, {})]


def test_a_nationality_or_a_language_before_a_press_noun_names_no_paper() -> None:
    for people in ("Kuwaiti", "Bangladeshi", "Nepali", "Somali", "Uzbek", "Scots", "Afrikaans", "Pashto"):
        assert _cites(f"The striker told the {people} daily that he would stay.") == [], people
    # names still are, before the noun or after the nationality
    assert _cites("The mayor told the Asahi newspaper that she would run again.") == ["Asahi"]
    assert _cites("The coach told the Kuwaiti daily Al-Rai that the club was sold.") == ["Al-Rai"]


def test_a_day_or_a_month_after_by_is_no_publisher() -> None:
    assert _cites("The inflation figures published by Monday will show the trend.") == []
    assert _cites("The figures released by Tuesday showed 12 schools failing.") == []
    assert _cites("The flood report published by Friday showed 300 homes damaged.") == []
    assert _cites("The audit data compiled by March showed a fall in fraud.") == []
    # a body still is
    assert _cites("The figures released by the Schools Inspectorate showed 12 schools failing.") == [
        "Schools Inspectorate"
    ]
