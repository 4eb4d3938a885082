from django.urls import include, path
from rest_framework.routers import DefaultRouter

from . import api

router = DefaultRouter()
router.register("v1/orders", api.OrderViewSet, basename="order-v1")
router.register("v2/orders", api.CustomerOrderViewSet, basename="order-v2")

urlpatterns = [
    path("", include(router.urls)),
    path("warehouse/delivery/", api.warehouse_delivery, name="warehouse_delivery"),
    path("warehouse/correction/", api.warehouse_correction, name="warehouse_correction"),
]
