from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from tandem.duties import exports, services
from tandem.duties.duty_map import duty_map, find_entry
from tandem.duties.forms import (
    DutyAssignmentForm,
    QualificationCourseForm,
    ReflectionForm,
    SchoolDutyForm,
    SencoRecordForm,
)
from tandem.duties.models import QualificationCourse, SchoolDuty, SencoRecord
from tandem.duties.qualification import headline
from tandem.lib.calendar import london_today
from tandem.lib.concurrency import StaleEdit, posted_version
from tandem.lib.http import download
from tandem.schools.models import Membership
from tandem.schools.permissions import Capability, SchoolAccess, school_view

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@school_view(Capability.DUTIES)
def duty_map_view(request: HttpRequest, access: SchoolAccess) -> HttpResponse:
    the_map = duty_map(access.school, on=london_today())
    context = {
        "map": the_map,
        "drawing": the_map.drawing(),
        "can_edit": access.can(Capability.DUTIES, write=True),
        "can_see_qualification": access.can(Capability.QUALIFICATION),
    }

    return render(request, "duties/duty_map.html", context)


@school_view(Capability.DUTIES, write=True)
def duty_edit(request: HttpRequest, access: SchoolAccess, code: str) -> HttpResponse:
    entry = find_entry(access.school, code, on=london_today())
    if entry is None:
        raise Http404("No such duty.")
    initial = {
        "holders": sorted(entry.holders),
        "note": entry.note,
        "evidence_url": entry.evidence_url,
        "version": entry.version,
    }
    form = DutyAssignmentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.set_duty_holders(
                access.school,
                code,
                by=request.user,
                holders=frozenset(form.cleaned_data["holders"]),
                note=form.cleaned_data["note"],
                evidence_url=form.cleaned_data["evidence_url"],
                expected_version=form.cleaned_data["version"],
            )
        except StaleEdit as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"{entry.code} {entry.title}: saved.")
            return redirect("duties:duty-map", urn=access.school.urn)

    return render(request, "duties/duty_form.html", {"form": form, "entry": entry})


@school_view(Capability.DUTIES, write=True)
def school_duty_create(request: HttpRequest, access: SchoolAccess) -> HttpResponse:
    form = SchoolDutyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        duty = services.add_school_duty(
            access.school,
            by=request.user,
            title=form.cleaned_data["title"],
            summary=form.cleaned_data["summary"],
            holders=frozenset(form.cleaned_data["holders"]),
        )
        messages.success(request, f"{duty.code} {duty.title}: added to the map.")
        return redirect("duties:duty-map", urn=access.school.urn)

    return render(request, "duties/school_duty_form.html", {"form": form})


@school_view(Capability.DUTIES, write=True)
def school_duty_delete(
    request: HttpRequest, access: SchoolAccess, pk: int
) -> HttpResponse:
    duty = get_object_or_404(SchoolDuty, pk=pk, school=access.school)
    if request.method == "POST":
        services.remove_school_duty(duty, by=request.user)
        messages.success(request, f"{duty.code} {duty.title}: removed from the map.")
        return redirect("duties:duty-map", urn=access.school.urn)

    return render(request, "duties/school_duty_confirm_delete.html", {"duty": duty})


@school_view(Capability.DUTIES, write=True)
def reflection_edit(request: HttpRequest, access: SchoolAccess) -> HttpResponse:
    questions = duty_map(access.school, on=london_today()).questions
    form = ReflectionForm(questions, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_reflective_answers(
                access.school,
                by=request.user,
                answers=form.answers(),
                expected_versions=form.versions(),
            )
        except StaleEdit as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, "Your answers to the reflective questions: saved."
            )
            return redirect("duties:duty-map", urn=access.school.urn)

    return render(request, "duties/reflection_form.html", {"form": form})


@school_view(Capability.DUTIES)
def duty_map_pdf(request: HttpRequest, access: SchoolAccess) -> HttpResponse:
    pdf = exports.map_pdf(access.school, today=london_today())

    return download(pdf, "application/pdf", f"duties-map-{access.school.urn}.pdf")


