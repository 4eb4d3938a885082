from django.conf import settings
from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme

def a(request):
    next_url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        return redirect(next_url)
    return redirect(settings.LOGIN_REDIRECT_URL)

def b(request):
    target = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(url=target, allowed_hosts={request.get_host()}):
        target = "/"
    return redirect(target)

def c(request):
    return HttpResponseRedirect(request.get_full_path() + "?done=1")

def d(request):
    return redirect("/shop/?q=" + request.GET["q"])

def e(request):
    url = request.GET.get("next")
    ok = url_has_allowed_host_and_scheme(url=url, allowed_hosts=None)
    return redirect(url if ok else "/")

def f(request):
    return redirect(f"/products/{request.GET['slug']}/")
