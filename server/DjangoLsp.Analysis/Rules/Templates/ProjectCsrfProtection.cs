using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Project;
using DjangoLsp.Analysis.Settings;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Rules.Templates;

/// <summary>
/// Whether the project a template belongs to has <c>CsrfViewMiddleware</c> in its settings' MIDDLEWARE, read from
/// the project model (DJANGO_SETTINGS_MODULE of manage.py or a test config, evaluated with its star-import chain
/// through the workspace snapshots, so an unsaved settings edit counts).
/// </summary>
internal static class ProjectCsrfProtection
{
    /// <summary>Protection is off: MIDDLEWARE is known and lacks the middleware; <see cref="Location"/> is where it is set.</summary>
    public sealed record Off(string SettingsPath, RelatedLocation Location);

    /// <summary>The reason CSRF protection is off project-wide, or null when it is on or cannot be known.</summary>
    public static Off? Find(AnalysisDocument template, AnalysisContext context, CancellationToken cancellationToken)
    {
        var project = DjangoProjectModel.ForFile(template.Path, context, cancellationToken);
        if (project?.Settings is not { } settings) return null;
        var check = new SettingsCheckContext(settings, p => context.Files.TryGetDocument(p), context.WorkspaceRoot);
        if (check.HasMiddleware(SettingsCheckContext.CsrfMiddleware) != false) return null;
        var binding = settings.Get("MIDDLEWARE");
        var path = binding?.Path ?? settings.Path;
        var span = binding != null ? FirstLine(context, binding) : settings.AnchorSpan;
        var message = binding != null
            ? $"MIDDLEWARE in {Path.GetFileName(path)} has no CsrfViewMiddleware (DJ319): CSRF protection is off project-wide"
            : $"{Path.GetFileName(path)} sets no MIDDLEWARE (DJ319): CSRF protection is off project-wide";
        return new Off(path, new RelatedLocation(path, span, message));
    }

    private static TextSpan FirstLine(AnalysisContext context, SettingBinding binding)
    {
        var text = context.Files.TryGetDocument(binding.Path)?.Text;
        if (text == null || binding.StatementSpan.End > text.Length) return binding.TargetSpan;
        var line = text.Lines.GetLineFromPosition(binding.StatementSpan.Start);
        return TextSpan.FromBounds(binding.StatementSpan.Start, Math.Min(binding.StatementSpan.End, line.End));
    }
}
