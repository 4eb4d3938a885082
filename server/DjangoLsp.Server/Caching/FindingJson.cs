using DjangoLsp.Analysis.Engine;
using Microsoft.CodeAnalysis.Text;
using Newtonsoft.Json.Linq;

namespace DjangoLsp.Server.Caching;

/// <summary>Findings to and from the cache's JSON. Reading is strict: anything missing or malformed gives null, never a throw.</summary>
internal static class FindingJson
{
    public static JObject Write(Finding finding) => new()
    {
        ["rule"] = finding.Rule.Id,
        ["path"] = finding.Path,
        ["span"] = Span(finding.Span),
        ["message"] = finding.Message,
        ["severity"] = (int)finding.Severity,
        ["related"] = new JArray(finding.Related.Select(r => new JObject { ["path"] = r.Path, ["span"] = Span(r.Span), ["message"] = r.Message })),
        ["fixes"] = new JArray(finding.Fixes.Select(f => new JObject
        {
            ["title"] = f.Title,
            ["safe"] = f.SafeForFixAll,
            ["edits"] = new JArray(f.Edits.Select(e => new JObject { ["path"] = e.Path, ["span"] = Span(e.Change.Span), ["text"] = e.Change.NewText })),
        })),
    };

    public static Finding? Read(JToken token, Func<string, RuleDescriptor?> rules)
    {
        if (token is not JObject o) return null;
        var rule = Str(o["rule"]) is { } id ? rules(id) : null;
        var path = Str(o["path"]);
        var message = Str(o["message"]);
        var span = ReadSpan(o["span"]);
        if (rule == null || path == null || message == null || span == null) return null;
        if (o["severity"] is not JValue { Type: JTokenType.Integer } sv || !Enum.IsDefined(typeof(Severity), (int)sv)) return null;
        var related = new List<RelatedLocation>();
        foreach (var r in o["related"] as JArray ?? new JArray())
        {
            if (Str(r["path"]) is not { } rp || ReadSpan(r["span"]) is not { } rs || Str(r["message"]) is not { } rm) return null;
            related.Add(new RelatedLocation(rp, rs, rm));
        }
        var fixes = new List<CodeFix>();
        foreach (var f in o["fixes"] as JArray ?? new JArray())
        {
            if (Str(f["title"]) is not { } title || f["safe"] is not JValue { Type: JTokenType.Boolean } safe) return null;
            var edits = new List<DocumentEdit>();
            foreach (var e in f["edits"] as JArray ?? new JArray())
            {
                if (Str(e["path"]) is not { } ep || ReadSpan(e["span"]) is not { } es || Str(e["text"]) is not { } text) return null;
                edits.Add(new DocumentEdit(ep, new TextChange(es, text)));
            }
            fixes.Add(new CodeFix(title, edits, (bool)safe));
        }
        return new Finding(rule, path, span.Value, message, (Severity)(int)sv, related, fixes);
    }

    private static JArray Span(TextSpan span) => new(span.Start, span.Length);

    private static TextSpan? ReadSpan(JToken? token) =>
        token is JArray { Count: 2 } a && a[0] is JValue { Type: JTokenType.Integer } s && a[1] is JValue { Type: JTokenType.Integer } l
            && (long)s >= 0 && (long)l >= 0 && (long)s + (long)l <= int.MaxValue
            ? new TextSpan((int)(long)s, (int)(long)l)
            : null;

    private static string? Str(JToken? token) => token is JValue { Type: JTokenType.String } v ? (string?)v : null;
}
