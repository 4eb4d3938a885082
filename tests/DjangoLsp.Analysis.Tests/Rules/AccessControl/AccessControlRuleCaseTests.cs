using DjangoLsp.Analysis.Rules.AccessControl;
using DjangoLsp.Analysis.Tests.Project;

namespace DjangoLsp.Analysis.Tests.Rules.AccessControl;

/// <summary>
/// Vulnerable and safe look-alike views per access-control rule, each in its own in-memory mini project
/// (manage.py, settings, root URLconf including the app's urls, models with and without an owner field).
/// </summary>
public class AccessControlRuleCaseTests
{
    private const string Imports = """
        from django.contrib import auth
        from django.contrib.auth import authenticate, login
        from django.contrib.auth.decorators import login_required, login_not_required
        from django.contrib.admin.views.decorators import staff_member_required
        from django.contrib.auth.mixins import LoginRequiredMixin
        from django.contrib.auth.views import LoginView, PasswordResetView
        from django.shortcuts import get_object_or_404, redirect, render
        from django.views import View
        from django.views.decorators.http import require_POST
        from django.views.generic import CreateView
        from django_ratelimit.decorators import ratelimit
        from rest_framework import generics, permissions, viewsets
        from rest_framework.decorators import api_view, permission_classes
        from rest_framework.permissions import AllowAny, IsAuthenticated
        from rest_framework.throttling import AnonRateThrottle
        from rest_framework.views import APIView
        from .models import Note, Order, Product

        """;

    private static MemoryWorkspace Project(string views, string settingsExtra = "", bool routed = true)
    {
        var cls = System.Text.RegularExpressions.Regex.Match(views, @"^class (\w+)", System.Text.RegularExpressions.RegexOptions.Multiline);
        var fn = System.Text.RegularExpressions.Regex.Match(views, @"^def (\w+)", System.Text.RegularExpressions.RegexOptions.Multiline);
        var target = cls.Success ? $"views.{cls.Groups[1].Value}.as_view()" : $"views.{fn.Groups[1].Value}";
        if (cls.Success && views.Contains("ViewSet", StringComparison.Ordinal)) target = $"views.{cls.Groups[1].Value}.as_view({{\"get\": \"list\"}})";
        var urls = routed
            ? $"from django.urls import path\nfrom . import views\napp_name = \"shop\"\nurlpatterns = [path(\"x/<int:pk>/\", {target}, name=\"x\")]\n"
            : "urlpatterns = []\n";
        return new MemoryWorkspace("/mem/" + Guid.NewGuid().ToString("N"))
            .Add("manage.py", "import os\nos.environ.setdefault(\"DJANGO_SETTINGS_MODULE\", \"proj.settings\")\n")
            .Add("proj/__init__.py", "")
            .Add("proj/settings.py", "INSTALLED_APPS = [\"django.contrib.auth\", \"shop\"]\nMIDDLEWARE = [\"django.middleware.security.SecurityMiddleware\"]\nROOT_URLCONF = \"proj.urls\"\n" + settingsExtra)
            .Add("proj/urls.py", "from django.urls import include, path\nurlpatterns = [path(\"shop/\", include(\"shop.urls\"))]\n")
            .Add("shop/__init__.py", "")
            .Add("shop/models.py", """
                from django.conf import settings
                from django.db import models

                class Product(models.Model):
                    name = models.CharField(max_length=50)

                class Order(models.Model):
                    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="orders")

                class Note(models.Model):
                    author = models.ForeignKey("auth.User", on_delete=models.CASCADE)
                """)
            .Add("shop/urls.py", urls)
            .Add("shop/views.py", Imports + views);
    }

    private static List<string> Ids(MemoryWorkspace workspace) =>
        workspace.Analyze(new AccessControlAnalyzer(), "shop/views.py").Select(f => f.Rule.Id).ToList();

    // ---- DJ701 -------------------------------------------------------------------------------------------------

