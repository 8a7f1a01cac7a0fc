import io
import re
import smtplib
import time

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tandem.audit.models import AuditEntry
from tandem.schools.accounts import PENDING_KEY
from tandem.schools.models import Membership
from tandem.testing import PASSWORD, make_member, make_school

Role = Membership.Role


def code_for(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=6):06d}"


def pending_code(client) -> str:  # noqa: ANN001
    """A code from the secret the set-up page showed this client (kept in its session)."""

    return code_for(TOTPDevice(key=client.session[PENDING_KEY]))


@pytest.mark.django_db
@pytest.mark.login_throttling
def test_five_wrong_passwords_lock_the_account_even_for_the_right_one(client) -> None:
    school = make_school()
    user = make_member(school, Role.SENCO, username="rhiannon")
    login = reverse("login")

    for _ in range(5):
        client.post(login, {"username": "rhiannon", "password": "wrong"})
    response = client.post(login, {"username": "rhiannon", "password": PASSWORD})

    assert response.status_code == 429
    assert "Too many attempts to sign in" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert user.is_active


@pytest.mark.django_db
@pytest.mark.login_throttling
def test_right_password_signs_in_with_throttling_on(client) -> None:
    make_member(make_school(), Role.SENCO, username="rhiannon")

    response = client.post(
        reverse("login"), {"username": "rhiannon", "password": PASSWORD}
    )

    assert response.status_code == 302
    assert "_auth_user_id" in client.session


@pytest.mark.django_db
def test_pages_carry_a_content_security_policy_without_inline_scripts(client) -> None:
    response = client.get(reverse("login"))

    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "<script>" not in response.content.decode()


@pytest.mark.django_db
def test_password_reset_sends_a_working_link(client) -> None:
    user = make_member(make_school(), Role.SENCO, username="rhiannon")

    client.post(reverse("password_reset"), {"email": user.email})

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Reset your Tandem password"
    link = re.search(r"http://testserver(/accounts/reset/\S+/)", message.body)[1]
    form_page = client.get(link, follow=True)
    assert "Choose a new password" in form_page.content.decode()
    done = client.post(
        form_page.redirect_chain[-1][0],
        {
            "new_password1": "a-new-long-password-7",
            "new_password2": "a-new-long-password-7",
        },
    )
    assert done.status_code == 302
    user.refresh_from_db()
    assert user.check_password("a-new-long-password-7")


@pytest.mark.django_db
def test_school_requiring_two_factor_sends_writers_to_set_it_up(client) -> None:
    school = make_school(require_two_factor=True)
    senco = make_member(school, Role.SENCO, username="rhiannon")
    client.force_login(senco)
    dashboard = reverse("schools:dashboard", kwargs={"urn": school.urn})

    first = client.get(dashboard)

    assert first.status_code == 302
    assert first["Location"].startswith(reverse("two-factor-setup"))
    setup_page = client.get(first["Location"])
    assert "Scan this QR code" in setup_page.content.decode()
    assert not TOTPDevice.objects.filter(user=senco).exists()  # nothing until a code
    confirmed = client.post(first["Location"], {"token": pending_code(client)})
    assert confirmed.status_code == 302 and confirmed["Location"] == dashboard
    assert client.get(dashboard).status_code == 200
    assert (
        AuditEntry.objects.filter(
            action="accounts.two_factor.enabled", actor=senco
        ).count()
        == 1
    )


@pytest.mark.django_db
def test_read_only_roles_are_not_forced_into_two_factor(client) -> None:
    school = make_school(require_two_factor=True)
    officer = make_member(school, Role.OFFICER, username="fatima")
    client.force_login(officer)

    response = client.get(reverse("schools:dashboard", kwargs={"urn": school.urn}))

    assert response.status_code == 200


