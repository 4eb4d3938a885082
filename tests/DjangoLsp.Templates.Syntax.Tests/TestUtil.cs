using DjangoLsp.Templates.Syntax;

namespace DjangoLsp.Templates.Syntax.Tests;

internal static class TestUtil
{
    public const string DjangoRoot = "/usr/lib/python3/dist-packages/django";

    /// <summary>Every file under a "templates" directory shipped with Django (python3-django).</summary>
    public static IReadOnlyList<string> DjangoTemplates()
    {
        if (!Directory.Exists(DjangoRoot))
        {
            Assert.Ignore("python3-django is not installed (apt-get install python3-django)");
        }

        var files = Directory.EnumerateFiles(DjangoRoot, "*", SearchOption.AllDirectories)
            .Where(f => f.Contains("/templates/", StringComparison.Ordinal) && !f.EndsWith(".py", StringComparison.Ordinal)
                && !f.EndsWith(".pyc", StringComparison.Ordinal) && !f.Contains("__pycache__", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.That(files, Has.Count.GreaterThan(80), "Django's template corpus should be found");
        return files;
    }

    public static IReadOnlyList<string> DjangoJinja2Templates() =>
        Directory.Exists(DjangoRoot)
            ? Directory.EnumerateFiles(DjangoRoot, "*.html", SearchOption.AllDirectories).Where(f => f.Contains("/jinja2/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList()
            : Array.Empty<string>();

    /// <summary>The context names of all outputs of <paramref name="template"/>, in order.</summary>
    public static string[] Contexts(string template) => TemplateAnalysis.Analyze(template).Outputs.Select(o => o.Context.Name).ToArray();

    public static TemplateOutput Single(string template)
    {
        var outputs = TemplateAnalysis.Analyze(template).Outputs;
        Assert.That(outputs, Has.Count.EqualTo(1), () => "outputs: " + string.Join(", ", outputs));
        return outputs[0];
    }

    public static string OutputsFingerprint(TemplateAnalysis analysis) =>
        string.Join("\n", analysis.Outputs.Select(o => $"{o.Span} {o.Node.TokenIndex} {o.Text} {o.Context} {o.Context.IsJavascriptUrl} {o.Escaping.Encoding} {o.Escaping.Value} {o.Autoescape} {o.EscapedForContext} {string.Join(",", o.Filters)}"));

    /// <summary>Everything observable about a parse, to compare incremental and full parses.</summary>
    public static string Fingerprint(TemplateSyntaxTree tree)
    {
        var analysis = TemplateAnalysis.Analyze(tree);
        var tokens = string.Join("|", tree.Tokens.Select((t, i) => $"{t.Kind}@{tree.GetTokenStart(i)}:{t.Width}"));
        var outputs = string.Join("\n", analysis.Outputs.Select(o => $"{o.Span} {o.Context.Name} {o.EscapedForContext} {string.Join(",", o.Filters)}"));
        return tokens + "\n" + tree.DumpStructure() + "\n" + outputs + "\n" + tree.Dialect;
    }
}
