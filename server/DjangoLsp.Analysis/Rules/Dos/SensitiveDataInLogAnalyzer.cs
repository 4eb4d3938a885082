using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Rules.Crypto;
using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Rules.Dos;

/// <summary>DJ820: passwords, tokens or whole request bodies written to logs.</summary>
public sealed class SensitiveDataInLogAnalyzer : PythonRuleAnalyzer
{
    public static readonly RuleDescriptor Descriptor = new(
        Id: "DJ820",
        Name: "sensitive-data-in-log",
        DefaultSeverity: Severity.Warning,
        Category: RuleCategory.Other,
        Owasp2021: new[] { "A09:2021" },
        Owasp2025: new[] { "A09:2025" },
        Cwe: new[] { 532 },
        Summary: "A password, token or the whole request.POST/body/data is written to a log.",
        Documentation: """
            ## What it does
            Reports logging calls (`logger.info/debug/warning/error/exception/critical/log`, `logging.info(...)`,
            `print(...)` is not included) whose arguments contain
            - a whole request container: `request.POST`, `request.body`, `request.data`, `request.META`,
              `request.COOKIES`, `request.headers`, `request.GET` (they hold passwords, session ids and tokens), or
            - a value named like a password, token, secret or API key (`password`, `form.cleaned_data["password"]`,
              `api_key`), as an argument, in an f-string, `%`-formatting, `.format()` or concatenation.

            Not reported: single harmless fields (`request.POST.get("username")`, `request.user.username`), lengths
            and booleans (`len(password)`, `bool(token)`), and names whose head word is not secret (`token_type`).

            ## Why it matters
            Logs are copied to log aggregators, support tickets and backups, read by many more people than the
            database, and are rarely encrypted or purged. A password in a log is a password disclosed; and a
            "failed login" log with the attempted password often contains the user's *real* password for another site.

            ## Example
            ```python
            logger.info("login attempt: %s", request.POST)
            logger.warning("failed login for %s with password %s", username, password)
            ```

            ## Fix
            ```python
            logger.info("login attempt for %s", request.POST.get("username", ""))
            logger.warning("failed login for %s", username)
            ```
            For Django's error e-mails, mark views with `@sensitive_post_parameters()` / `@sensitive_variables()`.
            No automatic fix is offered.

            ## References
            - Django: [Filtering error reports (`sensitive_post_parameters`)](https://docs.djangoproject.com/en/stable/howto/error-reporting/#filtering-error-reports)
            - OWASP: [Logging Cheat Sheet — data to exclude](https://cheatsheetseries.owasp.org/cheatsheets/Logging_Cheat_Sheet.html#data-to-exclude)
            - CWE-532: Insertion of Sensitive Information into Log File
            """,
        DjangoDocsUrl: "https://docs.djangoproject.com/en/stable/howto/error-reporting/#filtering-error-reports");

    private static readonly HashSet<string> LogMethods = new(StringComparer.Ordinal)
    {
        "debug", "info", "warning", "warn", "error", "exception", "critical", "fatal", "log",
    };

    public SensitiveDataInLogAnalyzer() : base(Descriptor)
    {
    }