@pytest.mark.django_db
def test_a_user_with_an_app_must_enter_a_code_after_the_password(client) -> None:
    school = make_school()
    senco = make_member(school, Role.SENCO, username="rhiannon")
    device = TOTPDevice.objects.create(user=senco, name="phone", confirmed=True)

    signed_in = client.post(
        reverse("login"), {"username": "rhiannon", "password": PASSWORD}
    )
    assert signed_in["Location"].startswith(reverse("two-factor-verify"))
    dashboard = reverse("schools:dashboard", kwargs={"urn": school.urn})
    assert client.get(dashboard)["Location"].startswith(reverse("two-factor-verify"))

    wrong = client.post(
        reverse("two-factor-verify"), {"token": "000000", "next": dashboard}
    )
    assert "That code is not right" in wrong.content.decode()
    time.sleep(
        1.1
    )  # django-otp makes a second attempt wait a second after a wrong code
    right = client.post(
        reverse("two-factor-verify"), {"token": code_for(device), "next": dashboard}
    )
    assert right["Location"] == dashboard
    assert client.get(dashboard).status_code == 200


@pytest.mark.django_db
def test_verify_ignores_a_next_address_on_another_site(client) -> None:
    senco = make_member(make_school(), Role.SENCO, username="rhiannon")
    device = TOTPDevice.objects.create(user=senco, name="phone", confirmed=True)
    client.force_login(senco)

    response = client.post(
        reverse("two-factor-verify"),
        {"token": code_for(device), "next": "https://evil.example/"},
    )

    assert response["Location"] == reverse("home")


@pytest.mark.django_db
def test_a_password_alone_cannot_enrol_a_second_app(client) -> None:
    """Someone who knows only the password goes to set-up instead of the code step: they
    are sent to the code step, and no app of theirs is ever confirmed."""

    school = make_school(require_two_factor=True)
    senco = make_member(school, Role.SENCO, username="rhiannon")
    TOTPDevice.objects.create(user=senco, name="phone", confirmed=True)
    client.post(reverse("login"), {"username": "rhiannon", "password": PASSWORD})
    dashboard = reverse("schools:dashboard", kwargs={"urn": school.urn})
    setup = f"{reverse('two-factor-setup')}?next={dashboard}"

    shown = client.get(setup)
    posted = client.post(setup, {"token": "123456", "next": dashboard})

    verify = f"{reverse('two-factor-verify')}?next=%2Fschools%2F{school.urn}%2F"
    assert (shown.status_code, shown["Location"]) == (302, verify)
    assert (posted.status_code, posted["Location"]) == (302, verify)
    assert list(
        TOTPDevice.objects.filter(user=senco).values_list("name", "confirmed")
    ) == [("phone", True)]
    assert client.get(dashboard)["Location"].startswith(reverse("two-factor-verify"))


@pytest.mark.django_db
def test_turning_two_factor_on_tells_the_owner_by_email(
    client, django_capture_on_commit_callbacks
) -> None:
    senco = make_member(make_school(), Role.SENCO, username="rhiannon")
    senco.first_name, senco.last_name = "Rhiannon", "O'Brien"
    senco.save()
    client.force_login(senco)
    client.get(reverse("two-factor-setup"))

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("two-factor-setup"), {"token": pending_code(client)})

    [notice] = mail.outbox
    assert notice.to == ["rhiannon@example.org"]
    assert notice.subject == "Two-factor sign-in was turned on for your Tandem account"
    assert notice.body.startswith("Dear Rhiannon O'Brien,\n")
    assert "someone else knows your password" in notice.body


@pytest.mark.django_db
def test_reset_two_factor_removes_the_apps_audits_and_tells_the_owner(
    client, django_capture_on_commit_callbacks
) -> None:
    school = make_school(require_two_factor=True)
    senco = make_member(school, Role.SENCO, username="rhiannon")
    TOTPDevice.objects.create(user=senco, name="lost phone", confirmed=True)
    out = io.StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("reset_two_factor", "rhiannon", stdout=out)

    assert out.getvalue() == (
        "Removed 1 authenticator app from rhiannon; they have been told by email.\n"
    )
    assert not TOTPDevice.objects.filter(user=senco).exists()
    entry = AuditEntry.objects.get(action="accounts.two_factor.removed")
    assert entry.data == {"user": senco.pk}
    [notice] = mail.outbox
    assert notice.subject == "Two-factor sign-in was turned off for your Tandem account"
    # Signing in again asks for a new app, not a code.
    signed_in = client.post(
        reverse("login"), {"username": "rhiannon", "password": PASSWORD}
    )
    dashboard = client.get(reverse("schools:dashboard", kwargs={"urn": school.urn}))
    assert not signed_in["Location"].startswith(reverse("two-factor-verify"))
    assert dashboard["Location"].startswith(reverse("two-factor-setup"))


