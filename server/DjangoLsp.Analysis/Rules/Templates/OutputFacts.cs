using DjangoLsp.Templates.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Rules.Templates;

/// <summary>What the rules need to know about one output beyond its context: how to name it, whether its value is
/// trusted by convention, why it is unescaped, and where to edit its filter chain.</summary>
internal static class OutputFacts
{
    /// <summary>Last lookup parts that Django (or its conventions) make integers, booleans or tokens: they cannot carry markup.</summary>
    private static readonly HashSet<string> InertNames = new(StringComparer.Ordinal)
    {
        "pk", "id", "csrf_token",
    };

    /// <summary>Whole lookups that come from settings through Django's context processors (developer-controlled).</summary>
    private static readonly HashSet<string> SettingsNames = new(StringComparer.Ordinal)
    {
        "STATIC_URL", "MEDIA_URL", "LANGUAGE_CODE", "LANGUAGE_BIDI", "csrf_token", "get_absolute_url",
    };

    /// <summary>
    /// URLs that Django's admin, auth views and form widgets put in the context, built with reverse(), query-string
    /// helpers or validated by URLValidator (matched on the last lookup part). Also the project's own get_absolute_url.
    /// </summary>
    private static readonly HashSet<string> FrameworkUrlNames = new(StringComparer.Ordinal)
    {
        "get_absolute_url", "get_admin_url", "absolute_url", "admin_url", "add_url", "app_url", "app_path", "form_url", "site_url",
        "login_url", "logout_url", "password_reset_url", "password_change_url", "docsroot", "show_all_url", "related_url", "link_url",
        "add_related_url", "change_related_template_url", "delete_related_template_url", "view_related_url", "url_primary",
        "url_remove", "url_toggle", "clear_all_filters_qs", "query_string", "STATIC_URL", "MEDIA_URL",
    };

    /// <summary>Whole lookups of Django's admin and widgets whose URL is built or validated by Django.</summary>
    private static readonly HashSet<string> FrameworkUrlLookups = new(StringComparer.Ordinal)
    {
        "back.link", "choice.link", "widget.href", "widget.value.url",
    };

    /// <summary>Words that name file fields: <c>{{ product.image.url }}</c> is FieldFile.url, a storage URL under MEDIA_URL.</summary>
    private static readonly string[] FileFieldWords =
    {
        "image", "img", "photo", "picture", "avatar", "thumbnail", "thumb", "logo", "icon", "banner", "cover", "file", "attachment",
        "document", "upload", "video", "audio", "media", "pdf",
    };

