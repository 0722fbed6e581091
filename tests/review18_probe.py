"""review18's probe: invented sentences and pairs (none from a real article), read by the real extractor and
matcher, printed one line each so two trees' outputs can be diffed (``python -m tests.review18_probe``).

Statements: (expected, sentence); expected True = a checkable statement is fine, False = noise in ``compare``.
Number pairs: (a, b, expected join) of two outlets an hour apart; conflicts and evolutions are printed too.
Quote pairs: (a, b, expected join)."""

from __future__ import annotations

import sys

STATEMENTS: list[tuple[bool, str, str]] = [
    # opinion columns
    (False, "opinion", "Frankly, the council's decision to close the library was a mistake from the start."),
    (False, "opinion", "Nobody in Westminster seems to have noticed that the trains stopped running on time."),
    (False, "opinion", "The minister's speech was a masterclass in saying nothing at great length."),
    (False, "opinion", "It is hard to see how Harlow Council can justify another rise in parking fees."),
    (False, "opinion", "Voters in Dunmore deserve better than the tired slogans of the last campaign."),
    (False, "opinion", "History will not judge the Marlow administration kindly for this."),
    # sports reports
    (True, "sport", "Dunmore Rovers beat Harlow City 3-1 at Park Lane on Saturday."),
    (True, "sport", "Keane scored twice in the second half as Rovers climbed to fourth in the table."),
    (False, "sport", "What a finish from the Rovers captain!"),
    (False, "sport", "Full-time: Dunmore Rovers 3 Harlow City 1."),
    (True, "sport", "The Australian opener Mia Tran was named player of the match."),
    (False, "sport", "Man of the match: Jake Moss (Rovers)."),
    (False, "sport", "Team news: Moss returns, Keane on the bench."),
    # reviews
    (False, "review", "Ivo Marsh's new novel is a slow, strange and ultimately rewarding book."),
    (False, "review", "The Harbour Grill serves the best fish stew in the county, and the service is warm."),
    (False, "review", "Verdict: four stars for a brave if uneven production."),
    (True, "review", "The production opened at the Lyric Theatre on Tuesday and runs until March."),
    (False, "review", "Marsh's prose has never been sharper, though the ending drags."),
    # obituaries
    (True, "obituary", "Rosa Quint, the painter who founded the Harbour Arts School, has died."),
    (True, "obituary", "She was born in Dunmore and studied at the Royal College of Art."),
    (False, "obituary", "She is survived by her husband, two daughters and five grandchildren."),
    (False, "obituary", "Rosa Quint, painter, born 4 March 1941; died 2 November 2026."),
    # live blogs
    (False, "live", "14:32 GMT: We are waiting for the Prime Minister to arrive."),
    (False, "live", "Key events Show key events only Please turn on JavaScript to use this feature."),
    (False, "live", "Live: Storm Elin latest updates as Met Office issues warnings."),
    (True, "live", "The Met Office has issued an amber warning for wind across the north-west."),
    (False, "live", "That's all from us for tonight, thanks for following along."),
    (False, "live", "Refresh for the latest updates from Parliament."),
    # press releases
    (False, "press", "Acme Corp is a leading provider of cloud solutions for small businesses."),
    (False, "press", "For more information, visit www.acme.example or call our media team."),
    (True, "press", "Acme Corp today announced the acquisition of Brightline Software for an undisclosed sum."),
    (False, "press", "About Brightline: Brightline builds tools that help teams work better together."),
    (False, "press", "Media contact: Jo Lee, Acme Corp press office."),
    (False, "press", "This press release contains forward-looking statements within the meaning of the Act."),
    # captions
    (False, "caption", "Rescue workers search the rubble in Dunmore on Monday (Photo: Jo Lee/Reuters)"),
    (False, "caption", "The Harlow Bridge, pictured in 2019, was closed last week. Image: Harlow Council"),
    (False, "caption", "Firefighters at the scene of the blaze in Marlow. Photograph: PA"),
    (False, "caption", "Mia Tran celebrates after winning the final in Perth."),
    # navigation furniture
    (False, "nav", "Home News World Europe Politics Business Sport"),
    (False, "nav", "Skip to main content Accessibility help Your account Home News"),
    (False, "nav", "Back to top of page Terms and Conditions Cookie Settings"),
    (False, "nav", "Previous article Next article Trending in Politics"),
    (False, "nav", "Most Popular Jake Moss jailed over Leeds raid Storm Elin hits coast"),
    (False, "nav", "Follow BBC News on Twitter and Instagram for more stories."),
    (False, "nav", "Sign in to your Gazette account to continue reading this article."),
    # corrections
    (True, "correction", "Correction: An earlier version of this article said Rosa Quint was born in Harlow; she was born in Dunmore."),
    (False, "correction", "This article was amended on 3 December 2026 to correct a spelling error."),
    (True, "correction", "An earlier version misstated the name of the Harlow Council leader, who is Tom Hale."),
    # news that must stay statements
    (True, "news", "Police arrested a man in Leeds after the raid on the jeweller's shop."),
    (True, "news", "The European Commission fined Brightline Software over its contracts."),
    (True, "news", "Marla Voss was elected mayor of Harlow on Thursday."),
    (True, "news", "The court in Dunmore convicted Jake Moss of fraud last month."),
    (True, "news", "Harlow Council approved the new bus lane on Wednesday night."),
    (True, "news", "The Dunmore hospital trust suspended two surgeons after the inquiry."),
    (True, "news", "Senator Rosa Quint voted against the bill, her office confirmed."),
    (True, "news", "Storm Elin damaged hundreds of roofs across Cornwall overnight."),
    (True, "news", "The UN Security Council extended the mission in Belmora for a year."),
    (True, "news", "Ivo Marsh won the Harbour Prize for fiction on Monday night."),
    # borderline news furniture
    (False, "furniture", "Updated 3 December 2026 at 10:15 GMT"),
    (False, "furniture", "By Jo Lee, Political Correspondent, BBC News"),
    (False, "furniture", "Share this with Facebook Twitter WhatsApp Email"),
    (False, "furniture", "Have your say: what do you think of the council's plans?"),
    (False, "furniture", "Got a story? Email our newsdesk at news@gazette.example"),
    (False, "furniture", "Listen to the latest episode of the Gazette Politics Podcast."),
    (False, "furniture", "Sponsored: How Acme Corp helped one Harlow bakery grow."),
    # credits and more news kinds
    (True, "cite", "The ministry confirmed the closure of the border crossing, according to Reuters."),
    (True, "cite", "Jake Moss told the Harlow Gazette he would appeal against the ruling."),
    (True, "cite", "The Associated Press reported that the rebels seized the airport in Kesri."),
    (False, "cite", "According to a Gazette reader poll, most people think the plan is a bad idea."),
    (True, "science", "Researchers at Dunmore University published the trial results in The Lancet on Friday."),
    (False, "science", "The findings could one day help doctors spot the disease earlier."),
    (True, "weather", "The Met Office recorded the wettest November in Wales since records began."),
    (False, "weather", "Tomorrow will be cloudy with sunny spells in the east and showers in the west."),
    (True, "health", "The NHS trust cancelled planned operations at Harlow General because of the strike."),
    (False, "health", "Symptoms include a high temperature, a new cough and a loss of taste or smell."),
    (True, "courts", "Judge Ivo Marsh sentenced Voss at Harlow Crown Court on Friday."),
    (False, "courts", "The case continues."),
    (False, "courts", "Proceedings were adjourned until a date to be fixed."),
    (True, "business", "Acme Corp bought the Harlow bakery chain Crumbs for an undisclosed sum in 2024."),
    (False, "business", "Shares of Acme Corp are traded on the Nasdaq under the symbol ACME."),
    (False, "culture", "Tickets are on sale now from the Lyric Theatre box office."),
    (False, "culture", "The Harbour Prize, now in its tenth year, celebrates the best new fiction."),
    (False, "listings", "Opening hours: Monday to Friday 9am to 5pm; closed on bank holidays."),
    (False, "quote-head", "Tom Hale: 'The council has let this town down'"),
    (False, "nav", "Topics: Harlow Council, Local Elections, Transport"),
    (False, "nav", "More on this story: Storm Elin closes schools in Cornwall"),
    (False, "social", "Posted by Jo Lee on Facebook on Tuesday: so sad to hear the news from Harlow."),
    # past verbs of action or finding, in news and in noise
    (False, "review", "Critics found the sequel tiresome and overlong."),
    (False, "review", "Marsh gave the performance of his career as the ageing king."),
    (True, "review", "Ivo Marsh starred as the king in the 2019 film of the play."),
    (False, "sport", "Rovers showed real fight after the break but lacked a cutting edge."),
    (False, "obituary", "He loved jazz, cricket and long walks on Harlow Common."),
    (True, "live", "Jo Lee has just arrived at Harlow Crown Court with her lawyers."),
    (False, "caption", "Supporters gathered outside Harlow Town Hall on Tuesday."),
    (False, "press", "Acme Corp has been recognised as a Great Place to Work for the third year running."),
    (False, "correction", "We apologise for the error."),
    (True, "science", "The study found that adults in Dunmore who walked daily lived longer."),
    (True, "science", "Researchers discovered a new species of frog in the forests of Belmora."),
    (True, "news", "Police found the body of a man in the River Ash on Sunday."),
    (True, "news", "The review found serious failings in maternity care at Harlow General."),
    (False, "recipe", "Preheat the oven and line a tray with baking paper."),
    (False, "horoscope", "Aries: a surprise meeting will change your plans this week."),
    (False, "bio", "Jo Lee is a reporter for the Harlow Gazette covering crime and courts."),
    (False, "bio", "Ivo Marsh is a senior fellow at the Dunmore Institute and a former adviser to the Treasury."),
    (False, "bio", "Rosa Quint is the author of The Long Shore, published by Harbour Books."),
    (False, "furniture", "This story was originally published by the Harlow Gazette."),
    (False, "furniture", "A version of this article appeared in print in the Sunday edition of the Gazette."),
    (False, "furniture", "Ana Reyes contributed to this report from Kesri."),
    (False, "furniture", "The views expressed in this column are the author's own."),
    (False, "listicle", "Best for: families with young children and dog owners."),
    (False, "nav", "Jake Moss jailed over Leeds raid | Storm Elin closes schools | Acme buys Brightline"),
]

