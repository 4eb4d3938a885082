using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Semantics;
using DjangoLsp.Analysis.Taint;
using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Rules.Python;

/// <summary>DJ101: SQL text built from non-constant parts reaches a raw-SQL API (cursor.execute, raw, extra, RawSQL, template=).</summary>
public sealed class SqlInjectionRule : PythonRule
{
    public static readonly RuleDescriptor Descriptor = new(
        Id: "DJ101",
        Name: "sql-built-from-strings",
        DefaultSeverity: Severity.Error,
        Category: RuleCategory.SqlInjection,
        Owasp2021: new[] { RuleDocs.OwaspInjection2021 },
        Owasp2025: new[] { RuleDocs.OwaspInjection2025 },
        Cwe: new[] { 89 },
        Summary: "Raw SQL built with f-strings, %, .format, + or join from non-constant data.",
        Documentation: RuleDocs.Build(
            "Finds raw SQL passed to `cursor.execute()`/`executemany()`, `Manager.raw()`, `QuerySet.extra()`, `RawSQL()` or an expression's `template=` when the SQL text is assembled from non-constant parts with an f-string, `%`, `.format()`, `+` or `join`. Request data reaching the SQL is an error; other non-constant data is a warning.",
            "Text pasted into SQL is interpreted as SQL: a quote in the value ends the string literal and the rest runs as SQL (read or change any table, bypass filters). Django's ORM and the raw-SQL APIs all accept *parameters*, which the database driver sends separately from the SQL text so they can never change its meaning.",
            """
            def search(request):
                q = request.GET.get("q", "")
                with connection.cursor() as cursor:
                    cursor.execute(f"SELECT * FROM shop_product WHERE name = '{q}'")
            """,
            """
            def search(request):
                q = request.GET.get("q", "")
                with connection.cursor() as cursor:
                    cursor.execute("SELECT * FROM shop_product WHERE name = %s", [q])
            # Model.objects.raw(sql, [a]); qs.extra(where=["price <= %s"], params=[x]); RawSQL(sql, (a,))
            # Identifiers (table/column names, ORDER BY targets) cannot be parameters: choose them from a fixed dict.
            """,
            "[Django: Performing raw SQL queries](https://docs.djangoproject.com/en/stable/topics/db/sql/)",
            "[Django: SQL injection protection](https://docs.djangoproject.com/en/stable/topics/security/#sql-injection-protection)",
            RuleDocs.OwaspCheatSheetSql,
            "[CWE-89](https://cwe.mitre.org/data/definitions/89.html)"),
        DjangoDocsUrl: "https://docs.djangoproject.com/en/stable/topics/db/sql/");

    public SqlInjectionRule() : base(Descriptor)
    {
    }

    // Searched for with every other rule's words (one pass per document); helper bodies test them one by one.
    private static readonly KeywordGroup Words = SourceKeywords.Register("execute", "raw", "extra", "RawSQL", "template");
    private static readonly KeywordGroup RawSqlWord = SourceKeywords.Register("RawSQL");
    private static readonly KeywordGroup TemplateWord = SourceKeywords.Register("template");

    protected override KeywordGroup Prefilter => Words;

    protected internal override SinkKind? HelperSinkKind => SinkKind.Sql;

    protected internal override Finding? AnalyzeCall(CallExpressionSyntax call, RuleContext context)
    {
        var words = WordsOf(context);
        var sink = SqlSinks.Find(call, context.Semantics, words.RawSql, words.Template);
        if (sink == null) return null;
        Finding? worst = null;
        foreach (var sql in sink.SqlArguments)
        {
            var how = SqlBuilding.HowBuilt(sql, context.Semantics) ?? BuiltByHelper(sql, context);
            if (how == null) continue;
            var taint = context.Taint.Evaluate(sql, context.CancellationToken);
            var origin = taint.OriginFor(SinkKind.Sql);
            if (origin == TaintOrigin.None) continue;
            var message = $"SQL for {sink.Api} is built with {how} from {Describe(taint, SinkKind.Sql)}; pass the values as query parameters instead.";
            var fixes = SqlParameterizeFix.Create(call, sink, sql, context);
            var finding = Report(context, sql, message, SeverityFor(origin), taint, fixes);
            if (worst == null || finding.Severity < worst.Severity) worst = finding;
        }
        return worst;
    }

    private static readonly object SqlWordsKey = new();

    /// <summary>Whether the module's text mentions <c>RawSQL</c> and <c>template</c> at all; looked up once per module (cached with its taint model).</summary>
    private static SqlWords WordsOf(RuleContext context) =>
        (SqlWords)context.Taint.SummaryCache.GetOrAdd(SqlWordsKey, static (_, document) =>
        {
            return new SqlWords(RawSqlWord.AnyIn(document), TemplateWord.AnyIn(document));
        }, context.Document);

    private sealed record SqlWords(bool RawSql, bool Template);

