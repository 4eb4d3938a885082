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

    /// <summary>
    /// The report as <see cref="Build"/> gives it, written as Newtonsoft.Json would write it indented, without
    /// building the tree or loading that library (its set-up was ~35 ms of a scan's CPU; see <see cref="IndentedJsonWriter"/>).
    /// </summary>
    public static void Write(ReportContext report, TextWriter writer)
    {
        var json = new IndentedJsonWriter(writer);
        json.StartObject();
        json.Property("version", SchemaVersion);
        json.PropertyName("findings");
        json.StartArray();
        foreach (var finding in report.Findings) WriteFinding(json, report, finding);
        json.EndArray();
        json.EndObject();
        writer.WriteLine();
    }

    // Member for member what Finding() builds, in the same order.
    private static void WriteFinding(IndentedJsonWriter json, ReportContext report, Finding finding)
    {
        json.StartObject();
        json.Property("path", report.RelativePath(finding.Path));
        json.Property("ruleId", finding.Rule.Id);
        json.Property("ruleName", finding.Rule.Name);
        json.Property("category", finding.Rule.Category);
        json.Property("severity", finding.Severity.ToName());
        json.Property("message", finding.Message);
        json.PropertyName("range");
        WriteRange(json, report.Locate(finding.Path, finding.Span));
        json.PropertyName("owasp");
        json.StartArray();
        foreach (var item in finding.Rule.Owasp2021) json.Value(item);
        foreach (var item in finding.Rule.Owasp2025) json.Value(item);
        json.EndArray();
        json.PropertyName("cwe");
        json.StartArray();
        foreach (var cwe in finding.Rule.Cwe) json.Value(cwe);
        json.EndArray();
        json.PropertyName("related");
        json.StartArray();
        foreach (var related in finding.Related)
        {
            json.StartObject();
            json.Property("path", report.RelativePath(related.Path));
            json.PropertyName("range");
            WriteRange(json, report.Locate(related.Path, related.Span));
            json.Property("message", related.Message);
            json.EndObject();
        }
        json.EndArray();
        json.PropertyName("fixes");
        json.StartArray();
        foreach (var fix in finding.Fixes)
        {
            json.StartObject();
            json.Property("title", fix.Title);
            json.PropertyName("edits");
            json.StartArray();
            foreach (var edit in fix.Edits)
            {
                json.StartObject();
                json.Property("path", report.RelativePath(edit.Path));
                json.PropertyName("range");
                WriteRange(json, report.Locate(edit.Path, edit.Change.Span));
                json.Property("newText", edit.Change.NewText ?? "");
                json.EndObject();
            }
            json.EndArray();
            json.EndObject();
        }
        json.EndArray();
        json.EndObject();
    }

    private static void WriteRange(IndentedJsonWriter json, LinePositionSpan span)
    {
        json.StartObject();
        json.PropertyName("start");
        WritePosition(json, span.Start);
        json.PropertyName("end");
        WritePosition(json, span.End);
        json.EndObject();
    }

    private static void WritePosition(IndentedJsonWriter json, LinePosition position)
    {
        json.StartObject();
        json.Property("line", position.Line);
        json.Property("character", position.Character);
        json.EndObject();
    }

    /// <summary>The report through Newtonsoft.Json's writer (what <see cref="Write"/> must match byte for byte).</summary>
    public static void WriteWithNewtonsoft(ReportContext report, TextWriter writer)
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
