using System.Buffers;
using DjangoLsp.Analysis.Engine;

namespace DjangoLsp.Analysis.Rules;

/// <summary>
/// Text pre-filters of many rules answered by one pass over the document. Each rule registers the words without
/// which it cannot fire (<see cref="Register"/>); the first rule that asks about a document has every registered
/// word searched for at once, and later rules read the answer. The answer is exactly <c>text.Contains(word)</c>
/// (ordinal, any position, inside longer words too), so a rule's findings do not depend on whether it asks here or
/// searches the text itself. Before, each rule searched the whole text once per word, and the words of most rules
/// are absent from most files: about forty full passes per file.
/// </summary>
public static class SourceKeywords
{
    private static readonly object Gate = new();
    private static Table _table = Table.Create(Array.Empty<string>());

    /// <summary>
    /// Adds <paramref name="words"/> to the words searched for in every document and returns the group to test.
    /// Registering is cheap (the searches are made when a document is next searched): do it once per rule.
    /// </summary>
    public static KeywordGroup Register(params string[] words)
    {
        if (words.Length == 0 || words.Any(string.IsNullOrEmpty)) throw new ArgumentException("Keywords must be non-empty words.", nameof(words));
        lock (Gate)
        {
            var all = _table.Words.ToList();
            var ids = new int[words.Length];
            for (var i = 0; i < words.Length; i++)
            {
                var id = all.IndexOf(words[i]);
                if (id < 0)
                {
                    id = all.Count;
                    all.Add(words[i]);
                }
                ids[i] = id;
            }
            if (all.Count != _table.Words.Length) Volatile.Write(ref _table, Table.Create(all.ToArray()));
            return new KeywordGroup(words.ToArray(), ids);
        }
    }

    /// <summary>Which registered words occur in the document (words registered after it was computed are not in it).</summary>
    internal static Found For(AnalysisDocument document) => document.GetFeature(Feature.Instance);

    /// <summary>The registered words at one moment, in groups small enough for a vectorised multi-word search.</summary>
    private sealed class Table
    {
        // SearchValues<string> with many words fell back to a scalar automaton: 56 words in one search were as slow as one
        // Contains per word over Django's source (.NET 10). Groups of 8 were fastest (7 passes: 16-19 ms against 21 ms
        // for groups of 16, 33 ms for 20 and 56 ms for one Contains per word; best of 7).
        private const int WordsPerSearch = 8;

        private SearchValues<string>[]? _searches;

        private Table(string[] words, int[][] groups)
        {
            Words = words;
            Groups = groups;
        }

        public string[] Words { get; }

        /// <summary>The word ids each search looks for.</summary>
        public int[][] Groups { get; }

        /// <summary>
        /// One search per group, made on first use: rules register one at a time while the engine and the first
        /// document are set up, and making every intermediate table's searches cost more than the searches saved.
        /// </summary>
        public SearchValues<string>[] Searches =>
            Volatile.Read(ref _searches) ?? Interlocked.CompareExchange(ref _searches, MakeSearches(), null) ?? _searches!;

        private SearchValues<string>[] MakeSearches() =>
            Groups.Select(g => SearchValues.Create(g.Select(id => Words[id]).ToArray(), StringComparison.Ordinal)).ToArray();

        public static Table Create(string[] words) => new(words, Enumerable.Range(0, words.Length).Chunk(WordsPerSearch).ToArray());
    }

    /// <summary>For one document: whether each word of the table it was computed with occurs in its text.</summary>
    internal sealed class Found
    {
        private readonly bool[] _present;

        private Found(string text, bool[] present)
        {
            Text = text;
            _present = present;
        }

        public string Text { get; }

        /// <summary>True or false for words of the table the document was searched with; null for words registered later.</summary>
        public bool? Contains(int id) => id < _present.Length ? _present[id] : null;

        public static Found Search(string text)
        {
            var table = Volatile.Read(ref _table);
            var words = table.Words;
            var present = new bool[words.Length];
            var span = text.AsSpan();
            var searches = words.Length == 0 ? Array.Empty<SearchValues<string>>() : table.Searches;
            for (var g = 0; g < table.Groups.Length; g++)
            {
                var search = searches[g];
                var ids = table.Groups[g];
                var remaining = ids.Length;
                // Every position where a word of the group starts, overlapping words included: the search goes on one
                // character after each hit. Hits are few (≈ 1 per 700 characters of Django's source with the rules' words).
                for (var at = span.IndexOfAny(search); at >= 0 && remaining > 0;)
                {
                    var rest = span[at..];
                    foreach (var id in ids)
                    {
                        if (!present[id] && rest.StartsWith(words[id], StringComparison.Ordinal))
                        {
                            present[id] = true;
                            remaining--;
                        }
                    }
                    var next = span[(at + 1)..].IndexOfAny(search);
                    at = next < 0 ? -1 : at + 1 + next;
                }
            }
            return new Found(text, present);
        }
    }

    private sealed class Feature : DocumentFeature<Found>
    {
        public static readonly Feature Instance = new();

        public override Found Compute(AnalysisDocument document, CancellationToken cancellationToken) => Found.Search(document.GetTextString());
    }
}

/// <summary>The words of one rule's pre-filter (see <see cref="SourceKeywords"/>).</summary>
public sealed class KeywordGroup
{
    private readonly string[] _words;
    private readonly int[] _ids;

    internal KeywordGroup(string[] words, int[] ids)
    {
        _words = words;
        _ids = ids;
    }

    public IReadOnlyList<string> Words => _words;

    /// <summary>Whether any of the words occurs in the document's text (ordinal substring test, as <c>string.Contains</c>).</summary>
    public bool AnyIn(AnalysisDocument document)
    {
        var found = SourceKeywords.For(document);
        for (var i = 0; i < _ids.Length; i++)
        {
            if (found.Contains(_ids[i]) ?? found.Text.Contains(_words[i], StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>Whether any of the words occurs in <paramref name="text"/> (for texts that are not documents, e.g. a function body).</summary>
    public bool AnyIn(string text)
    {
        foreach (var word in _words)
            if (text.Contains(word, StringComparison.Ordinal)) return true;
        return false;
    }
}
