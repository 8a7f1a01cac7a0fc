import threading

import pytest
from django.db import connection

from tandem.lib.concurrency import StaleEdit, save_versioned
from tandem.schools.models import TeamMember
from tandem.testing import make_school, make_team_member


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_saves_from_the_same_version_one_wins() -> None:
    member = make_team_member(make_school(), notes="original")
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def edit(notes: str) -> None:
        copy = TeamMember.objects.get(pk=member.pk)
        copy.notes = notes
        barrier.wait()
        try:
            save_versioned(copy, ["notes"], expected=1)
            outcomes.append(f"saved {notes}")
        except StaleEdit:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=edit, args=(n,)) for n in ("first", "second")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    member.refresh_from_db()
    assert sorted(outcomes)[0] == "refused" and len(outcomes) == 2
    assert f"saved {member.notes}" in outcomes
    assert member.version == 2
