using DjangoLsp.Analysis.Engine;
using DjangoLsp.Server.Cli;
using DjangoLsp.Server.Output;
using DjangoLsp.Server.Scanning;
using DjangoLsp.Server.Tests.Support;
using Microsoft.CodeAnalysis.Text;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace DjangoLsp.Server.Tests;

/// <summary>The text, JSON and SARIF formats, fed with findings from the test-only marker analyzer.</summary>
public class OutputFormatTests
{
    private string _root = null!;
    private AnalysisEngine _engine = null!;

    [SetUp]
    public void CreateProject()
    {
        _root = Directory.CreateTempSubdirectory("djangolsp-out").FullName;
        Directory.CreateDirectory(Path.Combine(_root, "shop"));
        File.WriteAllText(Path.Combine(_root, "shop", "views.py"), "import os\nx = 'é🐍' + MARKER\ny = MARKER\n");
        File.WriteAllText(Path.Combine(_root, "shop", "clean.py"), "x = 1\n");
        _engine = new AnalysisEngine(new IDocumentAnalyzer[] { new MarkerAnalyzer() });
    }

    [TearDown]
    public void Delete() => Directory.Delete(_root, true);

    private ReportContext Scan()
    {
        var files = new FileWalker(new WalkOptions()).Enumerate(_root).ToList();
        var result = new Scanner(_engine, AnalysisOptions.Default).Scan(files, _root);
        return new ReportContext(result.Findings, result.Texts, _engine.Catalog, _root, result.FileCount);
    }

    [Test]
    public void Text_format_prints_one_line_per_finding_and_a_summary()
    {
        var writer = new StringWriter();
        TextFormatter.Write(Scan(), writer, colour: false);
        Assert.That(writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(new[]
        {
            "shop/views.py:2:13: warning DJ990 Found the marker word.",
            "shop/views.py:3:5: warning DJ990 Found the marker word.",
            "Found 2 findings (2 warnings) in 2 files.",
        }));
    }

    [Test]
    public void Json_format_matches_the_documented_schema()
    {
        var json = WrittenJson(Scan());
        Assert.That((int)json["version"]!, Is.EqualTo(1));
        var first = json["findings"]![0]!;
        Assert.That((string?)first["path"], Is.EqualTo("shop/views.py"));
        Assert.That((string?)first["ruleId"], Is.EqualTo("DJ990"));
        Assert.That((string?)first["category"], Is.EqualTo("other"));
        Assert.That((string?)first["severity"], Is.EqualTo("warning"));
        Assert.That((string?)first["message"], Is.EqualTo("Found the marker word."));
        // zero-based, UTF-16: "x = 'é🐍' + " is 12 units
        Assert.That(JToken.DeepEquals(first["range"], JObject.Parse("{\"start\":{\"line\":1,\"character\":12},\"end\":{\"line\":1,\"character\":18}}")), Is.True, first["range"]!.ToString());
        Assert.That(first["owasp"]!.Values<string>(), Is.EqualTo(new[] { "A03:2021", "A05:2025" }));
        Assert.That(first["cwe"]!.Values<int>(), Is.EqualTo(new[] { 89 }));
        var fix = first["fixes"]![0]!;
        Assert.That((string?)fix["title"], Is.EqualTo("Replace MARKER with safe"));
        Assert.That((string?)fix["edits"]![0]!["path"], Is.EqualTo("shop/views.py"));
        Assert.That((string?)fix["edits"]![0]!["newText"], Is.EqualTo("safe"));
        Assert.That(first["fixes"]!.Count(), Is.EqualTo(2));
    }

