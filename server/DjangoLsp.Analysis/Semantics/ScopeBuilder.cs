using DjangoLsp.Analysis.Syntax;
using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Semantics;

/// <summary>
/// Builds the scope tree and the bindings of one module. Walks statements recursively (statement nesting is
/// shallow) and expressions iteratively (expressions can nest deeply in generated code).
/// </summary>
internal sealed class ScopeBuilder
{
    private readonly Dictionary<SyntaxNode, Scope> _scopes = new(NodeKeyComparer.Instance);
    private readonly List<Binding> _imports = new();
    private readonly PythonNodeIndex _nodes;
    private readonly CancellationToken _cancellationToken;

    private ScopeBuilder(PythonNodeIndex nodes, CancellationToken cancellationToken)
    {
        _nodes = nodes;
        _cancellationToken = cancellationToken;
    }

    /// <param name="nodes">The module's node index: it says which expressions hold a lambda, comprehension or walrus at all.</param>
    /// <returns>The module scope, every scope by its node, and every import binding (of any scope) in the order made.</returns>
    public static (Scope Module, Dictionary<SyntaxNode, Scope> Scopes, IReadOnlyList<Binding> Imports) Build(ModuleSyntax module, PythonNodeIndex nodes,
        CancellationToken cancellationToken)
    {
        var builder = new ScopeBuilder(nodes, cancellationToken);
        var scope = builder.NewScope(ScopeKind.Module, module, null);
        builder.VisitStatements(module.Statements, scope);
        return (scope, builder._scopes, builder._imports);
    }

    private Scope NewScope(ScopeKind kind, SyntaxNode node, Scope? parent)
    {
        var scope = new Scope(kind, node, parent);
        _scopes[node] = scope;
        return scope;
    }

