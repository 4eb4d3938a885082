import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse

from catalog.models import Product


def new_order_reference():
    return secrets.token_hex(6).upper()


class Order(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Pending payment"
        PAID = "paid", "Paid"
        SHIPPED = "shipped", "Shipped"
        CANCELLED = "cancelled", "Cancelled"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="orders")
    reference = models.CharField(max_length=12, unique=True, default=new_order_reference)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    shipping_address = models.TextField()
    gift_message = models.TextField(blank=True)
    tracking_number = models.CharField(max_length=64, blank=True)
    invoice = models.FileField(upload_to="invoices/%Y/", blank=True)
    total = models.DecimalField(max_digits=10, decimal_places=2, default=0)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created"]

    def __str__(self):
        return self.reference

    def get_absolute_url(self):
        return reverse("orders:order_detail", args=[self.pk])


class OrderItem(models.Model):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="items")
    product = models.ForeignKey(Product, on_delete=models.PROTECT)
    quantity = models.PositiveIntegerField(default=1)
    unit_price = models.DecimalField(max_digits=10, decimal_places=2)

    @property
    def line_total(self):
        return self.quantity * self.unit_price


class Coupon(models.Model):
    code = models.CharField(max_length=32, unique=True)
    percent_off = models.PositiveSmallIntegerField()
    active = models.BooleanField(default=True)
