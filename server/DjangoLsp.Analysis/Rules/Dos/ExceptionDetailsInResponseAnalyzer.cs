using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Rules.Crypto;
using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Rules.Dos;

/// <summary>DJ810: exception text or a traceback sent back to the client.</summary>
public sealed class ExceptionDetailsInResponseAnalyzer : PythonRuleAnalyzer
{
    public static readonly RuleDescriptor Descriptor = new(
        Id: "DJ810",
        Name: "exception-details-in-response",
        DefaultSeverity: Severity.Warning,
        Category: RuleCategory.Other,
        Owasp2021: new[] { "A04:2021" },
        Owasp2025: new[] { "A10:2025" },
        Cwe: new[] { 209 },
        Summary: "Exception text or a traceback is returned to the client.",
        Documentation: """
            ## What it does
            Reports `HttpResponse`, `JsonResponse`, DRF `Response` and other `*Response` constructors whose
            arguments contain `traceback.format_exc()`/`format_exception(...)`/`format_tb(...)`, or — inside an
            `except ... as exc:` block — `str(exc)`, `repr(exc)`, `exc.args`, `exc` itself or an f-string/format
            with it (also through a local variable assigned in the block).

            Not reported: exceptions whose message is meant for users — `ValidationError` (form and serializer
            errors), `PermissionDenied`, `Http404`, `ObjectDoesNotExist`/`DoesNotExist` — and a fixed message.

            ## Why it matters
            Exception messages carry internals: SQL fragments and table names (`IntegrityError`), file paths,
            internal host names and URLs with credentials (`requests` errors), library versions. Tracebacks add
            source lines. This maps the application for an attacker (OWASP 2025 A10, Mishandling of Exceptional
            Conditions) and can leak secrets directly.

            ## Example
            ```python
            except requests.RequestException as exc:
                return JsonResponse({"error": str(exc)}, status=502)
            ```

            ## Fix
            Log the details, return a fixed message:
            ```python
            except requests.RequestException:
                logger.exception("carrier tracking failed")
                return JsonResponse({"error": "Tracking is unavailable, try again later."}, status=502)
            ```
            The quick fix (not applied by fix-all) replaces the exception text with a fixed message.

            ## References
            - Django: [Error reporting](https://docs.djangoproject.com/en/stable/howto/error-reporting/)
            - OWASP: [Error Handling Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Error_Handling_Cheat_Sheet.html)
            - CWE-209: Generation of Error Message Containing Sensitive Information
            """,
        DjangoDocsUrl: "https://docs.djangoproject.com/en/stable/howto/error-reporting/");

    private static readonly HashSet<string> UserFacingExceptions = new(StringComparer.Ordinal)
    {
        "ValidationError", "PermissionDenied", "Http404", "ObjectDoesNotExist", "DoesNotExist", "SuspiciousOperation",
        "ParseError", "NotAuthenticated", "AuthenticationFailed", "NotFound", "MethodNotAllowed", "Throttled", "BadRequest",
    };

    public ExceptionDetailsInResponseAnalyzer() : base(Descriptor)
    {
    }

    private static readonly KeywordGroup Words = SourceKeywords.Register("Response");

    protected override IEnumerable<Finding> Analyze(PythonFile file, CancellationToken cancellationToken)
    {
        // The last name of a callee's qualified name is written in the file (a name, an attribute, an imported name):
        // no "Response" in the text, no response constructor (most of Django's modules).
        if (!Words.AnyIn(file.Document)) yield break;
        foreach (var call in file.Calls())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!IsResponseConstructor(file, call)) continue;
            var exceptName = call.Ancestors().OfType<ExceptClauseSyntax>().FirstOrDefault(IsInternalException)?.NameToken?.Text;
            foreach (var argument in call.ArgumentList.Arguments)
            {
                if (argument.NameToken?.Text is "status" or "content_type" or "headers" or "safe") continue;
                var leak = FindLeak(file, argument.Expression, exceptName, 0);
                if (leak == null) continue;
                var fix = SourceEdits.Fix("Return a fixed error message", false,
                    SourceEdits.Replace(file, leak.Span, "\"An internal error occurred.\""));
                yield return Report(file, leak.Span,
                    $"`{leak}` sends exception details to the client: log them and return a fixed message.", Severity.Warning, fix);
                break;
            }
        }
    }

    private static bool IsResponseConstructor(PythonFile file, CallExpressionSyntax call)
    {
        // The qualified name of `x.attr` ends with `.attr` (or is null): settled without resolving the callee.
        if (call.Expression is AttributeExpressionSyntax { Name: var attribute } && !attribute.EndsWith("Response", StringComparison.Ordinal)) return false;
        var name = file.CalleeName(call);
        if (name == null) return false;
        var last = name[(name.LastIndexOf('.') + 1)..];
        return last.EndsWith("Response", StringComparison.Ordinal) && last.Length > "Response".Length - 1 && char.IsUpper(last[0]) &&
               last is not "StreamingHttpResponse" and not "FileResponse" and not "TemplateResponse" and not "SimpleTemplateResponse";
    }

    private static bool IsInternalException(ExceptClauseSyntax clause)
    {
        if (clause.NameToken == null || clause.Type == null) return clause.NameToken != null;
        var names = clause.Type is CollectionExpressionSyntax tuple ? tuple.Elements : new[] { clause.Type };
        return !names.All(n => n.ToString().Split('.')[^1] is { } last && UserFacingExceptions.Contains(last));
    }

    /// <summary>The sub-expression that carries exception details, or null.</summary>
    private static ExpressionSyntax? FindLeak(PythonFile file, ExpressionSyntax expression, string? exceptName, int depth)
    {
        foreach (var node in expression.DescendantNodesAndSelf())
        {
            switch (node)
            {
                case CallExpressionSyntax call when file.CalleeName(call) is "traceback.format_exc" or "traceback.format_exception" or "traceback.format_tb" or "traceback.format_stack":
                    return call;
                case CallExpressionSyntax { Expression: NameExpressionSyntax { Name: "str" or "repr" } } conversion when exceptName != null &&
                    Syntactic.PositionalArgument(conversion, 0) is NameExpressionSyntax converted && converted.Name == exceptName:
                    return conversion;
                case AttributeExpressionSyntax { Name: "args" or "message" or "strerror" } attribute when exceptName != null &&
                    attribute.Expression is NameExpressionSyntax owner && owner.Name == exceptName:
                    return attribute;
                case NameExpressionSyntax name when exceptName != null && name.Name == exceptName && IsRendered(name):
                    return name;
                case NameExpressionSyntax local when depth < 3 && local.Name != exceptName:
                    foreach (var value in RequestData.LocalAssignments(local))
                        if (FindLeak(file, value, exceptName, depth + 1) != null) return local;
                    break;
            }
        }
        return null;
    }

    /// <summary>The exception object itself becomes text: a dict value, an f-string part, a format argument, the content.</summary>
    private static bool IsRendered(NameExpressionSyntax name) =>
        name.Parent is InterpolationSyntax or DictEntrySyntax or ArgumentSyntax or BinaryExpressionSyntax or CollectionExpressionSyntax;
}
