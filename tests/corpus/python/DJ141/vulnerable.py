SESSION_SERIALIZER = "django.contrib.sessions.serializers.PickleSerializer"
import os

if os.environ.get("LEGACY_SESSIONS"):
    SESSION_SERIALIZER = 'django.contrib.sessions.serializers.PickleSerializer'


def configure(settings):
    settings.SESSION_SERIALIZER = "django.contrib.sessions.serializers.PickleSerializer"


class Legacy:
    SESSION_SERIALIZER = "django.contrib.sessions.serializers.PickleSerializer"

SESSION_SERIALIZER = (
    "django.contrib.sessions.serializers.PickleSerializer"
)