@pytest.mark.django_db
def test_reset_two_factor_names_an_unknown_account() -> None:
    with pytest.raises(CommandError, match="No account is called 'nobody'."):
        call_command("reset_two_factor", "nobody")


@pytest.mark.django_db
def test_each_showing_of_set_up_has_a_fresh_secret_that_nobody_can_plant() -> None:
    """Someone with the password opens set-up and notes the secret; when the owner sets
    up later, they are shown (and confirm) a secret of their own."""

    senco = make_member(make_school(require_two_factor=True), Role.SENCO, username="r")
    attacker, owner = Client(), Client()
    for person in (attacker, owner):
        person.post(reverse("login"), {"username": "r", "password": PASSWORD})
    attacker.get(reverse("two-factor-setup"))
    planted = attacker.session[PENDING_KEY]

    owner.get(reverse("two-factor-setup"))
    owner.post(reverse("two-factor-setup"), {"token": pending_code(owner)})

    [device] = TOTPDevice.objects.filter(user=senco)
    assert device.confirmed and device.key != planted
    refused = attacker.post(
        reverse("two-factor-setup"), {"token": code_for(TOTPDevice(key=planted))}
    )
    assert refused["Location"].startswith(reverse("two-factor-verify"))
    assert TOTPDevice.objects.filter(user=senco).count() == 1


@pytest.mark.django_db
def test_set_up_left_unfinished_twice_neither_breaks_nor_survives(client) -> None:
    senco = make_member(make_school(), Role.SENCO, username="rhiannon")
    for name in ("older", "old"):
        TOTPDevice.objects.create(user=senco, name=name, confirmed=False)
    client.force_login(senco)

    shown = client.get(reverse("two-factor-setup"))
    client.post(reverse("two-factor-setup"), {"token": pending_code(client)})

    assert shown.status_code == 200
    assert list(
        TOTPDevice.objects.filter(user=senco).values_list("name", "confirmed")
    ) == [("Authenticator app", True)]


class _FailingMail(BaseEmailBackend):
    def send_messages(self, messages) -> int:  # noqa: ANN001
        raise smtplib.SMTPServerDisconnected("the mail server is down")


@pytest.mark.django_db
def test_a_mail_server_that_is_down_does_not_stop_two_factor_turning_on(
    client, settings, django_capture_on_commit_callbacks, caplog
) -> None:
    settings.EMAIL_BACKEND = f"{__name__}._FailingMail"
    senco = make_member(make_school(), Role.SENCO, username="rhiannon")
    client.force_login(senco)
    client.get(reverse("two-factor-setup"))

    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(reverse("two-factor-setup"), {"token": pending_code(client)})

    assert done.status_code == 302
    assert TOTPDevice.objects.get(user=senco).confirmed
    assert f"User {senco.pk}: the two_factor_enabled email could not be sent" in (
        caplog.text
    )


@pytest.mark.django_db
def test_reset_counts_only_apps_and_says_email_only_when_sent() -> None:
    senco = make_member(make_school(), Role.SENCO, username="rhiannon")
    senco.email = ""
    senco.save()
    TOTPDevice.objects.create(user=senco, name="never finished", confirmed=False)
    out = io.StringIO()

    call_command("reset_two_factor", "rhiannon", stdout=out)

    assert out.getvalue() == "rhiannon has no authenticator app; nothing changed.\n"
    assert not TOTPDevice.objects.filter(user=senco).exists()
    assert not AuditEntry.objects.filter(action="accounts.two_factor.removed").exists()
