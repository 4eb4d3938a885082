using System.Collections.Concurrent;
using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Project;
using DjangoLsp.Analysis.Rules;
using DjangoLsp.Analysis.Semantics;
using DjangoLsp.Analysis.Syntax;
using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Taint;

/// <summary>
/// Taint facts of one Python document: for any expression, where its value may come from (request data,
/// unknown, or clean) per sink kind, and the trace from the request source. Functions are analysed lazily,
/// once each, on their control-flow graphs. Calls to functions of the same module, to <c>self</c> methods and
/// (with a workspace, <see cref="TaintWorkspace"/>) to functions imported from other workspace modules use the
/// callee's <see cref="ReturnSummary"/>. Get it with <c>document.GetPythonTaint(ct)</c> (intra-module) or
/// <c>TaintWorkspace.ModelFor(document, context, ct)</c> (workspace-aware).
/// </summary>
public sealed class PythonTaintModel
{
    private readonly Shared _shared;
    private readonly TaintSeed? _seed;

    public PythonTaintModel(PythonSemanticModel semantics, string path) : this(semantics, path, null, null)
    {
    }

    internal PythonTaintModel(PythonSemanticModel semantics, string path, ITaintEnvironment? environment, AnalysisDocument? document)
    {
        _shared = new Shared(semantics, path, environment, document, this);
    }

    private PythonTaintModel(Shared shared, TaintSeed seed)
    {
        _shared = shared;
        _seed = seed;
    }

    public PythonSemanticModel Semantics => _shared.Semantics;
    public string Path => _shared.Path;

    /// <summary>The document this model was built from, when known (summaries of other modules report into it).</summary>
    internal AnalysisDocument? Document => _shared.Document;

    /// <summary>
    /// <see cref="Document"/> when this model analyses the document's current tree, so the document's node index and
    /// text describe the same nodes; null for a tree built apart from it.
    /// </summary>
    internal AnalysisDocument? TreeDocument => _shared.TreeDocument;

    internal ITaintEnvironment? Environment => _shared.Environment;

    /// <summary>The seed of this view of the model (null for the normal analysis).</summary>
    internal TaintSeed? Seed => _seed;

    /// <summary>The same module analysed with <paramref name="seed"/> for the seed's function (shares every cache).</summary>
    internal PythonTaintModel WithSeed(TaintSeed seed) => new(_shared, seed);

    /// <summary>The taint of <paramref name="expression"/> at the point where it is evaluated.</summary>
    public TaintValue Evaluate(ExpressionSyntax expression, CancellationToken cancellationToken = default)
    {
        var owner = OwnerOf(expression);
        var seed = _seed != null && _seed.Function == owner ? _seed : null;
        var states = _shared.States(owner, seed, cancellationToken);
        var state = TaintState.Empty;
        for (SyntaxNode? node = expression; node != null && node != owner; node = node.Parent)
        {
            if (states.TryGetValue(node, out var found))
            {
                state = found;
                break;
            }
        }
        return _shared.Evaluator.Eval(expression, ref state);
    }

    /// <summary>True when <paramref name="expression"/> is the request object (<c>request</c>, <c>self.request</c>).</summary>
    public bool IsRequestObject(ExpressionSyntax expression) => _shared.Evaluator.IsRequestObject(expression);

    /// <summary>The 1-based line of a node of this module.</summary>
    internal int LineOf(SyntaxNode node) => Semantics.Tree.Text.Lines.GetLineFromPosition(node.Span.Start).LineNumber + 1;

    /// <summary>
    /// The workspace function <paramref name="call"/> calls: a function of this module, a method of the enclosing
    /// class called on <c>self</c>, or (with an environment) a function imported from another workspace module.
    /// </summary>
    internal CallTarget? ResolveCallee(CallExpressionSyntax call) => _shared.ResolveCallee(call);

    /// <summary>The return summary of <paramref name="function"/> (a function of this module), or null when cut (recursion, depth).</summary>
    internal ReturnSummary? GetReturnSummary(FunctionDefinitionSyntax function, CancellationToken cancellationToken) =>
        _shared.GetReturnSummary(function, cancellationToken);

    /// <summary>A cache for per-function results computed outside the model (e.g. rules' sink summaries), living as long as the model.</summary>
    internal ConcurrentDictionary<object, object> SummaryCache => _shared.External;

    /// <summary>How far request data can get in this module (shared by the seeded views).</summary>
    internal RequestDataReach Reach => _shared.Reach;

