"""Finding each app's contribution (dashboard, demo data, exports, evidence) by convention.

An app contributes by having a module of the agreed name, e.g. `tandem/meetings/dashboard.py`.
"""

import importlib
import importlib.util
from collections.abc import Iterator
from types import ModuleType

from django.conf import settings


def app_modules(name: str) -> Iterator[ModuleType]:
    """`tandem.<app>.<name>` for each Tandem app that has one, in TANDEM_APPS order.

    The schools app is left out: its modules of these names are the registries themselves.
    """

    for app in settings.TANDEM_APPS:
        if app == "schools":
            continue
        dotted = f"tandem.{app}.{name}"
        if importlib.util.find_spec(dotted) is not None:
            yield importlib.import_module(dotted)
