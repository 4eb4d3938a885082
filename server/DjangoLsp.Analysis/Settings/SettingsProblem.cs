using DjangoLsp.Analysis.Engine;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Settings;

/// <summary>
/// One problem found in an evaluated settings module, located where the offending value was set (possibly in a
/// star-imported base module) or, for a setting that is not set at all, at the module's anchor.
/// </summary>
/// <param name="DjangoCheckId">The <c>manage.py check --deploy</c> id reporting the same thing (e.g. <c>security.W004</c>); null when DjangoLsp goes beyond Django.</param>
public sealed record SettingsProblem(
    RuleDescriptor Rule,
    string? DjangoCheckId,
    string Message,
    string Path,
    TextSpan Span,
    IReadOnlyList<CodeFix> Fixes,
    bool IsAboutMissingSetting = false);

/// <summary>A settings rule: evaluates one concern over the evaluated settings of a deployed module.</summary>
public interface ISettingsRule
{
    /// <summary>The rules this check reports (one, or two when severity splits by value).</summary>
    IReadOnlyList<RuleDescriptor> Rules { get; }

    IEnumerable<SettingsProblem> Check(SettingsCheckContext context);
}

/// <summary>Extra facts about a settings rule used by tests and docs.</summary>
public static class SettingsRuleFacts
{
    /// <summary>Rules that report what Django's own deployment checks do not (documented as such).</summary>
    public static bool GoesBeyondDjango(RuleDescriptor rule) => rule.Documentation.Contains(SettingsDocs.BeyondDjangoMarker, StringComparison.Ordinal);

    /// <summary>Rules whose Django check appeared after Django 3.2 (the oracle used by the tests).</summary>
    public static bool NewerThanDjango32(RuleDescriptor rule) => rule.Documentation.Contains(SettingsDocs.NewerDjangoMarker, StringComparison.Ordinal);
}
