using DjangoLsp.Protocol.JsonRpc;
using DjangoLsp.Protocol.Lsp;
using DjangoLsp.Server.Workspace;
using Newtonsoft.Json.Linq;

namespace DjangoLsp.Server.Handlers;

/// <summary>
/// <c>workspace/didChangeConfiguration</c>: settings pushed in the notification are used directly; a
/// notification without them (the modern pattern) makes the server pull via <c>workspace/configuration</c>.
/// </summary>
public sealed class DidChangeConfigurationHandler : NotificationHandler<DidChangeConfigurationParams>
{
    private readonly ServerSession _session;
    private readonly ConfigurationLoader _configuration;

    public DidChangeConfigurationHandler(ServerSession session, ConfigurationLoader configuration)
    {
        _session = session;
        _configuration = configuration;
    }

    public override string Method => "workspace/didChangeConfiguration";

    protected override void Handle(DidChangeConfigurationParams parameters)
    {
        if (parameters.Settings is JObject settings && settings["djangolsp"] is JObject section)
        {
            _configuration.Apply(ServerSettings.Parse(section));
            return;
        }
        _ = Task.Run(async () =>
        {
            try
            {
                await _configuration.PullAsync().ConfigureAwait(false);
            }
            catch (Exception e)
            {
                _session.Log("Could not pull configuration: " + e.Message);
            }
        });
    }
}
