using DjangoLsp.Server.Tests.Support;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace DjangoLsp.Server.Tests;

/// <summary>The real executable's CLI (with the built-in analyzers, whatever they currently are).</summary>
public class CliProcessTests
{
    private string _root = null!;

    [SetUp]
    public void CreateProject()
    {
        _root = Directory.CreateTempSubdirectory("djangolsp-cli").FullName;
        Directory.CreateDirectory(Path.Combine(_root, "shop"));
        File.WriteAllText(Path.Combine(_root, "shop", "views.py"), "def index(request):\n    return None\n");
        File.WriteAllText(Path.Combine(_root, "requirements.txt"), "Django==5.2.1\n");
    }

    [TearDown]
    public void Delete() => Directory.Delete(_root, true);

    [Test]
    public void Check_text_on_a_clean_folder_exits_zero_with_a_summary()
    {
        var result = Djangolsp.Run(new[] { "check", "." }, _root);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        Assert.That(result.Stdout, Does.Contain("No findings in 2 files."));
    }

    [Test]
    public void Check_json_parses_with_the_documented_shape()
    {
        var result = Djangolsp.Run(new[] { "check", _root, "--format", "json" });
        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        var json = JObject.Parse(result.Stdout);
        Assert.That((int?)json["version"], Is.EqualTo(1));
        Assert.That(json["findings"], Is.InstanceOf<JArray>());
    }

    [Test]
    public void Check_sarif_has_the_required_2_1_0_fields()
    {
        var output = Path.Combine(_root, "out.sarif");
        var result = Djangolsp.Run(new[] { "check", ".", "--format", "sarif", "--output", output }, _root);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        Assert.That(result.Stdout, Is.Empty);
        var sarif = JObject.Parse(File.ReadAllText(output));
        Assert.That((string?)sarif["version"], Is.EqualTo("2.1.0"));
        Assert.That((string?)sarif["$schema"], Does.Contain("sarif"));
        var run = sarif["runs"]![0]!;
        Assert.That((string?)run["tool"]!["driver"]!["name"], Is.EqualTo("DjangoLsp"));
        Assert.That(run["tool"]!["driver"]!["rules"], Is.InstanceOf<JArray>());
        Assert.That(run["results"], Is.InstanceOf<JArray>());
    }

    [Test]
    public void Missing_path_exits_two_with_one_line_on_stderr()
    {
        var result = Djangolsp.Run(new[] { "check", Path.Combine(_root, "nope") });
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stderr.Trim().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(result.Stderr, Does.Contain("path not found"));
    }

    [TestCase("--format", "xml")]
    [TestCase("--min-severity", "loud")]
    [TestCase("--no-such-option", "x")]
    public void Bad_options_exit_two(string option, string value)
    {
        var result = Djangolsp.Run(new[] { "check", _root, option, value });
        Assert.That(result.ExitCode, Is.EqualTo(2), result.Stdout + result.Stderr);
        Assert.That(result.Stderr.Trim().Split('\n'), Has.Length.EqualTo(1));
    }

    [Test]
    public void Rules_lists_a_table_and_json()
    {
        var table = Djangolsp.Run(new[] { "rules" });
        Assert.That(table.ExitCode, Is.EqualTo(0));
        Assert.That(table.Stdout, Does.StartWith("ID").And.Contain("CATEGORY").And.Contain("CWE"));
        var json = Djangolsp.Run(new[] { "rules", "--format", "json" });
        Assert.That(json.ExitCode, Is.EqualTo(0));
        Assert.That(JToken.Parse(json.Stdout), Is.InstanceOf<JArray>());
    }

    [Test]
    public void Explain_unknown_rule_exits_two()
    {
        var result = Djangolsp.Run(new[] { "explain", "DJ000000" });
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stderr, Does.Contain("unknown rule"));
    }
}
