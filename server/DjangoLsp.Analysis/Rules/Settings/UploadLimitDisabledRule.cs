using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Settings;
using static DjangoLsp.Analysis.Rules.Settings.SettingsRuleDescriptors;

namespace DjangoLsp.Analysis.Rules.Settings;

/// <summary>DJ520: request-size limits (<c>DATA_UPLOAD_MAX_*</c>) turned off with <c>None</c>.</summary>
public sealed class UploadLimitDisabledRule : ISettingsRule
{
    private static readonly (string Setting, string Default)[] Limits =
    {
        ("DATA_UPLOAD_MAX_MEMORY_SIZE", "2621440"),
        ("DATA_UPLOAD_MAX_NUMBER_FIELDS", "1000"),
        ("DATA_UPLOAD_MAX_NUMBER_FILES", "100"),
    };

    public static readonly RuleDescriptor Rule = Create("DJ520", "upload-limit-disabled", Severity.Warning, new[] { 400, 770 },
        "DATA_UPLOAD_MAX_MEMORY_SIZE / DATA_UPLOAD_MAX_NUMBER_FIELDS / DATA_UPLOAD_MAX_NUMBER_FILES is None (no limit).",
        SettingsDocs.Build(
            "Reports `DATA_UPLOAD_MAX_MEMORY_SIZE`, `DATA_UPLOAD_MAX_NUMBER_FIELDS` or `DATA_UPLOAD_MAX_NUMBER_FILES` set to `None`, which removes Django's limit.",
            "Without the limits one request with a huge body or millions of form fields makes the worker read and parse it all: memory and CPU exhaustion (denial of service) from a single client.",
            "DATA_UPLOAD_MAX_MEMORY_SIZE = None",
            "DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024  # raise the limit instead of removing it",
            Array.Empty<string>(), "data-upload-max-memory-size"),
        "data-upload-max-memory-size", category: RuleCategory.SettingsMisconfig);

    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { Rule };

    public IEnumerable<SettingsProblem> Check(SettingsCheckContext context)
    {
        foreach (var (setting, defaultValue) in Limits)
        {
            if (context.Binding(setting) is not { } binding || binding.Value.Effective.Kind != PyValueKind.None) continue;
            yield return context.At(setting, Rule, null,
                $"{setting} is None: Django no longer limits request bodies, so one request can exhaust memory or CPU.",
                context.SetValueFix(setting, defaultValue));
        }
    }
}
