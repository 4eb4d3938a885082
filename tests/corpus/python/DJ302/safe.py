from django.utils.http import url_has_allowed_host_and_scheme

def is_safe_url(url):
    return url.startswith("/")

def a(request):
    return url_has_allowed_host_and_scheme(request.GET["n"], allowed_hosts=None)

def b(request):
    return is_safe_url(request.GET["n"])

def c(checker, url):
    return checker.is_safe_url(url)

def d():
    return "is_safe_url"

def e(url):
    return url_has_allowed_host_and_scheme(url=url, allowed_hosts={"example.com"}, require_https=True)
