using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Project;
using DjangoLsp.Analysis.Rules.Csrf;
using DjangoLsp.Analysis.Syntax;
using DjangoLsp.Python.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Rules.AccessControl;

/// <summary>
/// Access-control rules (DJ701–DJ704) on the views of a Python module, using the project model to know which views
/// are routed (and by which URL), the middleware, DRF defaults, installed apps and which models belong to a user.
/// </summary>
public sealed class AccessControlAnalyzer : IDocumentAnalyzer
{
    private static readonly string[] AuthDecorators = { "login_required", "permission_required", "user_passes_test", "staff_member_required", "superuser_required", "ratelimit_login_required" };
    private static readonly string[] AuthMixins = { "LoginRequiredMixin", "PermissionRequiredMixin", "UserPassesTestMixin", "AccessMixin" };
    private static readonly string[] StaffMarkers = { "staff_member_required", "is_staff", "is_superuser", "IsAdminUser", "superuser_required" };

    public IReadOnlyList<RuleDescriptor> SupportedRules { get; } = new[]
    {
        UnauthenticatedStateChangingViewRule.Rule, ObjectWithoutOwnerFilterRule.Rule, AllowAnyWriteEndpointRule.Rule, LoginWithoutThrottlingRule.Rule,
    };

    public bool Supports(DocumentKind kind) => kind == DocumentKind.Python;

    private static readonly KeywordGroup Words = SourceKeywords.Register("request", "View");

