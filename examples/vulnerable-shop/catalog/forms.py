from django import forms
from django.core.validators import RegexValidator

from .models import Product, Review

# SKUs look like "TSHIRT-RED-XL" or "MUG 330".
sku_validator = RegexValidator(r"^([A-Z0-9]+[- ]?)+$", "Use capital letters, digits, dashes or spaces.")


class ReviewForm(forms.ModelForm):
    class Meta:
        model = Review
        fields = ["rating", "title", "body", "website"]
        widgets = {"body": forms.Textarea(attrs={"rows": 5})}


class ProductAdminForm(forms.ModelForm):
    sku = forms.CharField(max_length=32, validators=[sku_validator])

    class Meta:
        model = Product
        fields = ["category", "name", "slug", "sku", "description", "price", "stock", "image", "tags"]


class StockUpdateForm(forms.Form):
    stock = forms.IntegerField(min_value=0)


class ImageFromUrlForm(forms.Form):
    image_url = forms.URLField()
