using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Settings;
using static DjangoLsp.Analysis.Rules.Settings.SettingsRuleDescriptors;

namespace DjangoLsp.Analysis.Rules.Settings;

/// <summary>DJ521: django-cors-headers allows every origin together with credentials.</summary>
public sealed class CorsAllOriginsWithCredentialsRule : ISettingsRule
{
    public static readonly RuleDescriptor Rule = Create("DJ521", "cors-all-origins-with-credentials", Severity.Error, new[] { 942, 346 },
        "CORS_ALLOW_ALL_ORIGINS (or CORS_ORIGIN_ALLOW_ALL) is True together with CORS_ALLOW_CREDENTIALS = True.",
        SettingsDocs.Build(
            "Reports django-cors-headers configured to reflect any origin (`CORS_ALLOW_ALL_ORIGINS = True`, or the old `CORS_ORIGIN_ALLOW_ALL`) while `CORS_ALLOW_CREDENTIALS = True`.",
            "Any web site the victim visits can then call the API with the victim's cookies and read the responses: account data, tokens, orders.",
            "CORS_ALLOW_ALL_ORIGINS = True\nCORS_ALLOW_CREDENTIALS = True",
            "CORS_ALLOWED_ORIGINS = [\"https://app.example.com\"]\nCORS_ALLOW_CREDENTIALS = True",
            Array.Empty<string>(), "csrf-trusted-origins",
            "[django-cors-headers settings](https://github.com/adamchainz/django-cors-headers#configuration)"),
        "csrf-trusted-origins");

    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { Rule };

    public IEnumerable<SettingsProblem> Check(SettingsCheckContext context)
    {
        if (context.Value("CORS_ALLOW_CREDENTIALS").Truthy != true) yield break;
        foreach (var setting in new[] { "CORS_ALLOW_ALL_ORIGINS", "CORS_ORIGIN_ALLOW_ALL" })
        {
            if (context.Binding(setting) is not { } binding || binding.Value.Truthy != true) continue;
            yield return context.At(setting, Rule, null,
                $"{setting} is True while CORS_ALLOW_CREDENTIALS is True: any web site can make authenticated requests and read the answers.",
                context.SetValueFix(setting, "False", safeForFixAll: false));
            yield break;
        }
    }
}
