"""Every URL of the project, for every persona: nobody's journal reaches anyone else.

The URLs come from the resolver, not from a hand list, so a new page is checked the day
it is added. Path parameters are filled with the owner's real objects (their entry,
their passkey, their user row in admin...). A new pattern with a parameter no rule
knows how to fill makes the test fail until a rule (or an allow-list reason) is added.
"""

import re

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import URLResolver, get_resolver, resolve
from django.utils.http import int_to_base36
from reversion import is_registered
from reversion.models import Version

from journal.models import Entry
from tests.factories import PASSWORD

from .conftest import MARKERS, snapshot

pytestmark = pytest.mark.django_db

# Journal and phase-tracker data: never shown to anyone but its owner, admin included.
PRIVATE_MARKERS = [value for key, value in MARKERS.items() if key != "webauthn"]
# Pages that belong to one signed-in person.
PRIVATE_PREFIXES = ("journal/", "journey/", "accounts/2fa/", "accounts/sessions/")
ADMIN_PREFIX = "admin/"
GUIDE_APP = "guide"

# Patterns the walk cannot fill with a real object, and why. Empty today: keep it short.
ALLOW_LIST = {}

# A payload that would change the owner's data if any view accepted it for someone else.
HIJACK = {
    "title": "HIJACK",
    "body": "HIJACK",
    "tags_text": "HIJACK",
    "mood": "1",
    "note": "HIJACK",
    "intention": "HIJACK",
    "role": "runner",
    "direction": "forward",
    "done": "0",
    "timezone": "UTC",
    "name": "HIJACK",
    "how": "delete",
    "time_of_day": "01:00",
    "reflect_weekday": "1",
}

PARAM = re.compile(r"<(?:(?P<conv>\w+):)?(?P<name>\w+)>|\(\?P<(?P<rname>\w+)>[^)]*\)|\([^)]*\)")


def walk(patterns=None, prefix=""):
    """(route, pattern) for every endpoint, through every include."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from walk(pattern.url_patterns, route)
        else:
            yield route, pattern


def params_of(route):
    """Parameter names in order; unnamed regex groups are numbered."""
    names, unnamed = [], 0
    for match in PARAM.finditer(route):
        name = match.group("name") or match.group("rname")
        if name is None:
            name, unnamed = f"_{unnamed}", unnamed + 1
        names.append(name)
    return names


def build(route, values):
    """The URL for `route` with `values` put in place of its parameters."""
    counter = iter(range(100))

    def put(match):
        name = match.group("name") or match.group("rname") or f"_{next(counter)}"
        return str(values[name])

    return "/" + PARAM.sub(put, route).replace("^", "").replace("$", "")


def admin_object(model, seed):
    """The object an admin URL of `model` is checked with: the owner's own, when it has one."""
    owner = seed["owner"]
    if model is get_user_model():
        return owner
    if model is Group:
        return Group.objects.get(name="Editors")
    if any(field.name == "user" for field in model._meta.fields):
        obj = model.objects.filter(user=owner).first()
    else:
        obj = model.objects.order_by("pk").first()
    assert obj is not None, f"seed one {model.__name__} so its admin URLs are checked"
    return obj


