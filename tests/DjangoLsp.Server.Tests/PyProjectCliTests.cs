using DjangoLsp.Server.Tests.Support;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace DjangoLsp.Server.Tests;

/// <summary>The real executable reading [tool.djangolsp] from pyproject.toml, and list flags.</summary>
public class PyProjectCliTests
{
    private const string Vulnerable =
        "from django.db import connection\n\ndef view(request):\n    cursor = connection.cursor()\n" +
        "    cursor.execute(\"SELECT * FROM t WHERE id = \" + request.GET[\"id\"])\n";

    private string _root = null!;

    [SetUp]
    public void CreateProject()
    {
        _root = Directory.CreateTempSubdirectory("djangolsp-pyproject-cli").FullName;
        Directory.CreateDirectory(Path.Combine(_root, "shop"));
        Directory.CreateDirectory(Path.Combine(_root, "tests"));
        File.WriteAllText(Path.Combine(_root, "shop", "views.py"), Vulnerable);
        File.WriteAllText(Path.Combine(_root, "tests", "test_views.py"), Vulnerable);
    }

    [TearDown]
    public void Delete() => Directory.Delete(_root, true);

    private List<string> Paths(string stdout) =>
        ((JArray)JObject.Parse(stdout)["findings"]!).Select(f => (string)f["path"]! + " " + (string)f["ruleId"]! + " " + (string)f["severity"]!).ToList();

    [Test]
    public void Without_pyproject_both_files_report_DJ101()
    {
        var result = Djangolsp.Run(new[] { "check", ".", "--format", "json" }, _root);
        Assert.That(result.ExitCode, Is.EqualTo(1), result.Stderr);
        Assert.That(Paths(result.Stdout), Is.EquivalentTo(new[] { "shop/views.py DJ101 error", "tests/test_views.py DJ101 error" }));
    }

    [Test]
    public void Per_file_ignores_and_severity_from_pyproject_apply()
    {
        File.WriteAllText(Path.Combine(_root, "pyproject.toml"),
            "[tool.djangolsp]\nper-file-ignores = { \"tests/**\" = [\"DJ1\"] }\nseverity = { DJ101 = \"warning\" }\n");
        var result = Djangolsp.Run(new[] { "check", ".", "--format", "json" }, _root);
        Assert.That(result.ExitCode, Is.EqualTo(1), result.Stderr);
        Assert.That(Paths(result.Stdout), Is.EqualTo(new[] { "shop/views.py DJ101 warning" }));
        Assert.That(result.Stderr, Does.Not.Contain("warning:"));
    }

    [Test]
    public void Pyproject_above_the_scanned_folder_is_found_and_its_globs_stay_relative_to_it()
    {
        File.WriteAllText(Path.Combine(_root, "pyproject.toml"), "[tool.djangolsp]\nper-file-ignores = { \"tests/*.py\" = [\"ALL\"] }\n");
        var result = Djangolsp.Run(new[] { "check", "tests", "--format", "json" }, _root);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stdout + result.Stderr);
        Assert.That(Paths(result.Stdout), Is.Empty);
    }

    [Test]
    public void Cli_flags_override_pyproject()
    {
        File.WriteAllText(Path.Combine(_root, "pyproject.toml"), "[tool.djangolsp]\nignore = [\"DJ101\"]\n");
        var quiet = Djangolsp.Run(new[] { "check", ".", "--format", "json" }, _root);
        Assert.That(quiet.ExitCode, Is.EqualTo(0), quiet.Stderr);
        var loud = Djangolsp.Run(new[] { "check", ".", "--format", "json", "--ignore", "DJ9" }, _root);
        Assert.That(loud.ExitCode, Is.EqualTo(1), loud.Stderr);
        Assert.That(Paths(loud.Stdout), Has.Count.EqualTo(2));
        var noConfig = Djangolsp.Run(new[] { "check", ".", "--format", "json", "--no-config" }, _root);
        Assert.That(noConfig.ExitCode, Is.EqualTo(1), noConfig.Stderr);
    }

    [Test]
    public void Malformed_pyproject_warns_on_one_line_and_the_scan_still_runs()
    {
        File.WriteAllText(Path.Combine(_root, "pyproject.toml"), "[tool.djangolsp\nignore = [\"DJ1\"\n");
        var result = Djangolsp.Run(new[] { "check", ".", "--format", "json" }, _root);
        Assert.That(result.ExitCode, Is.EqualTo(1), result.Stderr);
        var warnings = result.Stderr.Split('\n').Where(l => l.Contains("pyproject.toml")).ToList();
        Assert.That(warnings, Has.Count.EqualTo(1));
        Assert.That(warnings[0], Does.StartWith("djangolsp: warning:").And.Contain("malformed TOML"));
        Assert.That(Paths(result.Stdout), Has.Count.EqualTo(2));
    }

    [TestCase("--select", "DJ2,DJ3", 0)]
    [TestCase("--select", "DJ2, DJ1", 2)]
    [TestCase("--ignore", "DJ2,DJ101", 0)]
    public void Comma_separated_lists(string flag, string value, int expected)
    {
        var result = Djangolsp.Run(new[] { "check", ".", "--format", "json", flag, value }, _root);
        Assert.That(Paths(result.Stdout), Has.Count.EqualTo(expected), result.Stderr);
    }

    [Test]
    public void Repeated_flags_add_up()
    {
        var none = Djangolsp.Run(new[] { "check", ".", "--format", "json", "--select", "DJ2", "--select", "DJ3" }, _root);
        Assert.That(Paths(none.Stdout), Is.Empty, none.Stderr);
        var both = Djangolsp.Run(new[] { "check", ".", "--format", "json", "--select", "DJ2", "--select", "DJ101" }, _root);
        Assert.That(Paths(both.Stdout), Has.Count.EqualTo(2), both.Stderr);
    }

    [Test]
    public void A_space_separated_rule_is_not_silently_taken_as_a_path()
    {
        var result = Djangolsp.Run(new[] { "check", ".", "--select", "DJ2", "DJ3" }, _root);
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stderr.Trim().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(result.Stderr, Does.Contain("DJ3").And.Contain("--select DJ1,DJ2"));
    }
}
