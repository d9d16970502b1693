"""A fully furnished owner: every kind of private row, each carrying a unique marker.

The markers are what must never reach anyone else: if one appears in a response to
another persona, private data leaked.
"""

import hashlib
import os

import pytest
import reversion
from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from cryptography.hazmat.primitives.asymmetric import ec
from django.core.management import call_command
from django.utils import timezone
from fido2.cose import ES256
from fido2.utils import websafe_encode
from fido2.webauthn import (
    AttestationObject,
    AttestedCredentialData,
    AuthenticatorData,
    CollectedClientData,
)

from guide.models import Article, Practice, Section, Stage, SupportPage
from journal.letters.models import Kind, Letter, Seal
from journal.models import CheckIn, Entry, EntryDraft, Journey, PracticeTick, Profile, Role, Tag
from journal.reminders.models import ReminderSettings
from journal.reminders.tasks import send_due_reminders

MARKERS = {
    "entry_title": "MKR-entry-title-7f3a",
    "entry_body": "MKR-entry-body-91c2",
    "tag": "MKR-tag-55d0",
    "draft": "MKR-draft-0b8e",
    "intention": "MKR-intention-c4d1",
    "transition": "MKR-move-note-a9e7",
    "check_in": "MKR-checkin-note-3f6b",
    "webauthn": "MKR-key-name-e21d",
    "letter": "MKR-letter-body-6c2e",
    "sealed_letter": "MKR-sealed-letter-d7a1",
}


def passkey_credential():
    """A well-formed WebAuthn registration (attestation "none") for a fresh P-256 key."""
    key = ec.generate_private_key(ec.SECP256R1())
    credential_id = os.urandom(16)
    public = AttestedCredentialData.create(
        bytes(16), credential_id, ES256.from_cryptography_key(key.public_key())
    )
    flags = AuthenticatorData.FLAG.UP | AuthenticatorData.FLAG.AT
    auth_data = AuthenticatorData.create(hashlib.sha256(b"localhost").digest(), flags, 0, public)
    attestation = AttestationObject.create("none", auth_data, {})
    client_data = CollectedClientData.create("webauthn.create", b"challenge", "http://localhost")
    return {
        "id": websafe_encode(credential_id),
        "rawId": websafe_encode(credential_id),
        "type": "public-key",
        "response": {
            "clientDataJSON": websafe_encode(bytes(client_data)),
            "attestationObject": websafe_encode(bytes(attestation)),
        },
        "clientExtensionResults": {},
    }


@pytest.fixture
def furnished(owner, db):
    """The shipped guide, and the owner with one of every private thing, all marked."""
    call_command("load_guide", verbosity=0)
    stages = list(Stage.objects.published())
    article = Article.objects.published().first()
    section = Section.objects.published().filter(article=article).first()
    # A revision of each guide model, so the admin's history and compare URLs have one.
    with reversion.create_revision():
        for obj in (article, section, stages[0], SupportPage.objects.first()):
            if obj is not None:
                obj.save()

    Profile.objects.update_or_create(owner=owner, defaults={"timezone": "Europe/Paris"})
    journey = Journey.start(owner, Role.CHASER, stages[0], intention=MARKERS["intention"])
    journey.move_to(stages[1], note=MARKERS["transition"])
    entry = Entry.objects.create(
        owner=owner,
        title=MARKERS["entry_title"],
        body=MARKERS["entry_body"],
        mood=2,
        stage=stages[1],
        entry_date=timezone.localdate(),
    )
    entry.tags.set(Tag.for_names(owner, [MARKERS["tag"]]))
    EntryDraft.save_for(owner, "Draft", MARKERS["draft"])
    CheckIn.record(owner, 2, note=MARKERS["check_in"])
    practice = Practice.objects.filter(stage=stages[1]).first()
    PracticeTick.set_done(owner, practice, True)
    key = Authenticator.objects.create(
        user=owner,
        type=Authenticator.Type.WEBAUTHN,
        data={"name": MARKERS["webauthn"], "credential": passkey_credential()},
    )
    letter = Letter.objects.create(owner=owner, kind=Kind.UNSENT, body=MARKERS["letter"])
    # Sealed until the next move: nobody, the owner included, reads it yet.
    sealed = Letter.objects.create(
        owner=owner, kind=Kind.FUTURE, seal=Seal.NEXT_STAGE, body=MARKERS["sealed_letter"]
    )
    ReminderSettings.objects.create(owner=owner, check_in=True, reflect=True)
    send_due_reminders.enqueue()  # a queued task, so the task admin's pages are checked too
    UserSession.objects.create(user=owner, ip="127.0.0.1", session_key="k" * 32, user_agent="Test")
    return {
        "owner": owner,
        "entry": entry,
        "tag": entry.tags.get(),
        "journey": journey,
        "practice": practice,
        "stage": stages[1],
        "article": article,
        "section": section,
        "webauthn": key,
        "letter": letter,
        "sealed_letter": sealed,
    }


def snapshot(user):
    """Everything the person has stored, as plain values, to compare before and after."""
    rows = {
        "user": list(
            type(user).objects.filter(pk=user.pk).values("email", "password", "is_active")
        ),
        "entries": list(
            Entry.objects.filter(owner=user)
            .order_by("pk")
            .values("pk", "title", "body", "mood", "entry_date", "stage", "updated_at")
        ),
        "tags": sorted(Tag.objects.filter(owner=user).values_list("name", flat=True)),
        "entry_tags": sorted(
            Entry.tags.through.objects.filter(entry__owner=user).values_list("entry", "tag")
        ),
        "draft": list(EntryDraft.objects.filter(owner=user).values("title", "body")),
        "journey": list(Journey.objects.filter(owner=user).values("role", "stage", "intention")),
        "transitions": list(user.stage_transitions.order_by("pk").values("to_stage", "note")),
        "check_ins": list(CheckIn.objects.filter(owner=user).values("day", "mood", "note")),
        "ticks": list(PracticeTick.objects.filter(owner=user).values("practice", "undone_on")),
        "profile": list(Profile.objects.filter(owner=user).values("timezone")),
        "reminders": list(
            ReminderSettings.objects.filter(owner=user).values(
                "check_in", "reflect", "time_of_day", "reflect_weekday"
            )
        ),
        "letters": list(
            Letter.objects.filter(owner=user)
            .order_by("pk")
            .values("title", "body", "read_at", "archived_at")
        ),
    }
    return rows
