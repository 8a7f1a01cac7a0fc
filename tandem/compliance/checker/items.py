"""Schedule 1 (reg 51) and section 69(3)(b): what each item asks and what counts as evidence.

Each item has signals. A signal is a list of word groups; a passage is evidence for the
item when every group has a match in it (the first group may ask for several different
matches, as with a list of needs). The words follow domain.md section 4. They look for
evidence; they cannot judge whether the wording is adequate, and a person decides.
"""

import re
from dataclasses import dataclass

MAINSTREAM = "mainstream"
SPECIAL = "special"
SCHOOL_TYPES = (MAINSTREAM, SPECIAL)


@dataclass(frozen=True)
class Signal:
    groups: tuple[re.Pattern[str], ...]
    min_distinct: int = 1


@dataclass(frozen=True)
class Item:
    key: str
    title: str
    signals: tuple[Signal, ...]
    special_school: bool = True


def _group(*words: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(words) + r")", re.IGNORECASE)


def signal(*groups: re.Pattern[str], min_distinct: int = 1) -> Signal:
    return Signal(tuple(groups), min_distinct)


SENCO = _group(
    r"SENCO", r"SENDCO", r"SENCo", r"SEN co-?ordinator", r"inclusion (?:lead|manager)",
    r"special educational needs(?: and disabilit(?:y|ies))? co-?ordinator",
)  # fmt: skip
EHC_PLAN = _group(r"EHC ?Ps?\b", r"EHC plans?", r"education,? health and care plans?")
PARENTS = _group(r"parents?", r"carers?", r"families", r"family")

NEED_AREAS = _group(
    r"cognition and learning", r"communication and interaction",
    r"social,? emotional and mental health", r"sensory and/or physical",
    r"sensory (?:and|or) physical",
)  # fmt: skip
NEED_NAMES = _group(
    r"autis\w*", r"ASC\b", r"ASD\b", r"dyslexi\w*", r"dyspraxi\w*", r"dyscalculi\w*",
    r"ADHD\b", r"attention deficit", r"speech,? language", r"learning difficult\w*",
    r"hearing (?:impair\w*|loss)", r"visual(?:ly)? impair\w*", r"physical disabilit\w*",
    r"down syndrome", r"SEMH\b", r"SLCN\b", r"MLD\b", r"SLD\b", r"PMLD\b", r"deaf\w*",
    r"cerebral palsy", r"sensory processing", r"multi-sensory impair\w*",
)  # fmt: skip
AGENCIES = _group(
    r"CAMHS\b", r"health visitors?", r"school nurs\w*", r"social care", r"social services",
    r"social workers?", r"early help", r"NHS\b", r"paediatric\w*", r"health services?",
    r"local authority", r"voluntary", r"charit\w+", r"occupational therap\w*",
    r"physiotherap\w*", r"speech and language therap\w*", r"educational psycholog\w*",
    r"mental health (?:support )?teams?", r"youth services?", r"young carers",
)  # fmt: skip

