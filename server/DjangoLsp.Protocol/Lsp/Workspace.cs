using Newtonsoft.Json.Linq;

namespace DjangoLsp.Protocol.Lsp;

public sealed class DidChangeConfigurationParams
{
    public JToken? Settings { get; init; }
}

public sealed record ConfigurationItem(string? ScopeUri, string? Section);

public sealed record ConfigurationParams(List<ConfigurationItem> Items);

public sealed class DidChangeWatchedFilesParams
{
    public List<FileEvent> Changes { get; init; } = new();
}

public sealed record FileEvent(string Uri, int Type);

public static class FileChangeType
{
    public const int Created = 1;
    public const int Changed = 2;
    public const int Deleted = 3;
}

public sealed record FileSystemWatcher(string GlobPattern, int? Kind = null);

public sealed record DidChangeWatchedFilesRegistrationOptions(List<FileSystemWatcher> Watchers);

public sealed record Registration(string Id, string Method, object? RegisterOptions);

public sealed record RegistrationParams(List<Registration> Registrations);

public sealed class ExecuteCommandParams
{
    public string Command { get; init; } = "";
    public List<JToken>? Arguments { get; init; }
    public JToken? WorkDoneToken { get; init; }
}
