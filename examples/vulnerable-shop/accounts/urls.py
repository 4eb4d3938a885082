from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("login/", views.login_view, name="login"),
    path("logout/", views.logout_view, name="logout"),
    path("profile/", views.profile, name="profile"),
    path("profile/edit/", views.edit_profile, name="edit_profile"),
    path("profile/email/", views.change_email, name="change_email"),
    path("profile/newsletter/", views.newsletter_opt_out, name="newsletter_opt_out"),
    path("password/reset/", views.password_reset_request, name="password_reset"),
    path("password/reset/<int:user_pk>/", views.password_reset_confirm, name="password_reset_confirm"),
    path("email/confirm/<str:token>/", views.confirm_email, name="confirm_email"),
]
