"""Hostile and broken input at every form and list: a form error or a 4xx, never a 500.

Each target is a URL with a valid base payload; every field in turn gets every value of
the corpus. A request that is refused (4xx, a form shown again, an error message) must
leave everything the owner had stored exactly as it was.
"""

import datetime
import io
import json

import pytest
from django.contrib.messages import constants
from django.forms import BaseForm
from django.test import Client

from journal.data.export import FORMAT, VERSION
from journal.models import Entry
from tests.factories import PASSWORD

from .conftest import snapshot

pytestmark = pytest.mark.django_db

MB = 1024 * 1024

TEXT = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "<svg/onload=alert(1)>",
    "{{ 7*7 }}{% debug %}",
    "'; DROP TABLE journal_entry; --",
    "a\x00b",
    "\x00",
    "\u202eevil\u202c right-to-left \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627",
    "💔🔥👩‍❤️‍👨🏽 emoji, ZWJ and skin tones",
    "\u200b\u200d\ufeff zero-width",
    "\x01\x07\x1b[31m control characters",
    "x" * MB,
    "",
    "   ",
    "%00%0d%0aSet-Cookie: x=y",
    "../../../../etc/passwd",
]
DATES = [
    "2024-02-30",
    "2024-13-01",
    "0000-00-00",
    "9999-12-31",
    "99999-01-01",
    "1-1-1",
    "-2024-01-01",
    "2024-01-01T00:00:00Z",
    "1" * 400,
    "today",
    "\x00",
]
NUMBERS = [
    "-1",
    "0",
    "9" * 30,
    "1.5",
    "NaN",
    "1e308",
    "0x10",
    "٣",
    "²",
    "\x00",
    "",
    "[]",
]
# Query strings of a list: unknown filters, absurd pages, huge values.
QUERIES = [
    {"q": "<script>alert(1)</script>"},
    {"q": "x" * 100_000},
    {"q": "a\x00b"},
    {"q": "\u202e💔"},
    {"q": '"unbalanced AND (OR NOT * :'},
    {"page": "9" * 40},
    {"page": "-1"},
    {"page": "last"},
    {"page": "\x00"},
    {"days": "9" * 40},
    {"days": "-5"},
    {"days": "0"},
    {"days": "365000"},
    {"mood": "9"},
    {"mood": "²"},
    {"stage": "no-such-stage"},
    {"stage": "\x00"},
    {"tag": "x" * 10_000},
    {"date_from": "2024-02-30", "date_to": "99999-01-01"},
    {"date_from": "9999-12-31", "date_to": "0001-01-01"},
    {"prompt": "²", "section": "¹"},
    {"prompt": "9" * 40, "section": "-1"},
    {"unknown_filter": "x", "order_by": "owner__password", "owner": "1"},
    {"preview": "1"},
    {"next": "https://evil.example/", "format": "json"},
    {"q": "x", "q2": "y" * 50_000, "z": "z" * 50_000},
    {"year": "9" * 40},
    {"year": "-2024"},
    {"year": "²"},
    {"archived": "\x00"},
]


def field_values(kind):
    return {"text": TEXT, "date": DATES, "number": NUMBERS}[kind]


# --- Targets ------------------------------------------------------------------------
# (name, url, valid base data, {field: kind}); url may use {entry} (its public id),
# {entry_number} (its old numbered address) and {practice}.

