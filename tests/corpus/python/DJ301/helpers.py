# Inter-procedural: the redirect target comes from a helper that reads request data.
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme


def get_next(request):
    return request.GET.get("next", "/")


def logout_view(request):
    return redirect(get_next(request))  # the helper's return value is request data


def go(target):
    return redirect(target)


def jump(request):
    return go(request.POST["to"])  # request data into the helper's redirect


def safe_next(request):
    target = request.GET.get("next", "/")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return "/"


def login_done(request):
    return redirect(safe_next(request))  # guarded inside the helper: safe, not reported