def fillings(route, seed):
    """Every set of values `route` is checked with ([{}] when it takes none), or None."""
    names = params_of(route)
    if not names:
        return [{}]
    if route in ALLOW_LIST:
        return []
    owner, entry = seed["owner"], seed["entry"]
    if route.startswith("journal/<uuid:public_id>/"):
        return [{"public_id": entry.public_id}]
    if route.startswith("journal/<int:pk>/"):
        # The old numbered addresses: the owner's real number, and one no entry has.
        return [{"pk": entry.pk}, {"pk": entry.pk + 1000}]
    if route.startswith("journal/letters/<uuid:public_id>/"):
        return [{"public_id": seed[key].public_id} for key in ("letter", "sealed_letter")]
    if route == "journey/practices/<int:pk>/":
        return [{"pk": seed["practice"].pk}]
    if route == "guide/stages/<slug:slug>/":
        return [{"slug": seed["stage"].slug}]
    if route == "guide/<slug:slug>/":
        return [{"slug": seed["article"].slug}]
    if route.startswith("accounts/2fa/webauthn/keys/<int:pk>/"):
        return [{"pk": seed["webauthn"].pk}]
    if route == "reminders/unsubscribe/<str:token>/":
        # A real token is the owner's own bearer link (tests/reminders); a forged one does nothing.
        return [{"token": "not-a-real-token"}]
    if route.startswith("accounts/^confirm-email/"):
        return [{"key": "not-a-real-key"}]
    if route.startswith("accounts/^password/reset/key/"):
        return [{"uidb36": int_to_base36(owner.pk), "key": "not-a-real-key"}]
    if route == "admin/r/<path:content_type_id>/<path:object_id>/":
        # "View on site" for the owner's entry: staff get a redirect, never the entry.
        return [
            {"content_type_id": ContentType.objects.get_for_model(Entry).pk, "object_id": entry.pk}
        ]
    if route.startswith("admin/^(?P<app_label>"):
        labels = re.search(r"<app_label>([^)]*)\)", route).group(1).split("|")
        return [{"app_label": label} for label in labels]
    if route == "admin/(?P<url>.*)$":
        return [{"url": "journal/entry/"}, {"url": "journal/"}]
    if route == "admin/auth/user/<id>/password/":
        return [{"id": owner.pk}]
    model = admin_model(route)
    if model:
        obj = admin_object(model, seed)
        version_id = 0
        if is_registered(model):
            version_id = Version.objects.get_for_object(obj).values_list("pk", flat=True).first()
        values = {"object_id": obj.pk, "_0": obj.pk, "_1": version_id}
        if "recover" in route:
            values["_0"] = version_id
        return [{name: values[name] for name in names}]
    return None


def checked_urls(seed):
    """(route, url) pairs for the whole project; fails on a pattern no rule can fill."""
    pairs, unknown = [], []
    for route, _pattern in walk():
        values = fillings(route, seed)
        if values is None:
            unknown.append(route)
            continue
        for value in values:
            url = build(route, value)
            reached = resolve(url).route.replace("^", "")
            assert reached == route.replace("^", ""), f"{url} does not reach {route}"
            pairs.append((route, url))
    assert not unknown, (
        f"New URL patterns with parameters the matrix cannot fill: {unknown}. "
        "Add a rule in fillings() (or an ALLOW_LIST entry with a reason)."
    )
    return pairs


def is_private(route):
    return route == "" or route.startswith(PRIVATE_PREFIXES)


OWNER_OBJECT_ROUTES = (
    "journal/<uuid:public_id>/",
    "journal/<int:pk>/",
    "journal/letters/<uuid:public_id>/",
    "accounts/2fa/webauthn/keys/",
)


def takes_owner_object(route):
    return route.startswith(OWNER_OBJECT_ROUTES)


def admin_model(route):
    """The model an admin URL is about, or None (index, login, password pages...)."""
    match = re.match(r"admin/(\w+)/(\w+)/", route)
    try:
        return apps.get_model(*match.groups()) if match else None
    except LookupError:
        return None


def admin_model_app(route):
    model = admin_model(route)
    return model._meta.app_label if model else None


def login_client(user):
    client = Client(raise_request_exception=False)
    if user is not None:
        client.force_login(user)
    return client


def request(user, method, url, data=None):
    client = login_client(user)
    send = client.get if method == "GET" else client.post
    return send(url, data or {})


def leaks(response, markers):
    text = response.content.decode(errors="replace")
    location = response.get("Location", "")
    return [marker for marker in markers if marker in text or marker in location]


def leaks_text(text, markers):
    return [marker for marker in markers if marker in text]


def is_login_redirect(response):
    return response.status_code == 302 and "/accounts/login/" in response["Location"]


