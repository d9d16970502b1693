"""A system check: settings that would let the site reveal who has an account."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security)
def sign_up_hides_who_has_an_account(app_configs, **kwargs):
    if settings.ACCOUNT_EMAIL_VERIFICATION == "mandatory":
        return []
    return [
        checks.Warning(
            "Sign-up with a taken address answers 'already registered' unless email "
            "verification is mandatory.",
            hint="Set ACCOUNT_EMAIL_VERIFICATION=mandatory (the default).",
            id="journal.W001",
        )
    ]
