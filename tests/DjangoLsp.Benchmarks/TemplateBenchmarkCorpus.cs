using System.Text;

namespace DjangoLsp.Benchmarks;

/// <summary>Inputs for the template benchmarks: Django's admin templates (python3-django) and a 2,000-line template.</summary>
internal static class TemplateBenchmarkCorpus
{
    private const string DjangoRoot = "/usr/lib/python3/dist-packages/django";

    public static string[] AdminTemplates()
    {
        string dir = Path.Combine(DjangoRoot, "contrib/admin/templates");
        if (!Directory.Exists(dir))
        {
            throw new InvalidOperationException("python3-django is not installed (apt-get install python3-django)");
        }

        return Directory.EnumerateFiles(dir, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
    }

    /// <summary>Every file under a templates/ directory shipped with Django (the corpus of the template tests), sorted.</summary>
    public static string[] AllShippedTemplatePaths()
    {
        if (!Directory.Exists(DjangoRoot))
        {
            throw new InvalidOperationException("python3-django is not installed (apt-get install python3-django)");
        }

        return Directory.EnumerateFiles(DjangoRoot, "*", SearchOption.AllDirectories)
            .Where(f => f.Contains("/templates/", StringComparison.Ordinal) && !f.EndsWith(".py", StringComparison.Ordinal)
                && !f.EndsWith(".pyc", StringComparison.Ordinal) && !f.Contains("__pycache__", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    public static string[] AllShippedTemplates() => AllShippedTemplatePaths().Select(File.ReadAllText).ToArray();

    /// <summary>Django's technical_500.html (HTML, CSS, JS, event handlers) repeated to exactly 2,000 lines.</summary>
    public static string TwoThousandLineTemplate()
    {
        string unit = File.ReadAllText(Path.Combine(DjangoRoot, "views/templates/technical_500.html"));
        var lines = new List<string>();
        while (lines.Count < 2000)
        {
            lines.AddRange(unit.Split('\n'));
        }

        return string.Join("\n", lines.Take(2000));
    }

    public static long Utf8Bytes(IEnumerable<string> texts) => texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t));
}