NUMBER_PAIRS: list[tuple[str, str, bool, str]] = [
    # one fact in other words: should join
    ("The storm left 1.2 million homes without power, the utility said.",
     "The utility said 1,200,000 homes were left without power by the storm.", True, "million form"),
    ("The strike involved 12 unions across the country.", "A dozen unions took part in the strike across the country.", True, "dozen"),
    ("The crash killed three people on the motorway.", "The motorway crash killed 3 people.", True, "word figure"),
    # different facts: must not join
    ("The crash killed 12 people on the motorway, police said.",
     "Police said 12 people were injured in the motorway crash.", False, "dead/injured"),
    ("The company sold 3 million phones in Europe last year.",
     "The company sold 3 million phones worldwide in the first quarter.", False, "scope/time"),
    ("Keane scored 12 points in the first half.", "Moss scored 12 points in the first half.", False, "holders"),
    ("Unemployment in Ohio rose to 5.2 percent in March.", "Unemployment in Texas rose to 5.2 percent in March.", False, "places"),
    ("The museum had 2 million visitors in 2024.", "The museum had 2 million visitors in 2023.", False, "years"),
    ("The firm will cut 300 roles at its Leeds site.", "The theatre company has cast 300 roles this season.", False, "roles"),
    ("The council employs 1,500 staff.", "The council has 1,500 volunteers.", False, "staff/volunteers"),
    ("The fire destroyed 40 homes in the village.", "The fire forced 40 families from the village.", False, "homes/families"),
    ("A dozen people were arrested after the match.", "A dozen officers were injured after the match.", False, "arrested/officers"),
    ("Half a million people marched in the capital on Saturday.",
     "The government spent 500,000 pounds on policing the march on Saturday.", False, "people/money"),
    ("The club paid £40 million for the striker.", "The striker earns £40 million a year at the club.", False, "fee/wage"),
    ("The airline carried 4.5 million passengers in June.", "The airline carried 4.5 million passengers in July.", False, "months"),
    ("Temperatures reached 40C in Seville on Tuesday.", "Temperatures reached 40C in Madrid on Wednesday.", False, "place/day"),
    ("The vaccine was 90 percent effective in adults.", "The vaccine was 90 percent effective in children.", False, "groups"),
    ("Moss, 34, was jailed for six years.", "Hale, 34, was jailed for four years.", False, "two persons ages"),
    ("The bill passed by 312 votes to 290.", "The amendment was rejected by 312 votes to 290.", False, "two votes"),
    ("The trust treated 2,300 patients in the first week of December.",
     "The trust treated 2,300 patients in the last week of December.", False, "weeks"),
    # number forms that are not the same figure or thing
    ("Dozens of people were hurt when the stand collapsed.", "Twelve people were hurt when the stand collapsed.", False, "dozens/12"),
    ("The council spent £1.2bn on the new tram line.", "The council spent $1.2bn on the new tram line.", False, "pound/dollar"),
    ("The firm was fined 1.5 million euros.", "The firm was fined 1.5 billion euros.", False, "million/billion"),
    ("Half of the staff will work from home.", "The firm cut 50% of its budget for offices.", False, "half/50%"),
    ("A third of voters backed the plan.", "33% of voters backed the plan.", True, "third/33%"),
    ("The company will cut 300 posts at its Leeds plant.", "The ministry deleted 300 posts from its social media accounts.", False, "posts"),
    ("The club will build 400 homes on the old ground.", "The floods destroyed 400 homes in the valley.", False, "built/destroyed homes"),
    ("Between 20 and 30 people were evacuated from the block.", "Police said 25 people were evacuated from the block.", False, "range/exact (no conflict)"),
    ("The wall is 1m high.", "The club was fined 1m euros.", False, "metre/million"),
    ("A hundred firefighters fought the blaze.", "100 firefighters fought the blaze.", True, "hundred"),
    ("The deputy prime minister earns 150,000 pounds.", "The prime minister earns 150,000 pounds.", False, "roles"),
    ("Sales rose 4% in the first quarter.", "Sales fell 4% in the first quarter.", False, "rise/fall"),
    ("The city aims to plant 10,000 trees by 2030.", "The city planted 10,000 trees in 2023.", False, "target/done years"),
    ("Keane has scored 12 goals this season.", "Keane has scored 12 goals in his career.", False, "season/career"),
    ("Five men were charged over the riot.", "Five women were charged over the riot.", False, "men/women"),
    ("Three children died in the fire.", "Three adults died in the fire.", False, "children/adults"),
    ("The airport handled 20 million passengers last year.", "The airport expects 20 million passengers next year.", False, "last/next year"),
]

