import json
import logging
import os
import random

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.db.models.expressions import RawSQL
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from .forms import ReviewForm
from .models import Category, Product, Review

logger = logging.getLogger(__name__)

SORT_COLUMNS = {"price": "price", "-price": "-price", "name": "name", "newest": "-created"}
CURRENCIES = {"GBP", "EUR", "USD"}


def product_list(request):
    products = Product.objects.filter(is_active=True).select_related("category")
    category = request.GET.get("category")
    if category:
        products = products.filter(category__slug=category)
    sort = SORT_COLUMNS.get(request.GET.get("sort", ""), "name")
    products = products.order_by(sort)

    # "You might also like": any four products, no need for crypto here.
    featured = random.sample(list(products[:50]), k=min(4, products.count()))
    return render(
        request,
        "catalog/product_list.html",
        {"products": products, "featured": featured, "categories": Category.objects.all()},
    )


def search(request):
    q = request.GET.get("q", "").strip()
    results = []
    if q:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT id, name, slug, price FROM catalog_product WHERE is_active AND name ILIKE '%{q}%' ORDER BY name")
            results = [
                {"id": row[0], "name": row[1], "slug": row[2], "price": row[3]}
                for row in cursor.fetchall()
            ]
    banner = mark_safe(f"Showing {len(results)} results for <strong>{q}</strong>")
    return render(request, "catalog/search.html", {"results": results, "q": q, "banner": banner})


def autocomplete(request):
    term = request.GET.get("term", "")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM catalog_product WHERE is_active AND name ILIKE %s ORDER BY name LIMIT 10",
            [f"{term}%"],
        )
        names = [row[0] for row in cursor.fetchall()]
    return JsonResponse({"results": names})


def category_products(request, slug):
    category = get_object_or_404(Category, slug=slug)
    brand = request.GET.get("brand", "")
    if brand:
        products = Product.objects.raw("SELECT * FROM catalog_product WHERE category_id = %s AND name LIKE '%s%%'" % (category.pk, brand))
    else:
        products = Product.objects.raw("SELECT * FROM catalog_product WHERE category_id = %s", [category.pk])
    return render(request, "catalog/product_list.html", {"products": products, "category": category})


def price_range(request):
    low = request.GET.get("min", "0")
    high = request.GET.get("max", "1000000")
    products = Product.objects.filter(is_active=True).extra(where=[f"price BETWEEN {low} AND {high}"])
    return render(request, "catalog/product_list.html", {"products": products})


def on_sale(request):
    ceiling = request.GET.get("max", "20")
    products = Product.objects.filter(is_active=True).extra(where=["price <= %s"], params=[ceiling])
    heading = format_html("Everything under <strong>£{}</strong>", ceiling)
    return render(request, "catalog/product_list.html", {"products": products, "heading": heading})


def best_match(request):
    """Orders products by how early the search term appears in the name."""
    term = request.GET.get("q", "")
    position = RawSQL("POSITION('{}' IN LOWER(name))".format(term.lower()), ())
    products = Product.objects.annotate(pos=position).filter(pos__gt=0).order_by("pos")
    return render(request, "catalog/product_list.html", {"products": products})


def tagged(request, tags):
    wanted = [t for t in tags.split(",") if t]
    score = RawSQL("SELECT COUNT(*) FROM unnest(string_to_array(tags, ',')) t WHERE t = ANY(%s)", (wanted,))
    products = Product.objects.annotate(score=score).filter(score__gt=0).order_by("-score")
    return render(request, "catalog/product_list.html", {"products": products, "tags": wanted})


def product_detail(request, slug):
    product = get_object_or_404(Product, slug=slug, is_active=True)
    gallery = [{"src": product.image.url if product.image else "", "alt": product.name}]
    context = {
        "product": product,
        "reviews": product.reviews.select_related("user"),
        "form": ReviewForm(),
        "gallery_json": mark_safe(json.dumps(gallery)),
        "product_data": {"id": product.pk, "name": product.name, "price": str(product.price)},
    }
    return render(request, "catalog/product_detail.html", context)


@login_required
@require_POST
def add_review(request, slug):
    product = get_object_or_404(Product, slug=slug, is_active=True)
    form = ReviewForm(request.POST)
    if form.is_valid():
        review = form.save(commit=False)
        review.product = product
        review.user = request.user
        review.save()
        messages.success(request, "Thanks for your review!")
    return redirect(product)


def delete_review(request, pk):
    review = get_object_or_404(Review, pk=pk)
    if request.method == "POST":
        product = review.product
        review.delete()
        return redirect(product)
    return render(request, "catalog/confirm_delete.html", {"review": review})


@login_required
@require_POST
def delete_own_review(request, pk):
    review = get_object_or_404(Review, pk=pk, user=request.user)
    product = review.product
    review.delete()
    return redirect(product)


def share_preview(request):
    note = request.GET.get("note", "")
    return HttpResponse("<p>Your friend will see: " + note + "</p>")


def share_preview_plain(request):
    note = request.GET.get("note", "")
    return HttpResponse("<p>Your friend will see: " + escape(note) + "</p>")


@require_POST
def set_currency(request):
    currency = request.POST.get("currency", "GBP")
    if currency in CURRENCIES:
        request.session["currency"] = currency
    return HttpResponseRedirect(request.POST.get("next", "/"))


def product_photo(request):
    """Serves the original upload for the zoom viewer."""
    name = request.GET.get("name", "")
    path = os.path.join(settings.MEDIA_ROOT, "products", name)
    if not os.path.exists(path):
        raise Http404("No such photo")
    return FileResponse(open(path, "rb"))


def product_photo_by_id(request, pk):
    product = get_object_or_404(Product, pk=pk, is_active=True)
    if not product.image:
        raise Http404("No photo")
    return FileResponse(product.image.open("rb"))