FORMS = [
    (
        "journal new",
        "/journal/new/",
        {"title": "T", "body": "B", "mood": "3", "entry_date": "2024-01-01", "tags_text": "a"},
        {"title": "text", "body": "text", "mood": "number", "entry_date": "date",
         "tags_text": "text"},
    ),
    (
        "journal edit",
        "/journal/{entry}/edit/",
        {"title": "T", "body": "B", "mood": "3", "entry_date": "2024-01-01", "tags_text": "a"},
        {"title": "text", "body": "text", "mood": "number", "entry_date": "date",
         "tags_text": "text"},
    ),
    ("journal draft", "/journal/draft/", {"title": "T", "body": "B"},
     {"title": "text", "body": "text"}),
    ("journal settings", "/journal/settings/", {"timezone": "Europe/Paris"},
     {"timezone": "text"}),
    (
        "journey start",
        "/journey/start/",
        {"role": "chaser", "stage": "{stage}", "intention": "I"},
        {"role": "text", "stage": "number", "intention": "text"},
    ),
    ("journey move", "/journey/move/", {"direction": "forward", "note": "N"},
     {"direction": "text", "note": "text"}),
    ("journey check-in", "/journey/check-in/", {"mood": "3", "note": "N", "next": "/"},
     {"mood": "number", "note": "text"}),
    ("journey tick", "/journey/practices/{practice}/", {"done": "1"}, {"done": "number"}),
    ("letter new", "/journal/letters/new/", {"title": "T", "body": "B"},
     {"title": "text", "body": "text"}),
    (
        "letter to the future",
        "/journal/letters/new/future/",
        {"title": "T", "body": "B", "seal": "date", "open_on": "2099-01-01"},
        {"title": "text", "body": "text", "seal": "text", "open_on": "date"},
    ),
    ("letter edit", "/journal/letters/{letter}/edit/", {"title": "T", "body": "B"},
     {"title": "text", "body": "text"}),
    ("letter let go", "/journal/letters/{letter}/let-go/", {"how": "archive"}, {"how": "text"}),
    (
        "reminders",
        "/journal/reminders/",
        {"check_in": "on", "time_of_day": "08:00", "reflect_weekday": "6"},
        {"check_in": "text", "time_of_day": "text", "reflect_weekday": "number"},
    ),
    ("account email", "/accounts/email/", {"email": "new@example.com", "action_add": ""},
     {"email": "text"}),
    (
        "account password change",
        "/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": "x-new-pass-99", "password2": "x-new-pass-99"},
        {"oldpassword": "text", "password1": "text", "password2": "text"},
    ),
]  # fmt: skip
ANONYMOUS_FORMS = [
    ("sign in", "/accounts/login/", {"login": "owner@example.com", "password": "wrong"},
     {"login": "text", "password": "text"}),
    ("sign up", "/accounts/signup/",
     {"email": "new@example.com", "password1": "x", "password2": "y"},
     {"email": "text", "password1": "text", "password2": "text", "timezone": "text"}),
    ("password reset", "/accounts/password/reset/", {"email": "nobody@example.com"},
     {"email": "text"}),
]  # fmt: skip
LISTS = [
    "/journal/",
    "/journal/new/",
    "/journey/history/",
    "/journey/",
    "/",
    "/guide/search/",
    "/guide/",
    "/help/",
    "/journal/data/",
    "/journal/letters/",
]
WRONG_METHODS = ["put", "patch", "delete", "options", "trace"]


class Tally:
    def __init__(self):
        self.tried = 0
        self.errors = []

    def record(self, label, response):
        self.tried += 1
        if response.status_code >= 500:
            self.errors.append(f"{label}: {response.status_code}")


def context_values(context):
    """Every value a response's templates were rendered with, however nested."""
    if hasattr(context, "flatten"):
        yield from context.flatten().values()
    elif isinstance(context, (list, tuple)):
        for item in context:
            yield from context_values(item)
    elif isinstance(context, dict):
        yield from context.values()


def form_errors(response):
    """Errors of the bound forms the response was rendered with."""
    forms = [
        value
        for value in context_values(response.context)
        if isinstance(value, BaseForm) and value.is_bound
    ]
    return [form.errors for form in forms if form.errors]


def refused(response):
    """A 4xx, the form shown again with errors, or an error message after a redirect."""
    if response.status_code >= 400 or form_errors(response):
        return True
    # Only this request's messages: the storage also holds ones not yet shown.
    queued = getattr(response.wsgi_request, "_messages", None)
    return any(m.level >= constants.ERROR for m in getattr(queued, "_queued_messages", []))


def owner_client(owner):
    client = Client(raise_request_exception=False)
    client.force_login(owner)
    return client


