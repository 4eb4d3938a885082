namespace DjangoLsp.Analysis.Engine;

/// <summary>
/// The fixed one-word category vocabulary. Downstream tools group findings by it, so values never change
/// and no other value may be used.
/// </summary>
public static class RuleCategory
{
    public const string SqlInjection = "sql-injection";
    public const string XssTemplate = "xss-template";
    public const string XssPython = "xss-python";
    public const string OpenRedirect = "open-redirect";
    public const string Csrf = "csrf";
    public const string Clickjacking = "clickjacking";
    public const string CommandInjection = "command-injection";
    public const string CodeInjection = "code-injection";
    public const string Deserialization = "deserialization";
    public const string Ssrf = "ssrf";
    public const string PathTraversal = "path-traversal";
    public const string WeakCrypto = "weak-crypto";
    public const string WeakRandom = "weak-random";
    public const string TimingCompare = "timing-compare";
    public const string HardcodedSecret = "hardcoded-secret";
    public const string TlsVerifyOff = "tls-verify-off";
    public const string SettingsMisconfig = "settings-misconfig";
    public const string VulnerableDependency = "vulnerable-dependency";
    public const string AccessControl = "access-control";
    public const string Dos = "dos";
    public const string Other = "other";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        SqlInjection, XssTemplate, XssPython, OpenRedirect, Csrf, Clickjacking, CommandInjection, CodeInjection,
        Deserialization, Ssrf, PathTraversal, WeakCrypto, WeakRandom, TimingCompare, HardcodedSecret, TlsVerifyOff,
        SettingsMisconfig, VulnerableDependency, AccessControl, Dos, Other,
    };
}
