using DjangoLsp.Python.Syntax;
using DjangoLsp.Python.Syntax.Green;

namespace DjangoLsp.Benchmarks;

/// <summary>
/// Counts the green objects of the standard library's trees by node kind and shape (distinct objects per file,
/// estimated 64-bit sizes), so allocation work can be aimed at the shapes that dominate. Mode <c>green-census</c>.
/// </summary>
internal static class PythonGreenCensus
{
    public static void Run()
    {
        var leaf = GreenToken.Indent;
        long a0 = GC.GetAllocatedBytesForCurrentThread();
        var one = GreenInternalNode.Create(SyntaxKind.NameExpression, [leaf]);
        long a1 = GC.GetAllocatedBytesForCurrentThread();
        var sparse = GreenInternalNode.Create(SyntaxKind.Argument, [null, null, null, leaf]);
        long a2 = GC.GetAllocatedBytesForCurrentThread();
        var three = GreenInternalNode.Create(SyntaxKind.Argument, [leaf, leaf, leaf]);
        long a3 = GC.GetAllocatedBytesForCurrentThread();
        var lone = new GreenToken(SyntaxKind.IdentifierToken, "x", GreenToken.NoTrivia, GreenToken.NoTrivia);
        long a4 = GC.GetAllocatedBytesForCurrentThread();
        Console.WriteLine($"object sizes: one child {a1 - a0}, one of four slots {a2 - a1}, three children {a3 - a2}, token {a4 - a3}");
        GC.KeepAlive(one); GC.KeepAlive(sparse); GC.KeepAlive(three); GC.KeepAlive(lone);
        var texts = PythonCorpus.StdlibTexts();
        long bytes = texts.Sum(t => (long)System.Text.Encoding.UTF8.GetByteCount(t));
        var counts = new Dictionary<string, (long Count, long Bytes)>(StringComparer.Ordinal);
        void Add(string key, long size)
        {
            var (c, b) = counts.GetValueOrDefault(key);
            counts[key] = (c + 1, b + size);
        }
        foreach (var text in texts)
        {
            var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
            var stack = new Stack<GreenNode>();
            stack.Push(PythonSyntaxTree.Parse(text).GreenRoot);
            while (stack.Count > 0)
            {
                var node = stack.Pop();
                if (!seen.Add(node)) continue;
                switch (node)
                {
                    case GreenToken token:
                        string shape = $"{(token.LeadingTrivia.Length == 0 ? "-" : token.LeadingTrivia.Length.ToString(System.Globalization.CultureInfo.InvariantCulture))}/{(token.TrailingTrivia.Length == 0 ? "-" : token.TrailingTrivia.Length.ToString(System.Globalization.CultureInfo.InvariantCulture))}";
                        Add($"token {token.Kind} {shape}", 48);
                        if (token.Text.Length > 0 && seen.Add(token.Text)) Add($"string of {token.Kind}", StringSize(token.Text));
                        foreach (var arr in new[] { token.LeadingTrivia, token.TrailingTrivia })
                        {
                            if (arr.Length == 0 || !seen.Add(arr)) continue;
                            Add($"trivia[{arr.Length}] {string.Join(",", arr.Select(t => t.Kind.ToString().Replace("Trivia", "", StringComparison.Ordinal)))}{(arr == token.LeadingTrivia ? " leading" : " trailing")}", 24 + 8 * arr.Length);
                            foreach (var t in arr) stack.Push(t);
                        }
                        break;
                    case GreenTrivia trivia:
                        Add($"trivia {trivia.Kind}", 32);
                        if (seen.Add(trivia.Text)) Add($"string of {trivia.Kind}", StringSize(trivia.Text));
                        break;
                    default:
                        int slots = node.SlotCount;
                        long size = node is GreenNodeWithOneOfManySlots ? 32 : slots <= 10 ? 24 + 8 * slots : 32 + 24 + 8 * slots;
                        string kids = "";
                        for (int i = 0; i < slots; i++)
                        {
                            var child = node.GetSlot(i);
                            if (child is not null) stack.Push(child);
                            if (slots == 1) kids = child is null ? " (null)" : $" ({child.Kind})";
                        }
                        Add($"node {node.Kind} [{slots}]{kids}{(node is GreenNodeWithOneOfManySlots ? " sparse" : "")}", size);
                        break;
                }
            }
        }
        long total = counts.Values.Sum(v => v.Bytes);
        Console.WriteLine($"{total / (double)bytes:F2} B/B in distinct green objects per file (estimated sizes); top shapes:");
        foreach (var (key, (count, size)) in counts.OrderByDescending(kv => kv.Value.Bytes).Take(60))
        {
            Console.WriteLine($"{size / (double)bytes,6:F3} B/B {count,10}  {key}");
        }
    }

    private static long StringSize(string s) => (22 + 2L * s.Length + 7) / 8 * 8;
}
