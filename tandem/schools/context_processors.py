from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from tandem.schools.permissions import Capability

# (label, URL name, capability needed to see the link)
NAVIGATION = [
    ("Dashboard", "schools:dashboard", Capability.DASHBOARD),
    ("Team", "schools:team-list", Capability.TEAM),
    ("Duties", "duties:duty-map", Capability.DUTIES),
    ("Planner", "planner:planner", Capability.MEETINGS),
    ("Meetings", "meetings:meeting-list", Capability.MEETINGS),
    ("Reports", "reports:report-list", Capability.REPORTS),
    ("Documents", "compliance:document-list", Capability.DOCUMENTS),
    ("History", "audit:history", Capability.HISTORY),
    ("Settings", "schools:school-settings", Capability.SCHOOL_SETTINGS),
]


def navigation(request: HttpRequest) -> dict:
    """The school navigation for the signed-in user's role at the school being viewed."""

    access = getattr(request, "school_access", None)
    if access is None:
        return {}
    links = []
    current = request.path
    for label, name, capability in NAVIGATION:
        if not access.can(capability):
            continue
        try:
            url = reverse(name, kwargs={"urn": access.school.urn})
        except NoReverseMatch:
            continue  # that capability's pages are not installed yet
        is_current = (
            current == url if name == "schools:dashboard" else current.startswith(url)
        )
        links.append({"label": label, "url": url, "current": is_current})

    return {"school_nav": links, "access": access, "school": access.school}
