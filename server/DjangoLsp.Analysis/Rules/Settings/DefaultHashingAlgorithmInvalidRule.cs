using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Settings;
using static DjangoLsp.Analysis.Rules.Settings.SettingsRuleDescriptors;

namespace DjangoLsp.Analysis.Rules.Settings;

/// <summary>DJ525 · security.E100: <c>DEFAULT_HASHING_ALGORITHM</c> is neither 'sha1' nor 'sha256' (Django 3.1–3.2).</summary>
public sealed class DefaultHashingAlgorithmInvalidRule : ISettingsRule
{
    public static readonly RuleDescriptor Rule = Create("DJ525", "default-hashing-algorithm-invalid", Severity.Error, new[] { 327, 1188 },
        "DEFAULT_HASHING_ALGORITHM is not 'sha1' or 'sha256' (security.E100).",
        SettingsDocs.Build(
            "Reports a `DEFAULT_HASHING_ALGORITHM` that is set to anything but `\"sha1\"` or `\"sha256\"` (including the fallback of an environment read).",
            "Django 3.1 and 3.2 sign sessions, cookies, password-reset tokens and `signing.dumps` data with this algorithm during the SHA-1 → SHA-256 transition. Any other value is refused by Django's system check and breaks signing at run time; `\"sha256\"` is the value to use (`\"sha1\"` only while old signatures must still be produced).",
            "DEFAULT_HASHING_ALGORITHM = \"md5\"",
            "DEFAULT_HASHING_ALGORITHM = \"sha256\"",
            new[] { "security.E100" }, "default-hashing-algorithm",
            note: "The setting exists only in Django 3.1–3.2 (it was removed in 4.0, where the line is dead and can be deleted)."),
        "default-hashing-algorithm", owasp2021: new[] { "A02:2021", "A05:2021" }, owasp2025: new[] { "A04:2025", "A02:2025" });

    private static readonly HashSet<string> Valid = new(StringComparer.Ordinal) { "sha1", "sha256" };

    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { Rule };

    public IEnumerable<SettingsProblem> Check(SettingsCheckContext context)
    {
        // Django's default (sha256) is valid, so only a module that sets it can be wrong.
        if (context.Binding("DEFAULT_HASHING_ALGORITHM") is not { } binding) yield break;
        var value = binding.Value.Effective;
        string? shown = value.Kind switch
        {
            PyValueKind.Str when !Valid.Contains(value.StrValue!) => $"'{value.StrValue}'",
            PyValueKind.None => "None",
            PyValueKind.Bool or PyValueKind.Int or PyValueKind.Float or PyValueKind.List or PyValueKind.Tuple or PyValueKind.Set or PyValueKind.Dict => "not a string",
            _ => null,
        };
        if (shown == null) yield break;
        yield return context.At("DEFAULT_HASHING_ALGORITHM", Rule, "security.E100",
            $"DEFAULT_HASHING_ALGORITHM is {shown}; it must be 'sha1' or 'sha256' (security.E100).",
            context.SetValueFix("DEFAULT_HASHING_ALGORITHM", "\"sha256\""));
    }
}
