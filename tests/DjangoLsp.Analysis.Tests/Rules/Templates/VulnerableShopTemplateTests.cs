using NUnit.Framework;
using static DjangoLsp.Analysis.Tests.Rules.Templates.TemplateRuleTestUtil;

namespace DjangoLsp.Analysis.Tests.Rules.Templates;

/// <summary>
/// examples/vulnerable-shop: every template problem listed in EXPECTED.md is found on its line (or its alternative
/// line), its safe twin and every "safe" template line are not flagged, and nothing else in the templates is flagged.
/// </summary>
public class VulnerableShopTemplateTests
{
    private sealed record Row(string Id, string File, int Line, int? AltLine, string Area, string? TwinFile, int? TwinLine);

    private static string ShopRoot => Path.Combine(RepoRoot(), "examples", "vulnerable-shop");

    private static List<string[]> TableRows(string prefix) =>
        File.ReadAllLines(Path.Combine(ShopRoot, "EXPECTED.md"))
            .Where(l => l.StartsWith("| " + prefix, StringComparison.Ordinal))
            .Select(l => l.Trim().Trim('|').Split(" | ").Select(c => c.Trim()).ToArray())
            .ToList();

    private static List<Row> ExpectedTemplateFindings()
    {
        var rows = new List<Row>();
        foreach (var c in TableRows("VS"))
        {
            if (!c[1].EndsWith(".html", StringComparison.Ordinal))
            {
                continue;
            }

            string? twinFile = null;
            int? twinLine = null;
            if (c[9].Contains(':'))
            {
                twinFile = c[9].Split(':')[0];
                twinLine = int.Parse(c[9].Split(':')[1]);
            }

            rows.Add(new Row(c[0], c[1], int.Parse(c[2]), c[3].Length > 0 ? int.Parse(c[3]) : null, c[4], twinFile, twinLine));
        }

        return rows;
    }

    private static Dictionary<string, List<(string Rule, int Line, string Message)>> AnalyzeShop()
    {
        var result = new Dictionary<string, List<(string, int, string)>>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(ShopRoot, "*.html", SearchOption.AllDirectories))
        {
            string text = File.ReadAllText(path);
            string relative = Path.GetRelativePath(ShopRoot, path).Replace('\\', '/');
            result[relative] = Security(text, path).Select(f => (f.Rule.Id, Line(text, f), f.Message)).ToList();
        }

        return result;
    }

    [Test]
    public void ExpectedTemplateFindingsAreReportedOnTheirLines()
    {
        var expected = ExpectedTemplateFindings();
        Assert.That(expected, Has.Count.GreaterThanOrEqualTo(12), "EXPECTED.md lists the template problems");
        var found = AnalyzeShop();
        foreach (var row in expected)
        {
            string prefix = row.Area.StartsWith("DJ310", StringComparison.Ordinal) ? "DJ32" : "DJ22";
            var hits = found[row.File].Where(f => f.Rule.StartsWith(prefix, StringComparison.Ordinal) && (f.Line == row.Line || f.Line == row.AltLine)).ToList();
            Assert.That(hits, Is.Not.Empty, $"{row.Id} {row.File}:{row.Line} ({row.Area}) not reported; found: {string.Join("; ", found[row.File])}");
        }
    }

    [Test]
    public void SafeTwinsAndSafeLinesAreNotFlagged()
    {
        var found = AnalyzeShop();
        var safeLines = new List<(string Why, string File, int Line)>();
        foreach (var row in ExpectedTemplateFindings())
        {
            if (row.TwinFile != null && row.TwinFile.EndsWith(".html", StringComparison.Ordinal))
            {
                safeLines.Add(($"twin of {row.Id}", row.TwinFile, row.TwinLine!.Value));
            }
        }

        foreach (var c in TableRows("OK"))
        {
            if (c[1].EndsWith(".html", StringComparison.Ordinal))
            {
                safeLines.Add((c[0], c[1], int.Parse(c[2])));
            }
        }

        Assert.That(safeLines, Has.Count.GreaterThanOrEqualTo(10));
        foreach (var (why, file, line) in safeLines)
        {
            Assert.That(found[file].Where(f => f.Line == line), Is.Empty, $"{why}: {file}:{line} is flagged");
        }
    }

    [Test]
    public void NothingElseInTheTemplatesIsFlagged()
    {
        var expected = ExpectedTemplateFindings();
        foreach (var (file, findings) in AnalyzeShop())
        {
            foreach (var f in findings)
            {
                bool listed = expected.Any(r => r.File == file && (r.Line == f.Line || r.AltLine == f.Line));
                Assert.That(listed, Is.True, $"unexpected {f.Rule} at {file}:{f.Line}: {f.Message}");
            }
        }
    }
}
