using DjangoLsp.Analysis.Engine;
using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Rules.Crypto;

/// <summary>DJ430: certificate or hostname verification turned off for outgoing TLS connections.</summary>
public sealed class TlsVerificationDisabledAnalyzer : PythonRuleAnalyzer
{
    public static readonly RuleDescriptor Descriptor = new(
        Id: "DJ430",
        Name: "tls-verification-disabled",
        DefaultSeverity: Severity.Warning,
        Category: RuleCategory.TlsVerifyOff,
        Owasp2021: new[] { "A07:2021", "A02:2021" },
        Owasp2025: new[] { "A07:2025", "A04:2025" },
        Cwe: new[] { 295 },
        Summary: "TLS certificate or hostname verification is disabled (verify=False, CERT_NONE, unverified context).",
        Documentation: """
            ## What it does
            Reports outgoing HTTPS made without verifying the server:
            - `verify=False` in `requests`/`httpx` calls, sessions and clients (`requests.get(url, verify=False)`,
              `httpx.Client(verify=False)`, `session.verify = False`);
            - `ssl._create_unverified_context()`, `ssl.CERT_NONE` assigned or passed (not as a dict key, in a
              comparison or as one branch of an `x if insecure_option else y` opt-in), `context.check_hostname = False`;
            - `urllib3.disable_warnings(...)` (information) when the same module turns verification off, because it
              hides the warning that would have pointed at the problem.

            ## Why it matters
            Without certificate verification anybody on the network path (a Wi-Fi hotspot, a compromised router,
            a cloud neighbour with ARP spoofing) can impersonate the remote server, read the credentials you send
            and feed the application forged data — here, a supplier feed that is then imported into the catalog.

            ## Example
            ```python
            resp = requests.get(settings.SUPPLIER_FEED_URL, verify=False, timeout=30)
            ```

            ## Fix
            ```python
            resp = requests.get(settings.SUPPLIER_FEED_URL, timeout=30)             # verify=True is the default
            resp = requests.get(url, verify="/etc/ssl/supplier-ca.pem", timeout=30)  # a private CA
            ```
            The quick fix sets `verify=True`, replaces `ssl._create_unverified_context()` with
            `ssl.create_default_context()`, `CERT_NONE` with `CERT_REQUIRED` and `check_hostname = False` with `True`.
            If the peer's certificate is expired or self-signed, pin its CA bundle instead of turning checks off.

            ## References
            - Requests: [SSL Cert Verification](https://requests.readthedocs.io/en/latest/user/advanced/#ssl-cert-verification)
            - Python: [ssl — Security considerations](https://docs.python.org/3/library/ssl.html#security-considerations)
            - OWASP: [Transport Layer Security Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Transport_Layer_Security_Cheat_Sheet.html)
            - CWE-295: Improper Certificate Validation
            """,
        DjangoDocsUrl: "https://docs.djangoproject.com/en/stable/topics/security/#ssl-https");

    private static readonly HashSet<string> HttpClientRoots = new(StringComparer.Ordinal) { "requests", "httpx", "aiohttp", "urllib3", "pip" };

    private static readonly HashSet<string> HttpMethodNames = new(StringComparer.Ordinal)
    {
        "get", "post", "put", "patch", "delete", "head", "options", "request", "send", "stream", "Client", "AsyncClient", "Session", "urlopen",
    };

    public TlsVerificationDisabledAnalyzer() : base(Descriptor)
    {
    }

    private static readonly KeywordGroup Words = SourceKeywords.Register("verify", "ssl", "CERT_NONE", "check_hostname");

