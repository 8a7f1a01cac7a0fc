"""A model the backup code has never heard of, with a school foreign key, comes along.

The models are made for the test only: registered under the ops app, their tables created
inside the test's transaction (and so dropped with it), then unregistered.
"""

import zipfile

import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import connection, models

from tandem.ops.tests.helpers import backup, restore
from tandem.schools.models import Membership, School
from tandem.testing import make_world


@pytest.fixture
def widget_models(db):  # noqa: ANN001, ANN201
    class Widget(models.Model):
        school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="+")
        owner = models.ForeignKey(
            settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
        )
        label = models.CharField(max_length=50)

        class Meta:
            app_label = "ops"

        def __str__(self) -> str:
            return self.label

    class WidgetPart(models.Model):
        widget = models.ForeignKey(Widget, on_delete=models.CASCADE, related_name="+")
        drawing = models.FileField(upload_to="widgets/")

        class Meta:
            app_label = "ops"

        def __str__(self) -> str:
            return self.drawing.name

    # Not entered as a context manager: SQLite's editor refuses inside a transaction.
    editor = connection.schema_editor()
    editor.deferred_sql = []  # what __enter__ would set: foreign keys on PostgreSQL go here
    with connection.cursor() as cursor:
        for model in (Widget, WidgetPart):
            sql, params = editor.table_sql(model)
            cursor.execute(sql, params)
        for statement in editor.deferred_sql:
            cursor.execute(str(statement))
    try:
        yield Widget, WidgetPart
    finally:
        del apps.all_models["ops"]["widget"], apps.all_models["ops"]["widgetpart"]
        apps.clear_cache()


@pytest.fixture
def media(settings, tmp_path):  # noqa: ANN001, ANN201
    settings.MEDIA_ROOT = tmp_path / "uploads"
    return settings.MEDIA_ROOT


def make_widget(Widget, WidgetPart, school, owner, drawing: bytes):  # noqa: ANN001, ANN201, N803
    widget = Widget.objects.create(school=school, owner=owner, label="Ramp")
    part = WidgetPart(widget=widget)
    part.drawing.save("plan.pdf", ContentFile(drawing), save=True)
    return widget, part


def test_a_new_models_rows_and_files_round_trip(widget_models, media, tmp_path) -> None:
    Widget, WidgetPart = widget_models  # noqa: N806
    world = make_world()
    widget, part = make_widget(
        Widget, WidgetPart, world.school, world.user("clerk"), b"%PDF-1.7 ours"
    )
    theirs, their_part = make_widget(
        Widget, WidgetPart, world.other_school, world.user("outsider"), b"theirs"
    )
    path = backup(tmp_path / "school.zip", world.school.urn)

    WidgetPart.objects.filter(pk=part.pk).delete()
    Widget.objects.filter(pk=widget.pk).update(label="Changed")
    (media / part.drawing.name).unlink()
    restore(path, "--replace")

    restored = WidgetPart.objects.select_related("widget__owner").get(pk=part.pk)
    assert (restored.widget.label, restored.widget.owner.username) == ("Ramp", "clerk")
    assert (media / part.drawing.name).read_bytes() == b"%PDF-1.7 ours"
    assert Widget.objects.get(pk=theirs.pk).school == world.other_school
    assert (media / their_part.drawing.name).read_bytes() == b"theirs"


def test_uploads_only_the_replaced_data_had_are_deleted_once_committed(
    widget_models, media, tmp_path, django_capture_on_commit_callbacks
) -> None:
    Widget, WidgetPart = widget_models  # noqa: N806
    world = make_world()
    widget, kept = make_widget(
        Widget, WidgetPart, world.school, world.user("clerk"), b"kept"
    )
    path = backup(tmp_path / "school.zip", world.school.urn)
    later = WidgetPart(widget=widget)
    later.drawing.save("later.pdf", ContentFile(b"added after the backup"), save=True)

    with django_capture_on_commit_callbacks(execute=True):
        restore(path, "--replace")

    assert not (media / later.drawing.name).exists()
    assert (media / kept.drawing.name).read_bytes() == b"kept"
    assert not WidgetPart.objects.filter(pk=later.pk).exists()


def test_the_backup_holds_only_the_schools_rows_and_files(
    widget_models, media, tmp_path
) -> None:
    Widget, WidgetPart = widget_models  # noqa: N806
    world = make_world()
    _, part = make_widget(
        Widget, WidgetPart, world.school, world.user("clerk"), b"ours"
    )
    _, their_part = make_widget(
        Widget, WidgetPart, world.other_school, world.user("outsider"), b"theirs"
    )

    path = backup(tmp_path / "school.zip", world.school.urn)

    with zipfile.ZipFile(path) as archive:
        assert archive.read(f"media/{part.drawing.name}") == b"ours"
        assert f"media/{their_part.drawing.name}" not in archive.namelist()
        data = archive.read("data.json").decode()
    assert data.count('"model": "ops.widget"') == 1
    assert data.count('"model": "ops.widgetpart"') == 1


def test_a_failed_restore_removes_the_files_it_wrote(
    widget_models, media, tmp_path
) -> None:
    Widget, WidgetPart = widget_models  # noqa: N806
    world = make_world()
    _, part = make_widget(
        Widget, WidgetPart, world.school, world.user("clerk"), b"ours"
    )
    path = backup(tmp_path / "school.zip", world.school.urn)
    (media / part.drawing.name).unlink()
    Membership.objects.filter(school=world.school).delete()
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
    damaged = tmp_path / "no-file.zip"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(damaged, "w") as target:
        for name in names:
            if not name.startswith("media/"):
                target.writestr(name, source.read(name))

    with pytest.raises(Exception, match="the uploaded file widgets/.* is not in it"):
        restore(damaged, "--replace")

    assert not (media / part.drawing.name).exists()
    assert Membership.objects.filter(school=world.school).count() == 0
