"""check_axe itself: it fails on a violation, names the rule, and passes a clean page."""

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import check_axe

PAGE = """<!doctype html><html lang="en-GB"><head><title>Check</title></head>
<body><main><h1>Check</h1>{}</main></body></html>"""


def test_passes_a_page_without_violations(page: Page) -> None:
    page.set_content(PAGE.format('<img src="data:," alt="Larkspur logo">'))

    check_axe(page)


def test_fails_on_an_image_without_a_text_alternative(page: Page) -> None:
    page.set_content(PAGE.format('<img src="data:,">'))

    with pytest.raises(AssertionError, match="image-alt"):
        check_axe(page)


def test_fails_on_low_contrast_text(page: Page) -> None:
    page.set_content(PAGE.format('<p style="color:#bbb;background:#fff">Faint</p>'))

    with pytest.raises(AssertionError, match="color-contrast"):
        check_axe(page)


def test_fails_on_targets_too_small_to_press(page: Page) -> None:
    """target-size (WCAG 2.2 AA) is off in axe-core unless asked for; we ask."""

    button = '<button style="width:10px;height:10px;padding:0;margin:0">{}</button>'
    page.set_content(PAGE.format(button.format("A") + button.format("B")))

    with pytest.raises(AssertionError, match="target-size"):
        check_axe(page)
