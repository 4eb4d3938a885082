using DjangoLsp.Server.Tests.Support;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace DjangoLsp.Server.Tests;

/// <summary>The README's main job: `djangolsp check examples/vulnerable-shop` in every format, through the real executable.</summary>
public class ExampleProjectCliTests
{
    private static readonly string RepoRoot = FindRepoRoot();

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir != null && !Directory.Exists(Path.Combine(dir.FullName, "examples", "vulnerable-shop"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("examples/vulnerable-shop not found above the test directory");
    }

    private static Djangolsp.Result Check(params string[] extra) =>
        Djangolsp.Run(new[] { "check", "examples/vulnerable-shop", "--no-config" }.Concat(extra).ToArray(), RepoRoot);

    [Test]
    public void Text_lists_findings_and_exits_one()
    {
        var result = Check();
        Assert.That(result.ExitCode, Is.EqualTo(1), result.Stderr);
        Assert.That(result.Stdout, Does.Contain("examples/vulnerable-shop/catalog/views.py:48:").And.Contain(" error DJ101 "));
        Assert.That(result.Stdout, Does.Match(@"Found \d+ findings \(\d+ errors, \d+ warnings"));
    }

    [Test]
    public void Json_carries_category_owasp_cwe_and_fixes()
    {
        var result = Check("--format", "json");
        Assert.That(result.ExitCode, Is.EqualTo(1), result.Stderr);
        var findings = (JArray)JObject.Parse(result.Stdout)["findings"]!;
        Assert.That(findings, Has.Count.GreaterThan(50));
        var sql = findings.Single(f => (string?)f["ruleId"] == "DJ101" && (string?)f["path"] == "examples/vulnerable-shop/catalog/views.py"
                                       && (int?)f["range"]!["start"]!["line"] == 47);
        Assert.That((string?)sql["category"], Is.EqualTo("sql-injection"));
        Assert.That((string?)sql["severity"], Is.EqualTo("error"));
        Assert.That(sql["owasp"]!.Select(o => (string?)o), Is.SupersetOf(new[] { "A03:2021", "A05:2025" }));
        Assert.That(sql["cwe"]!.Select(c => (int)c), Does.Contain(89));
        Assert.That((JArray)sql["fixes"]!, Is.Not.Empty);
        foreach (var f in findings)
            Assert.That((string?)f["category"], Is.Not.Null.And.Not.Empty, (string?)f["ruleId"]);
    }

    [Test]
    public void Sarif_is_complete_enough_for_code_scanning()
    {
        var output = Path.Combine(Path.GetTempPath(), $"djangolsp-example-{Guid.NewGuid():N}.sarif");
        try
        {
            var result = Check("--format", "sarif", "--output", output);
            Assert.That(result.ExitCode, Is.EqualTo(1), result.Stderr);
            var run = JObject.Parse(File.ReadAllText(output))["runs"]![0]!;
            var rules = (JArray)run["tool"]!["driver"]!["rules"]!;
            var ruleIds = rules.Select(r => (string?)r["id"]).ToList();
            foreach (var rule in rules)
            {
                Assert.That((string?)rule["shortDescription"]!["text"], Is.Not.Empty);
                Assert.That((string?)rule["helpUri"], Does.StartWith("https://"));
                Assert.That((string?)rule["defaultConfiguration"]!["level"], Is.AnyOf("error", "warning", "note", "none"));
            }
            var tags = rules.SelectMany(r => r["properties"]!["tags"]!.Select(t => (string?)t)).ToList();
            Assert.That(tags, Has.Some.StartWith("external/cwe/cwe-").And.Some.StartWith("owasp-2021:").And.Some.StartWith("owasp-2025:"));
            var results = (JArray)run["results"]!;
            Assert.That(results, Has.Count.GreaterThan(50));
            foreach (var r in results)
            {
                Assert.That(ruleIds, Does.Contain((string?)r["ruleId"]));
                Assert.That((string?)r["message"]!["text"], Is.Not.Empty);
                var location = r["locations"]![0]!["physicalLocation"]!;
                Assert.That((string?)location["artifactLocation"]!["uri"], Does.Not.Contain("\\"));
                Assert.That((int)location["region"]!["startLine"]!, Is.GreaterThanOrEqualTo(1));
            }
            Assert.That(results.Any(r => r["fixes"] is JArray { Count: > 0 }), Is.True, "fixes where a quick-fix exists");
            Assert.That(results.Any(r => r["codeFlows"] is JArray { Count: > 0 }), Is.True, "taint traces as code flows");
        }
        finally
        {
            File.Delete(output);
        }
    }
}