    /// <summary>
    /// False when no value evaluated in <paramref name="owner"/> (see <see cref="OwnerOf"/>) can be request data in this
    /// view of the model: <see cref="Evaluate"/> of any expression there has no <see cref="TaintOrigin.Request"/> origin.
    /// </summary>
    internal bool MayHoldRequestData(SyntaxNode owner) => _shared.Reach.MayHold(owner, _seed != null && _seed.Function == owner ? _seed : null);

    /// <summary>
    /// False when <paramref name="expression"/> cannot be request data in this view of the model (a cheap syntactic check,
    /// <see cref="RequestDataReach.MayCarry"/>): <see cref="Evaluate"/> would give it no <see cref="TaintOrigin.Request"/> origin.
    /// </summary>
    internal bool MayCarryRequestData(ExpressionSyntax expression)
    {
        var owner = OwnerOf(expression);
        return _shared.Reach.MayCarry(expression, owner, _seed != null && _seed.Function == owner ? _seed : null);
    }

    /// <summary>The URL parameters routed to <paramref name="function"/> (a view function or an HTTP-method handler), or null.</summary>
    internal IReadOnlyDictionary<string, UrlParameter>? UrlParametersOf(FunctionDefinitionSyntax function) => _shared.UrlParametersOf(function);

    /// <summary>
    /// The calls among <paramref name="calls"/> into workspace functions (with a document) made where request data can be,
    /// with their targets, in order: the only calls through which request data can reach a sink in a helper. Cached per
    /// list and seed, so every rule of a document shares one resolution pass.
    /// </summary>
    internal IReadOnlyList<(CallExpressionSyntax Call, CallTarget Target)> WorkspaceCallsWithRequestData(IReadOnlyList<CallExpressionSyntax> calls)
    {
        // The common case, every rule asking about the module's own calls, has a field of its own (no tuple key to hash).
        var own = _seed == null && _shared.IsDocumentCallList(calls);
        if (own && Volatile.Read(ref _shared.DocumentRequestCalls) is { } ready) return ready;
        var key = ("request-calls", calls, _seed);
        if (!own && _shared.External.TryGetValue(key, out var cached)) return (IReadOnlyList<(CallExpressionSyntax, CallTarget)>)cached;
        var result = new List<(CallExpressionSyntax, CallTarget)>();
        SyntaxNode? lastOwner = null;
        var lastMayHold = false;
        foreach (var call in calls)
        {
            if (ResolveCallee(call) is not { Model.Document: not null } target) continue;
            var owner = OwnerOf(call);
            if (owner != lastOwner)
            {
                lastOwner = owner;
                lastMayHold = MayHoldRequestData(owner);
            }
            if (lastMayHold) result.Add((call, target));
        }
        if (own) Volatile.Write(ref _shared.DocumentRequestCalls, result);
        else _shared.External.TryAdd(key, result);
        return result;
    }

    /// <summary>The function whose body evaluates <paramref name="node"/>, or the module.</summary>
    public static SyntaxNode OwnerOf(SyntaxNode node)
    {
        SyntaxNode? child = node;
        for (var current = node.Parent; current != null; child = current, current = current.Parent)
        {
            if (current is FunctionDefinitionSyntax function && child == function.Body) return function;
            if (current is ModuleSyntax) return current;
        }
        return child!;
    }

    /// <summary>The caches and the evaluator shared by the normal model and its seeded views.</summary>
    private sealed class Shared
    {
        private const int MaxSummarisedParameters = 12;
        private readonly ConcurrentDictionary<(SyntaxNode Owner, TaintSeed? Seed), Lazy<Dictionary<SyntaxNode, TaintState>>> _functions = new();
        private readonly ConcurrentDictionary<FunctionDefinitionSyntax, ReturnSummary> _summaries = new(ReferenceEqualityComparer.Instance);
        private readonly PythonTaintModel _owner;

        public Shared(PythonSemanticModel semantics, string path, ITaintEnvironment? environment, AnalysisDocument? document, PythonTaintModel owner)
        {
            Semantics = semantics;
            Path = path;
            Environment = environment;
            Document = document;
            _owner = owner;
            Evaluator = new TaintEvaluator(semantics, path, this.ResolveCallee, GetReturnSummary, UrlKwarg);
            Reach = new RequestDataReach(owner);
        }

        public RequestDataReach Reach { get; }

