using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Rules.Templates;
using DjangoLsp.Analysis.Rules.Csrf;
using DjangoLsp.Analysis.Rules.Settings;
using DjangoLsp.Analysis.Rules.Crypto;
using DjangoLsp.Analysis.Rules.Dos;
using DjangoLsp.Analysis.Rules.Python;
using DjangoLsp.Analysis.Rules.AccessControl;
using DjangoLsp.Analysis.Rules.CrossFile;
using DjangoLsp.Analysis.Syntax;

namespace DjangoLsp.Analysis;

/// <summary>
/// The one place where the product's analyzers are registered. The server and the CLI both take their
/// engine from here, so an editor and CI always agree.
/// </summary>
public static class BuiltInAnalyzers
{
    public static IReadOnlyList<IDocumentAnalyzer> Create() => new IDocumentAnalyzer[]
    {
        new SyntaxErrorAnalyzer(),
        new TemplateXssAnalyzer(),
        new PostFormWithoutCsrfTokenRule(),
        new CsrfTokenInExternalFormRule(),
        new Dependencies.DependencyAnalyzer(),
        new Dependencies.VulnerableApis.VulnerableApiAnalyzer(),
        new SettingsAnalyzer(),
        new ViewDecoratorAnalyzer(),
        // Crypto, randomness, timing, TLS and secrets (DJ4xx); DoS, error details and logging (DJ8xx).
        new WeakPasswordHashAnalyzer(),
        new WeakHasherInCodeAnalyzer(),
        new InsecureRandomAnalyzer(),
        new TimingUnsafeCompareAnalyzer(),
        new TlsVerificationDisabledAnalyzer(),
        new HardcodedSecretAnalyzer(),
        new RegexFromRequestAnalyzer(),
        new CatastrophicRegexAnalyzer(),
        new ExceptionDetailsInResponseAnalyzer(),
        new SensitiveDataInLogAnalyzer(),
        // Python injection, XSS and redirect rules (taint analysis on the semantic model).
        new SqlInjectionRule(),
        new OsCommandInjectionRule(),
        new SubprocessShellRule(),
        new CodeInjectionRule(),
        new TemplateInjectionRule(),
        new UnsafeDeserializationRule(),
        new UnsafeYamlLoadRule(),
        new SsrfRule(),
        new PathTraversalRule(),
        new StaticServeInUrlsRule(),
        new MarkSafeRule(),
        new MarkSafeJsonRule(),
        new FormatHtmlPreformattedRule(),
        new HttpResponseXssRule(),
        new Jinja2AutoescapeRule(),
        new OpenRedirectRule(),
        new IsSafeUrlRemovedRule(),
        new PythonApiHoverAnalyzer(),
        // Project model: access control on routed views (DJ7xx) and view → template data flow (DJ229/DJ230).
        new AccessControlAnalyzer(),
        new ViewContextTemplateAnalyzer(),
    };

    public static AnalysisEngine CreateEngine() => new(Create());
}
