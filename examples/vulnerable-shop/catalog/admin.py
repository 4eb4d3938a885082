from django.contrib import admin
from django.utils.html import format_html

from .forms import ProductAdminForm
from .models import Category, Product, Review


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Product)
class ProductAdmin(admin.ModelAdmin):
    form = ProductAdminForm
    list_display = ["name", "sku", "price", "stock", "thumbnail"]
    list_filter = ["category", "is_active"]
    search_fields = ["name", "sku"]
    prepopulated_fields = {"slug": ["name"]}

    @admin.display(description="Photo")
    def thumbnail(self, obj):
        if not obj.image:
            return "-"
        return format_html('<img src="{}" alt="{}" width="40">', obj.image.url, obj.name)


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ["title", "product", "user", "rating", "created"]
    list_filter = ["rating"]
