import pytest
from django.db import IntegrityError

from tandem.audit.models import AuditEntry
from tandem.planner.models import CalendarFeedToken
from tandem.planner.services import (
    digest_of,
    issue_feed_token,
    live_token_for,
    revoke_feed_token,
)
from tandem.testing import make_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return make_world()


class TestFeedTokens:
    def test_only_a_digest_is_stored(self, world):
        senco = world.user("senco")

        token, secret = issue_feed_token(senco, world.school, by=senco)

        assert len(secret) >= 40
        assert token.digest == digest_of(secret) != secret
        assert token.hint == secret[:6]
        assert live_token_for(secret) == token

    def test_regenerating_revokes_the_old_secret(self, world):
        senco = world.user("senco")
        old, old_secret = issue_feed_token(senco, world.school, by=senco)

        new, new_secret = issue_feed_token(senco, world.school, by=senco)

        old.refresh_from_db()
        assert old.revoked_at is not None
        assert live_token_for(old_secret) is None
        assert live_token_for(new_secret) == new
        codes = AuditEntry.objects.filter(action__startswith="planner.feed")
        assert sorted(codes.values_list("action", flat=True)) == [
            "planner.feed.created",
            "planner.feed.regenerated",
        ]

    def test_revoked_secret_no_longer_works(self, world):
        senco = world.user("senco")
        token, secret = issue_feed_token(senco, world.school, by=senco)

        revoke_feed_token(token, by=senco)

        assert live_token_for(secret) is None
        entry = AuditEntry.objects.get(action="planner.feed.revoked")
        assert (entry.actor, entry.object_id) == (senco, str(token.pk))

    def test_one_live_token_per_user_and_school(self, world):
        senco = world.user("senco")
        token, _ = issue_feed_token(senco, world.school, by=senco)

        with pytest.raises(IntegrityError):
            CalendarFeedToken.objects.create(
                user=senco, school=world.school, digest="x" * 64, hint="xxxxxx"
            )