    protected override IEnumerable<Finding> Analyze(PythonFile file, CancellationToken cancellationToken)
    {
        var findings = new List<Finding>();
        // Every finding needs one of these words (disable_warnings alone is reported only next to another finding).
        if (!Words.AnyIn(file.Document)) return findings;
        var disableWarnings = new List<CallExpressionSyntax>();
        foreach (var node in file.Nodes.Nodes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (node)
            {
                case CallExpressionSyntax call:
                {
                    var name = file.CalleeName(call);
                    if (name is "urllib3.disable_warnings" or "requests.packages.urllib3.disable_warnings")
                    {
                        disableWarnings.Add(call);
                        break;
                    }
                    if (name is "ssl._create_unverified_context")
                    {
                        var simple = call.ArgumentList.Arguments.All(a => a.NameToken?.Text is "cafile" or "capath" or "cadata" or "purpose");
                        var fixes = simple && call.Expression is AttributeExpressionSyntax attribute
                            ? new[] { SourceEdits.Fix("Use ssl.create_default_context()", true, SourceEdits.Replace(file, attribute.NameToken.Span, "create_default_context")) }
                            : Array.Empty<CodeFix>();
                        findings.Add(Report(file, call.Span, "ssl._create_unverified_context() accepts any certificate: use ssl.create_default_context().", Severity.Warning, fixes));
                        break;
                    }
                    if (Syntactic.KeywordArgument(call, "verify") is { } verify && Syntactic.IsLiteral(verify.Expression, SyntaxKind.FalseKeyword) && IsHttpCall(name, call))
                    {
                        findings.Add(Report(file, verify.Span, "verify=False turns off TLS certificate checks: anyone on the network can impersonate the server.",
                            Severity.Warning, SourceEdits.Fix("Verify certificates (verify=True)", true, SourceEdits.Replace(file, verify.Expression.Span, "True"))));
                    }
                    break;
                }
                case AttributeExpressionSyntax { Name: "CERT_NONE" } certNone when file.QualifiedName(certNone) is "ssl.CERT_NONE" && DisablesVerification(certNone):
                    findings.Add(Report(file, certNone.Span, "ssl.CERT_NONE disables certificate verification.", Severity.Warning,
                        SourceEdits.Fix("Require certificates (CERT_REQUIRED)", true, SourceEdits.Replace(file, certNone.NameToken.Span, "CERT_REQUIRED"))));
                    break;
                case AssignmentStatementSyntax assignment when Syntactic.IsLiteral(assignment.Value, SyntaxKind.FalseKeyword):
                    foreach (var target in assignment.Targets)
                    {
                        if (target is AttributeExpressionSyntax { Name: "check_hostname" })
                            findings.Add(Report(file, assignment.Span, "check_hostname = False accepts a certificate for any host name.", Severity.Warning,
                                SourceEdits.Fix("Check host names", true, SourceEdits.Replace(file, assignment.Value.Span, "True"))));
                        else if (target is AttributeExpressionSyntax { Name: "verify" } && SecretNames.Words(target.ToString()).Any(w => w.Contains("session", StringComparison.Ordinal) || w.Contains("client", StringComparison.Ordinal)))
                            findings.Add(Report(file, assignment.Span, "session.verify = False turns off TLS certificate checks for every request of the session.", Severity.Warning,
                                SourceEdits.Fix("Verify certificates", true, SourceEdits.Replace(file, assignment.Value.Span, "True"))));
                    }
                    break;
            }
        }
        if (findings.Count > 0)
            foreach (var call in disableWarnings)
                findings.Add(Report(file, call.Span, "urllib3.disable_warnings() hides the InsecureRequestWarning of the unverified requests in this module.", Severity.Information));
        return findings;
    }

    /// <summary>
    /// CERT_NONE assigned or passed. Not: a dict key mapping modes (<c>{ssl.CERT_NONE: VERIFY_NONE}</c>), a
    /// comparison (<c>if mode == ssl.CERT_NONE</c>) or one branch of a setting-driven choice
    /// (<c>CERT_NONE if insecure_option else CERT_REQUIRED</c>), which is an explicit opt-in.
    /// </summary>
    private static bool DisablesVerification(AttributeExpressionSyntax certNone) =>
        certNone.Parent switch
        {
            DictEntrySyntax entry => entry.Value == certNone,
            CompareExpressionSyntax or CompareOperandSyntax or ConditionalExpressionSyntax => false,
            _ => true,
        };

    private static bool IsHttpCall(string? name, CallExpressionSyntax call)
    {
        if (name != null && HttpClientRoots.Contains(name.Split('.')[0])) return true;
        return call.Expression is AttributeExpressionSyntax attribute && HttpMethodNames.Contains(attribute.Name);
    }
}
