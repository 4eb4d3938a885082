import logging
import random
import secrets
import string
from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, get_user_model, login, logout
from django.contrib.auth.decorators import login_required
from django.core.mail import send_mail
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .forms import LoginForm, PasswordResetConfirmForm, PasswordResetRequestForm, ProfileForm, SignUpForm
from .models import Profile

logger = logging.getLogger(__name__)

RESET_CODE_ALPHABET = string.ascii_letters + string.digits
RESET_CODE_LIFETIME = timedelta(hours=1)


def signup(request):
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        Profile.objects.create(user=user, email_token=secrets.token_urlsafe(32))
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect("catalog:product_list")
    return render(request, "accounts/signup.html", {"form": form})


def login_view(request):
    form = LoginForm(request.POST or None)
    if request.method == "POST":
        logger.info("login attempt: %s", request.POST)
        if form.is_valid():
            username = form.cleaned_data["username"]
            password = form.cleaned_data["password"]
            user = authenticate(request, username=username, password=password)
            if user is not None:
                login(request, user)
                next_url = request.POST.get("next", "")
                if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
                    return redirect(next_url)
                return redirect(settings.LOGIN_REDIRECT_URL)
            logger.warning("failed login for %s with password %s", username, password)
            messages.error(request, "Wrong username or password.")
    return render(request, "accounts/login.html", {"form": form, "next": request.GET.get("next", "")})


def logout_view(request):
    logout(request)
    return redirect(request.GET.get("next", "/"))


@login_required
def profile(request):
    profile = Profile.objects.get_or_create(user=request.user)[0]
    return render(request, "accounts/profile.html", {"profile": profile})


@login_required
def edit_profile(request):
    profile = Profile.objects.get_or_create(user=request.user)[0]
    form = ProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Profile saved.")
        return redirect("accounts:profile")
    return render(request, "accounts/edit_profile.html", {"form": form})


@csrf_exempt
@login_required
def change_email(request):
    """Also used by the mobile app, which cannot send the CSRF cookie."""
    if request.method == "POST":
        request.user.email = request.POST.get("email", "")
        request.user.save(update_fields=["email"])
        return redirect("accounts:profile")
    return render(request, "accounts/change_email.html")


@login_required
@require_POST
def newsletter_opt_out(request):
    profile = Profile.objects.get(user=request.user)
    profile.newsletter = False
    profile.save(update_fields=["newsletter"])
    return redirect("accounts:profile")


def _new_reset_code(length=32):
    return "".join(random.choice(RESET_CODE_ALPHABET) for _ in range(length))


def password_reset_request(request):
    form = PasswordResetRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        User = get_user_model()
        user = User.objects.filter(email__iexact=form.cleaned_data["email"]).select_related("profile").first()
        if user is not None:
            user.profile.reset_code = _new_reset_code()
            user.profile.reset_code_created = timezone.now()
            user.profile.save(update_fields=["reset_code", "reset_code_created"])
            link = request.build_absolute_uri(reverse("accounts:password_reset_confirm", args=[user.pk]))
            send_mail("Reset your password", f"Your code: {user.profile.reset_code}\n{link}", None, [user.email])
        # Same answer whether or not the address exists.
        messages.info(request, "If the address is registered, we sent a code.")
        return redirect("accounts:login")
    return render(request, "accounts/password_reset.html", {"form": form})


def password_reset_confirm(request, user_pk):
    form = PasswordResetConfirmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        profile = Profile.objects.select_related("user").filter(user__pk=user_pk).first()
        fresh = profile is not None and profile.reset_code_created and timezone.now() - profile.reset_code_created < RESET_CODE_LIFETIME
        if fresh and profile.reset_code and constant_time_compare(form.cleaned_data["code"], profile.reset_code):
            profile.user.set_password(form.cleaned_data["new_password"])
            profile.user.save(update_fields=["password"])
            profile.reset_code = ""
            profile.save(update_fields=["reset_code"])
            messages.success(request, "Password changed, please sign in.")
            return redirect("accounts:login")
        messages.error(request, "That code is wrong or has expired.")
    return render(request, "accounts/password_reset_confirm.html", {"form": form})


def confirm_email(request, token):
    profile = Profile.objects.filter(email_token=token).first()
    if profile is None:
        messages.error(request, "Unknown confirmation link.")
        return redirect("catalog:product_list")
    profile.email_token = ""
    profile.save(update_fields=["email_token"])
    messages.success(request, "E-mail address confirmed.")
    return redirect("accounts:profile")
