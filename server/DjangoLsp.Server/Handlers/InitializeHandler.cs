using DjangoLsp.Analysis.Engine;
using DjangoLsp.Protocol.JsonRpc;
using Microsoft.CodeAnalysis.Text;
using DjangoLsp.Protocol.Lsp;
using DjangoLsp.Server.Text;
using DjangoLsp.Server.Workspace;
using Newtonsoft.Json.Linq;

namespace DjangoLsp.Server.Handlers;

/// <summary><c>initialize</c>: records the client's capabilities, negotiates the position encoding, answers ours.</summary>
public sealed class InitializeHandler : RequestHandler<InitializeParams, InitializeResult>
{
    private readonly ServerSession _session;

    public InitializeHandler(ServerSession session) => _session = session;

    public override string Method => "initialize";

    protected override Task<InitializeResult> HandleAsync(InitializeParams parameters, CancellationToken cancellationToken)
    {
        _session.Client = parameters;
        var offered = parameters.Capabilities?.SelectToken("general.positionEncodings") as JArray;
        var utf8 = offered?.Any(e => (string?)e == PositionEncodingKind.Utf8) == true;
        _session.Encoder = utf8 ? PositionEncoder.Utf8 : PositionEncoder.Utf16;
        _session.PushDiagnostics = parameters.Capabilities?.SelectToken("textDocument.diagnostic") is not JObject;
        _session.WorkspaceRoots = Roots(parameters);
        _session.ReloadProjectConfiguration();
        if (parameters.InitializationOptions is JObject options && options.Count > 0)
            _session.UpdateSettings(ServerSettings.Parse(options));

        var capabilities = new JObject
        {
            ["positionEncoding"] = _session.Encoder.Kind,
            ["textDocumentSync"] = new JObject
            {
                ["openClose"] = true,
                ["change"] = TextDocumentSyncKind.Incremental,
                ["save"] = new JObject { ["includeText"] = false },
            },
            ["hoverProvider"] = true,
            ["codeActionProvider"] = new JObject
            {
                ["codeActionKinds"] = new JArray(CodeActionKind.QuickFix, CodeActionHandler.FixAllKind),
                ["resolveProvider"] = false,
            },
            ["diagnosticProvider"] = new JObject
            {
                ["identifier"] = "djangolsp",
                ["interFileDependencies"] = true,
                ["workspaceDiagnostics"] = false,
            },
            ["executeCommandProvider"] = new JObject
            {
                ["commands"] = new JArray(ExecuteCommandHandler.Commands),
                ["workDoneProgress"] = true,
            },
            ["workspace"] = new JObject
            {
                ["workspaceFolders"] = new JObject { ["supported"] = true, ["changeNotifications"] = false },
            },
        };
        _ = Task.Run(WarmUp);
        return Task.FromResult(new InitializeResult
        {
            Capabilities = capabilities,
            ServerInfo = new ServerInfo("djangolsp", typeof(InitializeHandler).Assembly.GetName().Version?.ToString(3)),
        });
    }

    /// <summary>
    /// Runs the analysis and serialization path once on a tiny in-memory document while the client is still
    /// starting, so the JIT cost (hundreds of ms) is not paid on the user's first opened file.
    /// </summary>
    private void WarmUp()
    {
        try
        {
            var path = Path.Combine(Path.GetTempPath(), "djangolsp-warmup", "warmup.py");
            var document = new AnalysisDocument(path, SourceText.From("def view(request):\n    return None\n"), 0);
            var diagnostics = _session.Engine.Analyze(document, _session.ContextFor(path)).Select(f => _session.Mapper.ToDiagnostic(f, document)).ToList();
            LspSerializer.Serialize(LspSerializer.FromObject(new PublishDiagnosticsParams { Uri = "file:///warmup.py", Version = 0, Diagnostics = diagnostics }));
            // The edit path too: params binding, position conversion, incremental text change, re-analysis.
            var change = LspSerializer.ToObject<DidChangeTextDocumentParams>(Newtonsoft.Json.Linq.JObject.Parse(
                "{\"textDocument\":{\"uri\":\"file:///warmup.py\",\"version\":1},\"contentChanges\":[{\"range\":{\"start\":{\"line\":1,\"character\":11},\"end\":{\"line\":1,\"character\":15}},\"text\":\"1\"}]}"));
            var span = _session.Encoder.ToSpan(document.Text, change.ContentChanges[0].Range!);
            var edited = document.WithChanges(new[] { new TextChange(span, change.ContentChanges[0].Text) }, 1);
            _session.Engine.Analyze(edited, _session.ContextFor(path)).Select(f => _session.Mapper.ToDiagnostic(f, edited)).ToList();
        }
        catch (Exception e)
        {
            _session.Log("Warm-up failed (harmless): " + e.Message);
        }
    }

    private static IReadOnlyList<string> Roots(InitializeParams parameters)
    {
        if (parameters.WorkspaceFolders is { Count: > 0 } folders)
            return folders.Select(f => DocumentUris.ToPath(f.Uri)).ToArray();
        if (parameters.RootUri != null) return new[] { DocumentUris.ToPath(parameters.RootUri) };
        if (!string.IsNullOrEmpty(parameters.RootPath)) return new[] { parameters.RootPath };
        return Array.Empty<string>();
    }
}
