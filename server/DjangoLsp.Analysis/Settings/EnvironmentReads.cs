using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Settings;

/// <summary>
/// Recognises reads of the process environment in settings: <c>os.environ.get</c>, <c>os.environ[...]</c>,
/// <c>os.getenv</c>, django-environ's <c>env(...)</c>/<c>env.bool(...)</c> and python-decouple's <c>config(...)</c>.
/// The value is unknown; the default (what Django sees when the variable is unset) is kept.
/// </summary>
internal static class EnvironmentReads
{
    private static readonly HashSet<string> GetCallees = new(StringComparer.Ordinal)
    {
        "os.environ.get", "environ.get", "os.getenv", "getenv", "os.environ.setdefault", "environ.setdefault",
    };

    private static readonly HashSet<string> EnvironCasts = new(StringComparer.Ordinal)
    {
        "str", "bool", "int", "float", "list", "tuple", "dict", "json", "url", "db", "db_url", "cache", "cache_url",
        "email", "email_url", "search_url", "path",
    };

    /// <summary>True when <paramref name="call"/> reads the environment; <paramref name="value"/> is the result.</summary>
    public static bool TryRead(CallExpressionSyntax call, Func<ExpressionSyntax, PyValue> evaluate, string path, out PyValue value)
    {
        value = PyValue.Unknown;
        var callee = DottedText(call.Expression);
        if (callee == null) return false;
        var args = call.ArgumentList.Arguments;
        var positional = args.Where(a => !a.IsKeyword && a.StarToken == null).ToList();
        ArgumentSyntax? Keyword(string name) => args.FirstOrDefault(a => a.NameToken?.Text == name);
        if (positional.Count == 0 || positional[0].Expression is not StringLiteralExpressionSyntax { Value: { } name }) return false;

        if (GetCallees.Contains(callee))
        {
            var defaultArg = positional.Count > 1 ? positional[1] : Keyword("default");
            var defaultValue = defaultArg != null ? evaluate(defaultArg.Expression) : PyValue.NoneValue(path, call.Span);
            value = PyValue.Environment(name, defaultValue, path, call.Span);
            return true;
        }

        // django-environ: env("X", default=...), env.bool("X", default=...). decouple: config("X", default=..., cast=bool).
        string? cast = null;
        if (callee is "env" or "config" or "decouple.config" or "environ.Env") { }
        else if (callee.StartsWith("env.", StringComparison.Ordinal) && EnvironCasts.Contains(callee[4..])) cast = callee[4..];
        else return false;

        var keywordDefault = Keyword("default");
        if (callee is "config" or "decouple.config")
        {
            var castArg = Keyword("cast");
            if (castArg?.Expression is NameExpressionSyntax castName) cast = castName.Name;
        }
        PyValue? envDefault = null;
        if (keywordDefault != null) envDefault = Cast(evaluate(keywordDefault.Expression), cast, path);
        else if (callee.StartsWith("env", StringComparison.Ordinal) && positional.Count > 1 && cast != null)
            envDefault = Cast(evaluate(positional[1].Expression), cast, path);
        value = PyValue.Environment(name, envDefault, path, call.Span);
        return true;
    }

    /// <summary>True for <c>os.environ["X"]</c> / <c>environ["X"]</c>; raises KeyError when unset, so no default.</summary>
    public static bool TryReadSubscript(SubscriptExpressionSyntax subscript, string path, out PyValue value)
    {
        value = PyValue.Unknown;
        if (DottedText(subscript.Expression) is not ("os.environ" or "environ")) return false;
        if (subscript.Index is not StringLiteralExpressionSyntax { Value: { } name }) return false;
        value = PyValue.Environment(name, null, path, subscript.Span);
        return true;
    }

    /// <summary>Applies django-environ/decouple casting to a default (string defaults are parsed like the variable would be).</summary>
    private static PyValue Cast(PyValue value, string? cast, string path)
    {
        if (cast == "bool" && value.Kind == PyValueKind.Str)
        {
            var s = value.StrValue!.Trim().ToLowerInvariant();
            if (s is "true" or "1" or "yes" or "y" or "on" or "t") return PyValue.Bool(true, value.Path ?? path, value.Span);
            if (s is "false" or "0" or "no" or "n" or "off" or "f" or "") return PyValue.Bool(false, value.Path ?? path, value.Span);
            return PyValue.Unknown;
        }
        if (cast == "int" && value.Kind == PyValueKind.Str)
            return long.TryParse(value.StrValue, out var n) ? PyValue.Int(n, value.Path, value.Span) : PyValue.Unknown;
        if (cast is "list" or "Csv" && value.Kind == PyValueKind.Str)
        {
            var items = value.StrValue!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(i => PyValue.Str(i, value.Path, value.Span)).ToList();
            return PyValue.Sequence(PyValueKind.List, items, value.Path, value.Span);
        }
        return value;
    }

    /// <summary><c>a.b.c</c> for a chain of names and attributes; null for anything else.</summary>
    public static string? DottedText(ExpressionSyntax expression) => expression switch
    {
        NameExpressionSyntax n => n.Name,
        AttributeExpressionSyntax a when DottedText(a.Expression) is { } left => left + "." + a.Name,
        _ => null,
    };
}
