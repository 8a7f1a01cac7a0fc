from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from tandem.schools.permissions import Capability, SchoolAccess, school_view

PAGE_SIZE = 50


@school_view(Capability.HISTORY)
def history(request: HttpRequest, access: SchoolAccess) -> HttpResponse:
    entries = access.school.audit_entries.select_related("actor")
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))

    return render(request, "audit/history.html", {"page": page})
