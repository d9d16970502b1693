"""The editors' desk: the guide in Django admin, with history, compare and revert.

Editors are staff in the "Editors" group, which holds only the guide's permissions, so
the admin shows them nothing else (no people, no email addresses, no journal).
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.db import models
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import escape, format_html
from reversion_compare.admin import CompareVersionAdmin

from .models import Article, Point, Practice, Prompt, Section, Stage, SupportPage
from .references import describe, people_references, refusal

EMPTY_SECTION = (
    "This section is empty. Write something in Body or add at least one point, "
    "so readers never meet a heading with nothing under it."
)
RESERVED_ARTICLE_SLUGS = {"search", "stages"}
UNPUBLISH_INSTEAD = (
    "To take it out of the guide, set its status to Draft instead: people keep it in their history."
)
RETIRE_INSTEAD = (
    "To take it out of the guide and the tracker, tick “Retired” instead: people keep it "
    "in their history."
)


class TextWithLineFeeds(forms.CharField):
    """Browsers send a textarea's line breaks as CRLF; the guide keeps LF, as loaded.

    So an unchanged section is unchanged to the admin (not saved again, no new
    revision), and a revision's compare shows only what the editor changed.
    """

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n").replace("\r", "\n") if value else value


class GuideFields:
    """Form fields of every guide admin page and inline.

    The admin prints help text as HTML; the guide's help texts are plain words that
    show addresses such as /guide/<slug>/, so they are escaped to be seen as written.
    """

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, models.TextField):
            kwargs.setdefault("form_class", TextWithLineFeeds)
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None and field.help_text:
            field.help_text = escape(field.help_text)
        return field


class GuideAdmin(GuideFields, CompareVersionAdmin):
    """History with compare and revert, a preview link and "view on site" for drafts."""

    history_latest_first = True
    save_on_top = True
    readonly_fields = ["preview_link", "updated_at"]

    def view_on_site(self, obj):
        # Drafts 404 for the public; editors land on the preview instead.
        return obj.get_absolute_url() if obj.is_public else obj.get_preview_url()

    @admin.display(description="Preview")
    def preview_link(self, obj):
        if obj is None or obj.pk is None:
            return "Save first, then preview."
        label = "View live page" if obj.is_public else "Preview draft"
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>', obj.get_preview_url(), label
        )

    @admin.display(description="Public now", boolean=True)
    def is_public_now(self, obj):
        return obj.is_public

    # Deleting: never what people refer to, and never a word about who they are.

    def get_deleted_objects(self, objs, request):
        """Django's list of what a delete takes with it, but people's records that stop
        it only as counts: the default page would name them ("Journey of user 1")."""
        deleted, model_count, perms_needed, _named = super().get_deleted_objects(objs, request)
        counts = people_references(objs)
        protected = [f"People's own records: {describe(counts)}"] if counts else []
        return deleted, model_count, perms_needed, protected

    def delete_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        allowed = obj is not None and self.has_delete_permission(request, obj)
        if allowed and (counts := people_references([obj])):
            self.message_user(request, refusal(obj, counts, UNPUBLISH_INSTEAD), messages.ERROR)
            return redirect(self._admin_url("change", obj.pk))
        return super().delete_view(request, object_id, extra_context)

    def _admin_url(self, view, pk):
        opts = self.model._meta
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=[pk])


class KeepsPeoplesRecordsInline:
    """An inline whose rows people may refer to: deleting such a row is refused with
    counts and what to do instead (Django's own message would list the records)."""

    instead = UNPUBLISH_INSTEAD

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        instead = self.instead

        class Form(formset.form):
            def hand_clean_DELETE(self):
                deleting = self.cleaned_data.get("DELETE") and not self.instance._state.adding
                if deleting and (counts := people_references([self.instance])):
                    raise ValidationError(refusal(self.instance, counts, instead))

        formset.form = Form
        return formset


# --- Article and its sections ----------------------------------------------------


class SectionInlineFormSet(forms.BaseInlineFormSet):
    def get_unique_error_message(self, unique_check):
        return (
            "Two sections here share the same slug. The slug is the section's link (#slug), "
            "so each one must be different: change a word in one of them."
        )

    def clean(self):
        # Before the duplicate-slug check, which stops at the first problem it finds.
        for form in self.forms:
            if not form.has_changed() and form.instance.pk is None:
                continue
            if not hasattr(form, "cleaned_data") or self._should_delete_form(form):
                continue
            body = (form.cleaned_data.get("body") or "").strip()
            instance = form.instance
            has_points = instance.pk is not None and instance.points.exists()
            if not body and not has_points:
                form.add_error("body", EMPTY_SECTION)
        super().clean()


class SectionInline(KeepsPeoplesRecordsInline, GuideFields, admin.StackedInline):
    model = Section
    formset = SectionInlineFormSet
    extra = 0
    fields = [("title", "slug"), ("order", "audience"), ("status", "publish_at"), "body"]
    prepopulated_fields = {"slug": ["title"]}
    show_change_link = True
    verbose_name = "section (open it to edit its points)"


class ArticleForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = ["title", "slug", "summary", "intro", "status", "publish_at"]

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if slug in RESERVED_ARTICLE_SLUGS:
            raise ValidationError(
                f"“{slug}” is already a page of the guide (/guide/{slug}/). Choose another slug."
            )
        return slug


@admin.register(Article)
class ArticleAdmin(GuideAdmin):
    form = ArticleForm
    inlines = [SectionInline]
    list_display = ["title", "status", "publish_at", "is_public_now", "updated_at"]
    list_filter = ["status"]
    search_fields = ["title", "summary", "intro"]
    prepopulated_fields = {"slug": ["title"]}
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "intro"]}),
        ("Publishing", {"fields": ["status", "publish_at", "preview_link", "updated_at"]}),
    ]


class PointInlineFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        kept = [
            form
            for form in self.forms
            if form.cleaned_data
            and not (self.can_delete and self._should_delete_form(form))
            and (form.has_changed() or form.instance.pk is not None)
        ]
        if not (self.instance.body or "").strip() and not kept:
            raise ValidationError(EMPTY_SECTION)


class PointInline(GuideFields, admin.StackedInline):
    model = Point
    formset = PointInlineFormSet
    extra = 0
    fields = [("title", "order", "audience"), "body"]


@admin.register(Section)
class SectionAdmin(GuideAdmin):
    inlines = [PointInline]
    list_display = ["title", "article", "order", "status", "audience", "is_public_now"]
    list_display_links = ["title"]
    list_editable = ["order"]
    list_filter = ["status", "audience", "article"]
    list_select_related = ["article"]
    search_fields = ["title", "slug", "body", "points__title", "points__body"]
    prepopulated_fields = {"slug": ["title"]}
    fieldsets = [
        (None, {"fields": ["article", "title", "slug", "order", "audience", "body"]}),
        ("Publishing", {"fields": ["status", "publish_at", "preview_link", "updated_at"]}),
    ]


# --- Stages --------------------------------------------------------------------


class PracticeInline(KeepsPeoplesRecordsInline, GuideFields, admin.StackedInline):
    model = Practice
    instead = RETIRE_INSTEAD
    extra = 0
    fields = [("title", "order", "audience", "retired"), "description"]


class PromptInline(KeepsPeoplesRecordsInline, GuideFields, admin.TabularInline):
    model = Prompt
    instead = RETIRE_INSTEAD
    extra = 0
    fields = ["text", "order", "audience", "retired"]


@admin.register(Stage)
class StageAdmin(GuideAdmin):
    inlines = [PracticeInline, PromptInline]
    list_display = ["name", "order", "follows", "status", "publish_at", "is_public_now"]
    list_editable = ["order"]
    list_filter = ["status"]
    search_fields = ["name", "summary", "description", "practices__title", "prompts__text"]
    prepopulated_fields = {"slug": ["name"]}
    fieldsets = [
        (
            None,
            {"fields": ["name", "slug", "order", "follows", "summary", "description", "feelings"]},
        ),
        ("Publishing", {"fields": ["status", "publish_at", "preview_link", "updated_at"]}),
    ]


# --- Support page ----------------------------------------------------------------


@admin.register(SupportPage)
class SupportPageAdmin(GuideFields, CompareVersionAdmin):
    list_display = ["title", "updated_at"]
    readonly_fields = ["updated_at"]
    history_latest_first = True

    def has_add_permission(self, request):
        # There is one support page; the site shows the first.
        return super().has_add_permission(request) and not SupportPage.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
