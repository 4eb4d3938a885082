using DjangoLsp.Analysis.Configuration;
using DjangoLsp.Analysis.Engine;

namespace DjangoLsp.Analysis.Tests.Configuration;

public class PyProjectConfigurationTests
{
    private const string Full = """
        [project]
        name = "shop"

        [tool.djangolsp]
        select = ["DJ1", "DJ2"]
        ignore = ["DJ503"]
        per-file-ignores = { "tests/**" = ["DJ4"], "scripts/*.py" = ["ALL"] }
        severity = { DJ221 = "error" }
        min-severity = "warning"
        exclude = ["vendor/**"]
        settings-module = "shop.settings.production"
        template-dirs = ["templates"]
        report-syntax-errors = false

        [tool.ruff]
        select = ["E"]
        """;

    [Test]
    public void Reads_every_documented_key()
    {
        var config = PyProjectConfiguration.Parse(Full, "/p/pyproject.toml");
        var layer = config.Layer;
        Assert.That(config.Warnings, Is.Empty);
        Assert.That(layer.Select, Is.EqualTo(new[] { "DJ1", "DJ2" }));
        Assert.That(layer.Ignore, Is.EqualTo(new[] { "DJ503" }));
        Assert.That(layer.PerFileIgnores!["tests/**"], Is.EqualTo(new[] { "DJ4" }));
        Assert.That(layer.PerFileIgnores!["scripts/*.py"], Is.EqualTo(new[] { "ALL" }));
        Assert.That(layer.SeverityOverrides!["DJ221"], Is.EqualTo(Severity.Error));
        Assert.That(layer.MinimumSeverity, Is.EqualTo(Severity.Warning));
        Assert.That(layer.Exclude, Is.EqualTo(new[] { "vendor/**" }));
        Assert.That(layer.SettingsModule, Is.EqualTo("shop.settings.production"));
        Assert.That(layer.TemplateDirs, Is.EqualTo(new[] { "templates" }));
        Assert.That(layer.ReportSyntaxErrors, Is.False);
        Assert.That(config.Directory, Is.EqualTo(Path.GetDirectoryName("/p/pyproject.toml")));
    }

    [Test]
    public void Severity_overrides_table_and_underscore_keys_are_accepted()
    {
        var config = PyProjectConfiguration.Parse("""
            [tool.djangolsp]
            min_severity = "info"

            [tool.djangolsp.severity-overrides]
            DJ101 = "hint"
            """, "pyproject.toml");
        Assert.That(config.Warnings, Is.Empty);
        Assert.That(config.Layer.MinimumSeverity, Is.EqualTo(Severity.Information));
        Assert.That(config.Layer.SeverityOverrides!["dj101"], Is.EqualTo(Severity.Hint));
    }

    [Test]
    public void A_file_without_the_table_sets_nothing()
    {
        var config = PyProjectConfiguration.Parse("[project]\nname = \"x\"\n[tool.ruff]\nignore = [\"E1\"]\n", "pyproject.toml");
        Assert.That(config.Warnings, Is.Empty);
        Assert.That(config.Layer, Is.EqualTo(ConfigurationLayer.Empty));
    }

    [Test]
    public void Wrong_types_and_unknown_keys_warn_on_one_line_each_and_keep_the_rest()
    {
        var config = PyProjectConfiguration.Parse("""
            [tool.djangolsp]
            select = 3
            min-severity = "loud"
            colour = true
            ignore = ["DJ5"]
            """, "pyproject.toml");
        Assert.That(config.Warnings, Has.Count.EqualTo(3));
        Assert.That(config.Warnings.All(w => !w.Contains('\n')), Is.True);
        Assert.That(config.Warnings[0], Does.Contain("pyproject.toml:2").And.Contain("select"));
        Assert.That(config.Warnings[2], Does.Contain("colour"));
        Assert.That(config.Layer.Select, Is.Null);
        Assert.That(config.Layer.MinimumSeverity, Is.Null);
        Assert.That(config.Layer.Ignore, Is.EqualTo(new[] { "DJ5" }));
    }

    [TestCase("[tool.djangolsp\nselect = [\"DJ1\"\n")]
    [TestCase("[tool.djangolsp]\nselect = [\"DJ1\", \nignore = \"\n= = =\n")]
    [TestCase("\0\u0001binary\uFFFD[[[")]
    public void Malformed_toml_gives_a_single_warning_line_and_no_exception(string text)
    {
        var config = PyProjectConfiguration.Parse(text, "pyproject.toml");
        Assert.That(config.Warnings, Has.Count.GreaterThanOrEqualTo(1));
        Assert.That(config.Warnings[0], Does.StartWith("pyproject.toml:").And.Contain("malformed TOML"));
        Assert.That(config.Warnings.Count(w => w.Contains("malformed")), Is.EqualTo(1));
    }

    [Test]
    public void Merge_order_is_defaults_then_pyproject_then_client()
    {
        var project = PyProjectConfiguration.Parse(Full, "pyproject.toml").Layer;
        var client = new ConfigurationLayer
        {
            Ignore = new[] { "DJ1" },
            SeverityOverrides = new Dictionary<string, Severity> { ["DJ101"] = Severity.Information },
            Exclude = new[] { "build/**" },
        };
        var options = client.ApplyTo(project.ApplyTo(AnalysisOptions.Default));

        Assert.That(options.Select, Is.EqualTo(new[] { "DJ1", "DJ2" }), "pyproject value kept where the client is silent");
        Assert.That(options.Ignore, Is.EqualTo(new[] { "DJ1" }), "client replaces the pyproject list");
        Assert.That(options.SeverityOverrides["DJ221"], Is.EqualTo(Severity.Error));
        Assert.That(options.SeverityOverrides["DJ101"], Is.EqualTo(Severity.Information));
        Assert.That(options.Exclude, Is.EqualTo(new[] { "vendor/**", "build/**" }), "excludes add up");
        Assert.That(options.MinimumSeverity, Is.EqualTo(Severity.Warning));
        Assert.That(options.ReportSyntaxErrors, Is.False);
        Assert.That(options.IsRuleEnabled("DJ101"), Is.False);
        Assert.That(options.IsRuleEnabled("DJ221"), Is.True);
        Assert.That(options.IsRuleEnabled("DJ301"), Is.False, "not selected by pyproject");

        var defaults = ConfigurationLayer.Empty.ApplyTo(AnalysisOptions.Default);
        Assert.That(defaults, Is.EqualTo(AnalysisOptions.Default));
    }

    [Test]
    public void Finds_the_nearest_pyproject_at_or_above_the_scanned_path()
    {
        var root = Directory.CreateTempSubdirectory("djangolsp-pyproject").FullName;
        try
        {
            var inner = Path.Combine(root, "app", "shop");
            Directory.CreateDirectory(inner);
            File.WriteAllText(Path.Combine(root, "pyproject.toml"), "[tool.djangolsp]\nignore = [\"DJ5\"]\n");
            File.WriteAllText(Path.Combine(inner, "views.py"), "");
            Assert.That(PyProjectConfiguration.FindNearest(Path.Combine(inner, "views.py")), Is.EqualTo(Path.Combine(root, "pyproject.toml")));
            Assert.That(PyProjectConfiguration.Discover(inner).Layer.Ignore, Is.EqualTo(new[] { "DJ5" }));

            File.WriteAllText(Path.Combine(root, "app", "pyproject.toml"), "[tool.djangolsp]\nignore = [\"DJ1\"]\n");
            Assert.That(PyProjectConfiguration.Discover(inner).Layer.Ignore, Is.EqualTo(new[] { "DJ1" }), "the nearer file wins");
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }
}