    public IEnumerable<Finding> Analyze(AnalysisDocument document, AnalysisContext context, CancellationToken cancellationToken)
    {
        if (!Words.AnyIn(document)) return Array.Empty<Finding>();
        var project = DjangoProjectModel.ForFile(document.Path, context, cancellationToken);
        if (project == null) return Array.Empty<Finding>();
        var tree = document.GetPythonSyntax(cancellationToken);
        var imports = new ImportedNames(tree.Root);
        var findings = new List<Finding>();
        foreach (var statement in tree.Root.Statements)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (statement is not (FunctionDefinitionSyntax or ClassDefinitionSyntax)) continue;
            var name = statement is FunctionDefinitionSyntax f ? f.Name : ((ClassDefinitionSyntax)statement).Name;
            var routes = project.RoutesTo(document.Path, name).ToList();
            var view = new ViewFacts(statement, imports, project, routes, context);
            findings.AddRange(view.Check(document));
        }
        return findings;
    }

    /// <summary>What one top-level function or class looks like as a view.</summary>
    private sealed class ViewFacts
    {
        private readonly SyntaxNode _node;
        private readonly ImportedNames _imports;
        private readonly DjangoProject _project;
        private readonly List<UrlRoute> _routes;
        private readonly AnalysisContext _context;
        private readonly string _name;
        private readonly string _source;

        public ViewFacts(SyntaxNode node, ImportedNames imports, DjangoProject project, List<UrlRoute> routes, AnalysisContext context)
        {
            _node = node;
            _imports = imports;
            _project = project;
            _routes = routes;
            _context = context;
            _name = node is FunctionDefinitionSyntax f ? f.Name : ((ClassDefinitionSyntax)node).Name;
            _source = node.ToString();
        }

        private TextSpan NameSpan => _node is FunctionDefinitionSyntax f ? f.NameToken.Span : ((ClassDefinitionSyntax)_node).NameToken.Span;

        private IReadOnlyList<DecoratorSyntax> Decorators => _node is FunctionDefinitionSyntax f ? f.Decorators : ((ClassDefinitionSyntax)_node).Decorators;

        private IEnumerable<string> BaseNames => _node is ClassDefinitionSyntax c
            ? (c.Arguments?.Arguments ?? (IReadOnlyList<ArgumentSyntax>)Array.Empty<ArgumentSyntax>()).Where(a => !a.IsKeyword).Select(a => a.Expression.ToString())
            : Array.Empty<string>();

        private bool IsDrf => Decorators.Any(d => d.Expression.ToString().StartsWith("api_view", StringComparison.Ordinal)) ||
                              BaseNames.Any(b => b.EndsWith("APIView", StringComparison.Ordinal) || b.Contains("ViewSet", StringComparison.Ordinal) ||
                                                 b.StartsWith("generics.", StringComparison.Ordinal));

        /// <summary>The permission classes named by <c>@permission_classes([...])</c> or <c>permission_classes = [...]</c>; null when not set here.</summary>
        private (List<string> Names, SyntaxNode At)? PermissionClasses()
        {
            foreach (var decorator in Decorators)
                if (decorator.Expression is CallExpressionSyntax { Expression: NameExpressionSyntax { Name: "permission_classes" } } call && call.ArgumentList.Arguments.FirstOrDefault() is { } arg)
                    return (Names(arg.Expression), arg.Expression);
            if (_node is ClassDefinitionSyntax cls)
                foreach (var assignment in cls.Body.Statements.OfType<AssignmentStatementSyntax>())
                    if (assignment.Targets.Any(t => t is NameExpressionSyntax { Name: "permission_classes" }))
                        return (Names(assignment.Value), assignment.Value);
            return null;
        }

        private static List<string> Names(ExpressionSyntax expression) => expression is CollectionExpressionSyntax list
            ? list.Elements.Select(e => e.ToString().Split('.').Last()).ToList()
            : new List<string> { expression.ToString().Split('.').Last() };

        private bool IsStaffOnly => StaffMarkers.Any(m => _source.Contains(m, StringComparison.Ordinal)) ||
                                    _routes.Count > 0 && _routes.All(r => WrapperText(r).Contains("staff_member_required", StringComparison.Ordinal));

        private string WrapperText(UrlRoute route) =>
            _context.Files.TryGetDocument(route.UrlConfPath) is { } urls && route.Span.End <= urls.Text.Length ? urls.Text.ToString(route.Span) : "";

        /// <summary>Why the view is protected, or null when nothing restricts it.</summary>
        private string? Protection()
        {
            foreach (var decorator in Decorators)
            {
                var expr = decorator.Expression.ToString();
                if (AuthDecorators.Any(a => expr.Contains(a, StringComparison.Ordinal))) return "decorator";
            }
            if (BaseNames.Any(b => AuthMixins.Any(m => b.Contains(m, StringComparison.Ordinal)))) return "mixin";
            if (_source.Contains("user.is_authenticated", StringComparison.Ordinal) || _source.Contains("has_perm(", StringComparison.Ordinal) ||
                _source.Contains("is_staff", StringComparison.Ordinal) || _source.Contains("PermissionDenied", StringComparison.Ordinal)) return "check";
            // Server-to-server endpoints that authenticate each request with a signature (webhooks).
            if (_source.Contains("hmac.", StringComparison.Ordinal) || _source.Contains("compare_digest", StringComparison.Ordinal) ||
                _source.Contains("constant_time_compare", StringComparison.Ordinal)) return "signature";
            if (_routes.Count > 0 && _routes.All(r => AuthDecorators.Any(a => WrapperText(r).Contains(a + "(", StringComparison.Ordinal)))) return "url wrapper";
            if (IsDrf)
            {
                var classes = PermissionClasses()?.Names ?? _project.DefaultPermissionClasses?.Select(c => c.Split('.').Last()).ToList();
                if (classes != null && classes.Count > 0 && !classes.Contains("AllowAny")) return "permission classes";
            }
            if (_project.HasMiddleware("LoginRequiredMiddleware") && !Decorators.Any(d => d.Expression.ToString().Contains("login_not_required", StringComparison.Ordinal)))
                return "middleware";
            return null;
        }

        private static bool IsAuthenticationView(string name)
        {
            var lower = name.ToLowerInvariant();
            return lower.Contains("login") || lower.Contains("signup") || lower.Contains("sign_up") || lower.Contains("register") ||
                   lower.Contains("password") || lower.Contains("logout") || lower.Contains("activate") || lower.Contains("confirm_email") ||
                   lower.Contains("verify");
        }

        public IEnumerable<Finding> Check(AnalysisDocument document)
        {
            var routed = _routes.Where(r => !r.IsAdmin).ToList();
            var reason = routed.Count > 0 ? ViewShape.StateChangingReason(_node, _imports) : null;
            // Read-only DRF bases (ReadOnlyModelViewSet, ListAPIView, RetrieveAPIView) only serve GET.
            if (reason != null && reason.StartsWith("it derives from", StringComparison.Ordinal) &&
                (reason.Contains("ReadOnly", StringComparison.Ordinal) || !BaseNames.Any(IsWritingBase)))
                reason = null;
            var allowAny = routed.Count > 0 && PermissionClasses() is { } declared && declared.Names.Contains("AllowAny");
            // DJ701: only persistent writes count (a public POST that only sets the session, like a cart, is normal).
            var write = routed.Count > 0 ? DatabaseWrite() : null;
            if (write != null && reason != null && !allowAny && !IsAuthenticationView(_name) && Protection() == null)
            {
                var route = routed[0];
                yield return new Finding(UnauthenticatedStateChangingViewRule.Rule, document.Path, NameSpan,
                    $"'{_name}' changes state ({reason}; it calls .{write}()) and is reachable at '/{route.Pattern}' without login or permission checks " +
                    "(no login_required/permission_required/staff_member_required, no auth mixin, no request.user check, no LoginRequiredMiddleware).",
                    UnauthenticatedStateChangingViewRule.Rule.DefaultSeverity,
                    routed.Select(r => new RelatedLocation(r.UrlConfPath, r.Span, $"routed here as '{r.Pattern}'")).ToList(), Array.Empty<CodeFix>());
            }
            // DJ703
            if (routed.Count > 0 && PermissionClasses() is { } permissions && permissions.Names.Contains("AllowAny"))
            {
                var writing = reason ?? (Decorators.Any(d => d.Expression.ToString().Contains("\"POST\"", StringComparison.Ordinal)) ? "it accepts POST" : null);
                if (writing != null)
                    yield return new Finding(AllowAnyWriteEndpointRule.Rule, document.Path, permissions.At.Span,
                        $"'{_name}' writes data ({writing}) but its permission_classes is AllowAny: anyone without credentials can call it.");
            }
            // DJ702
            if (routed.Count > 0 && !IsStaffOnly)
                foreach (var finding in Idor(document)) yield return finding;
            // DJ704
            foreach (var finding in Throttling(document)) yield return finding;
        }

        private static bool IsWritingBase(string b) =>
            b.Contains("Create", StringComparison.Ordinal) || b.Contains("Update", StringComparison.Ordinal) || b.Contains("Delete", StringComparison.Ordinal) ||
            b.Contains("Destroy", StringComparison.Ordinal) || b.Contains("FormView", StringComparison.Ordinal) ||
            b.Contains("ModelViewSet", StringComparison.Ordinal) && !b.Contains("ReadOnly", StringComparison.Ordinal);

        private static readonly HashSet<string> WriteMethods = new(StringComparer.Ordinal)
        {
            "save", "delete", "update", "create", "bulk_create", "bulk_update", "get_or_create", "update_or_create", "set_password",
        };

        /// <summary>The first database-writing method called in the view (or the class's methods), or null.</summary>
        private string? DatabaseWrite()
        {
            if (_node is ClassDefinitionSyntax && BaseNames.Any(IsWritingBase)) return "save";
            return _node.DescendantNodes().OfType<CallExpressionSyntax>()
                .Select(c => c.Expression is AttributeExpressionSyntax a && WriteMethods.Contains(a.Name) ? a.Name : null)
                .FirstOrDefault(n => n != null);
        }

        private IEnumerable<Finding> Idor(AnalysisDocument document)
        {
            foreach (var node in _node.DescendantNodes())
            {
                switch (node)
                {
                    case CallExpressionSyntax call:
                    {
                        string? modelName = null;
                        if (call.Expression is NameExpressionSyntax { Name: "get_object_or_404" } && call.ArgumentList.Arguments.FirstOrDefault(a => !a.IsKeyword)?.Expression is NameExpressionSyntax m)
                            modelName = m.Name;
                        else if (call.Expression is AttributeExpressionSyntax { Name: "get", Expression: AttributeExpressionSyntax { Name: "objects", Expression: NameExpressionSyntax m2 } })
                            modelName = m2.Name;
                        if (modelName == null || !_project.Models.TryGetValue(modelName, out var model) || model.OwnerFields.Count == 0) continue;
                        var keywords = call.ArgumentList.Arguments.Where(a => a.IsKeyword).ToList();
                        if (!keywords.Any(k => k.NameToken!.Text is "pk" or "id" || k.NameToken.Text.EndsWith("_id", StringComparison.Ordinal) || k.NameToken.Text == "uuid")) continue;
                        if (keywords.Any(k => k.NameToken!.Text.Split("__")[0] is var f && model.OwnerFields.Contains(f) || k.Expression.ToString().Contains("request.user", StringComparison.Ordinal))) continue;
                        yield return new Finding(ObjectWithoutOwnerFilterRule.Rule, document.Path, call.Span,
                            $"{model.Name} belongs to a user ({string.Join(", ", model.OwnerFields)} → user model) but is fetched by id without filtering by request.user: " +
                            $"any signed-in user can reach other users' rows by changing the id (add {model.OwnerFields[0]}=request.user).",
                            ObjectWithoutOwnerFilterRule.Rule.DefaultSeverity,
                            new[] { new RelatedLocation(model.Path, model.Span, $"model {model.Name} with owner field {model.OwnerFields[0]}") }, Array.Empty<CodeFix>());
                        break;
                    }
                    case AssignmentStatementSyntax assignment when _node is ClassDefinitionSyntax cls && cls.Body.Statements.Contains(assignment) &&
                        assignment.Targets.Any(t => t is NameExpressionSyntax { Name: "queryset" }) &&
                        !cls.Body.Statements.OfType<FunctionDefinitionSyntax>().Any(fn => fn.Name is "get_queryset" or "get_object"):
                    {
                        var root = assignment.Value.DescendantNodesAndSelf().OfType<AttributeExpressionSyntax>()
                            .FirstOrDefault(a => a is { Name: "objects", Expression: NameExpressionSyntax });
                        if (root?.Expression is not NameExpressionSyntax modelRef || !_project.Models.TryGetValue(modelRef.Name, out var model) || model.OwnerFields.Count == 0) continue;
                        if (assignment.Value.ToString().Contains("user", StringComparison.Ordinal)) continue;
                        yield return new Finding(ObjectWithoutOwnerFilterRule.Rule, document.Path, assignment.Span,
                            $"'{_name}' serves {model.Name} rows (owned through {model.OwnerFields[0]}) from an unfiltered queryset and has no get_queryset(): " +
                            "every user with access can read every user's rows by id.",
                            ObjectWithoutOwnerFilterRule.Rule.DefaultSeverity,
                            new[] { new RelatedLocation(model.Path, model.Span, $"model {model.Name} with owner field {model.OwnerFields[0]}") }, Array.Empty<CodeFix>());
                        break;
                    }
                }
            }
        }

        private IEnumerable<Finding> Throttling(AnalysisDocument document)
        {
            if (_project.HasApp("axes") || _project.DefaultThrottleClasses is { Count: > 0 }) yield break;
            if (Decorators.Any(d => d.Expression.ToString().Contains("ratelimit", StringComparison.Ordinal))) yield break;
            if (_source.Contains("throttle_classes", StringComparison.Ordinal) || _source.Contains("ratelimit", StringComparison.Ordinal)) yield break;
            var loginBase = BaseNames.FirstOrDefault(b => b.EndsWith("LoginView", StringComparison.Ordinal) || b.EndsWith("PasswordResetView", StringComparison.Ordinal));
            if (loginBase != null)
            {
                yield return new Finding(LoginWithoutThrottlingRule.Rule, document.Path, NameSpan,
                    $"'{_name}' derives from {loginBase} and nothing throttles it (no django-axes, @ratelimit or DRF throttles): passwords can be guessed without limit.");
                yield break;
            }
            var authenticate = _node.DescendantNodes().OfType<CallExpressionSyntax>()
                .FirstOrDefault(c => c.Expression is NameExpressionSyntax { Name: "authenticate" } || c.Expression is AttributeExpressionSyntax { Name: "authenticate", Expression: NameExpressionSyntax { Name: "auth" } });
            if (authenticate != null)
                yield return new Finding(LoginWithoutThrottlingRule.Rule, document.Path, authenticate.Span,
                    $"'{_name}' checks passwords with authenticate() and nothing throttles it (no django-axes, @ratelimit or DRF throttles): passwords can be guessed without limit.");
        }
    }
}
