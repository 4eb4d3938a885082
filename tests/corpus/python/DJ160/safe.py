import os
from django.conf import settings
from django.http import FileResponse
from django.utils._os import safe_join

def a(request):
    return FileResponse(open(os.path.join(settings.MEDIA_ROOT, os.path.basename(request.GET["f"])), "rb"))

def b(request):
    return open(safe_join(settings.MEDIA_ROOT, request.GET["f"])).read()

def c(request, photo):
    return FileResponse(photo.image.open("rb"))

def d(request):
    return open(os.path.join(settings.BASE_DIR, "static", "robots.txt")).read()

def e(path):
    return open(path).read()
