using System.Buffers;
using System.Collections.Concurrent;
using DjangoLsp.Analysis.Rules;
using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Syntax;
using DjangoLsp.Analysis.Taint;
using DjangoLsp.Python.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Dependencies.VulnerableApis;

/// <summary>A call (or template filter) that reaches the code path of a Django advisory.</summary>
/// <param name="FromRequest">An argument of the call is request data (taint analysis of the file).</param>
public sealed record VulnerableApiCall(VulnerableApi Api, string Path, TextSpan Span, string Text, bool FromRequest = false);

/// <summary>
/// Finds <see cref="VulnerableApiTable"/> calls in Python files and filters in templates. Results are memoised per
/// path and content hash, so a manifest analysis that looks through the whole project re-parses only changed files.
/// </summary>
public static class VulnerableApiCalls
{
    private const int MaxProjectFiles = 20_000;
    private const int MaxMemoEntries = 100_000;
    private static readonly ConcurrentDictionary<string, MemoEntry> Memo = new(StringComparer.Ordinal);
    // Entries stored since the memo was last cleared. ConcurrentDictionary.Count takes every lock of the table (and its
    // first call sets up an event source by reflection, ~10 ms in the middle of a scan): counted here instead.
    private static int _memoStores;
    private static readonly string[] SkippedFolders = { "node_modules", "site-packages", "venv", "env", "__pycache__", "migrations", "build", "dist" };

    /// <summary>The calls of entries in <paramref name="apis"/> in one document.</summary>
    public static IReadOnlyList<VulnerableApiCall> In(AnalysisDocument document, IReadOnlyList<VulnerableApi> apis, CancellationToken ct)
    {
        if (document.Kind is not (DocumentKind.Python or DocumentKind.DjangoTemplate)) return Array.Empty<VulnerableApiCall>();
        // A file that names no entry of the table has no call of it: no hash, no tree walk (most files).
        var candidates = Candidates(document, VulnerableApiTable.Django);
        if (candidates.Count == 0) return Array.Empty<VulnerableApiCall>();
        var key = System.IO.Path.GetFullPath(document.Path);
        if (!Memo.TryGetValue(key, out var memo) || !memo.Holds(document.Text))
        {
            memo = new MemoEntry(new WeakReference<SourceText>(document.Text), Find(document, candidates, ct));
            if (Interlocked.Increment(ref _memoStores) > MaxMemoEntries)
            {
                Memo.Clear();
                Interlocked.Exchange(ref _memoStores, 0);
            }
            Memo[key] = memo;
        }
        return memo.Calls.Where(c => apis.Contains(c.Api)).ToList();
    }

    /// <summary>
    /// The calls found in one text of a file. The same text object (a scan, an unchanged buffer) is recognised without
    /// hashing; another object with the same content by its content hash, computed only then.
    /// </summary>
    private sealed class MemoEntry(WeakReference<SourceText> text, IReadOnlyList<VulnerableApiCall> calls)
    {
        private string? _hash;

        public IReadOnlyList<VulnerableApiCall> Calls => calls;

        public bool Holds(SourceText other)
        {
            text.TryGetTarget(out var own);
            if (ReferenceEquals(own, other)) return true;
            if (_hash == null)
            {
                if (own == null) return false;
                _hash = HashOf(own);
            }
            return _hash == HashOf(other);
        }

        private static string HashOf(SourceText source) => Convert.ToHexString(source.GetContentHash().AsSpan());
    }

    /// <summary>Every keyword of the table, searched for all at once (one pass over the text instead of one per keyword).</summary>
    private static readonly string[] Keywords = VulnerableApiTable.Django.SelectMany(a => a.Keywords).Distinct(StringComparer.Ordinal).ToArray();

    private static readonly SearchValues<string> KeywordSearch = SearchValues.Create(Keywords, StringComparison.Ordinal);

    /// <summary>
    /// Whether the document's text contains a keyword of any table entry: without one it has no call (nor template
    /// filter) of the table. One pass over the text; most files have none.
    /// </summary>
    public static bool MayContainCalls(AnalysisDocument document) =>
        document.Kind is DocumentKind.Python or DocumentKind.DjangoTemplate && document.GetTextString().AsSpan().ContainsAny(KeywordSearch);

