using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Rules.Crypto;
using DjangoLsp.Analysis.Rules.Dos;
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
        new WeakPasswordHashAnalyzer(),
        new InsecureRandomAnalyzer(),
        new TimingUnsafeCompareAnalyzer(),
        new TlsVerificationDisabledAnalyzer(),
        new HardcodedSecretAnalyzer(),
        new RegexFromRequestAnalyzer(),
        new CatastrophicRegexAnalyzer(),
        new ExceptionDetailsInResponseAnalyzer(),
        new SensitiveDataInLogAnalyzer(),
    };

    public static AnalysisEngine CreateEngine() => new(Create());
}
