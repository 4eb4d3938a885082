using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Settings;
using DjangoLsp.Analysis.Syntax;
using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Rules.Settings;

/// <summary>
/// Deployment checks on Django settings modules (DJ5xx, plus the CSRF and clickjacking middleware/setting rules).
/// <list type="bullet">
/// <item>Development modules (<c>local.py</c>, <c>dev.py</c>, <c>test.py</c>, ...) get no findings.</item>
/// <item>A deployed module (<c>production.py</c>, a single <c>settings.py</c>) is evaluated with its star-import chain;
/// findings about values set in the module itself are reported on their lines, findings about settings that are not
/// set at all at the module's anchor (its last star import, else its first statement).</item>
/// <item>A shared module (<c>base.py</c>) is reported for what the deployed siblings that star-import it still inherit:
/// each sibling is evaluated and problems whose value was set in the shared module land there. A setting overridden by
/// every deployed sibling is therefore not reported in <c>base.py</c>. Without such a sibling the shared module is
/// checked on its own values only (no "not set" findings: a module we cannot see may set them).</item>
/// </list>
/// Results depend only on the snapshots given by <see cref="AnalysisContext.Files"/>, so an edit to <c>base.py</c> in the
/// editor changes the findings computed for it and for the modules importing it.
/// </summary>
public sealed class SettingsAnalyzer : IDocumentAnalyzer
{
    public IReadOnlyList<RuleDescriptor> SupportedRules => SettingsRules.Descriptors;

    public bool Supports(DocumentKind kind) => kind == DocumentKind.Python;

    public IEnumerable<Finding> Analyze(AnalysisDocument document, AnalysisContext context, CancellationToken cancellationToken)
    {
        var tree = document.GetPythonSyntax(cancellationToken);
        if (!SettingsFiles.IsSettingsModule(document.Path, tree.Root)) return Array.Empty<Finding>();
        var role = RoleOf(document.Path, context);
        if (role == SettingsRole.Development) return Array.Empty<Finding>();

        AnalysisDocument? Documents(string path) =>
            SamePath(path, document.Path) ? document : context.Files.TryGetDocument(path);

        var findings = new List<Finding>();
        var seen = new HashSet<(string, int, int)>();
        void Add(SettingsProblem problem, IReadOnlyList<RelatedLocation> related)
        {
            if (!SamePath(problem.Path, document.Path)) return;
            if (!seen.Add((problem.Rule.Id, problem.Span.Start, problem.Span.End))) return;
            findings.Add(new Finding(problem.Rule, document.Path, problem.Span, problem.Message, problem.Rule.DefaultSeverity, related, problem.Fixes));
        }

        if (role == SettingsRole.Production)
        {
            var settings = SettingsEvaluator.Evaluate(document, context.Files, context.WorkspaceRoot, cancellationToken);
            foreach (var problem in SettingsRules.Check(settings, Documents, cancellationToken, context.WorkspaceRoot))
                Add(problem, Array.Empty<RelatedLocation>());
            return findings;
        }

        var inheritors = DeployedInheritors(document, context, cancellationToken).ToList();
        foreach (var (sibling, settings) in inheritors)
        {
            var related = new[] { new RelatedLocation(sibling.Path, settings.AnchorSpan, $"inherited by {Path.GetFileName(sibling.Path)}") };
            foreach (var problem in SettingsRules.Check(settings, Documents, cancellationToken, context.WorkspaceRoot))
                if (!problem.IsAboutMissingSetting) Add(problem, related);
        }
        if (inheritors.Count == 0)
        {
            var own = SettingsEvaluator.Evaluate(document, context.Files, context.WorkspaceRoot, cancellationToken);
            foreach (var problem in SettingsRules.Check(own, Documents, cancellationToken, context.WorkspaceRoot))
                if (!problem.IsAboutMissingSetting) Add(problem, Array.Empty<RelatedLocation>());
        }
        return findings;
    }

    private static SettingsRole RoleOf(string path, AnalysisContext context)
    {
        // An explicitly configured settings module is the deployed one whatever its name.
        if (context.Options.SettingsModule is { Length: > 0 } configured)
        {
            var relative = configured.Replace('.', Path.DirectorySeparatorChar);
            var withoutExtension = Path.ChangeExtension(Path.GetFullPath(path), null);
            if (withoutExtension.EndsWith(Path.DirectorySeparatorChar + relative, StringComparison.Ordinal)) return SettingsRole.Production;
        }
        return SettingsFiles.RoleOf(path);
    }

    /// <summary>Deployed settings modules in the shared module's folder whose star-import chain includes it.</summary>
    private static IEnumerable<(AnalysisDocument, EvaluatedSettings)> DeployedInheritors(AnalysisDocument shared, AnalysisContext context,
        CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(shared.Path));
        if (folder == null) yield break;
        // Files on disk, plus the usual names probed through the workspace (an unsaved new buffer counts too).
        var candidates = new SortedSet<string>(StringComparer.Ordinal);
        try
        {
            if (Directory.Exists(folder)) candidates.UnionWith(Directory.GetFiles(folder, "*.py").Select(Path.GetFullPath));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        foreach (var name in UsualDeployedNames)
        {
            var probe = Path.Combine(folder, name);
            if (!candidates.Contains(probe) && context.Files.TryGetDocument(probe) != null) candidates.Add(probe);
        }
        foreach (var candidate in candidates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (SamePath(candidate, shared.Path) || SettingsFiles.RoleOf(candidate) != SettingsRole.Production) continue;
            if (Path.GetFileName(candidate) == "__init__.py") continue;
            var sibling = context.Files.TryGetDocument(candidate);
            if (sibling == null) continue;
            var tree = sibling.GetPythonSyntax(cancellationToken);
            if (!tree.Root.Statements.OfType<FromImportStatementSyntax>().Any(s => s.IsStarImport)) continue;
            var settings = SettingsEvaluator.Evaluate(sibling, new SnapshotFiles(context.Files, shared), context.WorkspaceRoot, cancellationToken);
            if (settings.Files.Any(f => SamePath(f, shared.Path))) yield return (sibling, settings);
        }
    }

    private static readonly string[] UsualDeployedNames =
    {
        "production.py", "prod.py", "staging.py", "stage.py", "live.py", "deploy.py", "deployment.py", "settings_production.py", "settings_prod.py",
    };

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    /// <summary>The workspace files, with the document being analysed taking precedence (its snapshot is the truth).</summary>
    private sealed class SnapshotFiles : IWorkspaceFiles
    {
        private readonly IWorkspaceFiles _inner;
        private readonly AnalysisDocument _document;

        public SnapshotFiles(IWorkspaceFiles inner, AnalysisDocument document)
        {
            _inner = inner;
            _document = document;
        }

        public AnalysisDocument? TryGetDocument(string path) => SamePath(path, _document.Path) ? _document : _inner.TryGetDocument(path);
    }
}
