using System.Collections.Concurrent;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Engine;

/// <summary>
/// An immutable snapshot of one document (open in the editor or read from disk) plus a cache of features
/// computed from it. <see cref="WithChanges"/> makes the next snapshot and remembers the edits, so features
/// (syntax trees) can be updated incrementally from this one.
/// </summary>
public sealed class AnalysisDocument
{
    private readonly ConcurrentDictionary<object, Lazy<object>> _features = new();
    private AnalysisDocument? _previous;            // dropped once every feature asked for has been derived
    private readonly IReadOnlyList<TextChange> _changesFromPrevious;

    public AnalysisDocument(string path, SourceText text, int version = 0, DocumentKind? kind = null, string? languageId = null)
        : this(path, text, version, kind ?? DocumentKinds.FromPath(path, languageId), null, Array.Empty<TextChange>())
    {
    }

    private AnalysisDocument(string path, SourceText text, int version, DocumentKind kind,
        AnalysisDocument? previous, IReadOnlyList<TextChange> changes)
    {
        Path = path;
        Text = text;
        Version = version;
        Kind = kind;
        _previous = previous;
        _changesFromPrevious = changes;
    }

    /// <summary>Absolute file system path (the protocol layer converts URIs).</summary>
    public string Path { get; }
    public SourceText Text { get; }
    public int Version { get; }
    public DocumentKind Kind { get; }

    /// <summary>The next version of this document after <paramref name="changes"/> (in order, each relative to the text before it).</summary>
    public AnalysisDocument WithChanges(IEnumerable<TextChange> changes, int version)
    {
        var text = Text;
        var applied = new List<TextChange>();
        foreach (var change in changes)
        {
            text = text.WithChanges(change);
            applied.Add(change);
        }
        // Changes applied one after another are each relative to the intermediate text; features that want one
        // combined change can ask Roslyn: newText.GetTextChanges(oldText).
        return new AnalysisDocument(Path, text, version, Kind, this, applied);
    }

    /// <summary>The next version with a whole new text (full sync, or a file changed on disk).</summary>
    public AnalysisDocument WithText(SourceText text, int version)
        => new(Path, text, version, Kind, this, new[] { new TextChange(new TextSpan(0, Text.Length), text.ToString()) });

    /// <summary>Gets (computing once, thread-safely) a feature of this document, reusing the previous version's value when possible.</summary>
    public T GetFeature<T>(DocumentFeature<T> feature, CancellationToken cancellationToken = default) where T : class
    {
        var lazy = _features.GetOrAdd(feature, f => new Lazy<object>(() => ComputeFeature((DocumentFeature<T>)f, cancellationToken),
            LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return (T)lazy.Value;
        }
        catch (OperationCanceledException)
        {
            _features.TryRemove(new KeyValuePair<object, Lazy<object>>(feature, lazy));
            throw;
        }
    }

    private T ComputeFeature<T>(DocumentFeature<T> feature, CancellationToken cancellationToken) where T : class
    {
        var previous = _previous;
        if (previous != null && previous.TryGetComputedFeature(feature, out var old))
        {
            var combined = CombineChanges(previous.Text);
            return feature.Update(old, previous.Text, combined, this, cancellationToken);
        }
        return feature.Compute(this, cancellationToken);
    }

    private IReadOnlyList<TextChange> CombineChanges(SourceText previousText)
    {
        if (_changesFromPrevious.Count == 1) return _changesFromPrevious;
        // Several sequential edits: let Roslyn express them as changes relative to the previous text.
        return Text.GetTextChanges(previousText).ToArray();
    }

    private bool TryGetComputedFeature<T>(DocumentFeature<T> feature, out T value) where T : class
    {
        if (_features.TryGetValue(feature, out var lazy) && lazy.IsValueCreated)
        {
            try
            {
                value = (T)lazy.Value;
                return true;
            }
            catch (OperationCanceledException)
            {
            }
        }
        value = null!;
        return false;
    }

    /// <summary>Forgets the previous version so it can be collected (call after the new version's features are built).</summary>
    public void ReleasePrevious() => _previous = null;
}