QUOTE_PAIRS: list[tuple[str, str, bool, str]] = [
    ('"We will not back down," the union leader Jo Lee said.',
     "The union leader Jo Lee said: \u201cWe will not back down.\u201d", True, "curly"),
    ('"We will not back down," the union leader Jo Lee said.',
     '"We will back down," the union leader Jo Lee said.', False, "negation"),
    ('"We lost 40 homes in one night," the mayor Marla Voss said.',
     '"We lost 14 homes in one night," the mayor Marla Voss said.', False, "number in quote"),
    ('"The council failed the families of this town," the campaigner Tom Hale said.',
     '"[Harlow Council] failed the families of this town," the campaigner Tom Hale said.', True, "bracket"),
    ('"The council failed the families of this town," the campaigner Tom Hale said.',
     '"The council never failed the families of this town," the council leader Ivo Marsh said.', False, "denial"),
    ('"This is the proudest day of my life," the striker Jake Moss said.',
     '"This is the proudest day of my life," the sprinter Mia Tran said.', False, "speakers"),
    ('"We are confident the bridge is safe," a spokesman for Harlow Council said.',
     '"We are not confident the bridge is safe," a spokesman for Harlow Council said.', False, "not"),
    ('"I did everything I could to save the business," Voss told the court.',
     '"I did everything I could to save the business ... and I failed," Voss told the court.', True, "ellipsis"),
]