    public static IEnumerable<TestCaseData> Dj701Vulnerable()
    {
        yield return new TestCaseData("def v(request, pk):\n    if request.method == \"POST\":\n        Product.objects.filter(pk=pk).delete()\n    return redirect(\"/\")\n", "").SetName("DJ701 POST branch deletes");
        yield return new TestCaseData("@require_POST\ndef v(request, pk):\n    Product.objects.create(name=request.POST[\"n\"])\n    return redirect(\"/\")\n", "").SetName("DJ701 require_POST creates");
        yield return new TestCaseData("class V(View):\n    def post(self, request, pk):\n        Product.objects.create(name=\"x\")\n", "").SetName("DJ701 class post creates");
        yield return new TestCaseData("class V(CreateView):\n    model = Product\n    fields = [\"name\"]\n", "").SetName("DJ701 CreateView");
        yield return new TestCaseData("def v(request, pk):\n    p = Product.objects.get(pk=pk)\n    if request.POST:\n        p.name = request.POST[\"n\"]\n        p.save()\n", "").SetName("DJ701 if request.POST saves");
        yield return new TestCaseData("@login_not_required\ndef v(request, pk):\n    if request.method == \"POST\":\n        Product.objects.filter(pk=pk).delete()\n",
            "MIDDLEWARE += [\"django.contrib.auth.middleware.LoginRequiredMiddleware\"]\n").SetName("DJ701 login_not_required opts out of LoginRequiredMiddleware");
        yield return new TestCaseData("class V(APIView):\n    def post(self, request, pk):\n        Product.objects.create(name=\"x\")\n", "").SetName("DJ701 APIView with DRF default AllowAny");
    }

    [TestCaseSource(nameof(Dj701Vulnerable))]
    public void Dj701_vulnerable(string views, string settings) => Assert.That(Ids(Project(views, settings)), Does.Contain("DJ701"));

    public static IEnumerable<TestCaseData> Dj701Safe()
    {
        yield return new TestCaseData("@login_required\ndef v(request, pk):\n    if request.method == \"POST\":\n        Product.objects.filter(pk=pk).delete()\n", "", true).SetName("DJ701 safe login_required");
        yield return new TestCaseData("class V(LoginRequiredMixin, View):\n    def post(self, request, pk):\n        Product.objects.create(name=\"x\")\n", "", true).SetName("DJ701 safe LoginRequiredMixin");
        yield return new TestCaseData("def v(request, pk):\n    if request.method == \"POST\":\n        Product.objects.filter(pk=pk).delete()\n",
            "MIDDLEWARE += [\"django.contrib.auth.middleware.LoginRequiredMiddleware\"]\n", true).SetName("DJ701 safe LoginRequiredMiddleware");
        yield return new TestCaseData("def v(request, pk):\n    if not request.user.is_authenticated:\n        return redirect(\"/login/\")\n    if request.method == \"POST\":\n        Product.objects.create(name=\"x\")\n", "", true).SetName("DJ701 safe is_authenticated check");
        yield return new TestCaseData("class V(APIView):\n    def post(self, request, pk):\n        Product.objects.create(name=\"x\")\n",
            "REST_FRAMEWORK = {\"DEFAULT_PERMISSION_CLASSES\": [\"rest_framework.permissions.IsAuthenticated\"]}\n", true).SetName("DJ701 safe DRF default IsAuthenticated");
        yield return new TestCaseData("def v(request, pk):\n    if request.method == \"POST\":\n        Product.objects.filter(pk=pk).delete()\n", "", false).SetName("DJ701 safe not routed");
        yield return new TestCaseData("def signup(request, pk):\n    if request.method == \"POST\":\n        Product.objects.create(name=\"x\")\n", "", true).SetName("DJ701 safe signup view exempt");
        yield return new TestCaseData("@require_POST\ndef v(request, pk):\n    request.session[\"currency\"] = request.POST[\"c\"]\n    return redirect(\"/\")\n", "", true).SetName("DJ701 safe session-only POST");
        yield return new TestCaseData("def v(request, pk):\n    return render(request, \"x.html\", {\"p\": Product.objects.get(pk=pk)})\n", "", true).SetName("DJ701 safe read-only view");
    }

    [TestCaseSource(nameof(Dj701Safe))]
    public void Dj701_safe(string views, string settings, bool routed) => Assert.That(Ids(Project(views, settings, routed)), Does.Not.Contain("DJ701"));

    // ---- DJ702 -------------------------------------------------------------------------------------------------

    public static IEnumerable<TestCaseData> Dj702Vulnerable()
    {
        yield return new TestCaseData("@login_required\ndef v(request, pk):\n    order = get_object_or_404(Order, pk=pk)\n    return render(request, \"o.html\", {\"o\": order})\n").SetName("DJ702 get_object_or_404 pk");
        yield return new TestCaseData("@login_required\ndef v(request, pk):\n    order = Order.objects.get(id=pk)\n    return render(request, \"o.html\", {\"o\": order})\n").SetName("DJ702 objects.get id");
        yield return new TestCaseData("class V(viewsets.ModelViewSet):\n    queryset = Order.objects.all()\n    permission_classes = [IsAuthenticated]\n").SetName("DJ702 viewset unfiltered queryset");
        yield return new TestCaseData("@login_required\ndef v(request, pk):\n    note = get_object_or_404(Note, pk=pk)\n    return render(request, \"n.html\", {\"n\": note})\n").SetName("DJ702 author FK to auth.User");
        yield return new TestCaseData("class V(LoginRequiredMixin, View):\n    def get(self, request, pk):\n        return render(request, \"o.html\", {\"o\": Order.objects.get(pk=pk)})\n").SetName("DJ702 class-based get");
    }

