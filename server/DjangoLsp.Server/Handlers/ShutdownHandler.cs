using DjangoLsp.Protocol.JsonRpc;
using DjangoLsp.Server.Workspace;
using Newtonsoft.Json.Linq;

namespace DjangoLsp.Server.Handlers;

/// <summary><c>shutdown</c>: stops pending diagnostics work; the process ends on <c>exit</c>.</summary>
public sealed class ShutdownHandler : IRequestHandler
{
    private readonly ServerSession _session;

    public ShutdownHandler(ServerSession session) => _session = session;

    public string Method => "shutdown";

    public Task<JToken?> HandleAsync(JToken? parameters, CancellationToken cancellationToken)
    {
        foreach (var open in _session.Documents.All) _session.Publisher.Cancel(open.Uri);
        return Task.FromResult<JToken?>(JValue.CreateNull());
    }
}