        public PythonSemanticModel Semantics { get; }
        public string Path { get; }
        public ITaintEnvironment? Environment { get; }
        public AnalysisDocument? Document { get; }

        public AnalysisDocument? TreeDocument => Document is { } document && ReferenceEquals(document.GetPythonSyntax(), Semantics.Tree) ? document : null;
        public TaintEvaluator Evaluator { get; }
        public ConcurrentDictionary<object, object> External { get; } = new();

        public Dictionary<SyntaxNode, TaintState> States(SyntaxNode owner, TaintSeed? seed, CancellationToken cancellationToken)
        {
            // Seeded runs (summaries) never block on another thread: helpers calling each other on two threads
            // would otherwise wait for each other's lazy values.
            var mode = seed == null ? LazyThreadSafetyMode.ExecutionAndPublication : LazyThreadSafetyMode.PublicationOnly;
            var lazy = _functions.GetOrAdd((owner, seed), key => new Lazy<Dictionary<SyntaxNode, TaintState>>(
                () => new FunctionTaintAnalysis(Semantics, Evaluator, InitialState).Run(key.Owner, key.Seed, cancellationToken), mode));
            try
            {
                return lazy.Value;
            }
            catch (OperationCanceledException)
            {
                // A cancelled analysis must not be cached for the next caller.
                _functions.TryRemove(new KeyValuePair<(SyntaxNode, TaintSeed?), Lazy<Dictionary<SyntaxNode, TaintState>>>((owner, seed), lazy));
                throw;
            }
        }

        /// <summary>Parameters at function entry: request data for seeded/URL-captured ones, clean for self and int/uuid URL parameters.</summary>
        private TaintState InitialState(FunctionDefinitionSyntax function, TaintSeed? seed)
        {
            var state = TaintState.Empty;
            var parameters = function.Parameters.Parameters;
            var url = seed == null ? UrlParametersOf(function) : null;
            for (var i = 0; i < parameters.Count; i++)
            {
                var parameter = parameters[i];
                if (parameter.NameToken is not { IsMissing: false } token) continue;
                var name = token.Text;
                if (name is "self" or "cls" && i == 0) state = state.SetItem(name, TaintValue.Clean);
                else if (name == "request") continue;   // the request object itself: its data attributes are the sources
                else if (seed != null)
                    state = state.SetItem(name, i == seed.Parameter ? TaintValue.FromRequest(TaintSeed.Marker(Path, function, i)) : TaintValue.Clean);
                else if (url != null && parameter.StarToken == null && url.TryGetValue(name, out var captured))
                    state = state.SetItem(name, UrlSource(captured, parameter));
                else state = state.SetItem(name, TaintValue.Unknown);
            }
            return state;
        }

        /// <summary>The URL parameters routed to this view function, or to the class of this HTTP-method handler.</summary>
        public IReadOnlyDictionary<string, UrlParameter>? UrlParametersOf(FunctionDefinitionSyntax function)
        {
            if (Environment == null) return null;
            var enclosing = function.Ancestors().FirstOrDefault(a => a is FunctionDefinitionSyntax or ClassDefinitionSyntax);
            if (enclosing == null) return Environment.UrlParameters(Path, function.Name);
            if (enclosing is ClassDefinitionSyntax @class && IsTopLevel(@class) && IsHandler(function.Name))
                return Environment.UrlParameters(Path, @class.Name);
            return null;
        }

        private static bool IsTopLevel(SyntaxNode node) => !node.Ancestors().Any(a => a is FunctionDefinitionSyntax or ClassDefinitionSyntax);

        /// <summary>Methods Django's View.dispatch calls with the URL's keyword arguments.</summary>
        private static bool IsHandler(string name) =>
            name is "get" or "post" or "put" or "patch" or "delete" or "head" or "options" or "dispatch" or "setup"
                or "list" or "create" or "retrieve" or "update" or "partial_update" or "destroy";

