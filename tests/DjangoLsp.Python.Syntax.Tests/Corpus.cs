using System.Diagnostics;

namespace DjangoLsp.Python.Syntax.Tests;

/// <summary>The real-world Python files the tests run over: CPython's standard library and Django.</summary>
internal static class Corpus
{
    public const string DjangoDirectory = "/usr/lib/python3/dist-packages/django";

    private static readonly Lazy<string?> s_stdlib = new(FindStdlib);

    public static string? StdlibDirectory => s_stdlib.Value;

    private static string? FindStdlib()
    {
        try
        {
            var psi = new ProcessStartInfo("python3", "-c \"import sysconfig;print(sysconfig.get_paths()['stdlib'])\"")
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            using var p = Process.Start(psi)!;
            var dir = p.StandardOutput.ReadToEnd().Trim();
            p.WaitForExit();
            return Directory.Exists(dir) ? dir : null;
        }
        catch (Exception)
        {
            return null;
        }
    }

    public static IReadOnlyList<string> Files(string? directory)
    {
        if (directory is null || !Directory.Exists(directory)) return Array.Empty<string>();
        var files = Directory.EnumerateFiles(directory, "*.py", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/site-packages/", StringComparison.Ordinal))
            .ToList();
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    public static IReadOnlyList<string> StdlibFiles() => Files(StdlibDirectory);

    public static IReadOnlyList<string> DjangoFiles() => Files(DjangoDirectory);

    /// <summary>Reads a file the way CPython does for source: UTF-8 (BOM kept as a character).</summary>
    public static string Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return new System.Text.UTF8Encoding(false, false).GetString(bytes);
    }
}
