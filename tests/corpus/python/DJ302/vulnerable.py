from django.utils.http import is_safe_url
from django.utils import http
from django.shortcuts import redirect

def a(request):
    if is_safe_url(request.GET["n"], allowed_hosts=None):
        return redirect(request.GET["n"])

def b(request):
    ok = is_safe_url(url=request.GET["n"], host=request.get_host())
    return ok

def c(request):
    return http.is_safe_url(request.GET["n"])

def d(url):
    return is_safe_url(url)

def e(url, hosts):
    return bool(is_safe_url(url, allowed_hosts=hosts))
