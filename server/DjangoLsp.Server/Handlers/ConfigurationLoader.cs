using DjangoLsp.Protocol.Lsp;
using DjangoLsp.Server.Workspace;
using Newtonsoft.Json.Linq;

namespace DjangoLsp.Server.Handlers;

/// <summary>Applies new settings: re-analyses open documents and asks pulling clients to refresh.</summary>
public sealed class ConfigurationLoader
{
    private readonly ServerSession _session;

    public ConfigurationLoader(ServerSession session) => _session = session;

    /// <summary>Asks the client for the <c>djangolsp</c> section when it supports <c>workspace/configuration</c>.</summary>
    public async Task PullAsync()
    {
        if (!_session.Client.Supports("workspace.configuration")) return;
        var result = await _session.Connection.SendRequestAsync("workspace/configuration",
            new ConfigurationParams(new List<ConfigurationItem> { new(null, "djangolsp") }), _session.Connection.Lifetime).ConfigureAwait(false);
        if (result is JArray { Count: > 0 } array && array[0] is JObject section) Apply(ServerSettings.Parse(section));
    }

    public void Apply(ServerSettings settings)
    {
        _session.UpdateSettings(settings);
        _session.Publisher.ScheduleAllOpen(TimeSpan.Zero);
        _session.Publisher.Refresher.Request();
    }
}