def fill(template, seed):
    return template.format(
        entry=seed["entry"].public_id,
        entry_number=seed["entry"].pk,
        practice=seed["practice"].pk,
        stage=seed["stage"].pk,
        letter=seed["letter"].public_id,
    )


def attack_form(client, url, base, fields, owner, tally, label, htmx=False):
    headers = {"HX-Request": "true"} if htmx else {}
    for field, kind in fields.items():
        for value in field_values(kind):
            before = snapshot(owner)
            response = client.post(url, {**base, field: value}, headers=headers)
            tally.record(f"{label} {field}={value[:30]!r}", response)
            if refused(response) and snapshot(owner) != before:
                tally.errors.append(f"{label} {field}={value[:30]!r}: refused but data changed")


@pytest.mark.parametrize("form", FORMS, ids=[f[0] for f in FORMS])
def test_signed_in_forms_refuse_bad_input_without_a_server_error(form, furnished):
    label, url, base, fields = form
    owner = furnished["owner"]
    url = fill(url, furnished)
    base = {key: fill(value, furnished) for key, value in base.items()}
    tally = Tally()
    client = owner_client(owner)
    attack_form(client, url, base, fields, owner, tally, label)
    attack_form(client, url, base, fields, owner, tally, label + " (htmx)", htmx=True)
    print(f"bad input: {label}: {tally.tried} tried, {len(tally.errors)} problems")
    assert not tally.errors, "\n".join(tally.errors)


@pytest.mark.parametrize("form", ANONYMOUS_FORMS, ids=[f[0] for f in ANONYMOUS_FORMS])
def test_account_forms_refuse_bad_input_without_a_server_error(form, furnished, settings):
    label, url, base, fields = form
    owner = furnished["owner"]
    # Rate limits would answer 429 before the form is read: lift them to reach the forms.
    settings.ACCOUNT_RATE_LIMITS = False
    tally = Tally()
    attack_form(Client(raise_request_exception=False), url, base, fields, owner, tally, label)
    print(f"bad input: {label}: {tally.tried} tried, {len(tally.errors)} problems")
    assert not tally.errors, "\n".join(tally.errors)


@pytest.mark.parametrize("url", LISTS)
def test_lists_take_any_query_string_without_a_server_error(url, furnished):
    owner = furnished["owner"]
    client, tally = owner_client(owner), Tally()
    before = snapshot(owner)
    for query in QUERIES:
        tally.record(f"GET {url} {str(query)[:60]}", client.get(url, query))
        tally.record(
            f"GET {url} (htmx) {str(query)[:60]}",
            client.get(url, query, headers={"HX-Request": "true", "HX-Target": "entry-results"}),
        )
    # A raw query string of about 1 MB, and one that is not valid UTF-8.
    tally.record(f"GET {url} 1 MB query", client.get(url + "?q=" + "x" * MB))
    tally.record(f"GET {url} bad UTF-8", client.get(url, QUERY_STRING="q=%ff%fe%00"))
    assert snapshot(owner) == before
    print(f"bad input: {url}: {tally.tried} tried, {len(tally.errors)} problems")
    assert not tally.errors, "\n".join(tally.errors)


