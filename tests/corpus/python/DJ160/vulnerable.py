import os
from django.conf import settings
from django.core.files.storage import default_storage
from django.http import FileResponse

def a(request):
    return FileResponse(open(os.path.join(settings.MEDIA_ROOT, request.GET["f"]), "rb"))

def b(request):
    return open(request.GET["path"]).read()

def c(request):
    return default_storage.open(request.GET["name"])

def d(request):
    os.remove(os.path.join("/srv/uploads", request.POST["name"]))

def e(request):
    name = request.GET.get("file", "")
    path = f"/srv/reports/{name}"
    with open(path) as fh:
        return fh.read()
