from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter(is_safe=True)
def paragraphs(value):
    """Turns blank-line separated text of a review into <p> blocks."""
    blocks = [block.strip() for block in str(value).split("\n\n") if block.strip()]
    return mark_safe("".join(f"<p>{block}</p>" for block in blocks))


@register.filter(needs_autoescape=True)
def stars(rating, autoescape=True):
    """Renders a rating as five stars with an accessible label."""
    esc = conditional_escape if autoescape else (lambda text: text)
    filled = int(rating)
    label = esc(f"{filled} out of 5")
    return mark_safe(f'<span class="stars" aria-label="{label}">' + "★" * filled + "☆" * (5 - filled) + "</span>")


@register.simple_tag
def reviewer_badge(review):
    name = review.user.profile.display_name or review.user.get_username()
    return format_html(f'<span class="badge">{name}</span>')


@register.simple_tag
def price_tag(product, currency="GBP"):
    return format_html('<span class="price" data-currency="{}">{}</span>', currency, product.price)
