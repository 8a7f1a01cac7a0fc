"""Turning a person's second sign-in step (an authenticator app, TOTP) on and off.

Each change is audited and the account's owner is told by email, so someone who learnt a
password and linked their own app, or a reset nobody asked for, does not go unnoticed.
"""

import logging
import smtplib
import time

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tandem.audit.services import record

logger = logging.getLogger(__name__)


def matching_step(key: str, token: str) -> int | None:
    """The time step a code from an app holding `key` (hex) matches, or None."""

    if not token.isdigit():
        return None
    pending = TOTPDevice(key=key)
    totp = TOTP(
        pending.bin_key, pending.step, pending.t0, pending.digits, pending.drift
    )
    totp.time = time.time()

    return totp.t() if totp.verify(int(token), pending.tolerance) else None


@transaction.atomic
def turn_on(user, *, key: str, step: int) -> TOTPDevice:  # noqa: ANN001
    """The person's app, with the secret they proved they hold; any set-up left
    unfinished goes. `step` is the code's time step, so that code cannot be used again."""

    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    device = TOTPDevice.objects.create(
        user=user, name="Authenticator app", key=key, confirmed=True, last_t=step
    )

    record("accounts.two_factor.enabled", device, by=user)
    _tell(user, "two_factor_enabled")
    logger.info("User %s: two-factor sign-in turned on", user.pk)

    return device


@transaction.atomic
def turn_off(user, *, by) -> int:  # noqa: ANN001
    """Remove every authenticator app of the user (a lost phone); returns how many."""

    devices = list(TOTPDevice.objects.select_for_update().filter(user=user))
    apps = [device for device in devices if device.confirmed]
    for device in devices:
        if device.confirmed:
            record("accounts.two_factor.removed", device, by=by, user=user.pk)
        device.delete()  # a set-up never finished goes too, silently
    if apps:
        _tell(user, "two_factor_removed")
        logger.info("User %s: two-factor sign-in turned off", user.pk)

    return len(apps)


def _tell(user, template: str) -> None:  # noqa: ANN001
    """Email the owner once the change is committed; a mail server that is down is
    logged and does not undo the change (nor lock the person out)."""

    if user.email:
        transaction.on_commit(lambda: _send(user, template))


def _send(user, template: str) -> None:  # noqa: ANN001
    context = {"user": user, "sign_in": settings.TANDEM_BASE_URL.rstrip("/") + "/"}
    subject = render_to_string(f"emails/{template}_subject.txt", context)
    message = EmailMessage(
        subject=" ".join(subject.split()),
        body=render_to_string(f"emails/{template}_body.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
    )
    try:
        message.send()
    except (OSError, smtplib.SMTPException):
        logger.exception("User %s: the %s email could not be sent", user.pk, template)