    [TestCaseSource(nameof(Dj702Vulnerable))]
    public void Dj702_vulnerable(string views) => Assert.That(Ids(Project(views)), Does.Contain("DJ702"));

    public static IEnumerable<TestCaseData> Dj702Safe()
    {
        yield return new TestCaseData("@login_required\ndef v(request, pk):\n    order = get_object_or_404(Order, pk=pk, user=request.user)\n").SetName("DJ702 safe filtered by user");
        yield return new TestCaseData("@login_required\ndef v(request, pk):\n    order = request.user.orders.get(pk=pk)\n").SetName("DJ702 safe through request.user relation");
        yield return new TestCaseData("@staff_member_required\ndef v(request, pk):\n    order = get_object_or_404(Order, pk=pk)\n").SetName("DJ702 safe staff only");
        yield return new TestCaseData("@login_required\ndef v(request, pk):\n    product = get_object_or_404(Product, pk=pk)\n").SetName("DJ702 safe model without owner");
        yield return new TestCaseData("class V(viewsets.ModelViewSet):\n    permission_classes = [IsAuthenticated]\n    queryset = Order.objects.all()\n    def get_queryset(self):\n        return Order.objects.filter(user=self.request.user)\n").SetName("DJ702 safe viewset get_queryset");
        yield return new TestCaseData("@login_required\ndef v(request, pk):\n    order = Order.objects.get(pk=pk, user__id=request.user.id)\n").SetName("DJ702 safe user__id lookup");
    }

    [TestCaseSource(nameof(Dj702Safe))]
    public void Dj702_safe(string views) => Assert.That(Ids(Project(views)), Does.Not.Contain("DJ702"));

    // ---- DJ703 -------------------------------------------------------------------------------------------------

    public static IEnumerable<TestCaseData> Dj703Vulnerable()
    {
        yield return new TestCaseData("@api_view([\"POST\"])\n@permission_classes([AllowAny])\ndef v(request, pk):\n    Product.objects.filter(pk=pk).update(name=\"x\")\n").SetName("DJ703 api_view POST AllowAny");
        yield return new TestCaseData("class V(APIView):\n    permission_classes = [AllowAny]\n    def post(self, request, pk):\n        Product.objects.create(name=\"x\")\n").SetName("DJ703 APIView post AllowAny");
        yield return new TestCaseData("class V(viewsets.ModelViewSet):\n    permission_classes = (permissions.AllowAny,)\n    queryset = Product.objects.all()\n").SetName("DJ703 ModelViewSet AllowAny tuple");
        yield return new TestCaseData("class V(generics.CreateAPIView):\n    permission_classes = [AllowAny]\n").SetName("DJ703 CreateAPIView AllowAny");
        yield return new TestCaseData("class V(APIView):\n    permission_classes = [permissions.AllowAny]\n    def delete(self, request, pk):\n        Product.objects.filter(pk=pk).delete()\n").SetName("DJ703 APIView delete AllowAny");
    }

    [TestCaseSource(nameof(Dj703Vulnerable))]
    public void Dj703_vulnerable(string views) => Assert.That(Ids(Project(views)), Does.Contain("DJ703"));

    public static IEnumerable<TestCaseData> Dj703Safe()
    {
        yield return new TestCaseData("@api_view([\"GET\"])\n@permission_classes([AllowAny])\ndef v(request, pk):\n    return Response({\"n\": Product.objects.count()})\n").SetName("DJ703 safe GET AllowAny");
        yield return new TestCaseData("@api_view([\"POST\"])\n@permission_classes([IsAuthenticated])\ndef v(request, pk):\n    Product.objects.filter(pk=pk).update(name=\"x\")\n").SetName("DJ703 safe IsAuthenticated");
        yield return new TestCaseData("class V(viewsets.ReadOnlyModelViewSet):\n    permission_classes = [AllowAny]\n    queryset = Product.objects.all()\n").SetName("DJ703 safe ReadOnlyModelViewSet");
        yield return new TestCaseData("@api_view([\"POST\"])\n@permission_classes([permissions.IsAdminUser])\ndef v(request, pk):\n    Product.objects.filter(pk=pk).delete()\n").SetName("DJ703 safe IsAdminUser");
        yield return new TestCaseData("class V(generics.ListAPIView):\n    permission_classes = [AllowAny]\n    queryset = Product.objects.all()\n").SetName("DJ703 safe ListAPIView");
    }

