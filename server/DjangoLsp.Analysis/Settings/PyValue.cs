using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Settings;

/// <summary>What kind of value the static evaluator found for an expression.</summary>
public enum PyValueKind
{
    /// <summary>Could not be decided statically (a function call, a branch, a name from an unresolved import).</summary>
    Unknown,
    None,
    Bool,
    Int,
    Float,
    Str,
    List,
    Tuple,
    Set,
    Dict,
    /// <summary>Read from the process environment; <see cref="PyValue.EnvDefault"/> is used when the variable is unset.</summary>
    Environment,
}

/// <summary>
/// A statically evaluated Python value with the place that produced it. Lists keep each element's own
/// location so a fix can insert next to an existing element (e.g. a middleware line).
/// </summary>
public sealed class PyValue
{
    private PyValue(PyValueKind kind) => Kind = kind;

    public PyValueKind Kind { get; private init; }
    public bool BoolValue { get; private init; }
    public long IntValue { get; private init; }
    public double FloatValue { get; private init; }
    public string? StrValue { get; private init; }
    public IReadOnlyList<PyValue> Items { get; private init; } = Array.Empty<PyValue>();
    public IReadOnlyList<KeyValuePair<PyValue, PyValue>> Entries { get; private init; } = Array.Empty<KeyValuePair<PyValue, PyValue>>();

    /// <summary>The environment variable read (for <see cref="PyValueKind.Environment"/>).</summary>
    public string? EnvName { get; private init; }
    /// <summary>The value used when the environment variable is unset; null when reading it fails without one.</summary>
    public PyValue? EnvDefault { get; private init; }

    /// <summary>File and span of the expression that produced this value; null for synthesised values.</summary>
    public string? Path { get; private init; }
    public TextSpan Span { get; private init; }

    public static readonly PyValue Unknown = new(PyValueKind.Unknown);

    public static PyValue NoneValue(string? path = null, TextSpan span = default) => new(PyValueKind.None) { Path = path, Span = span };
    public static PyValue Bool(bool value, string? path = null, TextSpan span = default) => new(PyValueKind.Bool) { BoolValue = value, Path = path, Span = span };
    public static PyValue Int(long value, string? path = null, TextSpan span = default) => new(PyValueKind.Int) { IntValue = value, Path = path, Span = span };
    public static PyValue Float(double value, string? path = null, TextSpan span = default) => new(PyValueKind.Float) { FloatValue = value, Path = path, Span = span };
    public static PyValue Str(string value, string? path = null, TextSpan span = default) => new(PyValueKind.Str) { StrValue = value, Path = path, Span = span };

    public static PyValue Sequence(PyValueKind kind, IReadOnlyList<PyValue> items, string? path = null, TextSpan span = default) =>
        new(kind) { Items = items, Path = path, Span = span };

    public static PyValue Dict(IReadOnlyList<KeyValuePair<PyValue, PyValue>> entries, string? path = null, TextSpan span = default) =>
        new(PyValueKind.Dict) { Entries = entries, Path = path, Span = span };

    public static PyValue Environment(string name, PyValue? defaultValue, string? path = null, TextSpan span = default) =>
        new(PyValueKind.Environment) { EnvName = name, EnvDefault = defaultValue, Path = path, Span = span };

    public bool IsKnown => Kind is not (PyValueKind.Unknown or PyValueKind.Environment);
    public bool IsSequence => Kind is PyValueKind.List or PyValueKind.Tuple or PyValueKind.Set;

    /// <summary>
    /// The value Django would see when the environment does not set the variables read here: the default for an
    /// environment read, <see cref="Unknown"/> when there is none. Checks use this (it is also what
    /// <c>manage.py check --deploy</c> sees on a machine without the variables).
    /// </summary>
    public PyValue Effective => Kind == PyValueKind.Environment ? EnvDefault?.Effective ?? Unknown : this;

