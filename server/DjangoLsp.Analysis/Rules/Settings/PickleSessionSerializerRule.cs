using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Settings;
using static DjangoLsp.Analysis.Rules.Settings.SettingsRuleDescriptors;

namespace DjangoLsp.Analysis.Rules.Settings;

/// <summary>DJ523: <c>SESSION_SERIALIZER</c> is the pickle serializer.</summary>
public sealed class PickleSessionSerializerRule : ISettingsRule
{
    public static readonly RuleDescriptor Rule = Create("DJ523", "pickle-session-serializer", Severity.Error, new[] { 502 },
        "SESSION_SERIALIZER is PickleSerializer: a leaked SECRET_KEY becomes remote code execution.",
        SettingsDocs.Build(
            "Reports `SESSION_SERIALIZER = \"django.contrib.sessions.serializers.PickleSerializer\"` (removed in Django 5.0; also any serializer class named `PickleSerializer`).",
            "Session data is unpickled on every request. Anyone who can write session data — with the signed-cookie backend, anyone who knows `SECRET_KEY` — can make the server unpickle an object that runs arbitrary code.",
            "SESSION_SERIALIZER = \"django.contrib.sessions.serializers.PickleSerializer\"",
            "SESSION_SERIALIZER = \"django.contrib.sessions.serializers.JSONSerializer\"  # the default; store plain data",
            Array.Empty<string>(), "session-serializer",
            "[Session serialization](https://docs.djangoproject.com/en/stable/topics/http/sessions/#session-serialization)"),
        "session-serializer", category: RuleCategory.Deserialization, owasp2021: new[] { "A08:2021" }, owasp2025: new[] { "A08:2025" });

    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { Rule };

    public IEnumerable<SettingsProblem> Check(SettingsCheckContext context)
    {
        if (context.Value("SESSION_SERIALIZER").Effective is not { Kind: PyValueKind.Str } value) yield break;
        if (!value.StrValue!.EndsWith(".PickleSerializer", StringComparison.Ordinal)) yield break;
        yield return context.At("SESSION_SERIALIZER", Rule, null,
            "SESSION_SERIALIZER is PickleSerializer: anyone who can forge session data (e.g. with a leaked SECRET_KEY) can run code on the server.",
            context.SetValueFix("SESSION_SERIALIZER", "\"django.contrib.sessions.serializers.JSONSerializer\"", safeForFixAll: false));
    }
}
