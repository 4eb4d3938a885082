using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Settings;
using static DjangoLsp.Analysis.Rules.Settings.SettingsRuleDescriptors;

namespace DjangoLsp.Analysis.Rules.Settings;

/// <summary>DJ331 · security.W019: <c>X_FRAME_OPTIONS</c> is neither DENY nor SAMEORIGIN, so pages can be framed.</summary>
public sealed class XFrameOptionsInvalidRule : ISettingsRule
{
    public static readonly RuleDescriptor Rule = Create("DJ331", "x-frame-options-allows-framing", Severity.Warning, new[] { 1021 },
        "X_FRAME_OPTIONS is not 'DENY' or 'SAMEORIGIN', so any site can frame the pages (security.W019).",
        SettingsDocs.Build(
            "Reports `X_FRAME_OPTIONS` values other than `\"DENY\"` and `\"SAMEORIGIN\"` (for example `\"ALLOWALL\"`) while `XFrameOptionsMiddleware` is installed.",
            "Browsers ignore unknown X-Frame-Options values, so any site can load the pages in an invisible iframe and trick signed-in users into clicking buttons (clickjacking). To let specific partners frame a page use CSP `frame-ancestors` on that page instead.",
            "X_FRAME_OPTIONS = \"ALLOWALL\"",
            "X_FRAME_OPTIONS = \"DENY\"",
            new[] { "security.W019" }, "x-frame-options",
            "[Clickjacking protection](https://docs.djangoproject.com/en/stable/ref/clickjacking/)"),
        "x-frame-options", category: RuleCategory.Clickjacking);

    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { Rule };

    public IEnumerable<SettingsProblem> Check(SettingsCheckContext context)
    {
        if (context.HasMiddleware(SettingsCheckContext.XFrameMiddleware) != true) yield break;
        var value = context.Value("X_FRAME_OPTIONS").Effective;
        if (!value.IsKnown) yield break;
        // The middleware upper-cases the value, so 'deny'/'sameorigin' still work (DJ517 covers them).
        if (value.Kind == PyValueKind.Str && value.StrValue!.ToUpperInvariant() is "DENY" or "SAMEORIGIN") yield break;
        yield return context.At("X_FRAME_OPTIONS", Rule, "security.W019",
            $"X_FRAME_OPTIONS is {value}: browsers ignore it and let any site frame these pages (clickjacking) (security.W019).",
            context.SetValueFix("X_FRAME_OPTIONS", "\"DENY\""));
    }
}
