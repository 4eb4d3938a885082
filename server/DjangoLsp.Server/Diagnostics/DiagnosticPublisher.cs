using System.Collections.Concurrent;
using DjangoLsp.Analysis.Engine;
using DjangoLsp.Protocol.Lsp;
using DjangoLsp.Server.Workspace;

namespace DjangoLsp.Server.Diagnostics;

/// <summary>
/// Pushes diagnostics for open documents: debounced after edits, computed on the thread pool, and a newer
/// edit cancels older work. A result is published only if its snapshot is still the document's current one
/// (checked under the same gate that orders the writes), so a stale version is never published after a newer one.
/// </summary>
public sealed class DiagnosticPublisher
{
    private readonly ServerSession _session;
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _pending = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _publishGate = new(1, 1);

    public DiagnosticPublisher(ServerSession session)
    {
        _session = session;
        Refresher = new PullRefresher(session);
    }

    /// <summary>Asks a pulling client to pull again; the counterpart of pushing for clients that pull.</summary>
    public PullRefresher Refresher { get; }

    /// <summary>Raised after each publish with (uri, version, count); used by tests and timing probes.</summary>
    public event Action<string, int?, int>? Published;

    /// <summary>Raised when a result was computed for an older snapshot or generation and is being recomputed.</summary>
    public event Action<string>? StaleResultsRecomputed;

    /// <summary>Schedules analysis of the open document <paramref name="uri"/> after <paramref name="delay"/>.</summary>
    public void Schedule(string uri, TimeSpan delay)
    {
        var cts = CancellationTokenSource.CreateLinkedTokenSource(_session.Connection.Lifetime);
        CancellationTokenSource? previous = null;
        _pending.AddOrUpdate(uri, cts, (_, old) => { previous = old; return cts; });
        CancelQuietly(previous);
        _ = RunAsync(uri, delay, cts);
    }

    public void ScheduleAllOpen(TimeSpan delay)
    {
        foreach (var open in _session.Documents.All) Schedule(open.Uri, delay);
    }

    public void Cancel(string uri)
    {
        if (_pending.TryRemove(uri, out var cts)) CancelQuietly(cts);
    }

    private static void CancelQuietly(CancellationTokenSource? cts)
    {
        try
        {
            cts?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // It finished meanwhile; nothing to cancel.
        }
    }

    private async Task RunAsync(string uri, TimeSpan delay, CancellationTokenSource cts)
    {
        var token = cts.Token;
        try
        {
            if (delay > TimeSpan.Zero) await Task.Delay(delay, token).ConfigureAwait(false);
            else await Task.Yield();
            if (!_session.PushDiagnostics) return;
            await WaitForInitialSettingsAsync(token).ConfigureAwait(false);
            // Loop until the result matches the document and settings it was computed for. Whatever changed
            // meanwhile (a save, a watched file, another open document's edit) bumps the generation; some of
            // those events do not reschedule this document, so dropping the stale result would lose the update.
            while (true)
            {
                var open = _session.Documents.Get(uri);
                if (open == null) return;
                var document = open.Document;
                var generation = _session.SettingsGeneration;
                var findings = await Task.Run(() => _session.Findings.Get(uri, document, token), token).ConfigureAwait(false);
                var diagnostics = findings.Select(f => _session.Mapper.ToDiagnostic(f, document)).ToList();

                await _publishGate.WaitAsync(token).ConfigureAwait(false);
                try
                {
                    // A cancelled token means a newer run for this document supersedes this one.
                    token.ThrowIfCancellationRequested();
                    var current = _session.Documents.Get(uri);
                    if (current == null) return;
                    if (ReferenceEquals(current.Document, document) && generation == _session.SettingsGeneration)
                    {
                        await SendAsync(uri, document.Version, diagnostics).ConfigureAwait(false);
                        return;
                    }
                }
                finally
                {
                    _publishGate.Release();
                }
                StaleResultsRecomputed?.Invoke(uri);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            _session.Log($"Diagnostics for {uri} failed: {e}");
        }
        finally
        {
            _pending.TryRemove(new KeyValuePair<string, CancellationTokenSource>(uri, cts));
            cts.Dispose();
        }
    }

    private async Task WaitForInitialSettingsAsync(CancellationToken token)
    {
        try
        {
            await _session.InitialSettings.Task.WaitAsync(TimeSpan.FromSeconds(2), token).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // A client that never answers workspace/configuration: go on with what we have.
        }
    }

    /// <summary>Publishes diagnostics for a file that is not open (workspace scan), or clears them (empty list).</summary>
    public async Task PublishAsync(string uri, int? version, List<Diagnostic> diagnostics, CancellationToken cancellationToken = default)
    {
        await _publishGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await SendAsync(uri, version, diagnostics).ConfigureAwait(false);
        }
        finally
        {
            _publishGate.Release();
        }
    }

    private async Task SendAsync(string uri, int? version, List<Diagnostic> diagnostics)
    {
        await _session.Connection.SendNotificationAsync("textDocument/publishDiagnostics",
            new PublishDiagnosticsParams { Uri = uri, Version = version, Diagnostics = diagnostics }).ConfigureAwait(false);
        Published?.Invoke(uri, version, diagnostics.Count);
    }

    /// <summary>Diagnostics of one snapshot, for pull requests and scans.</summary>
    public List<Diagnostic> Compute(string uri, AnalysisDocument document, CancellationToken cancellationToken) =>
        _session.Findings.Get(uri, document, cancellationToken).Select(f => _session.Mapper.ToDiagnostic(f, document)).ToList();
}
