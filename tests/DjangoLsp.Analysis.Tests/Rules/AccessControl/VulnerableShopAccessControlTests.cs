using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Rules.AccessControl;
using Microsoft.CodeAnalysis.Text;
using Newtonsoft.Json.Linq;

namespace DjangoLsp.Analysis.Tests.Rules.AccessControl;

/// <summary>
/// The DJ7xx expectations of examples/vulnerable-shop (from examples/tools/expected_findings.py --json): each planted
/// access-control problem is found on its line and its safe twin line gets no DJ7xx finding.
/// </summary>
public class VulnerableShopAccessControlTests
{
    private static string Shop => VulnerableShopExpectations.ShopRoot;

    private static JObject Expected() => JObject.Parse(VulnerableShopExpectations.Json());

    private static readonly Lazy<Dictionary<string, List<(string Id, int Line)>>> Findings = new(() =>
    {
        var analyzer = new AccessControlAnalyzer();
        var result = new Dictionary<string, List<(string, int)>>();
        foreach (var file in Directory.EnumerateFiles(Shop, "*.py", SearchOption.AllDirectories))
        {
            var text = SourceText.From(File.ReadAllText(file));
            var relative = Path.GetRelativePath(Shop, file).Replace('\\', '/');
            result[relative] = analyzer.Analyze(new AnalysisDocument(file, text), new AnalysisContext(new AnalysisOptions(), workspaceRoot: Shop), CancellationToken.None)
                .Select(f => (f.Rule.Id, text.Lines.GetLineFromPosition(f.Span.Start).LineNumber + 1)).ToList();
        }
        return result;
    });

    public static IEnumerable<TestCaseData> Planted()
    {
        foreach (var finding in Expected()["findings"]!)
        {
            if (!((string)finding["area"]!).StartsWith("DJ7", StringComparison.Ordinal)) continue;
            yield return new TestCaseData((string)finding["file"]!, (int)finding["line"]!, (int?)finding["alt_line"],
                    finding["twin"]?.Type == JTokenType.Object ? (string?)finding["twin"]!["file"] : null,
                    finding["twin"]?.Type == JTokenType.Object ? (int?)finding["twin"]!["line"] : null)
                .SetName($"{finding["id"]} {finding["file"]}:{finding["line"]} {finding["problem"]}");
        }
    }

    [TestCaseSource(nameof(Planted))]
    public void Planted_problem_is_found_and_twin_is_not(string file, int line, int? altLine, string? twinFile, int? twinLine)
    {
        var found = Findings.Value.GetValueOrDefault(file) ?? new List<(string, int)>();
        Assert.That(found.Where(f => f.Line == line || f.Line == altLine), Is.Not.Empty,
            $"expected a DJ7xx finding at {file}:{line}; found {string.Join(", ", found.Select(f => $"{f.Id}:{f.Line}"))}");
        if (twinFile != null)
        {
            var twin = Findings.Value.GetValueOrDefault(twinFile) ?? new List<(string, int)>();
            Assert.That(twin.Where(f => f.Line == twinLine), Is.Empty, $"safe twin {twinFile}:{twinLine} was flagged");
        }
    }

    [Test]
    public void Prints_every_access_control_finding()
    {
        foreach (var (file, list) in Findings.Value.OrderBy(p => p.Key))
            foreach (var (id, line) in list)
                TestContext.Out.WriteLine($"{file}:{line} {id}");
        Assert.That(Findings.Value.Values.Sum(l => l.Count), Is.GreaterThan(0));
    }
}
