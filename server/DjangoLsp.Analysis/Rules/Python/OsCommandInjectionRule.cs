using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Taint;

namespace DjangoLsp.Analysis.Rules.Python;

/// <summary>DJ120: a non-constant command string reaches os.system / os.popen (always run by a shell).</summary>
public sealed class OsCommandInjectionRule : TaintSinkRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DJ120", "os-system-with-data", Severity.Error, RuleCategory.CommandInjection,
        new[] { RuleDocs.OwaspInjection2021 }, new[] { RuleDocs.OwaspInjection2025 }, new[] { 78 },
        "os.system / os.popen run a command string built from non-constant data.",
        RuleDocs.Build(
            "Finds `os.system()`, `os.popen()` and the `commands`/`popen2` helpers called with a command that is not a constant. Request data is an error; other non-constant data is a warning.",
            "These functions hand the whole string to `/bin/sh`. Any `;`, `|`, `$(...)` or backtick in the data starts another command on your server (remote code execution).",
            """
            name = request.GET["name"]
            os.system("gzip -kf " + os.path.join(EXPORT_ROOT, name))
            """,
            """
            name = os.path.basename(request.GET["name"])
            subprocess.run(["gzip", "-kf", os.path.join(EXPORT_ROOT, name)], check=True)
            """,
            "[Python: subprocess — security considerations](https://docs.python.org/3/library/subprocess.html#security-considerations)",
            RuleDocs.OwaspCheatSheetCommand,
            "[CWE-78](https://cwe.mitre.org/data/definitions/78.html)"),
        "https://docs.djangoproject.com/en/stable/topics/security/");

    public OsCommandInjectionRule() : base(Descriptor)
    {
    }

    protected override IReadOnlyDictionary<string, (int Position, string? Keyword)> Sinks { get; } = new Dictionary<string, (int, string?)>
    {
        ["os.system"] = (0, "command"),
        ["os.popen"] = (0, "cmd"),
        ["commands.getoutput"] = (0, null),
        ["commands.getstatusoutput"] = (0, null),
        ["subprocess.getoutput"] = (0, "cmd"),
        ["subprocess.getstatusoutput"] = (0, "cmd"),
    };

    protected override SinkKind Kind => SinkKind.Command;
    protected override bool ReportUnknown => true;
    protected override string[] Keywords => new[] { "system", "popen", "getoutput", "getstatusoutput" };

    protected override string Message(string api, TaintValue taint) =>
        $"{api} runs a shell command built from {Describe(taint, SinkKind.Command)}; use subprocess.run with an argument list (no shell).";
}