        /// <summary>
        /// str/path/regex captures are request data; a slug (<c>[-a-zA-Z0-9_]+</c>) is request data too but cannot hold
        /// markup, path separators or a scheme, so it is clean for HTML, path and redirect sinks; int/uuid and digit-only
        /// groups are clean; custom converters stay unknown.
        /// </summary>
        private TaintValue UrlSource(UrlParameter captured, SyntaxNode at)
        {
            if (captured.IsNonTextual) return TaintValue.Clean;
            var how = captured.Converter == "regex" ? $"the re_path group `(?P<{captured.Name}>...)`" : $"`<{captured.Converter}:{captured.Name}>`";
            var source = TaintValue.FromRequest(Evaluator.Location(at, $"URL parameter `{captured.Name}` captured by {how} is request data"));
            return captured.Converter switch
            {
                "str" or "path" or "regex" => source,
                "slug" => source.Sanitize(SinkKind.Html, SinkKind.Path, SinkKind.Redirect),
                _ => TaintValue.Unknown,
            };
        }

        /// <summary><c>self.kwargs["slug"]</c> / <c>self.kwargs.get("slug")</c> in a routed class-based view.</summary>
        private TaintValue? UrlKwarg(ExpressionSyntax container, ExpressionSyntax? key)
        {
            if (Environment == null || container.GetDottedText() != "self.kwargs" || Semantics.GetConstantString(key) is not { } name) return null;
            var @class = container.Ancestors().OfType<ClassDefinitionSyntax>().FirstOrDefault();
            if (@class == null || !IsTopLevel(@class)) return null;
            if (!Environment.UrlParameters(Path, @class.Name).TryGetValue(name, out var captured)) return null;
            return UrlSource(captured, key!);
        }

        // Every taint rule asks about every call (helper sinks): resolve each call once per model. The calls of the
        // document's node index get a slot each, found by binary search on their position: Django's tree has ~33,000
        // calls, and a concurrent dictionary cost a lock per insert and an object hash per node. Other calls (a tree that
        // is not the document's) fall back to the dictionary.
        private readonly ConcurrentDictionary<CallExpressionSyntax, CallTarget?> _callees = new();
        private static readonly object Unresolved = new();
        private CallSlots? _callSlots;
        private Func<CallExpressionSyntax, CallTarget?>? _resolveUncached;

        private sealed class CallSlots(IReadOnlyList<CallExpressionSyntax> calls)
        {
            public IReadOnlyList<CallExpressionSyntax> Calls { get; } = calls;
            public object?[] Targets { get; } = Filled(calls.Count);

            private static object?[] Filled(int count)
            {
                var targets = new object?[count];
                Array.Fill(targets, Unresolved);
                return targets;
            }

            /// <summary>The index of <paramref name="call"/> in <see cref="Calls"/> (document order, so sorted by position), or -1.</summary>
            public int IndexOf(CallExpressionSyntax call)
            {
                var position = call.Position;
                int low = 0, high = Calls.Count;
                while (low < high)
                {
                    var middle = (low + high) >>> 1;
                    if (Calls[middle].Position < position) low = middle + 1;
                    else high = middle;
                }
                // Calls of a chain (`f()()`) start at the same position.
                for (; low < Calls.Count && Calls[low].Position == position; low++)
                    if (ReferenceEquals(Calls[low], call)) return low;
                return -1;
            }
        }

        public CallTarget? ResolveCallee(CallExpressionSyntax call)
        {
            var slots = _callSlots ?? InitializeCallSlots();
            var index = slots.IndexOf(call);
            if (index < 0) return _callees.GetOrAdd(call, _resolveUncached ??= ResolveCalleeUncached);
            var known = Volatile.Read(ref slots.Targets[index]);
            if (known != Unresolved) return (CallTarget?)known;
            // Two threads may both resolve a call: the answer is the same (equal records), so the last write is as good.
            var target = ResolveCalleeUncached(call);
            Volatile.Write(ref slots.Targets[index], target);
            return target;
        }

        /// <summary><see cref="WorkspaceCallsWithRequestData"/> of the unseeded model over the document's own calls, once computed.</summary>
        public IReadOnlyList<(CallExpressionSyntax Call, CallTarget Target)>? DocumentRequestCalls;

        /// <summary>Whether <paramref name="calls"/> is the list of every call of the document's node index.</summary>
        public bool IsDocumentCallList(IReadOnlyList<CallExpressionSyntax> calls) => ReferenceEquals((_callSlots ?? InitializeCallSlots()).Calls, calls);

        private CallSlots InitializeCallSlots()
        {
            IReadOnlyList<CallExpressionSyntax> calls = TreeDocument is { } document
                ? document.GetPythonNodes().Calls
                : Array.Empty<CallExpressionSyntax>();
            return Interlocked.CompareExchange(ref _callSlots, new CallSlots(calls), null) ?? _callSlots!;
        }