def _statements() -> list[str]:
    from claimcheck.claims import extract_claims

    out = []
    for expected, kind, text in STATEMENTS:
        claims = extract_claims(text)
        got = any(c.kind == "statement" for c in claims)
        other = ",".join(sorted({c.kind for c in claims if c.kind not in ("statement", "citation")}))
        other += " cites=" + ",".join(str(c.cites) for c in claims if c.kind == "citation")
        mark = "ok " if got == expected else "BAD"
        out.append(f"S {mark} {kind:10} stmt={int(got)} other={other or '-'} | {text}")
    return out


def _pairs(pairs: list[tuple[str, str, bool, str]], kind: str) -> list[str]:
    sys.path.insert(0, "tests")
    from test_match_conflicts import _facts

    out = []
    for a, b, expected, note in pairs:
        if kind == "number":
            facts = _facts(a, b)
        else:
            from test_match_general import OUTLETS, told

            from claimcheck.match.pipeline import match_facts
            from claimcheck.match.rules import MatchOptions

            arts = [told("bbc", a, hour=0), told("cbs", b, hour=1)]
            facts = [f for f in match_facts(arts, OUTLETS, MatchOptions()) if f.kind == "quote"]
        joined = [f for f in facts if len(f.outlets) == 2]
        got = bool(joined)
        flags = "".join(("C" if f.conflicts else "") + ("E" if f.evolving else "") for f in facts)
        mark = "ok " if got == expected else "BAD"
        rows = "; ".join(f.summary[:60] for f in joined)
        out.append(f"{kind[0].upper()} {mark} {note:18} join={int(got)} flags={flags or '-'} {rows} | {a} || {b}")
    return out




