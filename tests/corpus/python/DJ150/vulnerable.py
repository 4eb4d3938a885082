import requests
import httpx
import urllib.request
from urllib.request import urlopen

def a(request):
    return requests.get(request.GET["url"], timeout=5)

def b(request):
    return requests.post(url=request.POST["hook"], json={})

def c(request):
    return urlopen(request.GET["u"])

def d(request):
    return httpx.get(request.GET["u"])

def e(request):
    target = request.POST.get("feed")
    return urllib.request.urlopen(target)