    /// <summary>Python truthiness; null when unknown.</summary>
    public bool? Truthy => Effective switch
    {
        { Kind: PyValueKind.None } => false,
        { Kind: PyValueKind.Bool } v => v.BoolValue,
        { Kind: PyValueKind.Int } v => v.IntValue != 0,
        { Kind: PyValueKind.Float } v => v.FloatValue != 0,
        { Kind: PyValueKind.Str } v => v.StrValue!.Length > 0,
        { Kind: PyValueKind.List or PyValueKind.Tuple or PyValueKind.Set } v => v.Items.Count > 0,
        { Kind: PyValueKind.Dict } v => v.Entries.Count > 0,
        _ => null,
    };

    /// <summary>True when the effective value is Python's <c>True</c> exactly (Django's <c>is True</c> checks).</summary>
    public bool? IsTrueSingleton => Effective.Kind switch
    {
        PyValueKind.Unknown => null,
        PyValueKind.Bool => Effective.BoolValue,
        _ => false,
    };

    /// <summary>The effective string elements of a sequence, or null if the value or any element is unknown.</summary>
    public IReadOnlyList<string>? StringItems
    {
        get
        {
            var e = Effective;
            if (!e.IsSequence) return null;
            var result = new List<string>(e.Items.Count);
            foreach (var item in e.Items)
            {
                if (item.Effective.Kind != PyValueKind.Str) return null;
                result.Add(item.Effective.StrValue!);
            }
            return result;
        }
    }

    /// <summary>Python equality of two known values; null when either is unknown.</summary>
    public static bool? PyEquals(PyValue a, PyValue b)
    {
        a = a.Effective;
        b = b.Effective;
        if (!a.IsKnown || !b.IsKnown) return null;
        if (IsNumeric(a) && IsNumeric(b)) return AsDouble(a) == AsDouble(b);
        if (a.Kind != b.Kind) return a.IsSequence && b.IsSequence ? false : false;
        switch (a.Kind)
        {
            case PyValueKind.None: return true;
            case PyValueKind.Str: return a.StrValue == b.StrValue;
            case PyValueKind.List or PyValueKind.Tuple or PyValueKind.Set:
                if (a.Items.Count != b.Items.Count) return false;
                for (var i = 0; i < a.Items.Count; i++)
                {
                    var eq = PyEquals(a.Items[i], b.Items[i]);
                    if (eq != true) return eq;
                }
                return true;
            default: return null;
        }
    }

    private static bool IsNumeric(PyValue v) => v.Kind is PyValueKind.Bool or PyValueKind.Int or PyValueKind.Float;

    private static double AsDouble(PyValue v) => v.Kind switch
    {
        PyValueKind.Bool => v.BoolValue ? 1 : 0,
        PyValueKind.Int => v.IntValue,
        _ => v.FloatValue,
    };

    /// <summary>The same value, located elsewhere (e.g. the default of an environment read keeps its own span).</summary>
    public PyValue WithLocation(string? path, TextSpan span) => new(Kind)
    {
        BoolValue = BoolValue, IntValue = IntValue, FloatValue = FloatValue, StrValue = StrValue, Items = Items,
        Entries = Entries, EnvName = EnvName, EnvDefault = EnvDefault, Path = path, Span = span,
    };

    public override string ToString() => Kind switch
    {
        PyValueKind.None => "None",
        PyValueKind.Bool => BoolValue ? "True" : "False",
        PyValueKind.Int => IntValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
        PyValueKind.Float => FloatValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
        PyValueKind.Str => "'" + StrValue + "'",
        PyValueKind.List => "[" + string.Join(", ", Items) + "]",
        PyValueKind.Tuple => "(" + string.Join(", ", Items) + (Items.Count == 1 ? ",)" : ")"),
        PyValueKind.Set => "{" + string.Join(", ", Items) + "}",
        PyValueKind.Dict => "{" + string.Join(", ", Entries.Select(e => e.Key + ": " + e.Value)) + "}",
        PyValueKind.Environment => $"env({EnvName}, default={EnvDefault?.ToString() ?? "<none>"})",
        _ => "<unknown>",
    };
}
