namespace DjangoLsp.Protocol.Lsp;

public static class CodeActionKind
{
    public const string QuickFix = "quickfix";
    public const string Source = "source";
    public const string SourceFixAll = "source.fixAll";
}

public sealed class CodeActionParams
{
    public TextDocumentIdentifier TextDocument { get; init; } = new();
    public Range Range { get; init; } = new(new(0, 0), new(0, 0));
    public CodeActionContext Context { get; init; } = new();
}

public sealed class CodeActionContext
{
    public List<Diagnostic> Diagnostics { get; init; } = new();
    public List<string>? Only { get; init; }
    public int? TriggerKind { get; init; }
}

public sealed class CodeAction
{
    public string Title { get; init; } = "";
    public string? Kind { get; init; }
    public List<Diagnostic>? Diagnostics { get; init; }
    public bool? IsPreferred { get; init; }
    public WorkspaceEdit? Edit { get; init; }
}

/// <summary>Either <see cref="DocumentChanges"/> (versioned, when the client supports it) or <see cref="Changes"/>.</summary>
public sealed class WorkspaceEdit
{
    public Dictionary<string, List<TextEdit>>? Changes { get; init; }
    public List<TextDocumentEdit>? DocumentChanges { get; init; }
}

public sealed class TextDocumentEdit
{
    public OptionalVersionedTextDocumentIdentifier TextDocument { get; init; } = new();
    public List<TextEdit> Edits { get; init; } = new();
}
