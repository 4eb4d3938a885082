using DjangoLsp.Analysis.Engine;
using Microsoft.CodeAnalysis.Text;
using Newtonsoft.Json.Linq;

namespace DjangoLsp.Analysis.Tests.Rules.Python;

/// <summary>
/// Runs the engine over examples/vulnerable-shop and checks the planted problems in this analyzer's areas
/// (DJ100–DJ169, Python XSS DJ200–219, redirects DJ300–309) are found on their lines, and that the safe
/// twins are not flagged by these rules. Expectations come from examples/tools/expected_findings.py --json.
/// </summary>
public class VulnerableShopAcceptanceTests
{
    private static string Shop => VulnerableShopExpectations.ShopRoot;

    private static readonly string[] MyAreas = { "DJ100-119", "DJ120-129", "DJ130-139", "DJ140-149", "DJ150-159", "DJ160-169", "DJ200-219", "DJ300-309" };

    /// <summary>Rules owned elsewhere that happen to live in one of my areas.</summary>
    private static readonly string[] NotMine = { "yaml.load" };

    private static bool IsMyRule(string id) =>
        id.StartsWith("DJ1", StringComparison.Ordinal) || id.StartsWith("DJ20", StringComparison.Ordinal) || id.StartsWith("DJ21", StringComparison.Ordinal)
        || id.StartsWith("DJ30", StringComparison.Ordinal);

    private static JObject Expected() => JObject.Parse(VulnerableShopExpectations.Json());

    private static readonly Lazy<Dictionary<string, List<(string Id, int Line)>>> Findings = new(() =>
    {
        var result = new Dictionary<string, List<(string, int)>>();
        foreach (var file in Directory.EnumerateFiles(Shop, "*.py", SearchOption.AllDirectories))
        {
            var text = SourceText.From(File.ReadAllText(file));
            var relative = Path.GetRelativePath(Shop, file).Replace('\\', '/');
            result[relative] = RuleTestHelper.Engine.Analyze(new AnalysisDocument(file, text), new AnalysisContext(new AnalysisOptions(), workspaceRoot: Shop))
                .Where(f => IsMyRule(f.Rule.Id))
                .Select(f => (f.Rule.Id, text.Lines.GetLineFromPosition(f.Span.Start).LineNumber + 1)).ToList();
        }
        return result;
    });

    public static IEnumerable<TestCaseData> PlantedProblems()
    {
        foreach (var finding in Expected()["findings"]!)
        {
            var area = (string)finding["area"]!;
            if (!MyAreas.Any(a => area.StartsWith(a, StringComparison.Ordinal))) continue;
            if (area.StartsWith("DJ200-219", StringComparison.Ordinal) && !((string)finding["file"]!).EndsWith(".py", StringComparison.Ordinal)) continue;
            if (NotMine.Any(n => ((string)finding["problem"]!).Contains(n, StringComparison.Ordinal))) continue;
            yield return new TestCaseData((string)finding["file"]!, (int)finding["line"]!, (int?)finding["alt_line"], area.Split(' ')[0])
                .SetName($"{finding["id"]} {finding["file"]}:{finding["line"]} {finding["problem"]}");
        }
    }

    [TestCaseSource(nameof(PlantedProblems))]
    public void Planted_problem_is_found(string file, int line, int? altLine, string area)
    {
        var range = area.Replace("DJ", "").Split('-').Select(int.Parse).ToArray();
        var found = Findings.Value.GetValueOrDefault(file) ?? new List<(string, int)>();
        var hits = found.Where(f => (f.Line == line || f.Line == altLine) && int.Parse(f.Id[2..]) >= range[0] && int.Parse(f.Id[2..]) <= range[1]).ToList();
        Assert.That(hits, Is.Not.Empty, $"expected a {area} finding at {file}:{line}; found {string.Join(", ", found.Select(f => $"{f.Id}:{f.Line}"))}");
    }

    public static IEnumerable<TestCaseData> SafeTwins()
    {
        var expected = Expected();
        var twins = expected["findings"]!.Where(f => f["twin"] is JObject).Select(f => ((string)f["twin"]!["file"]!, (int)f["twin"]!["line"]!));
        var safe = expected["safe"]!.Select(s => ((string)s["file"]!, (int)s["line"]!));
        foreach (var (file, line) in twins.Concat(safe).Distinct().Where(t => t.Item1.EndsWith(".py", StringComparison.Ordinal)))
            yield return new TestCaseData(file, line).SetName($"safe {file}:{line}");
    }

    [TestCaseSource(nameof(SafeTwins))]
    public void Safe_twin_is_not_flagged(string file, int line)
    {
        var found = Findings.Value.GetValueOrDefault(file) ?? new List<(string, int)>();
        Assert.That(found.Where(f => f.Line == line).Select(f => f.Id), Is.Empty, $"{file}:{line} is a safe twin");
    }

    [Test]
    public void No_findings_outside_the_planted_lines()
    {
        var expected = Expected();
        var allowed = new HashSet<string>();
        foreach (var f in expected["findings"]!)
        {
            allowed.Add($"{f["file"]}:{f["line"]}");
            if (f["alt_line"]?.Type == JTokenType.Integer) allowed.Add($"{f["file"]}:{f["alt_line"]}");
        }
        var extra = Findings.Value.SelectMany(kv => kv.Value.Select(f => $"{kv.Key}:{f.Line} {f.Id}"))
            .Where(s => !allowed.Contains(s.Split(' ')[0])).ToList();
        Assert.That(extra, Is.Empty, "findings on lines that have no planted problem");
    }
}
