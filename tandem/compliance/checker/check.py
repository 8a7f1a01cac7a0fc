"""check_report: read a SEN Information Report and look for evidence of each item."""

import logging
from datetime import date

from dateutil.relativedelta import relativedelta

from .blocks import Block
from .details import (
    EMAIL,
    URL,
    Senco,
    core_words,
    find_claims,
    find_dates,
    find_local_offer_url,
    find_other_schools,
    find_senco,
)
from .errors import CheckerError
from .extract import extract
from .items import ITEMS, SCHOOL_TYPES, Item, applies, key_phrases, match
from .result import CheckResult, ItemResult
from .text import clean, excerpt, sentence_spans

logger = logging.getLogger(__name__)

# A report dated more than this long before the check is out of date (CoP 6.79).
STALE_AFTER = relativedelta(months=12)


def check_report(
    data: bytes, filename: str, *, school_name: str, school_type: str, on: date
) -> CheckResult:
    """Check one report; raises UnreadableReport (a CheckerError) when it cannot be read."""

    if school_type not in SCHOOL_TYPES:
        raise CheckerError(f"School type must be one of {', '.join(SCHOOL_TYPES)}.")
    extracted = extract(data)
    blocks = extracted.blocks

    result = CheckResult(
        file=filename,
        school_name=school_name,
        school_type=school_type,
        checked_on=on,
        format=extracted.format,
        pages=extracted.pages,
        items={},
        warnings=list(extracted.warnings),
    )
    senco = find_senco(blocks)
    _items(result, extracted.body, senco)

    result.senco_name = senco.name
    result.senco_email = senco.email
    result.senco_phone = senco.phone
    result.local_offer_url = find_local_offer_url(blocks)
    _date(result, blocks, on=on)
    result.other_schools = find_other_schools(blocks, school_name=school_name)
    result.claims = find_claims(blocks, school_name=school_name)
    if not _mentions(blocks, school_name):
        result.warnings.append("The school's own name does not appear in the report.")
    logger.debug(
        "SIR check: read as %s, %s of %s items found",
        result.format,
        result.found_count,
        result.applicable_count,
    )

    return result


def _items(result: CheckResult, body: list[Block], senco: Senco) -> None:
    """Every item in order; item 4 is the SENCO's name with an email or phone."""

    for item in ITEMS:
        if not applies(item, result.school_type):
            result.not_applicable.append(item.key)
        if item.key == "4":
            found = bool(senco.name and (senco.email or senco.phone))
            result.items["4"] = (
                ItemResult(True, senco.evidence, senco.where)
                if found
                else ItemResult(False)
            )
        else:
            result.items[item.key] = _look_for(item, body)


def _look_for(item: Item, body: list[Block]) -> ItemResult:
    """The item's evidence: the sentence that says most of what the item asks.

    Among passages that meet one of the item's signals, a sentence that meets one on
    its own wins, the one using most of the item's words first, then the earliest.
    Failing that, the first passage, quoted from its first matching word to the last.
    """

    best: tuple[int, ItemResult] | None = None
    first: ItemResult | None = None
    for block in body:
        spans = [span for sig in item.signals if (span := match(sig, block.text))]
        if not spans:
            continue
        first = first or ItemResult(True, excerpt(block.text, *spans[0]), block.where)
        for sentence in _sentences(block.text):
            score = key_phrases(item, sentence)
            if (best is None or score > best[0]) and _meets(item, sentence):
                best = (score, ItemResult(True, excerpt(sentence, 0, 0), block.where))

    return best[1] if best else first or ItemResult(False)


def _sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in sentence_spans(text)]


def _meets(item: Item, text: str) -> bool:
    return any(match(signal, text) for signal in item.signals)


def _date(result: CheckResult, blocks: list[Block], *, on: date) -> None:
    dates = find_dates(blocks, on=on)
    result.report_date = dates.report_date
    result.next_review_date = dates.next_review
    result.stale = dates.report_date is None or dates.report_date < on - STALE_AFTER
    if dates.report_date is None:
        result.warnings.append(
            "No date found: the report should show when it was updated."
        )
    if dates.next_review and dates.next_review < on:
        result.warnings.append("The report's own next-review date has passed.")


def _mentions(blocks: list[Block], school_name: str) -> bool:
    """Whether a passage names the school (its distinctive words, in any form)."""

    wanted = core_words(school_name)
    if not wanted:
        name = clean(school_name).lower()
        return any(name in block.text.lower() for block in blocks)

    # A web or email address with the school's name in it is not the report naming it.
    texts = (URL.sub(" ", EMAIL.sub(" ", block.text)) for block in blocks)

    return any(wanted <= core_words(text) for text in texts)