        private CallTarget? ResolveCalleeUncached(CallExpressionSyntax call)
        {
            var callee = call.Expression.Unparenthesize();
            if (callee is NameExpressionSyntax name)
            {
                // Most named calls are builtins, classes or locals: only a name some scope binds with `def` or an import
                // can resolve, and a set of those names answers the rest without a reaching-binding lookup.
                if (!FunctionOrImportNames.Contains(name.Name)) return null;
                var binding = Semantics.GetReachingBinding(name);
                if (binding?.Kind == BindingKind.Function && binding.Node is FunctionDefinitionSyntax local) return Local(local);
                if (binding?.Kind == BindingKind.Import && binding.ImportedName is { } imported) return Environment != null ? ResolveImported(imported) : null;
                return null;
            }
            if (callee is AttributeExpressionSyntax { Expression: NameExpressionSyntax { Name: "self" or "cls" } } method)
            {
                var enclosing = FirstAncestor(call, functionsOnly: true);
                if (enclosing == null || FirstAncestor(enclosing, functionsOnly: false) is not ClassDefinitionSyntax @class) return null;
                if (!_methods.GetOrAdd(@class, _methodsOf ??= MethodsOf).TryGetValue(method.Name, out var target)) return null;
                // A subclass may override the method: what it returns on its own is at least unknown.
                return new CallTarget(_owner, target.Function, target.IsStatic ? 0 : 1, IsVirtual: true);
            }
            if (callee is AttributeExpressionSyntax && Environment != null && Semantics.GetQualifiedName(callee) is { } qualified)
                return ResolveImported(qualified);
            return null;
        }

        // A module calls the same few imported names many times: one answer per name and model (the workspace's own cache
        // is keyed by folder and name, which costs hashing the folder's path per call).
        private readonly ConcurrentDictionary<string, CallTarget?> _imported = new(StringComparer.Ordinal);

        private CallTarget? ResolveImported(string qualifiedName)
        {
            if (_imported.TryGetValue(qualifiedName, out var known)) return known;
            var target = Environment!.ResolveFunction(qualifiedName, Path);
            _imported.TryAdd(qualifiedName, target);
            return target;
        }

        /// <summary>The nearest enclosing function (<paramref name="functionsOnly"/>), else the nearest function or class, of <paramref name="node"/>.</summary>
        private static SyntaxNode? FirstAncestor(SyntaxNode node, bool functionsOnly)
        {
            for (var current = node.Parent; current != null; current = current.Parent)
                if (current is FunctionDefinitionSyntax || (!functionsOnly && current is ClassDefinitionSyntax)) return current;
            return null;
        }

        private HashSet<string>? _functionOrImportNames;

        /// <summary>Every name bound by a <c>def</c> or an import in some scope of the module (what a named call can resolve through).</summary>
        private HashSet<string> FunctionOrImportNames => Volatile.Read(ref _functionOrImportNames) ?? CollectFunctionOrImportNames();

        private HashSet<string> CollectFunctionOrImportNames()
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Stack<Scope>();
            pending.Push(Semantics.ModuleScope);
            while (pending.Count > 0)
            {
                var scope = pending.Pop();
                foreach (var (name, bindings) in scope.Bindings)
                {
                    foreach (var binding in bindings)
                    {
                        if (binding.Kind is BindingKind.Function or BindingKind.Import)
                        {
                            names.Add(name);
                            break;
                        }
                    }
                }
                foreach (var child in scope.Children) pending.Push(child);
            }
            return Interlocked.CompareExchange(ref _functionOrImportNames, names, null) ?? names;
        }

        // `self.method(...)` is looked up by name in the enclosing class: one map per class instead of a scan of the class
        // body (and of every method's decorators) per call, which was quadratic in big classes (Django's Query, QuerySet).
        private readonly ConcurrentDictionary<ClassDefinitionSyntax, Dictionary<string, (FunctionDefinitionSyntax Function, bool IsStatic)>> _methods =
            new(ReferenceEqualityComparer.Instance);
        private Func<ClassDefinitionSyntax, Dictionary<string, (FunctionDefinitionSyntax, bool)>>? _methodsOf;

        private static readonly KeywordGroup StaticMethodWord = SourceKeywords.Register("staticmethod");

