using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Semantics;

public enum ScopeKind
{
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
}

public enum BindingKind
{
    /// <summary><c>import a.b</c> / <c>import a.b as c</c> / <c>from a import b [as c]</c>.</summary>
    Import,
    /// <summary><c>name = value</c>, augmented and annotated assignment, walrus.</summary>
    Assignment,
    /// <summary>A <c>for</c> loop or comprehension target.</summary>
    LoopTarget,
    /// <summary><c>with expression as name</c>.</summary>
    WithTarget,
    /// <summary><c>except E as name</c>.</summary>
    ExceptTarget,
    Parameter,
    Function,
    Class,
    /// <summary>A capture in a <c>match</c> pattern.</summary>
    PatternCapture,
    /// <summary><c>global name</c> / <c>nonlocal name</c>: the name lives in another scope.</summary>
    Declaration,
}

/// <summary>
/// One place where a name gets a value. <see cref="Value"/> is the expression assigned (for tuple unpacking with
/// matching tuples the matching element; otherwise the whole right-hand side and <see cref="IsPartial"/>).
/// </summary>
public sealed class Binding
{
    internal Binding(string name, BindingKind kind, Scope scope, SyntaxNode node, ExpressionSyntax? value, string? importedName, bool isPartial)
    {
        Name = name;
        Kind = kind;
        Scope = scope;
        Node = node;
        Value = value;
        ImportedName = importedName;
        IsPartial = isPartial;
    }

    public string Name { get; }
    public BindingKind Kind { get; }
    public Scope Scope { get; }

    /// <summary>The node that binds: the target name, the import alias, the def/class, the parameter.</summary>
    public SyntaxNode Node { get; }

    /// <summary>Position of the binding (used to pick the nearest preceding binding of a use).</summary>
    public int Position => Node.Span.Start;

    /// <summary>The assigned expression; for <c>with</c> the context expression; for loops the iterable.</summary>
    public ExpressionSyntax? Value { get; }

    /// <summary>For imports: the fully qualified name bound (<c>django.utils.safestring.mark_safe</c>, <c>os</c> for <c>import os.path</c>).</summary>
    public string? ImportedName { get; }

    /// <summary>True when the name receives only a part of <see cref="Value"/> (unpacking, loop element, augmented assignment).</summary>
    public bool IsPartial { get; }

    public override string ToString() => $"{Kind} {Name}@{Position}";
}

/// <summary>A Python scope: the module, a class body, a function, a lambda or a comprehension.</summary>
public sealed class Scope
{
    private readonly Dictionary<string, List<Binding>> _bindings = new(StringComparer.Ordinal);
    private readonly List<Scope> _children = new();

    internal Scope(ScopeKind kind, SyntaxNode node, Scope? parent)
    {
        Kind = kind;
        Node = node;
        Parent = parent;
        parent?._children.Add(this);
    }

    public ScopeKind Kind { get; }

    /// <summary>The module, class definition, function definition, lambda or comprehension that owns the scope.</summary>
    public SyntaxNode Node { get; }

    public Scope? Parent { get; }
    public IReadOnlyList<Scope> Children => _children;

    /// <summary>Names bound in this scope, each with its bindings in source order.</summary>
    public IReadOnlyDictionary<string, List<Binding>> Bindings => _bindings;

    // Names declared `global` or `nonlocal` here (their bindings go to the outer scope). Rare: created on first use.
    private Dictionary<string, Scope>? _declared;

    /// <summary>The scope that <c>global name</c> / <c>nonlocal name</c> in this scope sends the name's bindings to.</summary>
    internal bool TryGetDeclared(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Scope? declared)
    {
        if (_declared != null) return _declared.TryGetValue(name, out declared);
        declared = null;
        return false;
    }

    internal void Declare(string name, Scope target) => (_declared ??= new Dictionary<string, Scope>(StringComparer.Ordinal))[name] = target;

    public IReadOnlyList<Binding> GetBindings(string name) =>
        _bindings.TryGetValue(name, out var list) ? list : (IReadOnlyList<Binding>)Array.Empty<Binding>();

    internal void Add(Binding binding)
    {
        if (!_bindings.TryGetValue(binding.Name, out var list))
            _bindings[binding.Name] = list = new List<Binding>(1); // most names are bound once
        list.Add(binding);
    }

    public override string ToString() => $"{Kind} scope ({_bindings.Count} names)";
}