# Every page that answers GET answers HEAD too (uptime monitors and link checkers send it).
SAFE, POST_ONLY = {"GET", "HEAD"}, {"POST"}
FORMS_METHODS = {"GET", "HEAD", "POST"}
# Every page of the journal, the phase tracker and the guide, with the methods it answers.
ALLOWED_METHODS = {
    "/": SAFE,
    "/journal/": SAFE,
    "/journal/new/": FORMS_METHODS,
    "/journal/{entry}/": SAFE,
    "/journal/{entry}/edit/": FORMS_METHODS,
    "/journal/{entry}/delete/": FORMS_METHODS,
    # Old numbered addresses only send the owner on.
    "/journal/{entry_number}/": SAFE,
    "/journal/{entry_number}/edit/": SAFE,
    "/journal/{entry_number}/delete/": SAFE,
    "/journal/draft/": POST_ONLY,
    "/journal/draft/discard/": FORMS_METHODS,
    "/journal/settings/": FORMS_METHODS,
    "/journal/data/": SAFE,
    "/journal/data/export.json": SAFE,
    "/journal/data/export.zip": SAFE,
    "/journal/data/import/": POST_ONLY,
    "/journal/data/import/other/": POST_ONLY,
    "/journal/letters/": SAFE,
    "/journal/letters/new/": FORMS_METHODS,
    "/journal/letters/new/future/": FORMS_METHODS,
    "/journal/letters/{letter}/": SAFE,
    "/journal/letters/{letter}/edit/": FORMS_METHODS,
    "/journal/letters/{letter}/let-go/": FORMS_METHODS,
    "/journal/letters/{letter}/restore/": POST_ONLY,
    "/journal/reminders/": FORMS_METHODS,
    "/reminders/unsubscribe/not-a-real-token/": FORMS_METHODS,
    "/journal/data/delete/": FORMS_METHODS,
    "/journey/": SAFE,
    "/journey/start/": FORMS_METHODS,
    "/journey/practices/{practice}/": POST_ONLY,
    "/journey/move/": POST_ONLY,
    "/journey/check-in/": POST_ONLY,
    "/journey/history/": SAFE,
    "/guide/": SAFE,
    "/guide/search/": SAFE,
    "/guide/stages/{stage_slug}/": SAFE,
    "/guide/{article}/": SAFE,
    "/help/": SAFE,
    "/help/right-now/": SAFE,
    "/sitemap.xml": SAFE,
    "/robots.txt": SAFE,
}


def fill_any(template, seed):
    from guide.models import Article

    article = Article.objects.published().first()
    template = template.replace("{stage_slug}", seed["stage"].slug)
    return fill(template.replace("{article}", article.slug), seed)


def test_every_journal_journey_and_guide_page_is_in_the_methods_table(furnished):
    from django.urls import resolve

    import guide.urls
    import journal.journey.urls
    import journal.letters.urls
    import journal.reminders.urls
    import journal.urls

    names = {"home"}
    names |= {f"journal:{pattern.name}" for pattern in journal.urls.journal_patterns}
    modules = (journal.journey.urls, journal.letters.urls, journal.reminders.urls, guide.urls)
    for module in modules:
        names |= {f"{module.app_name}:{pattern.name}" for pattern in module.urlpatterns}
    covered = {resolve(fill_any(url, furnished)).view_name for url in ALLOWED_METHODS}
    assert covered == names


@pytest.mark.parametrize("method", WRONG_METHODS)
def test_wrong_methods_are_refused_with_405_and_change_nothing(method, furnished):
    owner = furnished["owner"]
    client, tally = owner_client(owner), Tally()
    before = snapshot(owner)
    for template, allowed in ALLOWED_METHODS.items():
        url = fill_any(template, furnished)
        response = getattr(client, method)(url, "title=PUT&body=PUT&mood=1")
        tally.record(f"{method.upper()} {url}", response)
        if response.status_code != 405:
            tally.errors.append(f"{method.upper()} {url}: {response.status_code}, not 405")
        elif set(response["Allow"].split(", ")) != allowed:
            tally.errors.append(f"{method.upper()} {url}: Allow: {response['Allow']}")
    assert snapshot(owner) == before
    print(f"bad input: {method.upper()}: {tally.tried} tried, {len(tally.errors)} problems")
    assert not tally.errors, "\n".join(tally.errors)


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_visitors_get_405_on_public_pages_and_sign_in_on_private_ones(method, furnished):
    client = Client(raise_request_exception=False)
    for template in ALLOWED_METHODS:
        url = fill_any(template, furnished)
        response = getattr(client, method)(url)
        if template.startswith(("/journal/", "/journey/")):
            assert response.status_code == 302, url
            assert response["Location"].startswith("/accounts/login/"), url
        else:
            assert response.status_code == 405, url


def test_a_signed_in_person_without_a_journey_gets_405_not_onboarding(furnished, other_user):
    client = owner_client(other_user)
    for template in ALLOWED_METHODS:
        if template.startswith("/journey/") and template != "/journey/start/":
            url = fill_any(template, furnished)
            assert client.put(url).status_code == 405, url


