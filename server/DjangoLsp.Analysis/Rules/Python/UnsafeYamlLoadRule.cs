using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Semantics;
using DjangoLsp.Analysis.Taint;
using DjangoLsp.Python.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Rules.Python;

/// <summary>
/// DJ142: <c>yaml.load</c> / <c>load_all</c> without a safe loader (or <c>unsafe_load</c>) on non-constant data.
/// PyYAML's full loaders construct arbitrary Python objects, so YAML from outside is code execution.
/// </summary>
public sealed class UnsafeYamlLoadRule : TaintSinkRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DJ142", "yaml-load-without-safe-loader", Severity.Error, RuleCategory.Deserialization,
        new[] { "A08:2021" }, new[] { "A08:2025" }, new[] { 502, 20 },
        "yaml.load / load_all without SafeLoader (or yaml.unsafe_load) parses non-constant data.",
        RuleDocs.Build(
            "Finds `yaml.load()` and `yaml.load_all()` called without a loader or with `Loader`, `FullLoader`, `UnsafeLoader` (or their C variants), and `yaml.unsafe_load()` / `unsafe_load_all()`, when the document is not a constant. Data from the request is an error; other data (files, HTTP responses, queues) is a warning. `yaml.safe_load()` and `Loader=yaml.SafeLoader` / `CSafeLoader` are not reported.",
            "PyYAML's full loaders build arbitrary Python objects from tags such as `!!python/object/apply:os.system`, so whoever controls the YAML runs code on your server. Old PyYAML versions (< 5.1) even used the unsafe loader when none was given.",
            """
            feed = yaml.load(resp.text, Loader=yaml.Loader)
            """,
            """
            feed = yaml.safe_load(resp.text)
            """,
            "[PyYAML: yaml.load(input) deprecation](https://github.com/yaml/pyyaml/wiki/PyYAML-yaml.load(input)-Deprecation)",
            RuleDocs.OwaspCheatSheetDeserialization,
            "[CWE-502](https://cwe.mitre.org/data/definitions/502.html)"),
        "https://docs.djangoproject.com/en/stable/topics/security/");

    /// <summary>Loaders that only build plain data; anything else (named or computed) is treated as unsafe.</summary>
    private static readonly HashSet<string> SafeLoaders = new(StringComparer.Ordinal)
    {
        "yaml.SafeLoader", "yaml.CSafeLoader", "yaml.BaseLoader", "yaml.CBaseLoader",
        "yaml.loader.SafeLoader", "yaml.cyaml.CSafeLoader", "yaml.loader.BaseLoader",
    };

    public UnsafeYamlLoadRule() : base(Descriptor)
    {
    }

    protected override IReadOnlyDictionary<string, (int Position, string? Keyword)> Sinks { get; } = new Dictionary<string, (int, string?)>
    {
        ["yaml.load"] = (0, "stream"),
        ["yaml.load_all"] = (0, "stream"),
        ["yaml.unsafe_load"] = (0, "stream"),
        ["yaml.unsafe_load_all"] = (0, "stream"),
        ["yaml.full_load"] = (0, "stream"),
        ["yaml.full_load_all"] = (0, "stream"),
    };

    protected override SinkKind Kind => SinkKind.Deserialization;
    protected override bool ReportUnknown => true;
    protected override string[] Keywords => new[] { "yaml" };

    protected override bool IsDangerous(CallExpressionSyntax call, RuleContext context)
    {
        var name = context.Semantics.GetCalleeName(call);
        if (name is not ("yaml.load" or "yaml.load_all")) return true;   // unsafe_load / full_load are unsafe by name
        var loader = call.GetArgument(1, "Loader");
        if (loader == null) return true;
        var loaderName = context.Semantics.GetQualifiedName(loader.Expression);
        return loaderName == null || !SafeLoaders.Contains(loaderName);
    }

    protected override string Message(string api, TaintValue taint) =>
        $"{api} parses {Describe(taint, SinkKind.Deserialization)} with a loader that constructs arbitrary Python objects; use yaml.safe_load().";

    /// <summary>
    /// <c>yaml.load(x, Loader=yaml.Loader)</c> → <c>yaml.safe_load(x)</c> (and <c>load_all</c> → <c>safe_load_all</c>),
    /// only when the call is spelled <c>module.func(...)</c> with one document argument, so no import changes.
    /// </summary>
    protected override IReadOnlyList<CodeFix> Fixes(CallExpressionSyntax call, ExpressionSyntax argument, RuleContext context)
    {
        if (call.Expression is not AttributeExpressionSyntax attribute) return Array.Empty<CodeFix>();
        var name = context.Semantics.GetCalleeName(call);
        var replacement = name switch
        {
            "yaml.load" or "yaml.unsafe_load" or "yaml.full_load" => "safe_load",
            "yaml.load_all" or "yaml.unsafe_load_all" or "yaml.full_load_all" => "safe_load_all",
            _ => null,
        };
        if (replacement == null) return Array.Empty<CodeFix>();
        var arguments = call.ArgumentList.Arguments;
        var document = call.GetArgument(0, "stream");   // the same argument the sink table names
        if (document == null || arguments.Any(a => a.StarToken != null)) return Array.Empty<CodeFix>();
        var loader = call.GetArgument(1, "Loader");
        if (arguments.Any(a => a != document && a != loader))
            return Array.Empty<CodeFix>();   // unexpected extra arguments: let the user decide
        var path = context.Document.Path;
        var edits = new[]
        {
            new DocumentEdit(path, new TextChange(attribute.NameToken.Span, replacement)),
            new DocumentEdit(path, new TextChange(
                TextSpan.FromBounds(call.ArgumentList.OpenParenToken.Span.End, call.ArgumentList.CloseParenToken.Span.Start),
                document.Expression.ToString())),
        };
        return new[] { new CodeFix($"Use yaml.{replacement}()", edits) };
    }
}