# --- The matrix -------------------------------------------------------------------


@pytest.fixture
def personas(furnished, other_user, editor, superuser):
    return {
        "anonymous": None,
        "other_user": other_user,
        "editor": editor,
        "superuser": superuser,
    }


def expect_for_stranger(role, route, response):
    """What a non-owner may see; returns a problem or None."""
    status = response.status_code
    if status >= 500:
        return f"{status} server error"
    if role == "anonymous":
        if is_private(route) and route and status not in (302, 405):
            return f"anonymous got {status}, expected a sign-in redirect"
        # Home is public for visitors; every other private page sends them to sign in.
        if is_private(route) and route and status == 302 and not is_login_redirect(response):
            return f"anonymous redirected to {response['Location']}, not sign-in"
        if route.startswith(ADMIN_PREFIX) and status == 200:
            return "anonymous reached an admin page"
        return None
    if route.startswith("accounts/2fa/") and status == 302:
        # allauth asks for a fresh sign-in before any 2FA page; see the test below.
        # Its sign-in steps send someone already signed in home.
        home = response["Location"] == "/" and not takes_owner_object(route)
        if "/reauthenticate/" not in response["Location"] and not home:
            return f"{role} redirected to {response['Location']}"
        return None
    if takes_owner_object(route) and status not in (404, 405):
        return f"{role} got {status} for the owner's object, expected 404"
    if route.startswith(ADMIN_PREFIX) and role == "other_user" and status == 200:
        return "a person who is not staff reached an admin page"
    if role == "editor" and route.endswith("/") and route.startswith(ADMIN_PREFIX):
        app = admin_model_app(route)
        if app and app != GUIDE_APP and status not in (403, 404, 302):
            return f"editor got {status} on a non-guide admin page"
    return None


ROLES = ["anonymous", "other_user", "editor", "superuser"]


@pytest.mark.parametrize("role", ROLES)
def test_no_one_but_the_owner_sees_or_changes_the_owners_data(role, personas, furnished):
    user = personas[role]
    owner = furnished["owner"]
    before = snapshot(owner)
    problems, checked = [], 0
    for route, url in checked_urls(furnished):
        for method in ("GET", "POST"):
            data = HIJACK if method == "POST" and is_private(route) else None
            response = request(user, method, url, data)
            checked += 1
            markers = PRIVATE_MARKERS + (
                [] if route.startswith(ADMIN_PREFIX) else [MARKERS["webauthn"]]
            )
            leaked = leaks(response, markers)
            if leaked:
                problems.append(f"{method} {url}: {role} saw {leaked}")
            problem = expect_for_stranger(role, route, response)
            if problem:
                problems.append(f"{method} {url}: {problem}")
            if method == "POST" and snapshot(owner) != before:
                problems.append(f"POST {url}: {role} changed the owner's data")
                before = snapshot(owner)
    print(f"authorization matrix: {role}: {checked} requests")
    assert checked > 250
    assert not problems, "\n".join(problems)


