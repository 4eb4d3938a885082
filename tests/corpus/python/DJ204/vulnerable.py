from django.http import HttpResponse, HttpResponseBadRequest

def a(request):
    return HttpResponse("<p>" + request.GET["note"] + "</p>")

def b(request):
    return HttpResponse(f"Hello {request.GET['name']}")

def c(request):
    return HttpResponseBadRequest("bad value: %s" % request.POST["v"])

def d(request):
    return HttpResponse(request.body, content_type="text/html")

def e(request):
    msg = request.COOKIES.get("flash", "")
    return HttpResponse(content=msg)