@school_view(Capability.DUTIES)
def duty_map_docx(request: HttpRequest, access: SchoolAccess) -> HttpResponse:
    data = exports.map_docx(access.school, today=london_today())

    return download(data, DOCX_TYPE, f"duties-map-{access.school.urn}.docx")


@school_view(Capability.QUALIFICATION)
def qualification_view(request: HttpRequest, access: SchoolAccess) -> HttpResponse:
    today = london_today()
    records = list(
        SencoRecord.objects.filter(school=access.school).prefetch_related("courses")
    )
    current = next((senco for senco in records if senco.is_current), None)
    assessment = current.assess(today) if current else None
    context = {
        "current": current,
        "past": [senco for senco in records if not senco.is_current],
        "assessment": assessment,
        "headline": headline(assessment) if assessment else "",
        "today": today,
        "can_edit": access.can(Capability.QUALIFICATION, write=True),
        "status_only": access.role == Membership.Role.OFFICER,
    }

    return render(request, "duties/qualification.html", context)


@school_view(Capability.QUALIFICATION, write=True)
def senco_create(request: HttpRequest, access: SchoolAccess) -> HttpResponse:
    form = SencoRecordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in services.SENCO_FIELDS}
        services.designate_senco(access.school, by=request.user, **fields)
        messages.success(request, f"{fields['name']} is recorded as the SENCO.")
        return redirect("duties:qualification", urn=access.school.urn)

    return render(request, "duties/senco_form.html", {"form": form})


@school_view(Capability.QUALIFICATION, write=True)
def senco_edit(request: HttpRequest, access: SchoolAccess, pk: int) -> HttpResponse:
    senco = get_object_or_404(SencoRecord, pk=pk, school=access.school)
    form = SencoRecordForm(
        request.POST or None, instance=senco, initial={"version": senco.version}
    )
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in services.SENCO_FIELDS}
        try:
            services.update_senco_record(
                senco,
                by=request.user,
                expected_version=posted_version(form.cleaned_data["version"]),
                **fields,
            )
        except StaleEdit as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"The record for {senco.name}: saved.")
            return redirect("duties:qualification", urn=access.school.urn)

    return render(request, "duties/senco_form.html", {"form": form, "senco": senco})


@school_view(Capability.QUALIFICATION, write=True)
def course_create(request: HttpRequest, access: SchoolAccess, pk: int) -> HttpResponse:
    senco = get_object_or_404(SencoRecord, pk=pk, school=access.school)
    form = QualificationCourseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in services.COURSE_FIELDS}
        course = services.add_course(senco, by=request.user, **fields)
        messages.success(request, f"{course.get_kind_display()}: added.")
        return redirect("duties:qualification", urn=access.school.urn)

    return render(request, "duties/course_form.html", {"form": form, "senco": senco})


@school_view(Capability.QUALIFICATION, write=True)
def course_edit(request: HttpRequest, access: SchoolAccess, pk: int) -> HttpResponse:
    course = get_object_or_404(QualificationCourse, pk=pk, record__school=access.school)
    form = QualificationCourseForm(
        request.POST or None, instance=course, initial={"version": course.version}
    )
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in services.COURSE_FIELDS}
        try:
            services.update_course(
                course,
                by=request.user,
                expected_version=posted_version(form.cleaned_data["version"]),
                **fields,
            )
        except StaleEdit as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"{course.get_kind_display()}: saved.")
            return redirect("duties:qualification", urn=access.school.urn)

    context = {"form": form, "senco": course.record, "course": course}
    return render(request, "duties/course_form.html", context)


@school_view(Capability.QUALIFICATION, write=True)
def course_delete(request: HttpRequest, access: SchoolAccess, pk: int) -> HttpResponse:
    course = get_object_or_404(QualificationCourse, pk=pk, record__school=access.school)
    if request.method == "POST":
        services.remove_course(course, by=request.user)
        messages.success(request, f"{course.get_kind_display()}: removed.")
        return redirect("duties:qualification", urn=access.school.urn)

    return render(request, "duties/course_confirm_delete.html", {"course": course})
