using DjangoLsp.Analysis.Engine;
using DjangoLsp.Templates.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Rules.Templates;

/// <summary>
/// The json_script fix for a value printed as JavaScript code: emit <c>{{ value|json_script:"id" }}</c> before the
/// <c>&lt;script&gt;</c> element and replace the output with <c>JSON.parse(document.getElementById("id").textContent)</c>.
/// </summary>
internal static class JsonScriptRewrite
{
    /// <summary>Blocks that change what a name means or repeat the body: hoisting the value out of them is wrong.</summary>
    private static bool BlocksHoisting(TemplateBlockNode block) =>
        !block.IsBuiltIn || block.Name is "for" or "with" or "blocktrans" or "blocktranslate" or "cache" or "localize" or "language" or "timezone" or "localtime" or "filter";

    public static CodeFix? Create(TemplateRuleContext context, TemplateOutput output)
    {
        if (!OutputFacts.CanAppendFilter(output) || output.Expression!.Value!.Kind != TemplateValueKind.Variable)
        {
            return null;
        }

        string source = context.Source;
        if (!IsExpressionPosition(source, output.Span))
        {
            return null;
        }

        var script = HtmlElementFinder.EnclosingScript(source, output.Span.Start);
        var scriptText = script != null ? context.TextNodeAt(script.Start) : null;
        var scriptBody = scriptText != null ? context.BodyOf(scriptText) : null;
        if (script == null || scriptBody == null)
        {
            return null;
        }

        // The <script> start tag must be in the output's body or in one enclosing it; any repeating or scoping block
        // between them (or around both) forbids hoisting the value, and an if between them makes the edit need a look.
        bool reachable = ReferenceEquals(context.BodyOf(output.Node), scriptBody);
        bool between = false;
        foreach (var block in context.EnclosingBlocks(output.Node))
        {
            if (reachable)
            {
                // Around the whole <script>: a loop would print the element, and its id, more than once.
                if (!block.IsBuiltIn || block.Name == "for")
                {
                    return null;
                }

                continue;
            }

            if (BlocksHoisting(block))
            {
                return null;
            }

            between = true;
            reachable = ReferenceEquals(context.BodyOf(block), scriptBody);
        }

        if (!reachable)
        {
            return null;
        }

        string id = context.ReserveId(IdFor(output.Expression.Value.Text));
        string value = OutputFacts.ExpressionWithout(output, "safe", "safeseq", "escapejs");
        string element = "{{ " + value + "|json_script:\"" + id + "\" }}";
        int lineStart = source.LastIndexOf('\n', Math.Max(0, script.Start - 1)) + 1;
        if (script.Start == 0) lineStart = 0;
        string prefix = source.Substring(lineStart, script.Start - lineStart);
        string newline = lineStart >= 2 && source[lineStart - 2] == '\r' ? "\r\n" : "\n";
        string insertion = prefix.Trim().Length == 0 ? element + newline + prefix : element;
        string reader = "JSON.parse(document.getElementById(\"" + id + "\").textContent)";
        bool hadSafe = OutputFacts.HasOwnFilter(output, "safe") || OutputFacts.HasOwnFilter(output, "safeseq");
        return new CodeFix(
            hadSafe ? $"Pass the value with json_script (id \"{id}\"; the view must pass the Python value, not JSON text)" : $"Pass the value with json_script (id \"{id}\")",
            new[]
            {
                context.Edit(new TextSpan(script.Start, 0), insertion),
                context.Edit(output.Span, reader),
            },
            SafeForFixAll: !between && !hadSafe);
    }

    /// <summary><c>user.profile_data</c> → <c>user-profile-data-data</c>: a stable, readable element id.</summary>
    internal static string IdFor(string lookup)
    {
        var chars = lookup.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        string id = string.Join("-", new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
        return (id.Length == 0 ? "value" : id) + "-data";
    }

    /// <summary>The output stands alone as an expression: not glued to an identifier, a property access or a number.</summary>
    private static bool IsExpressionPosition(string source, TextSpan span)
    {
        char before = span.Start > 0 ? source[span.Start - 1] : ' ';
        char after = span.End < source.Length ? source[span.End] : ' ';
        if (IsGlue(before) || IsGlue(after) || before is '"' or '\'' or '`' or '.' || after is '"' or '\'' or '`' or '(')
        {
            return false;
        }

        // A declaration or `new` takes a name or a constructor, not a value: `var {{ name }} = ...`.
        int end = span.Start - 1;
        while (end >= 0 && char.IsWhiteSpace(source[end])) end--;
        int start = end;
        while (start >= 0 && IsGlue(source[start])) start--;
        string previousWord = source.Substring(start + 1, end - start);
        if (previousWord is "var" or "let" or "const" or "function" or "class" or "new" or "import" or "as" && end >= 0 && IsGlue(source[end]))
        {
            return false;
        }

        // An object key: `{ {{ key }}: 1 }`.
        int next = span.End;
        while (next < source.Length && char.IsWhiteSpace(source[next])) next++;
        char previousChar = end >= 0 ? source[end] : ' ';
        return !(next < source.Length && source[next] == ':' && previousChar is '{' or ',');
    }

    private static bool IsGlue(char c) => char.IsLetterOrDigit(c) || c is '_' or '$';
}
