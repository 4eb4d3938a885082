using Newtonsoft.Json.Linq;

namespace DjangoLsp.Protocol.Lsp;

/// <summary>initialize params. Capabilities stay a JSON object: the server asks for the few paths it needs.</summary>
public sealed class InitializeParams
{
    public int? ProcessId { get; init; }
    public string? RootUri { get; init; }
    public string? RootPath { get; init; }
    public JObject? Capabilities { get; init; }
    public JToken? InitializationOptions { get; init; }
    public List<WorkspaceFolder>? WorkspaceFolders { get; init; }

    /// <summary>A capability flag by dotted path, e.g. <c>workspace.configuration</c>.</summary>
    public bool Supports(string path) => Capabilities?.SelectToken(path) is JValue { Type: JTokenType.Boolean } v && (bool)v;
}

public sealed record WorkspaceFolder(string Uri, string Name);

public sealed class InitializeResult
{
    public JObject Capabilities { get; init; } = new();
    public ServerInfo? ServerInfo { get; init; }
}

public sealed record ServerInfo(string Name, string? Version);

public static class MessageType
{
    public const int Error = 1;
    public const int Warning = 2;
    public const int Info = 3;
    public const int Log = 4;
}

public sealed record LogMessageParams(int Type, string Message);
