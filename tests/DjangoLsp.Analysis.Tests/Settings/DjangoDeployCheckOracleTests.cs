using System.Diagnostics;
using System.Text.RegularExpressions;
using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Rules.Settings;
using DjangoLsp.Analysis.Settings;
using NUnit.Framework;

namespace DjangoLsp.Analysis.Tests.Settings;

/// <summary>
/// Parity with Django's own <c>check --deploy</c>: each fixture under tests/fixtures/settings is copied to a temporary
/// folder and checked by Debian's python3-django (run by this test on fixture files it wrote, never on user code; the
/// product itself never runs Python). DjangoLsp must report every <c>security.*</c> id Django reports, no id Django does
/// not report (except checks added after Django 3.2), and findings without an id only from rules documented as going
/// beyond Django.
/// </summary>
public class DjangoDeployCheckOracleTests
{
    private const string Python = "/usr/bin/python3";
    private const string DjangoPackage = "/usr/lib/python3/dist-packages/django";

    private static string FixturesRoot => Path.Combine(SettingsTestSupport.RepoRoot, "tests", "fixtures", "settings");

    public static IEnumerable<string> Fixtures() =>
        Directory.GetDirectories(Path.Combine(FindRoot(), "tests", "fixtures", "settings")).Select(Path.GetFileName).OfType<string>().OrderBy(n => n, StringComparer.Ordinal);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "DjangoLsp.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    [Test]
    public void ThereAreAtLeast25Fixtures() => Assert.That(Fixtures().Count(), Is.GreaterThanOrEqualTo(25));

    [TestCaseSource(nameof(Fixtures))]
    public void DjangoLspReportsTheSameSecurityIdsAsDjango(string fixture)
    {
        if (!File.Exists(Python) || !Directory.Exists(DjangoPackage))
            Assert.Ignore("python3-django is not installed (apt-get install python3-django); the Django oracle cannot run.");

        var folder = Path.Combine(FixturesRoot, fixture);
        var module = ModuleOf(folder);
        var django = RunDjango(folder, module);
        var (ours, unexplained) = RunDjangoLsp(folder, module);

        TestContext.Out.WriteLine($"{fixture} ({module}): django=[{string.Join(", ", django.Order())}] djangolsp=[{string.Join(", ", ours.Order())}]");
        Assert.Multiple(() =>
        {
            Assert.That(django.Except(ours), Is.Empty, "ids Django reports that DjangoLsp misses");
            Assert.That(ours.Except(django), Is.Empty, "ids DjangoLsp reports that Django does not");
            Assert.That(unexplained, Is.Empty, "findings without a Django id from rules not documented as going beyond Django");
        });
    }

    [Test]
    public void OracleReportsSomethingAcrossTheFixtures()
    {
        // Guards against a silently broken oracle (e.g. a Django that prints nothing): the fixtures plant many problems.
        if (!File.Exists(Python) || !Directory.Exists(DjangoPackage))
            Assert.Ignore("python3-django is not installed (apt-get install python3-django); the Django oracle cannot run.");
        var total = Fixtures().Take(3).Sum(f => RunDjango(Path.Combine(FixturesRoot, f), ModuleOf(Path.Combine(FixturesRoot, f))).Count);
        Assert.That(total, Is.GreaterThan(0));
    }

    /// <summary>
    /// security.W025 (weak SECRET_KEY_FALLBACKS) exists only from Django 4.1, beyond the installed Django 3.2, so the
    /// oracle cannot judge it: the fixture is checked here without it (the parity test above shows Django 3.2 stays quiet).
    /// </summary>
    [Test]
    public void WeakSecretKeyFallbacksAreReportedBeyondTheInstalledDjango()
    {
        var folder = Path.Combine(FixturesRoot, "secret_key_fallbacks_weak");
        var path = Path.Combine(folder, "settings.py");
        var settings = SettingsEvaluator.Evaluate(DiskFiles.Instance.TryGetDocument(path)!, DiskFiles.Instance, folder);
        var problems = SettingsRules.Check(settings, p => DiskFiles.Instance.TryGetDocument(p), workspaceRoot: folder)
            .Where(p => p.DjangoCheckId == "security.W025").ToList();
        Assert.That(problems.Select(p => p.Message), Is.EqualTo(new[]
        {
            "SECRET_KEY_FALLBACKS[0] has only 7 characters (at least 50 are needed): signatures made with it are still accepted (security.W025).",
            "SECRET_KEY_FALLBACKS[1] starts with 'django-insecure-' (the key startproject generated): signatures made with it are still accepted (security.W025).",
        }));
        Assert.That(problems.All(p => SettingsRuleFacts.NewerThanDjango32(p.Rule)), Is.True, "W025 must be documented as beyond the installed Django");
        var text = File.ReadAllText(path);
        Assert.That(text.Substring(problems[0].Span.Start, problems[0].Span.Length), Is.EqualTo("\"old-key\""), "reported on the weak entry itself");
    }

