import hashlib
import hmac

from django.conf import settings
from django.http import HttpResponse, HttpResponseForbidden
from django.utils.crypto import constant_time_compare


def payment_webhook(request):
    signature = request.headers.get("X-Signature", "")
    expected = hmac.new(settings.WEBHOOK_SECRET.encode(), request.body, hashlib.sha256).hexdigest()
    if signature == expected:  # expect: DJ420
        return HttpResponse(status=204)
    return HttpResponseForbidden()


def api_view(request, account):
    if request.headers.get("X-Api-Key") != account.api_key:  # expect: DJ420
        return HttpResponseForbidden()
    return HttpResponse("ok")


def confirm(profile, submitted_token):
    return submitted_token == profile.reset_token  # expect: DJ420


def verify(payload, sig_header):
    digest = hmac.new(b"k", payload, hashlib.sha256).hexdigest()
    return sig_header == digest  # expect: DJ420


def inline(request, key):
    return hmac.new(key, request.body, hashlib.sha1).hexdigest() == request.GET.get("mac")  # expect: DJ420


def check_secret(request, stored_secret):
    if request.POST["secret"] != stored_secret:  # expect: DJ420
        raise PermissionError


# ---- safe look-alikes ----

def empty(token):
    return token == ""


def length(token):
    return len(token) == 32


def method(request):
    return request.method == "POST"


def token_kind(token_type):
    return token_type == "bearer"


def good(signature, expected_signature):
    return constant_time_compare(signature, expected_signature)


def confirm_password(password, password2):
    return password != password2


def none_check(api_key):
    return api_key == None  # noqa: E711


class Marker:
    reset_url_token = "set-password"

    def is_marker(self, token):
        return token == self.reset_url_token


def sanitized(request):
    cookie_token = request.COOKIES["csrftoken"]
    csrf_token = cookie_token.strip()
    if csrf_token != cookie_token:
        return True
    return False


def db_signature(connection, default_sig):
    return connection.creation.test_db_signature() != default_sig


def lexer(token, value):
    return token == Keyword and value == "("


def file_integrity(path, digest, expected):
    return digest != expected


def parser_token(token, self_eof):
    return token == self_eof


def replayed(nonce, last_nonce):
    return nonce == last_nonce


class Keyword:
    pass
