namespace DjangoLsp.Protocol.Lsp;

public sealed class DidOpenTextDocumentParams
{
    public TextDocumentItem TextDocument { get; init; } = new();
}

public sealed class DidChangeTextDocumentParams
{
    public VersionedTextDocumentIdentifier TextDocument { get; init; } = new();
    public List<TextDocumentContentChangeEvent> ContentChanges { get; init; } = new();
}

/// <summary>With a range: an incremental change. Without: the whole new text.</summary>
public sealed class TextDocumentContentChangeEvent
{
    public Range? Range { get; init; }
    public int? RangeLength { get; init; }
    public string Text { get; init; } = "";
}

public sealed class DidCloseTextDocumentParams
{
    public TextDocumentIdentifier TextDocument { get; init; } = new();
}

public sealed class DidSaveTextDocumentParams
{
    public TextDocumentIdentifier TextDocument { get; init; } = new();
    public string? Text { get; init; }
}

public static class TextDocumentSyncKind
{
    public const int None = 0;
    public const int Full = 1;
    public const int Incremental = 2;
}

public sealed class HoverParams
{
    public TextDocumentIdentifier TextDocument { get; init; } = new();
    public Position Position { get; init; } = new(0, 0);
}

public sealed class Hover
{
    public MarkupContent Contents { get; init; } = new(MarkupKind.Markdown, "");
    public Range? Range { get; init; }
}