    private static string ModuleOf(string folder)
    {
        var explicitModule = Path.Combine(folder, "MODULE");
        if (File.Exists(explicitModule)) return File.ReadAllText(explicitModule).Trim();
        return File.Exists(Path.Combine(folder, "settings", "production.py")) ? "settings.production" : "settings";
    }

    private static (HashSet<string> Ids, List<string> Unexplained) RunDjangoLsp(string folder, string module)
    {
        var path = Path.Combine(new[] { folder }.Concat(module.Split('.')).ToArray()) + ".py";
        var document = DiskFiles.Instance.TryGetDocument(path) ?? throw new FileNotFoundException(path);
        var settings = SettingsEvaluator.Evaluate(document, DiskFiles.Instance, folder);
        var problems = SettingsRules.Check(settings, p => DiskFiles.Instance.TryGetDocument(p), workspaceRoot: folder);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var unexplained = new List<string>();
        foreach (var problem in problems)
        {
            if (problem.DjangoCheckId != null)
            {
                if (!SettingsRuleFacts.NewerThanDjango32(problem.Rule)) ids.Add(problem.DjangoCheckId);
            }
            else if (!SettingsRuleFacts.GoesBeyondDjango(problem.Rule))
                unexplained.Add($"{problem.Rule.Id}: {problem.Message}");
        }
        return (ids, unexplained);
    }

    /// <summary>Copies the fixture to a temporary folder and runs <c>check --deploy</c> there with a clean environment.</summary>
    private static HashSet<string> RunDjango(string folder, string module)
    {
        var temp = Path.Combine(Path.GetTempPath(), "djangolsp-oracle-" + Guid.NewGuid().ToString("N"));
        try
        {
            CopyTree(folder, temp);
            const string script = """
                import io, sys
                import django
                from django.core.management import call_command
                from django.core.management.base import SystemCheckError
                django.setup()
                out = io.StringIO()
                try:
                    call_command("check", deploy=True, stdout=out, stderr=out)
                except SystemCheckError as e:
                    out.write(str(e))
                print(out.getvalue())
                """;
            var start = new ProcessStartInfo(Python)
            {
                WorkingDirectory = temp,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(script);
            start.Environment.Clear();
            start.Environment["PATH"] = "/usr/bin:/bin";
            start.Environment["PYTHONPATH"] = temp;
            start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
            start.Environment["DJANGO_SETTINGS_MODULE"] = module;
            var envFile = Path.Combine(folder, "env");
            if (File.Exists(envFile))
                foreach (var line in File.ReadAllLines(envFile).Where(l => l.Contains('=')))
                    start.Environment[line[..line.IndexOf('=')]] = line[(line.IndexOf('=') + 1)..];
            using var process = Process.Start(start)!;
            var stdoutTask = process.StandardOutput.ReadToEndAsync();
            var stderrTask = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(60_000))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("Django check timed out");
            }
            var output = stdoutTask.Result + stderrTask.Result;
            if (process.ExitCode != 0) Assert.Fail($"Django failed on the fixture (exit {process.ExitCode}):\n{output}");
            return Regex.Matches(output, @"\bsecurity\.[WE]\d{3}\b").Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        }
        finally
        {
            try { Directory.Delete(temp, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.GetDirectories(from)) CopyTree(dir, Path.Combine(to, Path.GetFileName(dir)));
    }
}
