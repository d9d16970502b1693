"""The admin's front door: allauth's sign-in (rate limited, MFA-aware), and in
production no admin for staff who have not set up two-factor authentication."""

from functools import wraps

from allauth.account.decorators import secure_admin_login
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect


def mfa_satisfied(user):
    return not settings.ADMIN_REQUIRE_MFA or is_mfa_enabled(user)


def protect(site):
    original_has_permission = site.has_permission

    def has_permission(request):
        return original_has_permission(request) and mfa_satisfied(request.user)

    def login(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            user = request.user
            if user.is_authenticated and user.is_staff and not mfa_satisfied(user):
                messages.info(request, "Set up two-factor authentication to use the admin.")
                return redirect("mfa_index")
            return view(request, *args, **kwargs)

        return secure_admin_login(wrapper)

    site.has_permission = has_permission
    site.login = login(site.login)
