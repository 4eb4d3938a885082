"""JSON API used by the mobile app and the warehouse system."""
from django.db.models import F
from rest_framework import permissions, serializers, viewsets
from rest_framework.decorators import api_view, permission_classes
from rest_framework.response import Response

from catalog.models import Product

from .models import Order, OrderItem


class OrderItemSerializer(serializers.ModelSerializer):
    product = serializers.SlugRelatedField(slug_field="sku", read_only=True)

    class Meta:
        model = OrderItem
        fields = ["product", "quantity", "unit_price"]


class OrderSerializer(serializers.ModelSerializer):
    items = OrderItemSerializer(many=True, read_only=True)

    class Meta:
        model = Order
        fields = ["id", "reference", "status", "shipping_address", "total", "created", "items"]


class OrderViewSet(viewsets.ReadOnlyModelViewSet):
    """v1: used by app versions before 3.0."""

    queryset = Order.objects.all().prefetch_related("items__product")
    serializer_class = OrderSerializer
    permission_classes = [permissions.IsAuthenticated]


class CustomerOrderViewSet(viewsets.ReadOnlyModelViewSet):
    """v2: only the signed-in customer's orders."""

    serializer_class = OrderSerializer
    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        return Order.objects.filter(user=self.request.user).prefetch_related("items__product")


@api_view(["POST"])
@permission_classes([permissions.AllowAny])
def warehouse_delivery(request):
    """The warehouse posts {"lines": [{"sku": ..., "quantity": ...}]} when a delivery arrives."""
    try:
        for line in request.data["lines"]:
            Product.objects.filter(sku=line["sku"]).update(stock=F("stock") + int(line["quantity"]))
    except Exception as exc:
        return Response({"detail": str(exc)}, status=400)
    return Response({"ok": True})


@api_view(["POST"])
@permission_classes([permissions.IsAdminUser])
def warehouse_correction(request):
    """Stock corrections entered by staff in the warehouse app."""
    updated = 0
    for line in request.data.get("lines", []):
        updated += Product.objects.filter(sku=line.get("sku")).update(stock=max(0, int(line.get("stock", 0))))
    return Response({"updated": updated})
