using DjangoLsp.Analysis.Engine;
using DjangoLsp.Testing;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace DjangoLsp.Server.Tests.Support;

/// <summary>A <see cref="LanguageServer"/> running in-process over pipes, with a test engine, and a client talking to it.</summary>
public sealed class ServerHarness : IDisposable
{
    private readonly OneWayPipe _toServer = new();
    private readonly OneWayPipe _toClient = new();

    public ServerHarness(params IDocumentAnalyzer[] analyzers)
    {
        Analyzer = analyzers.OfType<MarkerAnalyzer>().FirstOrDefault() ?? new MarkerAnalyzer();
        var engine = new AnalysisEngine(analyzers.Length > 0 ? analyzers : new IDocumentAnalyzer[] { Analyzer });
        Server = new LanguageServer(_toServer.Reader, _toClient.Writer, engine, m => Log.Add(m));
        Run = Task.Run(() => Server.RunAsync());
        Client = new LspTestClient(_toServer.Writer, _toClient.Reader);
    }

    public MarkerAnalyzer Analyzer { get; }
    public LanguageServer Server { get; }
    public LspTestClient Client { get; }
    public Task<int> Run { get; }
    public List<string> Log { get; } = new();

    public async Task<JObject> InitializeAsync(JObject? capabilities = null, JObject? initializationOptions = null, string? rootPath = null)
    {
        var parameters = new JObject
        {
            ["processId"] = null,
            ["capabilities"] = capabilities ?? new JObject(),
            ["initializationOptions"] = initializationOptions ?? new JObject { ["debounceMs"] = 20 },
        };
        if (rootPath != null) parameters["rootUri"] = new Uri(rootPath).AbsoluteUri;
        var response = await Client.RequestAsync("initialize", parameters);
        Assert.That(response["error"], Is.Null, response.ToString());
        await Client.NotifyAsync("initialized", new JObject());
        return (JObject)response["result"]!;
    }

    public Task OpenAsync(string uri, string text, int version = 1, string languageId = "python") =>
        Client.NotifyAsync("textDocument/didOpen", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = uri, ["languageId"] = languageId, ["version"] = version, ["text"] = text },
        });

    public Task ChangeAsync(string uri, int version, params JObject[] changes) =>
        Client.NotifyAsync("textDocument/didChange", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = uri, ["version"] = version },
            ["contentChanges"] = new JArray(changes),
        });

    public static JObject Edit(int line, int character, int endLine, int endCharacter, string text) => new()
    {
        ["range"] = Range(line, character, endLine, endCharacter),
        ["text"] = text,
    };

    public static JObject Range(int line, int character, int endLine, int endCharacter) => new()
    {
        ["start"] = new JObject { ["line"] = line, ["character"] = character },
        ["end"] = new JObject { ["line"] = endLine, ["character"] = endCharacter },
    };

    public static string Uri(string name) => new Uri(Path.Combine(Path.GetTempPath(), "djangolsp-tests", name)).AbsoluteUri;

    public void Dispose()
    {
        Client.Dispose();
        _toServer.Dispose();
        _toClient.Dispose();
    }
}

/// <summary>Applies LSP text edits (UTF-16 positions) to a string, the way an editor would.</summary>
public static class EditApplier
{
    public static string Apply(string text, IEnumerable<JToken> edits)
    {
        var ordered = edits.Select(e => (Start: Offset(text, e["range"]!["start"]!), End: Offset(text, e["range"]!["end"]!), New: (string)e["newText"]!))
            .OrderByDescending(e => e.Start).ToList();
        foreach (var (start, end, replacement) in ordered) text = text[..start] + replacement + text[end..];
        return text;
    }

    public static int Offset(string text, JToken position)
    {
        var line = (int)position["line"]!;
        var character = (int)position["character"]!;
        var offset = 0;
        for (var i = 0; i < line; i++) offset = text.IndexOf('\n', offset) + 1;
        return offset + character;
    }

    /// <summary>The edits for <paramref name="uri"/> in a WorkspaceEdit, whether it uses changes or documentChanges.</summary>
    public static IEnumerable<JToken> EditsFor(JToken workspaceEdit, string uri)
    {
        if (workspaceEdit["changes"]?[uri] is JArray changes) return changes;
        return workspaceEdit["documentChanges"]?.Where(d => (string?)d["textDocument"]?["uri"] == uri).SelectMany(d => d["edits"]!) ?? Enumerable.Empty<JToken>();
    }
}