def test_the_owner_reaches_every_page_and_sees_their_own_data(furnished):
    owner = furnished["owner"]
    problems, checked = [], 0
    for route, url in checked_urls(furnished):
        response = request(owner, "GET", url)
        checked += 1
        if response.status_code >= 500:
            problems.append(f"GET {url}: {response.status_code}")
        if route.startswith(ADMIN_PREFIX) and response.status_code == 200:
            problems.append(f"GET {url}: a person who is not staff reached an admin page")
        if route.startswith("journal/<uuid:public_id>/") and response.status_code != 200:
            problems.append(f"GET {url}: the owner got {response.status_code}")
        # The downloads hold sealed letters on purpose (they are the person's); pages never.
        downloads = route.startswith("journal/data/export")
        if not downloads and MARKERS["sealed_letter"] in response.content.decode(errors="replace"):
            problems.append(f"GET {url}: a sealed letter was opened early")
        if url.startswith(f"/journal/{furnished['entry'].pk}/"):
            # The owner's old numbered address sends them to the entry's new one.
            new_url = url.replace(str(furnished["entry"].pk), str(furnished["entry"].public_id))
            if response.status_code != 302 or response["Location"] != new_url:
                problems.append(f"GET {url}: the owner was not sent on to {new_url}")
    print(f"authorization matrix: owner: {checked} requests")
    assert not problems, "\n".join(problems)
    # The positive control: the seeded markers are really where the owner sees them.
    pages = {
        f"/journal/{furnished['entry'].public_id}/": ["entry_title", "entry_body", "tag"],
        "/journal/new/": ["draft"],
        "/journey/start/": ["intention"],
        "/journey/history/": ["transition"],
        "/": ["check_in"],
        f"/journal/letters/{furnished['letter'].public_id}/": ["letter"],
        "/accounts/2fa/webauthn/": ["webauthn"],
    }
    for url, keys in pages.items():
        text = request(owner, "GET", url).content.decode()
        for key in keys:
            assert MARKERS[key] in text, f"{MARKERS[key]} missing from {url}"


def test_owners_posts_never_fail_with_a_server_error(furnished):
    problems = []
    for _route, url in checked_urls(furnished):
        response = request(furnished["owner"], "POST", url)
        if response.status_code >= 500:
            problems.append(f"POST {url}: {response.status_code}")
    assert not problems, "\n".join(problems)


def test_editors_reach_only_the_guide_in_admin(personas, furnished):
    editor, superuser = personas["editor"], personas["superuser"]
    changelists = [
        (route, url) for route, url in checked_urls(furnished)
        if re.fullmatch(r"admin/\w+/\w+/", route) and admin_model(route)
    ]  # fmt: skip
    assert changelists
    for route, url in changelists:
        app = admin_model_app(route)
        expected = 200 if app == GUIDE_APP else 403
        assert request(editor, "GET", url).status_code == expected, url
        assert request(superuser, "GET", url).status_code == 200, url
    index = request(editor, "GET", "/admin/").content.decode()
    for model in apps.get_models():
        if model._meta.app_label != GUIDE_APP:
            assert f"/admin/{model._meta.app_label}/{model._meta.model_name}/" not in index
    print(f"authorization matrix: {len(changelists)} admin changelists for editor and superuser")


def test_no_journal_model_is_in_admin_at_all():
    from django.contrib import admin

    assert not [m for m in admin.site._registry if m._meta.app_label == "journal"]


def test_the_walk_covers_every_pattern(furnished):
    routes = {route for route, _ in walk()}
    covered = {route for route, _ in checked_urls(furnished)}
    assert routes - covered == set(ALLOW_LIST)


def test_after_a_fresh_sign_in_another_persons_passkey_is_still_404(furnished, other_user):
    client = Client(raise_request_exception=False)
    response = client.post("/accounts/login/", {"login": other_user.email, "password": PASSWORD})
    assert response.status_code == 302
    response = client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    assert response.status_code == 302
    key = furnished["webauthn"].pk
    for url in [
        f"/accounts/2fa/webauthn/keys/{key}/edit/",
        f"/accounts/2fa/webauthn/keys/{key}/remove/",
    ]:
        for send in (client.get, client.post):
            response = send(url, {"name": "HIJACK"})
            assert response.status_code == 404, url
            assert MARKERS["webauthn"] not in response.content.decode()
    furnished["webauthn"].refresh_from_db()
    assert furnished["webauthn"].data["name"] == MARKERS["webauthn"]


def test_deleting_a_person_in_admin_lists_counts_not_their_writing(furnished, superuser):
    client = login_client(superuser)
    page = client.get(f"/admin/auth/user/{furnished['owner'].pk}/delete/").content.decode()
    assert "Entries: 1" in page or "entries: 1" in page.lower()
    assert not leaks_text(page, PRIVATE_MARKERS)
