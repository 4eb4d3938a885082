using System.Diagnostics;
using System.Text.Json;
using DjangoLsp.Python.Syntax.Debug;

namespace DjangoLsp.Python.Syntax.Tests;

/// <summary>
/// Our ast-shaped JSON against CPython's own <c>ast.parse</c> (via ast_oracle.py, which only reads files)
/// for every .py file of the standard library and of Django.
/// </summary>
public class DifferentialTests
{
    /// <summary>Files left out, with the reason. Both are about the file's declared encoding, not Python syntax.</summary>
    private static readonly Dictionary<string, string> s_excluded = new()
    {
        ["test/tokenizedata/bad_coding.py"] = "declares the misspelled encoding 'uft-8'; CPython rejects the codec name before parsing",
        ["test/tokenizedata/bad_coding2.py"] = "UTF-8 BOM together with a non-UTF-8 coding cookie; CPython rejects the combination before parsing",
    };

    [Test]
    public void StdlibMatchesCPythonAst() => Compare(Corpus.StdlibFiles(), "stdlib");

    [Test]
    public void DjangoMatchesCPythonAst()
    {
        var files = Corpus.DjangoFiles();
        if (files.Count == 0) Assert.Ignore("Django is not installed (apt-get install python3-django)");
        Compare(files, "django");
    }

    private static void Compare(IReadOnlyList<string> allFiles, string corpus)
    {
        Assert.That(allFiles, Is.Not.Empty, $"{corpus} corpus not found");
        var files = allFiles.Where(f => !s_excluded.Keys.Any(k => f.EndsWith("/" + k, StringComparison.Ordinal))).ToList();
        var oracle = Path.Combine(TestContext.CurrentContext.TestDirectory, "ast_oracle.py");
        var psi = new ProcessStartInfo("python3", $"\"{oracle}\"")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(psi)!;
        var feeder = Task.Run(() =>
        {
            foreach (var f in files) process.StandardInput.WriteLine(f);
            process.StandardInput.Close();
        });

        int same = 0, bothReject = 0;
        var mismatches = new List<string>();
        foreach (var file in files)
        {
            var expected = process.StandardOutput.ReadLine();
            Assert.That(expected, Is.Not.Null, "oracle ended early");
            var writer = new StringWriter();
            PythonDebugCommands.DebugAst([file], writer);
            var actual = writer.ToString().TrimEnd('\n');
            if (expected == actual)
            {
                same++;
                continue;
            }
            bool expectedError = expected!.Contains("\"error\": {\"line\"", StringComparison.Ordinal) && !expected.Contains("\"ast\": ", StringComparison.Ordinal);
            bool actualError = actual.Contains("\"error\": {\"line\"", StringComparison.Ordinal) && !actual.Contains("\"ast\": ", StringComparison.Ordinal);
            if (expectedError && actualError && ErrorLine(expected) == ErrorLine(actual))
            {
                bothReject++;
                continue;
            }
            mismatches.Add($"{file}: {Describe(expected, actual)}");
        }
        feeder.Wait();
        process.WaitForExit();
        TestContext.Out.WriteLine($"{corpus}: {files.Count} files compared, {same} identical, {bothReject} rejected by both at the same line, {mismatches.Count} mismatches, {s_excluded.Count} excluded");
        foreach (var m in mismatches.Take(40)) TestContext.Out.WriteLine(m);
        Assert.That(mismatches, Is.Empty);
    }

    private static int ErrorLine(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("error").GetProperty("line").GetInt32();
    }

    private static string Describe(string expected, string actual)
    {
        int i = 0;
        while (i < expected.Length && i < actual.Length && expected[i] == actual[i]) i++;
        int from = Math.Max(0, i - 120);
        string Cut(string s) => s.Substring(from, Math.Min(s.Length - from, 260));
        return $"\n  expected: …{Cut(expected)}\n  actual:   …{Cut(actual)}";
    }
}
