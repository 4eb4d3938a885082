using DjangoLsp.Server.Scanning;
using System.Diagnostics;
using DjangoLsp.Python.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Benchmarks;

/// <summary>
/// Plain console measurements of the Python parser (no BenchmarkDotNet), usable under load and under
/// valgrind: CPU time (Process.TotalProcessorTime) is reported next to wall time because the machine is
/// shared. Modes: <c>parse-stdlib [rounds] [maxFiles]</c>, <c>python-ast [rounds]</c>, <c>compare [rounds] [pythonRounds]</c> (both, with the ratio),
/// <c>incremental [edits]</c>, <c>memory</c>, <c>alloc-profile</c>.
/// </summary>
internal static class PythonConsoleModes
{
    public static bool TryRun(string[] args)
    {
        if (args.Length == 0) return false;
        int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], System.Globalization.CultureInfo.InvariantCulture) : fallback;
        switch (args[0])
        {
            case "parse-stdlib": ParseStdlib(Arg(1, 5), Arg(2, int.MaxValue)); return true;
            case "python-ast": PythonAst(Arg(1, 3)); return true;
            case "compare": Compare(Arg(1, 5), Arg(2, 3)); return true;
            case "incremental": Incremental(Arg(1, 200)); return true;
            case "memory": Memory(); return true;
            case "alloc-profile": AllocationProfile(); return true;
            case "green-census": PythonGreenCensus.Run(); return true;
            default: return false;
        }
    }

    /// <summary>Both parsers over the same files in one run, and the speed ratio on the CPU-time and on the wall-time basis.</summary>
    private static void Compare(int rounds, int pythonRounds)
    {
        var (ourWall, ourCpu) = ParseStdlib(rounds, int.MaxValue);
        var (pyWall, pyCpu) = PythonAst(pythonRounds);
        Console.WriteLine($"DjangoLsp / python3 ast.parse: cpu {ourCpu / pyCpu:F1}x, wall {ourWall / pyWall:F1}x (goal: at least 6x)");
    }

    private static (double WallMBs, double CpuMBs) ParseStdlib(int rounds, int maxFiles)
    {
        var texts = PythonCorpus.StdlibTexts().Take(maxFiles).ToList();
        long bytes = texts.Sum(t => (long)System.Text.Encoding.UTF8.GetByteCount(t));
        Console.WriteLine($"{texts.Count} files, {bytes / 1e6:F2} MB (UTF-8)");
        // Warm-up round so tiered JIT/PGO has settled before timing.
        foreach (var t in texts) PythonSyntaxTree.Parse(t);
        double bestCpu = double.MaxValue, bestWall = double.MaxValue;
        var proc = Process.GetCurrentProcess();
        for (int r = 0; r < rounds; r++)
        {
            proc.Refresh();
            var cpu0 = proc.TotalProcessorTime;
            long alloc0 = GC.GetTotalAllocatedBytes(precise: false);
            int gc0 = GC.CollectionCount(0), gc1 = GC.CollectionCount(1), gc2 = GC.CollectionCount(2);
            var pause0 = GC.GetTotalPauseDuration();
            var sw = Stopwatch.StartNew();
            int errors = 0;
            foreach (var t in texts)
            {
                if (PythonSyntaxTree.Parse(t).HasErrors) errors++;
            }
            sw.Stop();
            proc.Refresh();
            double cpu = (proc.TotalProcessorTime - cpu0).TotalSeconds;
            double allocPerByte = (double)(GC.GetTotalAllocatedBytes(precise: false) - alloc0) / bytes;
            int gcs = GC.CollectionCount(0) - gc0;
            var lastEphemeral = GC.GetGCMemoryInfo(GCKind.Ephemeral);
            string gcDetail = $"gen1 {GC.CollectionCount(1) - gc1}, gen2 {GC.CollectionCount(2) - gc2}, GC pause {(GC.GetTotalPauseDuration() - pause0).TotalMilliseconds:F0} ms; last ephemeral GC promoted {lastEphemeral.PromotedBytes / 1024} KB";
            bestCpu = Math.Min(bestCpu, cpu);
            bestWall = Math.Min(bestWall, sw.Elapsed.TotalSeconds);
            Console.WriteLine($"round {r}: wall {sw.Elapsed.TotalMilliseconds:F0} ms ({bytes / 1e6 / sw.Elapsed.TotalSeconds:F1} MB/s), cpu {cpu * 1000:F0} ms ({bytes / 1e6 / cpu:F1} MB/s), {errors} files with errors, allocated {allocPerByte:F1} bytes per source byte, {gcs} gen0 GCs ({gcDetail})");
        }
        Console.WriteLine($"best: wall {bytes / 1e6 / bestWall:F1} MB/s, cpu {bytes / 1e6 / bestCpu:F1} MB/s (cpu includes GC threads)");
        return (bytes / 1e6 / bestWall, bytes / 1e6 / bestCpu);
    }

    private static (double WallMBs, double CpuMBs) PythonAst(int rounds)
    {
        const string script = "import ast,sys,time,pathlib\n" +
            "root=pathlib.Path(sys.argv[1]); rounds=int(sys.argv[2])\n" +
            "srcs=[p.read_bytes() for p in sorted(root.rglob('*.py')) if 'site-packages' not in str(p)]\n" +
            "n=sum(len(s) for s in srcs)\n" +
            "bc=bw=1e9\n" +
            "for r in range(rounds):\n" +
            "  c=time.process_time(); w=time.perf_counter()\n" +
            "  for s in srcs:\n" +
            "    try: ast.parse(s)\n" +
            "    except Exception: pass\n" +
            "  bc=min(bc,time.process_time()-c); bw=min(bw,time.perf_counter()-w)\n" +
            "print(f'python3 ast.parse: {len(srcs)} files, {n/1e6:.2f} MB; best: wall {n/1e6/bw:.1f} MB/s, cpu {n/1e6/bc:.1f} MB/s')\n" +
            "print(f'{n/1e6/bw} {n/1e6/bc}')\n";
        var psi = new ProcessStartInfo("python3") { RedirectStandardOutput = true };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(script);
        psi.ArgumentList.Add(PythonCorpus.StdlibDirectory());
        psi.ArgumentList.Add(rounds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        p.WaitForExit();
        Console.WriteLine(output[0]);
        var numbers = output[1].Split(' ');
        return (double.Parse(numbers[0], System.Globalization.CultureInfo.InvariantCulture), double.Parse(numbers[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static void Incremental(int edits)
    {
        var text = IncrementalBenchmarkText(out int lineCount);
        var tree = PythonSyntaxTree.Parse(text);
        var rng = new Random(42);
        var wall = new List<double>();
        var cpu = new List<double>();
        int equal = 0, checkedCount = 0;
        long reused = 0;
        for (int i = 0; i < edits; i++)
        {
            // One-character insert at a random letter position (spread over the file); each edit starts from the
            // same tree, so every sample is "one keystroke in a 5,000-line file".
            int pos = rng.Next(text.Length);
            while (pos < text.Length && !char.IsLetter(text[pos])) pos++;
            if (pos >= text.Length) continue;
            var change = new TextChange(new TextSpan(pos, 0), "x");
            var edited = tree.Text.WithChanges(change);
            double c0 = ThreadCpuClock.NowMilliseconds();
            var sw = Stopwatch.StartNew();
            var inc = tree.WithChanges(edited, [change]);
            sw.Stop();
            double c1 = ThreadCpuClock.NowMilliseconds();
            if (i >= 10)
            {
                wall.Add(sw.Elapsed.TotalMilliseconds);
                cpu.Add(c1 - c0);
                reused += inc.ReusedNodeCount;
            }
            if (i % 20 == 0)
            {
                checkedCount++;
                if (inc.IsEquivalentTo(PythonSyntaxTree.Parse(edited))) equal++;
            }
        }
        var fullWall = new List<double>();
        var fullCpu = new List<double>();
        for (int i = 0; i < 15; i++)
        {
            double c0 = ThreadCpuClock.NowMilliseconds();
            var sw = Stopwatch.StartNew();
            PythonSyntaxTree.Parse(text);
            sw.Stop();
            fullCpu.Add(ThreadCpuClock.NowMilliseconds() - c0);
            fullWall.Add(sw.Elapsed.TotalMilliseconds);
        }
        double Median(List<double> v) { v.Sort(); return v[v.Count / 2]; }
        double P90(List<double> v) { v.Sort(); return v[v.Count * 9 / 10]; }
        string clock = ThreadCpuClock.IsThreadCpuTime ? "thread cpu" : "wall (no thread cpu clock)";
        Console.WriteLine($"{lineCount} lines, {text.Length} chars; one-char edit (n={cpu.Count}, {reused / (double)cpu.Count:F0} statements reused on average):");
        Console.WriteLine($"  incremental: median wall {Median(wall):F3} ms, {clock} {Median(cpu):F3} ms; p90 wall {P90(wall):F3} ms, cpu {P90(cpu):F3} ms");
        Console.WriteLine($"  full parse:  median wall {Median(fullWall):F2} ms, {clock} {Median(fullCpu):F2} ms");
        Console.WriteLine($"  full / incremental (medians): wall {Median(fullWall) / Median(wall):F0}x, cpu {Median(fullCpu) / Median(cpu):F0}x; equal to full parse {equal}/{checkedCount}");
    }

    /// <summary>About 5,000 lines of real standard-library code (whole files concatenated, cut at a top-level line).</summary>
    internal static string IncrementalBenchmarkText(out int lineCount)
    {
        var lines = new List<string>();
        foreach (var t in PythonCorpus.StdlibTexts().Where(t => t.Length > 20_000 && !PythonSyntaxTree.Parse(t).HasErrors))
        {
            lines.AddRange(t.Replace("\r\n", "\n").Split('\n'));
            if (lines.Count > 5000) break;
        }
        int cut = 5000;
        while (cut < lines.Count && (lines[cut].Length == 0 || char.IsWhiteSpace(lines[cut][0]))) cut++;
        lineCount = cut;
        return string.Join("\n", lines.Take(cut)) + "\n";
    }

    /// <summary>Where a full parse of the standard library allocates, by type (sampled by the runtime every ~100 KB).</summary>
    private static void AllocationProfile()
    {
        var texts = PythonCorpus.StdlibTexts();
        long bytes = texts.Sum(t => (long)System.Text.Encoding.UTF8.GetByteCount(t));
        foreach (var t in texts) PythonSyntaxTree.Parse(t);
        using var profiler = new AllocationProfiler();
        profiler.Start();
        long alloc0 = GC.GetTotalAllocatedBytes(precise: true);
        foreach (var t in texts) PythonSyntaxTree.Parse(t);
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - alloc0;
        profiler.Stop();
        Console.WriteLine($"allocated {allocated / (double)bytes:F2} bytes per source byte; sampled by type:");
        profiler.Print(bytes, 25);
    }

    private static void Memory()
    {
        var texts = PythonCorpus.StdlibTexts();
        long bytes = texts.Sum(t => (long)System.Text.Encoding.UTF8.GetByteCount(t));
        long before = GC.GetTotalMemory(true);
        var trees = texts.Select(t => PythonSyntaxTree.Parse(t)).ToList();
        long withSource = GC.GetTotalMemory(true);
        texts.Clear();
        long after = GC.GetTotalMemory(true);
        Console.WriteLine($"{trees.Count} trees held: {(after - before) / 1e6:F1} MB for {bytes / 1e6:F1} MB of source = {(double)(after - before) / bytes:F1} bytes per source byte (trees keep their source text; before dropping the list: {(withSource - before) / 1e6:F1} MB)");
        GC.KeepAlive(trees);
    }
}