def test_a_post_only_address_visited_in_a_browser_is_a_405(furnished):
    client = owner_client(furnished["owner"])
    for template, allowed in ALLOWED_METHODS.items():
        if allowed == POST_ONLY:
            assert client.get(fill_any(template, furnished)).status_code == 405, template


def test_every_page_that_answers_get_answers_head_the_same_without_a_body(furnished):
    client = owner_client(furnished["owner"])
    for template, allowed in ALLOWED_METHODS.items():
        if "GET" not in allowed:
            continue
        url = fill_any(template, furnished)
        get, head = client.get(url), client.head(url)
        assert head.status_code == get.status_code, url
        assert head["Content-Type"] == get["Content-Type"], url
        assert head.content == b"", url


BAD_TOKENS = [None, "", "x", "a" * 64, "\x00" * 64, "é" * 32, "a" * 10_000]


def test_malformed_csrf_tokens_are_refused_and_change_nothing(furnished):
    owner = furnished["owner"]
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    client.force_login(owner)
    client.get("/journal/new/")  # Sets a real CSRF cookie; the tokens below do not match it.
    before, tally = snapshot(owner), Tally()
    for template, base in [(f[1], f[2]) for f in FORMS]:
        url = fill(template, furnished)
        for token in BAD_TOKENS:
            data = {**{k: fill(v, furnished) for k, v in base.items()}}
            if token is not None:
                data["csrfmiddlewaretoken"] = token
            for headers in ({}, {"X-CSRFToken": token or "bad", "HX-Request": "true"}):
                response = client.post(url, data, headers=headers)
                tally.record(f"POST {url} token={str(token)[:10]!r}", response)
                if response.status_code != 403:
                    tally.errors.append(f"POST {url}: {response.status_code}, not 403")
    assert snapshot(owner) == before
    print(f"bad input: CSRF: {tally.tried} tried, {len(tally.errors)} problems")
    assert not tally.errors, "\n".join(tally.errors)


def test_bodies_over_the_upload_limit_are_a_400(furnished):
    owner = furnished["owner"]
    client, before = owner_client(owner), snapshot(owner)
    for url in [
        "/journal/new/",
        f"/journal/{furnished['entry'].public_id}/edit/",
        "/journal/draft/",
    ]:
        response = client.post(url, {"title": "T", "body": "x" * (3 * MB)})
        assert response.status_code == 400, url
        many_fields = "&".join(f"f{i}=1" for i in range(2000))
        response = client.post(url, many_fields, content_type="application/x-www-form-urlencoded")
        assert response.status_code == 400, url
    assert snapshot(owner) == before


