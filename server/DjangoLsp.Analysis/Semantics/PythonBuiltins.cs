namespace DjangoLsp.Analysis.Semantics;

/// <summary>Names of Python's builtins that rules care about (an unbound use resolves to <c>builtins.name</c>).</summary>
internal static class PythonBuiltins
{
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
    {
        "abs", "all", "any", "ascii", "bin", "bool", "bytearray", "bytes", "callable", "chr", "compile", "complex",
        "dict", "dir", "divmod", "enumerate", "eval", "exec", "filter", "float", "format", "frozenset", "getattr",
        "globals", "hasattr", "hash", "hex", "id", "input", "int", "isinstance", "issubclass", "iter", "len", "list",
        "locals", "map", "max", "min", "next", "object", "oct", "open", "ord", "pow", "print", "range", "repr",
        "reversed", "round", "set", "setattr", "slice", "sorted", "str", "sum", "super", "tuple", "type", "vars",
        "zip", "__import__", "breakpoint", "memoryview", "property", "staticmethod", "classmethod",
    };

    // "builtins." + name for each, made once: unbound uses of len/str/isinstance are most of a module's calls, and
    // the concatenation allocated one string per call site.
    private static readonly Dictionary<string, string> QualifiedNames = Names.ToDictionary(n => n, n => "builtins." + n, StringComparer.Ordinal);

    /// <summary><c>builtins.name</c> for a builtin's name, else null.</summary>
    public static string? Qualify(string name) => QualifiedNames.GetValueOrDefault(name);
}