    [Test]
    public void Sarif_has_required_fields_rule_metadata_locations_fixes_flows_and_fingerprints()
    {
        var sarif = SarifFormatter.Build(Scan());
        Assert.That((string?)sarif["version"], Is.EqualTo("2.1.0"));
        Assert.That((string?)sarif["$schema"], Is.EqualTo(SarifFormatter.SchemaUri));
        var run = sarif["runs"]!.Single();
        var driver = run["tool"]!["driver"]!;
        Assert.That((string?)driver["name"], Is.EqualTo("DjangoLsp"));
        Assert.That((string?)driver["informationUri"], Does.StartWith("https://"));
        Assert.That((string?)driver["version"], Is.Not.Empty);

        var rule = driver["rules"]!.Single();
        Assert.That((string?)rule["id"], Is.EqualTo("DJ990"));
        Assert.That((string?)rule["name"], Is.EqualTo("test-marker"));
        Assert.That((string?)rule["shortDescription"]!["text"], Is.Not.Empty);
        Assert.That((string?)rule["fullDescription"]!["text"], Is.Not.Empty);
        Assert.That((string?)rule["help"]!["text"], Is.Not.Empty);
        Assert.That((string?)rule["help"]!["markdown"], Does.Contain("**marker**"));
        Assert.That((string?)rule["helpUri"], Does.EndWith("docs/rules/DJ990.md"));
        Assert.That((string?)rule["defaultConfiguration"]!["level"], Is.EqualTo("warning"));
        Assert.That(rule["properties"]!["tags"]!.Values<string>(),
            Is.SupersetOf(new[] { "security", "other", "external/cwe/cwe-89", "owasp-2021:A03", "owasp-2025:A05" }));
        Assert.That(double.Parse((string)rule["properties"]!["security-severity"]!, System.Globalization.CultureInfo.InvariantCulture), Is.InRange(0.1, 10.0));

        var results = run["results"]!.ToList();
        Assert.That(results, Has.Count.EqualTo(2));
        var result = results[0];
        Assert.That((string?)result["ruleId"], Is.EqualTo("DJ990"));
        Assert.That((int?)result["ruleIndex"], Is.EqualTo(0));
        Assert.That((string?)result["level"], Is.EqualTo("warning"));
        Assert.That((string?)result["message"]!["text"], Is.EqualTo("Found the marker word."));
        var location = result["locations"]![0]!["physicalLocation"]!;
        Assert.That((string?)location["artifactLocation"]!["uri"], Is.EqualTo("shop/views.py"));
        Assert.That((string?)location["artifactLocation"]!["uriBaseId"], Is.EqualTo("%SRCROOT%"));
        Assert.That(JToken.DeepEquals(location["region"], JObject.Parse("{\"startLine\":2,\"startColumn\":13,\"endLine\":2,\"endColumn\":19}")), Is.True, location["region"]!.ToString());
        Assert.That((string?)result["relatedLocations"]![0]!["message"]!["text"], Is.EqualTo("document starts here"));
        Assert.That(result["codeFlows"]![0]!["threadFlows"]![0]!["locations"]!.Count(), Is.EqualTo(2));
        var replacement = result["fixes"]![0]!["artifactChanges"]![0]!["replacements"]![0]!;
        Assert.That((string?)replacement["insertedContent"]!["text"], Is.EqualTo("safe"));
        Assert.That((int?)replacement["deletedRegion"]!["startColumn"], Is.EqualTo(13));
        var fingerprints = results.Select(r => (string?)r["partialFingerprints"]!["djangolsp/v1"]).ToList();
        Assert.That(fingerprints, Is.Unique.And.All.Not.Empty);
    }

    [Test]
    public void Fingerprints_survive_lines_moving()
    {
        var before = (string?)SarifFormatter.Build(Scan())["runs"]![0]!["results"]![1]!["partialFingerprints"]!["djangolsp/v1"];
        var path = Path.Combine(_root, "shop", "views.py");
        File.WriteAllText(path, "# a new first line\n" + File.ReadAllText(path));
        var after = (string?)SarifFormatter.Build(Scan())["runs"]![0]!["results"]![1]!["partialFingerprints"]!["djangolsp/v1"];
        Assert.That(after, Is.EqualTo(before));
    }

    [Test]
    public void Json_is_written_byte_for_byte_as_Newtonsoft_writes_the_same_report()
    {
        AssertSameJson(Scan(), "\n");
        AssertSameJson(Scan(), "\r\n");
        File.Delete(Path.Combine(_root, "shop", "views.py"));
        AssertSameJson(Scan(), "\n");   // no findings: "findings": []
    }

    [Test]
    public void Json_escapes_every_character_as_Newtonsoft_does()
    {
        // Every UTF-16 code unit (lone surrogates included) in messages, paths, fix titles and new text, with related
        // locations and fixes: nested objects, arrays of strings and numbers, empty and non-empty.
        var path = Path.Combine(_root, "shop", "views.py");
        var all = new string(Enumerable.Range(0, 0x10000).Select(c => (char)c).ToArray());
        var rule = MarkerAnalyzer.Rule;
        var findings = new List<Finding>();
        for (var start = 0; start < all.Length; start += 4096)
        {
            var piece = all.Substring(start, 4096);
            findings.Add(new Finding(rule, path, new TextSpan(2, 3), piece, Severity.Error,
                new[] { new RelatedLocation(path, new TextSpan(0, 1), "related " + piece[..64]) },
                new[] { new CodeFix("fix \"quoted\" \\ " + piece[^32..], new[] { new DocumentEdit(path, new TextChange(new TextSpan(1, 2), piece)) }) }));
        }
        findings.Add(new Finding(rule, Path.Combine(_root, "shop", "naïve \"name\"\t.py"), new TextSpan(0, 0), ""));
        var texts = new SourceTexts();
        texts.Add(path, SourceText.From("import os\nx = 'é🐍' + MARKER\n"));
        var report = new ReportContext(findings, texts, _engine.Catalog, _root, 1);
        AssertSameJson(report, "\n");
    }

