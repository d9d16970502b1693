"""The admin's front door: allauth's sign-in (rate limited, MFA-aware), and in
production no admin for staff who have not set up two-factor authentication."""

from functools import wraps

from allauth.account.decorators import secure_admin_login
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.shortcuts import redirect
from django.utils.text import capfirst


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
    hide_private_rows(site)


class PrivateRowsHidden:
    """Deleting a person in admin lists counts, never the rows: entry titles and tag
    names would otherwise appear on the confirmation page."""

    def get_deleted_objects(self, objs, request):
        _, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        summary = [f"{capfirst(obj._meta.verbose_name)}: {obj}" for obj in objs]
        return summary, model_count, perms_needed, protected


def hide_private_rows(site):
    user_model = get_user_model()
    if not site.is_registered(user_model):
        return
    current = type(site.get_model_admin(user_model))
    site.unregister(user_model)
    site.register(user_model, type("PrivateUserAdmin", (PrivateRowsHidden, current), {}))
