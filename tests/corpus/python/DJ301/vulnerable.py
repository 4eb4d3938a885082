from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.views.generic import RedirectView

def a(request):
    return redirect(request.GET.get("next", "/"))

def b(request):
    return HttpResponseRedirect(request.POST["next"])

def c(request):
    target = request.GET["to"]
    if target.startswith("/"):
        return redirect(target)
    return redirect("/")

def d(request):
    return redirect("//" + request.GET["host"])

class Go(RedirectView):
    def get_redirect_url(self, *args, **kwargs):
        return self.request.GET["url"]
