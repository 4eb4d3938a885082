using DjangoLsp.Analysis.Engine;
using Microsoft.CodeAnalysis.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace DjangoLsp.Server.Output;

/// <summary>
/// Machine output, schema version 1: <c>{"version":1,"findings":[…]}</c>. Ranges are zero-based with UTF-16
/// characters, like LSP; paths are relative with forward slashes.
/// </summary>
public static class JsonFormatter
{
    public const int SchemaVersion = 1;

    public static JObject Build(ReportContext report) => new()
    {
        ["version"] = SchemaVersion,
        ["findings"] = new JArray(report.Findings.Select(f => Finding(report, f))),
    };

    public static void Write(ReportContext report, TextWriter writer)
    {
        using var json = new JsonTextWriter(writer) { Formatting = Formatting.Indented, CloseOutput = false };
        Build(report).WriteTo(json);
        json.Flush();
        writer.WriteLine();
    }

    private static JObject Finding(ReportContext report, Finding finding) => new()
    {
        ["path"] = report.RelativePath(finding.Path),
        ["ruleId"] = finding.Rule.Id,
        ["ruleName"] = finding.Rule.Name,
        ["category"] = finding.Rule.Category,
        ["severity"] = finding.Severity.ToName(),
        ["message"] = finding.Message,
        ["range"] = Range(report.Locate(finding.Path, finding.Span)),
        ["owasp"] = new JArray(finding.Rule.Owasp2021.Concat(finding.Rule.Owasp2025)),
        ["cwe"] = new JArray(finding.Rule.Cwe),
        ["related"] = new JArray(finding.Related.Select(r => new JObject
        {
            ["path"] = report.RelativePath(r.Path),
            ["range"] = Range(report.Locate(r.Path, r.Span)),
            ["message"] = r.Message,
        })),
        ["fixes"] = new JArray(finding.Fixes.Select(fix => new JObject
        {
            ["title"] = fix.Title,
            ["edits"] = new JArray(fix.Edits.Select(e => new JObject
            {
                ["path"] = report.RelativePath(e.Path),
                ["range"] = Range(report.Locate(e.Path, e.Change.Span)),
                ["newText"] = e.Change.NewText ?? "",
            })),
        })),
    };

    private static JObject Range(LinePositionSpan span) => new()
    {
        ["start"] = new JObject { ["line"] = span.Start.Line, ["character"] = span.Start.Character },
        ["end"] = new JObject { ["line"] = span.End.Line, ["character"] = span.End.Character },
    };
}
