using System.Collections.Concurrent;
using DjangoLsp.Analysis.Engine;
using DjangoLsp.Protocol.Lsp;
using DjangoLsp.Server.Scanning;
using DjangoLsp.Server.Workspace;
using Newtonsoft.Json.Linq;

namespace DjangoLsp.Server.Handlers;

/// <summary>
/// Scans every file of the workspace folders (the CLI's walker) and publishes diagnostics for closed files,
/// reporting work-done progress. Open documents are left to the normal diagnostics pipeline.
/// </summary>
public sealed class WorkspaceScanner
{
    private readonly ServerSession _session;
    private readonly ConcurrentDictionary<string, byte> _reportedClosed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _byProgressToken = new(StringComparer.Ordinal);

    public WorkspaceScanner(ServerSession session) => _session = session;

    public sealed record ScanSummary(int Files, int Findings, bool Cancelled);

    public async Task<ScanSummary> ScanAsync(JToken? workDoneToken, CancellationToken cancellationToken)
    {
        var token = workDoneToken;
        if (token == null && _session.Client.Supports("window.workDoneProgress"))
        {
            token = "djangolsp-scan-" + Guid.NewGuid().ToString("N");
            await _session.Connection.SendRequestAsync("window/workDoneProgress/create", new WorkDoneProgressCreateParams(token), cancellationToken)
                .ConfigureAwait(false);
        }
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var key = token?.ToString(Newtonsoft.Json.Formatting.None);
        if (key != null) _byProgressToken[key] = cts;
        try
        {
            await ProgressAsync(token, new WorkDoneProgressBegin { Title = "DjangoLsp: scanning workspace", Cancellable = true, Percentage = 0 })
                .ConfigureAwait(false);
            var summary = await RunAsync(token, cts.Token).ConfigureAwait(false);
            await ProgressAsync(token, new WorkDoneProgressEnd
            {
                Message = summary.Cancelled ? "Cancelled" : $"{summary.Files} files, {summary.Findings} findings",
            }).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            return summary;
        }
        finally
        {
            if (key != null) _byProgressToken.TryRemove(key, out _);
        }
    }

    /// <summary>Cancels the scan reporting under <paramref name="token"/> (window/workDoneProgress/cancel).</summary>
    public void CancelProgress(JToken? token)
    {
        if (token != null && _byProgressToken.TryGetValue(token.ToString(Newtonsoft.Json.Formatting.None), out var cts)) cts.Cancel();
    }

    private async Task<ScanSummary> RunAsync(JToken? token, CancellationToken cancellationToken)
    {
        var walker = new FileWalker(new WalkOptions { Exclude = _session.Options.Exclude });
        var files = _session.WorkspaceRoots.SelectMany(walker.Enumerate).Distinct().ToList();
        var done = 0;
        var findingCount = 0;
        var lastPercent = 0;
        var reportGate = new SemaphoreSlim(1, 1);
        var fingerprints = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        try
        {
            await Parallel.ForEachAsync(files, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
                async (path, ct) =>
                {
                    Interlocked.Add(ref findingCount, await ScanFileAsync(path, ct, fingerprints).ConfigureAwait(false));
                    var percent = (int)(100L * Interlocked.Increment(ref done) / files.Count);
                    await reportGate.WaitAsync(ct).ConfigureAwait(false);
                    try
                    {
                        if (percent <= lastPercent) return;
                        lastPercent = percent;
                        await ProgressAsync(token, new WorkDoneProgressReport { Percentage = percent, Message = $"{Volatile.Read(ref done)}/{files.Count} files" })
                            .ConfigureAwait(false);
                    }
                    finally
                    {
                        reportGate.Release();
                    }
                }).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new ScanSummary(done, findingCount, true);
        }
        return new ScanSummary(files.Count, findingCount, false);
    }

    private async Task<int> ScanFileAsync(string path, CancellationToken cancellationToken, ConcurrentDictionary<string, string>? fingerprints = null)
    {
        if (_session.Documents.FindByPath(path) != null) return 0;   // open: the editor pipeline owns it
        var document = DiskFiles.Instance.TryGetDocument(path);
        if (document == null) return 0;
        // Through the disk cache: a reopened workspace publishes unchanged files' results without re-analysing them.
        var findings = _session.AnalyzeWithDiskCache(document, cancellationToken, fingerprints);
        var uri = _session.UriOf(path);
        if (findings.Count == 0 && !_reportedClosed.ContainsKey(uri)) return 0;
        var diagnostics = findings.Select(f => _session.Mapper.ToDiagnostic(f, document)).ToList();
        if (diagnostics.Count > 0) _reportedClosed[uri] = 0;
        else _reportedClosed.TryRemove(uri, out _);
        await _session.Publisher.PublishAsync(uri, null, diagnostics, cancellationToken).ConfigureAwait(false);
        return findings.Count;
    }

    /// <summary>
    /// A scanned file was opened: forget its pushed scan result. Returns true when there was one, so a pulling
    /// client (which gets the open file's diagnostics by pull) can have the pushed copy cleared.
    /// </summary>
    public bool ForgetClosed(string uri) => _reportedClosed.TryRemove(uri, out _);

    /// <summary>A closed file changed on disk: re-analyse it if a scan reported on it (or clear it when deleted).</summary>
    public async Task RescanClosedFileAsync(string uri, string path, bool deleted, CancellationToken cancellationToken)
    {
        if (!_reportedClosed.ContainsKey(uri)) return;
        if (deleted)
        {
            _reportedClosed.TryRemove(uri, out _);
            await _session.Publisher.PublishAsync(uri, null, new List<Diagnostic>(), cancellationToken).ConfigureAwait(false);
            return;
        }
        await ScanFileAsync(path, cancellationToken).ConfigureAwait(false);
    }

    private Task ProgressAsync(JToken? token, object value) =>
        token == null ? Task.CompletedTask : _session.Connection.SendNotificationAsync("$/progress", new ProgressParams(token, value));
}
