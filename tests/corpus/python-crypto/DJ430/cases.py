import ssl
import urllib.request

import httpx
import requests
import urllib3

urllib3.disable_warnings()  # expect: DJ430


def feed(url):
    return requests.get(url, verify=False, timeout=30)  # expect: DJ430


def post(url, data):
    return requests.post(url, data=data, verify=False)  # expect: DJ430


def client():
    return httpx.Client(verify=False)  # expect: DJ430


def legacy(url):
    ctx = ssl._create_unverified_context()  # expect: DJ430
    return urllib.request.urlopen(url, context=ctx)


def manual(url):
    ctx = ssl.create_default_context()
    ctx.check_hostname = False  # expect: DJ430
    ctx.verify_mode = ssl.CERT_NONE  # expect: DJ430
    return ctx


def session_wide():
    session = requests.Session()
    session.verify = False  # expect: DJ430
    return session


# ---- safe look-alikes ----

def verified(url):
    return requests.get(url, timeout=30)


def private_ca(url):
    return requests.get(url, verify="/etc/ssl/supplier-ca.pem", timeout=30)


def explicit_true(url):
    return httpx.get(url, verify=True)


def default_context():
    ctx = ssl.create_default_context()
    ctx.verify_mode = ssl.CERT_REQUIRED
    return ctx


def form_field(form):
    # a form flag named verify, not TLS
    return form.save(verify=False)


CERT_MAP = {ssl.CERT_NONE: "none", ssl.CERT_REQUIRED: "required"}


def opt_in(ctx, insecure_option):
    ctx.verify_mode = ssl.CERT_NONE if insecure_option else ssl.CERT_REQUIRED
    return ctx.verify_mode == ssl.CERT_NONE


def hostname_on():
    ctx = ssl.create_default_context()
    ctx.check_hostname = True
    return ctx
