"""Signing in: the password step, the optional second step (TOTP) and its set-up."""

import base64
import logging

import segno
from django import forms
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from tandem.schools import two_factor
from tandem.schools.permissions import devices_for

logger = logging.getLogger(__name__)

PENDING_KEY = "two_factor_pending_key"


class TokenForm(forms.Form):
    token = forms.CharField(
        label="Code from your authenticator app",
        max_length=8,
        help_text="Six digits, for example 123456.",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}
        ),
    )


class SignInView(auth_views.LoginView):
    """The password step; people with an authenticator app go on to the code step."""

    def get_success_url(self) -> str:
        url = super().get_success_url()
        if devices_for(self.request.user, confirmed=True):
            return f"{reverse('two-factor-verify')}?{urlencode({'next': url})}"
        return url


def _safe_next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or reverse("home")
    if url_has_allowed_host_and_scheme(
        target, {request.get_host()}, request.is_secure()
    ):
        return target
    return reverse("home")


@login_required
def two_factor_verify(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["token"].strip())
        if device is not None:
            otp_login(request, device)
            return redirect(_safe_next(request))
        form.add_error(
            "token", "That code is not right. Codes change every 30 seconds."
        )

    return render(
        request,
        "registration/two_factor_verify.html",
        {"form": form, "next": _safe_next(request)},
    )


@login_required
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    """Set up a first authenticator app. Someone who already has one proves it with a
    code first (the verify step): a password alone must never enrol a second app. The
    secret lives only in this session until a code from it is entered, so nobody can
    plant one for the account's owner to confirm later."""

    if request.user.is_verified():
        messages.info(request, "Two-factor sign-in is already on for your account.")
        return redirect(_safe_next(request))
    if devices_for(request.user, confirmed=True):
        query = urlencode({"next": _safe_next(request)})
        return redirect(f"{reverse('two-factor-verify')}?{query}")
    form = TokenForm(request.POST or None)
    key = request.session.get(PENDING_KEY) if request.method == "POST" else None
    if key is None:  # a fresh secret each time the page is shown, kept in this session
        key = request.session[PENDING_KEY] = random_hex()
        form = TokenForm()
    elif form.is_valid():
        matched = two_factor.matching_step(key, form.cleaned_data["token"].strip())
        if matched is not None:
            device = two_factor.turn_on(request.user, key=key, step=matched)
            del request.session[PENDING_KEY]
            otp_login(request, device)
            messages.success(request, "Two-factor sign-in is now on for your account.")
            return redirect(_safe_next(request))
        form.add_error("token", "That code is not right. Check the time on your phone.")

    pending = TOTPDevice(user=request.user, key=key)
    context = {
        "form": form,
        "next": _safe_next(request),
        "qr_svg": segno.make(pending.config_url, error="m").svg_inline(scale=5),
        "secret": base64.b32encode(pending.bin_key).decode(),
    }
    return render(request, "registration/two_factor_setup.html", context)