def test_a_one_megabyte_entry_is_an_error_that_keeps_the_text(furnished):
    client = owner_client(furnished["owner"])
    body = "word " * (MB // 5)
    response = client.post("/journal/new/", {"title": "Long", "body": body})
    assert response.status_code == 200
    assert "characters long" in response.text
    assert body[:1000] in response.text


def export_of(**parts):
    """A file that passes the format check, so the parser reads every part of it."""
    return json.dumps({"format": FORMAT, "version": VERSION, **parts}).encode()


def entry(**fields):
    return {"body": "x", "entry_date": "2024-01-01", "created_at": "2024-01-01T10:00:00+00:00",
            **fields}  # fmt: skip


def nested(depth):
    value = "deep"
    for _ in range(depth):
        value = [value]
    return value


# Kept to the character: surrounding spaces (Markdown code), controls, markup, RTL.
FINE_TEXT = (
    "    indented code\n💔 \u202eevil\u202c שלום\n<script>alert(1)</script>{{ 7*7 }}\x01\x1b[31m\n"
)
REFUSED = {
    "empty file": b"",
    "not JSON": b"not json",
    "not UTF-8": b"\x00\xff\xfe",
    "nested too deep for JSON": b"[" * 10_000 + b"]" * 10_000,
    "not an export of this site": b'{"entries": [{"body": "x"}]}',
    "entries not a list": export_of(entries="nope"),
    "NUL in the second entry": export_of(entries=[entry(), entry(body="\u0000")]),
    "five-digit year": export_of(entries=[entry(entry_date="99999-01-01")]),
    "30 February": export_of(entries=[entry(entry_date="2024-02-30", mood="9")]),
    "year 1 before UTC": export_of(entries=[entry(created_at="0001-01-01T00:00:00+05:00")]),
    "nested title": export_of(entries=[entry(title=nested(500))]),
    "nested tag": export_of(entries=[entry(tags=[nested(500)])]),
    "body too long": export_of(entries=[entry(body="x" * 100_001)]),
    "1000 fine, then one without dates": export_of(
        entries=[*[entry(body=f"fine {n}") for n in range(1000)], {"body": "x"}]
    ),
    "tag not a name": export_of(entries=[], tags=[{"name": "not a name"}]),
    "journey a list": export_of(entries=[], journey=["runner"]),
    "mood 3.5": export_of(entries=[], check_ins=[{"day": "2024-01-01", "mood": 3.5}]),
    "move to nowhere": export_of(
        entries=[], stage_transitions=[{"to_stage": None, "created_at": "2024-01-01"}]
    ),
    "tick date a list": export_of(
        entries=[], practice_ticks=[{"practice": "P", "stage": "s", "done_on": []}]
    ),
    "unknown version": json.dumps({"format": FORMAT, "version": 2, "entries": []}).encode(),
}
SAVED = [
    export_of(entries=[entry(title="Odd but fine", body=FINE_TEXT, mood=2, tags=["a", "b"])]),
    export_of(entries=[entry(body=f"many {n}", unknown={"key": [1, 2]}) for n in range(1000)]),
]


def post_import(client, payload):
    upload = io.BytesIO(payload)
    upload.name = "export.json"
    return client.post("/journal/data/import/", {"file": upload})


@pytest.mark.parametrize("payload", REFUSED.values(), ids=REFUSED.keys())
def test_imports_of_broken_files_are_refused_cleanly(payload, furnished):
    owner = furnished["owner"]
    client, before = owner_client(owner), snapshot(owner)
    response = post_import(client, payload)
    assert response.status_code == 400
    assert form_errors(response)
    assert snapshot(owner) == before


@pytest.mark.parametrize("payload", SAVED, ids=["strange text", "a thousand entries"])
def test_imports_of_strange_but_valid_files_are_saved_exactly(payload, furnished):
    owner = furnished["owner"]
    client, before = owner_client(owner), snapshot(owner)["entries"]
    response = post_import(client, payload)
    assert response.status_code == 302
    wanted = json.loads(payload)["entries"]
    added = Entry.objects.filter(owner=owner).exclude(pk__in=[e["pk"] for e in before])
    saved = added.order_by("pk").values_list("title", "body", "mood", "entry_date")
    assert list(saved) == [
        (e.get("title", ""), e["body"], e.get("mood"), datetime.date(2024, 1, 1)) for e in wanted
    ]
    assert {tag.name for entry in added.prefetch_related("tags") for tag in entry.tags.all()} == {
        name for e in wanted for name in e.get("tags", [])
    }


def test_far_future_and_impossible_dates_never_become_entries(furnished):
    owner = furnished["owner"]
    client = owner_client(owner)
    tomorrow = (datetime.date.today() + datetime.timedelta(days=2)).isoformat()
    for day in [*DATES, tomorrow]:
        before = snapshot(owner)
        response = client.post("/journal/new/", {"body": "B", "entry_date": day})
        assert response.status_code == 200, day
        assert snapshot(owner) == before, day


@pytest.mark.parametrize("next_url", ['"><img src=x>', "{{ 7*7 }}", "a\x00b", "💔"])
def test_a_check_in_with_a_strange_next_address_still_redirects_home(next_url, furnished):
    client = owner_client(furnished["owner"])
    response = client.post("/journey/check-in/", {"mood": "3", "next": next_url})
    assert response.status_code == 302
    assert response["Location"] == "/"
