namespace DjangoLsp.Analysis.Rules.Templates;

/// <summary>A start tag found in the template source: where it is and its attributes as written.</summary>
internal sealed record HtmlStartTag(int Start, int End, string Name, IReadOnlyList<HtmlAttribute> Attributes)
{
    public HtmlAttribute? Get(string name) => Attributes.FirstOrDefault(a => a.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>One attribute of a start tag. <see cref="Value"/> is null for a bare attribute; spans are absolute.</summary>
internal sealed record HtmlAttribute(string Name, int NameStart, string? Value, int ValueStart, int ValueEnd, char Quote);

/// <summary>
/// Finds HTML start tags in template source. Template tokens inside a tag (<c>action="{% url 'x' %}"</c>) are
/// skipped as opaque text, so a quote or <c>&gt;</c> inside <c>{% %}</c> does not end the tag.
/// </summary>
internal static class HtmlElementFinder
{
    /// <summary>The last <c>&lt;script</c> start tag before <paramref name="position"/> with no <c>&lt;/script</c> between them.</summary>
    public static HtmlStartTag? EnclosingScript(string source, int position)
    {
        int search = Math.Min(position, source.Length);
        while (search > 0)
        {
            int lt = source.LastIndexOf("<script", search - 1, StringComparison.OrdinalIgnoreCase);
            if (lt < 0)
            {
                return null;
            }

            if (lt + 7 < source.Length && (char.IsWhiteSpace(source[lt + 7]) || source[lt + 7] is '>' or '/'))
            {
                int close = source.IndexOf("</script", lt, StringComparison.OrdinalIgnoreCase);
                if (close >= 0 && close < position)
                {
                    return null;
                }

                var tag = ParseStartTag(source, lt);
                return tag != null && tag.End <= position ? tag : null;
            }

            search = lt;
        }

        return null;
    }

    /// <summary>Parses the start tag at <paramref name="lt"/> (the <c>&lt;</c>); null when it is not closed.</summary>
    public static HtmlStartTag? ParseStartTag(string s, int lt)
    {
        int i = lt + 1;
        int nameStart = i;
        while (i < s.Length && !char.IsWhiteSpace(s[i]) && s[i] is not ('>' or '/')) i++;
        string name = s.Substring(nameStart, i - nameStart).ToLowerInvariant();
        var attributes = new List<HtmlAttribute>();
        while (i < s.Length)
        {
            i = SkipSpaceAndTemplate(s, i);
            if (i >= s.Length)
            {
                return null;
            }

            if (s[i] == '>')
            {
                return new HtmlStartTag(lt, i + 1, name, attributes);
            }

            if (s[i] == '/')
            {
                i++;
                continue;
            }

            int attrStart = i;
            while (i < s.Length && IsAttrNameChar(s[i])) i++;
            if (i == attrStart)
            {
                i++;
                continue;
            }

            string attrName = s.Substring(attrStart, i - attrStart);
            int j = i;
            while (j < s.Length && char.IsWhiteSpace(s[j])) j++;
            if (j >= s.Length || s[j] != '=')
            {
                attributes.Add(new HtmlAttribute(attrName, attrStart, null, i, i, '\0'));
                continue;
            }

            j++;
            while (j < s.Length && char.IsWhiteSpace(s[j])) j++;
            if (j >= s.Length)
            {
                return null;
            }

            char quote = s[j] is '"' or '\'' ? s[j] : '\0';
            int valueStart = quote != '\0' ? j + 1 : j;
            int k = valueStart;
            while (k < s.Length)
            {
                if (TemplateTokenEnd(s, k) is int end && end > k)
                {
                    k = end;
                    continue;
                }

                char c = s[k];
                if (quote != '\0' ? c == quote : char.IsWhiteSpace(c) || c == '>')
                {
                    break;
                }

                k++;
            }

            attributes.Add(new HtmlAttribute(attrName, attrStart, s.Substring(valueStart, k - valueStart), valueStart, k, quote));
            i = quote != '\0' && k < s.Length ? k + 1 : k;
        }

        return null;
    }

    /// <summary>If a template token (<c>{{ }}</c>, <c>{% %}</c>, <c>{# #}</c>) starts at <paramref name="i"/>, the index after it.</summary>
    public static int? TemplateTokenEnd(string s, int i)
    {
        if (i + 1 >= s.Length || s[i] != '{' || s[i + 1] is not ('{' or '%' or '#'))
        {
            return null;
        }

        string closer = s[i + 1] switch { '{' => "}}", '%' => "%}", _ => "#}" };
        int close = s.IndexOf(closer, i + 2, StringComparison.Ordinal);
        int newline = s.IndexOf('\n', i + 2);
        return close < 0 || newline >= 0 && newline < close ? null : close + 2;
    }

    private static int SkipSpaceAndTemplate(string s, int i)
    {
        while (i < s.Length)
        {
            if (char.IsWhiteSpace(s[i]))
            {
                i++;
            }
            else if (TemplateTokenEnd(s, i) is int end)
            {
                i = end;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    private static bool IsAttrNameChar(char c) => !char.IsWhiteSpace(c) && c is not ('>' or '/' or '=' or '"' or '\'' or '{' or '<');
}
