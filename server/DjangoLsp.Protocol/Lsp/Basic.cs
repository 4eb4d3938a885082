namespace DjangoLsp.Protocol.Lsp;

// LSP 3.17 basic structures. Positions are zero-based; `character` is in the negotiated position encoding.

public sealed record Position(int Line, int Character);

public sealed record Range(Position Start, Position End);

public sealed record Location(string Uri, Range Range);

public sealed record TextEdit(Range Range, string NewText);

public sealed class TextDocumentIdentifier
{
    public string Uri { get; init; } = "";
}

public sealed class VersionedTextDocumentIdentifier
{
    public string Uri { get; init; } = "";
    public int Version { get; init; }
}

/// <summary>Version null: the edit applies to the file on disk.</summary>
public sealed class OptionalVersionedTextDocumentIdentifier
{
    public string Uri { get; init; } = "";

    [Newtonsoft.Json.JsonProperty(NullValueHandling = Newtonsoft.Json.NullValueHandling.Include)]
    public int? Version { get; init; }
}

public sealed class TextDocumentItem
{
    public string Uri { get; init; } = "";
    public string LanguageId { get; init; } = "";
    public int Version { get; init; }
    public string Text { get; init; } = "";
}

public sealed class TextDocumentPositionParams
{
    public TextDocumentIdentifier TextDocument { get; init; } = new();
    public Position Position { get; init; } = new(0, 0);
}

public static class MarkupKind
{
    public const string PlainText = "plaintext";
    public const string Markdown = "markdown";
}

public sealed record MarkupContent(string Kind, string Value);

public static class PositionEncodingKind
{
    public const string Utf8 = "utf-8";
    public const string Utf16 = "utf-16";
    public const string Utf32 = "utf-32";
}
