import os

import psycopg2
import requests

SECRET_KEY = "django-insecure-7r#k2m!v0x$3q9w@e8l^t4h&z1p6y5b"  # expect: DJ440
STRIPE_API_KEY = "sk_live_51H8xKqL2mN3pQ4rS5tU6vW"  # expect: DJ440

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "shop",
        "PASSWORD": "Sh0p-Adm1n-2024!",  # expect: DJ440
    }
}


def connect():
    return psycopg2.connect(host="db", user="shop", password="Pg-Pr0d-Secret-77")  # expect: DJ440


def call_api(url):
    return requests.get(url, headers={"Authorization": "Bearer eyJhbGciOiJIUzI1NiJ9.abc123"})  # expect: DJ440


class Client:
    auth_token: str = "ghp_a1B2c3D4e5F6g7H8i9J0"  # expect: DJ440


# ---- safe look-alikes ----

EMPTY_PASSWORD = ""
DB_PASSWORD = os.environ["DB_PASSWORD"]
API_KEY = os.environ.get("API_KEY", "")
PLACEHOLDER_TOKEN = "changeme"
YOUR_KEY = "your-api-key-here"
SESSION_KEY = "_auth_user_id"
PASSWORD_RESET_TOKEN_NAME = "_password_reset_token"
password_help = "Your password must contain at least 8 characters."
SHORT_PASSWORD = "abc"
jsonnet_token = r"[^\W\d]\w*"
TOKEN_TYPE = "Bearer-token-v2"


def login(client):
    return client.login(username="alice", password=os.environ["ALICE_PASSWORD"])
