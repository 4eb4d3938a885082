using DjangoLsp.Analysis.Engine;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Server.Output;

/// <summary>
/// Machine output, schema version 1: <c>{"version":1,"findings":[…]}</c>. Ranges are zero-based with UTF-16
/// characters, like LSP; paths are relative with forward slashes.
/// </summary>
public static class JsonFormatter
{
    public const int SchemaVersion = 1;

    /// <summary>
    /// The report, written exactly as Newtonsoft.Json's indented writer would write it (tests compare the two), without
    /// building a tree or loading that library (its set-up was ~35 ms of a scan's CPU; see <see cref="IndentedJsonWriter"/>).
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
}
