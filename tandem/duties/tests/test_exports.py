import io

import docx
from django.urls import reverse
from PIL import Image

from tandem.duties import exports, services
from tandem.duties.duty_map import duty_map
from tandem.duties.evidence import sections
from tandem.lib.calendar import london_today
from tandem.lib.docx import docx_text
from tandem.lib.pdf import pdf_text


def leave_d21_unheld(school, senco) -> None:  # noqa: ANN001
    services.set_duty_holders(
        school, "D21", by=senco, holders=frozenset(), note="Nobody yet.",
        evidence_url="", expected_version=0,
    )  # fmt: skip
    services.save_reflective_answers(
        school, by=senco, answers={"Q3": "The governor takes D21."},
        expected_versions={"Q3": 0},
    )  # fmt: skip


class TestMapPdf:
    def test_pdf_has_the_picture_and_the_list(
        self, senco_client, school, senco
    ) -> None:
        leave_d21_unheld(school, senco)
        url = reverse("duties:duty-map-pdf", kwargs={"urn": school.urn})

        response = senco_client.get(url)

        assert response["Content-Type"] == "application/pdf"
        text = " ".join(pdf_text(response.content))
        assert "Larch Lane Primary: statutory duties map" in text
        assert "Nobody holds these duties" in text  # drawn inside the SVG
        assert "Senior leadership" in text
        assert "Held by nobody (1)" in text
        assert "The governor takes D21." in text
        for n in range(1, 26):
            assert f"D{n:02d}" in text
        assert london_today().strftime("%d/%m/%Y") in text

    def test_evidence_section_is_the_map_pdf(self, school) -> None:
        (section,) = sections(school, today=london_today())

        assert section.title == "Statutory duties map"
        assert section.pdf.startswith(b"%PDF")
        assert "statutory duties map" in " ".join(pdf_text(section.pdf))


class TestMapDocx:
    def test_docx_has_picture_tables_and_answers(self, senco_client, school, senco):
        leave_d21_unheld(school, senco)
        url = reverse("duties:duty-map-docx", kwargs={"urn": school.urn})

        response = senco_client.get(url)

        assert response["Content-Disposition"] == (
            'attachment; filename="duties-map-123456.docx"'
        )
        document = docx.Document(io.BytesIO(response.content))
        assert len(document.inline_shapes) == 1
        text = docx_text(response.content)
        assert "Larch Lane Primary: statutory duties map" in text
        assert "Held by nobody (1)" in text
        assert "The governor takes D21." in text
        assert "Suggested holders, not yet confirmed." in text
        codes = [row.cells[0].text for table in document.tables for row in table.rows]
        assert sorted(c for c in codes if c != "Code") == [
            f"D{n:02d}" for n in range(1, 26)
        ]

    def test_picture_is_the_whole_venn(self, school) -> None:
        png = exports.venn_png(duty_map(school, on=london_today()))

        image = Image.open(io.BytesIO(png))
        assert image.format == "PNG"
        assert image.size == (1800, 1775)
        assert image.getpixel((5, 5))[:3] == (255, 255, 255)