    [TestCaseSource(nameof(Dj703Safe))]
    public void Dj703_safe(string views) => Assert.That(Ids(Project(views)), Does.Not.Contain("DJ703"));

    // ---- DJ704 -------------------------------------------------------------------------------------------------

    private const string LoginBody = "def login_view(request, pk):\n    user = authenticate(request, username=request.POST[\"u\"], password=request.POST[\"p\"])\n    if user:\n        login(request, user)\n";

    public static IEnumerable<TestCaseData> Dj704Vulnerable()
    {
        yield return new TestCaseData(LoginBody).SetName("DJ704 function calling authenticate");
        yield return new TestCaseData("class V(LoginView):\n    template_name = \"login.html\"\n").SetName("DJ704 LoginView subclass");
        yield return new TestCaseData("class V(PasswordResetView):\n    template_name = \"reset.html\"\n").SetName("DJ704 PasswordResetView subclass");
        yield return new TestCaseData("def signin(request, pk):\n    user = auth.authenticate(request, username=\"a\", password=\"b\")\n").SetName("DJ704 auth.authenticate");
        yield return new TestCaseData("class V(APIView):\n    def post(self, request, pk):\n        user = authenticate(request, username=request.data[\"u\"], password=request.data[\"p\"])\n").SetName("DJ704 DRF login endpoint");
    }

    [TestCaseSource(nameof(Dj704Vulnerable))]
    public void Dj704_vulnerable(string views) => Assert.That(Ids(Project(views)), Does.Contain("DJ704"));

    public static IEnumerable<TestCaseData> Dj704Safe()
    {
        yield return new TestCaseData(LoginBody, "INSTALLED_APPS += [\"axes\"]\n").SetName("DJ704 safe django-axes installed");
        yield return new TestCaseData("@ratelimit(key=\"ip\", rate=\"5/m\")\n" + LoginBody, "").SetName("DJ704 safe ratelimit");
        yield return new TestCaseData(LoginBody, "REST_FRAMEWORK = {\"DEFAULT_THROTTLE_CLASSES\": [\"rest_framework.throttling.AnonRateThrottle\"]}\n").SetName("DJ704 safe DRF default throttles");
        yield return new TestCaseData("class V(APIView):\n    throttle_classes = [AnonRateThrottle]\n    def post(self, request, pk):\n        user = authenticate(request, username=\"a\", password=\"b\")\n", "").SetName("DJ704 safe throttle_classes");
        yield return new TestCaseData("@login_required\ndef v(request, pk):\n    return render(request, \"profile.html\", {})\n", "").SetName("DJ704 safe view without authenticate");
    }

    [TestCaseSource(nameof(Dj704Safe))]
    public void Dj704_safe(string views, string settings) => Assert.That(Ids(Project(views, settings)), Does.Not.Contain("DJ704"));

    [Test]
    public void Findings_explain_why_and_point_at_the_route()
    {
        var workspace = Project("def v(request, pk):\n    if request.method == \"POST\":\n        Product.objects.filter(pk=pk).delete()\n");
        var finding = workspace.Analyze(new AccessControlAnalyzer(), "shop/views.py").Single(f => f.Rule.Id == "DJ701");
        Assert.That(finding.Message, Does.Contain("'v'").And.Contain("/shop/x/<int:pk>/").And.Contain(".delete()"));
        Assert.That(finding.Related.Single().Path, Is.EqualTo(workspace.PathOf("shop/urls.py")));
    }

    [Test]
    public void Editing_the_urlconf_changes_the_result()
    {
        var views = "def v(request, pk):\n    if request.method == \"POST\":\n        Product.objects.filter(pk=pk).delete()\n";
        var workspace = Project(views);
        Assert.That(Ids(workspace), Does.Contain("DJ701"));
        workspace.Add("shop/urls.py", "from django.urls import path\nfrom django.contrib.auth.decorators import login_required\nfrom . import views\nurlpatterns = [path(\"x/<int:pk>/\", login_required(views.v))]\n");
        Assert.That(Ids(workspace), Does.Not.Contain("DJ701"));
    }
}