ITEMS: tuple[Item, ...] = (
    Item(
        "1",
        "The kinds of special educational needs provided for",
        (signal(NEED_AREAS), signal(NEED_NAMES, min_distinct=3)),
    ),
    Item(
        "2",
        "Policies for identifying and assessing pupils with SEN",
        (
            signal(
                _group(r"identif\w*", r"recognis\w*", r"spot\w*", r"notic\w*"),
                _group(r"assess\w*", r"screen\w*", r"observ\w*", r"concerns?"),
            ),
            signal(_group(r"assess,? plan,? do,? (?:and )?review")),
            signal(_group(r"concerns?"), _group(r"assess\w*", r"observ\w*")),
        ),
        special_school=False,
    ),
    Item(
        "3",
        "Provision for pupils with SEN, with or without an EHC plan",
        (
            signal(
                EHC_PLAN,
                _group(r"SEN support", r"without", r"whether or not", r"graduated"),
            ),
        ),
    ),
    Item(
        "3a",
        "Evaluating the effectiveness of SEN provision",
        (
            signal(
                _group(r"evaluat\w*", r"effective\w*", r"impact", r"how well"),
                _group(r"provision", r"interventions?", r"support", r"approach\w*"),
            ),
        ),
    ),
    Item(
        "3b",
        "Assessing and reviewing pupils' progress",
        (
            signal(
                _group(r"progress"),
                _group(
                    r"review\w*",
                    r"track\w*",
                    r"assess\w*",
                    r"monitor\w*",
                    r"measur\w*",
                    r"check\w*",
                ),
            ),
        ),
    ),  # fmt: skip
    Item(
        "3c",
        "The approach to teaching pupils with SEN",
        (
            signal(
                _group(
                    r"high[- ]quality teaching",
                    r"quality[- ]first teaching",
                    r"adaptive teaching",
                    r"differentiat\w*",
                    r"scaffold\w*",
                    r"teaching approach\w*",
                    r"approach to teaching",
                )
            ),
        ),
    ),  # fmt: skip
    Item(
        "3d",
        "Adapting the curriculum and learning environment",
        (
            signal(
                _group(r"adapt\w*", r"adjust\w*", r"modif\w*", r"tailor\w*"),
                _group(
                    r"curriculum",
                    r"environment",
                    r"classrooms?",
                    r"lessons?",
                    r"resources",
                    r"materials",
                ),
            ),
        ),
    ),  # fmt: skip
    Item(
        "3e",
        "Additional support for learning",
        (
            signal(
                _group(
                    r"interventions?",
                    r"teaching assistants?",
                    r"TAs?\b",
                    r"small[- ]groups?",
                    r"one[- ]to[- ]one",
                    r"1:1",
                    r"additional adults?",
                    r"learning support assistants?",
                    r"booster\w*",
                    r"pre-teach\w*",
                )
            ),
        ),
    ),  # fmt: skip
    Item(
        "3f",
        "Joining in activities, including physical activities, with other pupils",
        (
            signal(
                _group(
                    r"trips?",
                    r"visits",
                    r"clubs?",
                    r"extra-?curricular",
                    r"after-school",
                    r"residential\w*",
                    r"sports?",
                    r"PE\b",
                    r"physical education",
                    r"activities",
                ),
                _group(
                    r"all pupils",
                    r"everyone",
                    r"join in",
                    r"take part",
                    r"included",
                    r"inclusive",
                    r"alongside",
                    r"peers",
                    r"every pupil",
                    r"every child",
                    r"all children",
                ),
            ),
        ),
    ),  # fmt: skip
    Item(
        "3g",
        "Support for emotional, mental and social development",
        (
            signal(
                _group(
                    r"pastoral",
                    r"well-?being",
                    r"anti-?bullying",
                    r"bullying",
                    r"ELSA\b",
                    r"nurture\w*",
                    r"counsell\w*",
                    r"social skills",
                    r"self-esteem",
                    r"mental health (?:support|lead|first aid)",
                    r"emotional (?:support|development|literacy|health)",
                    r"friendship\w*",
                )
            ),
        ),
    ),  # fmt: skip
    Item(
        "4",
        "The SENCO's name and contact details",
        (),  # found from the SENCO details, see details.find_senco
        special_school=False,
    ),
    Item(
        "5",
        "Staff expertise and training, and securing specialist expertise",
        (
            signal(
                _group(
                    r"training",
                    r"CPD\b",
                    r"professional development",
                    r"expertise",
                    r"NASENCO\b",
                    r"NPQ\w*",
                    r"qualifi\w*",
                ),
                _group(r"staff", r"teachers?", r"assistants?", r"SENCO", r"SENDCO"),
            ),
            signal(
                _group(
                    r"specialist (?:teachers?|support|services?|advice|expertise|staff)",
                    r"educational psycholog\w*",
                    r"speech and language therap\w*",
                    r"outreach",
                    r"occupational therap\w*",
                ),
                _group(
                    r"secur\w*",
                    r"buy\w*",
                    r"bought",
                    r"commission\w*",
                    r"call on",
                    r"bring in",
                    r"access to",
                    r"purchas\w*",
                    r"service level agreement",
                ),
            ),
        ),
    ),  # fmt: skip
    Item(
        "6",
        "Securing equipment and facilities",
        (
            signal(
                _group(
                    r"equipment",
                    r"facilities",
                    r"aids",
                    r"furniture",
                    r"assistive technolog\w*",
                    r"specialist resources",
                    r"overlays",
                    r"laptops?",
                    r"technology",
                ),
                _group(
                    r"secur\w*",
                    r"obtain\w*",
                    r"purchas\w*",
                    r"buy\w*",
                    r"bought",
                    r"fund\w*",
                    r"budget\w*",
                    r"order\w*",
                    r"loan\w*",
                    r"sourc\w*",
                    r"request\w*",
                    r"provid\w*",
                ),
            ),
        ),
    ),  # fmt: skip
    Item(
        "7",
        "Consulting and involving parents",
        (
            signal(
                PARENTS,
                _group(
                    r"consult\w*",
                    r"involv\w*",
                    r"partnership",
                    r"meet\w*",
                    r"parents'? evenings?",
                    r"views",
                    r"work(?:ing)? closely",
                    r"keep (?:you|them) informed",
                    r"talk\w* (?:to|with)",
                ),
            ),
        ),
    ),  # fmt: skip
    Item(
        "8",
        "Consulting and involving pupils in their education",
        (
            signal(
                _group(
                    r"pupil voice",
                    r"student voice",
                    r"child's voice",
                    r"voice of the child",
                    r"one-page profiles?",
                    r"pupil passports?",
                    r"views of (?:the )?(?:child|children|pupils?|young (?:person|people))",
                    r"(?:child|children|pupils?|young (?:person|people))(?:'s|')? views",
                    r"(?:their|his or her|her|his) (?:own )?views",
                    r"have (?:their|a) say",
                    r"school council",
                )
            ),
        ),
    ),  # fmt: skip
    Item(
        "9",
        "Arrangements for complaints from parents about SEN provision",
        (signal(_group(r"complain\w*")),),
    ),
    Item(
        "10",
        "Involving health, social care, local authority and voluntary services",
        (signal(AGENCIES, min_distinct=2),),
    ),
    Item(
        "11",
        "Contacts for support for parents, including the SEND information service",
        (
            signal(
                _group(
                    r"SENDIASS?\b",
                    r"IASS\b",
                    r"SENDIAS\b",
                    r"parent partnership",
                    r"information,? advice and support",
                )
            ),
        ),
    ),  # fmt: skip
    Item(
        "12",
        "Transfers between phases and preparing for adulthood",
        (
            signal(
                _group(
                    r"transitions?",
                    r"preparing for adulthood",
                    r"phase transfer",
                    r"mov\w* (?:up |on )?to (?:secondary|a new|the next|college|sixth)",
                    r"next phase",
                    r"transfer\w* to",
                    r"starting (?:school|secondary)",
                    r"into adulthood",
                )
            ),
        ),
    ),  # fmt: skip
    Item(
        "13",
        "Where the local authority's local offer is published",
        (signal(_group(r"local offer")),),
    ),
    Item(
        "s69_i",
        "Arrangements for admitting disabled pupils",
        (signal(_group(r"admission\w*", r"admit\w*"), _group(r"disab\w*")),),
    ),
    Item(
        "s69_ii",
        "Steps to prevent disabled pupils being treated less favourably",
        (
            signal(
                _group(
                    r"less favourabl\w*",
                    r"reasonable adjustments?",
                    r"discriminat\w*",
                    r"treated unfairly",
                )
            ),
        ),
    ),  # fmt: skip
    Item(
        "s69_iii",
        "Facilities to help disabled pupils get access",
        (
            signal(
                _group(
                    r"ramps?",
                    r"lifts?",
                    r"accessible toilets?",
                    r"disabled toilets?",
                    r"hygiene (?:room|suite)",
                    r"changing (?:room|place|facilities)",
                    r"wheelchair\w*",
                    r"level access",
                    r"hearing loops?",
                    r"handrails?",
                    r"disabled parking",
                    r"step-free",
                )
            ),
        ),
    ),  # fmt: skip
    Item(
        "s69_iv",
        "The accessibility plan",
        (signal(_group(r"accessibility plan", r"accessibility strategy")),),
    ),
)

ITEM_KEYS: tuple[str, ...] = tuple(item.key for item in ITEMS)
ITEMS_BY_KEY = {item.key: item for item in ITEMS}


def applies(item: Item, school_type: str) -> bool:
    return school_type == MAINSTREAM or item.special_school


def match(sig: Signal, text: str) -> tuple[int, int] | None:
    """The span of text from the first to the last matching word, or None."""

    first, *rest = sig.groups
    hits = [group.search(text) for group in rest]
    if None in hits or first.search(text) is None:  # the cheap refusal first
        return None
    found = {m.group(0).lower(): m.span() for m in first.finditer(text)}
    if len(found) < sig.min_distinct:
        return None
    spans = sorted(found.values())[: sig.min_distinct]
    spans.extend(hit.span() for hit in hits if hit is not None)

    return min(s for s, _ in spans), max(e for _, e in spans)


def key_phrases(item: Item, text: str) -> int:
    """How many different words of the item's signals the text uses."""

    found = {
        hit.group(0).lower()
        for sig in item.signals
        for group in sig.groups
        for hit in group.finditer(text)
    }

    return len(found)
