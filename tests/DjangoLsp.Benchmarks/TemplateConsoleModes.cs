using DjangoLsp.Server.Scanning;
using System.Diagnostics;
using System.Globalization;
using DjangoLsp.Templates.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Benchmarks;

/// <summary>
/// Plain console measurements of the template front end (no BenchmarkDotNet), one quick run each, printing
/// CPU time (Process.TotalProcessorTime) next to wall time because the machine may be shared. Modes:
/// <list type="bullet">
/// <item><c>template-perf [rounds] [edits]</c>: both goals below in one run.</item>
/// <item><c>template-parse [rounds] [admin|all]</c>: parse + context classification MB/s over the admin templates
/// (contrib/admin/templates, the goal's set) or every file under a templates/ directory of Django.</item>
/// <item><c>template-incremental [edits]</c>: one-character edits in a 2,000-line template, incremental reparse plus
/// context classification (<see cref="TemplateAnalysis.WithChanges"/>), median and p90.</item>
/// <item><c>template-contexts</c>: how many outputs of Django's shipped templates land in each context name.</item>
/// </list>
/// </summary>
internal static class TemplateConsoleModes
{
    public static bool TryRun(string[] args)
    {
        if (args.Length == 0) return false;
        int Arg(int i, int fallback) => args.Length > i && int.TryParse(args[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) ? v : fallback;
        switch (args[0])
        {
            case "template-perf":
                Console.WriteLine($"processors {Environment.ProcessorCount}, server GC {System.Runtime.GCSettings.IsServerGC}");
                Parse(Arg(1, 10), TemplateBenchmarkCorpus.AdminTemplates(), "admin templates");
                Parse(Arg(1, 10), TemplateBenchmarkCorpus.AllShippedTemplates(), "all shipped templates");
                Incremental(Arg(2, 2000));
                return true;
            case "template-parse":
                bool all = args.Length > 2 && args[2] == "all";
                Parse(Arg(1, 10), all ? TemplateBenchmarkCorpus.AllShippedTemplates() : TemplateBenchmarkCorpus.AdminTemplates(), all ? "all shipped templates" : "admin templates");
                return true;
            case "template-incremental":
                Incremental(Arg(1, 2000));
                return true;
            case "template-contexts":
                Contexts();
                return true;
            case "template-alloc":
                AllocationProfile(args.Length > 1 && args[1] == "all" ? TemplateBenchmarkCorpus.AllShippedTemplates() : TemplateBenchmarkCorpus.AdminTemplates());
                return true;
            case "template-phases":
                Phases(Arg(1, 5), TemplateBenchmarkCorpus.AdminTemplates());
                return true;
            default:
                return false;
        }
    }

    private static void Parse(int rounds, string[] texts, string label)
    {
        long bytes = TemplateBenchmarkCorpus.Utf8Bytes(texts);
        int repeat = Math.Max(1, (int)(4_000_000 / Math.Max(1, bytes))); // ~4 MB per round so timer resolution does not matter
        Console.WriteLine($"{label}: {texts.Length} files, {bytes / 1e6:F3} MB (UTF-8), {repeat} passes per round");
        WarmUp(() => ParseAll(texts, out _));
        var proc = Process.GetCurrentProcess();
        var cpus = new List<double>();
        var walls = new List<double>();
        for (int r = 0; r < rounds; r++)
        {
            proc.Refresh();
            var cpu0 = proc.TotalProcessorTime;
            long alloc0 = GC.GetAllocatedBytesForCurrentThread();
            int gc0 = GC.CollectionCount(0);
            var sw = Stopwatch.StartNew();
            int outputs = 0, errors = 0;
            for (int k = 0; k < repeat; k++)
            {
                outputs = ParseAll(texts, out errors);
            }

            sw.Stop();
            proc.Refresh();
            double cpu = (proc.TotalProcessorTime - cpu0).TotalSeconds;
            double wall = sw.Elapsed.TotalSeconds;
            double mb = bytes * (double)repeat / 1e6;
            double allocPerByte = (double)(GC.GetAllocatedBytesForCurrentThread() - alloc0) / (bytes * (double)repeat);
            cpus.Add(cpu);
            walls.Add(wall);
            Console.WriteLine($"  round {r}: wall {wall * 1000:F0} ms ({mb / wall:F1} MB/s), cpu {cpu * 1000:F0} ms ({mb / cpu:F1} MB/s), " +
                              $"{outputs} outputs, {errors} errors, {allocPerByte:F1} bytes allocated per source byte, {GC.CollectionCount(0) - gc0} gen0 GCs");
        }

        double total = bytes * (double)repeat / 1e6;
        Console.WriteLine($"  best: wall {total / walls.Min():F1} MB/s, cpu {total / cpus.Min():F1} MB/s; median of the {rounds} rounds after warm-up: " +
                          $"wall {total / Median(walls):F1} MB/s, cpu {total / Median(cpus):F1} MB/s (parse + context classification; cpu includes GC threads; goal >= 50 MB/s)");
    }

    /// <summary>
    /// Runs <paramref name="pass"/> until the JIT has settled: tiered compilation moves a method to optimised (PGO)
    /// code only after ~30 calls, a delay and a background compile, which a loaded machine can hold up for seconds,
    /// so a fixed number of warm-up passes left the first measured rounds at half speed. Stops once no method was
    /// compiled for a second of passes (at least 60 passes, at most 30 s) and prints how long that took.
    /// </summary>
    private static void WarmUp(Action pass)
    {
        var total = Stopwatch.StartNew();
        var quiet = Stopwatch.StartNew();
        long compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        int passes = 0;
        while (passes < 60 || quiet.ElapsedMilliseconds < 1000)
        {
            pass();
            passes++;
            long now = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (now != compiled)
            {
                compiled = now;
                quiet.Restart();
            }

            if (total.ElapsedMilliseconds > 30_000)
            {
                Console.WriteLine("  warning: the JIT was still compiling after 30 s of warm-up");
                break;
            }
        }

        Console.WriteLine($"  warm-up (not measured): {passes} passes, {total.Elapsed.TotalSeconds:F1} s, until no method was compiled for 1 s");
    }

    /// <summary>Where the allocation of parse + context classification goes, by type (sampled, ~100 KB per sample).</summary>
    private static void AllocationProfile(string[] texts)
    {
        long bytes = TemplateBenchmarkCorpus.Utf8Bytes(texts);
        int repeat = Math.Max(1, (int)(20_000_000 / Math.Max(1, bytes)));
        for (int w = 0; w < 30; w++) ParseAll(texts, out _);
        using var profiler = new AllocationProfiler();
        profiler.Start();
        long alloc0 = GC.GetAllocatedBytesForCurrentThread();
        for (int k = 0; k < repeat; k++) ParseAll(texts, out _);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - alloc0;
        profiler.Stop();
        Console.WriteLine($"allocated {allocated / (double)(bytes * repeat):F2} bytes per source byte; sampled by type:");
        profiler.Print(bytes * repeat, 25);
    }

    /// <summary>CPU time of the phases separately: parse only (lex + blocks + dialect) and parse + classification.</summary>
    private static void Phases(int rounds, string[] texts)
    {
        long bytes = TemplateBenchmarkCorpus.Utf8Bytes(texts);
        int repeat = Math.Max(1, (int)(4_000_000 / Math.Max(1, bytes)));
        WarmUp(() => ParseAll(texts, out _));
        double mb = bytes * (double)repeat / 1e6;
        var parseOnly = new List<double>();
        var both = new List<double>();
        for (int r = 0; r < rounds; r++)
        {
            double t0 = ThreadCpu();
            for (int k = 0; k < repeat; k++)
            {
                foreach (var t in texts) TemplateSyntaxTree.Parse(t);
            }

            double t1 = ThreadCpu();
            for (int k = 0; k < repeat; k++) ParseAll(texts, out _);
            double t2 = ThreadCpu();
            parseOnly.Add(t1 - t0);
            both.Add(t2 - t1);
        }

        Console.WriteLine($"admin templates, median cpu: parse only {mb / Median(parseOnly):F1} MB/s ({Median(parseOnly) * 1000 / repeat:F3} ms per pass), " +
                          $"parse + classification {mb / Median(both):F1} MB/s ({Median(both) * 1000 / repeat:F3} ms per pass)");
    }

    /// <summary>This thread's CPU seconds (no GC-thread time; the shared machine makes wall time useless).</summary>
    private static double ThreadCpu() => ThreadCpuClock.NowMilliseconds() / 1000;

    private static int ParseAll(string[] texts, out int errors)
    {
        int outputs = 0;
        errors = 0;
        foreach (var text in texts)
        {
            var analysis = TemplateAnalysis.Analyze(text);
            outputs += analysis.Outputs.Count;
            errors += analysis.Diagnostics.Count;
        }

        return outputs;
    }

    private static void Incremental(int edits)
    {
        string text = TemplateBenchmarkCorpus.TwoThousandLineTemplate();
        var analysis = TemplateAnalysis.Analyze(TemplateSyntaxTree.Parse(SourceText.From(text)));
        Console.WriteLine($"2,000-line template: {text.Length} chars, {analysis.Tree.Tokens.Count} tokens, {analysis.Outputs.Count} outputs");

        // The benchmark's fixed edit (an "x" inside "<td" half-way down), then random one-character inserts and deletes.
        int fixedPosition = text.IndexOf("<td", text.Length / 2, StringComparison.Ordinal) + 1;
        var random = new Random(42);
        var changes = new List<TextChange>();
        for (int i = 0; i < edits; i++)
        {
            if (i % 2 == 0)
            {
                changes.Add(new TextChange(new TextSpan(fixedPosition, 0), "x"));
            }
            else
            {
                int p = random.Next(text.Length);
                changes.Add(random.Next(2) == 0 ? new TextChange(new TextSpan(p, 0), "x") : new TextChange(new TextSpan(p, 1), ""));
            }
        }

        // Each edit applies to the same base analysis (as the benchmark does), so every measurement is comparable.
        var edited = changes.Select(c => analysis.Tree.Text.WithChanges(c)).ToArray();
        var warm = Stopwatch.StartNew();
        for (int w = 0; w < 300 || warm.ElapsedMilliseconds < 1000; w++) analysis.WithChanges(edited[w % edited.Length], new[] { changes[w % edited.Length] });

        var wallFixed = new List<double>();
        var wallRandom = new List<double>();
        var proc = Process.GetCurrentProcess();
        proc.Refresh();
        var cpu0 = proc.TotalProcessorTime;
        var total = Stopwatch.StartNew();
        int outputs = 0;
        for (int i = 0; i < edits; i++)
        {
            long t0 = Stopwatch.GetTimestamp();
            outputs += analysis.WithChanges(edited[i], new[] { changes[i] }).Outputs.Count;
            double ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            (i % 2 == 0 ? wallFixed : wallRandom).Add(ms);
        }

        total.Stop();
        proc.Refresh();
        double cpuMs = (proc.TotalProcessorTime - cpu0).TotalMilliseconds;

        int equal = 0, compared = 0;
        for (int i = 0; i < edits; i += Math.Max(1, edits / 50))
        {
            compared++;
            var inc = analysis.WithChanges(edited[i], new[] { changes[i] });
            var full = TemplateAnalysis.Analyze(TemplateSyntaxTree.Parse(edited[i]));
            if (Fingerprint(inc) == Fingerprint(full)) equal++;
        }

        var fullTimes = new List<double>();
        for (int i = 0; i < 20; i++)
        {
            long t0 = Stopwatch.GetTimestamp();
            TemplateAnalysis.Analyze(TemplateSyntaxTree.Parse(edited[0]));
            fullTimes.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
        }

        Console.WriteLine($"  one-char edit, incremental reparse + context classification: fixed edit median {Median(wallFixed):F3} ms (p90 {P90(wallFixed):F3}), " +
                          $"random edits median {Median(wallRandom):F3} ms (p90 {P90(wallRandom):F3}) wall; cpu mean {cpuMs / edits:F3} ms " +
                          $"(wall mean {total.Elapsed.TotalMilliseconds / edits:F3} ms) over {edits} edits (goal < 1 ms median)");
        Console.WriteLine($"  full parse + analysis of the same file: median {Median(fullTimes):F3} ms; incremental equal to full {equal}/{compared} ({outputs} outputs)");
    }

    private static string Fingerprint(TemplateAnalysis a) =>
        string.Join("\n", a.Outputs.Select(o => $"{o.Span} {o.Context} {o.Context.IsJavascriptUrl} {o.Escaping.Encoding} {o.EscapedForContext}")) + a.Diagnostics.Count;

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[sorted.Count / 2];
    }

    private static double P90(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[sorted.Count * 9 / 10];
    }

    private static void Contexts()
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int files = 0, outputs = 0, jinja = 0, errors = 0;
        foreach (var path in TemplateBenchmarkCorpus.AllShippedTemplatePaths())
        {
            files++;
            var analysis = TemplateAnalysis.Analyze(TemplateSyntaxTree.Parse(SourceText.From(File.ReadAllText(path)), path));
            if (analysis.IsJinja2) jinja++;
            errors += analysis.Diagnostics.Count;
            foreach (var o in analysis.Outputs)
            {
                outputs++;
                counts[o.Context.Name] = counts.GetValueOrDefault(o.Context.Name) + 1;
            }
        }

        Console.WriteLine($"{files} files under Django's templates/ directories ({jinja} Jinja2, skipped), {errors} syntax errors, {outputs} outputs");
        foreach (var (name, count) in counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {name,-28} {count,6}");
        }
    }
}
