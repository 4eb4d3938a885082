using System.Diagnostics;
using DjangoLsp.Server.Tests.Support;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace DjangoLsp.Server.Tests;

/// <summary>
/// Prints didOpen→publishDiagnostics and didChange→publishDiagnostics latencies of the in-process server
/// (test marker analyzer, so this is the pipeline's own cost). Asserts only correctness; the numbers are for
/// the report (see the test output), not a timed pass/fail.
/// </summary>
public class LatencyMeasurementTests
{
    [TestCase(0)]
    [TestCase(150)]
    public async Task Open_and_edit_latency(int debounceMs)
    {
        using var h = new ServerHarness();
        await h.InitializeAsync(initializationOptions: new JObject { ["debounceMs"] = debounceMs });
        var open = new List<double>();
        var edit = new List<double>();
        for (var i = 0; i < 25; i++)
        {
            var uri = ServerHarness.Uri($"latency_{debounceMs}_{i}.py");
            var clock = Stopwatch.StartNew();
            await h.OpenAsync(uri, "def view(request):\n    return MARKER\n");
            var first = await h.Client.WaitForDiagnosticsAsync(uri, 1);
            open.Add(clock.Elapsed.TotalMilliseconds);
            Assert.That(first["params"]!["diagnostics"]!.Count(), Is.EqualTo(1));

            clock.Restart();
            await h.ChangeAsync(uri, 2, ServerHarness.Edit(1, 11, 1, 17, "None"));
            var second = await h.Client.WaitForDiagnosticsAsync(uri, 2);
            edit.Add(clock.Elapsed.TotalMilliseconds);
            Assert.That(second["params"]!["diagnostics"]!, Is.Empty);
        }
        TestContext.Out.WriteLine($"in-process, debounce {debounceMs} ms: didOpen→publish median {Median(open):F2} ms (max {open.Max():F2}); " +
                                  $"didChange→publish median {Median(edit):F2} ms (max {edit.Max():F2}); n={open.Count}");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted[sorted.Count / 2];
    }
}
