using DjangoLsp.Testing;
using Newtonsoft.Json.Linq;

namespace DjangoLsp.Server.Tests.Support;

/// <summary>
/// TEST-ONLY model of how vscode-languageclient 9.0.1 (the version the extension ships) pulls diagnostics
/// (<c>DiagnosticRequestor.pullAsync</c> / <c>forgetDocument</c> and the open, close and refresh hooks of
/// <c>DiagnosticFeatureProviderImpl</c>, lib/common/diagnostic.js), driving a real server. A request cancelled by
/// the client yields an empty report; an open while a request for the URI is still pending pulls nothing;
/// a close marks the pending request outdated, and an outdated answer is dropped.
/// </summary>
public sealed class LanguageClientPullModel
{
    private enum RequestState { Active, Reschedule, OutDated }

    private sealed class OpenRequest(RequestState state, int id)
    {
        public RequestState State { get; set; } = state;
        public int Id { get; } = id;
        public bool CancelSent { get; set; }
    }

    private readonly ServerHarness _harness;
    private readonly object _gate = new();
    private readonly Dictionary<string, OpenRequest> _openRequests = new();
    private readonly HashSet<string> _tracked = new();
    private readonly HashSet<string> _open = new();
    private readonly Dictionary<string, JArray> _diagnostics = new();
    private readonly Dictionary<string, string?> _resultIds = new();
    private readonly List<Task> _work = new();

    public LanguageClientPullModel(ServerHarness harness)
    {
        _harness = harness;
        harness.Client.ServerRequestHandlers["workspace/diagnostic/refresh"] = _ =>
        {
            lock (_gate)
            {
                RefreshRequests++;
                foreach (var uri in _open) Start(uri);
            }
            return null;
        };
    }

    /// <summary>Capabilities of a pulling client with refresh support, as vscode-languageclient announces them.</summary>
    public static JObject Capabilities => new()
    {
        ["textDocument"] = new JObject { ["diagnostic"] = new JObject { ["dynamicRegistration"] = true, ["relatedDocumentSupport"] = false } },
        ["workspace"] = new JObject { ["diagnostics"] = new JObject { ["refreshSupport"] = true } },
    };

    public int RefreshRequests { get; private set; }

    public int PullRequests { get; private set; }

    /// <summary>The diagnostics the client shows for <paramref name="uri"/> (null: none set).</summary>
    public JArray? DiagnosticsOf(string uri)
    {
        lock (_gate) return _diagnostics.GetValueOrDefault(uri);
    }

    /// <summary>didOpen, then (openFeature.onNotificationSent) a pull unless the client already "knows" the URI.</summary>
    public async Task OpenAsync(string uri, string text, string languageId, int version = 1)
    {
        await _harness.OpenAsync(uri, text, version, languageId);
        lock (_gate)
        {
            _open.Add(uri);
            if (_tracked.Contains(uri) || _openRequests.ContainsKey(uri)) return;
            Start(uri);
        }
    }

    /// <summary>
    /// didClose, then forgetDocument: cancel a pending request, mark it outdated, clear and untrack. The tab stays
    /// open (only a language change is modelled), so the URI stays visible.
    /// </summary>
    private async Task CloseAsync(string uri)
    {
        await _harness.Client.NotifyAsync("textDocument/didClose", new JObject { ["textDocument"] = new JObject { ["uri"] = uri } });
        int? cancel = null;
        lock (_gate)
        {
            if (_openRequests.TryGetValue(uri, out var request))
            {
                if (request.State == RequestState.Active && !request.CancelSent)
                {
                    request.CancelSent = true;
                    cancel = request.Id;
                }
                request.State = RequestState.OutDated;
            }
            _diagnostics.Remove(uri);
            _tracked.Remove(uri);
            _resultIds.Remove(uri);
        }
        if (cancel != null) await CancelAsync(cancel.Value);
    }

    /// <summary>VS Code changing a document's language: the same tab stays open, the document is closed and opened again.</summary>
    public async Task ChangeLanguageAsync(string uri, string text, string languageId)
    {
        await CloseAsync(uri);
        await OpenAsync(uri, text, languageId);
    }

    /// <summary>Waits until every request the model started has been answered and handled.</summary>
    public async Task SettleAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            Task[] work;
            lock (_gate) work = _work.Where(t => !t.IsCompleted).ToArray();
            if (work.Length == 0) return;
            await Task.WhenAny(Task.WhenAll(work), Task.Delay(deadline - DateTime.UtcNow));
        }
        throw new TimeoutException("the pull model did not settle");
    }

    /// <summary>pullAsync; called under the gate.</summary>
    private void Start(string uri)
    {
        if (_openRequests.TryGetValue(uri, out var current))
        {
            if (current.State == RequestState.Active)
            {
                current.State = RequestState.Reschedule;
                if (!current.CancelSent)
                {
                    current.CancelSent = true;
                    _work.Add(CancelAsync(current.Id));
                }
            }
            else if (current.State == RequestState.OutDated)
            {
                current.State = RequestState.Reschedule;
            }
            return;
        }
        _tracked.Add(uri);
        var parameters = new JObject { ["identifier"] = "djangolsp", ["textDocument"] = new JObject { ["uri"] = uri } };
        if (_resultIds.GetValueOrDefault(uri) is { } previous) parameters["previousResultId"] = previous;
        var response = _harness.Client.RequestAsync("textDocument/diagnostic", parameters, out var id);
        PullRequests++;
        var request = new OpenRequest(RequestState.Active, id);
        _openRequests[uri] = request;
        _work.Add(CompleteAsync(uri, request, response));
    }

    private async Task CompleteAsync(string uri, OpenRequest request, Task<JObject> response)
    {
        var message = await response;
        lock (_gate)
        {
            // provideDiagnostics: an answer to a cancelled request (result or error) becomes an empty full report
            var report = request.CancelSent || message["result"] is not JObject result
                ? new JObject { ["kind"] = "full", ["items"] = new JArray() }
                : result;
            var after = _openRequests.GetValueOrDefault(uri);
            if (after == null) return;
            _openRequests.Remove(uri);
            if (!_open.Contains(uri))
            {
                _tracked.Remove(uri);
                return;
            }
            if (after.State == RequestState.OutDated) return;
            if ((string?)report["kind"] == "full") _diagnostics[uri] = (JArray)report["items"]!;
            _resultIds[uri] = (string?)report["resultId"];
            if (after.State == RequestState.Reschedule) Start(uri);
        }
    }

    private Task CancelAsync(int id) => _harness.Client.NotifyAsync("$/cancelRequest", new JObject { ["id"] = id });
}
