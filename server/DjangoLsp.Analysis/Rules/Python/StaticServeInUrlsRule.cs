using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Semantics;
using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Rules.Python;

/// <summary>DJ161: django.views.static.serve routed in a URLconf (meant for development only).</summary>
public sealed class StaticServeInUrlsRule : PythonRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DJ161", "static-serve-in-urls", Severity.Warning, RuleCategory.PathTraversal,
        new[] { "A05:2021" }, new[] { "A02:2025" }, new[] { 22, 552 },
        "django.views.static.serve is routed in a URLconf; it is for development only.",
        RuleDocs.Build(
            "Finds `django.views.static.serve` used as a view in `path()`, `re_path()` or `url()`.",
            "`serve` is \"grossly inefficient and probably insecure\" (Django's docs): it serves any file under `document_root` without access control, and in production every uploaded file (including private ones) becomes public.",
            """
            re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
            """,
            """
            # serve media from the web server (nginx, S3, ...); in development only:
            urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
            """,
            "[Django: Serving files uploaded by a user during development](https://docs.djangoproject.com/en/stable/howto/static-files/#serving-files-uploaded-by-a-user-during-development)",
            RuleDocs.OwaspPathTraversal),
        "https://docs.djangoproject.com/en/stable/ref/views/#serving-files-in-development");

    public StaticServeInUrlsRule() : base(Descriptor)
    {
    }

    private static readonly KeywordGroup Words = SourceKeywords.Register("serve");

    protected override KeywordGroup Prefilter => Words;

    protected internal override Finding? AnalyzeCall(CallExpressionSyntax call, RuleContext context)
    {
        var callee = context.Semantics.GetCalleeName(call);
        if (callee is not ("django.urls.path" or "django.urls.re_path" or "django.conf.urls.url" or "django.urls.conf.path" or "django.urls.conf.re_path"))
            return null;
        var view = call.GetArgument(1, "view")?.Expression;
        if (view == null || context.Semantics.GetQualifiedName(view) != "django.views.static.serve") return null;
        return Report(context, view, "django.views.static.serve is routed here: it serves every file under document_root without access control and is meant for development only.",
            Severity.Warning);
    }
}
