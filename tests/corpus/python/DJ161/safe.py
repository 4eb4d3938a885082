from django.conf import settings
from django.conf.urls.static import static
from django.urls import path
from . import views

def serve(request, path):
    return views.download(request, path)

urlpatterns = [
    path("", views.index),
    path("download/<int:pk>/", views.download),
    path("files/<path:path>", serve),
    path("serve/", views.serve),
]
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
