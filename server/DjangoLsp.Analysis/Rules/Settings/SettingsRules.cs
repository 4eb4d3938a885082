using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Settings;

namespace DjangoLsp.Analysis.Rules.Settings;

/// <summary>Every settings rule, and running them over one evaluated settings module.</summary>
public static class SettingsRules
{
    public static readonly IReadOnlyList<ISettingsRule> All = new ISettingsRule[]
    {
        new DebugEnabledRule(),
        new AllowedHostsEmptyRule(),
        new AllowedHostsWildcardRule(),
        new SecretKeyWeakRule(),
        new SecretKeyFallbackWeakRule(),
        new DefaultHashingAlgorithmInvalidRule(),
        new SecretKeyHardcodedRule(),
        new SecurityMiddlewareMissingRule(),
        new HstsNotSetRule(),
        new HstsIncludeSubdomainsRule(),
        new HstsPreloadRule(),
        new ContentTypeNosniffRule(),
        new SslRedirectRule(),
        new SessionCookieSecureRule(),
        new CsrfCookieSecureRule(),
        new SessionCookieHttpOnlyRule(),
        new ReferrerPolicyNotSetRule(),
        new ReferrerPolicyInvalidRule(),
        new CrossOriginOpenerPolicyInvalidRule(),
        new XFrameOptionsSameOriginRule(),
        new ContentSecurityPolicyMissingRule(),
        new PasswordValidatorsEmptyRule(),
        new UploadLimitDisabledRule(),
        new CorsAllOriginsWithCredentialsRule(),
        new WeakPasswordHasherRule(),
        new PickleSessionSerializerRule(),
        new CsrfMiddlewareMissingRule(),
        new CsrfFailureViewSignatureRule(),
        new CsrfFailureViewNotImportableRule(),
        new XFrameOptionsInvalidRule(),
        new XFrameMiddlewareMissingRule(),
    };

    public static IReadOnlyList<RuleDescriptor> Descriptors { get; } = All.SelectMany(r => r.Rules).ToList();

    /// <summary>Runs every rule over <paramref name="settings"/> (fixes read documents through <paramref name="documents"/>).</summary>
    public static IReadOnlyList<SettingsProblem> Check(EvaluatedSettings settings, Func<string, AnalysisDocument?> documents,
        CancellationToken cancellationToken = default, string? workspaceRoot = null)
    {
        var context = new SettingsCheckContext(settings, documents, workspaceRoot);
        var problems = new List<SettingsProblem>();
        foreach (var rule in All)
        {
            cancellationToken.ThrowIfCancellationRequested();
            problems.AddRange(rule.Check(context));
        }
        return problems;
    }
}
