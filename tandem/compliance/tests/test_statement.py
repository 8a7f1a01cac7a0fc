from datetime import date

from tandem.compliance.statement import default_statement


def make(**overrides):
    values = {
        "school_name": "Oakfield Primary School",
        "document_title": "SEN Information Report 2025/26",
        "version_label": "version 2",
        "on": date(2026, 2, 3),
    }
    return default_statement(**(values | overrides))


def test_names_the_school_document_version_and_date():
    wording = make()

    assert wording.startswith("On 03/02/2026 the governing body of Oakfield Primary")
    assert "SEN Information Report 2025/26 (version 2)" in wording


def test_confirms_accuracy_law_and_current_status():
    wording = make()

    assert "accurate" in wording
    assert "complies with the legislation and statutory guidance in force" in wording
    assert "reflects the school's current status," in wording
    assert "co-ordinator now in post" in wording


def test_school_type_takes_the_right_article():
    assert "status as an academy," in make(school_type="academy")
    assert "status as a maintained special school," in make(
        school_type="maintained special school"
    )


def test_is_one_paragraph_of_whole_sentences():
    wording = make()

    assert "\n" not in wording
    assert wording.endswith(".")