    /// <summary>
    /// True when a URL value is, by Django's conventions, built by the framework or the project rather than typed by a
    /// user: admin/auth/widget URL context names, get_absolute_url, a file field's .url, a {% url %} with literal arguments.
    /// </summary>
    public static bool IsFrameworkUrl(TemplateOutput output)
    {
        if (output.Expression?.Value is not { Kind: TemplateValueKind.Variable } value || output.Escaping.UnknownFilters.Count > 0)
        {
            return false;
        }

        var parts = value.LookupParts;
        if (FrameworkUrlNames.Contains(parts[^1]) || FrameworkUrlLookups.Contains(value.Text))
        {
            return true;
        }

        // request.path and friends always start with "/" (build_absolute_uri with http(s)://): no scheme to choose.
        if (parts.Count == 2 && parts[0] == "request" && parts[1] is "path" or "path_info" or "get_full_path" or "build_absolute_uri")
        {
            return true;
        }

        return parts.Count >= 2 && parts[^1] == "url"
            && FileFieldWords.Any(w => parts[^2].Contains(w, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A {% url %} whose arguments are all literals prints a fixed path chosen by the project.</summary>
    public static bool IsConstantUrlTag(TemplateOutput output) =>
        output.Node is TemplateTagNode { Name: "url" } tag && tag.Syntax.AsVariable == null
        && tag.Syntax.Bits.Skip(1).All(b => b.IsQuoted || FilterExpression.Parse(b.Text).Value is { IsLiteral: true } && !b.Text.Contains('='));

    /// <summary>The output as the user wrote it, for messages (shortened when long).</summary>
    public static string Display(TemplateOutput output)
    {
        string text = output.Text.Replace('\n', ' ').Replace('\r', ' ');
        return "`" + (text.Length > 80 ? text.Substring(0, 77) + "...}}" : text) + "`";
    }

    /// <summary>
    /// True when the printed value is, by Django's conventions, not text an attacker chooses: a primary key or id,
    /// a boolean flag (is_*, has_*), a loop counter, the CSRF token, a settings URL, get_absolute_url.
    /// </summary>
    public static bool IsTrustedByName(TemplateOutput output)
    {
        if (IsConstantUrlTag(output))
        {
            return true;
        }

        var expression = output.Expression;
        if (output.Kind == TemplateOutputKind.Tag || expression?.Value is not { Kind: TemplateValueKind.Variable } value)
        {
            return false;
        }

        // A filter we do not know may turn an id into anything; a known one keeps it inert.
        if (output.Escaping.UnknownFilters.Count > 0 || expression.Filters.Any(f => f.Name is "default" or "default_if_none" or "add" && f.Argument is { IsLiteral: false }))
        {
            return false;
        }

        var parts = value.LookupParts;
        string last = parts[^1];
        if (SettingsNames.Contains(last) && (parts.Count == 1 || last == "get_absolute_url"))
        {
            return true;
        }

        // Loop counters and flags; {{ block.super }} is the parent template's own rendered block.
        if (parts.Count >= 2 && parts[0] == "forloop" || value.Text == "block.super")
        {
            return true;
        }

        // Help texts and admin fieldset descriptions are written by developers and documented as not escaped.
        if (last == "help_text" || value.Text.EndsWith("fieldset.description", StringComparison.Ordinal))
        {
            return true;
        }

        return InertNames.Contains(last)
               || last.EndsWith("_id", StringComparison.Ordinal) || last.EndsWith("_pk", StringComparison.Ordinal)
               || last.StartsWith("is_", StringComparison.Ordinal) || last.StartsWith("has_", StringComparison.Ordinal);
    }

    /// <summary>Outputs no rule reports: correctly escaped for their context, or trusted by convention.</summary>
    public static bool NeedsReview(TemplateOutput output) => !output.EscapedForContext && !IsTrustedByName(output);

    /// <summary>The output's own filter called <paramref name="name"/>, if any.</summary>
    public static FilterCall? OwnFilter(TemplateOutput output, string name) =>
        output.Expression?.Filters.FirstOrDefault(f => f.Name == name);

    public static bool HasOwnFilter(TemplateOutput output, string name) => OwnFilter(output, name) != null;

    /// <summary>Why the value reaches the page without HTML escaping, in words; null when it is HTML-escaped.</summary>
    public static string? UnescapedCause(TemplateOutput output)
    {
        if (output.Escaping.Encoding is OutputEncoding.Html or OutputEncoding.HtmlTwice or OutputEncoding.Js or OutputEncoding.Url or OutputEncoding.JsonScriptElement)
        {
            return null;
        }

        foreach (var name in new[] { "safe", "safeseq" })
        {
            if (HasOwnFilter(output, name))
            {
                return $"|{name} marks it safe, so it is not escaped at all";
            }
        }

        if (!output.Autoescape)
        {
            return "{% autoescape off %} is in effect, so it is not escaped at all";
        }

        return "it is marked safe (a filter or an enclosing {% filter %}), so it is not escaped at all";
    }

    /// <summary>Where a new filter goes: right after the expression, before the closing <c>}}</c>.</summary>
    public static int FilterInsertionPoint(TemplateOutput output) =>
        output.Node.Position + output.Node.Token.ContentOffset + output.Node.Token.Content.Length;

    /// <summary>Whether a filter can be appended (a <c>{{ }}</c> output with a parsed expression).</summary>
    public static bool CanAppendFilter(TemplateOutput output) =>
        output.Kind is TemplateOutputKind.Variable && output.Expression is { Value: not null, Errors.Count: 0 };

    /// <summary>The absolute span of one of the output's own filter calls (from the <c>|</c>, with the space before it).</summary>
    public static TextSpan AbsoluteSpan(TemplateOutput output, FilterCall filter) => output.Node.ToAbsolute(filter.Span);

    /// <summary>The source text of the value and the filters not in <paramref name="drop"/>, e.g. <c>data|default:"x"</c>.</summary>
    public static string ExpressionWithout(TemplateOutput output, params string[] drop)
    {
        var expression = output.Expression!;
        var token = output.Node.Token.Text;
        var builder = new System.Text.StringBuilder(expression.Value!.Text);
        foreach (var filter in expression.Filters)
        {
            if (Array.IndexOf(drop, filter.Name) < 0)
            {
                builder.Append(token.AsSpan(filter.Span.Start, filter.Span.Length).Trim());
            }
        }

        return builder.ToString();
    }

    /// <summary>Plain words for an element name, e.g. <c>&lt;script&gt;</c>.</summary>
    public static string Element(TemplateOutput output) => output.Context.ElementName is { } e && e.IndexOf('\uFFFF') < 0 ? "<" + e + ">" : "the tag";
}
