using System.Text;
using System.Text.Json;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Templates.Syntax;

/// <summary>Backs <c>djangolsp debug template FILE...</c>.</summary>
public static class TemplateDebugCommands
{
    /// <summary>
    /// Prints one JSON object per template:
    /// <c>{"path","dialect","errors":[{"line","message"}],"outputs":[{"line","column","text","context","autoescape","filters","escaped_for_context"}]}</c>.
    /// Directories are searched for *.html, *.txt, *.xml, *.jinja, *.j2 files.
    /// Returns 0 when every file parsed without errors, 1 when some had syntax errors, 2 when a file could not be read.
    /// </summary>
    public static int DebugTemplate(IEnumerable<string> paths, TextWriter output)
    {
        int exitCode = 0;
        foreach (var path in Expand(paths))
        {
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                output.WriteLine(Json(w =>
                {
                    w.WriteString("path", path);
                    w.WriteString("error", e.Message);
                }));
                exitCode = 2;
                continue;
            }

            var analysis = TemplateAnalysis.Analyze(TemplateSyntaxTree.Parse(SourceText.From(text), path));
            if (analysis.Diagnostics.Count > 0 && exitCode == 0)
            {
                exitCode = 1;
            }

            output.WriteLine(Format(analysis, path));
        }

        return exitCode;
    }

    /// <summary>The JSON line for one analysed template.</summary>
    public static string Format(TemplateAnalysis analysis, string path)
    {
        var lines = analysis.Tree.Text.Lines;
        return Json(w =>
        {
            w.WriteString("path", path);
            w.WriteString("dialect", analysis.IsJinja2 ? "jinja2" : "django");
            w.WriteStartArray("errors");
            foreach (var d in analysis.Diagnostics)
            {
                w.WriteStartObject();
                w.WriteNumber("line", lines.GetLinePosition(d.Span.Start).Line + 1);
                w.WriteString("message", d.Message);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("outputs");
            foreach (var o in analysis.Outputs)
            {
                var position = lines.GetLinePosition(o.Span.Start);
                w.WriteStartObject();
                w.WriteNumber("line", position.Line + 1);
                w.WriteNumber("column", position.Character + 1);
                w.WriteString("text", o.Text);
                w.WriteString("context", o.Context.Name);
                w.WriteBoolean("autoescape", o.Autoescape);
                w.WriteStartArray("filters");
                foreach (var f in o.Filters)
                {
                    w.WriteStringValue(f);
                }

                w.WriteEndArray();
                w.WriteBoolean("escaped_for_context", o.EscapedForContext);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
    }

    private static IEnumerable<string> Expand(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                             .Where(f => f.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)
                                 || f.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".jinja", StringComparison.OrdinalIgnoreCase)
                                 || f.EndsWith(".j2", StringComparison.OrdinalIgnoreCase))
                             .Order(StringComparer.Ordinal))
                {
                    yield return file;
                }
            }
            else
            {
                yield return path;
            }
        }
    }

    private static string Json(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
