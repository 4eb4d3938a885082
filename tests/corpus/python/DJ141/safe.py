SESSION_SERIALIZER = "django.contrib.sessions.serializers.JSONSerializer"
PICKLE_NOTE = "PickleSerializer was removed in Django 5.0"
SERIALIZERS = ["django.contrib.sessions.serializers.PickleSerializer"]
SESSION_ENGINE = "django.contrib.sessions.backends.signed_cookies"
CACHE_SERIALIZER = "django.contrib.sessions.serializers.PickleSerializer"
