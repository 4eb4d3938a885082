using System.Diagnostics;

namespace DjangoLsp.Analysis.Tests;

/// <summary>
/// examples/vulnerable-shop and its ground truth: the planted problems and safe twins that
/// <c>examples/tools/expected_findings.py --json</c> reads from EXPECTED.md (python3 only reads files there).
/// </summary>
public static class VulnerableShopExpectations
{
    /// <summary>The repository root (the folder holding examples/vulnerable-shop), found above the test directory.</summary>
    public static string RepoRoot { get; } = FindRoot();

    public static string ShopRoot => Path.Combine(RepoRoot, "examples", "vulnerable-shop");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir != null && !Directory.Exists(Path.Combine(dir.FullName, "examples", "vulnerable-shop"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("examples/vulnerable-shop");
    }

    /// <summary>The JSON printed by <c>expected_findings.py --json</c> (the script must succeed).</summary>
    public static string Json()
    {
        var start = new ProcessStartInfo("python3", $"\"{Path.Combine(RepoRoot, "examples", "tools", "expected_findings.py")}\" --json")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var json = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.EqualTo(0), "expected_findings.py --json failed");
        return json;
    }
}