# --- stories: (outlet, title, text, hours, event) --------------------------------------------------------------
# Two events of one subject within a week (must stay apart), and one event told in feed entries of very different
# lengths (must stay together). Made-up names, our own words.
_LONG = (
    " The council said engineers had inspected the structure overnight and found a crack in one of the main"
    " supports, which they described as serious but repairable. Traffic is being sent through the town centre,"
    " adding up to forty minutes to journeys at peak times, and bus routes have been changed. Local businesses"
    " on the far bank said trade had fallen sharply since the closure. The council leader said repairs would"
    " begin next week and that the bridge should reopen before the spring, though she warned that the cost had"
    " not yet been worked out and that the government would be asked to help pay for it."
)
STORIES: dict[str, list[tuple[str, str, str, float, str]]] = {
    "company: results then chief quits (3 days)": [
        ("o1", "Brightline profits fall by a fifth", "Brightline Software said profits fell 20% in the third quarter as clients cut spending.", 0, "results"),
        ("o2", "Brightline shares slide after weak quarter", "Shares in Brightline Software dropped after the company reported lower quarterly profit.", 2, "results"),
        ("o3", "Brightline results disappoint", "", 3, "results"),
        ("o1", "Brightline chief executive Ana Reyes resigns", "Ana Reyes is stepping down as chief executive of Brightline Software after six years.", 72, "ceo"),
        ("o4", "Brightline boss quits", "The head of Brightline Software, Ana Reyes, has resigned, the company said.", 73, "ceo"),
    ],
    "footballer: injury then transfer (5 days)": [
        ("o1", "Teo Barkas out for season with knee injury", "Dunmore Rovers striker Teo Barkas will miss the rest of the season after tearing a knee ligament.", 0, "injury"),
        ("o2", "Barkas injury blow for Rovers", "Rovers have lost Teo Barkas to a knee injury suffered in Saturday's win.", 4, "injury"),
        ("o3", "Teo Barkas joins Harlow City on loan", "Injured striker Teo Barkas has moved to Harlow City on loan from Dunmore Rovers.", 120, "loan"),
        ("o4", "Harlow City sign Barkas", "Harlow City have signed Teo Barkas on a season-long loan despite his knee injury.", 121, "loan"),
    ],
    "town: fire then election (4 days)": [
        ("o1", "Fire destroys Harlow warehouse", "A fire destroyed a warehouse on the Harlow industrial estate overnight.", 0, "fire"),
        ("o2", "Huge blaze at Harlow depot", "Firefighters spent hours tackling a blaze at a Harlow warehouse.", 1, "fire"),
        ("o3", "Harlow elects Marla Voss as mayor", "Marla Voss won the Harlow mayoral election by 2,000 votes.", 96, "election"),
        ("o4", "Voss wins Harlow mayor race", "Harlow voters chose Marla Voss as their new mayor on Thursday.", 97, "election"),
    ],
    "two quakes in one region (3 days)": [
        ("o1", "Earthquake shakes Belmora coast", "A magnitude 5.8 earthquake struck off the Belmora coast on Monday, damaging homes in Port Anvel.", 0, "q1"),
        ("o2", "Quake hits Port Anvel", "Homes were damaged in Port Anvel after a 5.8 magnitude quake.", 2, "q1"),
        ("o3", "Second earthquake hits Belmora", "A magnitude 6.1 earthquake struck inland Belmora on Thursday near the town of Kesri.", 72, "q2"),
        ("o4", "Strong quake near Kesri", "A 6.1 magnitude quake shook Kesri in Belmora, days after an earlier tremor.", 73, "q2"),
    ],
    "one event, entries of many lengths": [
        ("o1", "Harlow bridge closed after crack found", "", 0, "bridge"),
        ("o2", "Harlow bridge shut", "The main bridge in Harlow has been closed after engineers found a crack.", 1, "bridge"),
        ("o3", "Crack forces closure of Harlow's main bridge", "Harlow's main river bridge was closed on Tuesday after engineers found a crack in a support." + _LONG, 2, "bridge"),
        ("o4", "Harlow bridge to stay closed for months", "Harlow Council says the bridge will not reopen before spring." + _LONG, 30, "bridge"),
        ("o5", "Drivers face long delays as Harlow bridge closes", "Motorists in Harlow face delays of up to forty minutes.", 5, "bridge"),
    ],
    "one event, title only and long": [
        ("o1", "Ferry runs aground off Kesri with 300 aboard", "", 0, "ferry"),
        ("o2", "Passengers rescued after ferry runs aground near Kesri",
         "Coastguards took all 300 passengers off the Belmora Star ferry after it ran aground near Kesri on Sunday"
         " evening. No one was hurt, the operator said, and an inquiry into how the ship left its channel has begun."
         " The ferry had been sailing from Port Anvel in calm weather. Divers will inspect the hull on Monday and"
         " the operator has cancelled crossings for the rest of the week, offering refunds to travellers.", 3, "ferry"),
        ("o3", "Belmora Star ferry aground", "All passengers are safe.", 1, "ferry"),
    ],
}


