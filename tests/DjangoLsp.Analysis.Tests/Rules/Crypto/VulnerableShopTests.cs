using DjangoLsp.Analysis.Engine;
using Microsoft.CodeAnalysis.Text;
using System.Text.Json.Nodes;

namespace DjangoLsp.Analysis.Tests.Rules.Crypto;

/// <summary>
/// examples/vulnerable-shop: every expected DJ4xx/DJ8xx finding of EXPECTED.md is reported on its line (or the
/// alternative line) by the right rule family, and none of our rules reports a safe-twin line.
/// </summary>
[TestFixture]
public class VulnerableShopTests
{
    // VS036 (hard-coded SECRET_KEY in shop/settings/base.py) is reported by the settings rules (DJ5xx, security.W009):
    // DJ440 deliberately leaves SECRET_KEY in settings modules to them so it is reported once (see DJ440's docs).
    private static readonly HashSet<string> OwnedByOthers = new(StringComparer.Ordinal) { "VS036" };

    private static JsonNode Expected() => JsonNode.Parse(VulnerableShopExpectations.Json())!;

    private static readonly Dictionary<string, IReadOnlyList<(int Line, string Rule)>> Cache = new(StringComparer.Ordinal);

    private static IReadOnlyList<(int Line, string Rule)> FindingsIn(string relative)
    {
        if (Cache.TryGetValue(relative, out var cached)) return cached;
        var path = Path.Combine(RuleHost.RepoRoot, "examples/vulnerable-shop", relative);
        var text = SourceText.From(File.ReadAllText(path));
        var findings = RuleHost.Analyze(new AnalysisDocument(path, text)).Select(f => (RuleHost.Line(text, f), f.Rule.Id)).ToList();
        return Cache[relative] = findings;
    }

    private static int AltLine(JsonNode item) => item["alt_line"] is JsonValue v && v.TryGetValue<int>(out var line) ? line : -1;

    private static string Family(string area) => area.StartsWith("DJ4", StringComparison.Ordinal) ? "DJ4" : "DJ8";

    [Test]
    public void ExpectedCryptoAndDosFindings_AreReported()
    {
        var missing = new List<string>();
        var checkedCount = 0;
        foreach (var item in Expected()["findings"]!.AsArray())
        {
            var area = (string)item!["area"]!;
            var id = (string)item["id"]!;
            if (!(area.StartsWith("DJ4", StringComparison.Ordinal) || area.StartsWith("DJ8", StringComparison.Ordinal)) || OwnedByOthers.Contains(id)) continue;
            var file = (string)item["file"]!;
            var lines = new[] { (int)item["line"]!, AltLine(item!) };
            checkedCount++;
            if (!FindingsIn(file).Any(f => lines.Contains(f.Line) && f.Rule.StartsWith(Family(area), StringComparison.Ordinal)))
                missing.Add($"{id} {file}:{lines[0]} {item["problem"]}");
        }
        Assert.That(checkedCount, Is.GreaterThanOrEqualTo(13));
        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void SafeTwins_AreNotReportedByCryptoOrDosRules()
    {
        var expected = Expected();
        var twins = new List<(string File, int Line, string Why)>();
        foreach (var item in expected["safe"]!.AsArray())
            twins.Add(((string)item!["file"]!, (int)item["line"]!, (string)item["why"]!));
        foreach (var item in expected["findings"]!.AsArray())
            if (item!["twin"] is JsonObject twin && ((string)item["area"]!).StartsWith("DJ", StringComparison.Ordinal))
                twins.Add(((string)twin["file"]!, (int)twin["line"]!, "safe twin of " + item["id"]));
        var flagged = twins
            .Where(t => t.File.EndsWith(".py", StringComparison.Ordinal))
            .Where(t => FindingsIn(t.File).Any(f => f.Line == t.Line))
            .Select(t => $"{t.File}:{t.Line} ({t.Why}): {string.Join(", ", FindingsIn(t.File).Where(f => f.Line == t.Line).Select(f => f.Rule))}")
            .ToList();
        Assert.That(flagged, Is.Empty);
    }

    [Test]
    public void NoUnexpectedCryptoOrDosFindings()
    {
        var expected = Expected();
        var allowed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in expected["findings"]!.AsArray())
        {
            allowed.Add($"{item!["file"]}:{item["line"]}");
            if (AltLine(item!) > 0) allowed.Add($"{item!["file"]}:{AltLine(item!)}");
        }
        var root = Path.Combine(RuleHost.RepoRoot, "examples/vulnerable-shop");
        var unexpected = new List<string>();
        foreach (var path in Directory.EnumerateFiles(root, "*.py", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
            foreach (var (line, rule) in FindingsIn(relative))
                if (!allowed.Contains($"{relative}:{line}")) unexpected.Add($"{relative}:{line} {rule}");
        }
        Assert.That(unexpected, Is.Empty);
    }
}
