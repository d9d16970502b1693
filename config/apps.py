from django.contrib.admin.apps import AdminConfig


class SiteAdminConfig(AdminConfig):
    """Django's admin, with this site's front door (see config.admin.SiteAdmin)."""

    default_site = "config.admin.SiteAdmin"
