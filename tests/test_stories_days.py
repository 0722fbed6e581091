"""One event told over a week (the attack, a rising toll, the funerals, an arrest, a charge) is one story; two
other events of the same country and the same prime minister that week (a budget vote, trade talks with a
neighbour) are two stories, though their reports share the country's, the capital's and the leader's names.
Fixtures are invented and written in our own words."""

from __future__ import annotations

from claimcheck.stories import StoryOptions, group
from tests.test_stories import art, sample, unrelated

ATTACK = [  # (hours after the first report, outlet, title, text)
    (0, "a1", "Bomb blast at Kessel market kills 14",
     "A bomb exploded at the crowded Darro market in the northern city of Kessel on Monday morning, killing at "
     "least 14 people and wounding dozens, police in Varnland said. Stallholders were setting up for the weekly "
     "fair when the device went off near the fish stalls. Hospitals in Kessel appealed for blood donors."),
    (2, "a2", "At least 14 dead in Kessel market explosion",
     "An explosion tore through the Darro market in Kessel, Varnland, early on Monday. Officials said 14 people "
     "died and more than 40 were hurt. Witnesses described stalls thrown into the air and smoke over the old "
     "quarter. No group has said it carried out the attack."),
    (3, "a3", "Varnland: deadly bombing hits Kessel's Darro market",
     "Rescue teams searched the wreckage of the Darro market after Monday's bombing in Kessel, which local "
     "officials say killed 14. Interior minister Ilse Brandvold travelled to the city and promised that those "
     "responsible would be found."),
    (26, "a4", "Kessel bombing death toll rises to 19",
     "The number of people killed in Monday's bomb attack on the Darro market in Kessel has risen to 19, "
     "hospital officials said on Tuesday, as five of the wounded died overnight. Flags flew at half mast across "
     "Varnland."),
    (30, "a5", "Varnland mourns as Kessel victims are buried",
     "Thousands gathered in Kessel on Tuesday for the funerals of victims of the market bombing. Prime minister "
     "Olaf Tessaro called the attack an act of cowardice and declared three days of national mourning."),
    (98, "a6", "Police arrest suspect over Kessel market attack",
     "Police in Varnland have arrested a 27-year-old man suspected of planting the bomb that killed 19 people at "
     "the Darro market in Kessel. Interior minister Ilse Brandvold said the suspect was detained in a raid on a "
     "flat in the capital, Orsa, on Thursday night."),
    (124, "a7", "Kessel bomb suspect charged with murder",
     "A man arrested over the bombing of Kessel's Darro market appeared in court in Orsa on Friday and was "
     "charged with 19 counts of murder. Prosecutors said he had bought the explosives online."),
]  # fmt: skip
BUDGET = [
    (10, "b1", "Varnland parliament passes budget with defence rise",
     "Lawmakers in Orsa approved Varnland's budget for next year on Monday evening, raising defence spending by "
     "a tenth. Prime minister Olaf Tessaro said the plan would also fund new rail lines in the north."),
    (12, "b2", "Varnland budget approved after all-night debate",
     "Varnland's parliament passed the government's spending plan after an all-night session in Orsa, with more "
     "money for the army and for northern railways, and cuts to farm subsidies."),
]  # fmt: skip
TRADE = [
    (60, "b3", "Tessaro meets Halden leader for trade talks",
     "Varnland's prime minister Olaf Tessaro met Halden's president in the border town of Grenmark on "
     "Wednesday to discuss tariffs on timber and fish, the two governments said."),
    (62, "b4", "Varnland and Halden agree to cut timber tariffs",
     "Varnland and Halden agreed on Wednesday to halve tariffs on timber and lower duties on fish, after talks "
     "between prime minister Olaf Tessaro and Halden's president in Grenmark."),
]  # fmt: skip


def _stories(options: StoryOptions | None = None) -> dict[str, int]:
    """Each fixture's outlet -> its story, grouped among the sample stories and 300 articles of other news."""
    ours = [art(o, t, x, h, f"{o}-{k}") for k, (h, o, t, x) in enumerate(ATTACK + BUDGET + TRADE)]
    arts = [*sample(), *ours, *unrelated(300)]
    story = {i: k for k, g in enumerate(group(arts, options)) for i in g}
    return {a.outlet: story[arts.index(a)] for a in ours}


def _one(story: dict[str, int], items: list[tuple[float, str, str, str]]) -> bool:
    return len({story[o] for _, o, _, _ in items}) == 1


def test_an_event_reported_over_a_week_is_one_story() -> None:
    for options in (None, StoryOptions(cohesion_pair=0.0)):
        story = _stories(options)
        assert _one(story, ATTACK)
        assert _one(story, BUDGET) and _one(story, TRADE)
        assert story["a1"] != story["b1"] and story["a1"] != story["b3"]


def test_two_events_of_one_country_and_leader_the_same_week_stay_apart() -> None:
    story = _stories()
    assert story["b1"] != story["b3"]  # the budget vote and the trade talks
    # without the pair's cohesion, the two pairs merge through Varnland, Orsa and Tessaro alone, and the short
    # texts' clock parts them again (round 16: what entries days apart owe to one name alone fades)
    without = _stories(StoryOptions(cohesion_pair=0.0))
    assert without["b1"] != without["b3"]
    without = _stories(StoryOptions(cohesion_pair=0.0, short_one=False))
    assert without["b1"] == without["b3"]
