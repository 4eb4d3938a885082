using System.Collections.Concurrent;
using DjangoLsp.Analysis.Syntax;
using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Semantics;

/// <summary>
/// What a Python module means, as far as it can be known without running it: scopes and bindings, import
/// aliases, the fully qualified name an expression refers to, constant strings, and control-flow graphs.
/// Immutable after construction except for lazily built, thread-safe caches. Get it with
/// <c>document.GetPythonSemantics(ct)</c>.
/// </summary>
public sealed class PythonSemanticModel
{
    private const int MaxResolveDepth = 12;
    private readonly Dictionary<SyntaxNode, Scope> _scopes;
    private readonly ConcurrentDictionary<SyntaxNode, ControlFlowGraph> _graphs = new(ReferenceEqualityComparer.Instance);
    private readonly ConstantFolder _folder;
    // Many rules ask for the same callee names (every rule walks every call): resolve each expression once.
    private readonly ConcurrentDictionary<ExpressionSyntax, string?> _qualifiedNames = new(NodeKeyComparer.Instance);
    private IReadOnlyList<FunctionDefinitionSyntax>? _functions;

    private readonly IReadOnlyList<Binding> _imports;

    private PythonSemanticModel(PythonSyntaxTree tree, Scope module, Dictionary<SyntaxNode, Scope> scopes, IReadOnlyList<Binding> imports)
    {
        Tree = tree;
        ModuleScope = module;
        _scopes = scopes;
        _imports = imports;
        _folder = new ConstantFolder(this);
    }

    public static PythonSemanticModel Create(PythonSyntaxTree tree, CancellationToken cancellationToken = default) =>
        Create(tree, PythonNodeIndex.Build(tree, cancellationToken), cancellationToken);

    /// <summary>The model of <paramref name="tree"/>, reusing its already built node index (<c>document.GetPythonNodes()</c>).</summary>
    public static PythonSemanticModel Create(PythonSyntaxTree tree, PythonNodeIndex nodes, CancellationToken cancellationToken = default)
    {
        var (module, scopes, imports) = ScopeBuilder.Build(tree.Root, nodes, cancellationToken);
        return new PythonSemanticModel(tree, module, scopes, imports);
    }

    public PythonSyntaxTree Tree { get; }
    public Scope ModuleScope { get; }

    /// <summary>Every function definition (methods and nested functions included), in source order.</summary>
    /// <remarks>Listed on first use: one rule asks for it, and only in some files.</remarks>
    public IReadOnlyList<FunctionDefinitionSyntax> Functions =>
        Volatile.Read(ref _functions) ?? Interlocked.CompareExchange(ref _functions, ListFunctions(), null) ?? _functions!;

    private List<FunctionDefinitionSyntax> ListFunctions() => _scopes.Keys.OfType<FunctionDefinitionSyntax>().OrderBy(f => f.Span.Start).ToList();

    /// <summary>The scope that owns a scope-creating node (module, class, def, lambda, comprehension), or null.</summary>
    public Scope? GetScopeOfDefinition(SyntaxNode node) => _scopes.GetValueOrDefault(node);

    /// <summary>The innermost scope in which <paramref name="node"/> is evaluated.</summary>
    public Scope GetScope(SyntaxNode node)
    {
        SyntaxNode? child = node;
        for (var current = node; current != null; child = current, current = current.Parent)
        {
            // Only these own scopes: testing the type first spares hashing every ancestor (an object's first
            // hash code is written into its header, a slow path that showed up in profiles).
            if (current is not (ModuleSyntax or FunctionDefinitionSyntax or ClassDefinitionSyntax or LambdaExpressionSyntax
                    or ComprehensionExpressionSyntax)
                || !_scopes.TryGetValue(current, out var scope)) continue;
            if (current == node && node is not ModuleSyntax) continue;   // a def/class/lambda itself lives outside
            var inside = current switch
            {
                FunctionDefinitionSyntax f => child == f.Body || child == f.Parameters,
                ClassDefinitionSyntax c => child == c.Body,
                LambdaExpressionSyntax l => child == l.Body,
                ComprehensionExpressionSyntax comprehension => !IsInFirstIterable(comprehension, node),
                _ => true,
            };
            if (inside) return scope;
        }
        return ModuleScope;
    }

    /// <summary>The first iterable of a comprehension is evaluated in the enclosing scope.</summary>
    private static bool IsInFirstIterable(ComprehensionExpressionSyntax comprehension, SyntaxNode node)
    {
        var first = comprehension.Clauses.OfType<ComprehensionForSyntax>().FirstOrDefault();
        return first != null && first.Iterable.FullSpan.Contains(node.Span);
    }

    /// <summary>
    /// The scope a name used at <paramref name="at"/> resolves in (Python's LEGB rule: class bodies are not
    /// visible from nested functions), and that scope's bindings of the name; empty for builtins/unknown names.
    /// </summary>
    public IReadOnlyList<Binding> LookupBindings(string name, SyntaxNode at) => LookupBindings(name, GetScope(at));

    private static IReadOnlyList<Binding> LookupBindings(string name, Scope scope)
    {
        var first = true;
        for (var current = scope; current != null; current = current.Parent)
        {
            if (!first && current.Kind == ScopeKind.Class) continue;
            first = false;
            if (current.TryGetDeclared(name, out var declared))
                return declared.GetBindings(name).Where(b => b.Kind != BindingKind.Declaration).ToList();
            var bindings = current.GetBindings(name);
            if (bindings.Count > 0) return bindings;
        }
        return Array.Empty<Binding>();
    }