    // Lists are walked with indexes, not foreach: the red API hands out IReadOnlyList<T>, whose enumerator is boxed.
    private void VisitStatements(IReadOnlyList<StatementSyntax> statements, Scope scope)
    {
        for (var i = 0; i < statements.Count; i++)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            VisitStatement(statements[i], scope);
        }
    }

    private void VisitBlock(BlockSyntax? block, Scope scope)
    {
        if (block != null) VisitStatements(block.Statements, scope);
    }

    private void VisitStatement(StatementSyntax statement, Scope scope)
    {
        switch (statement)
        {
            case AssignmentStatementSyntax assignment:
                VisitExpression(assignment.Value, scope);
                var targets = assignment.Targets;
                for (var i = 0; i < targets.Count; i++)
                {
                    var target = targets[i];
                    VisitExpression(target, scope);
                    BindTarget(target, assignment.Value, BindingKind.Assignment, scope, partial: false);
                }
                break;
            case AugmentedAssignmentStatementSyntax augmented:
                VisitExpression(augmented.Value, scope);
                VisitExpression(augmented.Target, scope);
                BindTarget(augmented.Target, augmented.Value, BindingKind.Assignment, scope, partial: true);
                break;
            case AnnotatedAssignmentStatementSyntax annotated:
                VisitExpression(annotated.Annotation, scope);
                if (annotated.Value != null)
                {
                    VisitExpression(annotated.Value, scope);
                    BindTarget(annotated.Target, annotated.Value, BindingKind.Assignment, scope, partial: false);
                }
                break;
            case ImportStatementSyntax import:
                var importNames = import.Names;
                for (var i = 0; i < importNames.Count; i++)
                {
                    var alias = importNames[i];
                    var dotted = alias.Name.Name;
                    if (dotted.Length == 0) continue;
                    if (alias.AliasToken is { IsMissing: false } aliasToken && aliasToken.Text.Length > 0)
                        Bind(aliasToken.Text, BindingKind.Import, scope, alias, null, dotted, false);
                    else
                    {
                        var dot = dotted.IndexOf('.');
                        var first = dot < 0 ? dotted : dotted.Substring(0, dot);
                        Bind(first, BindingKind.Import, scope, alias, null, first, false);
                    }
                }
                break;
            case FromImportStatementSyntax fromImport:
                {
                    var module = new string('.', fromImport.Level) + (fromImport.Module?.Name ?? "");
                    var names = fromImport.Names;
                    for (var i = 0; i < names.Count; i++)
                    {
                        var alias = names[i];
                        var name = alias.Name.Name;
                        if (name.Length == 0) continue;
                        var local = alias.AliasToken is { IsMissing: false } a && a.Text.Length > 0 ? a.Text : name;
                        var qualified = module.EndsWith('.') || module.Length == 0 ? module + name : module + "." + name;
                        Bind(local, BindingKind.Import, scope, alias, null, qualified, false);
                    }
                    break;
                }
            case FunctionDefinitionSyntax function:
                VisitFunction(function, scope);
                break;
            case ClassDefinitionSyntax @class:
                var classDecorators = @class.Decorators;
                for (var i = 0; i < classDecorators.Count; i++) VisitExpression(classDecorators[i].Expression, scope);
                if (@class.Arguments != null) VisitExpression(@class.Arguments, scope);
                Bind(@class.Name, BindingKind.Class, scope, @class, null, null, false);
                VisitBlock(@class.Body, NewScope(ScopeKind.Class, @class, scope));
                break;
            case IfStatementSyntax @if:
                VisitExpression(@if.Condition, scope);
                VisitBlock(@if.Body, scope);
                var elifs = @if.ElifClauses;
                for (var i = 0; i < elifs.Count; i++)
                {
                    var elif = elifs[i];
                    VisitExpression(elif.Condition, scope);
                    VisitBlock(elif.Body, scope);
                }
                VisitBlock(@if.Else?.Body, scope);
                break;
            case WhileStatementSyntax @while:
                VisitExpression(@while.Condition, scope);
                VisitBlock(@while.Body, scope);
                VisitBlock(@while.Else?.Body, scope);
                break;
            case ForStatementSyntax @for:
                VisitExpression(@for.Iterable, scope);
                VisitExpression(@for.Target, scope);
                BindTarget(@for.Target, @for.Iterable, BindingKind.LoopTarget, scope, partial: true);
                VisitBlock(@for.Body, scope);
                VisitBlock(@for.Else?.Body, scope);
                break;
            case WithStatementSyntax with:
                var items = with.Items;
                for (var i = 0; i < items.Count; i++)
                {
                    var item = items[i];
                    VisitExpression(item.Expression, scope);
                    if (item.Target != null)
                    {
                        VisitExpression(item.Target, scope);
                        BindTarget(item.Target, item.Expression, BindingKind.WithTarget, scope, partial: false);
                    }
                }
                VisitBlock(with.Body, scope);
                break;
            case TryStatementSyntax @try:
                VisitBlock(@try.Body, scope);
                var handlers = @try.ExceptClauses;
                for (var i = 0; i < handlers.Count; i++)
                {
                    var handler = handlers[i];
                    if (handler.Type != null) VisitExpression(handler.Type, scope);
                    if (handler.NameToken is { IsMissing: false } nameToken && nameToken.Text.Length > 0)
                        Bind(nameToken.Text, BindingKind.ExceptTarget, scope, handler, handler.Type, null, false);
                    VisitBlock(handler.Body, scope);
                }
                VisitBlock(@try.Else?.Body, scope);
                VisitBlock(@try.Finally?.Body, scope);
                break;
            case MatchStatementSyntax match:
                VisitExpression(match.Subject, scope);
                foreach (var @case in match.Cases)
                {
                    foreach (var capture in @case.Pattern.DescendantNodesAndSelf().OfType<GenericPatternSyntax>())
                    {
                        if (capture.Kind is SyntaxKind.CapturePattern or SyntaxKind.AsPattern or SyntaxKind.StarPattern or SyntaxKind.DoubleStarPattern
                            && capture.NameToken is { IsMissing: false } token && token.Text != "_")
                            Bind(token.Text, BindingKind.PatternCapture, scope, capture, match.Subject, null, true);
                    }
                    if (@case.Guard != null) VisitExpression(@case.Guard, scope);
                    VisitBlock(@case.Body, scope);
                }
                break;
            case NameDeclarationStatementSyntax declaration:
                foreach (var name in declaration.Names)
                {
                    Bind(name.Text, BindingKind.Declaration, scope, declaration, null, null, false);
                    scope.Declare(name.Text, declaration.Kind == SyntaxKind.GlobalStatement ? Root(scope) : NonClassParent(scope));
                }
                break;
            case TypeAliasStatementSyntax alias:
                Bind(alias.NameToken.Text, BindingKind.Assignment, scope, alias, alias.Value, null, false);
                break;
            default:
                // Only expressions can bind here (walrus, comprehension), and only where the index saw one.
                if (_nodes.MayContainScopeExpression(statement))
                {
                    foreach (var child in statement.ChildNodes())
                    {
                        if (child is ExpressionSyntax expression) VisitExpression(expression, scope);
                    }
                }
                break;
        }
    }

    private static Scope Root(Scope scope)
    {
        while (scope.Parent != null) scope = scope.Parent;
        return scope;
    }

    private void VisitFunction(FunctionDefinitionSyntax function, Scope scope)
    {
        var decorators = function.Decorators;
        for (var i = 0; i < decorators.Count; i++) VisitExpression(decorators[i].Expression, scope);
        var parameters = function.Parameters.Parameters;
        for (var i = 0; i < parameters.Count; i++)
        {
            var parameter = parameters[i];
            if (parameter.Default != null) VisitExpression(parameter.Default, scope);
            if (parameter.Annotation != null) VisitExpression(parameter.Annotation, scope);
        }
        if (function.ReturnAnnotation != null) VisitExpression(function.ReturnAnnotation, scope);
        if (function.Name.Length > 0) Bind(function.Name, BindingKind.Function, scope, function, null, null, false);
        var inner = NewScope(ScopeKind.Function, function, scope);
        BindParameters(function.Parameters, inner);
        VisitBlock(function.Body, inner);
    }

    private void BindParameters(ParameterListSyntax parameters, Scope scope)
    {
        var list = parameters.Parameters;
        for (var i = 0; i < list.Count; i++)
        {
            var parameter = list[i];
            if (parameter.NameToken is { IsMissing: false } name && name.Text.Length > 0)
                Bind(name.Text, BindingKind.Parameter, scope, parameter, parameter.Default, null, false);
        }
    }

    /// <summary>Finds lambdas, comprehensions and walrus targets inside an expression (iteratively).</summary>
    private void VisitExpression(SyntaxNode expression, Scope scope)
    {
        // Only lambdas, comprehensions and walrus targets bind inside expressions. Most expressions hold none, and
        // the node index answers that without walking (and allocating an iterator for) every subexpression.
        if (!_nodes.MayContainScopeExpression(expression)) return;
        var pending = new Stack<(SyntaxNode Node, Scope Scope)>();
        pending.Push((expression, scope));
        while (pending.Count > 0)
        {
            var (root, current) = pending.Pop();
            if (root is LambdaExpressionSyntax or ComprehensionExpressionSyntax)
            {
                VisitScopeExpression(root, current, pending);
                continue;
            }
            // The scope expressions below the root, not inside a lambda or comprehension below it, in document order:
            // read from the index's list of them instead of walking every node of the root (two iterators and a
            // delegate call per node). The index's list may hold nodes that only start in the root's span; the parent
            // chain settles it.
            foreach (var node in _nodes.ScopeExpressionsWithin(root))
            {
                if (IsBelowWithNoScopeBetween(node, root)) VisitScopeExpression(node, current, pending);
            }
        }
    }

    /// <summary>True when <paramref name="root"/> is a proper ancestor of <paramref name="node"/> and no lambda or comprehension lies between them.</summary>
    private static bool IsBelowWithNoScopeBetween(SyntaxNode node, SyntaxNode root)
    {
        for (var ancestor = node.Parent; ancestor != null; ancestor = ancestor.Parent)
        {
            if (ReferenceEquals(ancestor, root)) return true;
            if (ancestor is LambdaExpressionSyntax or ComprehensionExpressionSyntax) return false;
        }
        return false;
    }

    /// <summary>Opens the scope of a lambda or comprehension (its parts go on <paramref name="pending"/>) or binds a walrus target.</summary>
    private void VisitScopeExpression(SyntaxNode node, Scope current, Stack<(SyntaxNode Node, Scope Scope)> pending)
    {
        switch (node)
        {
            case LambdaExpressionSyntax lambda:
                {
                    var parameters = lambda.Parameters.Parameters;
                    for (var i = 0; i < parameters.Count; i++)
                        if (parameters[i].Default is { } @default) pending.Push((@default, current));
                    var inner = NewScope(ScopeKind.Lambda, lambda, current);
                    BindParameters(lambda.Parameters, inner);
                    pending.Push((lambda.Body, inner));
                    break;
                }
            case ComprehensionExpressionSyntax comprehension:
                {
                    var inner = NewScope(ScopeKind.Comprehension, comprehension, current);
                    var first = true;
                    var clauses = comprehension.Clauses;
                    for (var i = 0; i < clauses.Count; i++)
                    {
                        var clause = clauses[i];
                        if (clause is ComprehensionForSyntax @for)
                        {
                            // The first iterable is evaluated in the enclosing scope.
                            var iterable = @for.Iterable;
                            pending.Push((iterable, first ? current : inner));
                            first = false;
                            BindTarget(@for.Target, iterable, BindingKind.LoopTarget, inner, partial: true);
                        }
                        else if (clause is ComprehensionIfSyntax @if)
                            pending.Push((@if.Condition, inner));
                    }
                    pending.Push((comprehension.Element, inner));
                    break;
                }
            case NamedExpressionSyntax named:
                {
                    // A walrus binds in the nearest enclosing non-comprehension scope.
                    var target = current;
                    while (target.Kind == ScopeKind.Comprehension && target.Parent != null) target = target.Parent;
                    BindTarget(named.Target, named.Value, BindingKind.Assignment, target, partial: false);
                    break;
                }
        }
    }

    private void BindTarget(ExpressionSyntax target, ExpressionSyntax? value, BindingKind kind, Scope scope, bool partial)
    {
        switch (target)
        {
            case NameExpressionSyntax name:
                Bind(name.Name, kind, scope, name, value, null, partial);
                break;
            case ParenthesizedExpressionSyntax parenthesized:
                BindTarget(parenthesized.Expression, value, kind, scope, partial);
                break;
            case StarredExpressionSyntax starred:
                BindTarget(starred.Expression, value, kind, scope, true);
                break;
            case CollectionExpressionSyntax collection when collection.Kind is SyntaxKind.TupleExpression or SyntaxKind.ListExpression:
                {
                    // Each read of Elements builds a new list: read each once.
                    var elements = collection.Elements;
                    var values = Unparenthesize(value) is CollectionExpressionSyntax v && v.Kind is SyntaxKind.TupleExpression or SyntaxKind.ListExpression
                        && v.Elements is var valueElements && valueElements.Count == elements.Count && !HasStarred(valueElements)
                        ? valueElements : null;
                    for (var i = 0; i < elements.Count; i++)
                        BindTarget(elements[i], values != null ? values[i] : value, kind, scope, partial || values == null);
                    break;
                }
        }
    }

    private static bool HasStarred(IReadOnlyList<ExpressionSyntax> elements)
    {
        for (var i = 0; i < elements.Count; i++)
            if (elements[i] is StarredExpressionSyntax) return true;
        return false;
    }

    private static ExpressionSyntax? Unparenthesize(ExpressionSyntax? e)
    {
        while (e is ParenthesizedExpressionSyntax p) e = p.Expression;
        return e;
    }

    private static Scope NonClassParent(Scope scope)
    {
        var outer = scope.Parent;
        while (outer != null && outer.Kind == ScopeKind.Class) outer = outer.Parent;
        return outer ?? scope;
    }

    private void Bind(string name, BindingKind kind, Scope scope, SyntaxNode node, ExpressionSyntax? value, string? imported, bool partial)
    {
        if (name.Length == 0) return;
        // `global x` / `nonlocal x`: the binding happens in the declared scope.
        var owner = kind != BindingKind.Declaration && scope.TryGetDeclared(name, out var declared) ? declared : scope;
        var binding = new Binding(name, kind, owner, node, value, imported, partial);
        owner.Add(binding);
        if (kind == BindingKind.Import) _imports.Add(binding);
    }
}
