"""Tools for the shop staff: stock, photos and the supplier feed."""
import logging
import os
import subprocess
import tempfile

import requests
import yaml
from django.conf import settings
from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.files.base import ContentFile
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from .forms import StockUpdateForm
from .models import Category, Product

logger = logging.getLogger(__name__)

THUMBNAIL_SIZES = {"small": "120x120", "medium": "400x400", "large": "1024x1024"}


def update_stock(request, pk):
    product = get_object_or_404(Product, pk=pk)
    form = StockUpdateForm(request.POST or None, initial={"stock": product.stock})
    if request.method == "POST" and form.is_valid():
        product.stock = form.cleaned_data["stock"]
        product.save(update_fields=["stock"])
        messages.success(request, f"Stock for {product.name} updated.")
        return redirect("catalog:staff_dashboard")
    return render(request, "catalog/update_stock.html", {"form": form, "product": product})


@staff_member_required
def staff_dashboard(request):
    low_stock = Product.objects.filter(stock__lt=5).order_by("stock")
    return render(request, "catalog/staff_dashboard.html", {"low_stock": low_stock})


@staff_member_required
@require_POST
def import_photo_from_url(request, pk):
    product = get_object_or_404(Product, pk=pk)
    image_url = request.POST.get("image_url", "")
    resp = requests.get(image_url, timeout=10)
    resp.raise_for_status()
    product.image.save(os.path.basename(image_url) or "photo.jpg", ContentFile(resp.content))
    return redirect("catalog:staff_dashboard")


@staff_member_required
@require_POST
def make_thumbnail(request, pk):
    product = get_object_or_404(Product, pk=pk)
    size = request.POST.get("size", "400x400")
    src = product.image.path
    dst = os.path.join(tempfile.gettempdir(), f"thumb-{product.pk}.jpg")
    subprocess.run(f"convert {src} -resize {size} {dst}", shell=True, check=True)
    return redirect("catalog:staff_dashboard")


@staff_member_required
@require_POST
def make_thumbnail_preset(request, pk):
    product = get_object_or_404(Product, pk=pk)
    size = THUMBNAIL_SIZES.get(request.POST.get("preset", ""), "400x400")
    dst = os.path.join(tempfile.gettempdir(), f"thumb-{product.pk}.jpg")
    subprocess.run(["convert", product.image.path, "-resize", size, dst], check=True)
    return redirect("catalog:staff_dashboard")


@staff_member_required
@require_POST
def import_supplier_feed(request):
    # The supplier's certificate expired in March and they have not renewed it.
    resp = requests.get(settings.SUPPLIER_FEED_URL, verify=False, timeout=30)
    feed = yaml.load(resp.text, Loader=yaml.Loader)
    created = 0
    for item in feed.get("products", []):
        category, _ = Category.objects.get_or_create(slug=item["category"], defaults={"name": item["category"]})
        _, was_created = Product.objects.update_or_create(
            sku=item["sku"],
            defaults={"category": category, "name": item["name"], "slug": item["slug"], "price": item["price"]},
        )
        created += was_created
    messages.success(request, f"Imported feed, {created} new products.")
    return redirect("catalog:staff_dashboard")


@staff_member_required
@require_POST
def import_category_file(request):
    """Staff upload a YAML file with category descriptions."""
    data = yaml.safe_load(request.FILES["file"].read())
    for slug, description in data.items():
        Category.objects.filter(slug=slug).update(description=description)
    resp = requests.get(settings.SUPPLIER_FEED_URL.replace("products", "categories"), timeout=30)
    logger.info("supplier category feed answered %s", resp.status_code)
    return redirect("catalog:staff_dashboard")
