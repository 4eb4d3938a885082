using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace DjangoLsp.Protocol.Lsp;

public static class DiagnosticSeverity
{
    public const int Error = 1;
    public const int Warning = 2;
    public const int Information = 3;
    public const int Hint = 4;
}

public sealed record CodeDescription(string Href);

public sealed record DiagnosticRelatedInformation(Location Location, string Message);

public sealed class Diagnostic
{
    public Range Range { get; init; } = new(new(0, 0), new(0, 0));
    public int? Severity { get; init; }
    public string? Code { get; init; }
    public CodeDescription? CodeDescription { get; init; }
    public string? Source { get; init; }
    public string Message { get; init; } = "";
    public List<int>? Tags { get; init; }
    public List<DiagnosticRelatedInformation>? RelatedInformation { get; init; }

    /// <summary>Preserved by the client between publishDiagnostics and codeAction.</summary>
    public JToken? Data { get; init; }
}

public sealed class PublishDiagnosticsParams
{
    public string Uri { get; init; } = "";
    public int? Version { get; init; }
    public List<Diagnostic> Diagnostics { get; init; } = new();
}

public sealed class DocumentDiagnosticParams
{
    public TextDocumentIdentifier TextDocument { get; init; } = new();
    public string? Identifier { get; init; }
    public string? PreviousResultId { get; init; }
}

/// <summary>A pull-diagnostics answer: <c>kind</c> "full" with items, or "unchanged" with the same resultId.</summary>
public sealed class DocumentDiagnosticReport
{
    public string Kind { get; init; } = DocumentDiagnosticReportKind.Full;
    public string? ResultId { get; init; }

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public List<Diagnostic>? Items { get; init; }
}

public static class DocumentDiagnosticReportKind
{
    public const string Full = "full";
    public const string Unchanged = "unchanged";
}
