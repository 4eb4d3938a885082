using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Semantics;
using DjangoLsp.Analysis.Taint;
using DjangoLsp.Python.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Rules.Python;

/// <summary>DJ121: subprocess with shell=True and a non-constant command.</summary>
public sealed class SubprocessShellRule : TaintSinkRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DJ121", "subprocess-shell-with-data", Severity.Error, RuleCategory.CommandInjection,
        new[] { RuleDocs.OwaspInjection2021 }, new[] { RuleDocs.OwaspInjection2025 }, new[] { 78 },
        "subprocess called with shell=True and a command built from non-constant data.",
        RuleDocs.Build(
            "Finds `subprocess.run/call/check_call/check_output/Popen` with `shell=True` whose command is not a constant. Request data is an error; other non-constant data is a warning.",
            "With `shell=True` the command string is parsed by `/bin/sh`: shell metacharacters in the data run extra commands. Without a shell, an argument list is passed to the program as-is.",
            """
            size = request.POST["size"]
            subprocess.run(f"convert {src} -resize {size} {dst}", shell=True, check=True)
            """,
            """
            size = SIZES.get(request.POST["size"], "400x400")
            subprocess.run(["convert", src, "-resize", size, dst], check=True)
            """,
            "[Python: subprocess — security considerations](https://docs.python.org/3/library/subprocess.html#security-considerations)",
            RuleDocs.OwaspCheatSheetCommand,
            "[CWE-78](https://cwe.mitre.org/data/definitions/78.html)"),
        "https://docs.djangoproject.com/en/stable/topics/security/");

    public SubprocessShellRule() : base(Descriptor)
    {
    }

    protected override IReadOnlyDictionary<string, (int Position, string? Keyword)> Sinks { get; } = new Dictionary<string, (int, string?)>
    {
        ["subprocess.run"] = (0, "args"),
        ["subprocess.call"] = (0, "args"),
        ["subprocess.check_call"] = (0, "args"),
        ["subprocess.check_output"] = (0, "args"),
        ["subprocess.Popen"] = (0, "args"),
        ["asyncio.create_subprocess_shell"] = (0, "cmd"),
    };

    protected override SinkKind Kind => SinkKind.Command;
    protected override bool ReportUnknown => true;
    protected override string[] Keywords => new[] { "shell", "create_subprocess_shell" };

    protected override bool IsDangerous(CallExpressionSyntax call, RuleContext context) =>
        IsTrue(call.GetKeywordArgument("shell")?.Expression) || context.Semantics.GetCalleeName(call) == "asyncio.create_subprocess_shell";

    protected override string Message(string api, TaintValue taint) =>
        $"{api} with shell=True runs a command built from {Describe(taint, SinkKind.Command)}; pass an argument list without a shell.";

    /// <summary>An f-string of plain words becomes an argument list without shell (review: word splitting may differ).</summary>
    protected override IReadOnlyList<CodeFix> Fixes(CallExpressionSyntax call, ExpressionSyntax argument, RuleContext context)
    {
        if (argument.Unparenthesize() is not StringLiteralExpressionSyntax { IsFormatted: true } literal || literal.Parts.Count != 1
            || literal.Parts[0] is not FStringExpressionSyntax fstring) return Array.Empty<CodeFix>();
        var shell = call.GetKeywordArgument("shell");
        if (shell == null) return Array.Empty<CodeFix>();
        // Each word is a list of literal text (StringBuilder) and interpolations.
        var words = new List<List<object>> { new() };
        foreach (var part in fstring.Parts)
        {
            if (part is InterpolationSyntax i)
            {
                if (i.FormatSpecParts.Count > 0 || i.ConversionToken != null || i.EqualsToken != null) return Array.Empty<CodeFix>();
                words[^1].Add(i);
                continue;
            }
            var text = ((SyntaxToken)part).Text;
            if (text.IndexOfAny("'\"\\|&;<>$`*?()[]{}~#\t\n".ToCharArray()) >= 0) return Array.Empty<CodeFix>();
            foreach (var c in text)
            {
                if (c == ' ') { if (words[^1].Count > 0) words.Add(new()); continue; }
                if (words[^1].LastOrDefault() is System.Text.StringBuilder run) run.Append(c);
                else words[^1].Add(new System.Text.StringBuilder().Append(c));
            }
        }
        var items = words.Where(w => w.Count > 0).Select(w =>
        {
            if (w.Count == 1 && w[0] is InterpolationSyntax single) return single.Expression.ToString();
            if (w.All(p => p is System.Text.StringBuilder)) return "\"" + string.Concat(w) + "\"";
            return "f\"" + string.Concat(w.Select(p => p is InterpolationSyntax i ? "{" + i.Expression + "}" : p.ToString())) + "\"";
        }).ToList();
        if (items.Count == 0) return Array.Empty<CodeFix>();
        var edits = new List<DocumentEdit>
        {
            new(context.Document.Path, new TextChange(argument.Span, "[" + string.Join(", ", items) + "]")),
            new(context.Document.Path, new TextChange(shell.Expression.Span, "False")),
        };
        return new[] { new CodeFix("Pass an argument list without a shell (review: the command is split on spaces)", edits, SafeForFixAll: false) };
    }
}
