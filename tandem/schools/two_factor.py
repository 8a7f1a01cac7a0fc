"""Turning a person's second sign-in step (an authenticator app, TOTP) on and off.

Each change is audited and the account's owner is told by email, so someone who learnt a
password and linked their own app, or a reset nobody asked for, does not go unnoticed.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django_otp.plugins.otp_totp.models import TOTPDevice

from tandem.audit.services import record

logger = logging.getLogger(__name__)


@transaction.atomic
def turn_on(device: TOTPDevice, *, by) -> None:  # noqa: ANN001
    device.confirmed = True
    device.save(update_fields=["confirmed"])

    record("accounts.two_factor.enabled", device, by=by)
    _tell(device.user, "two_factor_enabled")
    logger.info("User %s: two-factor sign-in turned on", device.user_id)


@transaction.atomic
def turn_off(user, *, by) -> int:  # noqa: ANN001
    """Remove every authenticator app of the user (a lost phone); returns how many."""

    devices = list(TOTPDevice.objects.select_for_update().filter(user=user))
    for device in devices:
        record("accounts.two_factor.removed", device, by=by, user=user.pk)
        device.delete()
    if devices:
        _tell(user, "two_factor_removed")
        logger.info("User %s: two-factor sign-in turned off", user.pk)

    return len(devices)


def _tell(user, template: str) -> None:  # noqa: ANN001
    if not user.email:
        return
    context = {"user": user, "sign_in": settings.TANDEM_BASE_URL.rstrip("/") + "/"}
    subject = render_to_string(f"emails/{template}_subject.txt", context)
    EmailMessage(
        subject=" ".join(subject.split()),
        body=render_to_string(f"emails/{template}_body.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
    ).send()
