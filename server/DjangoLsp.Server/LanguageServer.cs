using DjangoLsp.Analysis.Engine;
using DjangoLsp.Protocol.JsonRpc;
using DjangoLsp.Server.Handlers;
using DjangoLsp.Server.Workspace;

namespace DjangoLsp.Server;

/// <summary>
/// The composition root of the language server: one connection, one session, one handler per LSP method
/// registered here. Tests build it in-process over in-memory streams with their own engine.
/// </summary>
public sealed class LanguageServer
{
    public LanguageServer(Stream input, Stream output, AnalysisEngine engine, Action<string>? log = null)
    {
        var registry = new HandlerRegistry();
        Connection = new LspConnection(input, output, registry, log ?? (message => Console.Error.WriteLine("[djangolsp] " + message)));
        Session = new ServerSession(engine, Connection);
        var configuration = new ConfigurationLoader(Session);
        var scanner = new WorkspaceScanner(Session);

        registry
            .Add(new InitializeHandler(Session))
            .Add(new InitializedHandler(Session, configuration, scanner))
            .Add(new ShutdownHandler(Session))
            .Add(new DidOpenHandler(Session, scanner))
            .Add(new DidChangeHandler(Session))
            .Add(new DidCloseHandler(Session))
            .Add(new DidSaveHandler(Session))
            .Add(new DocumentDiagnosticHandler(Session))
            .Add(new HoverHandler(Session))
            .Add(new CodeActionHandler(Session))
            .Add(new DidChangeConfigurationHandler(Session, configuration))
            .Add(new DidChangeWatchedFilesHandler(Session, scanner))
            .Add(new ExecuteCommandHandler(Session, scanner))
            .Add(new WorkDoneProgressCancelHandler(scanner));
    }

    public LspConnection Connection { get; }
    public ServerSession Session { get; }

    /// <summary>Serves until exit or end of input; returns the process exit code.</summary>
    public Task<int> RunAsync(CancellationToken cancellationToken = default) => Connection.RunAsync(cancellationToken);
}
