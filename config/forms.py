"""How every Django form on the site is drawn (the design system's form markup)."""

from django.forms.renderers import TemplatesSetting


class SiteFormRenderer(TemplatesSetting):
    """Django's renderer, with the site's field template (templates/forms/field.html)."""

    field_template_name = "forms/field.html"
