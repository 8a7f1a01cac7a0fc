import datetime as dt
import os

import pytest
from django.core.management import call_command
from django.utils import timezone

from tandem.compliance.tests.builders import make_document, make_version
from tandem.testing import make_world


@pytest.mark.django_db
def test_only_old_files_no_record_refers_to_are_removed(
    settings, tmp_path, capsys
) -> None:  # noqa: ANN001
    settings.MEDIA_ROOT = tmp_path
    world = make_world()
    version = make_version(
        make_document(world.school, by=world.user("senco")), by=world.user("senco")
    )
    kept = tmp_path / version.file.name
    orphan = tmp_path / "documents" / "left-by-a-rollback.pdf"
    fresh = tmp_path / "documents" / "still-being-saved.pdf"
    for path in (orphan, fresh):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"%PDF-1.7")
    old = (timezone.now() - dt.timedelta(days=2)).timestamp()
    os.utime(orphan, (old, old))
    os.utime(kept, (old, old))

    call_command("sweep_uploads", "--dry-run")
    assert orphan.exists()
    call_command("sweep_uploads")

    assert not orphan.exists()
    assert kept.exists() and fresh.exists()
    assert "Removed 1 file(s)" in capsys.readouterr().out
