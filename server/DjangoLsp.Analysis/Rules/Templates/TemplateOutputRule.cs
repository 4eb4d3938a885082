using DjangoLsp.Analysis.Engine;
using DjangoLsp.Templates.Syntax;

namespace DjangoLsp.Analysis.Rules.Templates;

/// <summary>
/// One template XSS rule: looks at one output (with its context and escaping) and reports it or not.
/// <see cref="TemplateXssAnalyzer"/> asks the rules in order of specificity and keeps only the first finding per
/// output, so each output gets at most one finding.
/// </summary>
public abstract class TemplateOutputRule
{
    public abstract RuleDescriptor Descriptor { get; }

    /// <summary>The finding for <paramref name="output"/>, or null when this rule has nothing to say about it.</summary>
    internal abstract Finding? Check(TemplateRuleContext context, TemplateOutput output);
}