        /// <summary>The methods defined directly in <paramref name="class"/>'s body by name; a later definition replaces an earlier one, as at run time.</summary>
        private Dictionary<string, (FunctionDefinitionSyntax, bool)> MethodsOf(ClassDefinitionSyntax @class)
        {
            // A decorator's text is part of the module's: where the shared word search found no "staticmethod" in the
            // document, no decorator's text (rebuilt from its tokens by ToString) can contain it.
            var mayBeStatic = TreeDocument is not { } document || StaticMethodWord.AnyIn(document);
            var methods = new Dictionary<string, (FunctionDefinitionSyntax, bool)>(StringComparer.Ordinal);
            foreach (var function in @class.Body.Statements.OfType<FunctionDefinitionSyntax>())
                methods[function.Name] = (function, mayBeStatic && function.Decorators.Count > 0
                    && function.Decorators.Any(d => d.ToString().Contains("staticmethod", StringComparison.Ordinal)));
            return methods;
        }

        private CallTarget? Local(FunctionDefinitionSyntax function)
        {
            // A method referred to by bare name is not reachable like this; a nested def is.
            if (function.Ancestors().FirstOrDefault(a => a is FunctionDefinitionSyntax or ClassDefinitionSyntax) is ClassDefinitionSyntax) return null;
            return new CallTarget(_owner, function, 0);
        }

        public ReturnSummary? GetReturnSummary(FunctionDefinitionSyntax function, CancellationToken cancellationToken)
        {
            if (_summaries.TryGetValue(function, out var cached)) return cached;
            if (!InterproceduralGuard.TryEnter(function)) return null;
            try
            {
                var summary = ComputeSummary(function, cancellationToken);
                if (summary != null) _summaries.TryAdd(function, summary);
                return summary;
            }
            finally
            {
                InterproceduralGuard.Exit(function);
            }
        }

        private ReturnSummary? ComputeSummary(FunctionDefinitionSyntax function, CancellationToken cancellationToken)
        {
            var body = function.Body.DescendantNodes(n => n is not (FunctionDefinitionSyntax or LambdaExpressionSyntax or ClassDefinitionSyntax)).ToList();
            if (body.OfType<YieldExpressionSyntax>().Any()) return null;   // a generator: its values are not returned
            var returns = body.OfType<ReturnStatementSyntax>().Where(r => r.Value != null).Select(r => r.Value!).ToList();
            var baseValue = Returned(function, TaintSeed.Base, returns, cancellationToken);
            var parameters = function.Parameters.Parameters;
            return new ReturnSummary(baseValue, index =>
            {
                if (index >= MaxSummarisedParameters || index >= parameters.Count || parameters[index].NameToken is not { IsMissing: false } token
                    || token.Text is "request" || (index == 0 && token.Text is "self" or "cls"))
                    return TaintValue.Clean;
                // Cut like any summary when this function is already being summarised deeper on this thread.
                var key = (function, index);
                if (!InterproceduralGuard.TryEnter(key)) return TaintValue.Unknown;
                try
                {
                    var value = Returned(function, index, returns, CancellationToken.None);
                    return value.MaxOrigin == TaintOrigin.Request ? value : TaintValue.Clean;
                }
                finally
                {
                    InterproceduralGuard.Exit(key);
                }
            });
        }

        private TaintValue Returned(FunctionDefinitionSyntax function, int parameter, List<ExpressionSyntax> returns, CancellationToken cancellationToken)
        {
            var model = new PythonTaintModel(this, new TaintSeed(function, parameter));
            var result = TaintValue.Clean;
            foreach (var value in returns)
            {
                var taint = model.Evaluate(value, cancellationToken);
                result = TaintValue.Join(result, taint.TakesStep ? taint.WithStep(Evaluator.Location(value, $"returned by `{function.Name}()`")) : taint);
            }
            return result;
        }
    }
}

/// <summary>The intra-module taint model of a Python document, cached per snapshot.</summary>
public sealed class PythonTaintFeature : DocumentFeature<PythonTaintModel>
{
    public static readonly PythonTaintFeature Instance = new();

    private PythonTaintFeature()
    {
    }

    public override PythonTaintModel Compute(AnalysisDocument document, CancellationToken cancellationToken) =>
        new(document.GetPythonSemantics(cancellationToken), document.Path, null, document);
}

public static class PythonTaintDocumentExtensions
{
    public static PythonTaintModel GetPythonTaint(this AnalysisDocument document, CancellationToken cancellationToken = default) =>
        document.GetFeature(PythonTaintFeature.Instance, cancellationToken);
}
