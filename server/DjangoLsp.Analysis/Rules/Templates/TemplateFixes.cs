using DjangoLsp.Analysis.Engine;
using DjangoLsp.Templates.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Rules.Templates;

/// <summary>Quick fixes shared by the template rules. Each is a minimal edit of the output's own text.</summary>
internal static class TemplateFixes
{
    /// <summary>Appends <c>|filter</c> to the output's chain (before the closing <c>}}</c>); null when the output has no chain to extend.</summary>
    public static CodeFix? AppendFilter(TemplateRuleContext context, TemplateOutput output, string filters, string title, bool safeForFixAll = true)
    {
        if (!OutputFacts.CanAppendFilter(output))
        {
            return null;
        }

        int at = OutputFacts.FilterInsertionPoint(output);
        return new CodeFix(title, new[] { context.Edit(new TextSpan(at, 0), filters) }, safeForFixAll);
    }

    /// <summary>Removes one of the output's own filters (e.g. <c>|safe</c>).</summary>
    public static CodeFix? RemoveFilter(TemplateRuleContext context, TemplateOutput output, string name, string title, bool safeForFixAll = false)
    {
        if (output.Kind != TemplateOutputKind.Variable || OutputFacts.OwnFilter(output, name) is not { } filter)
        {
            return null;
        }

        return new CodeFix(title, new[] { context.Edit(OutputFacts.AbsoluteSpan(output, filter), string.Empty) }, safeForFixAll);
    }

    public static CodeFix[] Some(params CodeFix?[] fixes) => fixes.Where(f => f != null).Select(f => f!).ToArray();
}
