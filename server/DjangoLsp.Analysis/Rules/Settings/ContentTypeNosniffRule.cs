using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Settings;
using static DjangoLsp.Analysis.Rules.Settings.SettingsRuleDescriptors;

namespace DjangoLsp.Analysis.Rules.Settings;

/// <summary>DJ509 · security.W006: <c>SECURE_CONTENT_TYPE_NOSNIFF</c> turned off.</summary>
public sealed class ContentTypeNosniffRule : ISettingsRule
{
    public static readonly RuleDescriptor Rule = Create("DJ509", "content-type-nosniff-off", Severity.Warning, new[] { 16, 79 },
        "SECURE_CONTENT_TYPE_NOSNIFF is not True (security.W006).",
        SettingsDocs.Build(
            "Reports `SECURE_CONTENT_TYPE_NOSNIFF` set to something other than `True` (the default since Django 3.0).",
            "Without `X-Content-Type-Options: nosniff` browsers may sniff an uploaded text or image file as HTML or JavaScript and run it in the site's origin (stored XSS through uploads).",
            "SECURE_CONTENT_TYPE_NOSNIFF = False",
            "SECURE_CONTENT_TYPE_NOSNIFF = True  # or delete the line: True is the default",
            new[] { "security.W006" }, "secure-content-type-nosniff"),
        "secure-content-type-nosniff");

    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { Rule };

    public IEnumerable<SettingsProblem> Check(SettingsCheckContext context)
    {
        if (context.HasMiddleware(SettingsCheckContext.SecurityMiddleware) != true) yield break;
        if (context.Value("SECURE_CONTENT_TYPE_NOSNIFF").IsTrueSingleton != false) yield break;
        yield return context.At("SECURE_CONTENT_TYPE_NOSNIFF", Rule, "security.W006",
            "SECURE_CONTENT_TYPE_NOSNIFF is not True: browsers may sniff uploads as HTML/JavaScript (security.W006).",
            context.SetValueFix("SECURE_CONTENT_TYPE_NOSNIFF", "True"));
    }
}
