from django import forms

from .models import Order


class CheckoutForm(forms.ModelForm):
    class Meta:
        model = Order
        fields = ["shipping_address", "gift_message"]
        widgets = {
            "shipping_address": forms.Textarea(attrs={"rows": 4}),
            "gift_message": forms.Textarea(attrs={"rows": 3}),
        }


class CartLineForm(forms.Form):
    product_id = forms.IntegerField(min_value=1)
    quantity = forms.IntegerField(min_value=0, max_value=99)


class CouponForm(forms.Form):
    code = forms.CharField(max_length=32)
