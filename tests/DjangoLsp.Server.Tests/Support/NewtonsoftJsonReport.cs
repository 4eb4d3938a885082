using DjangoLsp.Analysis.Engine;
using DjangoLsp.Server.Output;
using Microsoft.CodeAnalysis.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace DjangoLsp.Server.Tests.Support;

/// <summary>
/// The JSON report built independently as a Newtonsoft.Json tree and written by its indented writer: the oracle that
/// <see cref="JsonFormatter.Write"/>'s hand-written output must match byte for byte (schema version 1, same member order).
/// </summary>
internal static class NewtonsoftJsonReport
{
    public static JObject Build(ReportContext report) => new()
    {
        ["version"] = JsonFormatter.SchemaVersion,
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
