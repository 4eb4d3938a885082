using DjangoLsp.Analysis;
using DjangoLsp.Server.Cli;
using NUnit.Framework;

namespace DjangoLsp.Server.Tests;

public class EarlyEngineTests
{
    [Test]
    public void Starts_only_for_check()
    {
        Assert.That(EarlyEngine.StartFor(Array.Empty<string>()), Is.Null);
        Assert.That(EarlyEngine.StartFor(new[] { "rules" }), Is.Null);
        Assert.That(EarlyEngine.StartFor(new[] { "--help" }), Is.Null);
        Assert.That(EarlyEngine.StartFor(new[] { "explain", "check" }), Is.Null);
    }

    [Test]
    public void Builds_the_same_rules_as_the_built_in_engine()
    {
        var early = EarlyEngine.StartFor(new[] { "check", "." });
        Assert.That(early, Is.Not.Null);
        var engine = early!.Task.GetAwaiter().GetResult();
        var expected = BuiltInAnalyzers.CreateEngine().Catalog.All.Select(r => r.Id);
        Assert.That(engine.Catalog.All.Select(r => r.Id), Is.EqualTo(expected));
        Assert.That(early.CreatedAt, Is.Not.Zero);
    }

    [Test]
    public void Root_help_still_lists_every_subcommand_and_subcommand_help_is_its_own()
    {
        var rootHelp = new StringWriter();
        new CliApp(rootHelp, new StringWriter()).Invoke(new[] { "--help" });
        foreach (var name in new[] { "check", "rules", "explain", "docs", "advisories", "debug" })
            Assert.That(rootHelp.ToString(), Does.Contain(name), name);

        var checkHelp = new StringWriter();
        new CliApp(checkHelp, new StringWriter()).Invoke(new[] { "check", "--help" });
        Assert.That(checkHelp.ToString(), Does.Contain("--include-migrations"));
    }
}
