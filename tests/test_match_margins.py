"""A margin is not the count it is told in, nor a game's result (match/blocking ``margin_of``): "a three-run lead"
and "gave up three runs", "a 12-seat majority" and "won 12 seats", "a 2-1 lead" and "a 2-1 win" are two facts; "a
6-point lead" and "6 points ahead" are one. Invented sentences from sport and politics (mixed22: such rows were mixed
on real sport reporting)."""

from __future__ import annotations

from test_match_general import joined

from claimcheck.claims import extract_claims
from claimcheck.match.blocking import margin_of
from claimcheck.match.things import thing_key


def _margins(sentence: str) -> list[str | None]:
    return [margin_of(c, thing_key(c)) for c in extract_claims(sentence) if c.kind == "number"]


def test_the_words_around_a_figure_tell_a_margin() -> None:
    assert _margins("The Hawks blew a four-goal lead in the second half.") == ["margin"]
    assert _margins("The senator is 6 points ahead of her rival in the poll.") == ["margin"]
    assert _margins("The Owls led the table by seven points at Christmas.") == ["margin"]
    assert _margins("The Owls scored seven points in the last quarter.") == ["count"]
    # a margin of victory is a margin; people who lead a march are no margin
    assert _margins("The mayor won by about 4,000 votes.") == ["margin"]
    assert _margins("The march, led by 300 nurses, reached the square at noon.") == [None]
    # "behind bars", "ahead of" a date: no margin outside a margin's units
    assert _margins("The group says more than 900 protesters remain behind bars.") == [None]
    assert _margins("The bank will cut 300 jobs ahead of the merger.") == [None]
    # a particle is no state ("gave up"), a side "up" by so much may be either
    assert _margins("The keeper gave up three goals in the first half.") == ["count"]
    assert _margins("By the break the visitors were up three goals.") == [None]
    # a score: the noun after it ("a 2-1 win", "a 2-1 series lead"), none when the words leave it open
    assert _margins("The visitors sealed a 2-1 win in stoppage time.") == ["result"]
    assert _margins("The visitors took a 2-1 lead after an hour.") == ["margin"]
    assert _margins("The visitors lead the series 2-1 after Sunday.") == [None]


def test_a_margin_and_a_count_of_its_thing_are_two_facts() -> None:
    # sport: a lead of goals and goals conceded
    assert not joined("Rovers threw away a three-goal lead at home to the league leaders on Saturday.",
                      "The Rovers keeper conceded three goals at home to the league leaders on Saturday.")  # fmt: skip
    # politics: a majority of seats and the seats a party won
    assert not joined("The governing party now holds a 12-seat majority in the regional assembly.",
                      "The governing party won 12 seats in the regional assembly election.")  # fmt: skip


def test_a_lead_and_a_result_of_one_score_are_two_facts() -> None:
    # ice hockey and football: the score of a lead during a game and the final score of another game
    assert not joined("The Bears built a 3-1 lead in the second period against the Wolves.",
                      "The Bears beat the Wolves in the opening game with a 3-1 win.")  # fmt: skip
    assert not joined("United took a 2-0 lead before half-time against City.",
                      "United's 2-0 victory over City came in the autumn.")  # fmt: skip


def test_one_margin_told_two_ways_stays_one_fact() -> None:
    # polling: a lead in points and the points one is ahead by
    assert joined("The senator holds a 6-point lead over her rival in the latest state poll.",
                  "The senator is 6 points ahead of her rival in the latest state poll.")  # fmt: skip
    # sport: a lead in games and the games one leads by
    assert joined("The Rangers entered the final month with a seven-game lead over the Hawks in the division.",
                  "The Rangers led the Hawks by seven games in the division entering the final month.")  # fmt: skip
    # one result told twice
    assert joined("The Bears beat the Wolves with a 3-1 win on Friday night.",
                  "The Bears' 3-1 victory over the Wolves came on Friday night.")  # fmt: skip


def test_a_margin_of_victory_told_two_ways_stays_one_fact() -> None:
    # elections: won by so many votes, a margin of so many votes
    assert joined("Mayor Okafor won re-election by about 4,000 votes on Sunday, official results show.",
                  "Okafor, re-elected on Sunday with 54 percent, had a margin of some 4,000 votes.")  # fmt: skip
