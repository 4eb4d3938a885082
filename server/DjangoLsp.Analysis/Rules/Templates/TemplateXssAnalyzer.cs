using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Syntax;

namespace DjangoLsp.Analysis.Rules.Templates;

/// <summary>
/// Runs the template XSS rules over every output of a Django template (Jinja2 templates are left alone: their
/// autoescaping works differently). The rules are ordered from the most specific context to the most general, and
/// an output gets at most one finding. Also answers hovers on the escaping filters and tags.
/// </summary>
public sealed class TemplateXssAnalyzer : IDocumentAnalyzer
{
    /// <summary>Most specific first: JSON data blocks and JavaScript before attributes, |safe last.</summary>
    internal static readonly IReadOnlyList<TemplateOutputRule> Rules = new TemplateOutputRule[]
    {
        new ScriptDataBlockOutputRule(),
        new JsStringOutputRule(),
        new JsCodeOutputRule(),
        new JavaScriptAttributeOutputRule(),
        new SrcdocOutputRule(),
        new CssOutputRule(),
        new UrlStartOutputRule(),
        new UnquotedAttributeOutputRule(),
        new MarkedSafeOutputRule(),
    };

    public IReadOnlyList<RuleDescriptor> SupportedRules { get; } = Rules.Select(r => r.Descriptor).ToArray();

    public bool Supports(DocumentKind kind) => kind == DocumentKind.DjangoTemplate;

    public IEnumerable<Finding> Analyze(AnalysisDocument document, AnalysisContext context, CancellationToken cancellationToken)
    {
        if (!IsHtmlTemplate(document.Path))
        {
            return Array.Empty<Finding>();
        }

        var analysis = document.GetTemplateAnalysis(cancellationToken);
        if (analysis.IsJinja2 || analysis.Outputs.Count == 0)
        {
            return Array.Empty<Finding>();
        }

        var ruleContext = new TemplateRuleContext(document, analysis);
        var findings = new List<Finding>();
        // Each output in the context(s) the pages rendering it give it: a child's block inside the parent's
        // <script>, a template included inside <script>. One finding per output at most.
        foreach (var renderings in TemplateRenderContexts.Resolve(document, analysis, context, cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Check(ruleContext, renderings) is { } finding)
            {
                findings.Add(finding);
            }
        }

        return findings;
    }

    private static Finding? Check(TemplateRuleContext ruleContext, IReadOnlyList<TemplateRenderContexts.RenderedOutput> renderings)
    {
        foreach (var (output, origin) in renderings)
        {
            foreach (var rule in Rules)
            {
                if (rule.Check(ruleContext, output) is { } finding)
                {
                    return origin == null ? finding : finding with { Related = finding.Related.Append(origin).ToList() };
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The rules model HTML. Templates of other formats (.txt e-mails, .js, .css, .json, .xml/.kml feeds) are rendered
    /// with Django's escaping too, but their contexts are not HTML; they are left alone rather than misjudged.
    /// </summary>
    internal static bool IsHtmlTemplate(string path)
    {
        string ext = System.IO.Path.GetExtension(path).ToLowerInvariant();
        return ext is not (".txt" or ".js" or ".mjs" or ".css" or ".json" or ".xml" or ".kml" or ".csv" or ".md" or ".rst" or ".eml"
            or ".tex" or ".yml" or ".yaml" or ".ics" or ".vcf" or ".py");
    }

    public HoverContent? GetHover(AnalysisDocument document, int position, AnalysisContext context, CancellationToken cancellationToken) =>
        TemplateSecurityHovers.Get(document, position, cancellationToken);
}
