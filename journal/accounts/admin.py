from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.utils.text import capfirst

User = get_user_model()


class PrivateUserAdmin(UserAdmin):
    """Deleting a person lists counts, never their rows: entry titles and tag names
    would otherwise appear on the confirmation page."""

    def get_deleted_objects(self, objs, request):
        _, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        summary = [f"{capfirst(obj._meta.verbose_name)}: {obj}" for obj in objs]
        return summary, model_count, perms_needed, protected


admin.site.unregister(User)
admin.site.register(User, PrivateUserAdmin)
