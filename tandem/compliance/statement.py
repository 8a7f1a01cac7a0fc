"""The default wording of the compliance statement a governing body adopts.

The governing body confirms that a document is accurate, complies with the legislation
in force and reflects the school as it is now (domain.md section 10). The wording is
Tandem's own; a school may edit it before anyone signs, and what was signed is stored
verbatim.
"""

from datetime import date


def default_statement(
    *,
    school_name: str,
    document_title: str,
    version_label: str,
    on: date,
    school_type: str = "",
) -> str:
    """The statement governors are asked to confirm, in plain British English."""

    status = f" as {_with_article(school_type)}" if school_type else ""
    return (
        f"On {on:%d/%m/%Y} the governing body of {school_name} confirms that it has "
        f"read {document_title} ({version_label}). To the best of our knowledge the "
        "document is accurate, it complies with the legislation and statutory "
        "guidance in force on that date, and it reflects the school's current "
        f"status{status}, including the special educational needs co-ordinator now "
        "in post and the provision the school actually makes. We have not relied on "
        "claims we could not confirm."
    )


def _with_article(noun: str) -> str:
    article = "an" if noun[:1].lower() in "aeiou" else "a"
    return f"{article} {noun}"