def _stories() -> list[str]:
    sys.path.insert(0, "tests")
    from test_stories import art, sample, unrelated

    from claimcheck.stories import group

    out = []
    for name, items in STORIES.items():
        ours = [art(o, t, x, h, f"r18-{k}") for k, (o, t, x, h, _) in enumerate(items)]
        arts = [*sample(), *ours, *unrelated(300)]
        pos = {id(a): k for k, a in enumerate(ours)}
        label = [ev for *_, ev in items]
        got: dict[int, int] = {}
        for g, members in enumerate(group(arts)):
            for i in members:
                if id(arts[i]) in pos:
                    got[pos[id(arts[i])]] = g
        merged = sorted({(label[i], label[j]) for i in got for j in got if i < j and got[i] == got[j] and label[i] != label[j]})
        split = sorted({label[i] for i in got for j in got if i < j and got[i] != got[j] and label[i] == label[j]})
        mark = "ok " if not merged and not split else "BAD"
        groups = [sorted(k for k in got if got[k] == g) for g in sorted(set(got.values()))]
        out.append(f"T {mark} {name}: groups={groups} merged={merged} split={split}")
    return out


def run_all() -> list[str]:
    return _statements() + _pairs(NUMBER_PAIRS, "number") + _pairs(QUOTE_PAIRS, "quote") + _stories()


if __name__ == "__main__":
    print("\n".join(run_all()))
