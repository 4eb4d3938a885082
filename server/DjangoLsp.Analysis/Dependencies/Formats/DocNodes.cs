using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Dependencies.Formats;

/// <summary>
/// A value read from a TOML or JSON file, with the span it occupies in the source text so findings and fixes
/// can point at the exact characters (a pin inside a string, a key).
/// </summary>
public abstract class DocNode
{
    protected DocNode(TextSpan span) => Span = span;

    public TextSpan Span { get; internal set; }
}

/// <summary>A string value. <see cref="ContentSpan"/> is the span between the quotes.</summary>
public sealed class DocString : DocNode
{
    public DocString(string value, TextSpan span, TextSpan contentSpan, bool isVerbatim) : base(span)
    {
        Value = value;
        ContentSpan = contentSpan;
        IsVerbatim = isVerbatim;
    }

    public string Value { get; }
    public TextSpan ContentSpan { get; }

    /// <summary>True when the value is the source text between the quotes character for character (no escapes), so offsets inside it map 1:1.</summary>
    public bool IsVerbatim { get; }

    /// <summary>The span of <paramref name="start"/>..+<paramref name="length"/> in <see cref="Value"/>, or the whole string when escapes break the mapping.</summary>
    public TextSpan SpanOf(int start, int length) =>
        IsVerbatim && start >= 0 && start + length <= Value.Length ? new TextSpan(ContentSpan.Start + start, length) : Span;
}

/// <summary>A number, boolean, date or null, kept as written.</summary>
public sealed class DocScalar : DocNode
{
    public DocScalar(string raw, TextSpan span) : base(span) => Raw = raw;

    public string Raw { get; }
}

public sealed class DocArray : DocNode
{
    public DocArray(TextSpan span) : base(span)
    {
    }

    public List<DocNode> Items { get; } = new();
}

/// <summary>A table (TOML table or inline table, JSON object): keys in source order.</summary>
public sealed class DocTable : DocNode
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    public DocTable(TextSpan span) : base(span)
    {
    }

    public List<DocEntry> Entries { get; } = new();

    public DocNode? this[string key] => _index.TryGetValue(key, out var i) ? Entries[i].Value : null;

    /// <summary>Looks a key up ignoring case and <c>-</c>/<c>_</c>/<c>.</c> differences (package names).</summary>
    public DocEntry? FindNormalized(string key) =>
        Entries.FirstOrDefault(e => PackageName.Normalize(e.Key) == PackageName.Normalize(key));

    public DocTable? Table(string key) => this[key] as DocTable;

    public string? String(string key) => (this[key] as DocString)?.Value;

    internal bool Contains(string key) => _index.ContainsKey(key);

    internal void Set(string key, TextSpan keySpan, DocNode value)
    {
        if (_index.TryGetValue(key, out var i)) Entries[i] = new DocEntry(key, keySpan, value);
        else
        {
            _index[key] = Entries.Count;
            Entries.Add(new DocEntry(key, keySpan, value));
        }
    }
}

public sealed record DocEntry(string Key, TextSpan KeySpan, DocNode Value);
