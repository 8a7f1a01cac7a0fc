"""Census wordings to codes: provision, need and year group."""

import pytest

from tandem.reports.imports import codes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Education, Health and Care Plan", "E"),
        ("EHC Plan", "E"),
        ("ehcp", "E"),
        ("E", "E"),
        ("e - Education, Health and Care Plan", "E"),
        ("Education, health and care plan", "E"),
        ("SEN Support", "K"),
        ("sen_support", "K"),
        ("K", "K"),
        ("K - SEN Support", "K"),
        ("SEN support / SEN without an EHC plan", "K"),
        ("No Special Educational Need", "N"),
        ("Monitoring", "N"),
        ("", "N"),
        ("N", "N"),
        ("No identified SEN", "N"),
        ("Statement", "S"),
        ("S", "S"),
        ("All pupils", "ALL"),
        ("Total", "ALL"),
        ("All SEN provision", "ALL_SEN"),
        ("Sen Suport", None),
        ("School Action", None),
        ("Zebedee", None),
    ],
)
def test_provision_code(text, expected):
    assert codes.provision_code(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ASD", "ASD"),
        ("asd", "ASD"),
        ("Autistic Spectrum Disorder", "ASD"),
        ("Autistic spectrum disorder (ASD)", "ASD"),
        ("SpLD", "SPLD"),
        ("Specific Learning Difficulty", "SPLD"),
        ("MLD - Moderate Learning Difficulty", "MLD"),
        ("Severe Learning Difficulty", "SLD"),
        ("Profound & Multiple Learning Difficulty", "PMLD"),
        ("Social, Emotional and Mental Health", "SEMH"),
        ("Speech, language and communication needs", "SLCN"),
        ("Hearing Impairment", "HI"),
        ("Visual Impairment", "VI"),
        ("Multi-Sensory Impairment", "MSI"),
        ("Physical Disability", "PD"),
        ("Other Difficulty/Disability", "OTH"),
        ("SEN support but no specialist assessment of type of need", "NSA"),
        ("NSA", "NSA"),
        ("DS", "DS"),
        ("Down syndrome", "DS"),
        ("Down's Syndrome", "DS"),
        ("Total", "*"),
        ("Missing", ""),
        ("", ""),
        ("Autsm", None),
        ("XYZ", None),
    ],
)
def test_need_code(text, expected):
    assert codes.need_code(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("N1", "N1"),
        ("Nursery 1", "N1"),
        ("N2", "N2"),
        ("Nursery", "N2"),
        ("R", "R"),
        ("Reception", "R"),
        ("YR", "R"),
        ("Y1", "Y1"),
        ("y01", "Y1"),
        ("Year 3", "Y3"),
        ("year_3", "Y3"),
        ("3", "Y3"),
        ("3.0", "Y3"),
        ("NCY 10", "Y10"),
        ("14", "Y14"),
        ("Y14", "Y14"),
        ("Total", "*"),
        ("X", "X"),
        ("NC not followed", "X"),
        ("Y15", None),
        ("0", None),
        ("Y0", None),
        ("15", None),
        ("Year -1", None),
        ("2024/25", None),
        ("Zebedee", None),
    ],
)
def test_year_group(text, expected):
    assert codes.year_group(text) == expected


def test_bare_nursery_is_only_nursery_without_a_number():
    assert codes.is_bare_nursery("Nursery")
    assert not codes.is_bare_nursery("Nursery 2")
    assert not codes.is_bare_nursery("N1")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sen Suport", "SEN support"),
        ("EHC Pln", "EHC plan"),
        ("Zebedee Quartermaine", None),
    ],
)
def test_suggest_provision_offers_only_our_own_wording(text, expected):
    assert codes.suggest_provision(text) == expected


def test_year_groups_are_in_school_order():
    assert codes.YEAR_GROUPS[:4] == ("N1", "N2", "R", "Y1")
    assert codes.YEAR_GROUPS[-2:] == ("Y14", "X")  # no NC year comes last
    assert len(codes.YEAR_GROUPS) == 18
