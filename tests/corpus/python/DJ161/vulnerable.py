from django.urls import path, re_path
from django.views.static import serve
from django.views import static
from django.conf import settings

urlpatterns = [
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    path("files/<path:path>", static.serve, {"document_root": "/srv/files"}),
    re_path(r"^m/(?P<path>.*)$", view=serve),
    path("a/<path:path>", serve),
    path("b/<path:path>", serve, name="b"),
]