    /// <summary>
    /// SQL returned by a workspace helper (<c>cursor.execute(build_query(q))</c>, directly or through a local variable)
    /// that builds it from pieces in one of its return statements: "`build_query()`, which builds it with an f-string".
    /// </summary>
    private static string? BuiltByHelper(ExpressionSyntax sql, RuleContext context)
    {
        var expression = sql.Unparenthesize();
        if (expression is NameExpressionSyntax name && context.Semantics.GetReachingBinding(name) is { Kind: BindingKind.Assignment, IsPartial: false, Value: { } value })
            expression = value.Unparenthesize();
        if (expression is not CallExpressionSyntax call || context.Taint.ResolveCallee(call) is not { } target) return null;
        foreach (var @return in target.Function.Body.DescendantNodes(n => n is not (FunctionDefinitionSyntax or LambdaExpressionSyntax or ClassDefinitionSyntax))
                     .OfType<ReturnStatementSyntax>())
        {
            if (@return.Value != null && SqlBuilding.HowBuilt(@return.Value, target.Model.Semantics) is { } how)
                return $"`{target.Function.Name}()`, which builds it with {how}";
        }
        return null;
    }
}

/// <summary>A raw-SQL call and the arguments holding SQL text.</summary>
internal sealed record SqlSink(string Api, SqlApiKind Kind, IReadOnlyList<ExpressionSyntax> SqlArguments);

internal enum SqlApiKind
{
    Execute,
    Raw,
    Extra,
    RawSql,
    Template,
}

internal static class SqlSinks
{
    /// <param name="mayCallRawSql">False when the module's text never mentions <c>RawSQL</c> (no call can resolve to it).</param>
    /// <param name="mayPassTemplate">False when the module's text never mentions <c>template</c> (no call has a <c>template=</c> argument).</param>
    public static SqlSink? Find(CallExpressionSyntax call, PythonSemanticModel model, bool mayCallRawSql = true, bool mayPassTemplate = true)
    {
        var callee = call.Expression.Unparenthesize();
        if (callee is AttributeExpressionSyntax { Name: "execute" or "executemany" } execute && IsCursor(execute.Expression, model.GetCalleeName(call)))
            return Single($"cursor.{execute.Name}()", SqlApiKind.Execute, call);
        if (callee is AttributeExpressionSyntax { Name: "raw" } raw && IsManager(raw.Expression))
            return Single("Manager.raw()", SqlApiKind.Raw, call);
        if (callee is AttributeExpressionSyntax { Name: "extra" })
        {
            var parts = new List<ExpressionSyntax>();
            foreach (var keyword in new[] { "where", "tables", "order_by", "select" })
            {
                var argument = call.GetKeywordArgument(keyword)?.Expression.Unparenthesize();
                if (argument is CollectionExpressionSyntax list) parts.AddRange(list.Elements);
                else if (argument is DictExpressionSyntax dict) parts.AddRange(dict.Items.OfType<DictEntrySyntax>().Select(e => e.Value));
                else if (argument != null) parts.Add(argument);
            }
            return parts.Count == 0 ? null : new SqlSink("QuerySet.extra()", SqlApiKind.Extra, parts);
        }
        // The callee's name is looked up only for the two sinks that need it: most calls are neither (and RawSQL can only
        // be named where the module's text says "RawSQL", if only in an import).
        var template = mayPassTemplate ? call.GetKeywordArgument("template")?.Expression : null;
        if (template == null && !mayCallRawSql) return null;
        var qualified = model.GetCalleeName(call);
        if (qualified != null && (qualified.EndsWith(".RawSQL", StringComparison.Ordinal) || qualified == "RawSQL"))
            return Single("RawSQL()", SqlApiKind.RawSql, call);
        if (template != null && qualified != null && (qualified.StartsWith("django.db.models", StringComparison.Ordinal) || qualified.EndsWith("Func", StringComparison.Ordinal)))
            return new SqlSink("an expression's template=", SqlApiKind.Template, new[] { template });
        return null;
    }

    private static SqlSink? Single(string api, SqlApiKind kind, CallExpressionSyntax call)
    {
        var sql = call.GetArgument(0, kind == SqlApiKind.Execute ? "sql" : kind == SqlApiKind.Raw ? "raw_query" : "sql")?.Expression;
        return sql == null ? null : new SqlSink(api, kind, new[] { sql });
    }

    private static bool IsCursor(ExpressionSyntax receiver, string? qualified)
    {
        if (qualified != null && qualified.Contains("cursor()", StringComparison.Ordinal)) return true;
        var text = receiver.GetDottedText();
        if (text == null) return false;
        var last = text.Split('.')[^1];
        return last.Contains("cursor", StringComparison.OrdinalIgnoreCase) || last is "cur" or "c" or "conn" or "connection";
    }

    private static bool IsManager(ExpressionSyntax receiver)
    {
        var text = receiver.GetDottedText();
        if (text == null) return false;
        var last = text.Split('.')[^1];
        return last is "objects" or "_default_manager" or "_base_manager" || last.EndsWith("manager", StringComparison.OrdinalIgnoreCase);
    }
}
