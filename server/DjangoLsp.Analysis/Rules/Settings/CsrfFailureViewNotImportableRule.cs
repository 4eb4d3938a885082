using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Settings;
using static DjangoLsp.Analysis.Rules.Settings.SettingsRuleDescriptors;

namespace DjangoLsp.Analysis.Rules.Settings;

/// <summary>DJ313 · security.E102: <c>CSRF_FAILURE_VIEW</c> names a view that cannot be imported.</summary>
public sealed class CsrfFailureViewNotImportableRule : ISettingsRule
{
    public static readonly RuleDescriptor Rule = Create("DJ313", "csrf-failure-view-not-importable", Severity.Error, new[] { 352, 703 },
        "CSRF_FAILURE_VIEW names a view that cannot be imported (security.E102).",
        SettingsDocs.Build(
            "Resolves the dotted path in `CSRF_FAILURE_VIEW` without running Python and reports it when Django could not import it: the path has no dot, the module does not exist in a package of the project, or the module defines no such name. Paths into packages outside the workspace (Django, installed apps) are not judged.",
            "When a request fails CSRF verification Django calls this view to answer 403. If it cannot be imported, the rejection itself crashes with a 500 — users see a server error instead of the explanation, error monitoring fills with noise, and a broken import in a security path is easy to miss until production.",
            "CSRF_FAILURE_VIEW = \"shop.views.csrf_failed\"  # shop/views.py has no csrf_failed",
            "CSRF_FAILURE_VIEW = \"shop.views.csrf_failure\"  # def csrf_failure(request, reason=\"\") in shop/views.py",
            new[] { "security.E102" }, "csrf-failure-view",
            "[Customising the CSRF failure view](https://docs.djangoproject.com/en/stable/ref/csrf/#rejected-requests)"),
        "csrf-failure-view", category: RuleCategory.Csrf, owasp2021: new[] { "A05:2021" }, owasp2025: new[] { "A02:2025" });

    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { Rule };

    public IEnumerable<SettingsProblem> Check(SettingsCheckContext context)
    {
        if (CsrfFailureView.Resolve(context) is not CsrfFailureView.NotImportable missing) yield break;
        yield return context.At(CsrfFailureView.Setting, Rule, "security.E102",
            $"The CSRF failure view '{missing.Path}' could not be imported: {missing.Why} (security.E102).");
    }
}
