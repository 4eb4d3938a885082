using DjangoLsp.Analysis.Engine;

namespace DjangoLsp.Server.Output;

/// <summary>Where rule documentation is published: the generated pages under docs/rules in the repository.</summary>
public static class RuleLinks
{
    /// <summary>The project's home; diagnostics, SARIF helpUri and informationUri link below it.</summary>
    public const string ProjectUrl = "https://github.com/djangolsp/djangolsp";

    public static string DocsUrl(RuleDescriptor rule) => $"{ProjectUrl}/blob/main/docs/{rule.DocsPath}";
}
