using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Settings;
using static DjangoLsp.Analysis.Rules.Settings.SettingsRuleDescriptors;

namespace DjangoLsp.Analysis.Rules.Settings;

/// <summary>DJ517 · security.W019: <c>X_FRAME_OPTIONS = "SAMEORIGIN"</c> (Django recommends DENY).</summary>
public sealed class XFrameOptionsSameOriginRule : ISettingsRule
{
    public static readonly RuleDescriptor Rule = Create("DJ517", "x-frame-options-sameorigin", Severity.Information, new[] { 1021 },
        "X_FRAME_OPTIONS is 'SAMEORIGIN' rather than 'DENY' (security.W019).",
        SettingsDocs.Build(
            "Reports `X_FRAME_OPTIONS = \"SAMEORIGIN\"` while `XFrameOptionsMiddleware` is installed; Django's check wants `\"DENY\"` unless the site frames its own pages.",
            "`SAMEORIGIN` is safe against other sites, but any page of the same origin that can be made to frame another (for example through user-controlled HTML) re-opens clickjacking. Keep it only if the site really frames itself.",
            "X_FRAME_OPTIONS = \"SAMEORIGIN\"",
            "X_FRAME_OPTIONS = \"DENY\"",
            new[] { "security.W019" }, "x-frame-options"),
        "x-frame-options", category: RuleCategory.Clickjacking);

    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { Rule };

    public IEnumerable<SettingsProblem> Check(SettingsCheckContext context)
    {
        if (context.HasMiddleware(SettingsCheckContext.XFrameMiddleware) != true) yield break;
        var value = context.Value("X_FRAME_OPTIONS").Effective;
        if (value.Kind != PyValueKind.Str || value.StrValue == "DENY") yield break;
        var upper = value.StrValue!.ToUpperInvariant();
        if (upper is not ("DENY" or "SAMEORIGIN")) yield break;
        var message = upper == "DENY"
            ? $"X_FRAME_OPTIONS is '{value.StrValue}'; write 'DENY' exactly (security.W019)."
            : "X_FRAME_OPTIONS is 'SAMEORIGIN'; use 'DENY' unless the site frames its own pages (security.W019).";
        yield return context.At("X_FRAME_OPTIONS", Rule, "security.W019", message,
            context.SetValueFix("X_FRAME_OPTIONS", "\"DENY\"", safeForFixAll: false));
    }
}
