using System.Text.RegularExpressions;

namespace DjangoLsp.Templates.Syntax;

public enum TemplateDialect
{
    Django,
    /// <summary>A Jinja2 template: Django's template analyzers must not report on it.</summary>
    Jinja2,
}

/// <summary>The detected dialect and why (shown to users when a file is skipped).</summary>
public sealed record TemplateDialectInfo(TemplateDialect Dialect, string Reason)
{
    public bool IsJinja2 => Dialect == TemplateDialect.Jinja2;
}

/// <summary>
/// Recognises Jinja2 templates: by path (a <c>jinja2</c> directory — Django's Jinja2 backend default — or a
/// <c>.jinja</c>/<c>.jinja2</c>/<c>.j2</c> extension) or by Jinja-only syntax.
/// </summary>
public static partial class TemplateDialectDetector
{
    public static TemplateDialectInfo Detect(string? path, TemplateSyntaxTree tree)
    {
        string? hint = null;
        foreach (var token in tree.TokenArray)
        {
            if (!token.InVerbatim && (hint = token.JinjaHint) != null)
            {
                break;
            }
        }

        return Detect(path, hint);
    }

    /// <summary>The dialect of a file at <paramref name="path"/> whose first Jinja2-only token syntax is
    /// <paramref name="firstTokenHint"/> (null: none; the parser finds it while it reads the tags).</summary>
    internal static TemplateDialectInfo Detect(string? path, string? firstTokenHint)
    {
        if (path != null)
        {
            string normalized = path.Replace('\\', '/');
            if (normalized.EndsWith(".jinja", StringComparison.OrdinalIgnoreCase) || normalized.EndsWith(".jinja2", StringComparison.OrdinalIgnoreCase)
                || normalized.EndsWith(".j2", StringComparison.OrdinalIgnoreCase))
            {
                return new TemplateDialectInfo(TemplateDialect.Jinja2, "file extension");
            }

            if (normalized.Contains("/jinja2/", StringComparison.Ordinal) || normalized.StartsWith("jinja2/", StringComparison.Ordinal))
            {
                return new TemplateDialectInfo(TemplateDialect.Jinja2, "inside a 'jinja2' template directory");
            }
        }

        return firstTokenHint != null ? new TemplateDialectInfo(TemplateDialect.Jinja2, firstTokenHint) : DjangoDefault;
    }

    private static readonly TemplateDialectInfo DjangoDefault = new(TemplateDialect.Django, "default");

    /// <summary>Why this token alone shows Jinja2 syntax, or null (computed once per green token).</summary>
    internal static string? TokenHint(TemplateToken token)
    {
        if (token.Kind == TemplateTokenKind.Tag)
        {
            if (token.Span.StartsWith("{%-", StringComparison.Ordinal) || token.Span.EndsWith("-%}", StringComparison.Ordinal))
            {
                return "whitespace control '{%-'/'-%}'";
            }

            string name = token.Tag!.Name;
            var flags = token.Tag.Flags;
            if ((flags & TagFlags.JinjaCallCheck) != 0 && token.Span.Contains('(') && HasCallSyntax(token.Tag))
            {
                return $"Jinja call syntax in '{{% {name} %}}'";
            }

            // None of these is a Django tag: known names need no look.
            if ((flags & TagFlags.Known) == 0
                && name is "set" or "endset" or "macro" or "endmacro" or "call" or "endcall" or "raw" or "endraw" or "import" or "from" or "do")
            {
                return $"Jinja-only tag '{name}'";
            }
        }
        else if (token.Kind == TemplateTokenKind.Variable)
        {
            if (token.Span.StartsWith("{{-", StringComparison.Ordinal) || token.Span.EndsWith("-}}", StringComparison.Ordinal))
            {
                return "whitespace control '{{-'/'-}}'";
            }

            var filters = token.Expression!.Filters;
            for (int i = 0; i < filters.Count; i++)
            {
                if (filters[i].Name == "e")
                {
                    return "Jinja-only filter 'e'";
                }
            }

            // Call syntax, subscripts and operators are not Django filter expressions.
            if (token.Expression!.Errors.Count > 0 && JinjaExpression().IsMatch(token.Content))
            {
                return "Jinja expression syntax in '" + token.Content + "'";
            }
        }

        return null;
    }

    private static bool HasCallSyntax(TagSyntax tag)
    {
        for (int i = 1; i < tag.BitCount; i++)
        {
            // The regex needs a "(": skip it (and making the bit strings) for the usual bits without one.
            if (tag.BitText(i).Contains('(') && !tag.Bits[i].IsQuoted && CallSyntax().IsMatch(tag.Bits[i].Text))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"^[\w.]+\(.*\)")]
    private static partial Regex CallSyntax();

    [GeneratedRegex(@"\w\s*\(|\[|\s(and|or|not|if|else|is|in)\s|[+*/~]|\|\s*e\s*$|\w\s*\|\s*\w+\s*\(")]
    private static partial Regex JinjaExpression();
}
