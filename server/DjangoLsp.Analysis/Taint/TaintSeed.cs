using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Taint;

/// <summary>
/// How a function is analysed to summarise it: every parameter clean except <see cref="Parameter"/> (an index into
/// the def's parameter list), which holds request data marked as coming from that parameter. <see cref="Parameter"/>
/// −1 is the base run with all parameters clean (what the function returns or sinks on its own).
/// </summary>
internal sealed record TaintSeed(FunctionDefinitionSyntax Function, int Parameter)
{
    public const int Base = -1;

    /// <summary>The marker every trace of a seeded run starts with (the parameter in the helper).</summary>
    public static Engine.RelatedLocation Marker(string path, FunctionDefinitionSyntax function, int parameter)
    {
        var syntax = function.Parameters.Parameters[parameter];
        return new Engine.RelatedLocation(path, syntax.Span, $"parameter `{syntax.NameToken?.Text}` of `{function.Name}()` is request data");
    }
}

/// <summary>
/// What a function returns in terms of its parameters: the return taint with all parameters clean
/// (<see cref="Base"/>: e.g. request data read by <c>get_next(request)</c>), and per parameter the return taint when
/// only that parameter holds request data (which sink kinds survive the function's sanitizers).
/// </summary>
internal sealed class ReturnSummary
{
    private readonly Func<int, TaintValue> _compute;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, TaintValue> _parameters = new();

    public ReturnSummary(TaintValue @base, Func<int, TaintValue> compute)
    {
        Base = @base;
        _compute = compute;
    }

    public TaintValue Base { get; }

    /// <summary>The return taint when only parameter <paramref name="index"/> holds request data; computed on first use (one seeded run).</summary>
    public TaintValue Parameter(int index) => _parameters.GetOrAdd(index, _compute);
}

/// <summary>
/// A call's target inside the workspace: the function, the taint model of its module, and how many leading
/// parameters the call does not pass explicitly (1 for <c>self.method(...)</c>).
/// </summary>
internal sealed record CallTarget(PythonTaintModel Model, FunctionDefinitionSyntax Function, int ImplicitParameters, bool IsVirtual = false)
{
    /// <summary>Pairs each argument of <paramref name="call"/> with the index of the parameter it binds (−1 when not known: <c>*args</c>, <c>**kw</c>).</summary>
    public IEnumerable<(ArgumentSyntax Argument, int Parameter)> Bind(CallExpressionSyntax call)
    {
        var parameters = Function.Parameters.Parameters;
        var position = ImplicitParameters;
        foreach (var argument in call.ArgumentList.Arguments)
        {
            if (argument.StarToken != null)
            {
                yield return (argument, -1);
                continue;
            }
            if (argument.IsKeyword)
            {
                var index = -1;
                for (var i = 0; i < parameters.Count; i++)
                    if (parameters[i].StarToken == null && parameters[i].NameToken?.Text == argument.NameToken!.Text) index = i;
                yield return (argument, index);
                continue;
            }
            // Positional: the next named positional parameter, or the *args collector.
            while (position < parameters.Count && parameters[position].NameToken == null) position++;
            if (position >= parameters.Count) yield return (argument, -1);
            else if (parameters[position].StarToken != null) yield return (argument, parameters[position].StarToken!.Text == "*" ? position : -1);
            else yield return (argument, position++);
        }
    }

    public string Describe() => $"`{Function.Name}()` ({System.IO.Path.GetFileName(Model.Path)}:{Model.LineOf(Function)})";
}

/// <summary>
/// Bounds inter-procedural work per thread: summaries nest at most <see cref="MaxDepth"/> calls deep and a function
/// already being summarised on this thread (recursion, cycles between helpers) is cut (treated as unknown).
/// </summary>
internal static class InterproceduralGuard
{
    public const int MaxDepth = 4;
    [ThreadStatic] private static List<object>? _active;

    public static bool TryEnter(object key)
    {
        _active ??= new List<object>();
        if (_active.Count >= MaxDepth || _active.Contains(key)) return false;
        _active.Add(key);
        return true;
    }

    public static void Exit(object key) => _active?.Remove(key);
}
