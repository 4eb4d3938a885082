using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Syntax;
using DjangoLsp.Python.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Settings;

/// <summary>
/// Evaluates a settings module statically (never running it): module-level assignments of literals and
/// collections, <c>+=</c>, <c>.append/.insert/.extend/.remove</c>, star imports of other settings modules (read
/// through <see cref="AnalysisContext.Files"/>, so unsaved editor buffers count), environment reads (value unknown,
/// default kept) and <c>if</c> statements (the branch is taken when the condition is known; otherwise every name set
/// in any branch becomes unknown). Anything else is unknown, which makes checks stay quiet.
/// </summary>
public sealed class SettingsEvaluator
{
    private const int MaxImportDepth = 12;

    private readonly IWorkspaceFiles _files;
    private readonly string? _workspaceRoot;
    private readonly CancellationToken _cancellationToken;
    private readonly List<string> _visitedFiles = new();
    private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);
    private bool _unresolved;

    private SettingsEvaluator(IWorkspaceFiles files, string? workspaceRoot, CancellationToken cancellationToken)
    {
        _files = files;
        _workspaceRoot = workspaceRoot;
        _cancellationToken = cancellationToken;
    }

    public static EvaluatedSettings Evaluate(AnalysisDocument document, AnalysisContext context, CancellationToken cancellationToken = default) =>
        Evaluate(document, context.Files, context.WorkspaceRoot, cancellationToken);

    public static EvaluatedSettings Evaluate(AnalysisDocument document, IWorkspaceFiles files, string? workspaceRoot,
        CancellationToken cancellationToken = default)
    {
        var evaluator = new SettingsEvaluator(files, workspaceRoot, cancellationToken);
        var tree = document.GetPythonSyntax(cancellationToken);
        var scope = evaluator.EvaluateModule(document.Path, tree, 0);
        return new EvaluatedSettings(document.Path, scope, evaluator._visitedFiles, evaluator._unresolved, AnchorOf(tree));
    }

    /// <summary>The first statement after the docstring, preferring the last star import (where inherited settings arrive).</summary>
    private static TextSpan AnchorOf(PythonSyntaxTree tree)
    {
        var statements = tree.Root.Statements;
        var star = statements.OfType<FromImportStatementSyntax>().LastOrDefault(s => s.IsStarImport);
        if (star != null) return star.Span;
        var first = statements.FirstOrDefault(s => !(s is ExpressionStatementSyntax { Expression: StringLiteralExpressionSyntax }));
        first ??= statements.FirstOrDefault();
        return first != null ? LineOf(tree, first.Span) : new TextSpan(0, 0);
    }

    private static TextSpan LineOf(PythonSyntaxTree tree, TextSpan span)
    {
        var line = tree.Text.Lines.GetLineFromPosition(span.Start);
        return TextSpan.FromBounds(span.Start, Math.Max(span.Start, Math.Min(span.End, line.End)));
    }

    private Dictionary<string, SettingBinding> EvaluateModule(string path, PythonSyntaxTree tree, int depth)
    {
        var key = Normalize(path);
        _visitedFiles.Add(path);
        _inProgress.Add(key);
        var scope = new Dictionary<string, SettingBinding>(StringComparer.Ordinal);
        try
        {
            new ModuleRun(this, path, scope, depth).Statements(tree.Root.Statements, conditional: false);
        }
        finally
        {
            _inProgress.Remove(key);
        }
        return scope;
    }

    private static string Normalize(string path) => Path.GetFullPath(path);

    /// <summary>Evaluates the module named by an import, or null when it cannot be found (or would recurse).</summary>
    private Dictionary<string, SettingBinding>? ImportModule(string importingFile, int level, string? module, int depth)
    {
        if (depth >= MaxImportDepth) return null;
        foreach (var candidate in ModuleResolver.Candidates(importingFile, level, module, _workspaceRoot))
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (_inProgress.Contains(Normalize(candidate))) return null;
            var document = _files.TryGetDocument(candidate);
            if (document == null) continue;
            var tree = document.GetPythonSyntax(_cancellationToken);
            return EvaluateModule(document.Path, tree, depth + 1);
        }
        return null;
    }

    /// <summary>Statement-by-statement evaluation of one module into its scope.</summary>
    private sealed class ModuleRun
    {
        private readonly SettingsEvaluator _owner;
        private readonly string _path;
        private readonly Dictionary<string, SettingBinding> _scope;
        private readonly int _depth;

        public ModuleRun(SettingsEvaluator owner, string path, Dictionary<string, SettingBinding> scope, int depth)
        {
            _owner = owner;
            _path = path;
            _scope = scope;
            _depth = depth;
        }

        public void Statements(IEnumerable<StatementSyntax> statements, bool conditional)
        {
            foreach (var statement in statements)
            {
                _owner._cancellationToken.ThrowIfCancellationRequested();
                Statement(statement, conditional);
            }
        }

        private void Statement(StatementSyntax statement, bool conditional)
        {
            switch (statement)
            {
                case AssignmentStatementSyntax assignment:
                {
                    var value = conditional ? PyValue.Unknown : Evaluate(assignment.Value);
                    foreach (var target in assignment.Targets)
                        Bind(target, value, statement, assignment.Value.Span, plain: true);
                    break;
                }
                case AnnotatedAssignmentStatementSyntax { Value: { } annotatedValue } annotated:
                    Bind(annotated.Target, conditional ? PyValue.Unknown : Evaluate(annotatedValue), statement, annotatedValue.Span, plain: true);
                    break;
                case AugmentedAssignmentStatementSyntax augmented when augmented.Target is NameExpressionSyntax name:
                {
                    var current = Lookup(name.Name);
                    var value = conditional ? PyValue.Unknown : augmented.OperatorToken.Text switch
                    {
                        "+=" => Operators.Add(current, Evaluate(augmented.Value), _path, augmented.Span),
                        "-=" or "*=" => Operators.Arithmetic(augmented.OperatorToken.Text[..1], current, Evaluate(augmented.Value), _path, augmented.Span),
                        _ => PyValue.Unknown,
                    };
                    Bind(name, value, statement, augmented.Value.Span, plain: false);
                    break;
                }
                case ExpressionStatementSyntax { Expression: CallExpressionSyntax call }:
                    MutatingCall(call, statement, conditional);
                    break;
                case FromImportStatementSyntax fromImport:
                    FromImport(fromImport, conditional);
                    break;
                case ImportStatementSyntax import:
                    foreach (var alias in import.Names)
                    {
                        var bound = alias.AliasToken?.Text ?? alias.Name.Identifiers.FirstOrDefault()?.Text;
                        if (bound != null) _scope[bound] = new SettingBinding(bound, PyValue.Unknown, _path, statement.Span, alias.Span, alias.Span, false);
                    }
                    break;
                case IfStatementSyntax ifStatement:
                    If(ifStatement, conditional);
                    break;
                case TryStatementSyntax tryStatement:
                    // The body runs (unless it fails); handlers and else only sometimes.
                    Statements(tryStatement.Body.Statements, conditional);
                    foreach (var handler in tryStatement.ExceptClauses)
                        Statements(handler.Body.Statements, conditional: true);
                    if (tryStatement.Else != null) Statements(tryStatement.Else.Body.Statements, conditional: true);
                    if (tryStatement.Finally != null) Statements(tryStatement.Finally.Body.Statements, conditional);
                    break;
                case WithStatementSyntax with:
                    Statements(with.Body.Statements, conditional);
                    break;
                case FunctionDefinitionSyntax function:
                    _scope[function.Name] = new SettingBinding(function.Name, PyValue.Unknown, _path, statement.Span, statement.Span, statement.Span, false);
                    break;
                case ClassDefinitionSyntax cls:
                    _scope[cls.Name] = new SettingBinding(cls.Name, PyValue.Unknown, _path, statement.Span, statement.Span, statement.Span, false);
                    break;
                case CompoundStatementSyntax compound:
                    // for/while/match: bodies may run any number of times.
                    foreach (var block in compound.DescendantNodes().OfType<BlockSyntax>()
                                 .Where(b => b.Ancestors().FirstOrDefault(a => a is StatementSyntax) == compound).ToList())
                        Statements(block.Statements, conditional: true);
                    break;
            }
        }

        private void If(IfStatementSyntax ifStatement, bool conditional)
        {
            var branches = new List<(ExpressionSyntax? Condition, BlockSyntax Body)> { (ifStatement.Condition, ifStatement.Body) };
            branches.AddRange(ifStatement.ElifClauses.Select(e => ((ExpressionSyntax?)e.Condition, e.Body)));
            if (ifStatement.Else != null) branches.Add((null, ifStatement.Else.Body));
            if (!conditional)
            {
                foreach (var (condition, body) in branches)
                {
                    var truth = condition == null ? true : Evaluate(condition).Truthy;
                    if (truth == false) continue;
                    if (truth == true)
                    {
                        Statements(body.Statements, conditional: false);
                        return;
                    }
                    break;  // unknown condition: fall through to the conservative path
                }
            }
            foreach (var (_, body) in branches) Statements(body.Statements, conditional: true);
        }

        private void FromImport(FromImportStatementSyntax fromImport, bool conditional)
        {
            var module = fromImport.Module?.Name;
            if (fromImport.Level == 0 && module != null && !LooksLikeProjectModule(module))
            {
                foreach (var alias in fromImport.Names)
                    BindImported(alias, PyValue.Unknown, fromImport);
                return;
            }
            var imported = _owner.ImportModule(_path, fromImport.Level, module, _depth);
            if (imported == null)
            {
                if (fromImport.IsStarImport) _owner._unresolved = true;
                foreach (var alias in fromImport.Names) BindImported(alias, PyValue.Unknown, fromImport);
                return;
            }
            if (fromImport.IsStarImport)
            {
                if (conditional) _owner._unresolved = true;
                foreach (var (name, binding) in imported)
                {
                    if (name.StartsWith('_')) continue;
                    _scope[name] = conditional ? binding with { Value = PyValue.Unknown } : binding;
                }
                return;
            }
            foreach (var alias in fromImport.Names)
            {
                var name = alias.Name.Name;
                var bound = alias.AliasToken?.Text ?? name;
                if (imported.TryGetValue(name, out var binding))
                    _scope[bound] = (conditional ? binding with { Value = PyValue.Unknown } : binding) with { Name = bound };
                else
                    BindImported(alias, PyValue.Unknown, fromImport);
            }
        }

        /// <summary>Library modules (os, django, pathlib, ...) hold no settings; everything else may be the project's.</summary>
        private static bool LooksLikeProjectModule(string module)
        {
            var first = module.Split('.')[0];
            return first is not ("os" or "sys" or "django" or "pathlib" or "environ" or "decouple" or "logging" or "datetime" or "json"
                or "typing" or "dj_database_url" or "sentry_sdk" or "socket" or "re" or "ast" or "warnings" or "csp");
        }

        private void BindImported(ImportAliasSyntax alias, PyValue value, StatementSyntax statement)
        {
            var bound = alias.AliasToken?.Text ?? alias.Name.Name;
            if (bound.Length == 0 || bound.Contains('.')) return;
            _scope[bound] = new SettingBinding(bound, value, _path, statement.Span, alias.Span, alias.Span, false);
        }

        private void MutatingCall(CallExpressionSyntax call, StatementSyntax statement, bool conditional)
        {
            if (call.Expression is not AttributeExpressionSyntax { Expression: NameExpressionSyntax target } method) return;
            if (!_scope.TryGetValue(target.Name, out var binding)) return;
            var args = call.ArgumentList.Arguments;
            var current = binding.Value.Effective;
            PyValue result;
            TextSpan valueSpan = call.ArgumentList.Span;
            if (conditional || !current.IsSequence || current.Kind == PyValueKind.Tuple || args.Any(a => a.IsKeyword || a.StarToken != null))
            {
                if (method.Name is not ("append" or "insert" or "extend" or "remove" or "pop" or "clear" or "update" or "setdefault" or "add" or "discard"))
                    return;
                result = PyValue.Unknown;
            }
            else
            {
                var items = current.Items.ToList();
                switch (method.Name)
                {
                    case "append" when args.Count == 1:
                    case "add" when args.Count == 1:
                        items.Add(Evaluate(args[0].Expression));
                        break;
                    case "insert" when args.Count == 2 && Evaluate(args[0].Expression).Effective is { Kind: PyValueKind.Int } index:
                    {
                        var i = (int)Math.Clamp(index.IntValue < 0 ? items.Count + index.IntValue : index.IntValue, 0, items.Count);
                        items.Insert(i, Evaluate(args[1].Expression));
                        break;
                    }
                    case "extend" when args.Count == 1 && Evaluate(args[0].Expression).Effective is { IsSequence: true } extra:
                        items.AddRange(extra.Items);
                        break;
                    case "remove" when args.Count == 1:
                    case "discard" when args.Count == 1:
                    {
                        var removed = Evaluate(args[0].Expression);
                        var at = items.FindIndex(i => PyValue.PyEquals(i, removed) == true);
                        if (at >= 0) items.RemoveAt(at);
                        else if (items.Any(i => PyValue.PyEquals(i, removed) == null)) { Bind(target, PyValue.Unknown, statement, valueSpan, false); return; }
                        break;
                    }
                    case "clear" when args.Count == 0:
                        items.Clear();
                        break;
                    default:
                        if (method.Name is not ("append" or "insert" or "extend" or "remove" or "pop" or "add" or "discard")) return;
                        Bind(target, PyValue.Unknown, statement, valueSpan, false);
                        return;
                }
                result = PyValue.Sequence(current.Kind, items, current.Path, current.Span);
            }
            Bind(target, result, statement, valueSpan, false);
        }

        private void Bind(ExpressionSyntax target, PyValue value, StatementSyntax statement, TextSpan valueSpan, bool plain)
        {
            switch (target)
            {
                case NameExpressionSyntax name:
                    _scope[name.Name] = new SettingBinding(name.Name, value, _path, statement.Span, name.Span, valueSpan, plain);
                    break;
                case CollectionExpressionSyntax { Kind: SyntaxKind.TupleExpression or SyntaxKind.ListExpression } tuple:
                {
                    var effective = value.Effective;
                    var elements = tuple.Elements;
                    var unpack = effective.IsSequence && effective.Items.Count == elements.Count && !elements.Any(e => e is StarredExpressionSyntax);
                    for (var i = 0; i < elements.Count; i++)
                        Bind(elements[i], unpack ? effective.Items[i] : PyValue.Unknown, statement, unpack ? effective.Items[i].Span : valueSpan, false);
                    break;
                }
                case ParenthesizedExpressionSyntax parenthesized:
                    Bind(parenthesized.Expression, value, statement, valueSpan, plain);
                    break;
                // Subscript and attribute targets (DATABASES["default"]["HOST"] = ...) change parts we do not check.
            }
        }

        private PyValue Lookup(string name) => _scope.TryGetValue(name, out var binding) ? binding.Value : PyValue.Unknown;

        public PyValue Evaluate(ExpressionSyntax expression) => new ExpressionEvaluator(_path, Lookup).Evaluate(expression);
    }
}
