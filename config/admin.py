"""The admin's front door: allauth's sign-in (rate limited, MFA-aware), and in
production no admin for staff who have not set up two-factor authentication."""

from allauth.account.decorators import secure_admin_login
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import admin, messages
from django.shortcuts import redirect


def mfa_satisfied(user):
    return not settings.ADMIN_REQUIRE_MFA or is_mfa_enabled(user)


class SiteAdmin(admin.AdminSite):
    def has_permission(self, request):
        return super().has_permission(request) and mfa_satisfied(request.user)

    def login(self, request, extra_context=None):
        user = request.user
        if user.is_authenticated and user.is_staff and not mfa_satisfied(user):
            messages.info(request, "Set up two-factor authentication to use the admin.")
            return redirect("mfa_index")
        # Signing in happens on allauth's page, where the rate limits and MFA apply.
        return secure_admin_login(super().login)(request, extra_context)
