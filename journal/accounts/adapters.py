"""allauth, adjusted: an email that cannot be sent never costs anyone their sign-up, and
mail (and the authenticator app's entry) of someone in discreet mode does not name the site."""

import logging
import smtplib

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context
from allauth.mfa.adapter import DefaultMFAAdapter
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.hashers import make_password
from django.utils.crypto import get_random_string

from .models import Profile

logger = logging.getLogger(__name__)

EMAIL_NOT_SENT = (
    "We could not send you an email just now, but your account is saved. "
    "Please try again in a few minutes: sign in and we will send a new link, "
    "or resend it yourself from the Email page of your account."
)


class AccountAdapter(DefaultAccountAdapter):
    def render_mail(self, template_prefix, email, context, headers=None):
        addresses = [email] if isinstance(email, str) else email
        discreet = any(Profile.is_discreet_address(address) for address in addresses)
        message = super().render_mail(
            template_prefix, email, {**context, "discreet": discreet}, headers
        )
        if discreet:
            # An inbox on a shared device shows sender and subject before anything else.
            prefix = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX
            subject = message.subject.removeprefix(prefix)
            message.subject = settings.DISCREET_EMAIL_SUBJECT_PREFIX + subject
            message.from_email = settings.DISCREET_FROM_EMAIL
        return message

    def send_account_already_exists_mail(self, email):
        # A real sign-up hashes its password: doing the same work here keeps both answers
        # equally slow, so not even the time taken tells them apart.
        make_password(get_random_string(32))
        super().send_account_already_exists_mail(email)

    def send_mail(self, template_prefix, email, context_data):
        try:
            super().send_mail(template_prefix, email, context_data)
        except (smtplib.SMTPException, OSError):
            # The address stays out of the log; the template says which email failed.
            logger.error("Email not sent: %s", template_prefix, exc_info=True)
            request = context.request
            if request is not None and hasattr(request, "_messages"):
                messages.warning(request, EMAIL_NOT_SENT)


class MFAAdapter(DefaultMFAAdapter):
    def get_totp_issuer(self):
        # The name an authenticator app shows beside the code, on the same shared phone.
        if getattr(context.request, "discreet", False):
            return "Notes"
        return super().get_totp_issuer()
