using System.Diagnostics;

namespace DjangoLsp.Benchmarks;

/// <summary>Loads CPython's standard library sources (the parser benchmarks' input) and times python3's own ast.parse on them.</summary>
internal static class PythonCorpus
{
    public static string StdlibDirectory()
    {
        var env = Environment.GetEnvironmentVariable("DJANGOLSP_PY_STDLIB");
        if (!string.IsNullOrEmpty(env)) return env;
        var psi = new ProcessStartInfo("python3", "-c \"import sysconfig;print(sysconfig.get_paths()['stdlib'])\"") { RedirectStandardOutput = true };
        using var p = Process.Start(psi)!;
        var dir = p.StandardOutput.ReadToEnd().Trim();
        p.WaitForExit();
        return dir;
    }

    public static List<string> StdlibFiles() =>
        Directory.EnumerateFiles(StdlibDirectory(), "*.py", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/site-packages/", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();

    public static List<string> StdlibTexts() => StdlibFiles().Select(f => File.ReadAllText(f)).ToList();

    /// <summary>Runs python3 once to time ast.parse over the same files held in memory (best of two rounds), in seconds.</summary>
    public static double PythonAstParseSeconds()
    {
        const string script = "import ast,sys,sysconfig,time,pathlib\n" +
            "root=pathlib.Path(sys.argv[1])\n" +
            "srcs=[p.read_bytes() for p in sorted(root.rglob('*.py')) if 'site-packages' not in str(p)]\n" +
            "best=1e9\n" +
            "for r in range(2):\n" +
            "  t=time.perf_counter()\n" +
            "  for s in srcs:\n" +
            "    try: ast.parse(s)\n" +
            "    except Exception: pass\n" +
            "  best=min(best,time.perf_counter()-t)\n" +
            "print(best)\n";
        var psi = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardInput = true };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(script);
        psi.ArgumentList.Add(StdlibDirectory());
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd().Trim();
        p.WaitForExit();
        return double.Parse(output, System.Globalization.CultureInfo.InvariantCulture);
    }
}
