using DjangoLsp.Analysis.Engine;
using DjangoLsp.Server.Cli;
using DjangoLsp.Server.Scanning;
using Microsoft.CodeAnalysis.Text;
using NUnit.Framework;

namespace DjangoLsp.Server.Tests;

/// <summary>The scan's file snapshot (each file read once) and the hidden <c>check --timings</c> table.</summary>
public class ScanPerformanceTests
{
    private sealed class CountingFiles : IWorkspaceFiles
    {
        public int Reads;

        public AnalysisDocument? TryGetDocument(string path)
        {
            Interlocked.Increment(ref Reads);
            return path.EndsWith("missing.py", StringComparison.Ordinal) ? null : new AnalysisDocument(path, SourceText.From("x = 1\n"));
        }
    }

    [Test]
    public void Snapshot_reads_each_file_once_and_hands_out_the_same_document()
    {
        var disk = new CountingFiles();
        var files = new SnapshotFiles(disk);
        var first = files.TryGetDocument("/p/settings.py");
        Parallel.For(0, 50, _ => Assert.That(files.TryGetDocument("/p/settings.py"), Is.SameAs(first)));
        Assert.That(files.TryGetDocument("/p/missing.py"), Is.Null);
        Assert.That(files.TryGetDocument("/p/missing.py"), Is.Null);
        Assert.That(disk.Reads, Is.EqualTo(2), "one read per path, absent files included");
    }

    [Test]
    public void Check_with_timings_prints_phases_and_analyzers_and_the_same_report()
    {
        var root = Directory.CreateTempSubdirectory("djangolsp-timings").FullName;
        try
        {
            File.WriteAllText(Path.Combine(root, "views.py"), "import pickle\n\ndef v(request):\n    return pickle.loads(request.body)\n");
            var plainOut = new StringWriter();
            Assert.That(new CliApp(plainOut, new StringWriter()).Invoke(new[] { "check", root, "--format", "json", "--no-config" }), Is.EqualTo(1));
            var timedOut = new StringWriter();
            var timedErr = new StringWriter();
            Assert.That(new CliApp(timedOut, timedErr).Invoke(new[] { "check", root, "--format", "json", "--no-config", "--timings" }), Is.EqualTo(1));

            Assert.That(timedOut.ToString(), Is.EqualTo(plainOut.ToString()), "timing changes nothing in the report");
            var table = timedErr.ToString();
            Assert.That(table, Does.Contain("parse (Python)").And.Contain("semantic model (Python)").And.Contain("read file"));
            Assert.That(table, Does.Contain("UnsafeDeserializationRule (DJ140)"));
            Assert.That(table, Does.Contain("process cpu"));
            // The wall-clock timeline: start-up steps, and one line per analysing thread (one file: the calling thread only).
            Assert.That(table, Does.Contain("timeline (wall ms since the process started)").And.Contain("engine created")
                .And.Contain("walk done (1 files)").And.Contain("scan done").And.Contain("report written"));
            Assert.That(table, Does.Match(@"files 1, first at \d+, last done at \d+ \(0 before the end\), busy \d+, idle between files 0 .*longest views\.py"));
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }

    [Test]
    public void Timings_flag_is_hidden_from_help()
    {
        var output = new StringWriter();
        new CliApp(output, new StringWriter()).Invoke(new[] { "check", "--help" });
        Assert.That(output.ToString(), Does.Contain("--include-migrations").And.Not.Contain("--timings"));
    }
}