    protected override IEnumerable<Finding> Analyze(PythonFile file, CancellationToken cancellationToken)
    {
        foreach (var call in file.Calls())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!IsLogCall(file, call)) continue;
            foreach (var argument in call.ArgumentList.Arguments)
            {
                if (argument.NameToken?.Text is "exc_info" or "stack_info" or "stacklevel") continue;
                var (leak, what) = FindSensitive(argument.Expression);
                if (leak == null) continue;
                yield return Report(file, leak.Span, $"{what} written to a log: logs are widely readable and long-lived; log an identifier instead.",
                    Severity.Warning);
                break;
            }
        }
    }

    private static bool IsLogCall(PythonFile file, CallExpressionSyntax call)
    {
        if (call.Expression is not AttributeExpressionSyntax { } method || !LogMethods.Contains(method.Name)) return false;
        if (file.QualifiedName(method.Expression) is "logging") return true;
        var receiver = method.Expression switch
        {
            NameExpressionSyntax n => n.Name,
            AttributeExpressionSyntax a => a.Name,
            CallExpressionSyntax c when file.CalleeName(c) is "logging.getLogger" => "logger",
            _ => null,
        };
        return receiver != null && SecretNames.Words(receiver).Any(w => w is "log" or "logger" or "logging");
    }

    private static (ExpressionSyntax? Node, string What) FindSensitive(ExpressionSyntax expression)
    {
        switch (expression)
        {
            case ExpressionSyntax e when RequestData.IsRequestContainer(e):
                return (e, $"The whole `{e}`");
            case NameExpressionSyntax or AttributeExpressionSyntax or SubscriptExpressionSyntax:
                var head = SecretNames.HeadIdentifier(expression);
                if (head != null && IsSecretForLogs(head)) return (expression, $"`{expression}`");
                return (null, "");
            case CallExpressionSyntax call:
                // request.POST.get("password"), str(password), password.encode(): the value is kept.
                if (call.Expression is AttributeExpressionSyntax { Name: "get" or "getlist" or "pop" } &&
                    SecretNames.HeadIdentifier(call) is { } key && IsSecretForLogs(key))
                    return (call, $"`{call}`");
                if (call.Expression is NameExpressionSyntax { Name: "str" or "repr" or "dict" } || call.Expression is AttributeExpressionSyntax { Name: "format" or "dict" or "copy" or "decode" or "items" })
                {
                    if (call.Expression is AttributeExpressionSyntax { Name: "dict" or "copy" or "decode" or "items" } owner && RequestData.IsRequestContainer(owner.Expression))
                        return (call, $"The whole `{owner.Expression}`");
                    foreach (var argument in call.ArgumentList.Arguments)
                        if (FindSensitive(argument.Expression) is { Node: not null } found) return found;
                    if (call.Expression is AttributeExpressionSyntax { Name: "format" } format) return FindSensitive(format.Expression);
                }
                if (IsJsonDumps(call)) foreach (var argument in call.ArgumentList.Arguments)
                    if (FindSensitive(argument.Expression) is { Node: not null } found) return found;
                return (null, "");
            case StringLiteralExpressionSyntax literal when literal.IsFormatted:
                foreach (var interpolation in literal.DescendantNodes().OfType<InterpolationSyntax>())
                    if (FindSensitive(interpolation.Expression) is { Node: not null } found) return found;
                return (null, "");
            case FStringExpressionSyntax fstring:
                foreach (var interpolation in fstring.DescendantNodes().OfType<InterpolationSyntax>())
                    if (FindSensitive(interpolation.Expression) is { Node: not null } found) return found;
                return (null, "");
            case BinaryExpressionSyntax binary:
                return FindSensitive(binary.Left) is { Node: not null } left ? left : FindSensitive(binary.Right);
            case CollectionExpressionSyntax collection:
                foreach (var element in collection.Elements)
                    if (FindSensitive(element) is { Node: not null } found) return found;
                return (null, "");
            case DictExpressionSyntax dict:
                foreach (var entry in dict.Items.OfType<DictEntrySyntax>())
                    if (FindSensitive(entry.Value) is { Node: not null } found) return found;
                return (null, "");
            case ParenthesizedExpressionSyntax parenthesized:
                return FindSensitive(parenthesized.Expression);
            default:
                return (null, "");
        }

        static bool IsJsonDumps(CallExpressionSyntax c) => c.Expression is AttributeExpressionSyntax { Name: "dumps", Expression: NameExpressionSyntax { Name: "json" } };
    }

    /// <summary>Secrets worth keeping out of logs; signatures and digests are public-ish and useful to debug.</summary>
    private static bool IsSecretForLogs(string name)
    {
        if (!SecretNames.IsSecretName(name)) return false;
        var head = SecretNames.Words(name)[^1];
        return head is not ("digest" or "signature" or "sig" or "mac" or "hmac" or "salt" or "nonce" or "csrf");
    }
}
