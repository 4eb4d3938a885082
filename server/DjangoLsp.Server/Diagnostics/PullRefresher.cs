using System.Collections.Concurrent;
using DjangoLsp.Server.Workspace;

namespace DjangoLsp.Server.Diagnostics;

/// <summary>
/// Sends <c>workspace/diagnostic/refresh</c> to a pulling client, so it pulls every open document again.
/// Needed whenever pulled results went stale without the client knowing (settings, files changed on disk, a
/// save) or the client may have dropped a pull (a document reopened while its pull was in flight).
/// Requests coalesce: at most one refresh is outstanding; one asked for meanwhile is sent after it is answered,
/// so the client's last re-pull always starts after the last change.
/// </summary>
public sealed class PullRefresher
{
    private readonly ServerSession _session;
    private readonly object _gate = new();
    private readonly ConcurrentDictionary<string, byte> _closed = new(StringComparer.Ordinal);
    private bool _outstanding;
    private bool _again;

    public PullRefresher(ServerSession session) => _session = session;

    private static TimeSpan AnswerTimeout => TimeSpan.FromSeconds(30);

    /// <summary>True when the client pulls diagnostics and accepts refresh requests.</summary>
    public bool Applies => !_session.PushDiagnostics && _session.Client.Supports("workspace.diagnostics.refreshSupport");

    /// <summary>didClose (on the reader, in message order): remembers the URI so a reopen can be recognised.</summary>
    public void DocumentClosed(string uri)
    {
        if (Applies) _closed[uri] = 0;
    }

    /// <summary>
    /// didOpen (on the reader, in message order). A reopen (e.g. VS Code changing the language of a document is
    /// didClose + didOpen) can lose the document's diagnostics in vscode-languageclient 9: the close cancels the
    /// pull in flight and marks it outdated, the open then sees that request still pending and pulls nothing,
    /// and the late answer is dropped. A refresh makes the client pull again (or reschedule after the pending
    /// answer), whichever way the race went.
    /// </summary>
    public void DocumentOpened(string uri)
    {
        if (_closed.TryRemove(uri, out _)) Request();
    }

    public void Request()
    {
        if (!Applies) return;
        lock (_gate)
        {
            if (_outstanding)
            {
                _again = true;
                return;
            }
            _outstanding = true;
        }
        _ = SendAsync();
    }

    private async Task SendAsync()
    {
        while (true)
        {
            try
            {
                await _session.Connection.SendRequestAsync("workspace/diagnostic/refresh", null, _session.Connection.Lifetime)
                    .WaitAsync(AnswerTimeout, _session.Connection.Lifetime).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // A client that never answers must not block later refreshes.
                _session.Log("workspace/diagnostic/refresh: no answer within " + AnswerTimeout.TotalSeconds + " s");
            }
            catch (OperationCanceledException)
            {
                return;  // the connection ended
            }
            catch (Exception e)
            {
                _session.Log("workspace/diagnostic/refresh failed: " + e.Message);
            }
            lock (_gate)
            {
                if (!_again)
                {
                    _outstanding = false;
                    return;
                }
                _again = false;
            }
        }
    }
}
