using System.Globalization;
using DjangoLsp.Analysis.Engine;
using DjangoLsp.Server.Scanning;
using Microsoft.CodeAnalysis.Text;
using NUnit.Framework;

namespace DjangoLsp.Server.Tests;

/// <summary>
/// A scan and the modules its rules load share documents (a module is parsed once whichever comes first), and
/// <c>--timings</c> charges work nested in a rule (parsing a loaded module) to its own row instead of the rule's.
/// </summary>
public class SharedDocumentTests
{
    private sealed class CountingFiles : IWorkspaceFiles
    {
        public int Reads;

        public AnalysisDocument? TryGetDocument(string path)
        {
            Interlocked.Increment(ref Reads);
            return new AnalysisDocument(path, SourceText.From("def f(x):\n    return x\n"));
        }
    }

    [Test]
    public void A_document_the_scan_adopted_is_the_one_later_loads_get()
    {
        var disk = new CountingFiles();
        var files = new SnapshotFiles(disk);
        var scanned = files.Adopt("/p/utils.py", () => new AnalysisDocument("/p/utils.py", SourceText.From("def g():\n    pass\n")));
        Assert.That(files.TryGetDocument("/p/utils.py"), Is.SameAs(scanned));
        Assert.That(disk.Reads, Is.Zero, "the scan's copy is used, not read again");
        GC.KeepAlive(scanned);
    }

    [Test]
    public void The_scan_adopts_a_document_a_rule_loaded_first()
    {
        var disk = new CountingFiles();
        var files = new SnapshotFiles(disk);
        var loaded = files.TryGetDocument("/p/helpers.py");
        var created = 0;
        var adopted = files.Adopt("/p/helpers.py", () =>
        {
            created++;
            return new AnalysisDocument("/p/helpers.py", SourceText.From(""));
        });
        Assert.That(adopted, Is.SameAs(loaded));
        Assert.That(created, Is.Zero);
        Assert.That(disk.Reads, Is.EqualTo(1));
    }

    [Test]
    public void Prepare_runs_once_per_loaded_document()
    {
        var prepared = new List<string>();
        var files = new SnapshotFiles(new CountingFiles()) { Prepare = d => { lock (prepared) prepared.Add(d.Path); } };
        Parallel.For(0, 20, _ => files.TryGetDocument("/p/a.py"));
        files.TryGetDocument("/p/b.py");
        Assert.That(prepared, Is.EquivalentTo(new[] { "/p/a.py", "/p/b.py" }));
    }

    [Test]
    public void A_nested_measurement_is_not_counted_again_in_the_enclosing_row()
    {
        var timings = new ScanTimings();
        timings.Measure("rule", () => timings.Measure("parse", () => Spin(TimeSpan.FromMilliseconds(60))), isAnalyzer: true);
        var table = new StringWriter();
        timings.Write(table, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);
        double Row(string name) => double.Parse(table.ToString().Split('\n').Single(l => l.TrimStart().StartsWith(name + " ", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        Assert.That(Row("parse"), Is.GreaterThan(30));
        Assert.That(Row("rule"), Is.LessThan(Row("parse") / 2));
    }

    /// <summary>Busy work for at least <paramref name="cpu"/> of this thread's CPU time.</summary>
    private static int Spin(TimeSpan cpu)
    {
        var end = ThreadCpuClock.Nanoseconds() + (long)cpu.TotalMilliseconds * 1_000_000;
        var x = 0;
        while (ThreadCpuClock.Nanoseconds() < end)
            for (var i = 0; i < 10_000; i++) x += i ^ x;
        return x;
    }
}