    /// <summary>What <c>check --format json</c> writes for <paramref name="report"/>, read back as a tree.</summary>
    private static JObject WrittenJson(ReportContext report)
    {
        var writer = new StringWriter();
        JsonFormatter.Write(report, writer);
        return JObject.Parse(writer.ToString());
    }

    private static void AssertSameJson(ReportContext report, string newLine)
    {
        var expected = new StringWriter { NewLine = newLine };
        NewtonsoftJsonReport.Write(report, expected);
        var actual = new StringWriter { NewLine = newLine };
        JsonFormatter.Write(report, actual);
        Assert.That(actual.ToString(), Is.EqualTo(expected.ToString()));
        Assert.That(JToken.Parse(actual.ToString()), Is.Not.Null);
    }

    [Test]
    public void Clean_scan_gives_empty_results_but_full_structure()
    {
        File.Delete(Path.Combine(_root, "shop", "views.py"));
        var report = Scan();
        Assert.That(WrittenJson(report)["findings"], Is.Empty);
        Assert.That(SarifFormatter.Build(report)["runs"]![0]!["results"], Is.Empty);
        var writer = new StringWriter();
        TextFormatter.Write(report, writer, false);
        Assert.That(writer.ToString().Trim(), Is.EqualTo("No findings in 1 file."));
    }

    [Test]
    public void Check_with_findings_exits_one_and_honours_ignore_and_output_file()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var app = new CliApp(stdout, stderr, () => new AnalysisEngine(new IDocumentAnalyzer[] { new MarkerAnalyzer() }));
        Assert.That(app.Invoke(new[] { "check", _root, "--format", "json" }), Is.EqualTo(1));
        Assert.That(JObject.Parse(stdout.ToString())["findings"]!.Count(), Is.EqualTo(2));

        Assert.That(app.Invoke(new[] { "check", _root, "--ignore", "DJ99" }), Is.EqualTo(0));
        Assert.That(app.Invoke(new[] { "check", _root, "--min-severity", "error" }), Is.EqualTo(0));

        var output = Path.Combine(_root, "report.sarif");
        Assert.That(app.Invoke(new[] { "check", _root, "--format", "sarif", "--output", output }), Is.EqualTo(1));
        Assert.That((string?)JObject.Parse(File.ReadAllText(output))["version"], Is.EqualTo("2.1.0"));
        Assert.That(stderr.ToString(), Does.Contain("Found 2 findings"));
    }

    [Test]
    public void Check_skips_binary_files_and_survives_unreadable_ones()
    {
        File.WriteAllBytes(Path.Combine(_root, "shop", "blob.py"), new byte[] { 0x4d, 0x00, 0x01, 0xff, 0x00 });
        var files = new FileWalker(new WalkOptions()).Enumerate(_root).ToList();
        files.Add(Path.Combine(_root, "shop", "deleted_meanwhile.py"));   // listed, then gone: like a file deleted mid-scan
        var result = new Scanner(_engine, AnalysisOptions.Default).Scan(files, _root);
        Assert.That(result.Findings, Has.Count.EqualTo(2));
        Assert.That(result.Problems, Has.Count.EqualTo(1));
        Assert.That(result.Problems[0], Does.Contain("deleted_meanwhile.py"));
    }

    [Test]
    public void Explain_prints_the_rule_page_and_rules_lists_it()
    {
        var stdout = new StringWriter();
        var app = new CliApp(stdout, new StringWriter(), () => new AnalysisEngine(new IDocumentAnalyzer[] { new MarkerAnalyzer() }));
        Assert.That(app.Invoke(new[] { "explain", "DJ990" }), Is.EqualTo(0));
        Assert.That(stdout.ToString(), Does.StartWith("# DJ990: test-marker").And.Contain("Test documentation"));
        stdout.GetStringBuilder().Clear();
        Assert.That(app.Invoke(new[] { "rules" }), Is.EqualTo(0));
        Assert.That(stdout.ToString(), Does.Contain("DJ990").And.Contain("A03:2021").And.Contain("CWE-89").And.Contain("test-marker"));
    }
}
