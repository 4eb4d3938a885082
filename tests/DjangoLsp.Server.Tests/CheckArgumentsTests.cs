using System.CommandLine;
using DjangoLsp.Server.Cli;
using NUnit.Framework;

namespace DjangoLsp.Server.Tests;

/// <summary>
/// The plain <c>check</c> command-line reader (<see cref="CheckArguments.TryParsePlain"/>) must read exactly what
/// System.CommandLine reads, and leave everything it is not sure about to it.
/// </summary>
public class CheckArgumentsTests
{
    private static readonly string[][] PlainLines =
    {
        new[] { "check", "." },
        new[] { "check", "a", "b", "c" },
        new[] { "check", ".", "--format", "json" },
        new[] { "check", "--format", "sarif", "--output", "out.sarif", "src" },
        new[] { "check", ".", "--select", "DJ1,DJ2", "--select", "DJ3", "--ignore", "DJ4" },
        new[] { "check", ".", "--select", "DJ101", "DJ102" },
        new[] { "check", ".", "--exclude", "x/*", "--exclude", "y", "--min-severity", "warning" },
        new[] { "check", "--min-severity", "bogus", "." },
        new[] { "check", ".", "--no-config", "--include-migrations", "--timings", "--cache", "--no-cache", "--cache-dir", "d" },
        new[] { "check", "/usr/lib/python3/dist-packages/django", "--include-migrations", "--format", "json", "--no-config" },
        new[] { "check", "--include-migrations", "proj", "--format", "text", "other" },
        new[] { "check", "check" },
    };

    [TestCaseSource(nameof(PlainLines))]
    public void Plain_lines_are_read_as_System_CommandLine_reads_them(string[] args)
    {
        var plain = CheckArguments.TryParsePlain(args);
        Assert.That(plain, Is.Not.Null, "a plain line must not need the full parser");
        var full = ParseWithSystemCommandLine(args);
        Assert.That(full, Is.Not.Null, "System.CommandLine accepts it");
        Assert.That(Describe(plain!), Is.EqualTo(Describe(full!)));
    }

    private static readonly string[][] OtherLines =
    {
        new[] { "check" },
        new[] { "check", "--help" },
        new[] { "check", ".", "-h" },
        new[] { "check", ".", "--format=json" },
        new[] { "check", ".", "--format:json" },
        new[] { "check", ".", "--format", "yaml" },
        new[] { "check", ".", "--format", "JSON" },
        new[] { "check", ".", "--format", "json", "--format", "text" },
        new[] { "check", ".", "--no-config", "true" },
        new[] { "check", ".", "--cache", "False" },
        new[] { "check", ".", "--timings", "--timings" },
        new[] { "check", "@args.rsp" },
        new[] { "check", "--", "." },
        new[] { "check", ".", "--select" },
        new[] { "check", ".", "--output", "-" },
        new[] { "check", ".", "--exclude", "--no-config" },
        new[] { "check", "" },
        new[] { "check", ".", "--bogus" },
        new[] { "check", ".", "--FORMAT", "json" },
        new[] { "rules" },
        new[] { "explain", "check" },
        new[] { "--stdio" },
        Array.Empty<string>(),
    };

    [TestCaseSource(nameof(OtherLines))]
    public void Other_lines_are_left_to_System_CommandLine(string[] args)
    {
        Assert.That(CheckArguments.TryParsePlain(args), Is.Null);
    }

    [Test]
    public void A_flag_followed_by_true_is_bound_by_the_full_parser_not_taken_as_a_path()
    {
        // Why "--no-config true" must not be read as the path "true": System.CommandLine binds the value to the flag.
        var full = ParseWithSystemCommandLine(new[] { "check", ".", "--no-config", "true" });
        Assert.That(full, Is.Not.Null);
        Assert.That(full!.Paths, Is.EqualTo(new[] { "." }));
        Assert.That(full.NoConfig, Is.True);
    }

    [Test]
    public void Plain_and_full_parsing_give_the_same_report_and_exit_code()
    {
        var dir = Path.Combine(Path.GetTempPath(), "djangolsp-plain-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllText(Path.Combine(dir, "views.py"),
                "from django.db import connection\n\ndef v(request):\n    connection.cursor().execute(\"SELECT %s\" % request.GET['q'])\n");
            // The plain reader takes the first line; "--no-config true" sends the second through System.CommandLine.
            var plain = Run("check", dir, "--format", "json", "--no-config");
            var full = Run("check", dir, "--format", "json", "--no-config", "true");
            Assert.That(plain.Exit, Is.EqualTo(CliApp.ExitFindings));
            Assert.That(plain.Output, Does.Contain("DJ101"));
            Assert.That(full, Is.EqualTo(plain));
            var missing = Run("check", Path.Combine(dir, "missing"));
            Assert.That(missing.Exit, Is.EqualTo(CliApp.ExitUsage));
            Assert.That(missing.Error, Does.StartWith("djangolsp: path not found:"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = new CliApp(output, error).Invoke(args);
        return (exit, output.ToString(), error.ToString());
    }

    private static CheckArguments? ParseWithSystemCommandLine(string[] args)
    {
        CheckArguments? parsed = null;
        var root = new RootCommand { CheckCommand.Create(a => { parsed = a; return 0; }) };
        var result = root.Parse(args);
        if (result.Errors.Count > 0) return null;
        result.Invoke();
        return parsed;
    }

    private static string Describe(CheckArguments a) =>
        string.Join(" | ",
            "paths=" + string.Join(",", a.Paths), "format=" + a.Format,
            "select=" + (a.Select == null ? "null" : string.Join(",", a.Select)),
            "ignore=" + (a.Ignore == null ? "null" : string.Join(",", a.Ignore)),
            "min=" + (a.MinSeverity ?? "null"), "output=" + (a.Output ?? "null"), "exclude=" + string.Join(",", a.Exclude),
            $"noConfig={a.NoConfig} migrations={a.IncludeMigrations} timings={a.Timings} cache={a.Cache} noCache={a.NoCache}",
            "cacheDir=" + (a.CacheDirectory ?? "null"));
}
