using DjangoLsp.Protocol.JsonRpc;
using DjangoLsp.Protocol.Lsp;
using DjangoLsp.Server.Workspace;
using Newtonsoft.Json.Linq;
using FileSystemWatcher = DjangoLsp.Protocol.Lsp.FileSystemWatcher;

namespace DjangoLsp.Server.Handlers;

/// <summary><c>initialized</c>: pulls settings, registers file watchers, optionally scans the workspace.</summary>
public sealed class InitializedHandler : INotificationHandler
{
    private readonly ServerSession _session;
    private readonly ConfigurationLoader _configuration;
    private readonly WorkspaceScanner _scanner;

    public InitializedHandler(ServerSession session, ConfigurationLoader configuration, WorkspaceScanner scanner)
    {
        _session = session;
        _configuration = configuration;
        _scanner = scanner;
    }

    public string Method => "initialized";

    public void Handle(JToken? parameters) => _ = Task.Run(StartAsync);

    private async Task StartAsync()
    {
        try
        {
            try
            {
                await _configuration.PullAsync().ConfigureAwait(false);
            }
            finally
            {
                _session.InitialSettings.TrySetResult();
            }
            if (_session.Client.Supports("workspace.didChangeWatchedFiles.dynamicRegistration"))
            {
                var watchers = new DidChangeWatchedFilesRegistrationOptions(new List<FileSystemWatcher>
                {
                    new("**/*.{py,pyi,html,htm,txt,in,toml,lock,cfg}"),
                    new("**/.gitignore"),
                });
                await _session.Connection.SendRequestAsync("client/registerCapability", new RegistrationParams(new List<Registration>
                {
                    new("djangolsp-watched-files", "workspace/didChangeWatchedFiles", watchers),
                }), _session.Connection.Lifetime).ConfigureAwait(false);
            }
            if (_session.Settings.ScanOnStartup)
                await _scanner.ScanAsync(null, _session.Connection.Lifetime).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            _session.Log("Start-up after initialized failed: " + e.Message);
        }
    }
}
