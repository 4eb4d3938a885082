using DjangoLsp.Python.Syntax.Green;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Python.Syntax;

/// <summary>A syntax error (or, with <see cref="IsWarning"/>, a likely mistake CPython accepts): where it is and a message a person understands. Parsing never throws.</summary>
public sealed record SyntaxDiagnostic(TextSpan Span, string Message, bool IsWarning = false)
{
    internal static List<SyntaxDiagnostic> Collect(GreenNode root, int position)
    {
        var result = new List<SyntaxDiagnostic>();
        if (!root.ContainsDiagnostics) return result;
        var stack = new Stack<(GreenNode Node, int Position)>();
        stack.Push((root, position));
        while (stack.Count > 0)
        {
            var (node, pos) = stack.Pop();
            if (node.Diagnostics is { } diags)
            {
                foreach (var d in diags) result.Add(new SyntaxDiagnostic(new TextSpan(Math.Max(0, pos + d.Offset), d.Width), d.Message, d.IsWarning));
            }
            if (node.IsToken) continue;
            // Push children in reverse so they pop in document order.
            int childPos = pos + node.FullWidth;
            for (int i = node.SlotCount - 1; i >= 0; i--)
            {
                var child = node.GetSlot(i);
                if (child is null) continue;
                childPos -= child.FullWidth;
                if (child.ContainsDiagnostics) stack.Push((child, childPos));
            }
        }
        // Stable: diagnostics at the same position keep tree order.
        var sorted = new List<SyntaxDiagnostic>(result.Count);
        sorted.AddRange(result.OrderBy(d => d.Span.Start));
        return sorted;
    }
}
