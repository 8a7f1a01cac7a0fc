from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from tandem.lib import docx
from tandem.lib.calendar import format_date, london_today
from tandem.lib.concurrency import StaleEdit, posted_version
from tandem.lib.http import download
from tandem.lib.pdf import render_pdf
from tandem.schools import dashboard, overview, services
from tandem.schools.forms import SchoolSettingsForm, TeamMemberForm
from tandem.schools.models import Membership, TeamMember
from tandem.schools.permissions import (
    Capability,
    SchoolAccess,
    devices_for,
    school_view,
    second_step,
)


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Straight to the school's dashboard, or a choice for people with several schools."""

    memberships = list(
        Membership.objects.filter(user=request.user).select_related("school", "user")
    )
    if len(memberships) == 1:
        return redirect("schools:dashboard", urn=memberships[0].school.urn)
    accesses = [SchoolAccess(school=m.school, membership=m) for m in memberships]
    summary = overview.overview(
        accesses, locked=_locked_schools(request, accesses), today=london_today()
    )

    return render(request, "schools/home.html", {"overview": summary})


def _locked_schools(request: HttpRequest, accesses: list[SchoolAccess]) -> set[int]:
    """Schools whose pages would first ask for the second sign-in step: the overview
    shows nothing of them either."""

    if request.user.is_verified() or not accesses:
        return set()
    has_devices = bool(devices_for(request.user, confirmed=True))

    return {
        access.school.pk
        for access in accesses
        if second_step(access, has_devices=has_devices) is not None
    }


@school_view(Capability.DASHBOARD)
def school_dashboard(request: HttpRequest, access: SchoolAccess) -> HttpResponse:
    ctx = dashboard.DashboardContext(access=access, today=london_today())
    context = {"attention": dashboard.attention(ctx), "panels": dashboard.panels(ctx)}

    return render(request, "schools/dashboard.html", context)


@school_view(Capability.SCHOOL_SETTINGS)
def school_settings(request: HttpRequest, access: SchoolAccess) -> HttpResponse:
    form = SchoolSettingsForm(request.POST or None, instance=access.school)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in services.SETTINGS_FIELDS}
        services.update_school_settings(access.school, by=request.user, **fields)
        messages.success(request, "The school's settings have been saved.")
        return redirect("schools:school-settings", urn=access.school.urn)
    context = {
        "form": form,
        "can_edit": access.can(Capability.SCHOOL_SETTINGS, write=True),
    }

    return render(request, "schools/school_settings.html", context)


@school_view(Capability.TEAM)
def team_list(request: HttpRequest, access: SchoolAccess) -> HttpResponse:
    context = {
        "members": access.school.team.all(),
        "can_edit": access.can(Capability.TEAM, write=True),
    }

    return render(request, "schools/team_list.html", context)


@school_view(Capability.TEAM, write=True)
def team_member_create(request: HttpRequest, access: SchoolAccess) -> HttpResponse:
    form = TeamMemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in services.TEAM_FIELDS}
        member = services.add_team_member(access.school, by=request.user, **fields)
        messages.success(request, f"{member.name} has been added to the team.")
        return redirect("schools:team-list", urn=access.school.urn)

    return render(request, "schools/team_member_form.html", {"form": form})


@school_view(Capability.TEAM, write=True)
def team_member_edit(
    request: HttpRequest, access: SchoolAccess, pk: int
) -> HttpResponse:
    member = get_object_or_404(TeamMember, pk=pk, school=access.school)
    form = TeamMemberForm(
        request.POST or None, instance=member, initial={"version": member.version}
    )
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in services.TEAM_FIELDS}
        expected = posted_version(form.cleaned_data["version"])
        try:
            services.update_team_member(
                member, by=request.user, expected_version=expected, **fields
            )
        except StaleEdit as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"Changes to {member.name} have been saved.")
            return redirect("schools:team-list", urn=access.school.urn)

    return render(
        request, "schools/team_member_form.html", {"form": form, "member": member}
    )


@school_view(Capability.TEAM, write=True)
def team_member_delete(
    request: HttpRequest, access: SchoolAccess, pk: int
) -> HttpResponse:
    member = get_object_or_404(TeamMember, pk=pk, school=access.school)
    if request.method == "POST":
        services.remove_team_member(member, by=request.user)
        messages.success(request, f"{member.name} has been removed from the team.")
        return redirect("schools:team-list", urn=access.school.urn)

    return render(
        request, "schools/team_member_confirm_delete.html", {"member": member}
    )


@school_view(Capability.TEAM)
def team_register_pdf(request: HttpRequest, access: SchoolAccess) -> HttpResponse:
    context = {
        "school": access.school,
        "members": access.school.team.all(),
        "today": london_today(),
    }
    pdf = render_pdf("schools/print/team_register.html", context)

    return download(pdf, "application/pdf", f"team-register-{access.school.urn}.pdf")


@school_view(Capability.TEAM)
def team_register_docx(request: HttpRequest, access: SchoolAccess) -> HttpResponse:
    document = team_register_document(access.school)
    data = docx.to_bytes(document)
    content_type = (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )

    return download(data, content_type, f"team-register-{access.school.urn}.docx")


def team_register_document(school):  # noqa: ANN001, ANN201
    document = docx.new_document(
        title=f"{school.name}: SEND team register",
        subtitle=f"Printed {format_date(london_today())}",
        landscape=True,
        paper_colour=school.paper_colour,
    )
    rows = [
        [m.name, m.role, m.strengths, m.support_areas, m.notes]
        for m in school.team.all()
    ]
    headers = ["Name", "Role", "Core strengths", "Areas for support", "Notes"]
    docx.add_table(document, headers, rows, widths_cm=[4.5, 4.5, 6, 6, 5])

    return document