    /// <summary>
    /// The binding a use of a name most likely sees: in the same scope the nearest binding before the use
    /// (not counting an assignment whose value contains the use); otherwise (loops, outer scopes) the last one.
    /// </summary>
    public Binding? GetReachingBinding(NameExpressionSyntax name)
    {
        var scope = GetScope(name);
        var bindings = LookupBindings(name.Name, scope);
        if (bindings.Count == 0) return null;
        var position = name.Span.Start;
        Binding? best = null;
        if (bindings[0].Scope == scope)
        {
            foreach (var binding in bindings)
            {
                if (binding.Position > position) continue;
                if (binding.Node == name) return binding;
                if (binding.Value != null && binding.Value.Span.Contains(name.Span) && binding.Kind != BindingKind.Parameter) continue;
                if (best == null || binding.Position >= best.Position) best = binding;
            }
        }
        return best ?? bindings[^1];
    }

    /// <summary>
    /// The fully qualified name <paramref name="expression"/> refers to, following imports and local aliases:
    /// <c>ms</c> after <c>from django.utils.safestring import mark_safe as ms</c> → <c>django.utils.safestring.mark_safe</c>.
    /// A call's result is written with <c>()</c> and a subscript with <c>[]</c>, so <c>cursor.execute</c> after
    /// <c>cursor = connection.cursor()</c> (or <c>with connection.cursor() as cursor</c>) is
    /// <c>django.db.connection.cursor().execute</c>. Builtins resolve to <c>builtins.name</c>. Null for names
    /// bound to parameters, locally defined functions and classes, and values that are not imports.
    /// </summary>
    public string? GetQualifiedName(ExpressionSyntax? expression) =>
        expression == null ? null
        // TryGetValue first: GetOrAdd with a lambda over `this` allocated a delegate on every call, hits included.
        : _qualifiedNames.TryGetValue(expression, out var known) ? known
        : _qualifiedNames.GetOrAdd(expression, Resolve(expression, 0));

    /// <summary><see cref="GetQualifiedName"/> of the called expression.</summary>
    public string? GetCalleeName(CallExpressionSyntax call) => GetQualifiedName(call.Expression);

    private string? Resolve(ExpressionSyntax? expression, int depth)
    {
        if (expression == null || depth > MaxResolveDepth) return null;
        switch (expression)
        {
            case NameExpressionSyntax name:
                {
                    var binding = GetReachingBinding(name);
                    if (binding == null)
                        return PythonBuiltins.Qualify(name.Name) ?? name.Name;
                    return binding.Kind switch
                    {
                        BindingKind.Import => binding.ImportedName,
                        BindingKind.Assignment or BindingKind.WithTarget when !binding.IsPartial && binding.Value != null => Resolve(binding.Value, depth + 1),
                        _ => null,
                    };
                }
            case AttributeExpressionSyntax attribute:
                {
                    var left = Resolve(attribute.Expression, depth + 1);
                    return left == null || attribute.Name.Length == 0 ? null : left + "." + attribute.Name;
                }
            case CallExpressionSyntax call:
                {
                    var callee = Resolve(call.Expression, depth + 1);
                    return callee == null ? null : callee + "()";
                }
            case SubscriptExpressionSyntax subscript:
                {
                    var left = Resolve(subscript.Expression, depth + 1);
                    return left == null ? null : left + "[]";
                }
            case ParenthesizedExpressionSyntax parenthesized:
                return Resolve(parenthesized.Expression, depth + 1);
            case AwaitExpressionSyntax awaited:
                return Resolve(awaited.Expression, depth + 1);
            default:
                return null;
        }
    }

    /// <summary>
    /// The value of a string expression known without running the code (literals, constant names, <c>+</c>,
    /// <c>%</c>, f-strings, <c>.format</c>, <c>.join</c> of constants), or null.
    /// </summary>
    public string? GetConstantString(ExpressionSyntax? expression) => _folder.Fold(expression);

    /// <summary>
    /// True when the expression's value is fixed by the source: constant strings and numbers, True/False/None,
    /// and tuples/lists/sets/dicts of constants.
    /// </summary>
    public bool IsConstant(ExpressionSyntax? expression)
    {
        switch (expression)
        {
            case null:
                return false;
            case LiteralExpressionSyntax:
                return true;
            case CollectionExpressionSyntax collection:
                return collection.Elements.All(IsConstant);
            case DictExpressionSyntax dict:
                return dict.Items.All(i => i is DictEntrySyntax e && IsConstant(e.Key) && IsConstant(e.Value));
            case ParenthesizedExpressionSyntax p:
                return IsConstant(p.Expression);
            case UnaryExpressionSyntax u:
                return IsConstant(u.Operand);
            default:
                return GetConstantString(expression) != null;
        }
    }

    /// <summary>The control-flow graph of a function body, or of the module's top-level code for the <see cref="ModuleSyntax"/>.</summary>
    public ControlFlowGraph GetControlFlowGraph(SyntaxNode functionOrModule, CancellationToken cancellationToken = default) =>
        _graphs.GetOrAdd(functionOrModule, owner => ControlFlowBuilder.Build(owner, cancellationToken));

    /// <summary>True when some import in the module binds <paramref name="qualifiedName"/> or something under it.</summary>
    /// <remarks>Reads the import bindings the scope builder listed, not every binding of every scope.</remarks>
    public bool Imports(string qualifiedName)
    {
        foreach (var binding in _imports)
        {
            if (binding.ImportedName is { } imported && IsOrUnder(imported, qualifiedName)) return true;
        }
        return false;
    }

    private static bool IsOrUnder(string imported, string qualifiedName) =>
        imported == qualifiedName
        || (imported.Length > qualifiedName.Length && imported[qualifiedName.Length] == '.' && imported.StartsWith(qualifiedName, StringComparison.Ordinal))
        || (qualifiedName.Length > imported.Length && qualifiedName[imported.Length] == '.' && qualifiedName.StartsWith(imported, StringComparison.Ordinal));
}