    /// <summary>The entries of <paramref name="apis"/> one of whose keywords occurs in the document's text.</summary>
    private static List<VulnerableApi> Candidates(AnalysisDocument document, IReadOnlyList<VulnerableApi> apis)
    {
        var text = document.GetTextString().AsSpan();
        var found = new HashSet<string>(StringComparer.Ordinal);
        // Each occurrence of any keyword, keywords overlapping included (the search goes on one character after a hit).
        for (var at = text.IndexOfAny(KeywordSearch); at >= 0 && found.Count < Keywords.Length;)
        {
            foreach (var keyword in Keywords)
                if (text[at..].StartsWith(keyword, StringComparison.Ordinal)) found.Add(keyword);
            var next = text[(at + 1)..].IndexOfAny(KeywordSearch);
            at = next < 0 ? -1 : at + 1 + next;
        }
        return found.Count == 0 ? new List<VulnerableApi>() : apis.Where(a => a.Keywords.Any(found.Contains)).ToList();
    }

    private static IReadOnlyList<VulnerableApiCall> Find(AnalysisDocument document, IReadOnlyList<VulnerableApi> candidates, CancellationToken ct)
    {
        var text = document.GetTextString();
        var result = new List<VulnerableApiCall>();
        if (document.Kind == DocumentKind.DjangoTemplate)
        {
            foreach (var api in candidates.Where(a => a.TemplateFilter != null))
                foreach (System.Text.RegularExpressions.Match m in api.TemplateFilter!.Matches(text))
                {
                    var group = m.Groups["f"];
                    result.Add(new VulnerableApiCall(api, document.Path, new TextSpan(group.Index, group.Length), "|" + group.Value));
                }
            return result;
        }
        PythonTaintModel? taint = null;
        foreach (var call in document.GetPythonNodes(ct).Calls)
        {
            ct.ThrowIfCancellationRequested();
            // Every entry matches calls by the callee's name, which contains one of the entry's keywords.
            var name = call.Expression switch
            {
                NameExpressionSyntax n => n.Name,
                AttributeExpressionSyntax a => a.Name,
                _ => null,
            };
            if (name == null) continue;
            foreach (var api in candidates)
                if (api.NamesCall(name) && api.MatchesCall(call))
                {
                    var callText = call.ToString().Trim();
                    taint ??= document.GetPythonTaint(ct);
                    var fromRequest = call.ArgumentList.Arguments.Any(a =>
                        taint.MayCarryRequestData(a.Expression) && taint.Evaluate(a.Expression, ct).OriginFor(SinkKind.Sql) == TaintOrigin.Request);
                    result.Add(new VulnerableApiCall(api, document.Path, call.Span, callText.Length > 80 ? callText[..77] + "..." : callText, fromRequest));
                }
        }
        return result;
    }

    /// <summary>
    /// The calls of <paramref name="apis"/> in the project under <paramref name="folder"/> (Python files and templates;
    /// virtualenvs, hidden folders, migrations and node_modules skipped), read through <paramref name="files"/>.
    /// </summary>
    public static IReadOnlyList<VulnerableApiCall> InProject(string folder, IWorkspaceFiles files, IReadOnlyList<VulnerableApi> apis, CancellationToken ct)
    {
        var result = new List<VulnerableApiCall>();
        if (apis.Count == 0) return result;
        var seen = 0;
        foreach (var path in SourcePaths(folder))
        {
            ct.ThrowIfCancellationRequested();
            if (++seen > MaxProjectFiles) break;
            if (files.TryGetDocument(path) is { } document) result.AddRange(In(document, apis, ct));
        }
        return result;
    }

    private static IEnumerable<string> SourcePaths(string folder)
    {
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            List<string> entries, children;
            try
            {
                entries = Directory.EnumerateFiles(dir).Where(IsSource).OrderBy(p => p, StringComparer.Ordinal).ToList();
                children = Directory.EnumerateDirectories(dir).OrderByDescending(p => p, StringComparer.Ordinal).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            foreach (var entry in entries) yield return entry;
            foreach (var child in children)
            {
                var name = System.IO.Path.GetFileName(child);
                if (name.StartsWith('.') || SkippedFolders.Contains(name)) continue;
                pending.Push(child);
            }
        }
    }

    private static bool IsSource(string path) =>
        DocumentKinds.FromPath(path) is DocumentKind.Python or DocumentKind.DjangoTemplate && !path.EndsWith(".pyi", StringComparison.Ordinal);
}
