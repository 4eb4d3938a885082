import requests
from django.conf import settings

API = "https://api.example.com/v1/items"

def a(request):
    return requests.get(API, params={"q": request.GET["q"]}, timeout=5)

def b(request):
    return requests.get(settings.FEED_URL, timeout=5)

def c(request):
    return requests.get(f"https://api.example.com/items/{int(request.GET['id'])}", timeout=5)

def d(request):
    if request.GET["u"] in ("https://a.example/", "https://b.example/"):
        return requests.get(request.GET["u"], timeout=5)

def e(url):
    return requests.get(url, timeout=5)
