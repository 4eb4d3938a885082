using DjangoLsp.Templates.Syntax;

namespace DjangoLsp.Analysis.Rules.Templates;

/// <summary>A form start tag and where its body ends (the next <c>&lt;/form&gt;</c>, or the end of the file).</summary>
internal sealed record HtmlForm(HtmlStartTag Tag, int BodyEnd);

/// <summary>
/// Finds <c>&lt;form&gt;</c> elements in template source, skipping HTML comments, <c>&lt;script&gt;</c>/<c>&lt;style&gt;</c>
/// bodies and template comments. Forms opened in different {% if %} branches share the same end tag.
/// </summary>
internal static class HtmlForms
{
    public static IReadOnlyList<HtmlForm> Find(string source, TemplateAnalysis analysis)
    {
        var skipped = SkippedRanges(source, analysis);
        var forms = new List<HtmlForm>();
        int i = 0;
        while (true)
        {
            int lt = source.IndexOf("<form", i, StringComparison.OrdinalIgnoreCase);
            if (lt < 0)
            {
                break;
            }

            i = lt + 5;
            if (lt + 5 >= source.Length || !(char.IsWhiteSpace(source[lt + 5]) || source[lt + 5] is '>' or '/') || IsSkipped(skipped, lt))
            {
                continue;
            }

            var tag = HtmlElementFinder.ParseStartTag(source, lt);
            if (tag == null)
            {
                continue;
            }

            int close = tag.End;
            while (true)
            {
                close = source.IndexOf("</form", close, StringComparison.OrdinalIgnoreCase);
                if (close < 0 || !IsSkipped(skipped, close))
                {
                    break;
                }

                close += 6;
            }

            forms.Add(new HtmlForm(tag, close < 0 ? source.Length : close));
        }

        return forms;
    }

    private static bool IsSkipped(List<(int Start, int End)> ranges, int position) => ranges.Any(r => position >= r.Start && position < r.End);

    private static List<(int Start, int End)> SkippedRanges(string source, TemplateAnalysis analysis)
    {
        var ranges = new List<(int, int)>();
        foreach (var node in analysis.Tree.Root.DescendantNodes())
        {
            if (node is TemplateCommentNode or TemplateRawNode || node is TemplateBlockNode { Name: "comment" or "verbatim" })
            {
                ranges.Add((node.FullSpan.Start, node.FullSpan.End));
            }
        }

        AddRanges(source, ranges, "<!--", "-->");
        AddRanges(source, ranges, "<script", "</script");
        AddRanges(source, ranges, "<style", "</style");
        return ranges;
    }

    private static void AddRanges(string source, List<(int, int)> ranges, string open, string close)
    {
        int i = 0;
        while ((i = source.IndexOf(open, i, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            int end = source.IndexOf(close, i + open.Length, StringComparison.OrdinalIgnoreCase);
            int stop = end < 0 ? source.Length : end + close.Length;
            ranges.Add((i + 1, stop));
            i = stop;
        }
    }
}
