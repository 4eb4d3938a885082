from django.http import HttpResponse
from django.utils.html import escape, format_html

def a(request):
    return HttpResponse("<p>" + escape(request.GET["note"]) + "</p>")

def b(request):
    return HttpResponse(request.GET["note"], content_type="text/plain")

def c(request):
    return HttpResponse(format_html("<p>{}</p>", request.GET["n"]))

def d(request, product):
    return HttpResponse(f"<p>{product.name}</p>")

def e(request):
    return HttpResponse(status=204)
