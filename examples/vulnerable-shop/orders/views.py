import base64
import hashlib
import hmac
import json
import logging
import os
import pickle

import requests
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponse, HttpResponseForbidden, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template import Context, Template
from django.template.loader import render_to_string
from django.utils.crypto import constant_time_compare
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from catalog.models import Product

from .forms import CartLineForm, CheckoutForm
from .models import Order, OrderItem

logger = logging.getLogger(__name__)

CART_COOKIE = "cart"
CARRIER_TRACKING_URL = "https://api.carrier.example.com/v2/track"


def _read_cart(request):
    raw = request.COOKIES.get(CART_COOKIE)
    if not raw:
        return {}
    try:
        return pickle.loads(base64.b64decode(raw))
    except (ValueError, pickle.UnpicklingError):
        return {}


def _write_cart(response, cart):
    payload = base64.b64encode(pickle.dumps(cart)).decode("ascii")
    response.set_cookie(CART_COOKIE, payload, max_age=14 * 24 * 3600, secure=True, httponly=True, samesite="Lax")
    return response


def cart(request):
    lines = _read_cart(request)
    products = Product.objects.in_bulk(lines.keys())
    items = [(products[pk], qty) for pk, qty in lines.items() if pk in products]
    total = sum(product.price * qty for product, qty in items)
    return render(request, "orders/cart.html", {"items": items, "total": total})


@require_POST
def cart_add(request):
    form = CartLineForm(request.POST)
    lines = _read_cart(request)
    if form.is_valid():
        pk = form.cleaned_data["product_id"]
        lines[pk] = lines.get(pk, 0) + form.cleaned_data["quantity"]
    return _write_cart(redirect("orders:cart"), lines)


@require_POST
def cart_update(request):
    lines = _read_cart(request)
    pk = int(request.POST["product_id"])
    # Accepts "2", "2+1" from the little +/- widget.
    quantity = eval(request.POST.get("quantity", "1"))
    if quantity > 0:
        lines[pk] = quantity
    else:
        lines.pop(pk, None)
    return _write_cart(redirect("orders:cart"), lines)


def wishlist(request):
    try:
        product_ids = signing.loads(request.COOKIES.get("wishlist", ""), salt="wishlist")
    except signing.BadSignature:
        product_ids = []
    products = Product.objects.filter(pk__in=product_ids, is_active=True)
    return render(request, "orders/wishlist.html", {"products": products})


@login_required
@xframe_options_exempt
def checkout(request):
    lines = _read_cart(request)
    if not lines:
        return redirect("orders:cart")
    form = CheckoutForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            order = form.save(commit=False)
            order.user = request.user
            order.save()
            for product in Product.objects.filter(pk__in=lines.keys()):
                OrderItem.objects.create(order=order, product=product, quantity=lines[product.pk], unit_price=product.price)
            order.total = sum(item.line_total for item in order.items.all())
            order.save(update_fields=["total"])
        response = redirect(order)
        response.delete_cookie(CART_COOKIE)
        return response
    return render(request, "orders/checkout.html", {"form": form})


@login_required
def order_detail(request, pk):
    order = get_object_or_404(Order, pk=pk)
    tracking = {"reference": order.reference, "status": order.status, "number": order.tracking_number}
    return render(request, "orders/order_detail.html", {"order": order, "tracking_json": json.dumps(tracking)})


@login_required
def order_history(request):
    orders = Order.objects.filter(user=request.user).prefetch_related("items__product")
    return render(request, "orders/order_history.html", {"orders": orders})


@login_required
@require_POST
def cancel_order(request, pk):
    order = get_object_or_404(Order, pk=pk, user=request.user, status=Order.Status.PENDING)
    order.status = Order.Status.CANCELLED
    order.save(update_fields=["status"])
    messages.info(request, f"Order {order.reference} was cancelled.")
    return redirect("orders:order_history")


@login_required
def invoice(request, pk):
    order = get_object_or_404(Order, pk=pk, user=request.user)
    if not order.invoice:
        raise Http404("Invoice not ready yet")
    return FileResponse(order.invoice.open("rb"), as_attachment=True)


@login_required
def invoice_by_name(request):
    """Links in the old confirmation e-mails point here."""
    filename = request.GET.get("file", "")
    return FileResponse(open(os.path.join(settings.INVOICE_ROOT, filename), "rb"), as_attachment=True)


def track(request):
    reference = request.GET.get("ref", "")
    order = get_object_or_404(Order, reference=reference)
    try:
        resp = requests.get(CARRIER_TRACKING_URL, params={"number": order.tracking_number}, timeout=5)
        resp.raise_for_status()
    except requests.RequestException as exc:
        return JsonResponse({"error": str(exc)}, status=502)
    return JsonResponse({"reference": order.reference, "events": resp.json().get("events", [])})


@login_required
@require_POST
def gift_message_preview(request, pk):
    order = get_object_or_404(Order, pk=pk, user=request.user)
    rendered = Template(request.POST.get("message", "")).render(Context({"order": order, "user": request.user}))
    return JsonResponse({"preview": rendered})


@login_required
@require_POST
def gift_card_preview(request, pk):
    order = get_object_or_404(Order, pk=pk, user=request.user)
    html = render_to_string("orders/gift_card.html", {"order": order, "message": request.POST.get("message", "")})
    return JsonResponse({"preview": html})


def continue_shopping(request):
    # Kept from the Django 2.2 version of the shop.
    from django.utils.http import is_safe_url

    target = request.GET.get("next", "/")
    if not is_safe_url(target, allowed_hosts=None):
        target = "/"
    return redirect(target)


@csrf_exempt
@require_POST
def payment_webhook(request):
    """Called by the payment provider when a payment succeeds."""
    signature = request.headers.get("X-Payment-Signature", "")
    expected = hmac.new(settings.PAYMENT_WEBHOOK_SECRET.encode(), request.body, hashlib.sha256).hexdigest()
    if signature == expected:
        event = json.loads(request.body)
        Order.objects.filter(reference=event["reference"]).update(status=Order.Status.PAID)
        return HttpResponse(status=204)
    return HttpResponseForbidden("bad signature")


@csrf_exempt
@require_POST
def carrier_webhook(request):
    """Called by the carrier when a parcel is dispatched."""
    signature = request.headers.get("X-Carrier-Signature", "")
    expected = hmac.new(settings.CARRIER_WEBHOOK_SECRET.encode(), request.body, hashlib.sha256).hexdigest()
    if not constant_time_compare(signature, expected):
        return HttpResponseForbidden("bad signature")
    event = json.loads(request.body)
    Order.objects.filter(reference=event["reference"]).update(
        status=Order.Status.SHIPPED, tracking_number=event["tracking_number"]
    )
    return HttpResponse(status=204)
